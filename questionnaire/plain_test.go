package questionnaire_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	q "github.com/nasss-toolkit/nasss/questionnaire"
)

func TestPlainPath(t *testing.T) {
	for _, tc := range []struct{ path, want string }{
		{`schema`, "format version"},
		{`project.notes`, "project details, notes"},
		{`respondents[0].answers["3A"].level`, "person 1, answer to question 3A, level"},
		{`respondents[1].id`, "person 2, ID"},
		{`actions[11].due`, "action 12, due date"},
		{`team["1A"].note`, "agreed answer to question 1A, note"},
		{`tallies["Q2"].notApplicable`, "show of hands for question Q2, not applicable"},
		{`history[0].answers["2B"]`, "earlier review 1, answer to question 2B"},
		{`reflections["3"]`, "reflection on domain 3"},
		{`updated`, "date last changed"},
		{`respondents`, "people who rated"},
		{`extra["k"]`, "extra k"},
		{`[2]`, "3"},
		{`broken[1`, "broken[1"},
	} {
		if got := q.PlainPath(tc.path); got != tc.want {
			t.Errorf("PlainPath(%s) = %q, want %q", tc.path, got, tc.want)
		}
	}
}

// TestPlainBadFiles reads every file of the bad corpus: what a person is
// told names no field in the file's own syntax.
func TestPlainBadFiles(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "bad", "*"))
	if len(files) == 0 {
		t.Fatal("no bad files")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		_, err = q.Decode(data)
		if err == nil {
			t.Errorf("%s decoded", f)
			continue
		}
		msg := q.Plain(err)
		var e *q.Error
		if !errors.As(err, &e) {
			t.Errorf("%s: %v is not a file problem", filepath.Base(f), err)
			continue
		}
		if strings.ContainsAny(msg, "[]") {
			t.Errorf("%s: %q still reads as a path", filepath.Base(f), msg)
		}
		if e.Path != "" && msg != q.PlainPath(e.Path)+": "+e.Msg {
			t.Errorf("%s: %q lost the problem %q", filepath.Base(f), msg, e.Msg)
		}
	}
	if got := q.Plain(errors.New("plain already")); got != "plain already" {
		t.Errorf("Plain of an error with no path: %q", got)
	}
}
