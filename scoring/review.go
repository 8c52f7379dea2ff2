package scoring

import (
	"maps"
	"slices"
	"time"

	q "github.com/nasss-toolkit/nasss/questionnaire"
)

// TakeSnapshot records the ratings an assessment uses today (agreed where
// agreed, else as Effective gives them), to compare with later.
func TakeSnapshot(b *q.Bank, a *q.Assessment, day time.Time, label string) q.Snapshot {
	s := q.Snapshot{Date: q.Date(day.Format(time.DateOnly)), Label: label, Mode: a.Mode, Answers: map[string]q.Answer{},
		DomainLevels: maps.Clone(a.DomainLevels), Links: slices.Clone(a.Links)}
	for _, it := range b.Items(a.Mode) {
		r := Effective(a, it.ID)
		if r.Level.Answered() {
			s.Answers[it.ID] = q.Answer{Level: r.Level, Note: a.Team[it.ID].Note}
		}
	}
	return s
}

// StartReview begins a new review of the same project: a new assessment
// with the project, the ratings used so far as the starting answers,
// the actions still open, and the history with today's ratings added as
// the newest entry. The earlier assessment is left as it was.
func StartReview(b *q.Bank, a *q.Assessment, id string, now time.Time) *q.Assessment {
	now = now.UTC().Truncate(time.Second)
	// The snapshot is named as the assessment it keeps is named elsewhere.
	label := a.ReviewLabel()
	if label == "" {
		label = "First assessment, " + a.Created.UTC().Format("2 January 2006")
	}
	snap := TakeSnapshot(b, a, now, label)
	r := q.New(b, id, a.Mode, now)
	r.Project, r.Role = a.Project, a.Role
	r.Series = a.SeriesID()
	// The team's judgements so far start the review too, to keep or change.
	r.DomainLevels, r.Links = maps.Clone(a.DomainLevels), slices.Clone(a.Links)
	// The ratings so far fill the first respondent's answers, so the
	// questions show them and the team changes only what has moved.
	r.Respondents[0].ID = "review-" + id
	for item, ans := range snap.Answers {
		r.Respondents[0].Answers[item] = q.Answer{Level: ans.Level}
	}
	for _, act := range a.Actions {
		if act.Status != q.Done && act.Status != q.DoesNotFit && !act.Dropped || act.Check != "" {
			r.AddAction(act) // baseline checks carry on, done or not: they stay checked
		}
	}
	r.History = append(append([]q.Snapshot(nil), a.History...), snap)
	return r
}

// AsAssessment turns a snapshot back into an assessment of its own, with
// its ratings as the team's, so it can be scored and compared.
func AsAssessment(a *q.Assessment, s q.Snapshot) *q.Assessment {
	c := *a
	c.Mode, c.Team, c.Respondents = s.Mode, s.Answers, nil
	c.DomainLevels, c.Links = s.DomainLevels, s.Links
	return &c
}
