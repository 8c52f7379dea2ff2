//go:build !wasm

package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/questionnaire/example"
	"github.com/nasss-toolkit/nasss/scoring"
)

// nasss runs the command line in process.
func nasss(stdin string, args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, &env{strings.NewReader(stdin), &out, &errb})
	return code, out.String(), errb.String()
}

func makeExample(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errs := nasss("", append([]string{"example"}, args...)...)
	if code != 0 {
		t.Fatalf("example %v: exit %d: %s", args, code, errs)
	}
	return out
}

func TestUsage(t *testing.T) {
	tests := []struct {
		args        []string
		code        int
		out, errs   string // substrings expected in stdout and stderr
		quietStdout bool
	}{
		{[]string{}, 2, "", "Usage: nasss COMMAND", true},
		{[]string{"-h"}, 0, "Commands:", "", false},
		{[]string{"frobnicate"}, 2, "", `unknown command "frobnicate"`, true},
		{[]string{"bank", "-h"}, 0, "Usage: nasss bank [--json | --stats]", "", false},
		{[]string{"example", "-h"}, 0, "--respondents", "", false},
		{[]string{"score", "-h"}, 0, "Usage: nasss score [--json] FILE|-", "", false},
		{[]string{"validate", "-h"}, 0, "Usage: nasss validate FILE...", "", false},
		{[]string{"bank", "--colour"}, 2, "", "flag provided but not defined: -colour", true},
		{[]string{"bank", "extra"}, 2, "", `unexpected argument "extra"`, true},
		{[]string{"example", "--mode", "medium"}, 2, "", "--mode must be quick or full", true},
		{[]string{"example", "--respondents", "0"}, 2, "", "--respondents must be 1 to 60", true},
		{[]string{"example", "--respondents", "lots"}, 2, "", "invalid value", true},
		{[]string{"example", "--seed", "-1"}, 2, "", "invalid value", true},
		{[]string{"score"}, 2, "", "want one file", true},
		{[]string{"score", "a", "b"}, 2, "", "want one file", true},
		{[]string{"score", "no/such/file.json"}, 2, "", "no/such/file.json: no such file", true},
		{[]string{"score", "."}, 2, "", ".:", true},
		{[]string{"validate"}, 2, "", "want one or more files", true},
	}
	for _, tt := range tests {
		code, out, errs := nasss("", tt.args...)
		if code != tt.code || !strings.Contains(out, tt.out) || !strings.Contains(errs, tt.errs) {
			t.Errorf("nasss %v: exit %d\nstdout %q\nstderr %q\nwant exit %d, stdout with %q, stderr with %q",
				tt.args, code, out, errs, tt.code, tt.out, tt.errs)
		}
		if tt.quietStdout && out != "" {
			t.Errorf("nasss %v: printed %q on stdout on failure", tt.args, out)
		}
	}
}

func TestBank(t *testing.T) {
	code, out, _ := nasss("", "bank")
	if code != 0 || !strings.Contains(out, "2A  What the technology is, and how reliable it is") || !strings.Contains(out, "Quick scan Q7") {
		t.Errorf("outline: exit %d\n%s", code, out)
	}
	code, out, _ = nasss("", "bank", "--json")
	b, err := q.ParseBank([]byte(out))
	if code != 0 || err != nil || len(b.Items(q.Full)) != 24 {
		t.Errorf("--json: exit %d, %v", code, err)
	}
	code, out, _ = nasss("", "bank", "--stats")
	if code != 0 || !strings.Contains(out, "items           24 full, 7 quick") || !strings.Contains(out, "problems        0") {
		t.Errorf("--stats: exit %d\n%s", code, out)
	}
}

