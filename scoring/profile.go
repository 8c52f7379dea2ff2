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

// HowItWorks explains how answers become a reading, in one place for the
// About page and the PDF.
var HowItWorks = []string{
	"Every question is answered simple, complicated or complex, or \"don't know\", or \"not applicable\". " +
		"The answers are levels, not scores: nothing is added up.",
	"When several people rate, the team's agreed answer is used. Until the team agrees one, the middle of their answers stands in, marked provisional.",
	"A domain's suggested level is the highest level among its answers: a cautious rule, which one answer can decide. " +
		"The results show the answers behind it, and say when a single question decides it. " +
		"Your team can set a domain's level itself, with its reason; the reading then uses the team's level.",
	"A domain with a \"don't know\" answer is not known enough: it may hide more complexity. " +
		"Not knowing is never good news, and the action plan turns each one into something to find out.",
	"The reading counts the domains that are complex and the domains that are not known enough. " +
		"The NASSS studies found that projects complex in several domains at once rarely became part of everyday care; they set no number. " +
		"This tool calls two or more complex domains \"several\": that is its own rule of thumb. While questions are unanswered, the reading says it is partial.",
	"Parts of a project affect each other. The team can link the questions that make each other worse, " +
		"and linked risks are shown together in the results, the plan and the PDF.",
}

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
	// Suggested is the highest on-scale level among the domain's items,
	// or unanswered when none is rated on the scale: a cautious default,
	// which one item can decide.
	Suggested q.Level `json:"suggested"`
	// Level is what the reading uses: the level the team set, with its
	// Reason, where it set one (SetByTeam), else Suggested.
	Level     q.Level `json:"level"`
	SetByTeam bool    `json:"setByTeam,omitempty"`
	Reason    string  `json:"reason,omitempty"`
	// Narrow is a suggested complex level that a single item of several
	// decides: complex in one respect, until the team says it spreads.
	Narrow bool `json:"narrow,omitempty"`
	// Prompt asks the team to look again at the domain, or is empty.
	Prompt string `json:"prompt,omitempty"`
	Counts Counts `json:"counts"`
	// Uncertain is set when any item is "don't know": the domain may be
	// more complex than its level says.
	Uncertain bool `json:"uncertain"`
	// Answered of Applicable is the domain's progress; items rated not
	// applicable do not count towards either.
	Answered   int          `json:"answered"`
	Applicable int          `json:"applicable"`
	Items      []ItemResult `json:"items"`
}

// Band is the overall reading's category, from what is complex and what
// is not known enough.
type Band string

// The readings, most reassuring first. None is reassuring while much is
// unknown.
const (
	// NoReading: nothing is rated yet, so there is nothing to read; an
	// empty assessment must not look like an all-clear.
	NoReading Band = "no-reading"
	// Manageable: no domain complex, and none left unknown.
	Manageable Band = "manageable"
	// NotKnown: no domain complex, but some not known enough to say.
	NotKnown Band = "not-known"
	// ComplexItems: no domain complex throughout, but some with a single
	// complex item the team has still to judge.
	ComplexItems Band = "complex-items"
	// OneComplex: one domain complex.
	OneComplex Band = "one-complex"
	// SeveralComplex: complex in several domains, which is what the NASSS
	// studies found in projects that failed to become routine. "Several"
	// is two or more: this tool's rule of thumb, not a threshold the
	// research set.
	SeveralComplex Band = "several-complex"
)

// Reading is the plain-language meaning of the profile, with why.
type Reading struct {
	Band Band `json:"band"`
	// Headline names both counts, complex and not known enough; while the
	// assessment is unfinished, it says so instead.
	Headline string `json:"headline"`
	// Partial is set while questions are unanswered: then Counts gives
	// the counts so far.
	Partial bool   `json:"partial,omitempty"`
	Counts  string `json:"counts"`
	Meaning string `json:"meaning"`
	Why     string `json:"why"`
	// Lens says how to read the profile in the assessor's role, where it
	// differs from a deploying team's: for a builder, as the adoption
	// risks of one setting the product is sold into.
	Lens string `json:"lens,omitempty"`
}

// SeveralDomains is this tool's rule of thumb for "complex in several
// domains": the papers say "multiple" and give no number.
const SeveralDomains = 2

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

