// Package scoring turns an assessment into what a team reads: the level of
// each domain and why, the overall reading, the spread of several people's
// ratings, what changed between two reviews, and a prioritised action plan.
// Every function is pure: no I/O, no UI, no clock.
package scoring

import (
	"fmt"
	"slices"

	q "github.com/nasss-toolkit/nasss/questionnaire"
)

// Counts tallies answers by level.
type Counts struct {
	Simple        int `json:"simple"`
	Complicated   int `json:"complicated"`
	Complex       int `json:"complex"`
	Unknown       int `json:"unknown"`
	NotApplicable int `json:"notApplicable"`
	Unanswered    int `json:"unanswered"`
}

// Add counts one answer.
func (c *Counts) Add(l q.Level) {
	switch l {
	case q.Simple:
		c.Simple++
	case q.Complicated:
		c.Complicated++
	case q.Complex:
		c.Complex++
	case q.Unknown:
		c.Unknown++
	case q.NotApplicable:
		c.NotApplicable++
	default:
		c.Unanswered++
	}
}

// Of returns the count for one level.
func (c Counts) Of(l q.Level) int {
	switch l {
	case q.Simple:
		return c.Simple
	case q.Complicated:
		return c.Complicated
	case q.Complex:
		return c.Complex
	case q.Unknown:
		return c.Unknown
	case q.NotApplicable:
		return c.NotApplicable
	}
	return c.Unanswered
}

// Answered is how many answers there are, whatever they are.
func (c Counts) Answered() int {
	return c.Simple + c.Complicated + c.Complex + c.Unknown + c.NotApplicable
}

// Source says where the rating a profile uses came from.
type Source string

// Where ratings come from, in the order they win.
const (
	// FromTeam is the rating the group agreed.
	FromTeam Source = "team"
	// FromRespondent is the only respondent's own rating.
	FromRespondent Source = "respondent"
	// FromMedian is the median of several people's ratings, used until the
	// group agrees one; it is provisional.
	FromMedian Source = "median"
	// FromNobody means the item is unanswered.
	FromNobody Source = ""
)

// Spread is how several respondents rated one item.
type Spread struct {
	ItemID string `json:"item"`
	Counts Counts `json:"counts"`
	// Raters is how many respondents answered the item.
	Raters int `json:"raters"`
	// Median is the middle on-scale rating (the higher one when the count is
	// even, to err towards caution); unknown or not-applicable only when
	// nobody rated on the scale.
	Median q.Level `json:"median"`
	// NeedsDiscussion is set when ratings are two levels apart, anyone said
	// "don't know", or no answer has a majority.
	NeedsDiscussion bool     `json:"needsDiscussion"`
	Reasons         []string `json:"reasons,omitempty"`
	// Agreed is the team's rating, if recorded.
	Agreed q.Level `json:"agreed,omitempty"`
}

// SpreadOf aggregates the respondents' ratings of one item.
func SpreadOf(a *q.Assessment, itemID string) Spread {
	s := Spread{ItemID: itemID, Agreed: a.Team[itemID].Level}
	var scale []int
	for _, r := range a.Respondents {
		l := r.Answers[itemID].Level
		s.Counts.Add(l)
		if l.Answered() {
			s.Raters++
		}
		if l.OnScale() {
			scale = append(scale, l.Score())
		}
	}
	// A show of hands counts like as many people rating.
	if t, ok := a.Tallies[itemID]; ok {
		for _, l := range q.AllLevels {
			n := t.Of(l)
			for range n {
				s.Counts.Add(l)
				if l.OnScale() {
					scale = append(scale, l.Score())
				}
			}
			s.Raters += n
		}
	}
	s.Counts.Unanswered = 0 // respondents who skipped are not a rating
	s.Median = median(scale, s.Counts)
	if s.Raters < 2 {
		return s
	}
	if s.Counts.Simple > 0 && s.Counts.Complex > 0 {
		s.Reasons = append(s.Reasons, "ratings are two levels apart")
	}
	if s.Counts.Unknown > 0 {
		s.Reasons = append(s.Reasons, "someone does not know")
	}
	majority := false
	for _, l := range q.AllLevels {
		if 2*s.Counts.Of(l) > s.Raters {
			majority = true
		}
	}
	if !majority {
		s.Reasons = append(s.Reasons, "no answer has a majority")
	}
	s.NeedsDiscussion = len(s.Reasons) > 0
	return s
}

