package app

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/scoring"
)

// workshopPage manages the people who rate: each answers on this device
// in turn (pass the device: nobody sees the others' answers), or sends a
// file the facilitator imports here. The discussion view then compares them.
type workshopPage struct {
	page
	newName, newRole string
	added            int
	message          string
	messageAt        string // which part of the page the message is about, to show it there
	problems         []importProblem
	// renaming and removing are the person whose card shows its rename
	// form or its removal's confirmation.
	renaming, removing string
	// codeName and code are a participant's rating code as typed.
	codeName, code string
	codes          int // remounts the code form empty after each one added
	packMsg        string
	// canScan is whether this browser can read QR codes with a camera;
	// scanning whether the camera is on; scanMsg what the scan found.
	canScan, scanning bool
	scanMsg           string
	// pageCtx is the page's own context: the button that starts a scan
	// is gone once it starts, and go-app drops work dispatched from a
	// context whose element is gone.
	pageCtx app.Context
}

// OnMount also asks whether a participant's picture can be scanned here:
// the offer shows only where it works.
func (p *workshopPage) OnMount(ctx app.Context) {
	p.page.OnMount(ctx)
	p.pageCtx = ctx
	canScan(func(ok bool) { ctx.Dispatch(func(app.Context) { p.canScan = ok }) })
}

// OnDismount turns the camera off when the page goes.
func (p *workshopPage) OnDismount() {
	p.scanning = false
	stopScan()
}

const workshopImport = "workshop-files"

func (p *workshopPage) OnNav(ctx app.Context) {
	p.load(ctx)
	p.message, p.messageAt, p.problems, p.renaming, p.removing = "", "", nil, "", ""
	p.scanMsg = ""
	p.arrive(ctx, "Workshop")
}

