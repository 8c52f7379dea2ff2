package scoring

import (
	"os"
	"path/filepath"
	"testing"

	q "github.com/nasss-toolkit/nasss/questionnaire"
)

// FuzzScore scores whatever the decoder accepts. Nothing may panic; every
// item is counted once; every action the team wrote appears in the plan.
func FuzzScore(f *testing.F) {
	files, _ := filepath.Glob("../questionnaire/testdata/*.json")
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := q.Decode(data)
		if err != nil {
			return
		}
		b := q.LookupBank(a.Bank)
		p := Score(b, a)
		n := 0
		for _, d := range p.Domains {
			c := d.Counts
			n += c.Answered() + c.Unanswered
			if d.Answered > d.Applicable {
				t.Fatalf("domain %s: %d answered of %d", d.ID, d.Answered, d.Applicable)
			}
		}
		if n != len(b.Items(a.Mode)) {
			t.Fatalf("counted %d items, the mode asks %d", n, len(b.Items(a.Mode)))
		}
		Aggregate(b, a)
		seen := map[string]bool{}
		for _, pa := range Plan(b, a) {
			seen[pa.ActionID] = true
		}
		for _, act := range a.Actions {
			if !seen[act.ID] {
				t.Fatalf("action %s lost from the plan", act.ID)
			}
		}
		c, err := Compare(b, a, a)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range c.Domains {
			for _, it := range d.Items {
				if it.Change != Same {
					t.Fatalf("an assessment differs from itself at %s", it.ID)
				}
			}
		}
	})
}
