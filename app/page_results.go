package app

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/scoring"
)

// resultsPage shows the profile: the overall reading and why, the chart
// with a table, a card per domain, the unknowns, and the suggested actions.
type resultsPage struct {
	page
	rid       string // a person who rated for a workshop on this device
	reviewErr string // why a review could not be started
}

func (p *resultsPage) OnNav(ctx app.Context) {
	p.load(ctx)
	p.rid = ctx.Page().URL().Query().Get("r")
	if p.rid == "" && p.a != nil {
		// Someone who joined this workshop here, come back from the home
		// page: their send link is what they came for.
		p.rid = joined()[p.a.ID]
	}
	p.reviewErr = ""
	p.arrive(ctx, "Results")
}

func (p *resultsPage) Render() app.UI {
	if p.a == nil {
		return p.notFound()
	}
	b := q.LookupBank(p.a.Bank)
	pr := scoring.Score(b, p.a)
	plan := scoring.Plan(b, p.a)
	r := pr.Reading
	return p.shell(
		app.A().Class("back-link").Href(link(PathCheck, p.a.ID)).Text("Back to your answers"),
		p.saveStatus(),
		app.Span().Class("caption").Body(userText(projectName(p.a))),
		heading("Results"),
		app.If(p.rid != "", func() app.UI { return p.sendBox(p.rid) }),
		app.Div().Class("panel panel-reading reading-"+string(r.Band)).ID("reading").
			DataSet("complex", len(pr.ComplexDomains)).Body(
			app.H2().Class("reading-headline").Text(r.Headline),
			app.P().Text(r.Meaning),
			app.P().Body(app.Strong().Text("Why: "), app.Text(r.Why)),
		),
		app.Div().Class("inset").Body(
			app.P().Text(pr.Caveat),
		),
		p.reportButtons(),
		app.P().Body(app.A().Class("button button-secondary").ID("open-plan").Href(link(PathPlan, p.a.ID)).Text("Work on the action plan")),
		app.If(pr.Complete(), func() app.UI {
			return app.Div().Class("panel panel-backup").Body(
				app.H2().Text("Keep a copy"),
				app.P().Text("Your assessment is complete. Browsers can clear saved data, so export a file as a backup and keep it somewhere safe."),
				app.Button().Class("button button-secondary").ID("export-backup").Text("Export a file").
					OnClick(func(ctx app.Context, e app.Event) { p.exportFile(p.a) }),
			)
		}),
		app.H2().Text("Your project's profile"),
		app.Figure().Class("chart-figure").Body(
			app.Raw(profileChart(&pr)),
			app.FigCaption().Class("hint").Text("The longer the bar, the more complex the domain. A question mark means some answers were “don't know”."),
		),
		profileTable(&pr),
		app.H2().Text("Each domain"),
		app.Ul().Class("domain-cards").Body(
			app.Range(pr.Domains).Slice(func(i int) app.UI { return p.domainCard(i+1, pr.Domains[i]) }),
		),
		p.disagreements(b, &pr),
		p.unknowns(b, &pr),
		p.actions(plan),
		p.reviews(),
		app.Div().Class("button-group").Body(
			app.Button().Class("button").ID("export").Text("Export assessment file").
				OnClick(func(ctx app.Context, e app.Event) { p.exportFile(p.a) }),
			app.A().Class("link").Href(link(PathCheck, p.a.ID)).Text("Check or change your answers"),
		),
	)
}

// profileTable is the chart's content as a table, for screen readers and
// for anyone who prefers numbers.
func profileTable(pr *scoring.Profile) app.UI {
	cols := []string{"Domain", "Level", "Simple", "Complicated", "Complex", "Don't know", "Not applicable", "Answered"}
	return app.Div().Class("table-wrap").TabIndex(0).Role("region").Aria("labelledby", "profile-caption").Body(
		app.Table().Class("table").ID("profile-table").Body(
			app.Caption().ID("profile-caption").Class("table-caption").Text("The profile as a table"),
			app.THead().Body(app.Tr().Body(
				app.Range(cols).Slice(func(i int) app.UI { return app.Th().Scope("col").Text(cols[i]) }),
			)),
			app.TBody().Body(
				app.Range(pr.Domains).Slice(func(i int) app.UI {
					d := pr.Domains[i]
					c := d.Counts
					level := scoring.DomainLevelLabel(d.Level, d.Uncertain)
					if d.Uncertain && d.Level.OnScale() {
						level += " (with unknowns)"
					}
					return app.Tr().DataSet("domain", d.ID).DataSet("level", string(d.Level)).Body(
						app.Th().Scope("row").Textf("%s. %s", d.ID, d.Title),
						app.Td().Text(level),
						app.Td().Text(c.Simple), app.Td().Text(c.Complicated), app.Td().Text(c.Complex),
						app.Td().Text(c.Unknown), app.Td().Text(c.NotApplicable),
						app.Td().Textf("%d of %d", d.Answered, d.Applicable),
					)
				}),
			),
		),
	)
}