func (p *workshopPage) Render() app.UI {
	if p.a == nil {
		return p.notFound()
	}
	b := q.LookupBank(p.a.Bank)
	items := b.Items(p.a.Mode)
	total := len(items)
	return p.shell(
		app.A().Class("back-link").Href(PathHome).Text("Your assessments"),
		p.saveStatus(),
		app.Span().Class("caption").Body(userText(caption(p.a))),
		heading("Workshop"),
		app.P().Class("lead").Text("Each person rates on their own first. Then the group looks at where ratings differ, talks, and agrees a rating for each question."),
		app.H2().Textf("People rating (%d)", len(p.a.Respondents)),
		app.Ul().Class("cards").ID("respondents").Body(
			app.Range(p.a.Respondents).Slice(func(i int) app.UI {
				r := p.a.Respondents[i]
				answered := r.AnsweredOf(items)
				return app.Li().Class("card").DataSet("respondent", r.ID).Body(
					app.H3().Class("card-title").ID("person-"+r.ID).TabIndex(-1).Body(userText(r.Label(i))),
					app.P().Class("card-meta").Textf("%d of %d questions answered", answered, total),
					app.If(p.renaming == r.ID, func() app.UI { return &fresh{Key: "rename/" + r.ID, body: func() []app.UI { return p.renameForm(r) }} }).
						ElseIf(p.removing == r.ID, func() app.UI { return p.removeConfirm(i, r, items) }).
						Else(func() app.UI {
							return app.Ul().Class("card-actions").Body(
								app.Li().Body(app.A().Class("button button-secondary").ID("answer-"+r.ID).
									Href(link(PathDomain, p.a.ID, "d", "1", "r", r.ID)).
									Body(app.Text("Answer as this person"), hidden(": "+r.Label(i)))),
								app.Li().Body(app.Button().Class("link-button").ID("rename-"+r.ID).Body(app.Text("Rename"), hidden(": "+r.Label(i))).
									OnClick(func(ctx app.Context, e app.Event) {
										p.renaming, p.removing, p.newName, p.newRole = r.ID, "", r.Name, r.Role
										focusElement("rename-name")
									}, app.EventScope(r.ID))),
								app.Li().Body(app.Button().Class("link-button link-warning").ID("remove-"+r.ID).Body(app.Text("Remove"), hidden(": "+r.Label(i))).
									OnClick(func(ctx app.Context, e app.Event) {
										p.removing, p.renaming = r.ID, ""
										focusElement("remove-title")
									}, app.EventScope(r.ID))),
							)
						}),
				)
			}),
		),
		p.messageHere("people"),
		&fresh{Key: fmt.Sprint("person/", p.added), body: p.addPerson},
		p.messageHere("person"),
		&fresh{Key: fmt.Sprint("code/", p.codes), body: p.codeForm},
		p.messageHere("code"),
		app.If(p.canScan, p.scanPanel),
		shareBox("invite", "Invite people to rate on their own device", p.origin+PathJoin+"#"+joinFragment(p.a),
			"Show this code on a screen, or send the link. Each person rates alone, then sends you their ratings as a link or a file."),
		app.H2().Text("Add people's files"),
		app.P().Text("People who rated on their own device can export their file and send it to you. Their ratings join this workshop; a person imported twice is noticed."),
		app.Div().Class("form-group").Body(
			app.Label().Class("label").For(workshopImport).Text("Choose their files"),
			app.Input().Type("file").ID(workshopImport).Class("file-input").Multiple(true).
				Accept(".json,application/json").OnChange(p.onImport),
		),
		app.If(len(p.problems) > 0, func() app.UI {
			return app.Div().Class("error-summary").Role("alert").Body(
				app.H2().Class("error-summary-title").Text("Some files could not be added"),
				app.Ul().Class("error-summary-list").Body(
					app.Range(p.problems).Slice(func(i int) app.UI {
						return app.Li().Body(app.Strong().Body(userText(p.problems[i].File)), app.Text(": "), userText(p.problems[i].Problem))
					}),
				),
			)
		}),
		p.messageHere("files"),
		app.Section().Class("panel").ID("pack").Body(
			app.H2().Text("Facilitator's pack"),
			app.P().Text("A guide to running the workshop, with 60- and 90-minute agendas, prompts and what to do when people disagree, "+
				"and a paper questionnaire for anyone without a device. Print it before the day."),
			app.Button().Class("button button-secondary").ID("download-pack").Text("Download the facilitator's pack (PDF)").
				OnClick(func(ctx app.Context, e app.Event) { p.downloadPack(ctx) }),
			app.P().Class("message").ID("pack-message").Role("status").Text(p.packMsg),
		),
		app.Div().Class("button-group").Body(
			app.A().Class("button").ID("discuss").Href(link(PathDiscuss, p.a.ID)).Text("Compare ratings and agree"),
			app.A().Class("link").ID("tally").Href(link(PathTally, p.a.ID)).Text("Count a show of hands"),
			app.A().Class("link").Href(link(PathResults, p.a.ID)).Text("Results"),
			app.Button().Class("link-button").ID("export-csv").Text("Export for researchers (CSV)").
				OnClick(func(ctx app.Context, e app.Event) { p.exportCSV() }),
		),
		p.messageHere("csv"),
	)
}

func (p *workshopPage) addPerson() []app.UI {
	return []app.UI{
		app.Form().Class("panel").ID("add-person").OnSubmit(p.submitPerson).Body(
			app.H2().Text("Add a person"),
			app.P().Class("hint").Text("A name, a role, both or neither: people can stay anonymous."),
			textField("person-name", "Name (optional)", "", "", q.NameText, p.fieldError("person-name"), func(_ app.Context, v string) { p.newName = v }),
			textField("person-role", "Role (optional)", "For example, ward manager or patient representative.", "", q.NameText, p.fieldError("person-role"),
				func(_ app.Context, v string) { p.newRole = v }),
			app.Button().Type("submit").Class("button button-secondary").ID("add-person-button").Text("Add this person"),
		),
	}
}

