package questionnaire_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/questionnaire/example"
)

var update = flag.Bool("update", false, "rewrite golden files and the bad-input corpus under testdata/")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from what the code makes now; if the change is intended, run go test -update", path)
	}
}

func encode(t *testing.T, a *q.Assessment) []byte {
	t.Helper()
	data, err := q.Encode(a)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// hostile is a valid assessment full of text that breaks careless code:
// markup, script, emoji, right-to-left scripts, and the longest note allowed.
func hostile() *q.Assessment {
	a := example.Generate(example.Options{Mode: q.Full, Respondents: 2, Seed: 7})
	a.ID = "hostile"
	a.Project.Name = `<script>alert("name")</script> & <b>bold</b>`
	a.Project.Organisation = "مستشفى الأمل — בית חולים 🏥"
	a.Project.Technology = "Ünïcödé ‘quotes’ “double” € Ελληνικά Кириллица 👩🏽‍⚕️"
	a.Project.Notes = "<img src=x onerror=alert(1)>\nline two\ttabbed"
	r := &a.Respondents[0]
	r.Name = "\u202ereversed\u202c 😀"
	r.Answers["1A"] = q.Answer{Level: q.Complex, Note: longest(q.NoteText.Max, "Long note 🙂 with ﷽, אבג and <b>markup</b> {nb}.\n\t")}
	r.Answers["2A"] = q.Answer{Note: "A thought written before choosing a level: <i>kept</i>."}
	a.Actions = append(a.Actions, q.Action{ID: "hostile-1", ItemID: "2B", Text: "</td><td>injected", Owner: "O'Brien & \"Sons\"", Status: q.Done})
	return a
}

// longest repeats pattern to exactly n characters: text at a field's limit.
func longest(n int, pattern string) string {
	r := []rune(strings.Repeat(pattern, n/len([]rune(pattern))+1))
	return string(r[:n])
}

func TestRoundTrip(t *testing.T) {
	cases := map[string]*q.Assessment{
		"quick, one person":  example.Generate(example.Options{Mode: q.Quick, Respondents: 1, Seed: 1}),
		"full, three people": example.Generate(example.Options{Mode: q.Full, Respondents: 3, Seed: 2}),
		"full, sixty people": example.Generate(example.Options{Mode: q.Full, Respondents: 60, Seed: 3}),
		"hostile text":       hostile(),
	}
	full := cases["full, three people"]
	full.History = []q.Snapshot{{Date: "2026-01-05", Label: "First look", Mode: q.Full, Answers: full.Team}}
	for name, a := range cases {
		t.Run(name, func(t *testing.T) {
			data := encode(t, a)
			back, err := q.Decode(data)
			if err != nil {
				t.Fatalf("decoding what we encoded: %v", err)
			}
			if !reflect.DeepEqual(a, back) {
				t.Errorf("decode(encode(a)) differs from a")
			}
			if again := encode(t, back); !bytes.Equal(again, data) {
				t.Errorf("encoding is not stable")
			}
		})
	}
}

func TestGoldenFiles(t *testing.T) {
	golden(t, "example-full-3.nasss.json", encode(t, example.Generate(example.Options{Mode: q.Full, Respondents: 3, Seed: 1})))
	golden(t, "example-quick-1.nasss.json", encode(t, example.Generate(example.Options{Mode: q.Quick, Respondents: 1, Seed: 1})))
	golden(t, "hostile.nasss.json", encode(t, hostile()))
}

func TestExampleSeeds(t *testing.T) {
	gen := func(seed uint64) []byte {
		return encode(t, example.Generate(example.Options{Mode: q.Full, Respondents: 4, Seed: seed}))
	}
	if !bytes.Equal(gen(5), gen(5)) {
		t.Error("the same seed gave different files")
	}
	if bytes.Equal(gen(5), gen(6)) {
		t.Error("different seeds gave the same file")
	}
	for seed := range uint64(50) {
		a := example.Generate(example.Options{Mode: q.Full, Respondents: int(seed%7) + 1, Seed: seed})
		if err := a.Validate(); err != nil {
			t.Errorf("seed %d: example is invalid: %v", seed, err)
		}
	}
}

// badFile is one hostile input, how to make it, and what the error must say.
type badFile struct {
	name string
	make func(base []byte) []byte
	want string
}

// edit decodes the base file generically, changes it, and re-encodes it.
func edit(change func(doc map[string]any)) func([]byte) []byte {
	return func(base []byte) []byte {
		var doc map[string]any
		if err := json.Unmarshal(base, &doc); err != nil {
			panic(err)
		}
		change(doc)
		out, err := json.MarshalIndent(doc, "", "  ")
		if err != nil {
			panic(err)
		}
		return out
	}
}

func respondent(doc map[string]any, i int) map[string]any {
	return doc["respondents"].([]any)[i].(map[string]any)
}

func answers(doc map[string]any, i int) map[string]any {
	return respondent(doc, i)["answers"].(map[string]any)
}

func replace(old, new string) func([]byte) []byte {
	return func(base []byte) []byte {
		if !bytes.Contains(base, []byte(old)) {
			panic("base file has no " + old)
		}
		return bytes.Replace(base, []byte(old), []byte(new), 1)
	}
}

func constant(s string) func([]byte) []byte { return func([]byte) []byte { return []byte(s) } }

var badFiles = []badFile{
	{"empty.json", constant(""), "the file is empty"},
	{"whitespace.json", constant(" \n\t\n"), "the file is empty"},
	{"truncated.json", func(b []byte) []byte { return b[:len(b)/2] }, "ends too early"},
	{"not-json.txt", constant("Project: heart failure\nRisk: high\n"), "not valid JSON at line 1, column 1"},
	{"trailing-garbage.json", func(b []byte) []byte { return append(b, "}{"...) }, "not valid JSON"},
	{"two-mib.json", func(b []byte) []byte {
		return bytes.Replace(b, []byte(`"notes": "`), []byte(`"notes": "`+strings.Repeat("padding ", 2<<20/8)), 1)
	}, "larger than 1024 KiB"},
	{"deep-nesting.json", constant(strings.Repeat("[", 10000) + strings.Repeat("]", 10000)), "nested more than 32 levels"},
	{"deep-object.json", constant(`{"schema":1,"x":` + strings.Repeat(`{"a":`, 5000) + "1" + strings.Repeat("}", 5000) + "}"), "nested more than"},
	{"invalid-utf8.json", replace("Pilot with", "Pilot \xff\xfe with"), "not UTF-8 text"},
	{"latin1.json", replace("Pilot with", "Caf\xe9 pilot with"), "not UTF-8 text"},
	{"nul-byte.json", replace("Pilot with", "Pilot\x00with"), "NUL byte"},
	{"nul-escape.json", replace("Pilot with", `Pilot\u0000with`), `project.notes: contains a NUL character`},
	{"array.json", func(b []byte) []byte { return append(append([]byte("["), b...), ']') }, "should be a JSON object"},
	{"string.json", constant(`"just text"`), "should be a JSON object"},
	{"null.json", constant(`null`), "should be a JSON object"},
	{"schema-missing.json", edit(func(d map[string]any) { delete(d, "schema") }), "schema: missing"},
	{"schema-999.json", edit(func(d map[string]any) { d["schema"] = 999 }), "made by a newer version: schema 999; this version reads up to 5"},
	{"schema-zero.json", edit(func(d map[string]any) { d["schema"] = 0 }), "schema: 0 is not a schema version"},
	{"schema-text.json", edit(func(d map[string]any) { d["schema"] = "1" }), `schema: should be a whole number, not "1"`},
	{"unknown-item.json", edit(func(d map[string]any) { answers(d, 1)["2Z"] = map[string]any{"level": "simple"} }),
		`respondents[1].answers["2Z"]: no such item in bank nasss-en-GB v2`},
	{"level-extreme.json", edit(func(d map[string]any) { answers(d, 0)["3A"] = map[string]any{"level": "extreme"} }),
		`respondents[0].answers["3A"].level: "extreme" is not a level (simple, complicated, complex, unknown, not-applicable)`},
	{"level-number.json", edit(func(d map[string]any) { answers(d, 0)["3A"] = map[string]any{"level": 3} }),
		`respondents[0].answers["3A"].level: should be text, not the number 3`},
	{"year-99999.json", edit(func(d map[string]any) { d["created"] = "99999-01-01T00:00:00Z" }), `created: "99999-01-01T00:00:00Z" is not a date and time`},
	{"year-zero.json", edit(func(d map[string]any) { d["updated"] = "0001-01-01T00:00:00Z" }), `updated: missing, or a year (1)`},
	{"due-date.json", edit(func(d map[string]any) { d["actions"].([]any)[0].(map[string]any)["due"] = "2026-13-45" }), `actions[0].due: "2026-13-45" is not a date`},
	{"next-review-date.json", edit(func(d map[string]any) { d["nextReview"] = "2027-02-30" }), `nextReview: "2027-02-30" is not a date`},
	{"role-bad.json", edit(func(d map[string]any) { d["role"] = "investor" }), `role: "investor" is not a role (implementer, builder or facilitator)`},
	{"setting-two-lines.json", edit(func(d map[string]any) { d["project"].(map[string]any)["setting"] = "Care\nhomes" }), `project.setting: has a line break`},
	{"series-id.json", edit(func(d map[string]any) { d["series"] = "<script>" }), `series: `},
	{"note-100k.json", edit(func(d map[string]any) {
		answers(d, 2)["1A"] = map[string]any{"level": "complex", "note": strings.Repeat("n", 100_000)}
	}), `respondents[2].answers["1A"].note: has 100,000 characters; the most this field holds is 10,000`},
	{"name-too-long.json", edit(func(d map[string]any) { respondent(d, 0)["name"] = strings.Repeat("é", 201) }), `respondents[0].name: has 201 characters`},
	{"duplicate-keys.json", replace(`"mode": "full",`, `"mode": "full", "mode": "quick",`), `mode: appears twice`},
	{"duplicate-answer.json", replace(`"answers": {`, `"answers": { "1A": {"level": "simple"},`), `respondents[0].answers["1A"]: appears twice`},
	{"duplicate-respondent.json", edit(func(d map[string]any) { respondent(d, 1)["id"] = "r1" }), `respondents[1].id: "r1" is also the ID of person 1`},
	{"unknown-field.json", edit(func(d map[string]any) { d["project"].(map[string]any)["colour"] = "blue" }), `project: unknown field "colour"`},
	{"unknown-bank.json", edit(func(d map[string]any) { d["bank"] = map[string]any{"id": "nasss-en-GB", "version": 7} }), "bank: nasss-en-GB v7 is not a question bank this version knows"},
	{"mode-bad.json", edit(func(d map[string]any) { d["mode"] = "medium" }), `mode: "medium" is not a mode`},
	{"status-bad.json", edit(func(d map[string]any) { d["actions"].([]any)[0].(map[string]any)["status"] = "maybe" }), `actions[0].status: "maybe" is not a status`},
	{"respondents-object.json", edit(func(d map[string]any) { d["respondents"] = map[string]any{} }), "respondents: should be a list, not an object"},
	{"control-screen-clear.json", edit(func(d map[string]any) { d["project"].(map[string]any)["name"] = "Falls\x1b[2J\x1b[H" }),
		"project.name: has an escape character (U+001B) at character 6"},
	{"control-title-osc.json", edit(func(d map[string]any) { respondent(d, 1)["name"] = "\x1b]0;pwned\x07Ann" }), "respondents[1].name: has an escape character"},
	{"control-osc52.json", edit(func(d map[string]any) {
		d["actions"].([]any)[0].(map[string]any)["text"] = "Copy \x1b]52;c;cm0gLXJmIH4=\x07 this"
	}), "actions[0].text: has an escape character"},
	{"control-c1.json", edit(func(d map[string]any) {
		answers(d, 2)["1A"] = map[string]any{"level": "complex", "note": "CSI \u009b2J"}
	}), `respondents[2].answers["1A"].note: has a control character (U+009B) at character 5`},
	{"control-bell-note.json", edit(func(d map[string]any) { d["reflections"] = map[string]any{"1": "ding\x07"} }),
		`reflections["1"]: has a control character (U+0007)`},
	{"huge-number.json", edit(func(d map[string]any) { d["schema"] = json.Number("1e400") }), "schema: should be a whole number"},
}

// TestBadFiles checks every hostile file in testdata/bad is refused with a
// clear message naming the problem. With -update it remakes the corpus
// from the golden example file.
func TestBadFiles(t *testing.T) {
	base, err := os.ReadFile(filepath.Join("testdata", "example-full-3.nasss.json"))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join("testdata", "bad")
	if *update {
		os.RemoveAll(dir)
		os.MkdirAll(dir, 0o755)
		for _, bf := range badFiles {
			if err := os.WriteFile(filepath.Join(dir, bf.name), bf.make(base), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != len(badFiles) {
		t.Errorf("testdata/bad has %d files, the table %d (run go test -update)", len(entries), len(badFiles))
	}
	for _, bf := range badFiles {
		t.Run(bf.name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, bf.name))
			if err != nil {
				t.Fatal(err)
			}
			a, err := q.Decode(data)
			if err == nil {
				t.Fatalf("decoded without error: %+v", a.Project)
			}
			if !strings.Contains(err.Error(), bf.want) {
				t.Errorf("error %q\nwant it to contain %q", err, bf.want)
			}
			if len(err.Error()) > 300 {
				t.Errorf("error is %d characters long; keep it short enough to read", len(err.Error()))
			}
		})
	}
}

func TestByteOrderMarkIsAccepted(t *testing.T) {
	data := encode(t, example.Generate(example.Options{Mode: q.Quick, Respondents: 1, Seed: 1}))
	if _, err := q.Decode(append([]byte("\xef\xbb\xbf"), data...)); err != nil {
		t.Fatalf("a file saved with a byte-order mark was refused: %v", err)
	}
}

func TestReadStopsAtTheCap(t *testing.T) {
	r := &countingReader{}
	if _, err := q.Read(r); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Fatalf("want a size error, got %v", err)
	}
	if r.n > q.MaxFileSize+1 {
		t.Errorf("read %d bytes of an endless stream; want at most %d", r.n, q.MaxFileSize+1)
	}
}

