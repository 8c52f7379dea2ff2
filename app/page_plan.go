package app

import (
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/scoring"
)

// planPage is the action plan: each suggestion to add or drop, the team's
// actions with owner, due date and status, and the team's own additions.
type planPage struct {
	page
	newItem string
	newText string
	addErr  string
	added   int // remounts the "add" form empty after each addition
}

func (p *planPage) OnNav(ctx app.Context) {
	p.load(ctx)
	p.arrive(ctx, "Action plan")
}

func (p *planPage) Render() app.UI {
	if p.a == nil {
		return p.notFound()
	}
	b := q.LookupBank(p.a.Bank)
	plan := scoring.Plan(b, p.a)
	var dropped []scoring.PlannedAction
	for _, pa := range plan {
		if pa.Dropped {
			dropped = append(dropped, pa)
		}
	}
	return p.shell(
		app.A().Class("back-link").Href(link(PathResults, p.a.ID)).Text("Back to the results"),
		p.saveStatus(),
		app.Span().Class("caption").Body(userText(projectName(p.a))),
		heading("Action plan"),
		app.P().Class("lead").Text("First, the checks every project needs, whatever its ratings. Then suggested actions for what is complex, "+
			"not known or complicated, most urgent first: add the ones your team will do, say who will do them and by when, and drop the rest."),
		p.reportButtons(),
		app.Details().Class("details").Body(
			app.Summary().Class("details-summary").Text("What the levels mean"),
			app.Div().Class("details-text").Body(levelLegend(b)),
		),
		app.Range(priorityGroups).Slice(func(i int) app.UI {
			g := priorityGroups[i]
			var rows []app.UI
			for _, pa := range plan {
				if pa.Priority == g.pri && !pa.Dropped {
					rows = append(rows, &planRow{Key: rowKey(pa), Gen: p.gen(), Line: pa, page: p, shown: pa})
				}
			}
			if len(rows) == 0 {
				return nil
			}
			return app.Section().Class("plan-group").Body(
				app.H2().Textf("%s (%d)", g.title, len(rows)),
				app.Ul().Class("plan-list").Body(rows...),
			)
		}),
		&fresh{Key: "add/" + strconv.Itoa(p.added), body: func() []app.UI { return p.addForm(b) }},
		app.If(len(dropped) > 0, func() app.UI { return p.droppedList(dropped) }),
	)
}

func rowKey(pa scoring.PlannedAction) string {
	if pa.Check != "" {
		return "check-" + pa.Check
	}
	if pa.Key != "" {
		return pa.Key
	}
	return pa.ActionID
}

// domID turns a plan key ("2A/complex/0") into part of an element ID.
func domID(key string) string { return strings.ReplaceAll(key, "/", "-") }

func (p *planPage) addForm(b *q.Bank) []app.UI {
	items := b.Items(p.a.Mode)
	if p.newItem == "" {
		p.newItem = items[0].ID
	}
	return []app.UI{
		app.Form().Class("panel").ID("add-action").OnSubmit(p.addOwn).Body(
			app.H2().Text("Add your own action"),
			app.Div().Class("form-group").Body(
				app.Label().Class("label").For("own-item").Text("Which question is it about?"),
				app.Select().Class("select").ID("own-item").OnChange(func(ctx app.Context, e app.Event) {
					p.newItem = ctx.JSSrc().Get("value").String()
				}).Body(
					app.Range(items).Slice(func(i int) app.UI {
						return app.Option().Value(items[i].ID).Selected(items[i].ID == p.newItem).Text(items[i].ID + " " + items[i].Title)
					}),
				),
			),
			noteField("own-text", "The action", "What will be done, in a sentence or two.", "", q.ActionText, p.addErr, func(_ app.Context, v string) { p.newText = v }),
			app.Button().Type("submit").Class("button button-secondary").ID("add-own").Text("Add this action"),
		),
	}
}

