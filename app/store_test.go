package app

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/questionnaire/example"
)

func TestRepo(t *testing.T) {
	b := newMemBackend()
	r := NewRepo(b)
	older := example.Generate(example.Options{Mode: q.Quick, Respondents: 1, Seed: 1})
	newer := example.Generate(example.Options{Mode: q.Full, Respondents: 2, Seed: 2})
	newer.ID = "newer"
	older.Updated = time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	newer.Updated = older.Updated.Add(time.Hour)
	for _, a := range []*q.Assessment{older, newer} {
		if _, err := r.Create(a); err != nil {
			t.Fatal(err)
		}
	}
	// A record cut off mid-write, and one copied from an older version's
	// storage with no summary yet.
	b.recs["broken"] = Record{ID: "broken", Rev: 1, Data: []byte(`{"schema":1,"id":"broken"`)}
	copied, _ := os.ReadFile(filepath.Join("..", "questionnaire", "testdata", "schema1", "example-full-3.nasss.json"))
	b.recs["copied"] = Record{ID: "copied", Rev: 1, Data: copied}

	list, err := r.List()
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range list {
		ids = append(ids, e.ID)
	}
	if strings.Join(ids, " ") != "newer "+older.ID+" copied broken" {
		t.Errorf("list order %v: want newest first, damaged last", ids)
	}
	if e := list[0].Summary; e.Name != newer.Project.Name || e.People != 2 || e.Mode != q.Full || e.Size == 0 {
		t.Errorf("summary %+v", e)
	}
	if b.recs["copied"].Summary == "" {
		t.Error("the summary worked out for a copied record was not stored")
	}
	if d := list[3]; !d.Damaged() {
		t.Errorf("the broken record is not listed as damaged: %+v", d)
	}
	if raw, err := r.Raw("broken"); err != nil || string(raw) != `{"schema":1,"id":"broken"` {
		t.Errorf("raw data %q, %v", raw, err)
	}

	d, err := r.Open("newer")
	if err != nil || d.A.Project != newer.Project || len(d.A.Respondents) != 2 || d.State != Saved {
		t.Fatalf("open: %v", err)
	}
	if again, _ := r.Open("newer"); again != d {
		t.Error("opening again gave another working copy: pages would not share changes")
	}
	if _, err := r.Open("nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("open of a missing ID: %v", err)
	}
	if !r.Exists("broken") || r.Exists("nope") {
		t.Error("Exists is wrong")
	}
	r.Delete(older.ID)
	if r.Exists(older.ID) {
		t.Error("delete did not delete")
	}
}

// TestSaveRefusesWhatLoadingRefuses: a change that would make a record
// the app cannot read is not written, and what was saved is unharmed.
func TestSaveRefusesWhatLoadingRefuses(t *testing.T) {
	b := newMemBackend()
	r := NewRepo(b)
	a := example.Generate(example.Options{Mode: q.Quick, Respondents: 1, Seed: 1})
	d, err := r.Create(a)
	if err != nil {
		t.Fatal(err)
	}
	stored := b.recs[a.ID]
	for name, change := range map[string]func(){
		"an action of 1,500 characters": func() { a.AddAction(q.Action{ItemID: "Q1", Text: strings.Repeat("a", 1500)}) },
		"a 501st person": func() {
			for i := len(a.Respondents); i <= q.MaxRespondents; i++ {
				a.Respondents = append(a.Respondents, q.Respondent{ID: fmt.Sprintf("p%d", i)})
			}
		},
		"an escape in a name": func() { a.Project.Name = "\x1b]0;x\x07" },
	} {
		before := q.Clone(a)
		change()
		err := r.Save(d)
		if err == nil || !refusal(err) {
			t.Errorf("%s: saved (%v)", name, err)
		}
		if got := b.recs[a.ID]; got.Rev != stored.Rev || string(got.Data) != string(stored.Data) {
			t.Errorf("%s: the stored record changed", name)
		}
		*a = *before
	}
}

