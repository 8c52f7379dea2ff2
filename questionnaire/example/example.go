// Package example makes realistic, made-up assessments: a remote-monitoring
// service for people with heart failure, rated by a chosen number of people.
// The same options always give the same assessment, so examples serve as
// demos, test fixtures and benchmark inputs.
package example

import (
	"fmt"
	"math/rand/v2"
	"time"

	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/scoring"
)

// Options choose the example.
type Options struct {
	Mode        q.Mode
	Respondents int
	Seed        uint64
}

// baseline is how the example project looks to a thoughtful team; each
// respondent departs from it at random.
var baseline = map[string]q.Level{
	"Q1": q.Complicated, "Q2": q.Complicated, "Q3": q.Complicated, "Q4": q.Complicated,
	"Q5": q.Complex, "Q6": q.Simple, "Q7": q.Unknown,
	"1A": q.Complicated, "1B": q.Complex,
	"2A": q.Complicated, "2B": q.Complicated, "2C": q.Simple, "2D": q.Complicated, "2E": q.Complicated,
	"3A": q.Complicated, "3B": q.Complicated,
	"4A": q.Complicated, "4B": q.Complicated, "4C": q.Simple,
	"5A": q.Complicated, "5B": q.Simple, "5C": q.Complex, "5D": q.Complicated, "5E": q.Complex,
	"6A": q.Simple, "6B": q.Complicated, "6C": q.Simple, "6D": q.Simple, "6E": q.Complicated,
	"7A": q.Complicated, "7B": q.Unknown,
}

var people = []struct{ name, role string }{
	{"Priya", "Heart failure specialist nurse"},
	{"", "Consultant cardiologist"},
	{"Tom", "GP partner"},
	{"Aisha", "Digital programme manager"},
	{"", "Patient representative"},
	{"Gareth", "IT service lead"},
	{"Chen", "Finance manager"},
	{"", "Community matron"},
	{"Olu", "Care home manager"},
	{"Marta", "Pharmacist"},
}

var notes = map[string][]string{
	"1B": {"Many of our patients are over 80, live alone and have kidney disease too.",
		"About one in five patients do not speak English as a first language."},
	"2A": {"The tablets need a mobile signal; some villages have none.",
		"The dashboard does not yet send readings to the GP record."},
	"2D": {"Only one supplier bid. We would struggle if they left the market."},
	"3B": {"The pilot in another area cut admissions, but it was small."},
	"4B": {"Patients must weigh themselves every morning and answer five questions."},
	"5C": {"The hospital pays for the nurses, but the savings would land with the community trust.",
		"Two boards must agree the funding, on different timetables."},
	"5E": {"Nobody has been given time to run the roll-out yet."},
	"7B": {"We do not know what happens if the supplier's service goes down over a weekend."},
	"Q5": {"Funding crosses two organisations and nobody owns the roll-out yet."},
	"Q7": {"We have not tested what happens when things go wrong."},
}

// Generate makes the example. Respondents below 1 count as 1.
func Generate(o Options) *q.Assessment {
	if !o.Mode.Valid() {
		o.Mode = q.Full
	}
	o.Respondents = max(o.Respondents, 1)
	rng := rand.New(rand.NewPCG(o.Seed, 0x6e61737373))
	b := q.Default()
	created := time.Date(2026, 1, 5, 9, 30, 0, 0, time.UTC).AddDate(0, 0, int(o.Seed%200))
	a := q.New(b, fmt.Sprintf("example-%d", o.Seed), o.Mode, created)
	a.Updated = created.Add(72 * time.Hour)
	a.Project = q.Project{
		Name:         "Remote monitoring for heart failure",
		Organisation: "Northfield Community Health (a made-up example)",
		Technology:   "Tablet app for daily weight, blood pressure and symptoms, with a nurse dashboard",
		Notes:        "Pilot with 120 patients across two primary care networks before deciding whether to roll out.",
	}
	a.Respondents = nil
	order := rng.Perm(len(people))
	for i := range o.Respondents {
		p := people[order[i%len(people)]]
		r := q.Respondent{ID: fmt.Sprintf("r%d", i+1), Name: p.name, Role: p.role, Answers: map[string]q.Answer{}}
		if i >= len(people) {
			r.Name = ""
		}
		for _, it := range b.Items(o.Mode) {
			ans := q.Answer{Level: vary(rng, baseline[it.ID])}
			if n := notes[it.ID]; len(n) > 0 && rng.IntN(3) == 0 {
				ans.Note = n[rng.IntN(len(n))]
			}
			r.Answers[it.ID] = ans
		}
		a.Respondents = append(a.Respondents, r)
	}
	if o.Respondents > 1 {
		agree(b, a, rng)
	}
	if o.Mode == q.Full {
		a.Reflections = map[string]string{
			"1": "We designed the service around a typical patient, not the frail ones who are admitted most.",
			"5": "The two trusts need one shared plan and one budget owner before the pilot grows.",
			"7": "We should review the service every three months and agree in advance what would make us pause it.",
		}
	}
	addActions(b, a, created)
	return a
}

