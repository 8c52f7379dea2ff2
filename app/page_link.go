package app

import (
	"cmp"
	"fmt"
	"maps"
	"net/url"
	"slices"
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
	// A builder's workshop asks its questions in a maker's words, about
	// one setting: the people joining read them so too.
	if a.RoleOf() == q.Builder {
		v.Set("r", string(q.Builder))
		if a.Project.Setting != "" {
			v.Set("s", a.Project.Setting)
		}
	}
	return v.Encode()
}

// joinPage lets a person join a workshop on their own device.
type joinPage struct {
	page
	workshop, project string
	mode              q.Mode
	// as and setting are the workshop's role and setting, from the link.
	as         q.Role
	setting    string
	name, role string
	bad        bool
	errs       []fieldError
}

func (p *joinPage) OnNav(ctx app.Context) {
	v, err := url.ParseQuery(ctx.Page().URL().Fragment)
	p.workshop, p.mode = v.Get("w"), q.Mode(v.Get("m"))
	p.project = q.NameText.CleanText(v.Get("p"))
	p.as, p.setting = q.Role(v.Get("r")), q.NameText.CleanText(v.Get("s"))
	// The link's contents go through the rules of a file, as they will be
	// stored in one; a link that breaks them is refused without repeating it.
	check := q.New(q.Default(), p.workshop, q.Quick, time.Now())
	check.Project.Name, check.Project.Setting, check.Role = p.project, p.setting, p.as
	p.bad = err != nil || !p.mode.Valid() || check.Validate() != nil
	p.errs = nil
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
	// Keyed by the workshop: go-app draws the page once before OnNav has
	// read the link, and a component with the same key is not drawn again.
	return p.shell(&fresh{Key: "join/" + p.workshop, body: func() []app.UI {
		return []app.UI{
			heading("Join the workshop"),
			errorSummary(p.errs),
			app.P().Class("lead").ID("join-project").Body(app.Text("You have been asked to rate "), app.Strong().Body(userText(projectName(&q.Assessment{Project: q.Project{Name: p.project}}))),
				app.Text(" on your own. Your answers stay on this device until you choose to send them to the facilitator.")),
			app.Form().OnSubmit(p.start).Body(
				textField("join-name", "Your name (optional)", "", "", q.LinkNameText, p.errFor("join-name"), func(_ app.Context, v string) { p.name = v }),
				textField("join-role", "Your role (optional)", "For example, community nurse.", "", q.LinkNameText, p.errFor("join-role"), func(_ app.Context, v string) { p.role = v }),
				app.Button().Type("submit").Class("button").ID("join-start").Text("Start rating"),
			),
		}
	}})
}

func (p *joinPage) errFor(id string) string {
	for _, e := range p.errs {
		if e.ID == id {
			return e.Msg
		}
	}
	return ""
}

func (p *joinPage) start(ctx app.Context, e app.Event) {
	e.PreventDefault()
	r := q.Respondent{ID: q.NewRespondentID(), Answers: map[string]q.Answer{},
		Name: q.LinkNameText.CleanText(strings.TrimSpace(p.name)), Role: q.LinkNameText.CleanText(strings.TrimSpace(p.role))}
	p.errs = nil
	for _, f := range []struct{ id, label, v string }{{"join-name", "Your name", r.Name}, {"join-role", "Your role", r.Role}} {
		if err := q.LinkNameText.Check(f.v); err != nil {
			p.errs = append(p.errs, fieldError{f.id, f.label + " " + err.Error()})
		}
	}
	if len(p.errs) > 0 {
		focusElement("error-summary")
		return
	}
	noteJoined(p.workshop, r.ID)
	// Someone joining twice on one device rates again as a new person in
	// the same workshop record.
	if d, err := repo.Open(p.workshop); err == nil {
		p.doc, p.a = d, d.A
		if !p.try("join-start", func() { d.A.Respondents = append(d.A.Respondents, r) },
			func() { d.A.Respondents = d.A.Respondents[:len(d.A.Respondents)-1] }) {
			p.errs = append(p.errs, fieldError{"join-name", p.fieldError("join-start")})
			focusElement("error-summary")
			return
		}
	} else {
		a := q.New(q.Default(), p.workshop, p.mode, time.Now())
		a.Project.Name, a.Project.Setting, a.Role = p.project, p.setting, p.as
		a.Respondents = []q.Respondent{r}
		d, err := repo.Create(a)
		p.doc, p.a = d, a
		if err != nil && refusal(err) {
			repo.Forget(a.ID)
			p.errs = append(p.errs, fieldError{"join-name", q.Plain(err)})
			focusElement("error-summary")
			return
		}
	}
	ctx.Navigate(link(PathDomain, p.workshop, "d", "1", "r", r.ID, "via", "join"))
}