func TestExampleThenScore(t *testing.T) {
	file := makeExample(t, "--mode", "full", "--respondents", "3", "--seed", "1")
	if file != makeExample(t, "--mode", "full", "--respondents", "3", "--seed", "1") {
		t.Error("the same seed gave different files")
	}
	if file == makeExample(t, "--mode", "full", "--respondents", "3", "--seed", "2") {
		t.Error("different seeds gave the same file")
	}
	code, out, errs := nasss(file, "score", "-")
	if code != 0 || errs != "" {
		t.Fatalf("score: exit %d: %s", code, errs)
	}
	for _, want := range []string{
		"Remote monitoring for heart failure",
		"full assessment · 3 respondents · bank nasss-en-GB v2",
		"5. The organisations", "of 7 domains", "Why: ",
		"Don't know yet, to find out:", "Always check, whatever the ratings:", "Top actions:", "not a validated prediction",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("score output lacks %q:\n%s", want, out)
		}
	}

	code, out, _ = nasss(file, "score", "--json", "-")
	var rep scoreReport
	if err := json.Unmarshal([]byte(out), &rep); code != 0 || err != nil {
		t.Fatalf("score --json: exit %d, %v", code, err)
	}
	if len(rep.Profile.Domains) != 7 || rep.Profile.Respondents != 3 || len(rep.TopActions) != topActions {
		t.Errorf("score --json: %d domains, %d respondents, %d actions", len(rep.Profile.Domains), rep.Profile.Respondents, len(rep.TopActions))
	}

	quick := makeExample(t, "--mode", "quick")
	if code, out, _ := nasss(quick, "score", "-"); code != 0 || !strings.Contains(out, "quick assessment · 1 respondent ·") {
		t.Errorf("quick score: exit %d\n%s", code, out)
	}
}

// TestBadFiles runs the whole hostile corpus through score and validate:
// exit 2, a message naming the file on stderr, nothing on stdout for
// score, and never a panic.
func TestBadFiles(t *testing.T) {
	files, _ := filepath.Glob("../../questionnaire/testdata/bad/*")
	if len(files) < 15 {
		t.Fatalf("found %d hostile files, want at least 15", len(files))
	}
	for _, f := range files {
		code, out, errs := nasss("", "score", f)
		if code != 2 || out != "" || !strings.Contains(errs, filepath.Base(f)+": ") {
			t.Errorf("score %s: exit %d, stdout %q, stderr %q", filepath.Base(f), code, out, errs)
		}
		if strings.Contains(errs, "panic") || strings.Contains(errs, "goroutine") || strings.Count(errs, "\n") > 1 {
			t.Errorf("score %s: not a one-line message: %q", filepath.Base(f), errs)
		}
		data, _ := os.ReadFile(f)
		if code, out, _ := nasss(string(data), "score", "-"); code != 2 || out != "" {
			t.Errorf("score - < %s: exit %d", filepath.Base(f), code)
		}
	}
	code, out, errs := nasss("", append([]string{"validate", "../../questionnaire/testdata/example-full-3.nasss.json"}, files...)...)
	if code != 2 || strings.Count(out, "\n") != len(files)+1 || !strings.Contains(out, "example-full-3.nasss.json: ok") {
		t.Errorf("validate: exit %d\n%s%s", code, out, errs)
	}
	if want := fmt.Sprintf("%d of %d files not valid", len(files), len(files)+1); !strings.Contains(errs, want) {
		t.Errorf("validate: stderr %q lacks %q", errs, want)
	}
}

// TestBinary runs the real binary in a pipe, as a user would.
func TestBinary(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "nasss")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	ex := exec.Command(bin, "example", "--mode", "full", "--respondents", "3")
	file, err := ex.Output()
	if err != nil {
		t.Fatal(err)
	}
	score := exec.Command(bin, "score", "-")
	score.Stdin = bytes.NewReader(file)
	out, err := score.Output()
	if err != nil || !strings.Contains(string(out), "of 7 domains") {
		t.Errorf("example | score: %v\n%s", err, out)
	}
	bad := exec.Command(bin, "score", "../../questionnaire/testdata/bad/deep-nesting.json")
	var stderr bytes.Buffer
	bad.Stderr = &stderr
	err = bad.Run()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 2 || !strings.Contains(stderr.String(), "nested more than") {
		t.Errorf("bad file: %v, stderr %q", err, stderr.String())
	}
}