func median(scale []int, c Counts) q.Level {
	if len(scale) == 0 {
		switch {
		case c.Unknown > 0:
			return q.Unknown
		case c.NotApplicable > 0:
			return q.NotApplicable
		}
		return q.Unanswered
	}
	// Scores are 1..3, so counting beats sorting.
	var n [4]int
	for _, s := range scale {
		n[s]++
	}
	mid, seen := len(scale)/2, 0
	for score := 1; score <= 3; score++ {
		if seen += n[score]; seen > mid {
			return q.LevelForScore(score)
		}
	}
	return q.Unanswered
}

// Aggregate returns the spread of every item the assessment's mode asks, in
// bank order.
func Aggregate(b *q.Bank, a *q.Assessment) []Spread {
	items := b.Items(a.Mode)
	out := make([]Spread, len(items))
	for i, it := range items {
		out[i] = SpreadOf(a, it.ID)
	}
	return out
}

// Rating is the level the profile and plan use for one item.
type Rating struct {
	Level  q.Level `json:"level"`
	Source Source  `json:"source"`
}

// Effective is the rating used for an item: the team's agreed rating if
// there is one; otherwise the only respondent's; otherwise the median of
// several respondents and any show of hands, marked provisional.
func Effective(a *q.Assessment, itemID string) Rating {
	if l := a.Team[itemID].Level; l.Answered() {
		return Rating{l, FromTeam}
	}
	hands := a.Tallies[itemID].Total()
	switch {
	case len(a.Respondents) == 0 && hands == 0:
		return Rating{}
	case len(a.Respondents) == 1 && hands == 0:
		if l := a.Respondents[0].Answers[itemID].Level; l.Answered() {
			return Rating{l, FromRespondent}
		}
		return Rating{}
	}
	if m := SpreadOf(a, itemID).Median; m.Answered() {
		return Rating{m, FromMedian}
	}
	return Rating{}
}

// NeedingDiscussion returns the spreads flagged for discussion, in order.
func NeedingDiscussion(spreads []Spread) []Spread {
	var out []Spread
	for _, s := range spreads {
		if s.NeedsDiscussion {
			out = append(out, s)
		}
	}
	return out
}

// SortByDisagreement orders spreads for a discussion: items that need it
// first, the widest spread of ratings first among them, then the rest, in
// bank order within each.
func SortByDisagreement(s []Spread) {
	width := func(x Spread) int {
		lo, hi := 4, 0
		for _, l := range []q.Level{q.Simple, q.Complicated, q.Complex} {
			if x.Counts.Of(l) > 0 {
				lo, hi = min(lo, l.Score()), max(hi, l.Score())
			}
		}
		return max(hi-lo, 0) + x.Counts.Unknown
	}
	slices.SortStableFunc(s, func(a, b Spread) int {
		if a.NeedsDiscussion != b.NeedsDiscussion {
			if a.NeedsDiscussion {
				return -1
			}
			return 1
		}
		return width(b) - width(a)
	})
}

// NotYetRated gives the labels of the people on the list who have not
// given a single rating. A comparison or a reading without them is not the
// whole group's, so every page that counts people says so.
func NotYetRated(a *q.Assessment) []string {
	var out []string
	for i, r := range a.Respondents {
		if len(r.Answers) == 0 {
			out = append(out, r.Label(i))
		}
	}
	return out
}

// PeopleRated says how many people rated: "3 people", or "2 of 3 people
// rated" while some on the list have not.
func PeopleRated(a *q.Assessment) string {
	n := len(a.Respondents)
	if waiting := len(NotYetRated(a)); waiting > 0 {
		return fmt.Sprintf("%d of %d people rated", n-waiting, n)
	}
	if n == 1 {
		return "1 person"
	}
	return fmt.Sprintf("%d people", n)
}

// Agreed counts the questions of the assessment's mode whose rating the
// team has agreed, of all it asks.
func Agreed(b *q.Bank, a *q.Assessment) (agreed, total int) {
	items := b.Items(a.Mode)
	for _, it := range items {
		if a.Team[it.ID].Level.Answered() {
			agreed++
		}
	}
	return agreed, len(items)
}