// TestTwoTabs: two pages with one assessment open, each saving its own
// change from the same revision. Neither loses anything, and the one
// that saved second says so, with the other's words where both changed
// the same note.
func TestTwoTabs(t *testing.T) {
	b := newMemBackend()
	one, two := NewRepo(b), NewRepo(b)
	a := example.Generate(example.Options{Mode: q.Full, Respondents: 1, Seed: 3})
	if _, err := one.Create(a); err != nil {
		t.Fatal(err)
	}
	d1, _ := one.Open(a.ID)
	d2, _ := two.Open(a.ID)
	d1.A.Respondents[0].Answers["1A"] = q.Answer{Level: q.Complex, Note: "From tab 1."}
	d1.A.Respondents[0].Answers["2A"] = q.Answer{Level: q.Simple, Note: "Tab 1's note on 2A."}
	if err := one.Save(d1); err != nil {
		t.Fatal(err)
	}
	d2.A.Respondents[0].Answers["1B"] = q.Answer{Level: q.Unknown}
	d2.A.Respondents[0].Answers["2A"] = q.Answer{Level: q.Simple, Note: "Tab 2's note on 2A."}
	if err := two.Save(d2); err != nil {
		t.Fatal(err)
	}
	check := func(who string, d *Doc) {
		t.Helper()
		ans := d.A.Respondents[0].Answers
		if ans["1A"].Note != "From tab 1." || ans["1B"].Level != q.Unknown {
			t.Errorf("%s: lost an answer: %+v %+v", who, ans["1A"], ans["1B"])
		}
	}
	check("tab 2", d2)
	if !d2.Merged || len(d2.Clashes) != 1 || d2.Clashes[0].Theirs != "Tab 1's note on 2A." {
		t.Errorf("tab 2 was not told of tab 1's note: merged %v, clashes %+v", d2.Merged, d2.Clashes)
	}
	if !one.Refresh(d1) {
		t.Fatal("tab 1 did not see tab 2's save")
	}
	check("tab 1", d1)
	if got := d1.A.Respondents[0].Answers["2A"].Note; got != "Tab 2's note on 2A." {
		t.Errorf("tab 1 shows %q for the note tab 2 saved last", got)
	}
	fresh, _ := NewRepo(b).Open(a.ID)
	check("storage", fresh)

	// Deleted in one tab while open in the other: the work is kept, and
	// saved again by the next change.
	one.Delete(a.ID)
	two.Refresh(d2)
	if !d2.Deleted {
		t.Error("tab 2 was not told of the deletion")
	}
	if err := two.Save(d2); err != nil || !d2.Restored || b.recs[a.ID].Rev == 0 {
		t.Errorf("saving after a deletion elsewhere: %v, restored %v", err, d2.Restored)
	}
}

// TestFullStorage: a change storage cannot take stays in memory, on every
// page, and is saved by the next change once there is room.
func TestFullStorage(t *testing.T) {
	b := newMemBackend()
	r := NewRepo(b)
	a := example.Generate(example.Options{Mode: q.Quick, Respondents: 1, Seed: 1})
	d, _ := r.Create(a)
	b.fail = errors.New("the browser's storage for this site is full")
	note := strings.Repeat("Typed before moving on. ", 80)
	d.A.Respondents[0].Answers["Q1"] = q.Answer{Level: q.Complex, Note: note}
	if err := r.Save(d); err == nil || refusal(err) {
		t.Fatalf("save on a full disk: %v", err)
	}
	next, _ := r.Open(a.ID) // the next page
	if next.State != NotSaved || next.A.Respondents[0].Answers["Q1"].Note != note {
		t.Errorf("the next page shows state %v and lost the note", next.State)
	}
	if _, err := q.Encode(next.A); err != nil {
		t.Errorf("the export offered cannot be made: %v", err)
	}
	b.fail = nil
	if err := r.Save(next); err != nil || next.State != Saved {
		t.Errorf("once there is room: %v, state %v", err, next.State)
	}
	back, _ := NewRepo(b).Open(a.ID)
	if back.A.Respondents[0].Answers["Q1"].Note != note {
		t.Error("the note did not reach storage")
	}
}