// downloadPack makes the facilitator's pack with the PDF worker.
func (p *workshopPage) downloadPack(ctx app.Context) {
	a := p.a
	file, err := q.Encode(a)
	if err != nil {
		p.packMsg = "The pack could not be made: " + err.Error()
		return
	}
	p.packMsg = "Making the pack…"
	day := today()
	choices, _ := json.Marshal(reportChoices{Document: "pack"})
	renderPDF(file, day.Format(time.DateOnly), string(choices), func(data []byte, err error) {
		ctx.Dispatch(func(ctx app.Context) {
			if err == nil {
				err = download(q.PackFileName(a, day), "application/pdf", data)
			}
			p.packMsg = "The pack is ready: look in your downloads."
			if err != nil {
				p.packMsg = "The pack could not be made: " + err.Error()
			}
		})
	})
}

// renameForm changes a person's name and role, the first person's too.
func (p *workshopPage) renameForm(r q.Respondent) []app.UI {
	return []app.UI{
		app.Form().ID("rename").OnSubmit(func(ctx app.Context, e app.Event) {
			e.PreventDefault()
			p.rename(r.ID)
		}).Body(
			textField("rename-name", "Name", "", r.Name, q.NameText, p.fieldError("rename-name"), func(_ app.Context, v string) { p.newName = v }),
			textField("rename-role", "Role", "", r.Role, q.NameText, p.fieldError("rename-role"), func(_ app.Context, v string) { p.newRole = v }),
			app.Div().Class("button-group button-group-tight").Body(
				app.Button().Type("submit").Class("button button-secondary").ID("rename-save").Text("Save"),
				app.Button().Type("button").Class("link-button").ID("rename-cancel").Text("Cancel").
					OnClick(func(ctx app.Context, e app.Event) { p.renaming = ""; focusElement("person-" + r.ID) }),
			),
		),
	}
}

func (p *workshopPage) rename(id string) {
	name, role := q.NameText.CleanText(strings.TrimSpace(p.newName)), q.NameText.CleanText(strings.TrimSpace(p.newRole))
	delete(p.refused, "rename-name")
	delete(p.refused, "rename-role")
	for _, f := range []struct{ id, label, v string }{{"rename-name", "The name", name}, {"rename-role", "The role", role}} {
		if err := q.NameText.Check(f.v); err != nil {
			p.refuse(f.id, f.label+" "+err.Error()+".")
			focusElement(f.id)
			return
		}
	}
	i := slices.IndexFunc(p.a.Respondents, func(r q.Respondent) bool { return r.ID == id })
	if i < 0 {
		return
	}
	old := p.a.Respondents[i]
	if !p.try("rename-name", func() { p.a.Respondents[i].Name, p.a.Respondents[i].Role = name, role },
		func() { p.a.Respondents[i] = old }) {
		focusElement("rename-name")
		return
	}
	p.renaming, p.newName, p.newRole = "", "", ""
	p.say("people", "Renamed "+old.Label(i)+" to "+p.a.Respondents[i].Label(i)+".")
	focusElement("workshop-message")
}

// removeConfirm says what removing a person loses, before anything goes.
func (p *workshopPage) removeConfirm(i int, r q.Respondent, items []*q.Item) app.UI {
	ratings, notes := 0, 0
	for _, it := range items {
		if r.Answers[it.ID].Level.Answered() {
			ratings++
		}
		if r.Answers[it.ID].Note != "" {
			notes++
		}
	}
	last := len(p.a.Respondents) == 1
	return app.Div().Class("alert alert-warning").Role("group").Aria("labelledby", "remove-title").Body(
		app.H4().Class("alert-title").ID("remove-title").TabIndex(-1).Textf("Remove %s?", r.Label(i)),
		app.If(last, func() app.UI {
			return app.P().Text("A workshop keeps at least one person. Add the next person first, then remove this one.")
		}).Else(func() app.UI {
			return app.P().Textf("Their %d %s and %d %s will go from this workshop, and cannot be brought back. "+
				"Agreed ratings stay. To keep a copy, export the file first.",
				ratings, plural(ratings, "rating", "ratings"), notes, plural(notes, "note", "notes"))
		}),
		app.Div().Class("button-group button-group-tight").Body(
			app.If(!last, func() app.UI {
				return app.Button().Class("button button-warning").ID("remove-yes").Textf("Remove %s", r.Label(i)).
					OnClick(func(ctx app.Context, e app.Event) { p.remove(r.ID) }, app.EventScope(r.ID))
			}),
			app.Button().Class("link-button").ID("remove-no").Textf("Keep %s", r.Label(i)).
				OnClick(func(ctx app.Context, e app.Event) { p.removing = ""; focusElement("person-" + r.ID) }, app.EventScope(r.ID)),
		),
	)
}

