package scoring

import (
	"cmp"
	"slices"
	"time"

	q "github.com/nasss-toolkit/nasss/questionnaire"
)

// Timeline is each domain's level at each assessment of a project, oldest
// first: how its complexity changed over a year of reviews.
type Timeline struct {
	Domains []TimelineDomain `json:"domains"`
	// Points are the assessments, oldest first.
	Points []TimelinePoint `json:"points"`
}

// TimelineDomain is one row of a timeline.
type TimelineDomain struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

// TimelinePoint is one assessment in a timeline, as it stood on Date.
type TimelinePoint struct {
	Date q.Date `json:"date"`
	// Levels are the domains' levels, in the bank's order: a domain
	// answered only "don't know" is Unknown, one not rated is Unanswered.
	Levels []q.Level `json:"levels"`
}

// TimelineOf is an assessment's own timeline: its earlier reviews, from
// its history, each as it stood when the next began, then itself as it
// stands.
func TimelineOf(b *q.Bank, a *q.Assessment) Timeline {
	t := newTimeline(b)
	for _, s := range a.History {
		t.add(b, s.Date, AsAssessment(a, s))
	}
	t.add(b, dayOf(a.Updated), a)
	return t
}

func dayOf(t time.Time) q.Date { return q.Date(t.UTC().Format(time.DateOnly)) }

// TimelineFrom puts several assessments of a project, such as files of
// its reviews, in the order they were made, each as it stands.
func TimelineFrom(b *q.Bank, as []*q.Assessment) Timeline {
	sorted := slices.SortedStableFunc(slices.Values(as), func(x, y *q.Assessment) int { return cmp.Compare(x.Created.Unix(), y.Created.Unix()) })
	t := newTimeline(b)
	for _, a := range sorted {
		t.add(b, dayOf(a.Updated), a)
	}
	return t
}

func newTimeline(b *q.Bank) Timeline {
	var t Timeline
	for _, d := range b.Domains {
		t.Domains = append(t.Domains, TimelineDomain{ID: d.ID, Title: d.Title})
	}
	return t
}

func (t *Timeline) add(b *q.Bank, day q.Date, a *q.Assessment) {
	p := TimelinePoint{Date: day}
	for _, d := range Score(b, a).Domains {
		p.Levels = append(p.Levels, asLevel(d))
	}
	t.Points = append(t.Points, p)
}
