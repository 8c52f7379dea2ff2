package app

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/scoring"
)

const importInput = "import-files"

// homePage lists the assessments on this device and starts or imports one.
type homePage struct {
	page

	entries   []Entry
	listErr   error
	deleting  string // ID awaiting confirmation
	message   string // what the last action did
	problems  []importProblem
	conflicts []importClash
	choices   map[int]string // conflict's index → "both" or "replace"
	storage   storageState
	joined    map[string]string // workshop ID → who joined it on this device
	// remindedUntil is the day the reminder to keep copies was put off to.
	remindedUntil string
}

func (p *homePage) OnNav(ctx app.Context) {
	p.remindedUntil = ""
	p.refresh()
	p.arrive(ctx, "Your assessments")
}

func (p *homePage) refresh() {
	p.entries, p.listErr = repo.List()
	p.storage = readStorageState(p.entries)
	p.joined = joined()
}

// otherTabChanged lists the assessments afresh when another tab saves.
func (p *homePage) otherTabChanged(string) { p.refresh() }

func (p *homePage) Render() app.UI {
	return p.shell(
		fixed(homeIntro),
		p.importFeedback(),
		p.reminder(),
		app.H2().Text("Assessments on this device"),
		p.list(),
		app.If(app.IsClient && len(readable(p.entries)) >= scoring.MinSideBySide, func() app.UI {
			return app.P().ID("side-by-side-way-in").Body(
				app.A().ID("to-side-by-side").Href(PathSideBySide).Text("Put assessments side by side"),
				app.Text(": the same product in several settings, or the projects of one programme."))
		}),
		p.storagePanel(),
		app.H2().Text("Import assessment files"),
		app.P().Text("Choose one or more files exported from this tool (they end in .nasss.json). "+
			"A file that cannot be read changes nothing."),
		app.Div().Class("form-group").Body(
			app.Label().Class("label").For(importInput).Text("Choose files to import"),
			app.Input().Type("file").ID(importInput).Class("file-input").Multiple(true).
				Accept(".json,application/json").OnChange(p.onImport),
		),
	)
}

// homeIntro is the home page's heading, what the tool does, and the way
// in: the same for everyone, so fixed markup.
const homeIntro = `<div class="intro">` +
	`<h1 id="` + headingID + `" tabindex="-1">Assess the complexity of your technology project</h1>` +
	`<p class="lead">Technology projects in health and care often stall or are abandoned. ` +
	`This tool walks your team through the seven domains (areas) of the NASSS framework, ` +
	`shows where your project is complex, and suggests what to do about it.</p>` +
	`<ul class="list list-bullet">` +
	`<li>Quick scan: 7 questions, about 5 minutes.</li>` +
	`<li>Full assessment: 24 questions, about 45 minutes.</li>` +
	`<li>Your answers are saved on this device as you go. Nothing is sent anywhere.</li></ul>` +
	`<div class="button-group button-group-start"><a id="start" class="button button-start" href="` + PathStart + `">Start a new assessment</a>` +
	`<a id="start-workshop" class="button button-secondary button-start" href="` + PathStart + `?workshop=1">Run a workshop</a></div>` +
	`<p class="hint">A workshop: several people rate, each on their own or in turn on one device, then agree together. ` +
	`It works with no connection.</p></div>`

func (p *homePage) list() app.UI {
	if errors.Is(p.listErr, ErrNotKept) {
		return errorAlert(3, "This browser will not let the tool keep anything",
			"Private browsing, or a setting that blocks site data, can cause this. "+
				"You can still fill in an assessment, but export a file before you close the page.",
			p.listErr.Error())
	}
	if p.listErr != nil {
		return errorAlert(3, "This browser will not let the tool read its storage",
			"Private browsing, or a setting that blocks site data, can cause this. "+
				"You can still fill in an assessment, but export a file before you close the page.",
			p.listErr.Error())
	}
	if app.IsServer {
		// The server cannot know what this device holds: the words sent
		// before the app loads must not say "none".
		return app.P().ID("assessments-loading").Text("Your saved assessments show here once the tool has loaded.")
	}
	if len(p.entries) == 0 {
		return app.P().ID("no-assessments").Text("There are no assessments on this device yet.")
	}
	groups := groupSeries(p.entries)
	return app.Ul().Class("cards").ID("assessments").Body(
		app.Range(groups).Slice(func(i int) app.UI {
			g := groups[i]
			if g.Latest.Damaged() {
				return p.damagedCard(g.Latest)
			}
			return p.card(g)
		}),
	)
}

