package questionnaire_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"

	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/questionnaire/example"
)

// participant is one person's own file for a workshop.
func participant(id, name string, seed uint64) *q.Assessment {
	a := example.Generate(example.Options{Mode: q.Full, Respondents: 1, Seed: seed})
	a.ID = "workshop-1"
	a.Respondents[0].ID, a.Respondents[0].Name = id, name
	a.Team, a.Reflections = nil, nil
	return a
}

func TestMerge(t *testing.T) {
	one, two, three := participant("p1", "Ann", 1), participant("p2", "Bo", 2), participant("p3", "Cy", 3)
	clash := participant("p1", "Someone else", 4)
	one.Team = map[string]q.Answer{"2A": {Level: q.Complex, Note: "First room's view."}}
	two.Team = map[string]q.Answer{"2A": {Level: q.Simple, Note: "Second room's view."}, "3A": {Level: q.Unknown}}
	one.Reflections = map[string]string{"1": "We forgot carers."}
	two.Reflections = map[string]string{"1": "Carers need training."}

	got, notes, err := q.Merge([]*q.Assessment{one, two, three, participant("p2", "Bo", 2), clash})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range got.Respondents {
		ids = append(ids, r.ID)
	}
	if strings.Join(ids, " ") != "p1 p2 p3 p1-2" {
		t.Errorf("respondents %v", ids)
	}
	report := strings.Join(notes, "\n")
	for _, want := range []string{
		"from file 4 is already in the workshop: the copy was skipped",
		`file 5 has a different respondent with the ID "p1": added as "p1-2"`,
		`the agreed rating of 2A differs: file 1's "Complex" is kept, file 2 says "Simple"`,
	} {
		if !strings.Contains(report, want) {
			t.Errorf("report lacks %q:\n%s", want, report)
		}
	}
	if got.Team["2A"].Note != "First room's view.\n\nSecond room's view." || got.Team["3A"].Level != q.Unknown {
		t.Errorf("team answers %+v", got.Team)
	}
	if got.Reflections["1"] != "We forgot carers.\n\nCarers need training." {
		t.Errorf("reflections %q", got.Reflections["1"])
	}
	// Nothing anyone wrote is lost: every note of every file is there.
	for _, f := range []*q.Assessment{one, two, three, clash} {
		for _, r := range f.Respondents {
			for id, ans := range r.Answers {
				if ans.Note != "" && !strings.Contains(string(mustEncode(t, got)), jsonText(ans.Note)) {
					t.Errorf("the note on %s by %s was lost", id, r.Name)
				}
			}
		}
	}

	other := participant("p9", "X", 5)
	other.Bank.Version = 7
	if _, _, err := q.Merge([]*q.Assessment{one, other}); err == nil {
		t.Error("merged files from different banks")
	}
}

func mustEncode(t *testing.T, a *q.Assessment) []byte {
	data, err := q.Encode(a)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func jsonText(s string) string {
	var b bytes.Buffer
	enc := strings.NewReplacer(`"`, `\"`, "\n", `\n`)
	b.WriteString(enc.Replace(s))
	return b.String()
}

func TestCSV(t *testing.T) {
	a := example.Generate(example.Options{Mode: q.Full, Respondents: 3, Seed: 1})
	a.Respondents[0].Name = "=HYPERLINK(\"http://x\")"
	a.Respondents[1].Answers["1A"] = q.Answer{Level: q.Complex, Note: "-1 risk, \"quoted\", comma\nnew line; emoji 😀"}
	a.Project.Name = "@project +plan"
	var buf bytes.Buffer
	if err := q.WriteCSV(&buf, q.Default(), a); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	if !bytes.HasPrefix(data, []byte("\ufeff")) || !bytes.Contains(data, []byte("\r\n")) {
		t.Error("the CSV lacks its byte-order mark or CRLF line ends")
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if want := 1 + 3*24; len(rows) != want {
		t.Fatalf("%d rows, want %d (a header and one per respondent and item)", len(rows), want)
	}
	if strings.Join(rows[0], ",") != strings.Join(q.CSVHeader, ",") {
		t.Errorf("header %v", rows[0])
	}
	for _, row := range rows[1:] {
		for _, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@", rune(cell[0])) {
				t.Errorf("a cell a spreadsheet would run: %q", cell)
			}
		}
		if row[0] != "nasss-en-GB" || row[1] != "2" {
			t.Errorf("bank columns %v", row[:2])
		}
	}
	found := false
	for _, row := range rows {
		if row[9] == "1A" && row[5] == a.Respondents[1].ID {
			found = row[11] == "complex" && row[12] == "3" && row[13] == "'-1 risk, \"quoted\", comma\nnew line; emoji 😀"
		}
	}
	if !found {
		t.Error("the note with quotes, commas and a new line did not survive")
	}
}

