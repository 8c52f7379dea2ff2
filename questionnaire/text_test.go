package questionnaire_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/questionnaire/example"
)

func TestTextRules(t *testing.T) {
	tests := []struct {
		name string
		rule q.TextRule
		in   string
		want string // part of the error, or "" for none
	}{
		{"name at its limit", q.NameText, strings.Repeat("é", 200), ""},
		{"name past it", q.NameText, strings.Repeat("é", 201), "201 characters; the most this field holds is 200"},
		{"emoji count one each", q.NameText, strings.Repeat("😀", 200), ""},
		{"action at its limit", q.ActionText, strings.Repeat("a", 1000), ""},
		{"action past it", q.ActionText, strings.Repeat("a", 1001), "1,001 characters; the most this field holds is 1,000"},
		{"note past it", q.NoteText, strings.Repeat("n", 10_001), "10,001 characters"},
		{"note with lines and tabs", q.NoteText, "one\n\ttwo", ""},
		{"screen clear", q.NoteText, "a\x1b[2Jb", "has an escape character (U+001B) at character 2"},
		{"terminal title", q.NameText, "\x1b]0;pwned\x07", "escape character"},
		{"C1 CSI", q.NoteText, "ab\u009b2J", "has a control character (U+009B) at character 3"},
		{"DEL", q.NameText, "a\x7f", "delete character"},
		{"NUL", q.NoteText, "a\x00", "NUL character"},
		{"carriage return in a note", q.NoteText, "a\rb", "carriage return"},
		{"line break in a name", q.NameText, "a\nb", "line break"},
		{"tab in a name", q.NameText, "a\tb", "a tab"},
		{"decomposed name", q.NameText, "Zoe\u0308", "normal form C"},
		{"composed name", q.NameText, "Zoë", ""},
		{"right-to-left and markup", q.NameText, "\u202eשלום <b>مرحبا</b>", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.rule.Check(tt.in)
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("error %v, want %q", err, tt.want)
			}
			if tt.want != "" {
				var te *q.TextError
				if !errors.As(err, &te) {
					t.Errorf("%T is not a *TextError", err)
				}
			}
		})
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 10000: "10,000", 1048576: "1,048,576", -1500: "-1,500"} {
		if got := q.Thousands(n); got != want {
			t.Errorf("Thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestCleanText(t *testing.T) {
	tests := []struct {
		rule    q.TextRule
		in, out string
	}{
		{q.NoteText, "a\r\nb\rc\n", "a\nb\nc\n"},
		{q.NoteText, "tabs\tstay", "tabs\tstay"},
		{q.NoteText, "from slides\vand\fPDFs\u0085too", "from slides\nand\nPDFs\ntoo"},
		{q.NameText, "soft\vbreak", "soft break"},
		{q.NameText, "Zoe\u0308 Smith", "Zoë Smith"},
		{q.NameText, "two\r\nlines\tand a tab", "two lines and a tab"},
		{q.NameText, "bad \xff byte", "bad \uFFFD byte"},
		{q.NameText, "keeps \x1b escapes for Check to find", "keeps \x1b escapes for Check to find"},
	}
	for _, tt := range tests {
		if got := tt.rule.CleanText(tt.in); got != tt.out {
			t.Errorf("CleanText(%q) = %q, want %q", tt.in, got, tt.out)
		}
		if tt.rule.CleanText(tt.out) != tt.out {
			t.Errorf("CleanText is not stable on %q", tt.out)
		}
	}
}

// TestNormalizedOnRead: text that is odd but harmless reads as the app
// would have saved it, and so prints and exports alike everywhere.
func TestNormalizedOnRead(t *testing.T) {
	base := encode(t, example.Generate(example.Options{Mode: q.Quick, Respondents: 1, Seed: 1}))
	data := edit(func(d map[string]any) {
		d["project"].(map[string]any)["name"] = "Cafe\u0301\tone"
		answers(d, 0)["Q1"] = map[string]any{"level": "simple", "note": "Windows\r\nand a lone\rreturn; a lone SURROGATE surrogate"}
	})(base)
	data = replace("SURROGATE", `\ud800`)(data)
	a, err := q.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if a.Project.Name != "Café one" {
		t.Errorf("name %q", a.Project.Name)
	}
	if got := a.Respondents[0].Answers["Q1"].Note; got != "Windows\nand a lone\nreturn; a lone \uFFFD surrogate" {
		t.Errorf("note %q", got)
	}
	var csv strings.Builder
	if err := q.WriteCSV(&csv, q.Default(), a); err != nil {
		t.Fatal(err)
	}
	// Line breaks in a cell are written CRLF, as the spreadsheets it is
	// for expect; the lone return became one, not nothing.
	if !strings.Contains(csv.String(), "Windows\r\nand a lone\r\nreturn") {
		t.Errorf("the CSV lost a line break: %q", csv.String())
	}
}

// TestIndentedSize: the size a file would have is worked out exactly,
// without writing it.
func TestIndentedSize(t *testing.T) {
	cases := []*q.Assessment{
		example.Generate(example.Options{Mode: q.Quick, Respondents: 1, Seed: 1}),
		example.Generate(example.Options{Mode: q.Full, Respondents: 60, Seed: 2}),
		hostile(),
		q.New(q.Default(), "empty", q.Full, time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)),
	}
	for i, a := range cases {
		compact, err := q.EncodeCompact(a)
		if err != nil {
			t.Fatal(err)
		}
		file := encode(t, a)
		if got := q.IndentedSize(compact); got != len(file) {
			t.Errorf("case %d: IndentedSize %d, the file is %d bytes", i, got, len(file))
		}
	}
}

func FuzzIndentedSize(f *testing.F) {
	for _, s := range []string{`{}`, `[]`, `{"a":[1,{},[]],"b":"x,y:{}\"\\"}`, `[[[]]]`, `"text"`, `12`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var v any
		if json.Unmarshal(data, &v) != nil {
			return
		}
		compact, _ := json.Marshal(v)
		indented, _ := json.MarshalIndent(v, "", "  ")
		if got := q.IndentedSize(compact); got != len(indented)+1 {
			t.Fatalf("IndentedSize(%s) = %d, want %d", compact, got, len(indented)+1)
		}
	})
}