// vary departs from the baseline now and then, and sometimes does not know.
func vary(rng *rand.Rand, l q.Level) q.Level {
	switch n := rng.IntN(20); {
	case n == 0:
		return q.Unknown
	case n < 5 && l.OnScale():
		s := l.Score() + 1 - 2*rng.IntN(2)
		return q.LevelForScore(min(max(s, 1), 3))
	}
	return l
}

// agree records the team's rating where people mostly agreed, and leaves
// one disputed item open, as a real workshop would.
func agree(b *q.Bank, a *q.Assessment, rng *rand.Rand) {
	a.Team = map[string]q.Answer{}
	var open []string
	for _, it := range b.Items(a.Mode) {
		s := scoring.SpreadOf(a, it.ID)
		if s.NeedsDiscussion {
			open = append(open, it.ID)
			continue
		}
		a.Team[it.ID] = q.Answer{Level: s.Median}
	}
	for i, id := range open {
		if i == 0 && rng.IntN(4) > 0 {
			continue // still to discuss
		}
		a.Team[id] = q.Answer{Level: baseline[id], Note: "Agreed after discussion."}
	}
}

// addActions takes up, edits and drops a few suggestions and adds one of
// the team's own, so examples exercise every kind of plan line.
func addActions(b *q.Bank, a *q.Assessment, created time.Time) {
	var plan []scoring.PlannedAction
	for _, pa := range scoring.Plan(b, a) {
		if pa.Check == "" {
			plan = append(plan, pa)
		}
	}
	due := func(days int) q.Date { return q.Date(created.AddDate(0, 0, days).Format(time.DateOnly)) }
	n := 0
	add := func(pa scoring.PlannedAction, text, owner string, days int, st q.Status, dropped bool) {
		n++
		a.Actions = append(a.Actions, q.Action{
			ID: fmt.Sprintf("a%d", n), ItemID: pa.ItemID, Suggestion: pa.Key, Text: text,
			Owner: owner, Due: due(days), Status: st, Dropped: dropped,
		})
	}
	if len(plan) > 0 {
		add(plan[0], plan[0].Text, "Programme board", 30, q.InProgress, false)
	}
	if len(plan) > 1 {
		add(plan[1], plan[1].Text+" Start with the two pilot practices.", "Aisha, programme manager", 60, q.NotStarted, false)
	}
	if len(plan) > 2 {
		add(plan[2], plan[2].Text, "", 0, q.NotStarted, true)
		a.Actions[len(a.Actions)-1].Due = ""
	}
	own := scoring.PlannedAction{ItemID: "2D"}
	if a.Mode == q.Quick {
		own.ItemID = "Q2"
	}
	add(own, "Ask the supplier for an exit plan and a full data export in a standard format.", "Gareth, IT service lead", 45, q.NotStarted, false)
	// Two of the baseline checks: one done, one with someone to do.
	for i, c := range b.Baseline {
		if i == 2 {
			break
		}
		n++
		act := q.Action{ID: fmt.Sprintf("a%d", n), Check: c.ID, Text: c.Title, Status: q.Done}
		if i == 1 {
			act.Owner, act.Due, act.Status = "Information governance lead", due(20), q.InProgress
		}
		a.Actions = append(a.Actions, act)
	}
}
