package scoring

import q "github.com/nasss-toolkit/nasss/questionnaire"

// Label says how a rating moved, in plain words.
func (c Change) Label() string {
	switch c {
	case MoreComplex:
		return "more complex"
	case LessComplex:
		return "less complex"
	case Same:
		return "same"
	case NewlyUnknown:
		return "newly unknown"
	case NoLongerUnknown:
		return "now known"
	}
	return "rated only once"
}

// DomainLevelLabel names a domain's level for people: a domain answered
// only "don't know" says so, and one with nothing rated says it is not
// rated yet, rather than looking unanswered or simple.
func DomainLevelLabel(l q.Level, uncertain bool) string {
	switch {
	case l.OnScale():
		return l.Label()
	case uncertain:
		return q.Unknown.Label()
	}
	return "Not rated yet"
}
