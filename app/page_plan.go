package app

import (
	"fmt"
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
	// showAll shows the suggestions for complicated questions, which wait
	// behind "Show more" so the urgent ones come first.
	showAll bool
	// notice says what the last choice did, with a way to undo it.
	notice planNotice
}

// planNotice is the message after a choice: what it did, and the actions it
// made, which Undo takes away again.
type planNotice struct {
	text  string
	made  []string
	focus string // where focus goes after Undo
}

func (p *planPage) OnNav(ctx app.Context) {
	p.load(ctx)
	p.notice, p.showAll = planNotice{}, false
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
		app.Span().Class("caption").Body(userText(caption(p.a))),
		heading("Action plan"),
		app.P().Class("lead").Text("First, the checks every project needs, whatever its ratings. Then suggested actions for what is complex "+
			"or not known, most urgent first: add the ones your team will do, say who will do them and by when, and leave the rest for now."),
		p.reportButtons("top"),
		app.Details().Class("details").Body(
			app.Summary().Class("details-summary").Text("What the levels mean"),
			app.Div().Class("details-text").Body(levelLegend(b)),
		),
		app.Range(priorityGroups).Slice(func(i int) app.UI { return p.group(b, plan, priorityGroups[i].pri, priorityGroups[i].title) }),
		&fresh{Key: "add/" + strconv.Itoa(p.added), body: func() []app.UI { return p.addForm(b) }},
		app.If(len(dropped) > 0, func() app.UI { return p.droppedList(dropped) }),
		p.reportButtons("bottom"),
		p.noticeBar(),
	)
}

// group is one priority's rows, by domain, each domain with buttons that
// add or leave all its suggestions at once. Suggestions for complicated
// questions wait behind "Show more".
func (p *planPage) group(b *q.Bank, plan []scoring.PlannedAction, pri scoring.Priority, title string) app.UI {
	var lines []scoring.PlannedAction
	hidden := 0
	for _, pa := range plan {
		if pa.Priority != pri || pa.Dropped {
			continue
		}
		if pri == scoring.PriorityComplicated && pa.Origin == scoring.Suggested && !p.showAll {
			hidden++
			continue
		}
		lines = append(lines, pa)
	}
	if len(lines) == 0 && hidden == 0 {
		return nil
	}
	headID := fmt.Sprintf("plan-group-%d", pri)
	byDomain := pri != scoring.PriorityCheck && pri != scoring.PriorityOther
	var body []app.UI
	for start := 0; start < len(lines); {
		end := start + 1
		for byDomain && end < len(lines) && lines[end].Domain == lines[start].Domain {
			end++
		}
		if !byDomain {
			end = len(lines)
		}
		part := lines[start:end]
		rows := make([]app.UI, len(part))
		for i, pa := range part {
			rows[i] = &planRow{Key: rowKey(pa), Gen: p.gen(), Line: pa, page: p, shown: pa}
		}
		if byDomain {
			body = append(body, p.domainBar(b, pri, part))
		}
		body = append(body, app.Ul().Class("plan-list").Body(rows...))
		start = end
	}
	return app.Section().Class("plan-group").Body(
		app.H2().ID(headID).TabIndex(-1).Textf("%s (%d)", title, len(lines)+hidden),
		app.Div().Body(body...),
		app.If(hidden > 0, func() app.UI {
			return app.Button().Class("button button-secondary").ID("show-more").
				Textf("Show %d more %s", hidden, plural(hidden, "suggestion", "suggestions")).
				OnClick(func(ctx app.Context, e app.Event) {
					p.showAll = true
					focusElement(headID)
				})
		}),
	)
}

// domainBar heads one domain's rows in a group, with the bulk choices for
// the suggestions among them.
func (p *planPage) domainBar(b *q.Bank, pri scoring.Priority, part []scoring.PlannedAction) app.UI {
	d := b.Domain(part[0].Domain)
	var keys []string
	for _, pa := range part {
		if pa.Origin == scoring.Suggested {
			keys = append(keys, pa.Key)
		}
	}
	base := fmt.Sprintf("bulk-%d-%s", pri, d.ID)
	return app.Div().Class("plan-domain").Body(
		app.H3().Class("plan-domain-title").ID(base).TabIndex(-1).Textf("%s. %s", d.ID, d.Title),
		app.If(len(keys) > 1, func() app.UI {
			return app.Div().Class("button-group button-group-tight").Body(
				app.Button().Class("button button-secondary").ID(base+"-add").
					Body(app.Textf("Add all %d to the plan", len(keys)), hidden(" for "+d.Title)).
					OnClick(func(ctx app.Context, e app.Event) { p.choose(keys, false, base, base, base) }, app.EventScope(base)),
				app.Button().Class("link-button").ID(base+"-leave").
					Body(app.Textf("Not now, all %d", len(keys)), hidden(" for "+d.Title)).
					OnClick(func(ctx app.Context, e app.Event) { p.choose(keys, true, base, base, base) }, app.EventScope(base)),
			)
		}),
	)
}

