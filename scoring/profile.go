package scoring

import (
	"fmt"
	"strings"

	q "github.com/nasss-toolkit/nasss/questionnaire"
)

// Caveat goes wherever a profile is shown: the reading is a heuristic from
// case studies, not a validated score.
const Caveat = "This is a conversation aid, not a validated prediction. " +
	"The reading comes from case studies of real projects (Greenhalgh and colleagues, 2017 and 2018). " +
	"Use it to decide where to reduce complexity and where to help people cope with it."

// Note is one person's note on an item.
type Note struct {
	Who  string `json:"who"`
	Text string `json:"text"`
}

// ItemResult is one item as the profile sees it.
type ItemResult struct {
	ID     string  `json:"id"`
	Title  string  `json:"title"`
	Rating Rating  `json:"rating"`
	Notes  []Note  `json:"notes,omitempty"`
	Spread *Spread `json:"spread,omitempty"`
}

// DomainResult is one domain's level and the counts behind it.
type DomainResult struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// Level is the highest on-scale level among the domain's items, or
	// unanswered when none is rated on the scale.
	Level  q.Level `json:"level"`
	Counts Counts  `json:"counts"`
	// Uncertain is set when any item is "don't know": the domain may be
	// more complex than its level says.
	Uncertain bool `json:"uncertain"`
	// Answered of Applicable is the domain's progress; items rated not
	// applicable do not count towards either.
	Answered   int          `json:"answered"`
	Applicable int          `json:"applicable"`
	Items      []ItemResult `json:"items"`
}

// Band is the overall reading's category.
type Band string

// The three readings, by how many domains are complex.
const (
	Manageable       Band = "manageable"        // no complex domain
	ReduceOrManage   Band = "reduce-or-manage"  // one or two
	RarelyMainstream Band = "rarely-mainstream" // three or more
	// NoReading: nothing is rated on the scale yet, so there is nothing
	// to read; an empty assessment must not look like an all-clear.
	NoReading Band = "no-reading"
)

// Reading is the plain-language meaning of the profile, with why.
type Reading struct {
	Band     Band   `json:"band"`
	Headline string `json:"headline"`
	Meaning  string `json:"meaning"`
	Why      string `json:"why"`
}

// ItemRef points at an item, for lists such as the unknowns.
type ItemRef struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Domain string `json:"domain"`
}

// Profile is the complexity profile of one assessment.
type Profile struct {
	Bank             q.Ref          `json:"bank"`
	Mode             q.Mode         `json:"mode"`
	Respondents      int            `json:"respondents"`
	Domains          []DomainResult `json:"domains"`
	ComplexDomains   []string       `json:"complexDomains"`
	UncertainDomains []string       `json:"uncertainDomains"`
	Unknowns         []ItemRef      `json:"unknowns"`
	// Provisional lists items scored from the median because the team has
	// not agreed a rating yet.
	Provisional []ItemRef `json:"provisional,omitempty"`
	Answered    int       `json:"answered"`
	Applicable  int       `json:"applicable"`
	Reading     Reading   `json:"reading"`
	Caveat      string    `json:"caveat"`
}

// Complete reports whether every applicable item has an answer.
func (p *Profile) Complete() bool { return p.Answered == p.Applicable }

// NotApplicable counts the items marked not applicable: dealt with, but
// neither answered nor applicable.
func (p *Profile) NotApplicable() int {
	n := 0
	for _, d := range p.Domains {
		n += d.Counts.NotApplicable
	}
	return n
}

// Unanswered lists the items nobody has answered yet, in bank order.
func (p *Profile) Unanswered() []ItemRef {
	var out []ItemRef
	for _, d := range p.Domains {
		for _, it := range d.Items {
			if !it.Rating.Level.Answered() {
				out = append(out, ItemRef{ID: it.ID, Title: it.Title, Domain: d.ID})
			}
		}
	}
	return out
}

// FirstOpenDomain is the number (1 to 7) of the first domain with an
// applicable item still unanswered, or 1 when there is none.
func (p *Profile) FirstOpenDomain() int {
	for i, d := range p.Domains {
		if d.Answered < d.Applicable {
			return i + 1
		}
	}
	return 1
}

// Spreads returns every item's spread in bank order, or nil when only one
// person rated and no show of hands was counted.
func (p *Profile) Spreads() []Spread {
	var out []Spread
	for _, d := range p.Domains {
		for _, it := range d.Items {
			if it.Spread != nil {
				out = append(out, *it.Spread)
			}
		}
	}
	return out
}