// card shows a project's latest assessment, when its next review is due,
// and the earlier ones under it.
func (p *homePage) card(g series) app.UI {
	e := g.Latest
	s := e.Summary
	name := cardName(s)
	return app.Li().Class("card").DataSet("id", e.ID).Body(
		app.H3().Class("card-title").Body(userText(name)),
		p.cardBody(e, name),
		app.If(len(g.Earlier) > 0 || s.Complete, func() app.UI { return p.reviewDue(e) }),
		app.If(len(g.Earlier) > 0, func() app.UI {
			return app.Details().Class("details card-earlier").ID("earlier-"+e.ID).Body(
				app.Summary().Class("details-summary").Body(
					app.Textf("Earlier assessments of this project (%d)", len(g.Earlier)), hidden(": "+name)),
				app.Ul().Class("card-earlier-list").Body(app.Range(g.Earlier).Slice(func(i int) app.UI {
					x := g.Earlier[i]
					label := x.Summary.Review
					if label == "" {
						label = "First assessment, " + x.Summary.Created.UTC().Format("2 January 2006")
					}
					return app.Li().Class("card-earlier-item").DataSet("id", x.ID).Body(
						app.H4().Class("card-earlier-title").Text(label),
						p.cardBody(x, cardName(x.Summary)),
					)
				})),
			)
		}),
	)
}

// cardName is a listed assessment's name, with its review's label.
func cardName(s Summary) string {
	name := s.Name
	if name == "" {
		name = "Untitled project"
	}
	if s.Setting != "" {
		name += " · " + s.Setting
	}
	if s.Review != "" {
		name += " · " + s.Review
	}
	return name
}

// reviewDue says when the project's next review is due, or that it is.
func (p *homePage) reviewDue(e Entry) app.UI {
	due, ok := e.Summary.NextReview.Time()
	if !ok {
		return nil
	}
	when := due.Format("2 January 2006")
	if !today().Before(due) {
		return app.P().Class("card-meta card-due card-overdue").ID("due-"+e.ID).Body(
			app.Strong().Text("A review was due on "+when+". "),
			app.A().Href(link(PathResults, e.ID)+"#reviews").Body(app.Text("Start the review"), hidden(" of "+cardName(e.Summary))),
		)
	}
	return app.P().Class("card-meta card-due").ID("due-"+e.ID).Body(
		app.Text("Next review due "+when+" ("),
		app.A().Href(link(PathResults, e.ID)+"#reviews").Body(app.Text("change"), hidden(" the date of the next review of "+cardName(e.Summary))),
		app.Text(")"),
	)
}

// cardBody is what a card shows of one assessment, and what can be done
// with it.
func (p *homePage) cardBody(e Entry, name string) app.UI {
	s := e.Summary
	mode := "Quick scan"
	if s.Mode == q.Full {
		mode = "Full assessment"
	}
	next, nextText := link(PathResults, e.ID), "View results"
	if !s.Complete {
		next, nextText = link(PathDomain, e.ID, "d", strconv.Itoa(s.FirstOpen)), "Continue"
	}
	return app.Div().Body(
		app.P().Class("card-meta").Textf("%s · %s · Last changed %s", mode, progressText(s.Answered, s.Applicable, s.NotApplicable), dateTime(s.Updated)),
		app.P().Class("card-meta card-export").Text(p.storage.exportedText(e)),
		app.Ul().Class("card-actions").Body(
			app.Li().Body(app.A().Class("button").Href(next).Body(app.Text(nextText), hidden(" "+name))),
			app.If(p.joined[e.ID] != "", func() app.UI {
				return app.Li().Body(app.A().Href(link(PathResults, e.ID, "r", p.joined[e.ID])).Body(app.Text("Send your ratings"), hidden(" for "+name)))
			}),
			app.Li().Body(app.A().Href(link(PathStart, e.ID)).Body(app.Text("Change details"), hidden(" of "+name))),
			app.Li().Body(app.A().Href(link(PathWorkshop, e.ID)).Body(app.Textf("Workshop (%d %s)", s.People, plural(s.People, "person", "people")), hidden(": "+name))),
			app.Li().Body(app.Button().Class("link-button").Body(app.Text("Export file"), hidden(" of "+name)).
				OnClick(func(ctx app.Context, ev app.Event) { p.export(e.ID) }, app.EventScope(e.ID))),
			app.Li().Body(app.Button().Class("link-button link-warning").ID("delete-"+e.ID).Body(app.Text("Delete"), hidden(" "+name)).
				OnClick(func(ctx app.Context, ev app.Event) {
					p.deleting, p.message = e.ID, ""
					focusElement("confirm-delete")
				}, app.EventScope(e.ID))),
		),
		app.If(p.deleting == e.ID, func() app.UI {
			return p.confirmDelete(e.ID, name, "This cannot be undone. Export a file first if you might need it again.", nil)
		}),
	)
}