type countingReader struct{ n int }

func (r *countingReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	r.n += len(p)
	return len(p), nil
}

func TestNewAssessmentIsValid(t *testing.T) {
	a := q.New(q.Default(), "abc-123", q.Quick, time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC))
	if err := a.Validate(); err != nil {
		t.Fatal(err)
	}
}

// FuzzDecode feeds the decoder arbitrary bytes, seeded with every file in
// testdata. It must never panic, and whatever it accepts must survive a
// round trip unchanged.
func FuzzDecode(f *testing.F) {
	for _, pattern := range []string{"testdata/*.json", "testdata/bad/*"} {
		files, _ := filepath.Glob(pattern)
		for _, name := range files {
			if data, err := os.ReadFile(name); err == nil && len(data) < 64<<10 {
				f.Add(data)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := q.Decode(data)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		out, err := q.Encode(a)
		if err != nil {
			t.Fatalf("cannot encode an accepted file: %v", err)
		}
		back, err := q.Decode(out)
		if err != nil {
			t.Fatalf("cannot decode our own encoding: %v", err)
		}
		if !reflect.DeepEqual(a, back) {
			t.Fatal("round trip changed the assessment")
		}
	})
}

func TestFileName(t *testing.T) {
	day := time.Date(2026, 11, 23, 23, 0, 0, 0, time.UTC)
	tests := map[string]string{
		"Remote monitoring for heart failure": "remote-monitoring-for-heart-failure-2026-11-23.nasss.json",
		"  <script>alert(1)</script> ":        "script-alert-1-script-2026-11-23.nasss.json",
		"مستشفى 😀":                            "assessment-2026-11-23.nasss.json",
		"":                                    "assessment-2026-11-23.nasss.json",
		"Café / Ward 7B":                      "caf-ward-7b-2026-11-23.nasss.json",
		strings.Repeat("long name ", 20):      "long-name-long-name-long-name-long-name-l-2026-11-23.nasss.json",
	}
	for name, want := range tests {
		a := &q.Assessment{Project: q.Project{Name: name}}
		if got := q.FileName(a, day); got != want {
			t.Errorf("FileName(%q) = %q, want %q", name, got, want)
		}
		report := strings.TrimSuffix(want, "2026-11-23.nasss.json") + "action-plan-2026-11-23.pdf"
		if got := q.ReportFileName(a, day); got != report {
			t.Errorf("ReportFileName(%q) = %q, want %q", name, got, report)
		}
	}
	// A review's files are told apart from the first assessment's.
	review := &q.Assessment{Project: q.Project{Name: "Ward tablets"}, Created: day,
		History: []q.Snapshot{{Date: "2026-08-01"}, {Date: "2026-10-01"}}}
	for got, want := range map[string]string{
		q.FileName(review, day):         "ward-tablets-review-2-2026-11-23.nasss.json",
		q.ReportFileName(review, day):   "ward-tablets-review-2-action-plan-2026-11-23.pdf",
		q.PackFileName(review, day):     "ward-tablets-review-2-facilitators-pack-2026-11-23.pdf",
		review.ReviewLabel():            "Review 2, 23 November 2026",
		(&q.Assessment{}).ReviewLabel(): "",
	} {
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}

func TestActions(t *testing.T) {
	a := q.New(q.Default(), "acts", q.Full, time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))
	first := a.AddAction(q.Action{ItemID: "2A", Text: "One"})
	a.AddAction(q.Action{ItemID: "2B", Text: "Two", Status: q.Done})
	a.RemoveAction(first.ID)
	third := a.AddAction(q.Action{ItemID: "2C", Text: "Three"})
	if len(a.Actions) != 2 || third.ID == a.Actions[0].ID || third.Status != q.NotStarted || a.ActionByID("a1") != nil && a.ActionByID("a1").Text == "One" {
		t.Errorf("actions: %+v", a.Actions)
	}
	if err := a.Validate(); err != nil {
		t.Error(err)
	}
	a.RemoveAction("no-such-id")
	if len(a.Actions) != 2 {
		t.Error("removing a missing ID removed something")
	}
}

func TestAnsweredOf(t *testing.T) {
	r := q.Respondent{Answers: map[string]q.Answer{
		"Q1": {Level: q.Simple}, "Q2": {Level: q.Unknown}, "Q3": {Level: q.NotApplicable}, "Q4": {Note: "a note, no rating"},
	}}
	if got := r.AnsweredOf(q.Default().Items(q.Quick)); got != 3 {
		t.Errorf("AnsweredOf = %d, want 3 (simple, don't know, not applicable)", got)
	}
	if got := r.AnsweredOf(nil); got != 0 {
		t.Errorf("AnsweredOf(nil) = %d", got)
	}
}

func TestNextReviewDue(t *testing.T) {
	for _, tt := range []struct {
		created time.Time
		chosen  q.Date
		want    string
	}{
		{time.Date(2027, 3, 14, 9, 30, 0, 0, time.UTC), "", "2027-06-14"},
		{time.Date(2027, 11, 2, 23, 0, 0, 0, time.UTC), "", "2028-02-02"},
		{time.Date(2027, 3, 14, 9, 30, 0, 0, time.UTC), "2027-05-01", "2027-05-01"},
		{time.Date(2027, 3, 14, 9, 30, 0, 0, time.UTC), "not a date", "2027-06-14"},
	} {
		a := &q.Assessment{Created: tt.created, NextReview: tt.chosen}
		if got := a.NextReviewDue().Format(time.DateOnly); got != tt.want {
			t.Errorf("created %v, chosen %q: due %s, want %s", tt.created, tt.chosen, got, tt.want)
		}
	}
}