func (p *workshopPage) remove(id string) {
	i := slices.IndexFunc(p.a.Respondents, func(r q.Respondent) bool { return r.ID == id })
	if i < 0 || len(p.a.Respondents) < 2 {
		return
	}
	before := slices.Clone(p.a.Respondents)
	label := before[i].Label(i)
	if !p.try("remove-"+id, func() { p.a.Respondents = slices.Delete(p.a.Respondents, i, i+1) }, func() { p.a.Respondents = before }) {
		p.say("people", p.fieldError("remove-"+id))
		focusElement("workshop-message")
		return
	}
	p.removing = ""
	p.say("people", "Removed "+label+".")
	focusElement("workshop-message")
}

// codeForm takes a participant's rating code, typed as they read it out:
// the way back with no network and no camera.
func (p *workshopPage) codeForm() []app.UI {
	n := q.CodeLength(p.a.Mode)
	return []app.UI{
		app.Form().Class("panel").ID("add-code").OnSubmit(p.submitCode).Body(
			app.H2().Text("Type a participant's code"),
			app.P().Class("hint").Textf("People who rated on their own device can read you the code their device shows: "+
				"%d letters and digits in groups of four. No connection is needed.", n),
			textField("code-name", "Their name (optional)", "", "", q.NameText, p.fieldError("code-name"), func(_ app.Context, v string) { p.codeName = v }),
			app.Div().Class(groupClass(p.fieldError("code"))).Body(
				app.Label().Class("label").For("code").Text("Their code"),
				app.Div().Class("hint").ID("code-hint").Textf("For example, %s. Capitals, spaces and dashes do not matter.", exampleCode(n)),
				fieldErrorText("code", p.fieldError("code")),
				app.Input().Type("text").Class("input input-code").ID("code").AutoComplete(false).Spellcheck(false).
					Attr("autocapitalize", "characters").MaxLength(64).Aria("describedby", "code-hint").
					OnInput(func(ctx app.Context, e app.Event) { p.code = ctx.JSSrc().Get("value").String() }),
			),
			app.Button().Type("submit").Class("button button-secondary").ID("add-code-button").Text("Add their ratings"),
		),
	}
}

// scanPanel offers to read the picture (QR code) a participant's device
// shows under "Or send a link", with this device's camera: the way back
// for ratings when a laptop cannot open a link scanned by a phone.
func (p *workshopPage) scanPanel() app.UI {
	return app.Section().Class("panel").ID("scan").OnKeyDown(func(ctx app.Context, e app.Event) {
		if p.scanning && e.Get("key").String() == "Escape" {
			p.endScan("")
		}
	}).Body(
		app.H2().Text("Or scan a participant's picture"),
		app.If(!p.scanning, func() app.UI {
			return app.Div().Body(
				app.P().Class("hint").Text("Their device shows a square picture under \"Or send a link\". Hold it up to this device's camera: their ratings are added here."),
				app.Button().Class("button button-secondary").ID("scan-start").Text("Scan a participant's code").OnClick(p.startScanning),
			)
		}).Else(func() app.UI {
			return app.Div().Body(
				app.P().Class("hint").ID("scan-hint").Text("Hold their screen up to the camera, about a hand's width away. Press Escape or Stop to turn the camera off."),
				app.Video().ID("scan-video").Class("scan-video").Attr("playsinline", true).Attr("muted", true).Aria("label", "What the camera sees"),
				app.Button().Class("button button-secondary").ID("scan-stop").Text("Stop scanning").OnClick(func(ctx app.Context, e app.Event) { p.endScan("") }),
			)
		}),
		app.P().Class("message").ID("scan-message").Role("status").Text(p.scanMsg),
	)
}

