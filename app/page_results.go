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
	// setting holds, by domain, a level being set before it is saved.
	setting map[string]q.DomainLevel
	// confirmReview shows what a review carries over, before it starts.
	confirmReview bool
	// later is a later review of the same project on this device, looked
	// up once on arrival rather than on every drawing.
	later Entry
}

func (p *resultsPage) OnNav(ctx app.Context) {
	p.load(ctx)
	p.rid = ctx.Page().URL().Query().Get("r")
	if p.rid == "" && p.a != nil {
		// Someone who joined this workshop here, come back from the home
		// page: their send link is what they came for.
		p.rid = joined()[p.a.ID]
	}
	p.reviewErr, p.setting, p.confirmReview = "", map[string]q.DomainLevel{}, false
	p.later = Entry{}
	if p.a != nil && p.rid == "" {
		p.later = laterReview(p.a)
	}
	p.arrive(ctx, p.title())
}

// title is "Your ratings" for someone who rated a workshop on their own
// device: what they see is never the team's result.
func (p *resultsPage) title() string {
	if p.rid != "" {
		return "Your ratings"
	}
	return "Results"
}

func (p *resultsPage) Render() app.UI {
	if p.a == nil {
		return p.notFound()
	}
	b := q.LookupBank(p.a.Bank)
	pr := scoring.Score(b, p.a)
	plan := scoring.Plan(b, p.a)
	r := pr.Reading
	prompts := false
	for _, d := range pr.Domains {
		prompts = prompts || d.Prompt != ""
	}
	return p.shell(
		app.A().Class("back-link").Href(link(PathCheck, p.a.ID)).Text("Back to your answers"),
		p.saveStatus(),
		app.Span().Class("caption").Body(userText(caption(p.a))),
		heading(p.title()),
		app.If(p.rid != "", func() app.UI {
			return app.Div().Body(
				app.P().Class("inset").ID("yours-only").Text("These are your own ratings, not the team's result. The team's comes from the facilitator, "+
					"once everyone's ratings are in and the group has agreed."),
				p.sendBox(p.rid),
			)
		}),
		app.If(p.rid == "", func() app.UI { return notYetRated(p.a) }),
		app.Div().Class("panel panel-reading reading-"+string(r.Band)).ID("reading").
			DataSet("complex", len(pr.ComplexDomains)).DataSet("band", string(r.Band)).Body(
			app.H2().Class("reading-headline").Text(p.headline(r.Headline)),
			app.If(r.Partial, func() app.UI {
				return app.P().Class("reading-counts").Body(app.Strong().Text("So far: "), app.Text(r.Counts+"."))
			}),
			app.P().Text(r.Meaning),
			app.If(r.Lens != "", func() app.UI { return app.P().ID("reading-lens").Body(userText(r.Lens)) }),
			app.P().Body(app.Strong().Text("Why: "), app.Text(r.Why)),
			app.P().Class("hint reading-caveat").Body(app.Text("A conversation aid, not a validated prediction. "),
				app.A().Href(PathAbout).Text("How the reading works")),
		),
		app.Section().Class("profile").Body(
			app.H2().ID("profile-heading").Text(map[bool]string{true: "Your project's profile", false: "Your ratings, domain by domain"}[p.rid == ""]),
			app.Div().Class("chart-figure").Body(profileChart(&pr, "profile-chart")),
			app.Details().Class("details").Body(
				app.Summary().Class("details-summary").Text("What the levels mean"),
				app.Div().Class("details-text").Body(levelLegend(b)),
			),
		),
		app.If(p.rid == "", func() app.UI { return p.next(&pr, plan) }).Else(func() app.UI { return p.participantNext() }),
		aboutProject(p.a),
		app.Details().Class("details details-block").ID("table-detail").Body(
			app.Summary().Class("details-summary").Text("The profile as a table, with the answers behind it"),
			app.Div().Class("details-text").Body(profileTable(&pr)),
		),
		app.If(p.rid == "", func() app.UI { return p.domainsDetail(&pr, prompts) }),
		app.If(p.rid == "", func() app.UI { return p.linked(b) }),
		p.disagreements(b, &pr),
		p.unknowns(b, &pr),
		// A person who rated on their own device has no plan, PDF or
		// reviews here: those are the team's, on the facilitator's device.
		app.If(p.rid == "", func() app.UI {
			return app.Div().Body(
				timelineSection(scoring.TimelineOf(b, p.a)),
				p.reviews(),
				app.Div().Class("keep-copy").ID("keep-copy").Body(
					app.P().Body(
						app.Text("Browsers can clear saved data: keep a copy somewhere safe. "),
						app.Button().Class("link-button").ID("export").Text("Export the assessment file").
							OnClick(func(ctx app.Context, e app.Event) { p.exportFile(p.a) }),
					),
				),
			)
		}),
	)
}