// receivePage takes a person's answers link into a workshop on this
// device. Before it replaces anyone's ratings it says whose, how many
// answers would change, and whether the link's are the older.
type receivePage struct {
	page
	shared  *q.SharedAnswers
	err     error
	done    string
	choices []Entry
}

func (p *receivePage) OnNav(ctx app.Context) {
	p.shared, p.err = q.DecodeLink(ctx.Page().URL().Fragment)
	p.done, p.choices = "", nil
	p.doc, p.a = nil, nil
	if p.err == nil {
		p.open(p.shared.Workshop)
		entries, _ := repo.List()
		for _, e := range entries {
			if !e.Damaged() && e.Summary.Bank == p.shared.Bank && e.Summary.Mode == p.shared.Mode {
				p.choices = append(p.choices, e)
			}
		}
	}
	p.arrive(ctx, "Add someone's ratings")
}

// sharedLabel is how the person the link is from is named.
func (p *receivePage) sharedLabel() string {
	r := p.shared.Respondent
	if r.Name == "" && r.Role == "" {
		return "Someone (anonymous)"
	}
	return r.Label(0)
}

func (p *receivePage) Render() app.UI {
	if p.shared == nil && p.err == nil {
		// go-app draws a page once before OnNav has read the link.
		return p.shell(heading("Add someone's ratings"))
	}
	if p.err != nil {
		return p.shell(
			heading("These ratings could not be added"),
			app.Div().Class("alert alert-error").Role("alert").Body(app.P().ID("receive-error").Text(sentence(q.Plain(p.err)))),
			app.P().Text("Nothing on this device was changed."),
			app.P().Body(app.A().Class("button").Href(PathHome).Text("Go to your assessments")),
		)
	}
	r := p.shared.Respondent
	return p.shell(
		heading("Add someone's ratings"),
		// Nothing is saved here until the person chooses.
		app.If(p.done != "" || p.doc != nil && p.doc.State == NotSaved, func() app.UI { return p.saveStatus() }),
		app.P().Class("lead").Body(userText(p.sharedLabel()), app.Textf(" rated %d %s%s.", len(r.Answers), plural(len(r.Answers), "question", "questions"), ratedText(r.Rated))),
		app.If(p.done != "", func() app.UI {
			return app.Div().Class("message").ID("receive-done").TabIndex(-1).Role("status").Body(
				app.Text(p.done+" "), app.If(p.a != nil, func() app.UI {
					return app.A().Href(link(PathDiscuss, p.a.ID)).Text("Compare ratings and agree")
				}))
		}).ElseIf(p.a != nil, func() app.UI {
			return p.plan()
		}).ElseIf(len(p.choices) > 0, func() app.UI {
			return app.Div().Body(
				app.P().Text("The workshop this link is for is not on this device. Add the ratings to one that is:"),
				app.Ul().Class("list").Body(app.Range(p.choices).Slice(func(i int) app.UI {
					e := p.choices[i]
					return app.Li().Body(app.Button().Class("link-button").ID("receive-into-"+e.ID).Body(userText(projectName(&q.Assessment{Project: q.Project{Name: e.Summary.Name}}))).
						OnClick(func(ctx app.Context, ev app.Event) { p.open(e.ID) }, app.EventScope(e.ID)))
				})),
			)
		}).Else(func() app.UI {
			return app.P().ID("receive-nowhere").Text("There is no workshop on this device for these ratings. Open the link on the facilitator's device.")
		}),
	)
}

// ratedText says when ratings were made, if the link says.
func ratedText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return ", last on " + dateTime(t)
}

