package scoring

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	q "github.com/nasss-toolkit/nasss/questionnaire"
)

// quickLevels rates the seven quick questions in domain order.
func quickLevels(ls ...q.Level) map[string]q.Level {
	m := map[string]q.Level{}
	for i, l := range ls {
		m[bank.Domains[i].Quick.ID] = l
	}
	return m
}

// setting is a builder's quick scan of one setting.
func setting(name string, ls ...q.Level) *q.Assessment {
	a := assess(q.Quick, quickLevels(ls...))
	a.Role, a.Project.Name, a.Project.Setting = q.Builder, "Falls sensor", name
	return a
}

func entries(as ...*q.Assessment) []Entry {
	var out []Entry
	for _, a := range as {
		out = append(out, Entry{Bank: q.LookupBank(a.Bank), A: a})
	}
	return out
}

func TestSideBySide(t *testing.T) {
	v1 := q.Ref{ID: q.DefaultBankID, Version: 1}
	olderBank := setting("Hospital wards", C, C, C, C, C, C, C)
	olderBank.Bank = v1
	full := assess(q.Full, fullLevels(C, map[string]q.Level{"3A": U, "3B": U}))
	full.Project.Name = "Falls sensor"

	for _, tc := range []struct {
		name string
		in   []*q.Assessment
		// levels is each row's levels, as Label letters by column.
		agree     []bool
		standout  []int
		unknowns  []string
		uncertain []string
		summary   []string // phrases the summary holds
		mixed     [2]bool  // modes, banks
		partly    []string // "ID in N"
	}{
		{
			name:     "all agree",
			in:       []*q.Assessment{setting("Care homes", S, C, C, X, C, S, C), setting("GP practices", S, C, C, X, C, S, C)},
			agree:    []bool{true, true, true, true, true, true, true},
			standout: []int{-1, -1, -1, -1, -1, -1, -1},
			summary:  []string{"They agree on all 7 domains."},
		},
		{
			name: "one setting stands out",
			in: []*q.Assessment{
				setting("Hospital trusts", S, C, C, C, C, C, C),
				setting("Care homes", S, C, X, C, X, C, C),
				setting("GP practices", S, C, C, C, C, C, C),
			},
			agree:    []bool{true, true, false, true, false, true, true},
			standout: []int{-1, -1, 1, -1, 1, -1, -1},
			summary: []string{"They agree on 5 of 7 domains.", "Care homes stands out in 3. Who gains: benefits, evidence and the supplier's business: complex, where the others are complicated.",
				"Care homes looks hardest, with 2 complex domains."},
		},
		{
			name:  "two that differ have no odd one out",
			in:    []*q.Assessment{setting("Care homes", S, S, S, S, S, S, S), setting("GP practices", C, S, S, S, S, S, S)},
			agree: []bool{false, true, true, true, true, true, true}, standout: []int{-1, -1, -1, -1, -1, -1, -1},
			summary: []string{"They agree on 6 of 7 domains."},
		},
		{
			name: "shared unknowns",
			in: []*q.Assessment{
				setting("Care homes", S, U, C, C, U, C, C),
				setting("GP practices", S, U, C, C, C, C, C),
				setting("Hospital trusts", S, U, C, C, C, C, U),
			},
			agree:     []bool{true, false, true, true, false, true, false},
			standout:  []int{-1, -1, -1, -1, 0, -1, 2},
			unknowns:  []string{"Q2"},
			uncertain: []string{"2"},
			summary:   []string{"Not known enough in every one: 2. The technology itself.", "stands out in 5. The organisations that must take it on and run it: don't know, where the others are complicated."},
		},
		{
			name: "two tie for hardest; two of three do not know",
			in: []*q.Assessment{
				setting("Care homes", S, X, U, C, X, C, C),
				setting("GP practices", S, C, C, C, C, C, C),
				setting("Hospital trusts", S, X, U, C, X, C, C),
			},
			agree:    []bool{true, false, false, true, false, true, true},
			standout: []int{-1, 1, -1, -1, 1, -1, -1},
			summary:  []string{"Care homes and Hospital trusts look hardest, with 2 complex domains each."},
			partly:   []string{"Q3 in 2"},
		},
		{
			name:      "quick and full mixed",
			in:        []*q.Assessment{setting("Care homes", C, C, U, C, C, C, C), full},
			agree:     []bool{true, true, false, true, true, true, true},
			standout:  []int{-1, -1, -1, -1, -1, -1, -1},
			uncertain: []string{"3"},
			summary:   []string{"Quick scans and full assessments are mixed"},
			mixed:     [2]bool{true, false},
		},
		{
			name:     "bank versions mixed",
			in:       []*q.Assessment{olderBank, setting("Care homes", C, C, C, C, C, C, C)},
			agree:    []bool{true, true, true, true, true, true, true},
			standout: []int{-1, -1, -1, -1, -1, -1, -1},
			summary:  []string{"different versions of the questions"},
			mixed:    [2]bool{false, true},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := CompareSide(entries(tc.in...))
			if err != nil {
				t.Fatal(err)
			}
			var agree []bool
			var standout []int
			for _, r := range s.Rows {
				agree, standout = append(agree, r.Agree), append(standout, r.Standout)
				if len(r.Levels) != len(tc.in) || r.Note == "" {
					t.Errorf("row %s: %d levels for %d columns, note %q", r.Domain, len(r.Levels), len(tc.in), r.Note)
				}
			}
			if !reflect.DeepEqual(agree, tc.agree) {
				t.Errorf("agree %v, want %v", agree, tc.agree)
			}
			if !reflect.DeepEqual(standout, tc.standout) {
				t.Errorf("standout %v, want %v", standout, tc.standout)
			}
			var unknowns []string
			for _, u := range s.SharedUnknowns {
				unknowns = append(unknowns, u.ID)
			}
			if !reflect.DeepEqual(unknowns, tc.unknowns) {
				t.Errorf("shared unknowns %v, want %v", unknowns, tc.unknowns)
			}
			if !reflect.DeepEqual(s.SharedUncertain, tc.uncertain) {
				t.Errorf("shared uncertain domains %v, want %v", s.SharedUncertain, tc.uncertain)
			}
			var partly []string
			for _, p := range s.PartlyUnknown {
				partly = append(partly, fmt.Sprintf("%s in %d", p.ID, p.In))
			}
			if !reflect.DeepEqual(partly, tc.partly) {
				t.Errorf("partly unknown %v, want %v", partly, tc.partly)
			}
			summary := strings.Join(s.Summary, "\n")
			for _, want := range tc.summary {
				if !strings.Contains(summary, want) {
					t.Errorf("summary lacks %q:\n%s", want, summary)
				}
			}
			if s.MixedModes != tc.mixed[0] || s.MixedBanks != tc.mixed[1] {
				t.Errorf("mixed modes %v, banks %v; want %v", s.MixedModes, s.MixedBanks, tc.mixed)
			}
		})
	}
}