// export downloads a listed assessment's file.
func (p *homePage) export(id string) {
	d, err := repo.Open(id)
	if err != nil {
		p.message = "It could not be exported: " + q.Plain(err)
		return
	}
	p.exportFile(d.A)
	p.message = p.reportMsg
	if p.reportErr != "" {
		p.message = p.reportErr
	}
	p.storage = readStorageState(p.entries)
}

// confirmDelete asks before deleting, offering what to keep first.
func (p *homePage) confirmDelete(id, name, advice string, first app.UI) app.UI {
	return app.Div().Class("alert alert-warning").Role("group").Aria("labelledby", "confirm-delete").Body(
		app.H4().ID("confirm-delete").TabIndex(-1).Class("alert-title").Body(app.Text("Delete "), userText(name), app.Text("?")),
		app.P().Text(advice),
		first,
		app.Div().Class("button-group").Body(
			app.Button().Class("button button-warning").ID("confirm-delete-yes").Text("Yes, delete it").
				OnClick(func(ctx app.Context, e app.Event) {
					if err := repo.Delete(id); err != nil {
						p.message = "It could not be deleted: " + err.Error()
					} else {
						p.message = "Deleted " + name + "."
					}
					p.deleting = ""
					p.refresh()
					focusElement("home-message")
				}, app.EventScope(id)),
			app.Button().Class("button button-secondary").ID("confirm-delete-no").Text("Cancel").
				OnClick(func(ctx app.Context, e app.Event) {
					p.deleting = ""
					focusElement("delete-" + id) // back where the person was
				}, app.EventScope(id)),
		),
	)
}

func (p *homePage) damagedCard(e Entry) app.UI {
	rescue := func(ctx app.Context, ev app.Event) {
		data, err := repo.Raw(e.ID)
		if err == nil {
			err = download("damaged-"+q.Slug(e.ID)+".txt", "text/plain", data)
		}
		if err != nil {
			p.message = "Its raw data could not be downloaded: " + err.Error()
		} else {
			p.message = "Its raw data is in your downloads, as damaged-" + q.Slug(e.ID) + ".txt."
		}
	}
	const name = "this damaged assessment"
	return app.Li().Class("card card-damaged").DataSet("id", e.ID).Body(
		app.H3().Class("card-title").Text("A damaged saved assessment"),
		app.P().Text("This record cannot be opened, so it is kept as it is. Download its raw data to recover what you can, or delete it. "+
			"Someone who knows JSON may be able to mend the download and import it again."),
		app.P().Class("hint").Textf("Stored under the name %s. Why it cannot be opened: %s.", e.ID, strings.TrimSuffix(q.Plain(e.Err), ".")),
		app.Ul().Class("card-actions").Body(
			app.Li().Body(app.Button().Class("button button-secondary").Text("Download its raw data").
				OnClick(rescue, app.EventScope(e.ID))),
			app.Li().Body(app.Button().Class("link-button link-warning").ID("delete-"+e.ID).Text("Delete it").
				OnClick(func(ctx app.Context, ev app.Event) {
					p.deleting, p.message = e.ID, ""
					focusElement("confirm-delete")
				}, app.EventScope(e.ID))),
		),
		app.If(p.deleting == e.ID, func() app.UI {
			return p.confirmDelete(e.ID, name, "Its raw data is the only copy of what it held, and deleting cannot be undone. Download it first if anyone might want it:",
				app.P().Body(app.Button().Class("button button-secondary").ID("confirm-delete-rescue").Text("Download its raw data first").
					OnClick(rescue, app.EventScope(e.ID))))
		}),
	)
}

func (p *homePage) onImport(ctx app.Context, e app.Event) {
	onFilesChosen(ctx, importInput, "home-message", p.importFiles)
}