func TestReport(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "in.nasss.json")
	os.WriteFile(file, []byte(makeExample(t, "--mode", "full", "--respondents", "3")), 0o644)
	one, two := filepath.Join(dir, "one.pdf"), filepath.Join(dir, "two.pdf")
	for _, out := range []string{one, two} {
		if code, stdout, errs := nasss("", "report", file, "-o", out, "--date", "2026-11-23"); code != 0 || !strings.Contains(stdout, "Wrote "+out) {
			t.Fatalf("report: exit %d %s %s", code, stdout, errs)
		}
	}
	a, _ := os.ReadFile(one)
	b, _ := os.ReadFile(two)
	if !bytes.HasPrefix(a, []byte("%PDF-")) || !bytes.Equal(a, b) {
		t.Error("the same file and date gave different PDFs")
	}
	code, stdout, _ := nasss(string(mustRead(t, file)), "report", "-", "-o", "-", "--date", "2026-11-23")
	if code != 0 || stdout != string(a) {
		t.Error("report from stdin to stdout differs from the file version")
	}
	// The example has agreed actions, so the suggestions are left out
	// unless asked for.
	_, with, _ := nasss("", "report", file, "-o", "-", "--date", "2026-11-23", "--suggestions", "include")
	_, auto, _ := nasss("", "report", file, "-o", "-", "--date", "2026-11-23", "--suggestions", "auto")
	if auto != string(a) || len(with) <= len(auto) {
		t.Errorf("--suggestions include gave %d bytes, auto %d, the default %d", len(with), len(auto), len(a))
	}
	pack := filepath.Join(dir, "pack.pdf")
	if code, stdout, errs := nasss("", "pack", file, "-o", pack, "--date", "2026-11-23"); code != 0 || !strings.Contains(stdout, "Wrote "+pack) {
		t.Errorf("pack: exit %d %s %s", code, stdout, errs)
	}
	if data, _ := os.ReadFile(pack); !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Error("the pack is not a PDF")
	}
	for _, args := range [][]string{
		{"pack", "../../questionnaire/testdata/bad/schema-999.json"},
		{"report"},
		{"report", file, "--date", "23/11/2026"},
		{"report", file, "--suggestions", "sometimes"},
		{"report", "../../questionnaire/testdata/bad/schema-999.json"},
	} {
		if code, stdout, errs := nasss("", args...); code != 2 || strings.HasPrefix(stdout, "%PDF") || errs == "" {
			t.Errorf("nasss %v: exit %d, stderr %q", args, code, errs)
		}
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestWorkshopCommands(t *testing.T) {
	dir := t.TempDir()
	var files []string
	for seed := range 3 {
		f := filepath.Join(dir, fmt.Sprintf("p%d.nasss.json", seed))
		os.WriteFile(f, []byte(makeExample(t, "--respondents", "1", "--seed", fmt.Sprint(seed+10))), 0o644)
		files = append(files, f)
	}
	out := filepath.Join(dir, "merged.nasss.json")
	code, stdout, errs := nasss("", append([]string{"merge", "-o", out}, append(files, files[0])...)...)
	if code != 0 || !strings.Contains(stdout, "Wrote "+out) || !strings.Contains(errs, "already in the workshop") {
		t.Fatalf("merge: exit %d\n%s%s", code, stdout, errs)
	}
	if code, _, errs := nasss("", "validate", out); code != 0 {
		t.Errorf("the merged file is not valid: %s", errs)
	}
	code, stdout, _ = nasss("", "compare", files[0], files[1])
	if code != 0 || !strings.Contains(stdout, "Complex domains:") || !strings.Contains(stdout, "1. The people it serves") {
		t.Errorf("compare: exit %d\n%s", code, stdout)
	}
	if code, stdout, _ := nasss("", "compare", "--json", files[0], files[0]); code != 0 || !strings.Contains(stdout, `"change": "same"`) || strings.Contains(stdout, `"more-complex"`) {
		t.Errorf("compare --json of a file with itself: exit %d", code)
	}
	code, stdout, _ = nasss("", "csv", files[0])
	if code != 0 || strings.Count(stdout, "\r\n") != 25 {
		t.Errorf("csv: exit %d, %d lines", code, strings.Count(stdout, "\r\n"))
	}
	for _, args := range [][]string{{"merge", files[0]}, {"merge", files[0], files[1]}, {"compare", files[0]}, {"csv"}, {"compare", files[0], "../../questionnaire/testdata/bad/truncated.json"}} {
		if code, stdout, errs := nasss("", args...); code != 2 || stdout != "" || errs == "" {
			t.Errorf("nasss %v: exit %d, stdout %q", args, code, stdout)
		}
	}
}

// TestWasmDependencies keeps each browser binary to its job: the app's
// holds no PDF code and no server code (every byte of it is paid on every
// start), and the PDF renderer's holds no UI framework.
func TestWasmDependencies(t *testing.T) {
	tests := []struct {
		pkg    string
		refuse []string
	}{
		{".", []string{"github.com/jung-kurt/gofpdf", "github.com/nasss-toolkit/nasss/app/pdf", "github.com/nasss-toolkit/nasss/app/server", "github.com/andybalholm/brotli"}},
		{"../nasss-pdf", []string{"github.com/maxence-charriere/go-app/v10/pkg/app", "github.com/nasss-toolkit/nasss/app"}},
	}
	for _, tt := range tests {
		cmd := exec.Command("go", "list", "-deps", tt.pkg)
		cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("go list %s: %v", tt.pkg, err)
		}
		deps := strings.Fields(string(out))
		for _, bad := range tt.refuse {
			for _, d := range deps {
				if d == bad {
					t.Errorf("the browser build of %s links %s", tt.pkg, bad)
				}
			}
		}
	}
}