func TestSideBySideLabels(t *testing.T) {
	a, b, c := setting("Care homes", S), setting("Care homes", S), assess(q.Quick)
	c.Project.Name = "Video clinics"
	s, err := CompareSide(entries(a, b, c))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, col := range s.Columns {
		got = append(got, col.Label)
	}
	if want := []string{"Care homes", "Care homes (2)", "Video clinics"}; !reflect.DeepEqual(got, want) {
		t.Errorf("labels %q, want %q", got, want)
	}
	for _, n := range []int{0, 1, 9} {
		var as []*q.Assessment
		for range n {
			as = append(as, setting("x", S))
		}
		if _, err := CompareSide(entries(as...)); err == nil || !strings.Contains(err.Error(), "choose 2 to 8") {
			t.Errorf("%d assessments: error %v", n, err)
		}
	}
}

func TestBuilderReading(t *testing.T) {
	a := setting("Care homes", S, C, X, C, C, C, C)
	p := Score(bank, a)
	if !strings.Contains(p.Reading.Lens, "adoption risks your product meets in this setting (Care homes)") {
		t.Errorf("builder's lens: %q", p.Reading.Lens)
	}
	a.Role = q.Implementer
	if p := Score(bank, a); p.Reading.Lens != "" {
		t.Errorf("an implementer's reading has a lens: %q", p.Reading.Lens)
	}
	// A builder's plan holds the maker's duties and the builder's actions.
	a.Role = q.Builder
	plan := Plan(bank, a)
	var checks, texts []string
	for _, pa := range plan {
		if pa.Check != "" {
			checks = append(checks, pa.Check)
		}
		texts = append(texts, pa.Text)
	}
	if !slices.Contains(checks, "maker-safety") || slices.Contains(checks, "dtac") {
		t.Errorf("a builder's checks: %v", checks)
	}
	want := bank.Item("Q3").Builder.Actions.Complex[0]
	if !strings.Contains(strings.Join(texts, "\n"), want) {
		t.Errorf("a builder's plan lacks %q", want)
	}
}

func TestBuilderReviewKeepsRole(t *testing.T) {
	a := setting("Care homes", S, C, X, C, C, C, C)
	r := StartReview(bank, a, "r2", a.Created.AddDate(0, 3, 0))
	if r.RoleOf() != q.Builder || r.Project.Setting != "Care homes" {
		t.Errorf("a builder's review is %q for %q", r.Role, r.Project.Setting)
	}
}