// Item is one item's result, or a zero result for an item not asked.
func (p *Profile) Item(id string) ItemResult {
	for _, d := range p.Domains {
		for _, it := range d.Items {
			if it.ID == id {
				return it
			}
		}
	}
	return ItemResult{ID: id}
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
			if l.Score() > dr.Suggested.Score() {
				dr.Suggested = l
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
		judge(&dr, a.DomainLevels[d.ID])
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
	if a.RoleOf() == q.Builder {
		p.Reading.Lens = BuilderLens(a.Project.Setting)
	}
	return p
}

// BuilderLens is how a builder reads a profile: as the adoption risks
// their product meets in one setting they sell into.
func BuilderLens(setting string) string {
	where := "this setting"
	if s := strings.TrimSpace(setting); s != "" {
		where = "this setting (" + s + ")"
	}
	return "These are the adoption risks your product meets in " + where + ". A complex or unknown domain is where " +
		"buyers and staff there are likely to struggle: decide what to change in the product, what to offer them, " +
		"or whether to sell there yet. Compare settings side by side to see which will find it hardest."
}

// judge sets the level the reading uses, and what to ask the team: the
// team's level where it set one; else the suggested level, marking one
// that a single complex item decides, and one mostly complicated.
func judge(dr *DomainResult, set q.DomainLevel) {
	dr.Level = dr.Suggested
	if set.Level.OnScale() {
		dr.Level, dr.SetByTeam, dr.Reason = set.Level, true, set.Reason
		return
	}
	c := dr.Counts
	switch {
	case dr.Suggested == q.Complex && c.Complex == 1 && dr.Applicable > 1:
		dr.Narrow = true
		for _, it := range dr.Items {
			if it.Rating.Level == q.Complex {
				dr.Prompt = "Only " + it.ID + " is complex here. Is it one issue, or does it spread to the rest of this domain?"
			}
		}
	case dr.Suggested == q.Complicated && dr.Applicable > 1 && 2*c.Complicated >= dr.Applicable:
		dr.Prompt = "Most of this domain is complicated. Do these parts affect each other? Parts that depend on each other can behave as complex."
	}
}

func notesOn(a *q.Assessment, itemID string) []Note {
	var out []Note
	if n := a.Team[itemID].Note; n != "" {
		out = append(out, Note{Who: "Team", Text: n})
	}
	return append(out, PeoplesNotes(a, itemID)...)
}

// PeoplesNotes are the notes people left on an item as they rated, with
// who left each.
func PeoplesNotes(a *q.Assessment, itemID string) []Note {
	var out []Note
	for i, r := range a.Respondents {
		if n := r.Answers[itemID].Note; n != "" {
			out = append(out, Note{Who: r.Label(i), Text: n})
		}
	}
	return out
}

// read turns the domains' levels into the overall reading: how many are
// complex (and how broadly), how many are not known enough, and whether
// the assessment is finished.
func read(p *Profile) Reading {
	var broad, narrow, unknown, complicated []DomainResult
	rated, open := 0, 0
	for _, d := range p.Domains {
		switch {
		case d.Level == q.Complex && d.Narrow:
			narrow = append(narrow, d)
		case d.Level == q.Complex:
			broad = append(broad, d)
		case d.Level == q.Complicated:
			complicated = append(complicated, d)
		}
		if d.Uncertain {
			unknown = append(unknown, d)
		}
		if d.Level.OnScale() {
			rated++
		}
		if d.Answered < d.Applicable {
			open++
		}
	}
	n, complex, u := len(p.Domains), len(broad)+len(narrow), len(unknown)
	var r Reading
	unknownPart := ""
	if u > 0 {
		unknownPart = fmt.Sprintf("; %d %s not known enough", u, Plural(u, "is", "are"))
	}
	switch {
	case rated == 0 && u == 0:
		r.Band, r.Counts = NoReading, "Nothing rated yet"
		r.Meaning = "No question is answered yet. Answer the questions to see where your project is complex."
	case len(broad) >= SeveralDomains:
		r.Band = SeveralComplex
		r.Counts = fmt.Sprintf("%d of %d domains are complex%s", complex, n, unknownPart)
		r.Meaning = "Complexity in several domains at once is the pattern the NASSS studies found in technology projects that " +
			"struggled, were abandoned or never spread. Look for ways to make the project simpler, and plan how people will cope " +
			"with the complexity that stays. (This tool calls two or more complex domains \"several\": a rule of thumb, not a threshold from the research.)"
	case len(broad) == 1:
		r.Band = OneComplex
		r.Counts = fmt.Sprintf("%d of %d domains %s complex%s", complex, n, Plural(complex, "is", "are"), unknownPart)
		r.Meaning = "Work out whether you can reduce the complexity, or how people will cope with it, and check that nothing " +
			"elsewhere makes it worse."
	case len(narrow) > 0:
		r.Band = ComplexItems
		r.Counts = fmt.Sprintf("%d of %d domains %s one complex question%s", len(narrow), n, Plural(len(narrow), "has", "have"), unknownPart)
		r.Meaning = "In each, a single question makes the domain complex. Decide for each whether it is one issue you can deal " +
			"with, or whether it spreads to the rest of the domain, and set the domain's level. Until then they count as complex."
	case u > 0:
		r.Band = NotKnown
		r.Counts = fmt.Sprintf("No domain is complex, but %d of %d %s not known enough", u, n, Plural(u, "is", "are"))
		r.Meaning = "Not knowing is itself a sign of complexity. Until you find out, this reading cannot say how complex the " +
			"project is: the unknowns are the first things to act on."
	case open > 0:
		// Nothing rated is complex or unknown, but what is not answered
		// may be: never reassure before the end.
		r.Band = Manageable
		r.Counts = fmt.Sprintf("No domain is complex so far, but %d of %d %s not fully answered", open, n, Plural(open, "is", "are"))
		r.Meaning = "Nothing answered so far is complex or unknown, but the questions still open may be. " +
			"Answer them before you rely on this reading."
	default:
		r.Band = Manageable
		r.Counts = fmt.Sprintf("No domain is complex, and none of the %d is left unknown", n)
		r.Meaning = "Good project management should carry projects like this. Keep looking as the project changes: " +
			"complexity can grow."
		if len(complicated) >= 3 {
			r.Meaning = fmt.Sprintf("%d of %d domains are complicated. Many complicated parts that depend on each other can behave "+
				"as complex: look at how they affect each other before you rely on good project management alone.", len(complicated), n)
		}
	}
	if u > 0 && r.Band != NotKnown && r.Band != NoReading {
		r.Meaning += " Find out what you don't know: it may hide more complexity."
	}
	r.Headline = r.Counts
	if left := p.Applicable - p.Answered; left > 0 {
		r.Partial = true
		r.Headline = fmt.Sprintf("Not finished: %d of %d answered", p.Answered, p.Applicable)
		if r.Band != NoReading {
			r.Meaning = "This reading is partial: it uses only the questions answered so far. " + r.Meaning
		}
	}
	r.Why = why(p, broad, narrow, unknown)
	return r
}

// why gives the domains behind the reading, by name and question.
func why(p *Profile, broad, narrow, unknown []DomainResult) string {
	complexIDs := func(d DomainResult, l q.Level) string {
		var ids []string
		for _, it := range d.Items {
			if it.Rating.Level == l {
				ids = append(ids, it.ID)
			}
		}
		return strings.Join(ids, ", ")
	}
	var parts []string
	if len(broad)+len(narrow) > 0 {
		var ds []string
		for _, d := range append(append([]DomainResult(nil), broad...), narrow...) {
			switch {
			case d.SetByTeam:
				ds = append(ds, fmt.Sprintf("%s. %s (set by the team)", d.ID, d.Title))
			default:
				ds = append(ds, fmt.Sprintf("%s. %s (%s)", d.ID, d.Title, complexIDs(d, q.Complex)))
			}
		}
		parts = append(parts, "Complex: "+strings.Join(ds, "; ")+".")
	} else {
		parts = append(parts, "No domain is complex.")
	}
	if len(unknown) > 0 {
		var ds []string
		for _, d := range unknown {
			ds = append(ds, fmt.Sprintf("%s. %s (%s)", d.ID, d.Title, complexIDs(d, q.Unknown)))
		}
		parts = append(parts, "Not known enough, with \"don't know\" answers: "+strings.Join(ds, "; ")+".")
	}
	if left := p.Applicable - p.Answered; left > 0 {
		parts = append(parts, fmt.Sprintf("%s not answered yet.", plural(left, "question is", "questions are")))
	}
	if len(p.Provisional) > 0 {
		parts = append(parts, fmt.Sprintf("%s the middle of people's ratings until the team agrees one.", plural(len(p.Provisional), "question uses", "questions use")))
	}
	return strings.Join(parts, " ")
}

// Plural picks the word for a count: Plural(n, "is", "are").
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// plural writes "1 domain is" or "3 domains are".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
