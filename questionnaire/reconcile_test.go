package questionnaire_test

import (
	"reflect"
	"strings"
	"testing"
	"time"

	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/questionnaire/example"
)

// TestReconcile: two browser tabs edit one assessment from the same saved
// version; whatever either did survives, and where both changed one thing,
// this tab's stays and the other's is reported.
func TestReconcile(t *testing.T) {
	start := example.Generate(example.Options{Mode: q.Full, Respondents: 2, Seed: 3})
	start.Actions = []q.Action{{ID: "a1", ItemID: "2A", Text: "Ask the supplier.", Status: q.NotStarted}}
	tests := []struct {
		name         string
		mine, theirs func(a *q.Assessment)
		check        func(t *testing.T, got *q.Assessment)
		clashes      []string // path: theirs
	}{
		{
			name: "different answers both kept; a rating the other tab changed is not loss",
			mine: func(a *q.Assessment) {
				a.Respondents[0].Answers["1A"] = q.Answer{Level: q.Complex, Note: "Typed in tab 1."}
			},
			theirs: func(a *q.Assessment) { a.Respondents[0].Answers["2B"] = q.Answer{Level: q.Simple} },
			check: func(t *testing.T, got *q.Assessment) {
				if got.Respondents[0].Answers["1A"].Note != "Typed in tab 1." || got.Respondents[0].Answers["2B"].Level != q.Simple {
					t.Errorf("answers %+v", got.Respondents[0].Answers)
				}
			},
		},
		{
			name:    "the same note changed both ways",
			mine:    func(a *q.Assessment) { setNote(a, "1A", "Mine.") },
			theirs:  func(a *q.Assessment) { setNote(a, "1A", "Theirs, <b>kept in sight</b>.") },
			check:   func(t *testing.T, got *q.Assessment) { wantNote(t, got, "1A", "Mine.") },
			clashes: []string{`respondents[0].answers["1A"].note: Theirs, <b>kept in sight</b>.`},
		},
		{
			name: "each tab added a person",
			mine: func(a *q.Assessment) { a.Respondents = append(a.Respondents, q.Respondent{ID: "p-mine", Name: "Mo"}) },
			theirs: func(a *q.Assessment) {
				a.Respondents = append(a.Respondents, q.Respondent{ID: "p-theirs", Name: "Tia"})
			},
			check: func(t *testing.T, got *q.Assessment) {
				var names []string
				for _, r := range got.Respondents[2:] {
					names = append(names, r.Name)
				}
				if strings.Join(names, " ") != "Tia Mo" {
					t.Errorf("people %v", names)
				}
			},
		},
		{
			name:   "an action removed there but changed here stays",
			mine:   func(a *q.Assessment) { a.Actions[0].Owner = "Dr Ana Müller" },
			theirs: func(a *q.Assessment) { a.Actions = nil },
			check: func(t *testing.T, got *q.Assessment) {
				if len(got.Actions) != 1 || got.Actions[0].Owner != "Dr Ana Müller" {
					t.Errorf("actions %+v", got.Actions)
				}
			},
			clashes: []string{"actions[0]: "},
		},
		{
			name:   "an action removed here but changed there comes back",
			mine:   func(a *q.Assessment) { a.Actions = nil },
			theirs: func(a *q.Assessment) { a.Actions[0].Status = q.Done },
			check: func(t *testing.T, got *q.Assessment) {
				if len(got.Actions) != 1 || got.Actions[0].Status != q.Done {
					t.Errorf("actions %+v", got.Actions)
				}
			},
			clashes: []string{"actions[0]: "},
		},
		{
			name:   "agreed ratings and reflections merge by item and domain",
			mine:   func(a *q.Assessment) { a.Team = map[string]q.Answer{"1A": {Level: q.Simple}} },
			theirs: func(a *q.Assessment) { a.Reflections["2"] = "From tab 2." },
			check: func(t *testing.T, got *q.Assessment) {
				if got.Team["1A"].Level != q.Simple || got.Reflections["2"] != "From tab 2." {
					t.Errorf("team %+v, reflections %+v", got.Team, got.Reflections)
				}
			},
		},
		{
			name:   "nothing changed here: theirs wholesale, and what it took away said",
			mine:   func(a *q.Assessment) {},
			theirs: func(a *q.Assessment) { a.Project.Name = "Renamed"; a.Respondents = a.Respondents[:1] },
			check: func(t *testing.T, got *q.Assessment) {
				if got.Project.Name != "Renamed" || len(got.Respondents) != 1 {
					t.Errorf("got %q with %d people", got.Project.Name, len(got.Respondents))
				}
			},
			clashes: []string{"project.name: Renamed", "respondents[1]: "},
		},
		{
			name:   "text another tab added to is not news",
			mine:   func(a *q.Assessment) {},
			theirs: func(a *q.Assessment) { setNote(a, "2D", a.Respondents[0].Answers["2D"].Note+" And more.") },
			check:  func(t *testing.T, got *q.Assessment) {},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base, mine, theirs := q.Clone(start), q.Clone(start), q.Clone(start)
			tt.mine(mine)
			mine.Updated = start.Updated.Add(time.Minute)
			tt.theirs(theirs)
			theirs.Updated = start.Updated.Add(2 * time.Minute)
			got, clashes := q.Reconcile(base, mine, theirs)
			tt.check(t, got)
			var said []string
			for _, c := range clashes {
				said = append(said, c.Path+": "+c.Theirs)
				if c.Kind == q.TheyReplaced && c.Mine == "" {
					t.Errorf("%s: replaced words not given", c.Path)
				}
			}
			if !reflect.DeepEqual(said, tt.clashes) && (len(said) > 0 || len(tt.clashes) > 0) {
				t.Errorf("clashes %q, want %q", said, tt.clashes)
			}
			if !got.Updated.Equal(theirs.Updated) {
				t.Errorf("updated %v, want the later %v", got.Updated, theirs.Updated)
			}
			if err := got.Validate(); err != nil {
				t.Errorf("the result is not valid: %v", err)
			}
		})
	}
}

func setNote(a *q.Assessment, item, note string) {
	ans := a.Respondents[0].Answers[item]
	ans.Note = note
	a.Respondents[0].Answers[item] = ans
}

func wantNote(t *testing.T, a *q.Assessment, item, note string) {
	t.Helper()
	if got := a.Respondents[0].Answers[item].Note; got != note {
		t.Errorf("note on %s is %q, want %q", item, got, note)
	}
}
