package scoring

import (
	"fmt"
	"slices"
	"strings"

	q "github.com/nasss-toolkit/nasss/questionnaire"
)

// The most and fewest assessments a side-by-side view holds: more than
// eight columns do not fit a page or a phone.
const (
	MinSideBySide = 2
	MaxSideBySide = 8
)

// Column is one assessment in a side-by-side view.
type Column struct {
	// Label names it: the setting a builder gave, else the project's name,
	// numbered where two would read the same.
	Label   string `json:"label"`
	ID      string `json:"id"`
	Project string `json:"project"`
	Mode    q.Mode `json:"mode"`
	Bank    q.Ref  `json:"bank"`
	Role    q.Role `json:"role"`
	Band    Band   `json:"band"`
	Counts  string `json:"counts"`
	// Partial is set while the assessment has questions unanswered.
	Partial bool `json:"partial,omitempty"`
	// Complex and Unknown count its complex domains, and those not known
	// enough.
	Complex int `json:"complex"`
	Unknown int `json:"unknown"`
	// Profile is the assessment's own profile, for its chart.
	Profile Profile `json:"-"`
}

// SideRow is one domain across the assessments.
type SideRow struct {
	Domain string `json:"domain"`
	Title  string `json:"title"`
	// Levels and Uncertain are by column.
	Levels    []q.Level `json:"levels"`
	Uncertain []bool    `json:"uncertain"`
	// Agree is set when every assessment has the domain at one level on
	// the scale.
	Agree bool `json:"agree"`
	// Standout is the column that differs when all the others agree, or -1.
	// Two assessments that differ have no standout: neither is the odd one.
	Standout int `json:"standout"`
	// Note says in words what the row shows.
	Note string `json:"note"`
	// standout is the summary's sentence on a standout.
	standout string
}

// SideBySide puts several assessments' profiles together: the same product
// in different settings, or different projects in one programme.
type SideBySide struct {
	Columns []Column  `json:"columns"`
	Rows    []SideRow `json:"rows"`
	// SharedUnknowns are the questions every assessment asks and every one
	// answers "don't know": what nobody knows yet, wherever they are.
	SharedUnknowns []ItemRef `json:"sharedUnknowns"`
	// PartlyUnknown are the questions two or more, but not all, answer
	// "don't know", with how many.
	PartlyUnknown []PartUnknown `json:"partlyUnknown,omitempty"`
	// SharedUncertain lists the domains not known enough in every one.
	SharedUncertain []string `json:"sharedUncertain"`
	// MixedModes and MixedBanks warn that quick scans and full assessments,
	// or different bank versions, are compared: domains compare, but some
	// questions are asked by only some of them.
	MixedModes bool `json:"mixedModes,omitempty"`
	MixedBanks bool `json:"mixedBanks,omitempty"`
	// Summary says what stands out, in sentences, most telling first.
	Summary []string `json:"summary"`
}

// PartUnknown is a question some of the assessments do not know.
type PartUnknown struct {
	ItemRef
	// In is how many answer it "don't know".
	In int `json:"in"`
}

// Entry is one assessment to put side by side, with the bank it uses.
type Entry struct {
	Bank *q.Bank
	A    *q.Assessment
}