// TestMergeNeverWritesWhatValidateRefuses: two valid halves of a workshop
// that add up past the size cap, and files with more than 500 people in
// all, are refused with the reason, and no file is written.
func TestMergeNeverWritesWhatValidateRefuses(t *testing.T) {
	dir := t.TempDir()
	half := func(name string, people, noteLen int) string {
		a := example.Generate(example.Options{Mode: q.Full, Respondents: 1, Seed: 1})
		a.Respondents = nil
		for p := range people {
			r := q.Respondent{ID: fmt.Sprintf("%s-%d", name, p), Answers: map[string]q.Answer{}}
			for _, it := range q.Default().Items(q.Full) {
				r.Answers[it.ID] = q.Answer{Level: q.Complex, Note: strings.Repeat("n", noteLen)}
			}
			a.Respondents = append(a.Respondents, r)
		}
		data, err := q.Encode(a)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, name+".nasss.json")
		os.WriteFile(path, data, 0o644)
		return path
	}
	tests := []struct {
		files []string
		want  string
	}{
		{[]string{half("a", 30, 790), half("b", 30, 790)}, "more than the 1,024 KB one assessment can hold"},
		{[]string{half("c", 260, 0), half("d", 260, 0)}, "more than 500 people"},
	}
	for _, tt := range tests {
		out := filepath.Join(dir, "merged.nasss.json")
		code, stdout, errs := nasss("", append([]string{"merge", "-o", out}, tt.files...)...)
		if code != 2 || stdout != "" || !strings.Contains(errs, tt.want) {
			t.Errorf("merge: exit %d, stderr %q", code, errs)
		}
		if _, err := os.Stat(out); err == nil {
			t.Error("a file was written")
		}
	}
}