func (p *workshopPage) startScanning(_ app.Context, e app.Event) {
	p.scanning, p.scanMsg = true, ""
	ctx := p.pageCtx
	// The video element exists once this change is drawn.
	ctx.Defer(func(ctx app.Context) {
		startScan("scan-video", func(text string) {
			ctx.Dispatch(func(ctx app.Context) { p.scanned(ctx, text) })
		}, func(reason string) {
			ctx.Dispatch(func(app.Context) {
				switch reason {
				case "denied":
					p.endScan("The camera could not be used: allow it for this site in the browser's settings, or type their code instead.")
				case "none":
					p.endScan("This device has no camera the browser can use. Type their code instead.")
				default:
					p.endScan("The camera could not be started. Type their code instead.")
				}
			})
		})
		focusElement("scan-stop")
	})
}

// scanned acts on the text of a QR code: a participant's send link opens
// the page that adds their ratings, here, wherever the link was made.
func (p *workshopPage) scanned(ctx app.Context, text string) {
	if !p.scanning {
		return
	}
	frag, ok := sendFragment(text)
	if !ok {
		p.scanMsg = "That picture is not a participant's ratings. Ask them to show the picture under \"Or send a link\"."
		return
	}
	p.endScan("")
	ctx.Navigate(PathReceive + "#" + frag)
}

// sendFragment takes the ratings out of a participant's send link, made on
// whichever address they used.
func sendFragment(text string) (string, bool) {
	u, err := url.Parse(strings.TrimSpace(text))
	if err != nil || u.Path != PathReceive || u.Fragment == "" {
		return "", false
	}
	if _, err := q.DecodeLink(u.Fragment); err != nil {
		return "", false
	}
	return u.EscapedFragment(), true
}

func (p *workshopPage) endScan(msg string) {
	p.scanning, p.scanMsg = false, msg
	stopScan()
	focusElement("scan-start")
}

// exampleCode shows the shape of a code of n characters.
func exampleCode(n int) string {
	return strings.TrimSpace(strings.Repeat("7K3M ", n/4))
}

func (p *workshopPage) submitCode(ctx app.Context, e app.Event) {
	e.PreventDefault()
	delete(p.refused, "code")
	delete(p.refused, "code-name")
	name := q.NameText.CleanText(strings.TrimSpace(p.codeName))
	if err := q.NameText.Check(name); err != nil {
		p.refuse("code-name", "The name "+err.Error()+".")
		focusElement("code-name")
		return
	}
	answers, err := q.DecodeCode(q.LookupBank(p.a.Bank), p.a.ID, p.a.Mode, p.code)
	if err != nil {
		msg := err.Error()
		p.refuse("code", strings.ToUpper(msg[:1])+msg[1:]+".")
		focusElement("code")
		return
	}
	// The same code typed twice is the same person: with their name, or
	// with none (a second person with exactly the same ratings gives their
	// name to be added).
	for i, r := range p.a.Respondents {
		if (name == "" || r.Name == name) && maps.EqualFunc(r.Answers, answers, func(x, y q.Answer) bool { return x.Level == y.Level }) {
			msg := "These ratings are already here, as " + r.Label(i) + ": nothing was added."
			if name == "" && r.Name != "" {
				msg += " If they are someone else's, the same as " + r.Name + "'s, type their name and add them again."
			}
			p.say("code", msg)
			p.code, p.codeName = "", ""
			p.codes++
			forgetTyping() // what was typed is dealt with: leaving asks nothing
			focusElement("workshop-message")
			return
		}
	}
	if len(p.a.Respondents) >= q.MaxRespondents {
		p.refuse("code", fmt.Sprintf("This workshop already has %d people, the most one can hold.", q.MaxRespondents))
		focusElement("code")
		return
	}
	total := len(q.LookupBank(p.a.Bank).Items(p.a.Mode))
	if j := expected(p.a, name); j >= 0 {
		// Someone added before they rated: their ratings fill their place.
		old := p.a.Respondents[j]
		if !p.try("code", func() { p.a.Respondents[j].Answers = answers }, func() { p.a.Respondents[j] = old }) {
			focusElement("code")
			return
		}
		p.say("code", fmt.Sprintf("Filled in %s's ratings, as they were on the list already: %d of %d questions answered.", old.Label(j), len(answers), total))
	} else {
		r := q.Respondent{ID: q.NewRespondentID(), Name: name, Answers: answers}
		n := len(p.a.Respondents)
		if !p.try("code", func() { p.a.Respondents = append(p.a.Respondents, r) }, func() { p.a.Respondents = p.a.Respondents[:n] }) {
			focusElement("code")
			return
		}
		p.say("code", fmt.Sprintf("Added %s's ratings: %d of %d questions answered.", r.Label(n), len(answers), total))
	}
	p.code, p.codeName = "", ""
	p.codes++
	focusElement("workshop-message")
}