// Score builds the profile of an assessment. The assessment must have been
// validated against b.
func Score(b *q.Bank, a *q.Assessment) Profile {
	p := Profile{Bank: a.Bank, Mode: a.Mode, Respondents: len(a.Respondents), Caveat: Caveat}
	for i := range b.Domains {
		d := &b.Domains[i]
		dr := DomainResult{ID: d.ID, Title: d.Title}
		for _, it := range d.ItemsFor(a.Mode) {
			ir := ItemResult{ID: it.ID, Title: it.Title, Rating: Effective(a, it.ID), Notes: notesOn(a, it.ID)}
			if len(a.Respondents) > 1 || len(a.Tallies) > 0 {
				s := SpreadOf(a, it.ID)
				ir.Spread = &s
			}
			l := ir.Rating.Level
			dr.Counts.Add(l)
			if l.Score() > dr.Level.Score() {
				dr.Level = l
			}
			ref := ItemRef{ID: it.ID, Title: it.Title, Domain: d.ID}
			if l == q.Unknown {
				dr.Uncertain = true
				p.Unknowns = append(p.Unknowns, ref)
			}
			if ir.Rating.Source == FromMedian {
				p.Provisional = append(p.Provisional, ref)
			}
			dr.Items = append(dr.Items, ir)
		}
		dr.Applicable = len(dr.Items) - dr.Counts.NotApplicable
		dr.Answered = dr.Counts.Answered() - dr.Counts.NotApplicable
		p.Answered += dr.Answered
		p.Applicable += dr.Applicable
		if dr.Level == q.Complex {
			p.ComplexDomains = append(p.ComplexDomains, d.ID)
		}
		if dr.Uncertain {
			p.UncertainDomains = append(p.UncertainDomains, d.ID)
		}
		p.Domains = append(p.Domains, dr)
	}
	p.Reading = read(&p)
	return p
}

func notesOn(a *q.Assessment, itemID string) []Note {
	var out []Note
	if n := a.Team[itemID].Note; n != "" {
		out = append(out, Note{Who: "Team", Text: n})
	}
	for i, r := range a.Respondents {
		if n := r.Answers[itemID].Note; n != "" {
			out = append(out, Note{Who: r.Label(i), Text: n})
		}
	}
	return out
}

// read turns the count of complex domains into the overall reading.
func read(p *Profile) Reading {
	n := len(p.ComplexDomains)
	var r Reading
	rated := 0
	for _, d := range p.Domains {
		if d.Level.OnScale() {
			rated++
		}
	}
	switch {
	case rated == 0:
		r.Band = NoReading
		r.Headline = "No reading yet"
		r.Meaning = "No question is rated simple, complicated or complex yet. Answer the questions to see where your project is complex."
	case n == 0:
		r.Band = Manageable
		r.Headline = fmt.Sprintf("None of the %d domains is complex", len(p.Domains))
		r.Meaning = "Projects like this can usually be run with good project management. " +
			"Keep looking, because complexity can grow as the project changes."
	case n <= 2:
		r.Band = ReduceOrManage
		r.Headline = fmt.Sprintf("%d of %d domains %s complex", n, len(p.Domains), map[bool]string{true: "is", false: "are"}[n == 1])
		r.Meaning = "Work out how to reduce that complexity, or plan how people will cope with it. " +
			"Projects like this can succeed when the complexity is faced early."
	default:
		r.Band = RarelyMainstream
		r.Headline = fmt.Sprintf("%d of %d domains are complex", n, len(p.Domains))
		r.Meaning = "Projects that were complex in three or more domains rarely became part of everyday care in the NASSS studies. " +
			"Consider reducing the scope, or tackling one domain at a time."
	}
	var why []string
	for _, d := range p.Domains {
		if d.Level != q.Complex {
			continue
		}
		var ids []string
		for _, it := range d.Items {
			if it.Rating.Level == q.Complex {
				ids = append(ids, it.ID)
			}
		}
		why = append(why, fmt.Sprintf("%s. %s (%s)", d.ID, d.Title, strings.Join(ids, ", ")))
	}
	if len(why) > 0 {
		r.Why = "Complex: " + strings.Join(why, "; ") + "."
	} else {
		r.Why = "No item is rated complex."
	}
	if u := len(p.UncertainDomains); u > 0 {
		r.Why += fmt.Sprintf(" %s \"don't know\" answers, which may hide more complexity.", plural(u, "domain has", "domains have"))
	}
	if left := p.Applicable - p.Answered; left > 0 {
		r.Why += fmt.Sprintf(" %s not answered yet.", plural(left, "item is", "items are"))
	}
	if len(p.Provisional) > 0 {
		r.Why += fmt.Sprintf(" %s the middle of people's ratings until the team agrees one.", plural(len(p.Provisional), "item uses", "items use"))
	}
	return r
}

// plural writes "1 domain is" or "3 domains are".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