// TestWhatIsSavedLoads edits assessments at random through the pages'
// path (check the field's rule, change, save, undo what is refused), with
// text at and past every limit and every awkward character: whatever the
// store accepted loads back equal, in another tab or after a reload.
func TestWhatIsSavedLoads(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	texts := []string{"plain", "Zoe\u0308", "😀👩🏽‍⚕️", "\u202eשלום", "<b>x</b>", "{nb}", "a\r\nb", "\x1b[2J", "\u009b", "\t", "\xff"}
	text := func(rule q.TextRule) string {
		if rng.IntN(3) == 0 {
			r := []rune(strings.Repeat(texts[rng.IntN(len(texts))], rule.Max+1))
			return string(r[:rule.Max-1+rng.IntN(3)])
		}
		return texts[rng.IntN(len(texts))]
	}
	b := newMemBackend()
	defer func(r *Repo) { repo = r }(repo)
	for round := range 40 {
		tab := NewRepo(b)
		repo = tab // the pages' repository
		a := example.Generate(example.Options{Mode: q.Full, Respondents: 2, Seed: uint64(round)})
		d, err := tab.Create(a)
		if err != nil {
			t.Fatal(err)
		}
		p := &page{doc: d, a: d.A}
		for step := range 30 {
			items := q.Default().Items(q.Full)
			it := items[rng.IntN(len(items))].ID
			switch rng.IntN(5) {
			case 0:
				p.setText("name", q.NameText, d.A.Project.Name, text(q.NameText), func(s string) { d.A.Project.Name = s })
			case 1:
				ans := d.A.Respondents[0].Answers[it]
				p.setText("note", q.NoteText, ans.Note, text(q.NoteText), func(s string) {
					a := d.A.Respondents[0].Answers[it]
					a.Note = s
					d.A.Respondents[0].Answers[it] = a
				})
			case 2:
				var id string
				p.try("action", func() { id = d.A.AddAction(q.Action{ItemID: it, Text: text(q.ActionText)}).ID }, func() { d.A.RemoveAction(id) })
			case 3:
				n := len(d.A.Respondents)
				extra := rng.IntN(3) * 300
				p.try("people", func() {
					for i := range extra {
						d.A.Respondents = append(d.A.Respondents, q.Respondent{ID: fmt.Sprintf("x%d-%d", step, i)})
					}
				}, func() { d.A.Respondents = d.A.Respondents[:n] })
			case 4:
				old, had := d.A.Respondents[1].Answers[it]
				p.try("level", func() { d.A.Respondents[1].Answers[it] = q.Answer{Level: q.Complex, Note: text(q.NoteText)} },
					func() {
						delete(d.A.Respondents[1].Answers, it)
						if had {
							d.A.Respondents[1].Answers[it] = old
						}
					})
			}
			if d.State != Saved {
				t.Fatalf("round %d step %d: state %v: %v", round, step, d.State, d.Err)
			}
			back, err := NewRepo(b).Open(a.ID)
			if err != nil {
				t.Fatalf("round %d step %d: what was saved does not load: %v", round, step, err)
			}
			if !reflect.DeepEqual(back.A, d.A) {
				x, y := reflect.ValueOf(*back.A), reflect.ValueOf(*d.A)
				for i := 0; i < x.NumField(); i++ {
					if !reflect.DeepEqual(x.Field(i).Interface(), y.Field(i).Interface()) {
						t.Logf("%s: %v\n%v", x.Type().Field(i).Name, x.Field(i).Interface(), y.Field(i).Interface())
					}
				}
				t.Fatalf("round %d step %d: what loads differs from what the page holds", round, step)
			}
		}
	}
}