func (p *workshopPage) submitPerson(ctx app.Context, e app.Event) {
	e.PreventDefault()
	r := q.Respondent{ID: q.NewRespondentID(), Answers: map[string]q.Answer{},
		Name: q.NameText.CleanText(strings.TrimSpace(p.newName)), Role: q.NameText.CleanText(strings.TrimSpace(p.newRole))}
	p.refused = nil
	for _, f := range []struct{ id, label, v string }{{"person-name", "The name", r.Name}, {"person-role", "The role", r.Role}} {
		if err := q.NameText.Check(f.v); err != nil {
			p.refuse(f.id, f.label+" "+err.Error()+".")
		}
	}
	if len(p.a.Respondents) >= q.MaxRespondents {
		p.refuse("person-name", fmt.Sprintf("This workshop already has %d people, the most one can hold. Start another workshop for the rest.", q.MaxRespondents))
	}
	if len(p.refused) > 0 {
		focusElement("person-name")
		return
	}
	// A new workshop starts with one nameless person, who has rated
	// nothing: the first person listed takes that place, rather than
	// leaving a stranger on the list.
	n := len(p.a.Respondents)
	if blank := slices.IndexFunc(p.a.Respondents, func(x q.Respondent) bool {
		return x.Name == "" && x.Role == "" && len(x.Answers) == 0
	}); blank >= 0 && (r.Name != "" || r.Role != "") {
		old := p.a.Respondents[blank]
		r.ID = old.ID
		if !p.try("person-name", func() { p.a.Respondents[blank] = r }, func() { p.a.Respondents[blank] = old }) {
			focusElement("person-name")
			return
		}
		n = blank
	} else if !p.try("person-name", func() { p.a.Respondents = append(p.a.Respondents, r) }, func() { p.a.Respondents = p.a.Respondents[:n] }) {
		focusElement("person-name")
		return
	}
	p.newName, p.newRole = "", ""
	p.added++
	p.say("person", "Added "+r.Label(n)+".")
	focusElement("workshop-message")
}

func (p *workshopPage) onImport(ctx app.Context, e app.Event) {
	onFilesChosen(ctx, workshopImport, "workshop-message", p.addFiles)
}

