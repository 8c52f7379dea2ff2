package app

import (
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	q "github.com/nasss-toolkit/nasss/questionnaire"
)

// startPage asks for the project's details and the mode, for a new
// assessment or (with ?a=ID) to change an existing one's.
type startPage struct {
	page

	editing bool
	// workshop is set when the page sets up a workshop: it goes on to
	// the people coming rather than the first question.
	workshop bool
	project  q.Project
	mode     q.Mode
	role     q.Role
	errs     []fieldError
	// shown is what the fields held when drawn; see domainPage.shown.
	shown     q.Project
	shownMode q.Mode
}

func (p *startPage) OnNav(ctx app.Context) {
	p.errs = nil
	p.editing = ctx.Page().URL().Query().Get("a") != ""
	if p.editing {
		p.load(ctx)
		if p.a != nil {
			p.project, p.mode, p.role = p.a.Project, p.a.Mode, p.a.RoleOf()
		}
		p.shown, p.shownMode = p.project, p.mode
		p.arrive(ctx, "Project details")
		return
	}
	p.a, p.project, p.mode = nil, q.Project{}, ""
	p.shown, p.shownMode = p.project, p.mode
	p.workshop = ctx.Page().URL().Query().Get("workshop") != ""
	p.role = ""
	p.arrive(ctx, p.title())
}

// title names the page: starting an assessment alone, or a workshop.
func (p *startPage) title() string {
	switch {
	case p.editing:
		return "Project details"
	case p.workshop:
		return "Set up a workshop"
	}
	return "Start a new assessment"
}

func (p *startPage) Render() app.UI {
	if p.editing && p.a == nil {
		return p.notFound()
	}
	title, button := p.title(), "Continue"
	switch {
	case p.editing:
		button = "Save and go back"
	case p.workshop:
		button = "Set up the workshop"
	}
	key := "start/new"
	if p.workshop {
		key = "start/workshop"
	}
	if p.editing {
		key = "start/" + p.a.ID
	}
	return p.shell(
		app.If(p.editing, func() app.UI { return p.saveStatus() }),
		&fresh{Key: key, body: func() []app.UI { return p.form(title, button) }},
	)
}