// TestEncodeRefusesWhatDecodeRefuses: nothing this package writes is a
// file it would not read back.
func TestEncodeRefusesWhatDecodeRefuses(t *testing.T) {
	tests := map[string]func(a *q.Assessment){
		"escape in a name": func(a *q.Assessment) { a.Project.Name = "\x1b[2J" },
		"an action too long": func(a *q.Assessment) {
			a.AddAction(q.Action{ItemID: "Q1", Text: strings.Repeat("a", 1500)})
		},
		"501 people": func(a *q.Assessment) {
			for i := len(a.Respondents); i <= q.MaxRespondents; i++ {
				a.Respondents = append(a.Respondents, q.Respondent{ID: fmt.Sprintf("p%d", i)})
			}
		},
		"2,001 actions": func(a *q.Assessment) {
			for len(a.Actions) <= q.MaxActions {
				a.AddAction(q.Action{ItemID: "Q1", Text: "Act."})
			}
		},
		"201 reviews": func(a *q.Assessment) {
			for len(a.History) <= q.MaxReviews {
				a.History = append(a.History, q.Snapshot{Date: "2026-01-01", Mode: q.Quick, Answers: map[string]q.Answer{}})
			}
		},
		"over the size cap": func(a *q.Assessment) {
			for i := range 120 {
				a.Respondents = append(a.Respondents, q.Respondent{ID: fmt.Sprintf("big%d", i), Answers: map[string]q.Answer{
					"Q1": {Note: longest(q.NoteText.Max, "wordy ")}}})
			}
		},
	}
	for name, change := range tests {
		t.Run(name, func(t *testing.T) {
			a := example.Generate(example.Options{Mode: q.Quick, Respondents: 1, Seed: 1})
			change(a)
			if _, err := q.Encode(a); err == nil {
				t.Fatal("encoded")
			}
			if _, err := q.EncodeCompact(a); err == nil {
				t.Fatal("encoded compactly")
			}
			raw, _ := json.MarshalIndent(a, "", "  ")
			if _, err := q.Decode(raw); err == nil {
				t.Fatal("yet Decode accepts it: the rules differ")
			}
		})
	}
	a := example.Generate(example.Options{Mode: q.Quick, Respondents: 1, Seed: 1})
	tests["over the size cap"](a)
	var size *q.SizeError
	if _, err := q.Encode(a); !errors.As(err, &size) || size.Size <= q.MaxFileSize {
		t.Errorf("the size error is %v", err)
	}
}