// importFiles adds what it can at once and asks about ID clashes.
func (p *homePage) importFiles(files []pickedFile) {
	plan := planImport(files, repo.Exists)
	p.problems, p.conflicts = plan.Problems, plan.Conflicts
	p.choices = map[int]string{}
	added := 0
	for _, f := range plan.Ready {
		a := f.A
		if _, err := repo.Create(a); err != nil {
			repo.Forget(a.ID)
			p.problems = append(p.problems, importProblem{projectName(a), "it could not be saved on this device: " + q.Plain(err)})
			continue
		}
		added++
	}
	p.message = ""
	if added > 0 {
		p.message = fmt.Sprintf("Imported %d %s.", added, plural(added, "assessment", "assessments"))
	}
	p.refresh()
}

func (p *homePage) resolveConflicts(ctx app.Context, e app.Event) {
	e.PreventDefault()
	done := 0
	for i, c := range p.conflicts {
		a := c.A
		var err error
		switch p.choices[i] {
		case "replace":
			err = repo.Replace(a)
		case "both":
			a.ID = q.NewID()
			a.Project.Name = clipText(projectName(a), q.NameText.Max-len([]rune(importedCopy))) + importedCopy
			_, err = repo.Create(a)
		default:
			continue
		}
		if err != nil {
			repo.Forget(a.ID)
			p.problems = append(p.problems, importProblem{c.File, "it could not be saved on this device: " + q.Plain(err)})
			continue
		}
		done++
	}
	p.conflicts = nil
	p.message = fmt.Sprintf("Imported %d %s.", done, plural(done, "assessment", "assessments"))
	p.refresh()
	focusElement("home-message")
}

func (p *homePage) importFeedback() app.UI {
	return app.Div().Body(
		app.If(len(p.problems) > 0, func() app.UI {
			return app.Div().Class("error-summary").Role("alert").Body(
				app.H2().Class("error-summary-title").Text("Some files could not be imported"),
				app.P().Text("Nothing on this device was changed by these files."),
				app.Ul().Class("error-summary-list").Body(
					app.Range(p.problems).Slice(func(i int) app.UI {
						return app.Li().Body(app.Strong().Body(userText(p.problems[i].File)), app.Text(": "), userText(p.problems[i].Problem))
					}),
				),
			)
		}),
		app.P().ID("home-message").Class("message").TabIndex(-1).Role("status").Text(p.message),
		app.If(len(p.conflicts) > 0, func() app.UI {
			return app.Form().Class("panel").OnSubmit(p.resolveConflicts).Body(
				app.H2().Text("Already on this device"),
				app.Range(p.conflicts).Slice(func(i int) app.UI {
					c := p.conflicts[i]
					name := "conflict-" + strconv.Itoa(i)
					where, replace := " is already on this device. What should happen?", "Replace the one on this device with the one in this file"
					if c.Other != "" {
						where, replace = " is also in another file you chose. What should happen?", "Use this file's copy in place of the other file's"
					}
					return app.FieldSet().Class("fieldset").Body(
						app.Legend().Class("legend").Body(userText(projectName(c.A)), app.Text(where)),
						app.P().Class("hint").Body(app.Text("In "), userText(c.File), app.Text(". "), app.Text(p.clashDates(c))),
						radio(name, name+"-both", "both", "Keep both: add this file's as a copy", "", p.choices[i] == "both", func(v string) { p.choices[i] = v }),
						radio(name, name+"-replace", "replace", replace, "", p.choices[i] == "replace", func(v string) { p.choices[i] = v }),
					)
				}),
				app.Button().Type("submit").Class("button").Text("Finish importing"),
			)
		}),
	)
}

// importedCopy ends the name of an imported file kept beside its twin.
const importedCopy = " (imported copy)"

// clashDates says when each copy of a clashing assessment last changed,
// which is what people need to choose between them. The device's copy is
// in the list the page already shows.
func (p *homePage) clashDates(c importClash) string {
	text := "This file's copy was last changed " + dateTime(c.A.Updated)
	for _, e := range p.entries {
		if e.ID == c.A.ID && !e.Damaged() && c.Other == "" {
			text += "; the copy on this device, " + dateTime(e.Summary.Updated)
		}
	}
	return text + "."
}

// dateTime writes a time as people read it, in their time zone.
func dateTime(t time.Time) string {
	return t.Local().Format("2 January 2006 at 15:04")
}

// progressText says how far an assessment has got, counting questions
// marked not applicable as dealt with, so the total is the real number.
func progressText(answered, applicable, na int) string {
	text := fmt.Sprintf("%d of %d questions answered", answered+na, applicable+na)
	if na > 0 {
		text += fmt.Sprintf(" (%d not applicable)", na)
	}
	return text
}
