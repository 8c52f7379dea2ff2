package app

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/questionnaire/example"
)

func TestRepo(t *testing.T) {
	r := Repo{S: newMemStore()}
	older := example.Generate(example.Options{Mode: q.Quick, Respondents: 1, Seed: 1})
	newer := example.Generate(example.Options{Mode: q.Full, Respondents: 2, Seed: 2})
	newer.Updated = older.Updated.Add(time.Hour)
	for _, a := range []*q.Assessment{older, newer} {
		if err := r.Save(a); err != nil {
			t.Fatal(err)
		}
	}
	r.S.Set(keyPrefix+"broken", `{"schema":1,"id":"broken"`) // cut off mid-write
	r.S.Set("other-app-key", "not ours")

	list, err := r.List()
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range list {
		ids = append(ids, e.ID)
	}
	if strings.Join(ids, " ") != newer.ID+" "+older.ID+" broken" {
		t.Errorf("list order %v: want newest first, damaged last, others' keys ignored", ids)
	}
	if d := list[2]; !d.Damaged() || d.Raw != `{"schema":1,"id":"broken"` {
		t.Errorf("damaged record lost its raw text: %+v", d)
	}

	back, err := r.Load(newer.ID)
	if err != nil || back.Project != newer.Project || len(back.Respondents) != 2 {
		t.Errorf("load: %v", err)
	}
	if _, err := r.Load("nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("load of a missing ID: %v", err)
	}
	if !r.Exists("broken") || r.Exists("nope") {
		t.Error("Exists is wrong")
	}
	r.Delete(older.ID)
	if r.Exists(older.ID) {
		t.Error("delete did not delete")
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
	if len(plan.Ready) != 1 || plan.Ready[0].ID != "example-1" {
		t.Errorf("ready: %d", len(plan.Ready))
	}
	// The same file again, and another with the same ID, both clash.
	if len(plan.Conflicts) != 2 {
		t.Errorf("%d conflicts, want 2", len(plan.Conflicts))
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

func TestNewIDs(t *testing.T) {
	seen := map[string]bool{}
	for range 1000 {
		id := newID()
		if seen[id] || len(id) != 16 {
			t.Fatalf("bad or repeated ID %q", id)
		}
		seen[id] = true
		a := q.New(q.Default(), id, q.Quick, time.Now())
		if err := a.Validate(); err != nil {
			t.Fatal(err)
		}
	}
}

// TestPageOnlyStore: where the browser refuses storage, an assessment
// still carries from page to page, and every save and listing says that
// nothing is kept.
func TestPageOnlyStore(t *testing.T) {
	blocked := errors.New("blocked")
	r := Repo{S: newPageOnlyStore(blocked)}
	a := example.Generate(example.Options{Mode: q.Quick, Respondents: 1, Seed: 1})
	if err := r.Save(a); !errors.Is(err, blocked) {
		t.Errorf("save reported %v, want the blocked error", err)
	}
	if back, err := r.Load(a.ID); err != nil || back.Project != a.Project {
		t.Errorf("load after a save on this page: %v", err)
	}
	if _, err := r.List(); !errors.Is(err, blocked) {
		t.Errorf("list reported %v, want the blocked error", err)
	}
	if err := r.Delete(a.ID); err != nil || r.Exists(a.ID) {
		t.Errorf("delete: %v", err)
	}
}