// TestSavingFollowsLoadingRules edits assessments at random, with text at
// and past every limit and every awkward character, and holds saving and
// loading to one set of rules: what EncodeCompact accepts, after
// Normalize, Decode reads back equal, and what it refuses, Decode refuses
// as a file too.
func TestSavingFollowsLoadingRules(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	accepted, refused := 0, 0
	for round := range 300 {
		a := example.Generate(example.Options{Mode: q.Full, Respondents: 1 + round%4, Seed: uint64(round)})
		for range 1 + rng.IntN(6) {
			randomEdit(rng, a)
		}
		a.Normalize()
		compact, err := q.EncodeCompact(a)
		raw, _ := json.MarshalIndent(a, "", "  ")
		back, loadErr := q.Decode(raw)
		if (err == nil) != (loadErr == nil) {
			t.Fatalf("round %d: saving says %v, loading says %v", round, err, loadErr)
		}
		if err != nil {
			refused++
			continue
		}
		accepted++
		fromStore, err := q.Decode(compact)
		if err != nil {
			t.Fatalf("round %d: what was saved does not load: %v", round, err)
		}
		if !reflect.DeepEqual(fromStore, a) || !reflect.DeepEqual(back, a) {
			t.Fatalf("round %d: what loads is not what was saved", round)
		}
	}
	if accepted < 50 || refused < 50 {
		t.Errorf("%d accepted, %d refused: the edits do not test both sides", accepted, refused)
	}
}

// awkward is text that breaks careless code, control characters included.
var awkward = []string{"plain", "Zoe\u0308", "😀👩🏽‍⚕️", "\u202eשלום", "<script>x</script>", "{nb}", "a\r\nb",
	"\x1b]0;t\x07", "\u009b", "tab\there", "\xff", "line\nbreak", "\x00"}

func randomText(rng *rand.Rand, rule q.TextRule) string {
	switch rng.IntN(4) {
	case 0: // at or just past the limit
		return longest(rule.Max+rng.IntN(2), awkward[rng.IntN(3)])
	case 1:
		return awkward[rng.IntN(len(awkward))]
	}
	return fmt.Sprintf("note %d %s", rng.IntN(100), awkward[rng.IntN(7)])
}

func randomEdit(rng *rand.Rand, a *q.Assessment) {
	items := q.Default().Items(a.Mode)
	it := items[rng.IntN(len(items))].ID
	switch rng.IntN(7) {
	case 0:
		a.Project.Name = randomText(rng, q.NameText)
	case 1:
		r := &a.Respondents[rng.IntN(len(a.Respondents))]
		ans := r.Answers[it]
		ans.Note = randomText(rng, q.NoteText)
		r.Answers[it] = ans
	case 2:
		a.Respondents[0].Role = randomText(rng, q.NameText)
	case 3:
		a.AddAction(q.Action{ItemID: it, Text: randomText(rng, q.ActionText), Owner: randomText(rng, q.NameText)})
	case 4:
		if a.Reflections == nil {
			a.Reflections = map[string]string{}
		}
		a.Reflections["2"] = randomText(rng, q.NoteText)
	case 5:
		for range rng.IntN(3) * 250 {
			a.Respondents = append(a.Respondents, q.Respondent{ID: fmt.Sprintf("x%d", len(a.Respondents)), Answers: map[string]q.Answer{}})
		}
	case 6:
		if a.Team == nil {
			a.Team = map[string]q.Answer{}
		}
		a.Team[it] = q.Answer{Level: q.Complex, Note: randomText(rng, q.NoteText)}
	}
}