func (p *planPage) addOwn(ctx app.Context, e app.Event) {
	e.PreventDefault()
	text := q.ActionText.CleanText(strings.TrimSpace(p.newText))
	switch err := q.ActionText.Check(text); {
	case text == "":
		p.addErr = "Write the action before adding it"
	case err != nil:
		p.addErr = "This action " + err.Error()
	default:
		p.addErr = ""
		var id string
		if !p.try("own-text", func() { id = p.a.AddAction(q.Action{ItemID: p.newItem, Text: text}).ID }, func() { p.a.RemoveAction(id) }) {
			p.addErr = p.fieldError("own-text")
		}
	}
	if p.addErr != "" {
		focusElement("own-text")
		return
	}
	p.newText = ""
	p.added++
}

func (p *planPage) droppedList(dropped []scoring.PlannedAction) app.UI {
	return app.Details().Class("details panel").ID("dropped").Body(
		app.Summary().Class("details-summary").Textf("Dropped suggestions (%d)", len(dropped)),
		app.Ul().Class("list").Body(
			app.Range(dropped).Slice(func(i int) app.UI {
				pa := dropped[i]
				return app.Li().Class("dropped-item").Body(
					userText(pa.ItemID+" "+pa.ItemTitle+": "+pa.Text+" "),
					app.Button().Class("link-button").ID("restore-"+domID(rowKey(pa))).Body(app.Text("Restore"), hidden(" "+pa.Text)).
						OnClick(func(ctx app.Context, e app.Event) {
							p.editAction(pa.ActionID, "restore-"+domID(rowKey(pa)), func(a *q.Action) { a.Dropped = false })
						},
							app.EventScope(rowKey(pa))),
				)
			}),
		),
	)
}

// editAction changes one of the team's actions, undoing the change if the
// store refuses it.
func (p *planPage) editAction(id, field string, f func(*q.Action)) {
	act := p.a.ActionByID(id)
	if act == nil {
		return
	}
	old := *act
	p.try(field, func() { f(p.a.ActionByID(id)) }, func() { *p.a.ActionByID(id) = old })
}

// planRow is one action. It is a component keyed by its suggestion or
// action, so go-app remounts rather than reuses it when rows move, and its
// fields show what they held when drawn (see domainPage.shown).
type planRow struct {
	app.Compo
	Key string
	// Gen counts changes from other tabs: the row is drawn afresh for each.
	Gen   int
	Line  scoring.PlannedAction
	page  *planPage
	shown scoring.PlannedAction
}

// CompoID keys the row.
func (r *planRow) CompoID() string { return r.Key + "/" + strconv.Itoa(r.Gen) }

func (r *planRow) Render() app.UI {
	l := r.Line
	id := "act-" + domID(r.Key)
	if l.Check != "" {
		return r.check(id)
	}
	origin := map[scoring.Origin]string{scoring.Suggested: "Suggested", scoring.Accepted: "In your plan",
		scoring.Edited: "In your plan, edited", scoring.Own: "Your own action"}[l.Origin]
	meta := l.ItemID + " " + l.ItemTitle
	if l.Level.Answered() {
		meta += " · " + l.Level.Label()
	}
	return app.Li().Class("plan-item plan-"+string(l.Origin)).ID(id).DataSet("key", r.Key).Body(
		app.P().Class("plan-meta").Body(app.Text(meta+" · "), app.Strong().Text(origin)),
		app.If(l.ActionID == "", func() app.UI { return r.suggestion(id) }).
			Else(func() app.UI { return r.action(id) }),
		r.linked(),
	)
}

// linked names the questions the team linked to this line's: risks that
// travel together.
func (r *planRow) linked() app.UI {
	l := r.Line
	if len(l.Links) == 0 {
		return nil
	}
	b := q.LookupBank(r.page.a.Bank)
	return app.Ul().Class("plan-links").Body(app.Range(l.Links).Slice(func(i int) app.UI {
		k := l.Links[i]
		other := b.Item(k.Other(l.ItemID))
		return app.Li().Body(app.Text("Linked with "+other.ID+" "+other.Title), app.If(k.Note != "", func() app.UI {
			return app.Span().Body(app.Text(": "), userText(k.Note))
		}))
	}))
}

