package app

import (
	"fmt"
	"strconv"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/scoring"
)

// comparePage shows what moved since an earlier review: per domain, then
// the items that moved.
type comparePage struct {
	page
	s int // index into the assessment's history
}

func (p *comparePage) OnNav(ctx app.Context) {
	p.load(ctx)
	p.s, _ = strconv.Atoi(ctx.Page().URL().Query().Get("s"))
	p.arrive(ctx, "What changed")
}

func (p *comparePage) Render() app.UI {
	if p.a == nil || p.s < 0 || p.s >= len(p.a.History) {
		return p.notFound()
	}
	b := q.LookupBank(p.a.Bank)
	snap := p.a.History[p.s]
	c, err := scoring.Compare(b, scoring.AsAssessment(p.a, snap), p.a)
	if err != nil {
		return p.notFound()
	}
	var moved []scoring.ItemChange
	for _, d := range c.Domains {
		for _, it := range d.Items {
			if it.Change != scoring.Same {
				moved = append(moved, it)
			}
		}
	}
	return p.shell(
		app.A().Class("back-link").Href(link(PathResults, p.a.ID)).Text("Back to the results"),
		app.Span().Class("caption").Body(userText(caption(p.a))),
		heading("What changed since "+snapshotName(snap)),
		app.P().Class("lead").ID("compare-summary").Textf("Complex domains: %d then, %d now.", c.ComplexBefore, c.ComplexAfter),
		app.Div().Class("table-wrap").TabIndex(0).Role("region").Aria("labelledby", "compare-caption").Body(
			app.Table().Class("table").Body(
				app.Caption().ID("compare-caption").Class("table-caption").Text("Each domain, then and now"),
				app.THead().Body(app.Tr().Body(
					app.Th().Scope("col").Text("Domain"), app.Th().Scope("col").Text("Change"),
					app.Th().Scope("col").Text("Then"), app.Th().Scope("col").Text("Now"),
				)),
				app.TBody().Body(app.Range(c.Domains).Slice(func(i int) app.UI {
					d := c.Domains[i]
					return app.Tr().DataSet("domain", d.ID).DataSet("change", string(d.Change)).Body(
						app.Th().Scope("row").Textf("%s. %s", d.ID, d.Title),
						app.Td().Body(app.Span().Class("tag tag-change-"+string(d.Change)).Text(d.Change.Label())),
						app.Td().Text(scoring.DomainLevelLabel(d.Before, d.BeforeUncertain)), app.Td().Text(scoring.DomainLevelLabel(d.After, d.AfterUncertain)),
					)
				})),
			),
		),
		app.H2().Textf("Questions that moved (%d)", len(moved)),
		app.If(len(moved) == 0, func() app.UI { return app.P().Text("No question moved.") }),
		app.Ul().Class("list").ID("moved").Body(
			app.Range(moved).Slice(func(i int) app.UI {
				it := moved[i]
				return app.Li().DataSet("item", it.ID).DataSet("change", string(it.Change)).Body(
					app.Strong().Text(it.ID+" "+it.Title+": "),
					app.Textf("%s then, %s now (%s).", it.Before.Label(), it.After.Label(), it.Change.Label()),
				)
			}),
		),
	)
}

// reviews lists earlier reviews to compare with, and starts a new one;
// an assessment with a later review points to that instead.
func (p *resultsPage) reviews() app.UI {
	later := p.later
	return app.Section().Class("panel").ID("reviews").Body(
		app.H2().Text("Reviews over time"),
		app.If(len(p.a.History) > 0, func() app.UI {
			return app.Ul().Class("list").Body(
				app.Range(p.a.History).Slice(func(i int) app.UI {
					j := len(p.a.History) - 1 - i // newest first
					s := p.a.History[j]
					return app.Li().Body(app.A().ID("compare-"+strconv.Itoa(j)).Href(link(PathCompare, p.a.ID, "s", strconv.Itoa(j))).
						Body(app.Text("What changed since "), userText(snapshotName(s))))
				}),
			)
		}),
		app.If(later.ID != "", func() app.UI {
			// Dates and new reviews belong to the latest.
			return app.P().Class("inset").ID("later-review").Body(
				app.Text("This project has a later review: "),
				app.A().Href(link(PathResults, later.ID)+"#reviews").Body(userText(later.Summary.Review)),
				app.Text(". Its results say when the next review is due."),
			)
		}).Else(func() app.UI {
			return app.Div().Body(
				app.P().Text("Complexity changes as a project goes on. In a few months, start a review: it keeps today's ratings to compare with, "+
					"carries over the project and the actions still open, and asks the questions again with today's answers filled in."),
				p.nextReviewField(),
				app.If(!p.confirmReview, func() app.UI {
					return app.Button().Class("button button-secondary").ID("start-review").Text("Start a review").
						OnClick(func(ctx app.Context, e app.Event) {
							p.confirmReview = true
							focusElement("review-confirm-title")
						})
				}).Else(func() app.UI { return p.reviewConfirm() }),
			)
		}),
		app.If(p.reviewErr != "", func() app.UI {
			return app.P().Class("error-message").ID("review-error").TabIndex(-1).Role("alert").Text(p.reviewErr)
		}),
	)
}

