package scoring

import (
	"fmt"

	q "github.com/nasss-toolkit/nasss/questionnaire"
)

// Change is how one item or domain moved between two assessments.
type Change string

// The ways a rating can move.
const (
	MoreComplex     Change = "more-complex"
	LessComplex     Change = "less-complex"
	Same            Change = "same"
	NewlyUnknown    Change = "newly-unknown"
	NoLongerUnknown Change = "no-longer-unknown"
	// Other covers an item rated in only one of the two, or moving to or
	// from not applicable.
	Other Change = "other"
)

// changeOf compares two levels. Unknowns take precedence: a rating that
// became "don't know" is news whatever it was before.
func changeOf(before, after q.Level) Change {
	switch {
	case before == after:
		return Same
	case after == q.Unknown:
		return NewlyUnknown
	case before == q.Unknown:
		return NoLongerUnknown
	case before.OnScale() && after.OnScale() && after.Score() > before.Score():
		return MoreComplex
	case before.OnScale() && after.OnScale():
		return LessComplex
	}
	return Other
}

// asLevel is a domain's level for comparing: a domain answered only
// "don't know" counts as unknown, not as unrated.
func asLevel(d DomainResult) q.Level {
	if !d.Level.OnScale() && d.Uncertain {
		return q.Unknown
	}
	return d.Level
}

// ItemChange is one item's move.
type ItemChange struct {
	ID     string  `json:"id"`
	Title  string  `json:"title"`
	Before q.Level `json:"before"`
	After  q.Level `json:"after"`
	Change Change  `json:"change"`
}

// DomainChange is one domain's move and its items'.
type DomainChange struct {
	ID              string       `json:"id"`
	Title           string       `json:"title"`
	Before          q.Level      `json:"before"`
	After           q.Level      `json:"after"`
	Change          Change       `json:"change"`
	BeforeUncertain bool         `json:"beforeUncertain"`
	AfterUncertain  bool         `json:"afterUncertain"`
	Items           []ItemChange `json:"items"`
}

// Comparison is what moved between two assessments of one project.
type Comparison struct {
	Domains []DomainChange `json:"domains"`
	// Items counts item changes by kind.
	Items map[Change]int `json:"items"`
	// ComplexBefore and ComplexAfter count complex domains.
	ComplexBefore int `json:"complexBefore"`
	ComplexAfter  int `json:"complexAfter"`
	// LinksAdded and LinksRemoved are the links between items the team
	// made or took away.
	LinksAdded   []q.Link `json:"linksAdded,omitempty"`
	LinksRemoved []q.Link `json:"linksRemoved,omitempty"`
}

// Compare reports, per domain and per item, what moved from before to after.
// Both must use bank b's ID; items asked in only one of the two modes show
// as Other.
func Compare(b *q.Bank, before, after *q.Assessment) (Comparison, error) {
	for _, a := range []*q.Assessment{before, after} {
		if a.Bank.ID != b.ID {
			return Comparison{}, fmt.Errorf("cannot compare: one assessment uses bank %s, the other %s", a.Bank, b.Ref())
		}
	}
	pb, pa := Score(b, before), Score(b, after)
	c := Comparison{Items: map[Change]int{}, ComplexBefore: len(pb.ComplexDomains), ComplexAfter: len(pa.ComplexDomains)}
	for i := range b.Domains {
		d := &b.Domains[i]
		db, da := pb.Domains[i], pa.Domains[i]
		dc := DomainChange{
			ID: d.ID, Title: d.Title, Before: db.Level, After: da.Level,
			BeforeUncertain: db.Uncertain, AfterUncertain: da.Uncertain,
		}
		dc.Change = changeOf(asLevel(db), asLevel(da))
		if dc.Change == Same && da.Uncertain && !db.Uncertain {
			dc.Change = NewlyUnknown
		}
		for _, it := range unionItems(d, before.Mode, after.Mode) {
			ic := ItemChange{ID: it.ID, Title: it.Title,
				Before: Effective(before, it.ID).Level, After: Effective(after, it.ID).Level}
			ic.Change = changeOf(ic.Before, ic.After)
			c.Items[ic.Change]++
			dc.Items = append(dc.Items, ic)
		}
		c.Domains = append(c.Domains, dc)
	}
	c.LinksAdded, c.LinksRemoved = linkChanges(before.Links, after.Links), linkChanges(after.Links, before.Links)
	return c, nil
}

// linkChanges lists the links of after that before lacks.
func linkChanges(before, after []q.Link) []q.Link {
	had := map[string]bool{}
	for _, l := range before {
		had[l.ID] = true
	}
	var out []q.Link
	for _, l := range after {
		if !had[l.ID] {
			out = append(out, l)
		}
	}
	return out
}

// unionItems lists the items either mode asks, quick item first.
func unionItems(d *q.Domain, m1, m2 q.Mode) []*q.Item {
	if m1 == m2 {
		return d.ItemsFor(m1)
	}
	return append(d.ItemsFor(q.Quick), d.ItemsFor(q.Full)...)
}