// addFiles merges people's files into the workshop; a file that cannot
// be read, or is from another bank, changes nothing.
func (p *workshopPage) addFiles(files []pickedFile) {
	plan := planImport(files, func(string) bool { return false })
	p.problems = plan.Problems
	// File by file: one that would take the workshop past a cap is refused
	// on its own, and the rest still join.
	added, notes := 0, []string{}
	for _, f := range append(plan.Ready, plan.Conflicts...) { // people's files share the workshop's ID
		merged, n, err := q.Merge([]*q.Assessment{p.a, f.A})
		if err != nil {
			p.problems = append(p.problems, importProblem{f.File, q.Plain(err) + ". It was not added."})
			continue
		}
		before := q.Clone(p.a)
		merged.ID = p.a.ID
		if !p.try(workshopImport, func() { *p.a = *merged }, func() { *p.a = *before }) {
			p.problems = append(p.problems, importProblem{f.File, p.fieldError(workshopImport) + " It was not added."})
			continue
		}
		added += len(merged.Respondents) - len(before.Respondents)
		for _, note := range n {
			notes = append(notes, strings.Replace(strings.Replace(note, "file 2", f.File, -1), "file 1", "the workshop", -1))
		}
	}
	delete(p.refused, workshopImport)
	p.say("files", fmt.Sprintf("Added %d %s.", added, plural(added, "person", "people")))
	if added == 0 && len(p.problems) > 0 {
		p.message = "No one was added."
	}
	if len(notes) > 0 {
		p.message += " " + strings.Join(notes, ". ") + "."
	}
}

// discussPage shows, item by item, how people rated, the items with most
// disagreement first, and records the rating the group agrees.
type discussPage struct {
	page
	shownKey string
	shown    map[string]q.Answer
}

func (p *discussPage) OnNav(ctx app.Context) {
	p.load(ctx)
	p.arrive(ctx, "Compare and agree")
}

func (p *discussPage) Render() app.UI {
	if p.a == nil {
		return p.notFound()
	}
	if key := fmt.Sprint(p.a.ID, "/", p.gen()); p.shownKey != key {
		p.shownKey, p.shown = key, maps.Clone(p.a.Team)
	}
	b := q.LookupBank(p.a.Bank)
	spreads := scoring.Aggregate(b, p.a)
	scoring.SortByDisagreement(spreads)
	flagged := len(scoring.NeedingDiscussion(spreads))
	agreed, _ := scoring.Agreed(b, p.a)
	return p.shell(
		app.A().Class("back-link").Href(link(PathWorkshop, p.a.ID)).Text("Back to the workshop"),
		p.saveStatus(),
		app.Span().Class("caption").Body(userText(caption(p.a))),
		heading("Compare ratings and agree"),
		notYetRated(p.a),
		app.P().Class("lead").Textf("%d of %d questions need discussion: ratings two levels apart, someone who does not know, or no majority. They come first.",
			flagged, len(spreads)),
		app.P().Class("discuss-progress").ID("agreed-progress").Role("status").Body(
			app.Strong().Textf("%d of %d agreed", agreed, len(spreads)),
			app.Progress().Class("progress-bar").Max(len(spreads)).Value(agreed).Aria("label", "Questions agreed"),
		),
		app.Ul().Class("discuss-list").Body(
			app.Range(spreads).Slice(func(i int) app.UI { return p.item(b, spreads[i]) }),
		),
		app.Div().Class("button-group").Body(
			app.A().Class("button").ID("to-results").Href(link(PathResults, p.a.ID)).Text("See the results"),
		),
	)
}