func TestPlanImport(t *testing.T) {
	good, _ := os.ReadFile("../questionnaire/testdata/example-full-3.nasss.json")
	quick, _ := os.ReadFile("../questionnaire/testdata/example-quick-1.nasss.json")
	files := []pickedFile{
		{Name: "good.nasss.json", Size: len(good), Data: good, Read: true},
		{Name: "again.nasss.json", Size: len(good), Data: good, Read: true},
		{Name: "huge.json", Size: 5 << 20},
		{Name: "unreadable.json", Size: 10, ReadErr: "the browser could not read it"},
	}
	bad, _ := filepath.Glob("../questionnaire/testdata/bad/*")
	for _, f := range bad {
		data, _ := os.ReadFile(f)
		if len(data) > q.MaxFileSize {
			files = append(files, pickedFile{Name: filepath.Base(f), Size: len(data)})
			continue
		}
		files = append(files, pickedFile{Name: filepath.Base(f), Size: len(data), Data: data, Read: true})
	}
	files = append(files, pickedFile{Name: "quick.nasss.json", Size: len(quick), Data: quick, Read: true})

	stored := map[string]bool{"example-1": false}
	plan := planImport(files, func(id string) bool { return stored[id] })
	if len(plan.Ready) != 1 || plan.Ready[0].A.ID != "example-1" || plan.Ready[0].File != "good.nasss.json" {
		t.Errorf("ready: %d", len(plan.Ready))
	}
	// The same file again, and another with the same ID, both clash with
	// the first file, each as a choice of its own.
	if len(plan.Conflicts) != 2 || plan.Conflicts[0].File != "again.nasss.json" || plan.Conflicts[0].Other != "good.nasss.json" ||
		plan.Conflicts[1].File != "quick.nasss.json" {
		t.Errorf("conflicts %+v", plan.Conflicts)
	}
	if want := len(bad) + 2; len(plan.Problems) != want {
		t.Errorf("%d problems, want %d", len(plan.Problems), want)
	}
	for _, p := range plan.Problems {
		if p.File == "" || p.Problem == "" {
			t.Errorf("a problem without its file or reason: %+v", p)
		}
		// People read where the problem is in words, not as a field path.
		if strings.ContainsAny(p.Problem, "[]") {
			t.Errorf("%s: %q", p.File, p.Problem)
		}
	}
	if plan.Problems[0].Problem != "the file is 5.0 MB; an assessment file is at most 1.0 MB" {
		t.Errorf("size message: %q", plan.Problems[0].Problem)
	}
}

// TestPageOnlyBackend: where the browser refuses storage, an assessment
// still carries from page to page, and every save and listing says that
// nothing is kept.
func TestPageOnlyBackend(t *testing.T) {
	r := NewRepo(newPageOnlyBackend(errors.New("blocked")))
	a := example.Generate(example.Options{Mode: q.Quick, Respondents: 1, Seed: 1})
	d, err := r.Create(a)
	if err != nil || d.State != NotSaved || !errors.Is(d.Err, ErrNotKept) {
		t.Errorf("create: %v, state %v, %v", err, d.State, d.Err)
	}
	if back, err := r.Open(a.ID); err != nil || back.A.Project != a.Project {
		t.Errorf("open after a save on this page: %v", err)
	}
	if _, err := r.List(); !errors.Is(err, ErrNotKept) {
		t.Errorf("list reported %v, want the blocked error", err)
	}
}

// TestRefusedAfterAnotherTab: a change that is refused only once another
// tab's changes are brought in leaves the page with what is stored, the
// other tab's changes included, not with its copy from before them.
func TestRefusedAfterAnotherTab(t *testing.T) {
	b := newMemBackend()
	one, two := NewRepo(b), NewRepo(b)
	defer func(r *Repo) { repo = r }(repo)
	crowd := func(a *q.Assessment, prefix string, n int) {
		for i := range n {
			a.Respondents = append(a.Respondents, q.Respondent{ID: fmt.Sprintf("%s%d", prefix, i)})
		}
	}
	a := example.Generate(example.Options{Mode: q.Quick, Respondents: 1, Seed: 1})
	crowd(a, "first-", 299)
	if _, err := one.Create(a); err != nil {
		t.Fatal(err)
	}
	d1, _ := one.Open(a.ID)
	d2, _ := two.Open(a.ID)
	crowd(d1.A, "one-", 150)
	if err := one.Save(d1); err != nil {
		t.Fatal(err)
	}
	repo = two
	p := &page{doc: d2, a: d2.A}
	n := len(d2.A.Respondents)
	if p.try("people", func() { crowd(d2.A, "two-", 100) }, func() { d2.A.Respondents = d2.A.Respondents[:n] }) {
		t.Fatal("550 people were saved")
	}
	if got := len(d2.A.Respondents); got != 450 {
		t.Errorf("tab two holds %d people; want the 450 stored", got)
	}
	if p.fieldError("people") == "" {
		t.Error("no reason given")
	}
}