// domainsDetail holds each domain's card: what to discuss, and the
// team's own level for it.
func (p *resultsPage) domainsDetail(pr *scoring.Profile, prompts bool) app.UI {
	return app.Details().Class("details details-block").ID("domains-detail").Open(prompts).Body(
		app.Summary().Class("details-summary").Text("Each domain: what to discuss, and setting its level yourselves"),
		app.Div().Class("details-text").Body(
			app.Ul().Class("domain-cards").Body(
				app.Range(pr.Domains).Slice(func(i int) app.UI { return p.domainCard(i+1, pr.Domains[i]) }),
			),
		),
	)
}

// headline is the reading's headline; for a person rating a workshop on
// their own device, marked as theirs alone.
func (p *resultsPage) headline(h string) string {
	if p.rid == "" {
		return h
	}
	return "From your ratings alone: " + strings.ToLower(h[:1]) + h[1:]
}

// participantNext is what to do next for someone who rated a workshop on
// their own device: send the ratings back, or change them first.
func (p *resultsPage) participantNext() app.UI {
	return app.Section().Class("panel panel-next").ID("next").Body(
		app.H2().Text("What to do next"),
		app.P().Text("Send your ratings to the facilitator (see above). The team's action plan and PDF are made on the facilitator's device, once everyone's ratings are in and the group has agreed."),
		app.P().Body(app.A().ID("change-answers").Href(link(PathDomain, p.a.ID, "d", "1", "r", p.rid, "via", "join")).Text("Change your ratings before you send them")),
	)
}