func TestSafeCell(t *testing.T) {
	for in, want := range map[string]string{"": "", "plain": "plain", "=1+1": "'=1+1", "+44 20": "'+44 20", "-x": "'-x", "@home": "'@home", "\tx": "'\tx", "a=b": "a=b"} {
		if got := q.SafeCell(in); got != want {
			t.Errorf("SafeCell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPutRespondent(t *testing.T) {
	a := participant("p1", "Ann", 1)
	a.Respondents[0].Answers["1A"] = q.Answer{Level: q.Simple, Note: "Written on this device."}
	again := q.Respondent{ID: "p1", Name: "Ann", Answers: map[string]q.Answer{"1A": {Level: q.Complex}}}
	if !a.PutRespondent(again) || len(a.Respondents) != 1 {
		t.Fatal("the same person sending again was not recognised")
	}
	if got := a.Respondents[0].Answers["1A"]; got != (q.Answer{Level: q.Complex, Note: "Written on this device."}) {
		t.Errorf("after sending again: %+v", got)
	}
	if again.Answers["1A"].Note != "" {
		t.Error("the incoming answers were changed in place")
	}
	if a.PutRespondent(q.Respondent{ID: "p2"}) || len(a.Respondents) != 2 {
		t.Error("a new person was not added")
	}
}

// TestMergeCaps: a merge whose result no file could hold fails with a
// sentence saying why, and never returns something Encode refuses.
func TestMergeCaps(t *testing.T) {
	crowd := func(n, people int) []*q.Assessment {
		var files []*q.Assessment
		for f := range n {
			a := participant(fmt.Sprintf("f%d-p0", f), "", uint64(f))
			for p := 1; p < people; p++ {
				a.Respondents = append(a.Respondents, q.Respondent{ID: fmt.Sprintf("f%d-p%d", f, p), Answers: map[string]q.Answer{}})
			}
			files = append(files, a)
		}
		return files
	}
	if _, _, err := q.Merge(crowd(40, 60)); err == nil || !strings.Contains(err.Error(), "more than 500 people") {
		t.Errorf("40 files of 60 people: %v", err)
	}
	if got, _, err := q.Merge(crowd(8, 60)); err != nil || len(got.Respondents) != 480 {
		t.Errorf("8 files of 60 people: %v", err)
	}

	// Two valid halves of a workshop with long notes: each fits, together
	// they are just over the size cap.
	half := func(first int) *q.Assessment {
		a := participant(fmt.Sprintf("h%d", first), "", 1)
		a.Respondents = nil
		for p := range 30 {
			r := q.Respondent{ID: fmt.Sprintf("h%d", first+p), Answers: map[string]q.Answer{}}
			for _, it := range q.Default().Items(q.Full) {
				r.Answers[it.ID] = q.Answer{Level: q.Complicated, Note: longest(790, "Notes from the ward round. ")}
			}
			a.Respondents = append(a.Respondents, r)
		}
		return a
	}
	one, two := half(0), half(100)
	for _, h := range []*q.Assessment{one, two} {
		if _, err := q.Encode(h); err != nil {
			t.Fatalf("a half does not fit on its own: %v", err)
		}
	}
	_, _, err := q.Merge([]*q.Assessment{one, two})
	if err == nil || !strings.Contains(err.Error(), "more than the 1,024 KB one assessment can hold") {
		t.Errorf("merging halves that add up past the cap: %v", err)
	}

	// Agreed notes that add up past a note's cap: the first stays, the
	// second is reported, and the merge goes on.
	a, b := participant("p1", "Ann", 1), participant("p2", "Bo", 2)
	a.Team = map[string]q.Answer{"2A": {Level: q.Complex, Note: longest(6000, "First room. ")}}
	b.Team = map[string]q.Answer{"2A": {Level: q.Complex, Note: longest(6000, "Second room. ")}}
	got, notes, err := q.Merge([]*q.Assessment{a, b})
	if err != nil {
		t.Fatal(err)
	}
	if got.Team["2A"].Note != a.Team["2A"].Note || !strings.Contains(strings.Join(notes, "\n"), "the agreed note on 2A from file 2 was not added") {
		t.Errorf("notes %q", notes)
	}
}

// TestMergeSameNameInNFCAndNFD: one person, their name typed on two
// systems, is one person.
func TestMergeSameNameInNFCAndNFD(t *testing.T) {
	a := participant("p1", "Zoë", 1)
	b := participant("p1", "Zoe\u0308", 1)
	got, notes, err := q.Merge([]*q.Assessment{a, b})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Respondents) != 1 || !strings.Contains(strings.Join(notes, " "), "already in the workshop") {
		t.Errorf("%d people, notes %q", len(got.Respondents), notes)
	}
}

// BenchmarkMerge40FilesOf60People is a merge that must fail: 2,400
// people. It fails at the 501st, early.
func BenchmarkMerge40FilesOf60People(b *testing.B) {
	var files []*q.Assessment
	for f := range 40 {
		a := participant(fmt.Sprintf("f%d-p0", f), "", uint64(f))
		for p := 1; p < 60; p++ {
			r := a.Respondents[0]
			r.ID = fmt.Sprintf("f%d-p%d", f, p)
			a.Respondents = append(a.Respondents, r)
		}
		files = append(files, a)
	}
	for b.Loop() {
		if _, _, err := q.Merge(files); err == nil {
			b.Fatal("merged 2,400 people")
		}
	}
}

func BenchmarkMerge40Files(b *testing.B) {
	var files []*q.Assessment
	for f := range 40 {
		a := participant(fmt.Sprintf("p%d", f), "", uint64(f))
		files = append(files, a)
	}
	for b.Loop() {
		if _, _, err := q.Merge(files); err != nil {
			b.Fatal(err)
		}
	}
}