// check is one of the baseline checks every plan has: what to check, for
// England and elsewhere, and its state, which is done, not applicable, or
// with someone to do it, like any action.
func (r *planRow) check(id string) app.UI {
	l, p := r.Line, r.page
	g := newGlosser(q.LookupBank(p.a.Bank))
	state := l.CheckState()
	mark := func(status q.Status, field string) func(app.Context, app.Event) {
		return func(ctx app.Context, e app.Event) {
			if act := p.a.ActionForCheck(l.Check); act != nil {
				p.editAction(act.ID, field, func(a *q.Action) { a.Status = status })
				return
			}
			var aid string
			p.try(field, func() {
				aid = p.a.AddAction(q.Action{Check: l.Check, Text: l.Text, Status: status}).ID
			}, func() { p.a.RemoveAction(aid) })
			if status == q.NotStarted {
				focusElement(id + "-owner")
			}
		}
	}
	return app.Li().Class("plan-item plan-check").ID(id).DataSet("key", r.Key).DataSet("status", string(l.Status)).Body(
		app.P().Class("plan-meta").Body(app.Text("Always check · "), app.Strong().Text(state)),
		app.H3().Class("plan-check-title").Text(l.Text),
		app.P().Body(g.text(l.CheckDetail)),
		app.P().Class("hint").Body(g.text(l.CheckNation)),
		app.If(l.ActionID != "" && l.Status != q.Done && l.Status != q.DoesNotFit, func() app.UI {
			return app.Div().Class("plan-fields").Body(
				textField(id+"-owner", "Who will check it", "", r.shown.Owner, q.NameText, p.fieldError(id+"-owner"), func(ctx app.Context, v string) {
					act := p.a.ActionForCheck(l.Check)
					if act == nil || act.Owner == v {
						return
					}
					aid := act.ID
					p.setText(id+"-owner", q.NameText, act.Owner, v, func(s string) {
						if a := p.a.ActionByID(aid); a != nil {
							a.Owner = s
						}
					})
				}),
				app.Div().Class("form-group").Body(
					app.Label().Class("label").For(id+"-due").Text("By when"),
					app.Input().Type("date").Class("input input-date").ID(id+"-due").Value(string(r.shown.Due)).
						OnChange(func(ctx app.Context, e app.Event) {
							v := q.Date(ctx.JSSrc().Get("value").String())
							if _, ok := v.Time(); (ok || v == "") && l.ActionID != "" {
								p.editAction(l.ActionID, id+"-due", func(a *q.Action) { a.Due = v })
							}
						}, app.EventScope(l.Check)),
				),
			)
		}),
		fieldErrorText(id+"-state", p.fieldError(id+"-state")),
		app.Div().Class("button-group button-group-tight").Body(
			app.If(l.Status != q.Done || l.ActionID == "", func() app.UI {
				return app.Button().Class("button button-secondary").ID(id+"-done").Body(app.Text("Checked: done"), hidden(": "+l.Text)).
					OnClick(mark(q.Done, id+"-state"), app.EventScope(l.Check))
			}),
			app.If(l.ActionID == "" || l.Status == q.Done || l.Status == q.DoesNotFit, func() app.UI {
				label := "Give it to someone"
				if l.ActionID != "" {
					label = "Check it again"
				}
				return app.Button().Class("link-button").ID(id+"-assign").Body(app.Text(label), hidden(": "+l.Text)).
					OnClick(mark(q.NotStarted, id+"-state"), app.EventScope(l.Check))
			}),
			app.If(l.Status != q.DoesNotFit || l.ActionID == "", func() app.UI {
				return app.Button().Class("link-button").ID(id+"-na").Body(app.Text("Does not apply to us"), hidden(": "+l.Text)).
					OnClick(mark(q.DoesNotFit, id+"-state"), app.EventScope(l.Check))
			}),
		),
	)
}