// plan says what adding the ratings to the chosen workshop would do, and
// asks before anything is replaced. The safe choice is always the main
// button: keep what is here when the link is older, add a new person when
// the link names someone else.
func (p *receivePage) plan() app.UI {
	shared := p.shared.Respondent
	into := []app.UI{app.P().Body(app.Text("They are for the workshop on "), userText(projectName(p.a)), app.Text("."))}
	if p.shared.Workshop != p.a.ID {
		into = append(into, app.P().Class("hint").Text("The link was made for another workshop. Add the ratings here only if this person belongs to this one."))
	}
	into = append(into, fieldErrorText("receive-add", p.fieldError("receive-add")))
	i := slices.IndexFunc(p.a.Respondents, func(r q.Respondent) bool { return r.ID == shared.ID })
	if j := expected(p.a, shared.Name); i < 0 && j >= 0 {
		// The facilitator added this person before they joined.
		fill := shared
		fill.ID, fill.Role = p.a.Respondents[j].ID, cmp.Or(shared.Role, p.a.Respondents[j].Role)
		return app.Div().Body(append(into,
			app.P().ID("receive-match").Body(app.Strong().Body(userText(p.a.Respondents[j].Label(j))),
				app.Text(" is already on this workshop's list, with no ratings yet. Are these their ratings?")),
			app.Div().Class("button-group").Body(
				app.Button().Class("button").ID("receive-fill").Textf("Yes, fill in %s's ratings", p.a.Respondents[j].Label(j)).
					OnClick(func(ctx app.Context, e app.Event) { p.add(fill, "Filled in "+fill.Label(j)+"'s ratings.") }),
				app.Button().Class("button button-secondary").ID("receive-add").Text("No, add someone new").
					OnClick(func(ctx app.Context, e app.Event) { p.add(shared, "Added to "+projectName(p.a)+".") }),
			),
		)...)
	}
	if i < 0 {
		return app.Div().Body(append(into,
			app.Button().Class("button").ID("receive-add").Text("Add to this workshop").
				OnClick(func(ctx app.Context, e app.Event) { p.add(shared, "Added to "+projectName(p.a)+".") }))...)
	}
	here := p.a.Respondents[i]
	who := here.Label(i)
	if i == 0 {
		who += ", the first person in this workshop (often whoever set it up)"
	}
	changes := changedAnswers(here, shared)
	sameName := here.Name == shared.Name && here.Role == shared.Role
	if changes == 0 && sameName {
		return app.Div().Body(append(into, app.P().ID("receive-same").Text("These ratings are already in the workshop: nothing would change."))...)
	}
	asNew := shared
	asNew.ID = q.NewRespondentID()
	addNew := func(class string) app.UI {
		return app.Button().Class(class).ID("receive-as-new").Text("Add them as a new person").
			OnClick(func(ctx app.Context, e app.Event) { p.add(asNew, "Added as a new person to "+projectName(p.a)+".") })
	}
	replace := func(class, label, done string) app.UI {
		return app.Button().Class(class).ID("receive-replace-yes").Text(label).
			OnClick(func(ctx app.Context, e app.Event) { p.add(shared, done) })
	}
	leave := app.A().Class("link").ID("receive-cancel").Href(link(PathWorkshop, p.a.ID)).Text("Leave the workshop as it is")
	answers := fmt.Sprintf("%d %s", changes, plural(changes, "answer", "answers"))
	var title string
	var text []app.UI
	var buttons []app.UI
	switch older := !shared.Rated.IsZero() && !here.Rated.IsZero() && shared.Rated.Before(here.Rated); {
	case older:
		title = "These ratings are older than the ones here"
		text = []app.UI{app.P().Body(userText(who), app.Textf("'s ratings here were made %s; the link's, %s. Adding these would undo %d newer %s.",
			dateTime(here.Rated), dateTime(shared.Rated), changes, plural(changes, "rating", "ratings")))}
		buttons = []app.UI{
			app.Button().Class("button").ID("receive-keep").Text("Keep the newer ratings").
				OnClick(func(ctx app.Context, e app.Event) { p.finish("Nothing was changed: the newer ratings are kept.") }),
			replace("button button-warning", "Replace them with these older ratings", "The newer ratings were replaced with these older ones."),
		}
	case !sameName:
		title = "Someone with the same ID is already here"
		text = []app.UI{app.P().Body(app.Text("The link names them "), app.Strong().Body(userText(p.sharedLabel())),
			app.Text("; on this device that person is "), app.Strong().Body(userText(who)),
			app.Textf(". Replacing would change %s, and their name.", answers))}
		buttons = []app.UI{addNew("button"), replace("button button-warning", "Replace their ratings", "Their ratings and name were replaced with these."), leave}
	default:
		title = "Updated ratings from " + here.Label(i)
		when := ""
		if !shared.Rated.IsZero() {
			when = " These were made " + dateTime(shared.Rated) + "."
		}
		text = []app.UI{app.P().Textf("%s would change.%s", strings.ToUpper(answers[:1])+answers[1:], when)}
		buttons = []app.UI{replace("button", "Update their ratings", "Their ratings were updated: "+answers+" changed."), addNew("button button-secondary"), leave}
	}
	return app.Div().Body(append(into,
		app.Div().Class("alert alert-warning").ID("receive-replace").Role("group").Aria("labelledby", "receive-replace-title").Body(
			append([]app.UI{app.H2().ID("receive-replace-title").Class("alert-title").Text(title)}, text...)...),
		app.Div().Class("button-group").Body(buttons...),
	)...)
}