// TestFilesFromBankV1: a file made with the first bank scores and reports
// under the newest, says which it was made with, and compares with a
// review made with the newest, question by question.
func TestFilesFromBankV1(t *testing.T) {
	old := "../../questionnaire/testdata/schema1/example-full-3.nasss.json"
	code, out, errs := nasss("", "score", old)
	if code != 0 || !strings.Contains(out, "bank nasss-en-GB v2 · made with nasss-en-GB v1") {
		t.Errorf("score: exit %d %s\n%s", code, errs, out)
	}
	dir := t.TempDir()
	pdf := filepath.Join(dir, "old.pdf")
	if code, _, errs := nasss("", "report", old, "-o", pdf); code != 0 {
		t.Errorf("report: exit %d: %s", code, errs)
	}
	now := filepath.Join(dir, "now.nasss.json")
	os.WriteFile(now, []byte(makeExample(t, "--respondents", "3", "--seed", "2")), 0o644)
	code, out, _ = nasss("", "compare", "--json", old, now)
	var c struct {
		Domains []struct {
			Items []struct{ ID, Change string }
		}
	}
	if err := json.Unmarshal([]byte(out), &c); code != 0 || err != nil || len(c.Domains) != 7 || len(c.Domains[0].Items) != 2 {
		t.Errorf("compare: exit %d, %v", code, err)
	}
}

// TestScoreNamesEveryDomainsState: a domain answered only "don't know"
// reads as not known, one with nothing answered as not rated, and an
// unfinished assessment never reads as an all-clear.
func TestScoreNamesEveryDomainsState(t *testing.T) {
	a := example.Generate(example.Options{Mode: q.Full, Respondents: 1, Seed: 1})
	a.Actions, a.Team, a.DomainLevels, a.Links = nil, nil, nil, nil
	answers := map[string]q.Answer{"1A": {Level: q.Simple}}
	for _, it := range q.Default().Domain("2").Items {
		answers[it.ID] = q.Answer{Level: q.Unknown}
	}
	a.Respondents[0].Answers = answers
	data, err := q.Encode(a)
	if err != nil {
		t.Fatal(err)
	}
	code, out, errs := nasss(string(data), "score", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"Don't know ?", "Not rated yet", "Not finished: 6 of 24 answered", "This reading is partial"} {
		if !strings.Contains(out, want) {
			t.Errorf("the score lacks %q:\n%s", want, out)
		}
	}
	for _, never := range []string{"Not answered", "Good project management", "none of the 7 is left unknown"} {
		if strings.Contains(out, never) {
			t.Errorf("the score says %q:\n%s", never, out)
		}
	}
}