// choose adds suggestions to the plan, or leaves them for now, in one
// saved change, and says so with a way to undo it. A refusal shows by
// field; focus is where focus goes next; back is where it goes after Undo.
func (p *planPage) choose(keys []string, leave bool, field, focus, back string) bool {
	b := q.LookupBank(p.a.Bank)
	plan := scoring.Plan(b, p.a)
	var made, texts []string
	ok := p.try(field, func() {
		for _, key := range keys {
			for _, pa := range plan {
				if pa.Key == key && pa.Origin == scoring.Suggested {
					made = append(made, p.a.AddAction(q.Action{ItemID: pa.ItemID, Suggestion: key, Text: pa.Text, Dropped: leave}).ID)
					texts = append(texts, pa.Text)
				}
			}
		}
	}, func() {
		for _, id := range made {
			p.a.RemoveAction(id)
		}
	})
	if !ok || len(made) == 0 {
		return false
	}
	what := fmt.Sprintf("%d suggestions", len(made))
	if len(made) == 1 {
		what = "\u201c" + clipText(texts[0], 60) + "\u201d"
	}
	if leave {
		p.notice = planNotice{text: "Left for now: " + what + ". You can bring them back from \u201cLeft for now\u201d below.", made: made, focus: back}
	} else {
		p.notice = planNotice{text: "Added to your plan: " + what + ".", made: made, focus: back}
	}
	focusElement(focus)
	return true
}

// undo takes away the actions the last choice made.
func (p *planPage) undo() {
	n := p.notice
	before := slices.Clone(p.a.Actions)
	if p.try("notice-undo", func() {
		for _, id := range n.made {
			p.a.RemoveAction(id)
		}
	}, func() { p.a.Actions = before }) {
		p.notice = planNotice{text: "Undone."}
		focusElement(n.focus)
	}
}

// noticeBar says what the last choice did, at the foot of the screen.
// It is always drawn, so that screen readers announce what appears in it.
func (p *planPage) noticeBar() app.UI {
	n := p.notice
	return app.Div().Class("notice-bar").ID("notice").Role("status").Body(
		app.If(n.text != "", func() app.UI {
			return app.Div().Class("notice-bar-inner").Body(
				app.Span().Body(userText(n.text)),
				app.If(len(n.made) > 0, func() app.UI {
					return app.Button().Class("link-button notice-undo").ID("notice-undo").Text("Undo").
						OnClick(func(ctx app.Context, e app.Event) { p.undo() })
				}),
				app.Button().Class("link-button").ID("notice-close").Body(app.Text("Close"), hidden(" this message")).
					OnClick(func(ctx app.Context, e app.Event) { p.notice = planNotice{} }),
			)
		}),
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
		app.Summary().Class("details-summary").Textf("Left for now (%d)", len(dropped)),
		app.Ul().Class("list").Body(
			app.Range(dropped).Slice(func(i int) app.UI {
				pa := dropped[i]
				return app.Li().Class("dropped-item").Body(
					userText(pa.ItemID+" "+pa.ItemTitle+": "+pa.Text+" "),
					app.Button().Class("link-button").ID("restore-"+domID(rowKey(pa))).Body(app.Text("Bring back"), hidden(" "+pa.Text)).
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
		app.Details().Class("details").Body(
			app.Summary().Class("details-summary").Body(app.Text("What it asks"), hidden(": "+l.Text)),
			app.Div().Class("details-text").Body(
				app.P().Body(g.text(l.CheckDetail)),
				app.P().Class("hint").Body(g.text(l.CheckNation)),
			),
		),
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
	l, p := r.Line, r.page
	return app.Div().Body(
		app.P().Class("plan-text").Body(userText(l.Text)),
		app.Div().Class("button-group button-group-tight").Body(
			app.Button().Class("button button-secondary").ID(id+"-accept").Body(app.Text("Add to plan"), hidden(": "+l.Text)).
				OnClick(func(ctx app.Context, e app.Event) {
					p.choose([]string{l.Key}, false, id+"-accept", id+"-text", id+"-accept")
				}, app.EventScope(r.Key)),
			app.Button().Class("link-button").ID(id+"-drop").Body(app.Text("Not now"), hidden(": "+l.Text)).
				OnClick(func(ctx app.Context, e app.Event) {
					p.choose([]string{l.Key}, true, id+"-accept", p.nextAfter(l.Key), id+"-accept")
				}, app.EventScope(r.Key)),
		),
		app.If(p.fieldError(id+"-accept") != "", func() app.UI {
			return fieldErrorText(id+"-accept", p.fieldError(id+"-accept"))
		}),
	)
}

// nextAfter is where focus goes when a suggestion leaves the list: the
// next suggestion's button, else the one before, else the group heading.
func (p *planPage) nextAfter(key string) string {
	plan := scoring.Plan(q.LookupBank(p.a.Bank), p.a)
	var keys []string
	pri := scoring.PriorityOther
	for _, pa := range plan {
		if pa.Key == key {
			pri = pa.Priority
		}
	}
	for _, pa := range plan {
		if pa.Priority == pri && pa.Origin == scoring.Suggested && !pa.Dropped && pa.Check == "" {
			keys = append(keys, pa.Key)
		}
	}
	i := slices.Index(keys, key)
	switch {
	case i >= 0 && i+1 < len(keys):
		return "act-" + domID(keys[i+1]) + "-accept"
	case i > 0:
		return "act-" + domID(keys[i-1]) + "-accept"
	}
	return fmt.Sprintf("plan-group-%d", pri)
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
