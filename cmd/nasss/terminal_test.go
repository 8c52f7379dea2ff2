//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/questionnaire/example"
	"github.com/nasss-toolkit/nasss/scoring"
)

// hostile holds what a participant's file could use to take over the
// facilitator's terminal: clear the screen, retitle the window, plant an
// OSC 8 link, write the clipboard with OSC 52, a C1 CSI and a lone CR that
// would let later text overwrite earlier.
const hostile = "\x1b[2J\x1b]0;pwned\a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ \x1b]52;c;cm0gLXJmIH4=\a \u009b31mred lone\rCR \x7f"

// terminalSafe fails the test when s holds anything a terminal could act
// on: a control character but newline and tab, or invalid UTF-8.
func terminalSafe(t *testing.T, what, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Errorf("%s: invalid UTF-8 in %q", what, s)
	}
	for i, r := range s {
		if isTerminalControl(r) || r == '\a' || r == 0x1b || r == 0x9b {
			t.Errorf("%s: control character %U at byte %d of %q", what, r, i, s)
			return
		}
	}
	for _, b := range []string{"\x1b", "\a", "\r", "\xc2\x9b"} {
		if strings.Contains(s, b) {
			t.Errorf("%s: %q reaches the output %q", what, b, s)
		}
	}
}

func TestTerminalText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"two\nlines\tand a tab", "two\nlines\tand a tab"},
		{"é Ω Ж € ‘’ 😀 \uFFFD", "é Ω Ж € ‘’ 😀 \uFFFD"},
		{"\x1b[2J", "^[[2J"},
		{"\x1b]0;title\a", "^[]0;title^G"},
		{"\x1b]8;;http://x\x1b\\", "^[]8;;http://x^[\\"},
		{"a\rb", "a^Mb"},
		{"\x00\x01\x1f\x7f", "^@^A^_^?"},
		{"\u0080\u009b\u009f", "M-^@M-^[M-^_"},
		{"bad \xff\xfe utf8", "bad \uFFFD\uFFFD utf8"},
		{"cut \xe2\x82", "cut \uFFFD\uFFFD"},
		{"\u00a0nbsp stays", "\u00a0nbsp stays"},
	}
	for _, tt := range tests {
		if got := terminalText(tt.in); got != tt.want {
			t.Errorf("terminalText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTerminalWriter(t *testing.T) {
	tests := []struct {
		name   string
		writes []string
		want   string
	}{
		{"whole", []string{"Ward 7 \x1b[2J"}, "Ward 7 ^[[2J"},
		{"a character cut in two", []string{"caf\xc3", "\xa9 ok"}, "café ok"},
		{"an emoji cut in three", []string{"\xf0\x9f", "\x98", "\x80!"}, "😀!"},
		{"a C1 control cut in two", []string{"\xc2", "\x9b31m"}, "M-^[31m"},
		{"cut and never completed", []string{"end \xe2\x82"}, "end \uFFFD\uFFFD"},
		{"cut and followed by ASCII", []string{"\xe2\x82", "x"}, "\uFFFD\uFFFDx"},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		w := newTerminalWriter(&buf)
		for _, s := range tt.writes {
			if n, err := w.Write([]byte(s)); n != len(s) || err != nil {
				t.Errorf("%s: Write(%q) = %d, %v", tt.name, s, n, err)
			}
		}
		w.flush()
		if buf.String() != tt.want {
			t.Errorf("%s: wrote %q, want %q", tt.name, buf.String(), tt.want)
		}
	}
}

// TestDataIsExact checks that machine output bypasses the terminal filter:
// the bytes a command writes to data() are the bytes the caller gets.
func TestDataIsExact(t *testing.T) {
	var out bytes.Buffer
	e := &env{stdout: newTerminalWriter(&out)}
	e.stdout.Write([]byte("text \x1b then \xc3"))
	e.data().Write([]byte("\x1b\xc2\x9b\xff"))
	if want := "text ^[ then \uFFFD\x1b\xc2\x9b\xff"; out.String() != want {
		t.Errorf("got %q, want %q", out.String(), want)
	}
}

// TestPrintScoreHostile prints a score whose every user text is hostile,
// as the validator, which refuses control characters, cannot stand in the
// way: no control character reaches the terminal, and what was there shows.
func TestPrintScoreHostile(t *testing.T) {
	a := example.Generate(example.Options{Mode: q.Full, Respondents: 2, Seed: 1})
	b := q.LookupBank(a.Bank)
	rep := scoreReport{Project: a.Project, Profile: scoring.Score(b, a), TopActions: scoring.Top(scoring.Plan(b, a), topActions)}
	rep.Project.Name = "Ward 7 " + hostile
	rep.Project.Organisation = hostile
	for i := range rep.TopActions {
		rep.TopActions[i].Text = hostile
		rep.TopActions[i].ItemTitle = hostile
	}
	for i := range rep.Profile.Unknowns {
		rep.Profile.Unknowns[i].Title = hostile
	}
	var buf bytes.Buffer
	tw := newTerminalWriter(&buf)
	if err := printScore(tw, &rep); err != nil {
		t.Fatal(err)
	}
	tw.flush()
	out := buf.String()
	terminalSafe(t, "printScore", out)
	for _, want := range []string{"Ward 7 ^[[2J^[]0;pwned^G", "^[]52;c;", "M-^[31mred lone^MCR"} {
		if !strings.Contains(out, want) {
			t.Errorf("printScore lacks %q:\n%s", want, out)
		}
	}
}

// TestHostileCommands runs whole commands on files named with escape
// sequences and on a file whose names, notes and actions hold them. The
// validator may refuse such a file, so either outcome is allowed; what is
// printed must be safe either way.
func TestHostileCommands(t *testing.T) {
	dir := t.TempDir()
	name := func(base string) string { return filepath.Join(dir, "\x1b]0;pwned\a"+base) }
	good := name("good.nasss.json")
	os.WriteFile(good, []byte(makeExample(t, "--respondents", "2")), 0o644)

	// A file holding hostile text everywhere a person writes, made by
	// textual substitution so that no encoder refuses it.
	marker := "HOSTILE-TEXT"
	a := example.Generate(example.Options{Mode: q.Full, Respondents: 2, Seed: 1})
	a.Project.Name, a.Project.Notes = marker, marker
	a.Respondents[0].Name = marker
	for id, ans := range a.Respondents[0].Answers {
		ans.Note = marker
		a.Respondents[0].Answers[id] = ans
		break
	}
	a.Actions = append(a.Actions, q.Action{ID: "own-1", ItemID: "1A", Text: marker, Owner: marker, Status: q.NotStarted})
	data, err := q.Encode(a)
	if err != nil {
		t.Fatal(err)
	}
	esc, _ := json.Marshal(hostile)
	data = bytes.ReplaceAll(data, []byte(`"`+marker+`"`), esc)
	evil := name("evil.nasss.json")
	os.WriteFile(evil, data, 0o644)

	tests := []struct {
		args []string
		show string // the visible form of what the output must name
	}{
		{[]string{"score", name("missing.json")}, "^[]0;pwned^G"},
		{[]string{"score", good}, ""},
		{[]string{"score", evil}, ""},
		{[]string{"validate", good, evil, name("missing.json")}, "^[]0;pwned^G"},
		{[]string{"merge", evil, evil, "-o", name("merged.json")}, "^[]0;pwned^G"},
		{[]string{"merge", good, good, "-o", name("merged2.json")}, "^[]0;pwned^G"},
		{[]string{"compare", good, evil}, ""},
		{[]string{"compare", good, name("missing.json")}, "^[]0;pwned^G"},
		{[]string{"report", good, "-o", name("plan.pdf"), "--date", "2026-11-23"}, "^[]0;pwned^G"},
		{[]string{"report", evil, "-o", filepath.Join(dir, "evil.pdf"), "--date", "2026-11-23"}, ""},
		{[]string{"csv", name("missing.json")}, "^[]0;pwned^G"},
		{[]string{"bank", "--\x1b[2J"}, "-^[[2J"},
		{[]string{"example", "--seed", "\x1b[2J"}, ""},
		{[]string{"\x1b[2Jnope"}, ""},
	}
	for _, tt := range tests {
		code, out, errs := nasss("", tt.args...)
		what := strings.Join(tt.args, " ")
		terminalSafe(t, what+": stdout", out)
		terminalSafe(t, what+": stderr", errs)
		if code != 0 && code != 2 {
			t.Errorf("%q: exit %d: %s", what, code, errs)
		}
		if !strings.Contains(out+errs, tt.show) {
			t.Errorf("%q: the output lacks %q:\n%s%s", what, tt.show, out, errs)
		}
	}

	// While the validator lets the hostile file through, its text must
	// show, made harmless, in the score and in merge's notes.
	if code, out, _ := nasss("", "score", evil); code == 0 && !strings.Contains(out, "^[[2J^[]0;pwned^G") {
		t.Errorf("score: the project name does not show:\n%s", out)
	}
	if code, _, errs := nasss("", "merge", evil, evil, "-o", filepath.Join(dir, "m.json")); code == 0 && !strings.Contains(errs, "note: ^[[2J") {
		t.Errorf("merge: the respondent's name does not show in the notes:\n%s", errs)
	}
}

// TestMachineOutputExact checks that JSON, CSV and PDF on standard output
// are the bytes the packages make, not the terminal's filtered text.
func TestMachineOutputExact(t *testing.T) {
	file := makeExample(t, "--respondents", "2")
	a, err := q.Decode([]byte(file))
	if err != nil {
		t.Fatal(err)
	}
	if want, _ := q.Encode(a); file != string(want) {
		t.Error("example: the file differs from what Encode makes")
	}
	var csv bytes.Buffer
	q.WriteCSV(&csv, q.LookupBank(a.Bank), a)
	if _, out, _ := nasss(file, "csv", "-"); out != csv.String() {
		t.Error("csv: the output differs from what WriteCSV makes")
	}
	var js bytes.Buffer
	b := q.LookupBank(a.Bank)
	printJSON(&js, newScoreReport(b, a))
	if _, out, _ := nasss(file, "score", "--json", "-"); out != js.String() {
		t.Error("score --json: the output differs from the encoder's")
	}
}