func (p *startPage) form(title, button string) []app.UI {
	return []app.UI{
		heading(title),
		app.If(!p.editing, func() app.UI {
			if p.workshop {
				return app.P().Class("lead").Text("Name the project and choose the questions. Next, add the people who are coming, if you know them; " +
					"others can join on their own device, or take turns on this one.")
			}
			return app.P().Body(app.Text("Several people rating together? "),
				app.A().ID("to-workshop").Href(PathStart+"?workshop=1").Text("Run a workshop instead"), app.Text("."))
		}),
		errorSummary(p.errs),
		app.Form().ID("details").OnSubmit(p.submit).Body(
			app.Div().Class("form-group").Body(
				app.FieldSet().Class("fieldset").Body(
					app.Legend().Class("legend legend-m").Text("Who is assessing?"),
					app.Div().Class("hint").Text("It changes how the questions and the checks are worded, not what they measure. You can change it later."),
					app.Range(q.Roles).Slice(func(i int) app.UI {
						r := q.Roles[i]
						return radio("role", "role-"+string(r), string(r), r.Label(), r.Hint(), p.roleShown() == r, func(v string) { p.setRole(q.Role(v)) })
					}),
				),
			),
			app.If(p.roleShown() == q.Builder, func() app.UI {
				return p.field(textField, "project-setting", "Which setting is this assessment about?",
					"For example, care homes, GP practices or a hospital trust. Assess each setting you sell into on its own, then put them side by side.",
					q.NameText, func(pr *q.Project) *string { return &pr.Setting })
			}),
			p.field(textField, "project-name", "Project name", "For example, video consultations in outpatient clinics.", q.NameText, func(pr *q.Project) *string { return &pr.Name }),
			p.field(textField, "project-organisation", "Organisation (optional)", "", q.NameText, func(pr *q.Project) *string { return &pr.Organisation }),
			p.field(textField, "project-technology", "Technology (optional)", "What is being introduced, in a few words.", q.NameText, func(pr *q.Project) *string { return &pr.Technology }),
			app.Div().Class("panel panel-about").Body(
				app.H2().ID("about-project").Text("About the project"),
				app.P().Class("hint").Text("Optional, but worth a few minutes: these answers frame every result, and they go on the first page of the report for your board."),
				p.field(noteField, "project-problem", "What problem does it solve, and for whom?", "For example, long waits for outpatient follow-up for people who live far from the hospital.", q.AboutText, func(pr *q.Project) *string { return &pr.Problem }),
				app.Div().Class("form-group").Body(
					app.FieldSet().Class("fieldset").Body(
						app.Legend().Class("legend").Text("What stage is it at?"),
						app.Range(q.Stages).Slice(func(i int) app.UI {
							st := q.Stages[i]
							return radio("stage", "stage-"+string(st), string(st), st.Label(), "", p.shown.Stage == st, func(v string) { p.setStage(q.Stage(v)) })
						}),
					),
				),
				p.field(noteField, "project-success", "What would success look like?", "What you would see, and by when, if it worked.", q.AboutText, func(pr *q.Project) *string { return &pr.Success }),
				p.field(noteField, "project-decision", "What decision is this assessment for?", "For example, whether to go ahead, what to change before a pilot, or whether to spread it.", q.AboutText, func(pr *q.Project) *string { return &pr.Decision }),
			),
			p.field(noteField, "project-notes", "Notes (optional)", "Anything that helps the team remember the context.", q.NoteText, func(pr *q.Project) *string { return &pr.Notes }),
			app.Div().Class(groupClass(p.errFor("mode-quick"))).Body(
				app.FieldSet().Class("fieldset").Aria("describedby", "mode-hint").Body(
					app.Legend().Class("legend legend-m").Text("How much time do you have?"),
					app.Div().Class("hint").ID("mode-hint").Text("They ask different questions. You can switch later: your answers to the other kind are kept, and come back if you switch again."),
					fieldErrorText("mode", p.errFor("mode-quick")),
					radio("mode", "mode-quick", string(q.Quick), "Quick scan",
						"7 questions, one for each domain. About 5 minutes.", p.shownMode == q.Quick, func(v string) { p.setMode(q.Mode(v)) }),
					radio("mode", "mode-full", string(q.Full), "Full assessment",
						"24 questions, with room for notes and reflections. About 45 minutes.", p.shownMode == q.Full, func(v string) { p.setMode(q.Mode(v)) }),
				),
			),
			app.Button().Type("submit").Class("button").ID("continue").Text(button),
		),
	}
}

// field is one of the project's text fields, shown as typed and kept by
// detail.
func (p *startPage) field(kind func(id, label, hint, value string, rule q.TextRule, err string, set func(app.Context, string)) app.UI,
	id, label, hint string, rule q.TextRule, of func(*q.Project) *string) app.UI {
	return kind(id, label, hint, *of(&p.shown), rule, p.errFor(id), func(_ app.Context, v string) { p.detail(id, rule, v, of) })
}

// detail takes a project detail as typed. An existing assessment keeps it
// at once, like every other answer, if it keeps to its rule (and a name is
// not left empty); a new one is checked and saved when it is started.
func (p *startPage) detail(id string, rule q.TextRule, v string, field func(*q.Project) *string) {
	*field(&p.project) = v
	if !p.editing || p.a == nil || id == "project-name" && strings.TrimSpace(v) == "" {
		return
	}
	old := *field(&p.a.Project)
	if old != v {
		p.setText(id, rule, old, v, func(s string) { *field(&p.a.Project) = s })
	}
}

// setStage takes the project's stage as chosen, keeping it at once when
// editing.
func (p *startPage) setStage(st q.Stage) {
	p.project.Stage = st
	if p.editing && p.a != nil && st != p.a.Project.Stage {
		old := p.a.Project.Stage
		p.try("stage-"+string(st), func() { p.a.Project.Stage = st }, func() { p.a.Project.Stage = old })
	}
}

// roleShown is who is assessing as the form shows it: the choice made,
// else a facilitator for a workshop and an implementer otherwise. The
// form is first drawn before OnNav runs, so a default set there would
// not show.
func (p *startPage) roleShown() q.Role {
	switch {
	case p.role != "":
		return p.role
	case p.workshop:
		return q.Facilitator
	}
	return q.Implementer
}