// laterReview finds the latest review of the same project stored on this
// device that came after a, if any.
func laterReview(a *q.Assessment) Entry {
	var latest Entry
	entries, _ := repo.List()
	for _, e := range entries {
		if !e.Damaged() && e.ID != a.ID && e.Summary.Series != "" && e.Summary.Series == a.SeriesID() && e.Summary.Reviews > len(a.History) &&
			(latest.ID == "" || e.Summary.Reviews > latest.Summary.Reviews) {
			latest = e
		}
	}
	return latest
}

// nextReviewField sets when the next review is due: three months after
// this assessment began unless the team chooses; the home page shows it.
func (p *resultsPage) nextReviewField() app.UI {
	due := p.a.NextReviewDue()
	hint := fmt.Sprintf("Three months after this assessment began, unless you choose a date: %s.", due.Format("2 January 2006"))
	if p.a.NextReview != "" {
		hint = "The date your team chose. Clear it for the usual three months."
	}
	return app.Div().Class(groupClass(p.fieldError("next-review"))).Body(
		app.Label().Class("label").For("next-review").Text("Next review due"),
		app.Div().Class("hint").ID("next-review-hint").Text(hint),
		fieldErrorText("next-review", p.fieldError("next-review")),
		app.Input().Type("date").Class("input input-date").ID("next-review").Value(due.Format(time.DateOnly)).
			Aria("describedby", "next-review-hint").
			OnChange(func(ctx app.Context, e app.Event) {
				v := q.Date(ctx.JSSrc().Get("value").String())
				if _, ok := v.Time(); !ok && v != "" {
					p.refuse("next-review", "Not saved: that is not a date.")
					return
				}
				old := p.a.NextReview
				p.try("next-review", func() { p.a.NextReview = v }, func() { p.a.NextReview = old })
			}),
	)
}

// reviewConfirm says what a review carries over, before it starts.
func (p *resultsPage) reviewConfirm() app.UI {
	open := 0
	for _, act := range p.a.Actions {
		if act.Check == "" && act.Status != q.Done && act.Status != q.DoesNotFit && !act.Dropped {
			open++
		}
	}
	pr := scoring.Score(q.LookupBank(p.a.Bank), p.a)
	return app.Div().Class("alert alert-info").ID("review-confirm").Role("group").Aria("labelledby", "review-confirm-title").Body(
		app.H3().Class("alert-title").ID("review-confirm-title").TabIndex(-1).Text("Start a review?"),
		app.P().Text("A review is a new assessment of the same project. It will:"),
		app.Ul().Class("list list-bullet").Body(
			app.Li().Textf("keep today's %d answered %s, to compare with what changes;", pr.Answered, plural(pr.Answered, "question", "questions")),
			app.Li().Textf("carry over the project's details, the team's domain levels and linked questions, the baseline checks, and the %d %s still open;",
				open, plural(open, "action", "actions")),
			app.Li().Text("ask every question again, with today's answers filled in, so you change only what has moved."),
			app.If(len(p.a.Respondents) > 1, func() app.UI {
				return app.Li().Text("start from the ratings as they stand (the team's where agreed, else the middle of people's) as one set of answers: " +
					"to rate again as a group, use the review's Workshop page.")
			}),
		),
		app.P().Text("This assessment stays as it is, and both are listed on your assessments."),
		app.Div().Class("button-group button-group-tight").Body(
			app.Button().Class("button").ID("start-review-yes").Text("Start the review").
				OnClick(func(ctx app.Context, e app.Event) {
					r := scoring.StartReview(q.LookupBank(p.a.Bank), p.a, q.NewID(), time.Now())
					if _, err := repo.Create(r); err != nil {
						repo.Forget(r.ID)
						p.reviewErr = "The review could not be started: " + q.Plain(err)
						focusElement("review-error")
						return
					}
					ctx.Navigate(link(PathDomain, r.ID, "d", "1"))
				}),
			app.Button().Class("link-button").ID("start-review-no").Text("Not now").
				OnClick(func(ctx app.Context, e app.Event) { p.confirmReview = false; focusElement("start-review") }),
		),
	)
}

// snapshotName names an earlier assessment kept in a review: by its
// label ("First assessment, 6 January 2026"), else by its date.
func snapshotName(s q.Snapshot) string {
	if s.Label != "" {
		return s.Label
	}
	return dayText(s.Date)
}

// dayText writes a date as people read it.
func dayText(d q.Date) string {
	if t, ok := d.Time(); ok {
		return t.Format("2 January 2006")
	}
	return string(d)
}