func (r *planRow) suggestion(id string) app.UI {
	l := r.Line
	return app.Div().Body(
		app.P().Class("plan-text").Body(userText(l.Text)),
		app.Div().Class("button-group button-group-tight").Body(
			app.Button().Class("button button-secondary").ID(id+"-accept").Body(app.Text("Add to plan"), hidden(": "+l.Text)).
				OnClick(func(ctx app.Context, e app.Event) {
					if r.take(id+"-accept", false) {
						focusElement(id + "-text")
					}
				}, app.EventScope(r.Key)),
			app.Button().Class("link-button").ID(id+"-drop").Body(app.Text("Not for us"), hidden(": "+l.Text)).
				OnClick(func(ctx app.Context, e app.Event) { r.take(id+"-drop", true) }, app.EventScope(r.Key)),
		),
		app.If(r.page.fieldError(id+"-accept")+r.page.fieldError(id+"-drop") != "", func() app.UI {
			return fieldErrorText(id+"-accept", r.page.fieldError(id+"-accept")+r.page.fieldError(id+"-drop"))
		}),
	)
}

// take puts a suggestion in the plan, or drops it.
func (r *planRow) take(field string, dropped bool) bool {
	l, a := r.Line, r.page.a
	var id string
	return r.page.try(field, func() {
		id = a.AddAction(q.Action{ItemID: l.ItemID, Suggestion: l.Key, Text: l.Text, Dropped: dropped}).ID
	}, func() { a.RemoveAction(id) })
}

// action is an accepted or own action, every field editable.
func (r *planRow) action(id string) app.UI {
	l, s := r.Line, r.shown
	if s.ActionID == "" {
		s = l // accepted just now: draw the saved values once
		r.shown = l
	}
	p := r.page
	text := func(field string, rule q.TextRule, get func(*q.Action) *string) func(app.Context, string) {
		return func(_ app.Context, v string) {
			act := p.a.ActionByID(l.ActionID)
			if act == nil || *get(act) == v {
				return
			}
			p.setText(field, rule, *get(act), v, func(s string) {
				if act := p.a.ActionByID(l.ActionID); act != nil {
					*get(act) = s
				}
			})
		}
	}
	edit := func(field string, f func(*q.Action)) { p.editAction(l.ActionID, field, f) }
	statuses := []q.Status{q.NotStarted, q.InProgress, q.Done}
	return app.Div().Body(
		noteField(id+"-text", "Action", "", s.Text, q.ActionText, p.fieldError(id+"-text"),
			text(id+"-text", q.ActionText, func(a *q.Action) *string { return &a.Text })),
		app.Div().Class("plan-fields").Body(
			textField(id+"-owner", "Who will do it", "", s.Owner, q.NameText, p.fieldError(id+"-owner"),
				text(id+"-owner", q.NameText, func(a *q.Action) *string { return &a.Owner })),
			app.Div().Class("form-group").Body(
				app.Label().Class("label").For(id+"-due").Text("By when"),
				app.Input().Type("date").Class("input input-date").ID(id+"-due").Value(string(s.Due)).
					OnChange(func(ctx app.Context, e app.Event) {
						v := q.Date(ctx.JSSrc().Get("value").String())
						if _, ok := v.Time(); ok || v == "" {
							edit(id+"-due", func(a *q.Action) { a.Due = v })
						}
					}, app.EventScope(l.ActionID)),
			),
			app.Div().Class("form-group").Body(
				app.Label().Class("label").For(id+"-status").Text("Status"),
				app.Select().Class("select").ID(id+"-status").
					OnChange(func(ctx app.Context, e app.Event) {
						v := q.Status(ctx.JSSrc().Get("value").String())
						if v.Valid() {
							edit(id+"-status", func(a *q.Action) { a.Status = v })
						}
					}, app.EventScope(l.ActionID)).Body(
					app.Range(statuses).Slice(func(i int) app.UI {
						return app.Option().Value(string(statuses[i])).Selected(statuses[i] == s.Status || s.Status == "" && i == 0).Text(statuses[i].Label())
					}),
				),
			),
		),
		app.Button().Class("link-button link-warning").ID(id+"-remove").Body(app.Text("Remove from plan"), hidden(": "+l.Text)).
			OnClick(func(ctx app.Context, e app.Event) {
				if l.Origin == scoring.Own {
					before := slices.Clone(p.a.Actions)
					p.try(id+"-remove", func() { p.a.RemoveAction(l.ActionID) }, func() { p.a.Actions = before })
				} else {
					edit(id+"-remove", func(a *q.Action) { a.Dropped = true })
				}
			}, app.EventScope(l.ActionID)),
	)
}