func (p *resultsPage) domainCard(n int, d scoring.DomainResult) app.UI {
	c := d.Counts
	return app.Li().Class("domain-card domain-"+levelClass(d.Level)).DataSet("domain", d.ID).DataSet("level", string(d.Level)).Body(
		app.H3().Class("domain-card-title").Textf("%s. %s", d.ID, d.Title),
		app.P().Body(app.Span().Class("tag tag-"+levelClass(d.Level)).Text(scoring.DomainLevelLabel(d.Level, d.Uncertain))),
		app.P().Class("domain-card-counts").Textf("%d simple · %d complicated · %d complex · %d don't know · %d not applicable",
			c.Simple, c.Complicated, c.Complex, c.Unknown, c.NotApplicable),
		app.If(d.Uncertain, func() app.UI {
			return app.P().Class("domain-card-note").Text("Some answers are “don't know”, so this domain may be more complex than it looks.")
		}),
		app.If(d.Answered < d.Applicable, func() app.UI {
			return app.P().Class("domain-card-note").Textf("%d of %d questions answered.", d.Answered, d.Applicable)
		}),
		app.A().Href(link(PathDomain, p.a.ID, "d", strconv.Itoa(n))).Body(app.Text("Change answers"), hidden(" for "+d.Title)),
	)
}

func (p *resultsPage) unknowns(b *q.Bank, pr *scoring.Profile) app.UI {
	if len(pr.Unknowns) == 0 {
		return nil
	}
	return app.Section().ID("unknowns").Body(
		app.H2().Text("What you need to find out"),
		app.P().Text("“Don't know” is useful: each one is something to find out before it surprises you."),
		app.Ul().Class("list list-bullet").Body(
			app.Range(pr.Unknowns).Slice(func(i int) app.UI {
				u := pr.Unknowns[i]
				return app.Li().Body(app.Strong().Text(u.Title+": "), app.Text(b.Item(u.ID).Actions.Unknown[0]))
			}),
		),
	)
}

// actions lists the plan read-only, grouped by why each action is there;
// the plan page is where they are changed.
func (p *resultsPage) actions(plan []scoring.PlannedAction) app.UI {
	return app.Section().ID("actions").Body(
		app.H2().Text("Suggested actions"),
		app.P().Body(app.Text("Suggestions to discuss as a team: keep, change or drop them in the "),
			app.A().Href(link(PathPlan, p.a.ID)).Text("action plan"), app.Text(". They are not a verdict.")),
		app.If(len(plan) == 0, func() app.UI {
			return app.P().Text("No actions are suggested: nothing is rated complicated, complex or “don't know”.")
		}),
		app.Range(priorityGroups).Slice(func(i int) app.UI {
			g := priorityGroups[i]
			var lines []scoring.PlannedAction
			for _, pa := range plan {
				if pa.Priority == g.pri && !pa.Dropped {
					lines = append(lines, pa)
				}
			}
			if len(lines) == 0 {
				return nil
			}
			return app.Div().Class("action-group").Body(
				app.H3().Textf("%s (%d)", g.title, len(lines)),
				app.Ol().Class("list list-number").Body(
					app.Range(lines).Slice(func(j int) app.UI {
						pa := lines[j]
						return app.Li().DataSet("item", pa.ItemID).Body(
							app.Span().Class("action-item").Text(fmt.Sprintf("%s %s: ", pa.ItemID, pa.ItemTitle)),
							userText(pa.Text),
						)
					}),
				),
			)
		}),
	)
}

// priorityGroups head the plan's sections, in priority order.
var priorityGroups = []struct {
	pri   scoring.Priority
	title string
}{
	{scoring.PriorityComplex, "Where your project is complex"},
	{scoring.PriorityUnknown, "Where you don't know yet"},
	{scoring.PriorityComplicated, "Where your project is complicated"},
	{scoring.PriorityOther, "Other actions you wrote"},
}

// disagreements shows, when several people rated, where they differ, with
// the spread of ratings and whether the group has agreed yet.
func (p *resultsPage) disagreements(b *q.Bank, pr *scoring.Profile) app.UI {
	spreads := pr.Spreads()
	if spreads == nil {
		return nil
	}
	flagged := scoring.NeedingDiscussion(spreads)
	return app.Section().ID("disagreements").Body(
		app.H2().Textf("Where people differ (%d)", len(flagged)),
		app.If(len(flagged) == 0, func() app.UI { return app.P().Text("The people who rated broadly agree on every question.") }),
		app.Ul().Class("list").Body(app.Range(flagged).Slice(func(i int) app.UI {
			s := flagged[i]
			agreed := "not agreed yet"
			if s.Agreed.Answered() {
				agreed = "agreed: " + strings.ToLower(s.Agreed.Label())
			}
			return app.Li().DataSet("item", s.ItemID).Body(
				app.Strong().Text(s.ItemID+" "+b.Item(s.ItemID).Title+" "),
				app.Span().Class("hint").Textf("(%s)", agreed),
				app.Raw(spreadBar(s)),
			)
		})),
		app.P().Body(app.A().Href(link(PathDiscuss, p.a.ID)).Text("Compare ratings and agree")),
	)
}
