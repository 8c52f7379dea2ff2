package app

import (
	"net/url"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	q "github.com/nasss-toolkit/nasss/questionnaire"
)

// Share links put everything after "#", which browsers never send to a
// server: a join link invites a person to rate for a workshop on their own
// device; an answers link brings their ratings back to the facilitator.

// joinFragment is what follows "#" in a workshop's join link.
func joinFragment(a *q.Assessment) string {
	v := url.Values{"w": {a.ID}, "m": {string(a.Mode)}, "p": {a.Project.Name}}
	return v.Encode()
}

// shareBox shows a link with its QR code and a field to copy it from.
func shareBox(id, title, link, hint string) app.UI {
	svg, _, err := qrSVG(link, "QR code of the link")
	return app.Div().Class("panel share").ID(id).Body(
		app.H2().Text(title),
		app.P().Class("hint").Text(hint),
		app.If(err == nil, func() app.UI { return app.Div().Class("qr-wrap").Body(app.Raw(svg)) }),
		app.Label().Class("label").For(id+"-link").Text("The link"),
		app.Input().Type("text").Class("input").ID(id+"-link").ReadOnly(true).Value(link).
			OnFocus(func(ctx app.Context, e app.Event) { ctx.JSSrc().Call("select") }),
	)
}

// joinPage lets a person join a workshop on their own device.
type joinPage struct {
	page
	workshop, project string
	mode              q.Mode
	name, role        string
	bad               bool
}

func (p *joinPage) OnNav(ctx app.Context) {
	v, err := url.ParseQuery(ctx.Page().URL().Fragment)
	p.workshop, p.project, p.mode = v.Get("w"), v.Get("p"), q.Mode(v.Get("m"))
	p.bad = err != nil || p.workshop == "" || !p.mode.Valid() || q.New(q.Default(), p.workshop, p.mode, time.Now()).Validate() != nil
	p.arrive(ctx, "Join a workshop")
}

func (p *joinPage) Render() app.UI {
	if p.bad {
		return p.shell(
			heading("This invitation link does not work"),
			app.P().Text("Part of it is missing or changed. Ask the facilitator to send it again."),
			app.P().Body(app.A().Class("button").Href(PathHome).Text("Go to your assessments")),
		)
	}
	return p.shell(&fresh{Key: "join", body: func() []app.UI {
		return []app.UI{
			heading("Join the workshop"),
			app.P().Class("lead").Body(app.Text("You have been asked to rate "), app.Strong().Body(userText(p.project)),
				app.Text(" on your own. Your answers stay on this device until you choose to send them to the facilitator.")),
			app.Form().OnSubmit(p.start).Body(
				textField("join-name", "Your name (optional)", "", "", q.NameText.Max, "", func(_ app.Context, v string) { p.name = v }),
				textField("join-role", "Your role (optional)", "For example, community nurse.", "", q.NameText.Max, "", func(_ app.Context, v string) { p.role = v }),
				app.Button().Type("submit").Class("button").ID("join-start").Text("Start rating"),
			),
		}
	}})
}

func (p *joinPage) start(ctx app.Context, e app.Event) {
	e.PreventDefault()
	a, err := repo.Load(p.workshop)
	if err != nil {
		a = q.New(q.Default(), p.workshop, p.mode, time.Now())
		a.Project.Name = p.project
		a.Respondents = nil
	}
	r := q.Respondent{ID: newRespondentID(), Name: strings.TrimSpace(p.name), Role: strings.TrimSpace(p.role), Answers: map[string]q.Answer{}}
	a.Respondents = append(a.Respondents, r)
	p.a = a
	if p.save(a) {
		ctx.Navigate(link(PathDomain, a.ID, "d", "1", "r", r.ID, "via", "join"))
	}
}

// receivePage takes a person's answers link into the matching workshop.
type receivePage struct {
	page
	shared  *q.SharedAnswers
	err     error
	target  *q.Assessment // the workshop the ratings go into, when it is on this device
	done    string
	choices []Entry
}