// TestCompareMany: three reviews of a project, given in any order, print
// each domain's level at each, oldest first.
func TestCompareMany(t *testing.T) {
	dir := t.TempDir()
	first := example.Generate(example.Options{Mode: q.Quick, Respondents: 1, Seed: 1})
	second := scoring.StartReview(q.Default(), first, "two", first.Created.AddDate(0, 3, 0))
	third := scoring.StartReview(q.Default(), second, "three", first.Created.AddDate(0, 6, 0))
	third.Respondents[0].Answers["Q1"] = q.Answer{Level: q.Unknown}
	var paths []string
	for i, a := range []*q.Assessment{third, first, second} {
		data, err := q.Encode(a)
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, filepath.Join(dir, fmt.Sprintf("%d.nasss.json", i)))
		os.WriteFile(paths[i], data, 0o644)
	}
	code, out, errs := nasss("", append([]string{"compare"}, paths...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	dates := []string{first.Updated.Format(time.DateOnly), second.Updated.Format(time.DateOnly), third.Updated.Format(time.DateOnly)}
	if head := strings.Fields(strings.SplitN(out, "\n", 2)[0]); fmt.Sprint(head) != fmt.Sprint(append([]string{"Domain"}, dates...)) {
		t.Errorf("the dates are %v, want oldest first: %v", head, dates)
	}
	if !strings.Contains(out, "Don't know") {
		t.Errorf("the newest review's unknown does not show:\n%s", out)
	}
	code, out, _ = nasss("", append([]string{"compare", "--json"}, paths...)...)
	var tl scoring.Timeline
	if err := json.Unmarshal([]byte(out), &tl); code != 0 || err != nil || len(tl.Points) != 3 {
		t.Errorf("--json: exit %d, %v, %d points", code, err, len(tl.Points))
	}
}

func TestSideBySide(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for i, setting := range []string{"Hospital trusts", "Care homes", "GP practices"} {
		a := example.Generate(example.Options{Mode: q.Quick, Respondents: 1, Seed: 7})
		a.ID, a.Role, a.Project.Setting = fmt.Sprintf("s%d", i), q.Builder, setting
		if setting == "Care homes" {
			a.Respondents[0].Answers["Q5"] = q.Answer{Level: q.Complex}
			a.Respondents[0].Answers["Q4"] = q.Answer{Level: q.Simple}
		} else {
			a.Respondents[0].Answers["Q5"] = q.Answer{Level: q.Simple}
			a.Respondents[0].Answers["Q4"] = q.Answer{Level: q.Complicated}
		}
		data, err := q.Encode(a)
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, filepath.Join(dir, fmt.Sprintf("%d.nasss.json", i)))
		os.WriteFile(paths[i], data, 0o644)
	}
	code, out, errs := nasss("", append([]string{"side-by-side"}, paths...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"1. Hospital trusts", "2. Care homes", "3. GP practices", "Domain", "Care homes stands out in 5.", "Complex *"} {
		if !strings.Contains(out, want) {
			t.Errorf("the table lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = nasss("", append([]string{"side-by-side", "--json"}, paths...)...)
	var s scoring.SideBySide
	if err := json.Unmarshal([]byte(out), &s); code != 0 || err != nil || len(s.Columns) != 3 || len(s.Rows) != 7 || s.Rows[4].Standout != 1 {
		t.Errorf("--json: exit %d, %v, %+v", code, err, s)
	}
	pdfPath := filepath.Join(dir, "side.pdf")
	if code, _, errs := nasss("", append([]string{"side-by-side", "--pdf", pdfPath, "--date", "2026-12-02"}, paths...)...); code != 0 {
		t.Errorf("--pdf: exit %d: %s", code, errs)
	} else if out, err := exec.Command("pdftotext", pdfPath, "-").Output(); err != nil || !strings.Contains(string(out), "a maker's duties") {
		t.Errorf("the side-by-side PDF: %v\n%s", err, out)
	}
	code, out, _ = nasss("", append([]string{"side-by-side", "--csv"}, paths...)...)
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != 0 || err != nil || len(rows) != 1+3*7 || rows[0][0] != "column" || rows[1][4] != "builder" {
		t.Errorf("--csv: exit %d, %v, %d rows: %q", code, err, len(rows), out)
	}
	for _, args := range [][]string{
		{"side-by-side", paths[0]},
		{"side-by-side", "--json", "--csv", paths[0], paths[1]},
		{"side-by-side", "--json", "--pdf", "x.pdf", paths[0], paths[1]},
		{"side-by-side", "--pdf", "x.pdf", "--date", "2026-13-01", paths[0], paths[1]},
		{"side-by-side", paths[0], paths[0], paths[0], paths[0], paths[0], paths[0], paths[0], paths[0], paths[0]},
		{"side-by-side", paths[0], "../../questionnaire/testdata/bad/truncated.json"},
	} {
		if code, _, errs := nasss("", args...); code != 2 || errs == "" {
			t.Errorf("%q: exit %d, %q; want 2 and a message", args, code, errs)
		}
	}
}