// expected finds the person added to a workshop, before they rated, under
// the same name as someone joining: names typed on two devices match
// whatever their case. It gives -1 when there is no such person.
func expected(a *q.Assessment, name string) int {
	name = strings.TrimSpace(name)
	if name == "" {
		return -1
	}
	return slices.IndexFunc(a.Respondents, func(r q.Respondent) bool {
		return strings.EqualFold(strings.TrimSpace(r.Name), name) && len(r.Answers) == 0
	})
}

// changedAnswers counts the items whose rating the link would change.
func changedAnswers(here, shared q.Respondent) int {
	n := 0
	for _, id := range unionKeys(here.Answers, shared.Answers) {
		if here.Answers[id].Level != shared.Answers[id].Level {
			n++
		}
	}
	return n
}

func unionKeys(a, b map[string]q.Answer) []string {
	keys := slices.Collect(maps.Keys(a))
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	return keys
}

// add puts the person's ratings into the workshop, keeping the notes they
// left on this device, which links do not carry.
func (p *receivePage) add(r q.Respondent, done string) {
	before := q.Clone(p.a)
	if !p.try("receive-add", func() { p.a.PutRespondent(r) }, func() { *p.a = *before }) {
		p.done = ""
		return
	}
	p.finish(done)
}

func (p *receivePage) finish(done string) {
	p.done = done
	focusElement("receive-done")
}

// sendBox offers a person's answers as a link and QR code for the
// facilitator, on their own device.
func (p *page) sendBox(rid string) app.UI {
	for _, r := range p.a.Respondents {
		if r.ID != rid {
			continue
		}
		b := q.LookupBank(p.a.Bank)
		var parts []app.UI
		if code, err := q.EncodeCode(b, p.a.ID, p.a.Mode, r.Answers); err == nil {
			parts = append(parts, app.Div().Class("panel send-code").ID("send-code").Body(
				app.H2().Text("Read out your code"),
				app.P().Text("No connection? Read this code to the facilitator, or show it. They type it on the device that holds "+
					"the workshop: their laptop or tablet, on its Workshop page."),
				app.P().Class("rating-code").ID("rating-code").Body(
					app.Span().Aria("hidden", "true").Text(code), hidden("Your code: "+spelled(code))),
				app.P().Class("hint").Text("The code carries your ratings only. Your notes stay on this device: to send them too, export the file below."),
			))
		}
		if frag, err := q.EncodeLink(b, p.a.ID, p.a.Mode, r); err == nil {
			parts = append(parts, shareBox("send", "Or send a link", p.origin+PathReceive+"#"+frag,
				"The link must be opened on the facilitator's device, the one that holds the workshop: on any other it cannot be added. "+
					"They can scan this picture on that device's Workshop page, or you can send them the link. It carries your ratings only."))
		}
		parts = append(parts, app.Div().Class("panel").Body(
			app.H2().Text("Or send a file, with your notes"),
			app.P().Text("Export your ratings and notes as a file, and send it to the facilitator, who adds it on the Workshop page."),
			app.Button().Class("button button-secondary").ID("send-file").Text("Export my file").
				OnClick(func(ctx app.Context, e app.Event) { p.exportFile(p.a) }),
		))
		return app.Div().ID("send-back").Body(parts...)
	}
	return nil
}

// spelled reads a code out character by character, as a screen reader
// should: "A B 1 2", not a word.
func spelled(code string) string {
	var out []string
	for _, r := range strings.ReplaceAll(code, " ", "") {
		out = append(out, string(r))
	}
	return strings.Join(out, " ")
}