// CompareSide puts two to eight assessments side by side, in the order
// given. Domains are the NASSS seven in every bank, so they line up across
// modes and bank versions; questions line up by ID.
func CompareSide(entries []Entry) (SideBySide, error) {
	var s SideBySide
	if n := len(entries); n < MinSideBySide || n > MaxSideBySide {
		return s, fmt.Errorf("choose %d to %d assessments to put side by side, not %d", MinSideBySide, MaxSideBySide, n)
	}
	newest := entries[0].Bank
	seen := map[string]int{}
	for _, e := range entries {
		if e.Bank == nil || e.A == nil {
			return s, fmt.Errorf("an assessment to compare has no bank")
		}
		if e.Bank.Version > newest.Version {
			newest = e.Bank
		}
		p := Score(e.Bank, e.A)
		c := Column{Label: columnLabel(e.A.Project), ID: e.A.ID, Project: e.A.Project.Name, Mode: e.A.Mode, Bank: e.A.Bank,
			Role: e.A.RoleOf(), Band: p.Reading.Band, Counts: p.Reading.Counts, Partial: p.Reading.Partial,
			Complex: len(p.ComplexDomains), Unknown: len(p.UncertainDomains), Profile: p}
		if seen[c.Label]++; seen[c.Label] > 1 {
			c.Label = fmt.Sprintf("%s (%d)", c.Label, seen[c.Label])
		}
		s.Columns = append(s.Columns, c)
	}
	for _, c := range s.Columns[1:] {
		s.MixedModes = s.MixedModes || c.Mode != s.Columns[0].Mode
		s.MixedBanks = s.MixedBanks || c.Bank != s.Columns[0].Bank
	}
	for i := range newest.Domains {
		s.Rows = append(s.Rows, s.row(&newest.Domains[i]))
	}
	s.SharedUnknowns = s.sharedUnknowns(newest)
	s.Summary = s.summarise()
	return s, nil
}

func columnLabel(p q.Project) string {
	if l := strings.TrimSpace(p.Setting); l != "" {
		return l
	}
	return p.Name
}

// row lines up one domain across the columns.
func (s *SideBySide) row(d *q.Domain) SideRow {
	r := SideRow{Domain: d.ID, Title: d.Title, Standout: -1}
	count := map[q.Level]int{}
	allUncertain := true
	for _, c := range s.Columns {
		dr := domainOf(&c.Profile, d.ID)
		r.Levels = append(r.Levels, dr.Level)
		r.Uncertain = append(r.Uncertain, dr.Uncertain)
		allUncertain = allUncertain && dr.Uncertain
		count[dr.Level]++
	}
	if allUncertain {
		s.SharedUncertain = append(s.SharedUncertain, d.ID)
	}
	n := len(s.Columns)
	first := r.Levels[0]
	switch {
	case count[first] == n && first.OnScale():
		r.Agree = true
		r.Note = fmt.Sprintf("All %s", strings.ToLower(first.Label()))
		if n == 2 {
			r.Note = fmt.Sprintf("Both %s", strings.ToLower(first.Label()))
		}
	case n >= 3:
		for i, l := range r.Levels {
			if count[l] != 1 {
				continue
			}
			other := r.Levels[(i+1)%n]
			if count[other] == n-1 && other.OnScale() {
				r.Standout = i
				r.Note = fmt.Sprintf("%s stands out: %s, where the others are %s", s.Columns[i].Label,
					strings.ToLower(DomainLevelLabel(l, r.Uncertain[i])), strings.ToLower(other.Label()))
				r.standout = fmt.Sprintf("%s stands out in %s. %s: %s, where the others are %s.", s.Columns[i].Label,
					d.ID, d.Title, strings.ToLower(DomainLevelLabel(l, r.Uncertain[i])), strings.ToLower(other.Label()))
			}
		}
	}
	if r.Note == "" && allUncertain && count[first] == n && !first.OnScale() {
		r.Note = "Don't know in all of them"
	}
	if r.Note == "" {
		r.Note = "They differ: " + spreadText(r.Levels, r.Uncertain)
	}
	return r
}

// LevelText is a column's level as the table shows it: "Don't know" for a
// domain no one could rate, and a question mark on a level some answers
// left unsure.
func (r SideRow) LevelText(i int) string {
	t := DomainLevelLabel(r.Levels[i], r.Uncertain[i])
	if r.Unsure(i) {
		t += " ?"
	}
	return t
}

// Unsure is whether a column's level on the scale rests on some "don't
// know" answers, so the domain may be more complex than it shows.
func (r SideRow) Unsure(i int) bool { return r.Uncertain[i] && r.Levels[i].OnScale() }