// next says what to do after reading the results: the plan first, then
// the PDF, then the unknowns and links.
func (p *resultsPage) next(pr *scoring.Profile, plan []scoring.PlannedAction) app.UI {
	agreed, waiting := 0, 0
	for _, pa := range plan {
		switch {
		case pa.Agreed():
			agreed++
		case pa.Origin == scoring.Suggested && !pa.Dropped:
			waiting++
		}
	}
	return app.Section().Class("panel panel-next").ID("next").Body(
		app.H2().Text("What to do next"),
		app.P().Textf("Your plan has %d agreed %s, and %d %s waiting for the team to take up or leave.",
			agreed, plural(agreed, "action", "actions"), waiting, plural(waiting, "suggestion", "suggestions")),
		app.P().Body(app.A().Class("button").ID("open-plan").Href(link(PathPlan, p.a.ID)).Text("Work on the action plan")),
		p.reportButtons("top"),
		app.Ul().Class("list list-bullet").Body(
			app.If(len(pr.Unknowns) > 0, func() app.UI {
				return app.Li().Body(app.A().Href("#unknowns").Textf("Find out what you don't know: %d %s", len(pr.Unknowns), plural(len(pr.Unknowns), "question", "questions")))
			}),
			app.Li().Body(app.A().ID("to-links").Href(link(PathLinks, p.a.ID)).Text("Link the questions that affect each other")),
			app.Li().Body(app.A().Href(link(PathCheck, p.a.ID)).Text("Check or change your answers")),
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
		app.P().Body(app.Span().Class("tag tag-"+levelClass(d.Level)).Text(scoring.DomainLevelLabel(d.Level, d.Uncertain)),
			app.If(d.SetByTeam, func() app.UI {
				return app.Span().Class("domain-card-set").Textf(" set by the team; the questions suggest %s", strings.ToLower(scoring.DomainLevelLabel(d.Suggested, d.Uncertain)))
			}).ElseIf(d.Suggested.OnScale(), func() app.UI { return app.Span().Class("domain-card-set").Text(" suggested by the questions") }),
		),
		app.If(d.SetByTeam, func() app.UI {
			return app.P().Class("domain-card-reason").Body(app.Strong().Text("Why: "), userText(d.Reason))
		}),
		app.If(d.Prompt != "", func() app.UI { return app.P().Class("domain-card-prompt").Text(d.Prompt) }),
		app.P().Class("domain-card-counts").Textf("%d simple · %d complicated · %d complex · %d don't know · %d not applicable",
			c.Simple, c.Complicated, c.Complex, c.Unknown, c.NotApplicable),
		app.If(d.Uncertain, func() app.UI {
			return app.P().Class("domain-card-note").Text("Some answers are “don't know”, so this domain may be more complex than it looks.")
		}),
		app.If(d.Answered < d.Applicable, func() app.UI {
			return app.P().Class("domain-card-note").Textf("%d of %d questions answered.", d.Answered, d.Applicable)
		}),
		app.If(p.rid == "" && len(p.a.Respondents) > 1, func() app.UI {
			// In a workshop the profile is the team's: change it by agreeing.
			return app.A().ID("discuss-"+d.ID).Href(link(PathDiscuss, p.a.ID)+"#agree-"+firstItem(p.a, d.ID)).
				Body(app.Text("Discuss and agree these ratings"), hidden(" for "+d.Title))
		}).Else(func() app.UI {
			return app.A().Href(link(PathDomain, p.a.ID, "d", strconv.Itoa(n))).Body(app.Text("Change answers"), hidden(" for "+d.Title))
		}),
		p.setLevel(d),
	)
}

// firstItem is the first question a domain asks in the assessment's mode.
func firstItem(a *q.Assessment, domain string) string {
	if items := q.LookupBank(a.Bank).Domain(domain).ItemsFor(a.Mode); len(items) > 0 {
		return items[0].ID
	}
	return ""
}

// setLevel lets the team set a domain's level itself, with its reason, or
// go back to the level the questions suggest.
func (p *resultsPage) setLevel(d scoring.DomainResult) app.UI {
	base := "set-" + d.ID
	draft, editing := p.setting[d.ID]
	if !editing {
		draft = p.a.DomainLevels[d.ID]
	}
	open := editing || d.Prompt != ""
	return app.Details().Class("details set-level").ID(base).Open(open).Body(
		app.Summary().Class("details-summary").Body(app.Text("Set this domain's level yourselves"), hidden(": "+d.Title)),
		app.Div().Class("details-text").Body(
			app.FieldSet().Class("fieldset").Body(
				app.Legend().Class("legend").Text("The level your team judges this domain to be"),
				app.Range(scaleLevels).Slice(func(i int) app.UI {
					l := scaleLevels[i]
					return radio(base+"-level", base+"-"+string(l), string(l), l.Label(), "", draft.Level == l, func(v string) {
						dl := p.draft(d.ID)
						dl.Level = q.Level(v)
						p.setting[d.ID] = dl
					})
				}),
			),
			noteField(base+"-reason", "Why (needed)", "What the team weighed: for example, that one issue spreads to the rest of the domain, or that it does not.",
				draft.Reason, q.AboutText, p.fieldError(base+"-reason"), func(_ app.Context, v string) {
					dl := p.draft(d.ID)
					dl.Reason = v
					p.setting[d.ID] = dl
				}),
			app.Div().Class("button-group").Body(
				app.Button().Class("button button-secondary").ID(base+"-save").Text("Save this level").
					OnClick(func(ctx app.Context, e app.Event) { p.saveLevel(d.ID) }, app.EventScope(d.ID)),
				app.If(d.SetByTeam, func() app.UI {
					return app.Button().Class("link-button").ID(base+"-clear").Text("Use the level the questions suggest").
						OnClick(func(ctx app.Context, e app.Event) { p.clearLevel(d.ID) }, app.EventScope(d.ID))
				}),
			),
		),
	)
}

// scaleLevels are the levels a domain can be set to.
var scaleLevels = []q.Level{q.Simple, q.Complicated, q.Complex}

func (p *resultsPage) draft(id string) q.DomainLevel {
	if dl, ok := p.setting[id]; ok {
		return dl
	}
	return p.a.DomainLevels[id]
}

func (p *resultsPage) saveLevel(id string) {
	dl := p.draft(id)
	dl.Reason = q.AboutText.CleanText(strings.TrimSpace(dl.Reason))
	field := "set-" + id + "-reason"
	switch err := q.AboutText.Check(dl.Reason); {
	case !dl.Level.OnScale():
		p.refuse(field, "Choose a level first.")
	case dl.Reason == "":
		p.refuse(field, "Say why: a level the team sets needs its reason.")
	case err != nil:
		p.refuse(field, "Not saved: this text "+err.Error()+".")
	default:
		old, had := p.a.DomainLevels[id]
		if p.try(field, func() {
			if p.a.DomainLevels == nil {
				p.a.DomainLevels = map[string]q.DomainLevel{}
			}
			p.a.DomainLevels[id] = dl
		}, func() {
			if had {
				p.a.DomainLevels[id] = old
			} else {
				delete(p.a.DomainLevels, id)
			}
		}) {
			delete(p.setting, id)
			focusElement("reading")
		}
		return
	}
	focusElement(field)
}

func (p *resultsPage) clearLevel(id string) {
	old := p.a.DomainLevels[id]
	p.try("set-"+id+"-reason", func() { delete(p.a.DomainLevels, id) }, func() { p.a.DomainLevels[id] = old })
	delete(p.setting, id)
}

// linked lists the team's links between questions: risks that travel
// together.
func (p *resultsPage) linked(b *q.Bank) app.UI {
	if len(p.a.Links) == 0 {
		return nil
	}
	return app.Section().ID("linked").Body(
		app.H2().Textf("Linked risks (%d)", len(p.a.Links)),
		app.Ul().Class("list list-bullet").Body(app.Range(p.a.Links).Slice(func(i int) app.UI {
			return app.Li().Body(linkText(b, p.a.Links[i]))
		})),
	)
}

// aboutProject shows what the project is for, when the team said, and
// which question bank it was made with when that is an older one.
func aboutProject(a *q.Assessment) app.UI {
	facts, made := a.About(), a.MadeWithNote()
	if len(facts) == 0 && made == "" {
		return nil
	}
	return app.Section().Class("about-project").ID("about-project").Body(
		app.If(len(facts) > 0, func() app.UI {
			return app.Dl().Class("summary-list").Body(app.Range(facts).Slice(func(i int) app.UI {
				return app.Div().Class("summary-row").Body(app.Dt().Class("summary-key").Text(facts[i].Label), app.Dd().Class("summary-value").Body(userText(facts[i].Value)))
			}))
		}),
		app.If(made != "", func() app.UI { return app.P().Class("hint").ID("made-with").Text(made) }),
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
				return app.Li().Body(app.Strong().Text(u.Title+": "), app.Text(b.Item(u.ID).For(p.a.RoleOf()).Actions.Unknown[0]))
			}),
		),
	)
}

// priorityGroups head the plan's sections, in priority order.
var priorityGroups = []struct {
	pri   scoring.Priority
	title string
}{
	{scoring.PriorityCheck, "Always check, whatever the ratings"},
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
		app.If(len(flagged) == 0, func() app.UI {
			text := "The people who rated broadly agree on every question."
			if waiting := len(scoring.NotYetRated(p.a)); waiting > 0 {
				rated := len(p.a.Respondents) - waiting
				text = fmt.Sprintf("The %d %s rated so far broadly %s on every question; %d on the list %s not rated yet.",
					rated, plural(rated, "person who has", "people who have"), plural(rated, "agrees", "agree"), waiting, plural(waiting, "has", "have"))
			}
			return app.P().Text(text)
		}),
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