// setRole takes who is assessing as chosen, keeping it at once when
// editing.
func (p *startPage) setRole(r q.Role) {
	p.role = r
	if p.editing && p.a != nil && r.Valid() && r != p.a.RoleOf() {
		old := p.a.Role
		p.try("role-"+string(r), func() { p.a.Role = r }, func() { p.a.Role = old })
	}
}

// setMode takes the mode as chosen, keeping it at once when editing.
func (p *startPage) setMode(m q.Mode) {
	p.mode = m
	if p.editing && p.a != nil && m.Valid() && m != p.a.Mode {
		old := p.a.Mode
		p.try("mode-quick", func() { p.a.Mode = m }, func() { p.a.Mode = old })
	}
}

func (p *startPage) errFor(id string) string { return firstError(p.errs, id, p.fieldError) }

func (p *startPage) submit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	p.project.Name = strings.TrimSpace(p.project.Name)
	p.errs = nil
	if p.project.Name == "" {
		p.errs = append(p.errs, fieldError{"project-name", "Enter a name for the project"})
	}
	for _, f := range []struct {
		id, label string
		rule      q.TextRule
		v         string
	}{
		{"project-name", "The project name", q.NameText, p.project.Name},
		{"project-organisation", "The organisation", q.NameText, p.project.Organisation},
		{"project-technology", "The technology", q.NameText, p.project.Technology},
		{"project-problem", "The problem", q.AboutText, p.project.Problem},
		{"project-success", "What success looks like", q.AboutText, p.project.Success},
		{"project-decision", "The decision", q.AboutText, p.project.Decision},
		{"project-notes", "The notes", q.NoteText, p.project.Notes},
		{"project-setting", "The setting", q.NameText, p.project.Setting},
	} {
		if err := f.rule.Check(f.rule.CleanText(f.v)); err != nil {
			p.errs = append(p.errs, fieldError{f.id, f.label + " " + err.Error()})
		}
	}
	if !p.mode.Valid() {
		p.errs = append(p.errs, fieldError{"mode-quick", "Choose a quick scan or a full assessment"})
	}
	if len(p.errs) > 0 {
		focusElement("error-summary")
		return
	}
	if p.editing {
		if p.a.Project == p.project && p.a.Mode == p.mode && p.a.RoleOf() == p.role || p.try("continue", func() {}, func() {}) {
			ctx.Navigate(PathHome)
		}
		return
	}
	a := q.New(q.Default(), q.NewID(), p.mode, time.Now())
	a.Project, a.Role = p.project, p.roleShown()
	d, err := repo.Create(a)
	p.doc, p.a = d, a
	if err != nil && refusal(err) {
		p.errs = append(p.errs, fieldError{"project-name", q.Plain(err)})
		focusElement("error-summary")
		return
	}
	if err == nil || d.State == NotSaved {
		if p.workshop {
			ctx.Navigate(link(PathWorkshop, a.ID))
			return
		}
		ctx.Navigate(link(PathDomain, a.ID, "d", "1"))
	}
}

// typed holds, by field ID, how many characters a text area holds as
// typed, for its counter: what it was drawn with is older. Each page
// starts it afresh.
var typed = map[string]int{}

// charCount says how full a text area is, from four fifths full: a box
// that stops taking text with no word is a box that loses it.
func charCount(id string, n, most int) app.UI {
	count := app.P().Class("char-count").ID(id + "-count")
	switch {
	case n >= most:
		return count.Class("char-count-full").Role("status").
			Textf("This box is full: it holds %s characters, and text past that, typed or pasted, is not kept.", q.Thousands(most))
	case n*5 >= most*4:
		return count.Textf("%s of %s characters", q.Thousands(n), q.Thousands(most))
	}
	return count.Hidden(true)
}

func describedBy(id, hint, err string) string {
	var ids []string
	if hint != "" {
		ids = append(ids, id+"-hint")
	}
	if err != "" {
		ids = append(ids, id+"-error")
	}
	return strings.Join(ids, " ")
}