// Unsure is whether any level in the table carries a question mark.
func (s *SideBySide) Unsure() bool {
	for _, r := range s.Rows {
		for i := range r.Levels {
			if r.Unsure(i) {
				return true
			}
		}
	}
	return false
}

// SharedUncertainTitles names the domains not known enough in every one:
// "3. Who gains: …".
func (s *SideBySide) SharedUncertainTitles() []string {
	var out []string
	for _, r := range s.Rows {
		if slices.Contains(s.SharedUncertain, r.Domain) {
			out = append(out, r.Domain+". "+r.Title)
		}
	}
	return out
}

// spreadText counts the levels in a row: "2 complex, 1 simple".
func spreadText(levels []q.Level, uncertain []bool) string {
	var order []string
	count := map[string]int{}
	for i, l := range levels {
		label := strings.ToLower(DomainLevelLabel(l, uncertain[i]))
		if count[label]++; count[label] == 1 {
			order = append(order, label)
		}
	}
	var parts []string
	for _, label := range order {
		parts = append(parts, fmt.Sprintf("%d %s", count[label], label))
	}
	return strings.Join(parts, ", ")
}

func domainOf(p *Profile, id string) DomainResult {
	for _, d := range p.Domains {
		if d.ID == id {
			return d
		}
	}
	return DomainResult{ID: id}
}

// sharedUnknowns lists the questions every assessment asks and answers
// "don't know", in the newest bank's order.
func (s *SideBySide) sharedUnknowns(newest *q.Bank) []ItemRef {
	var out []ItemRef
	for _, it := range append(newest.Items(q.Quick), newest.Items(q.Full)...) {
		n := 0
		for _, c := range s.Columns {
			// A question the assessment does not ask has no rating, so
			// "don't know" also says it was asked.
			if c.Profile.Item(it.ID).Rating.Level == q.Unknown {
				n++
			}
		}
		ref := ItemRef{ID: it.ID, Title: it.Title, Domain: it.Domain}
		switch {
		case n == len(s.Columns):
			out = append(out, ref)
		case n >= 2:
			s.PartlyUnknown = append(s.PartlyUnknown, PartUnknown{ref, n})
		}
	}
	return out
}

// summarise says what the view shows: where they agree, what stands out,
// which is hardest, and what nobody knows.
func (s *SideBySide) summarise() []string {
	var out []string
	agree, n := 0, len(s.Rows)
	for _, r := range s.Rows {
		if r.Agree {
			agree++
		}
	}
	switch agree {
	case n:
		out = append(out, fmt.Sprintf("They agree on all %d domains.", n))
	case 0:
		out = append(out, "They agree on no domain: each setting needs its own plan.")
	default:
		out = append(out, fmt.Sprintf("They agree on %d of %d domains.", agree, n))
	}
	for _, r := range s.Rows {
		if r.Standout >= 0 {
			out = append(out, r.standout)
		}
	}
	most := 0
	for _, c := range s.Columns {
		most = max(most, c.Complex)
	}
	var hardest []string
	for _, c := range s.Columns {
		if c.Complex == most {
			hardest = append(hardest, c.Label)
		}
	}
	switch {
	case most == 0:
	case len(hardest) == 1:
		out = append(out, fmt.Sprintf("%s looks hardest, with %s.", hardest[0], plural(most, "complex domain", "complex domains")))
	case len(hardest) < len(s.Columns):
		out = append(out, fmt.Sprintf("%s look hardest, with %s each.", andList(hardest), plural(most, "complex domain", "complex domains")))
	}
	if len(s.SharedUncertain) > 0 {
		out = append(out, fmt.Sprintf("Not known enough in every one: %s. Finding these out helps every setting at once.",
			strings.Join(s.SharedUncertainTitles(), "; ")))
	}
	if s.MixedModes {
		out = append(out, "Quick scans and full assessments are mixed: their domains compare, but they ask different questions.")
	}
	if s.MixedBanks {
		out = append(out, "They were made with different versions of the questions: domains compare, but wording differs.")
	}
	return out
}

// andList joins names as a sentence does: "A, B and C".
func andList(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