func (p *discussPage) item(b *q.Bank, s scoring.Spread) app.UI {
	it := b.Item(s.ItemID).For(p.a.RoleOf())
	base := "agree-" + it.ID
	var parts []string
	for _, l := range q.AllLevels {
		if n := s.Counts.Of(l); n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, strings.ToLower(l.Label())))
		}
	}
	summary := "Nobody has rated this yet."
	if len(parts) > 0 {
		summary = fmt.Sprintf("%s. Middle rating: %s.", strings.Join(parts, ", "), strings.ToLower(s.Median.Label()))
	}
	shown := p.shown[it.ID]
	notes := scoring.PeoplesNotes(p.a, it.ID)
	return app.Li().Class("discuss-item").ID(base).DataSet("item", it.ID).DataSet("flag", fmt.Sprint(s.NeedsDiscussion)).
		DataSet("agreed", fmt.Sprint(p.a.Team[it.ID].Level.Answered())).Body(
		app.FieldSet().Class("fieldset").Body(
			app.Legend().Class("legend").Body(app.H2().Class("item-title").Text(it.ID+" "+it.Title)),
			app.Raw(spreadBar(s)),
			app.P().Class("discuss-summary").Text(summary),
			app.If(s.NeedsDiscussion, func() app.UI {
				return app.P().Class("discuss-flag").Body(app.Strong().Text("Needs discussion: "), app.Text(strings.Join(s.Reasons, "; ")+"."))
			}),
			app.If(p.a.Team[it.ID].Level.Answered(), func() app.UI {
				return app.P().Class("discuss-agreed").Body(app.Strong().Text("Agreed: "), app.Text(p.a.Team[it.ID].Level.Label()))
			}),
			app.If(len(notes) > 0, func() app.UI {
				return app.Div().Class("discuss-notes").Body(
					app.P().Class("label").Textf("What people noted (%d)", len(notes)),
					app.Ul().Class("list list-bullet").Body(app.Range(notes).Slice(func(i int) app.UI {
						return app.Li().Body(app.Strong().Body(userText(notes[i].Who+": ")), userText(notes[i].Text))
					})),
				)
			}),
			app.P().Class("label").Text("The rating you agree"),
			app.Div().Class("radios").Body(
				app.Range(q.AllLevels).Slice(func(i int) app.UI {
					l := q.AllLevels[i]
					hint := it.Levels.Describe(l)
					if hint == "" {
						hint = b.Meaning(l)
					}
					// Radios hold no typing to protect: they show the agreed
					// level as it is, so a choice stays shown when drawn again.
					return radio("agreed-"+it.ID, fmt.Sprintf("%s-%s", base, l), string(l), l.Label(), hint, p.a.Team[it.ID].Level == l,
						func(v string) {
							old := p.a.Team[it.ID]
							if now := (q.Answer{Level: q.Level(v), Note: old.Note}); now != old {
								p.try(base, func() { p.setTeam(it.ID, now) }, func() { p.setTeam(it.ID, old) })
							}
						})
				}),
			),
			fieldErrorText(base, p.fieldError(base)),
		),
		noteField(base+"-note", "What the group said (optional)", "", shown.Note, q.NoteText, p.fieldError(base+"-note"), func(_ app.Context, v string) {
			old := p.a.Team[it.ID]
			if v != old.Note {
				p.setText(base+"-note", q.NoteText, old.Note, v, func(s string) { p.setTeam(it.ID, q.Answer{Level: p.a.Team[it.ID].Level, Note: s}) })
			}
		}),
	)
}

// setTeam sets an agreed answer, leaving none where it is empty.
func (p *discussPage) setTeam(id string, ans q.Answer) {
	if p.a.Team == nil {
		p.a.Team = map[string]q.Answer{}
	}
	putAnswer(p.a.Team, id, ans)
}

// say shows a message beside the part of the page it is about: where is
// "people", "person", "code", "files" or "csv".
func (p *workshopPage) say(where, msg string) {
	p.message, p.messageAt = msg, where
}

// messageHere is the page's message, if it is about this part of the page.
func (p *workshopPage) messageHere(where string) app.UI {
	if p.messageAt != where || p.message == "" {
		return nil
	}
	return app.P().ID("workshop-message").Class("message").TabIndex(-1).Role("status").Text(p.message)
}

// exportCSV downloads one row per person and question, for analysis.
func (p *workshopPage) exportCSV() {
	var buf strings.Builder
	if err := q.WriteCSV(&buf, q.LookupBank(p.a.Bank), p.a); err == nil {
		err = download(q.Slug(p.a.Project.Name)+"-ratings.csv", "text/csv", []byte(buf.String()))
		if err == nil {
			p.say("csv", "The CSV file is in your downloads.")
			focusElement("workshop-message")
			return
		}
	}
	p.say("csv", "The CSV file could not be made.")
	focusElement("workshop-message")
}