func (p *receivePage) OnNav(ctx app.Context) {
	p.shared, p.err = q.DecodeLink(ctx.Page().URL().Fragment)
	p.done, p.target, p.choices = "", nil, nil
	if p.err == nil {
		if a, err := repo.Load(p.shared.Workshop); err == nil {
			p.target = a
		}
		entries, _ := repo.List()
		for _, e := range entries {
			if !e.Damaged() && e.Assessment.Bank == p.shared.Bank && e.Assessment.Mode == p.shared.Mode {
				p.choices = append(p.choices, e)
			}
		}
	}
	p.arrive(ctx, "Add someone's ratings")
}

func (p *receivePage) Render() app.UI {
	if p.shared == nil && p.err == nil {
		// go-app draws a page once before OnNav has read the link.
		return p.shell(heading("Add someone's ratings"))
	}
	if p.err != nil {
		return p.shell(
			heading("These ratings could not be added"),
			app.Div().Class("alert alert-error").Role("alert").Body(app.P().ID("receive-error").Text(q.Plain(p.err))),
			app.P().Text("Nothing on this device was changed."),
			app.P().Body(app.A().Class("button").Href(PathHome).Text("Go to your assessments")),
		)
	}
	r := p.shared.Respondent
	who := r.Label(0)
	if r.Name == "" && r.Role == "" {
		who = "Someone (anonymous)"
	}
	return p.shell(
		heading("Add someone's ratings"),
		app.P().Class("lead").Body(userText(who), app.Textf(" rated %d questions.", len(r.Answers))),
		app.If(p.done != "", func() app.UI {
			return app.Div().Class("message").ID("receive-done").Role("status").Body(
				app.Text(p.done+" "), app.A().Href(link(PathDiscuss, p.target.ID)).Text("Compare ratings and agree"))
		}).ElseIf(p.target != nil, func() app.UI {
			return app.Div().Body(
				app.P().Body(app.Text("They are for the workshop on "), userText(projectName(p.target)), app.Text(".")),
				app.Button().Class("button").ID("receive-add").Text("Add to this workshop").
					OnClick(func(ctx app.Context, e app.Event) { p.add(p.target.ID) }),
			)
		}).ElseIf(len(p.choices) > 0, func() app.UI {
			return app.Div().Body(
				app.P().Text("The workshop this link is for is not on this device. Add the ratings to one that is:"),
				app.Ul().Class("list").Body(app.Range(p.choices).Slice(func(i int) app.UI {
					e := p.choices[i]
					return app.Li().Body(app.Button().Class("link-button").ID("receive-into-"+e.ID).Body(userText(projectName(e.Assessment))).
						OnClick(func(ctx app.Context, ev app.Event) { p.add(e.ID) }, app.EventScope(e.ID)))
				})),
			)
		}).Else(func() app.UI {
			return app.P().ID("receive-nowhere").Text("There is no workshop on this device for these ratings. Open the link on the facilitator's device.")
		}),
	)
}

// add puts the person's ratings into a workshop.
func (p *receivePage) add(id string) {
	a, err := repo.Load(id)
	if err != nil {
		p.err = err
		return
	}
	p.target = a
	replaced := a.PutRespondent(p.shared.Respondent)
	p.save(a)
	p.done = "Added to " + projectName(a) + "."
	if replaced {
		p.done = "Their earlier ratings were replaced with these."
	}
}

// sendBox offers a person's answers as a link and QR code for the
// facilitator, on their own device.
func (p *page) sendBox(rid string) app.UI {
	for _, r := range p.a.Respondents {
		if r.ID != rid {
			continue
		}
		frag, err := q.EncodeLink(q.LookupBank(p.a.Bank), p.a.ID, p.a.Mode, r)
		if err != nil {
			return app.P().Class("hint").Text("Your answers cannot go in a link: " + err.Error() + " Export a file instead.")
		}
		return shareBox("send", "Send your ratings to the facilitator", p.origin+PathReceive+"#"+frag,
			"Let the facilitator scan this code, or send them the link. It carries your ratings only; your notes stay here.")
	}
	return nil
}
