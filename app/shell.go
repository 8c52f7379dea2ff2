package app

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	q "github.com/nasss-toolkit/nasss/questionnaire"
)

// ServiceName is the app's name as people see it.
const ServiceName = "NASSS complexity self-assessment"

// Paths of the app's pages. Assessments are named in the query string
// (?a=ID), so every page is a fixed path that any static host can serve.
const (
	PathHome     = "/"
	PathStart    = "/start"
	PathDomain   = "/domain"
	PathCheck    = "/check"
	PathResults  = "/results"
	PathPlan     = "/plan"
	PathWorkshop = "/workshop"
	PathDiscuss  = "/discuss"
	PathCompare  = "/compare"
	PathJoin     = "/join"
	PathReceive  = "/receive"
	PathTally    = "/tally"
	PathLinks    = "/links"
	PathAbout    = "/about"
	// PathSideBySide puts several assessments side by side (?ids=A,B,…).
	PathSideBySide = "/side-by-side"
	// PathNotFound is the page the server sends, with status 404, for any
	// other address; in the browser such addresses show it too.
	PathNotFound = "/not-found"
)

// Pages lists every page's path.
var Pages = []string{PathHome, PathStart, PathDomain, PathCheck, PathLinks, PathResults, PathPlan, PathWorkshop, PathDiscuss, PathCompare, PathJoin, PathReceive, PathTally, PathSideBySide, PathAbout, PathNotFound}

// Register routes every page. A static host may redirect /about to
// /about/, so both spellings lead to the page.
func Register() {
	pages := map[string]func() app.Composer{
		PathHome:       func() app.Composer { return &homePage{} },
		PathStart:      func() app.Composer { return &startPage{} },
		PathDomain:     func() app.Composer { return &domainPage{} },
		PathCheck:      func() app.Composer { return &checkPage{} },
		PathResults:    func() app.Composer { return &resultsPage{} },
		PathPlan:       func() app.Composer { return &planPage{} },
		PathWorkshop:   func() app.Composer { return &workshopPage{} },
		PathDiscuss:    func() app.Composer { return &discussPage{} },
		PathCompare:    func() app.Composer { return &comparePage{} },
		PathJoin:       func() app.Composer { return &joinPage{} },
		PathReceive:    func() app.Composer { return &receivePage{} },
		PathTally:      func() app.Composer { return &tallyPage{} },
		PathLinks:      func() app.Composer { return &linksPage{} },
		PathAbout:      func() app.Composer { return &aboutPage{} },
		PathSideBySide: func() app.Composer { return &sideBySidePage{} },
		PathNotFound:   func() app.Composer { return &notFoundPage{} },
	}
	for path, f := range pages {
		app.Route(path, f)
		if path != PathHome {
			app.Route(path+"/", f)
		}
	}
	repo = NewRepo(newBrowserBackend())
	// Another tab saved or deleted an assessment: the page showing it
	// brings the change in. Pages that are not showing it read it afresh
	// when they open it.
	watchStore(func(id string) {
		if showing == nil {
			return
		}
		ctx := showing.ctx
		ctx.Dispatch(func(ctx app.Context) {
			// The page itself, not the part all pages share: some pages
			// (the home page's list) hear the news their own way.
			if p, ok := ctx.Src().(interface{ otherTabChanged(string) }); ok {
				p.otherTabChanged(id)
			}
		})
	})
	// In the browser an address with no page shows our not-found page,
	// where go-app would draw its own bare one; the server answers such
	// addresses with that page and status 404. The app links only to its
	// pages, so only the address it starts on can be such; the catch-all
	// pattern, which takes milliseconds to compile, is added only then.
	if app.IsClient {
		start := app.Window().URL().Path
		if pages[start] == nil && pages[strings.TrimSuffix(start, "/")] == nil {
			app.RouteWithRegexp("^/", pages[PathNotFound])
		}
	}
}

// repo is where assessments live: the browser's database. Register opens
// it, before the first page.
var repo = NewRepo(newMemBackend())

// showing is the context of the page on screen, for news from other tabs.
var showing *struct{ ctx app.Context }

// navigations counts page changes; focus moves to the heading on every
// one but the first, where the reader starts at the top anyway.
var navigations int

// link builds an app URL with its assessment and extra query parameters.
func link(path, id string, kv ...string) string {
	v := url.Values{}
	if id != "" {
		v.Set("a", id)
	}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Set(kv[i], kv[i+1])
	}
	if len(v) == 0 {
		return path
	}
	return path + "?" + v.Encode()
}

// page is what every page shares: the update banner, the save status, and
// the assessment the URL names, open for editing.
type page struct {
	app.Compo

	updateReady bool
	doc         *Doc          // the assessment the URL names
	a           *q.Assessment // doc.A
	loadErr     error
	reportMsg   string
	reportErr   string
	// reportAt is which of a page's report buttons was used last ("top"
	// or "bottom"): its messages show there.
	reportAt string
	// names is the choice to name a workshop's people in the PDF.
	names bool
	// suggestions is the choice to list untaken suggestions in the PDF:
	// "" until the person chooses, then "include" or "leave-out".
	suggestions string
	origin      string // scheme and host, for links people open elsewhere
	// refused holds, by field ID, why the field's latest text was not
	// saved: it breaks a rule. The text stays in the field to be mended.
	refused map[string]string
	// quietSize spares a page the size warning: a person rating in a
	// workshop cannot act on it.
	quietSize bool
}

// gen is how many times another tab's changes were brought into the
// page's assessment: pages draw their fields afresh when it moves.
func (p *page) gen() int {
	if p.doc == nil {
		return 0
	}
	return p.doc.Gen
}

// base gives the shared part of any page.
func (p *page) base() *page { return p }

// OnAppUpdate shows the "new version" banner.
func (p *page) OnAppUpdate(ctx app.Context) { p.updateReady = ctx.AppUpdateAvailable() }

// OnMount picks up an update found before this page was shown, and makes
// this the page that hears of other tabs' changes.
func (p *page) OnMount(ctx app.Context) {
	p.updateReady = ctx.AppUpdateAvailable()
	showing = &struct{ ctx app.Context }{ctx}
}

// arrive sets the title and, after the first navigation, moves focus to
// the new page's heading so screen readers announce it. Once the page is
// drawn, the app counts as ready (go-app mounts a page before its OnNav
// loads what it shows, so OnMount is too early for that).
func (p *page) arrive(ctx app.Context, title string) {
	ctx.Page().SetTitle(title + " – " + ServiceName)
	u := ctx.Page().URL()
	p.origin = u.Scheme + "://" + u.Host
	navigations++
	first := navigations == 1
	clear(typed)
	ctx.Defer(func(app.Context) {
		if !first {
			focusElement(headingID)
		}
		markReady()
	})
}

// load opens the assessment named by ?a=.
func (p *page) load(ctx app.Context) {
	p.open(ctx.Page().URL().Query().Get("a"))
}

// open opens an assessment by ID for this page.
func (p *page) open(id string) {
	p.doc, p.a, p.loadErr, p.refused = nil, nil, nil, nil
	if id == "" {
		p.loadErr = ErrNotFound
		return
	}
	if p.doc, p.loadErr = repo.Open(id); p.loadErr == nil {
		p.a = p.doc.A
	}
}

// otherTabChanged brings in what another tab stored of this page's
// assessment, and has the page draw its fields afresh. The ID "*" means
// any assessment: the tab was shown again, and may have missed news.
func (p *page) otherTabChanged(id string) {
	if id == "*" && p.doc != nil {
		id = p.doc.A.ID
	}
	if p.doc == nil || p.doc.A.ID != id {
		repo.Forget(id)
		return
	}
	gen := p.doc.Gen
	repo.Refresh(p.doc)
	p.keepFocus(gen)
}

// keepFocus puts focus back where the person was, in the field drawn
// afresh, when another tab's changes came in since gen: they may be
// typing.
func (p *page) keepFocus(gen int) {
	if p.doc != nil && p.doc.Gen != gen {
		refocus(activeID())
	}
}

// refusal reports an error that means the assessment breaks a rule of the
// file format, rather than that storage failed.
func refusal(err error) bool {
	var qe *q.Error
	return errors.As(err, &qe)
}

// try makes a change to the assessment and saves it. If the store refuses
// it as breaking a rule (too many people, too large a file), the change is
// undone, so the working copy only ever holds what can be saved, and the
// reason is kept under field (the ID of what was changed) to show by it.
// It reports whether the change stands.
func (p *page) try(field string, change, undo func()) bool {
	change()
	gen := p.doc.Gen
	err := repo.Save(p.doc)
	p.keepFocus(gen)
	if err != nil && refusal(err) {
		if p.doc.Gen != gen {
			repo.Revert(p.doc) // the undo was written for the copy before another tab's changes
		} else {
			undo()
		}
		p.refuse(field, "Not saved: "+q.Plain(err))
		return false
	}
	delete(p.refused, field)
	return true
}

// setText changes a text field after checking it against its rule. Text
// that breaks it is not put in the assessment: the field keeps it, with
// the reason beside it, until it is mended.
func (p *page) setText(field string, rule q.TextRule, old, v string, set func(string)) {
	if err := rule.Check(rule.CleanText(v)); err != nil {
		p.refuse(field, "Not saved: this text "+err.Error()+".")
		return
	}
	p.try(field, func() { set(v) }, func() { set(old) })
}

func (p *page) refuse(field, why string) {
	if p.refused == nil {
		p.refused = map[string]string{}
	}
	p.refused[field] = why
}

// fieldError is why a field's text was not saved, or "".
func (p *page) fieldError(field string) string { return p.refused[field] }

// exportFile downloads the assessment as a .nasss.json file, and notes
// the day for the reminders to keep a copy.
func (p *page) exportFile(a *q.Assessment) {
	name := q.FileName(a, time.Now())
	data, err := q.Encode(a)
	if err == nil {
		err = download(name, "application/json", data)
	}
	if err != nil {
		p.reportMsg, p.reportErr = "", "The file could not be made: "+q.Plain(err)
		return
	}
	noteExport(a.ID)
	p.reportMsg, p.reportErr = "Exported "+name+": look in your downloads.", ""
}

// shell wraps a page's content in the header, banners and footer.
func (p *page) shell(content ...app.UI) app.UI {
	return app.Div().Class("app").Body(
		fixed(shellTop),
		app.If(p.updateReady, func() app.UI {
			return app.Div().Class("banner banner-update").Role("status").Body(
				app.Div().Class("container").Body(
					app.P().Text("A new version is ready. Your work is saved and will still be here."),
					app.Button().Class("button button-secondary").Text("Reload").OnClick(func(app.Context, app.Event) { reloadPage() }),
				),
			)
		}),
		app.Main().ID("main").Class("container main").Body(append(content, p.stickyStatus())...),
		fixed(shellFooter),
	)
}

// fixed is markup that never changes, which the browser builds in one go.
// go-app makes each element with several calls from Go into JavaScript:
// on a 2-core machine, building the home page that way took twice as long
// as all the app's own work before it became usable. Only constant text
// goes here, never anything a person typed.
func fixed(html string) app.UI { return app.Raw(html) }

// The shell's fixed parts: the skip link and header, and the footer.
const (
	shellTop = `<div class="shell-top"><a class="skip-link" href="#main">Skip to main content</a>` +
		`<header class="header"><div class="container header-inner">` +
		`<a class="header-name" href="` + PathHome + `">NASSS<span class="wide-only"> complexity self-assessment</span></a>` +
		`<nav aria-label="Main"><ul class="header-nav">` +
		`<li><a href="` + PathHome + `"><span class="wide-only">Your assessments</span><span class="narrow-only">Assessments</span></a></li>` +
		`<li><a href="` + PathAbout + `">About<span class="wide-only"> the method</span></a></li>` +
		`</ul></nav></div></header></div>`
	shellFooter = `<footer class="footer"><div class="container">` +
		`<p>Nothing you enter leaves this device unless you export it.</p>` +
		`<p>An independent tool based on the NASSS framework. <a href="` + PathAbout + `">About the method and privacy</a></p>` +
		`</div></footer>`
)

// saveStatus says whether the page's work is safe, what came in from
// another tab, and what to do when something is wrong.
func (p *page) saveStatus() app.UI {
	d := p.doc
	if d == nil {
		return nil
	}
	var status app.UI
	switch {
	case d.State == NotSaved && errors.Is(d.Err, ErrNotKept):
		status = errorAlert(2, "Nothing is kept on this device",
			"This browser does not let the tool keep data, perhaps because of private browsing or a setting. "+
				"You can carry on, but export a file before you close the page.", d.Err.Error(), p.exportNow())
	case d.Deleted:
		status = errorAlert(2, "Deleted in another tab or window",
			"This assessment is open only on this page now. Keep it on this device, or export a file; your next change also keeps it.",
			"", app.Div().Class("button-group").Body(
				app.Button().Class("button").ID("keep-again").Text("Keep it on this device").
					OnClick(func(ctx app.Context, e app.Event) { p.try("keep-again", func() {}, func() {}) }),
				p.exportNow(),
			))
	case d.State == NotSaved:
		status = errorAlert(2, "Not saved: your latest changes are only on this page",
			"The browser's storage may be full, or blocked. Export a file now so you do not lose your work, "+
				"then free some space; the next change you make is saved again if it can be.", d.Err.Error(), p.exportNow())
	case len(p.refused) > 0:
		status = app.P().Class("save-status save-status-refused").ID("save-status").Role("status").
			Text("Not saved: see the message by the field.")
	default:
		text := "Saved on this device"
		if !d.At.IsZero() {
			text += " at " + d.At.Local().Format("15:04")
		}
		if d.Merged {
			text += ", with changes from another tab or window"
		}
		status = app.P().Class("save-status").ID("save-status").Role("status").Body(
			app.Span().Class("save-tick").Aria("hidden", "true").Text("✓ "),
			app.Text(text),
		)
	}
	return app.Div().Class("status-area").Body(
		status,
		p.otherTabNotice(),
		p.sizeWarning(),
		app.If(p.reportErr != "" && d.State != NotSaved, func() app.UI {
			return errorAlert(2, "The file could not be exported", "Your work is saved on this device. Try again.", p.reportErr)
		}),
		app.If(p.reportMsg != "" && d.State == NotSaved, func() app.UI {
			return app.P().Class("message").Role("status").Text(p.reportMsg)
		}),
	)
}

// exportNow is the button that rescues the page's work as a file.
func (p *page) exportNow() app.UI {
	return app.Button().Class("button").ID("export-now").Text("Export a file now").
		OnClick(func(ctx app.Context, e app.Event) { p.exportFile(p.a) })
}

// stickyStatus keeps "Not saved", with the export, in sight at the foot of
// the screen wherever the person is on a long page.
func (p *page) stickyStatus() app.UI {
	if p.doc == nil || p.doc.State != NotSaved && !p.doc.Deleted {
		return nil
	}
	return app.Div().Class("status-sticky").Body(
		app.P().Body(app.Strong().Text("Not saved. "), app.Text("Your latest changes are only on this page.")),
		app.Button().Class("button button-secondary").Text("Export a file now").
			OnClick(func(ctx app.Context, e app.Event) { p.exportFile(p.a) }),
	)
}

// otherTabNotice tells of words another tab took away from this page, or
// that both changed, with both versions, so that nobody's words vanish
// unseen. Changes that took nothing away just appear on the page, and the
// status line says they came in.
func (p *page) otherTabNotice() app.UI {
	d := p.doc
	if len(d.Clashes) == 0 && !d.Restored {
		return nil
	}
	return app.Div().Class("alert alert-warning").ID("other-tab").Role("group").Aria("labelledby", "other-tab-title").Body(
		app.H2().Class("alert-title").ID("other-tab-title").TabIndex(-1).Text("Changed in another tab or window too"),
		app.If(d.Restored, func() app.UI {
			return app.P().Text("This assessment had been deleted in another tab or window. Your changes here have kept it on this device again.")
		}),
		app.If(len(d.Clashes) > 0, func() app.UI {
			return app.Ul().Class("list clash-list").Body(app.Range(d.Clashes).Slice(func(i int) app.UI {
				return app.Li().Body(clashText(d.Clashes[i], p.a))
			}))
		}),
		app.Button().Class("button button-secondary").ID("other-tab-ok").Text("I have read this").OnClick(func(app.Context, app.Event) {
			d.Restored, d.Clashes = false, nil
			focusElement(headingID)
		}),
	)
}

// clashText says, in words, what two tabs did to one thing, quoting both.
// A person is named as the pages name them, not by their number.
func clashText(c q.Clash, a *q.Assessment) app.UI {
	where := q.PlainPath(c.Path)
	var i int
	if _, err := fmt.Sscanf(c.Path, "respondents[%d]", &i); err == nil && i >= 0 && i < len(a.Respondents) {
		where = strings.Replace(where, fmt.Sprintf("person %d", i+1), a.Respondents[i].Label(i), 1)
	}
	quote := func(s string) app.UI {
		if q.Level(s).Answered() {
			return app.Strong().Text(q.Level(s).Label())
		}
		return app.Q().Class("clash-text").Body(userText(s))
	}
	switch c.Kind {
	case q.TheyReplaced:
		if c.Theirs == "" {
			return app.Span().Body(app.Text("The other tab removed "+where+", which said "), quote(c.Mine), app.Text("."))
		}
		return app.Span().Body(app.Text("The other tab changed "+where+" from "), quote(c.Mine), app.Text(" to "), quote(c.Theirs), app.Text("."))
	case q.TheyDeleted:
		return app.Span().Body(app.Text("The other tab deleted "+where), app.If(c.Mine != "", func() app.UI {
			return app.Span().Body(app.Text(", "), quote(c.Mine))
		}), app.Text("."))
	case q.TheyRemoved:
		return app.Text("The other tab removed " + where + ", which you had changed here: it is kept, with your change.")
	case q.YouRemoved:
		return app.Text("You removed " + where + ", which the other tab had changed: it is back, as the other tab left it.")
	}
	if c.Theirs == "" {
		return app.Text("You both changed " + where + ": yours is kept.")
	}
	return app.Span().Body(app.Text("You both changed "+where+": yours is kept. The other tab had "), quote(c.Theirs), app.Text("."))
}

// sizeWarning shows, well before an assessment reaches the most one can
// hold, how close it is and what to do. People rating in a workshop are
// spared it: it is for whoever runs the workshop.
func (p *page) sizeWarning() app.UI {
	if p.doc.Size < SizeWarning || p.quietSize {
		return nil
	}
	return app.Div().Class("alert alert-warning").ID("size-warning").Body(
		app.P().Body(app.Strong().Textf("This assessment is %d%% full: %s of the %s one can hold.",
			100*p.doc.Size/q.MaxFileSize, q.KB(p.doc.Size), q.KB(q.MaxFileSize))),
		app.P().Text("Before it fills up, export a file to keep a copy. Then shorten long notes, "+
			"or split the workshop: start a new one and add the rest of the people's files there."),
		app.Button().Class("button button-secondary").ID("size-export").Text("Export a file").
			OnClick(func(ctx app.Context, e app.Event) { p.exportFile(p.a) }),
	)
}

// SizeWarning is the size of file from which the pages warn that an
// assessment is getting close to the most it can hold.
const SizeWarning = q.MaxFileSize * 3 / 4

// headingID names every page's h1, where focus moves on a page change.
const headingID = "page-heading"

// heading is a page's h1, focusable so focus can move to it.
func heading(text string) app.UI {
	return app.H1().ID(headingID).TabIndex(-1).Text(text)
}

// notFound is shown when the URL names no stored assessment.
func (p *page) notFound() app.UI {
	return p.shell(
		heading("We could not find that assessment"),
		app.P().Text("It is not saved on this device. It may have been deleted, or saved in another browser or on another device."),
		app.P().Body(app.A().Class("button").Href(PathHome).Text("Go to your assessments")),
	)
}

// sentence makes an error's words a sentence of their own: a capital
// first, a full stop last.
func sentence(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0])
	s = string(r)
	for _, end := range []string{".", "!", "?", ".)", "!)", "?)"} {
		if strings.HasSuffix(s, end) {
			return s
		}
	}
	return s + "."
}

// projectName is the name to show for an assessment.
// caption names the assessment above a page's heading: the project, and
// the review when it is one, so every page of a review says so.
func caption(a *q.Assessment) string {
	c := projectName(a)
	if s := a.Project.Setting; s != "" {
		c += " · " + s
	}
	if r := a.ReviewLabel(); r != "" {
		c += " · " + r
	}
	return c
}

func projectName(a *q.Assessment) string {
	if a.Project.Name == "" {
		return "Untitled project"
	}
	return a.Project.Name
}

// userText shows text a person typed, in its own direction (right-to-left
// scripts included) and never as markup.
func userText(s string) app.HTMLSpan {
	return app.Span().Dir("auto").Text(s)
}

// fresh renders content in a component that go-app replaces, rather than
// patches, when its key changes. go-app reuses DOM elements across
// navigations and cannot clear a field's value (an empty value attribute
// is dropped), so without this a note typed for one question would show
// under the next, and an open "help" would stay open.
type fresh struct {
	app.Compo
	Key  string
	body func() []app.UI
}

// CompoID makes go-app remount the component when the key changes.
func (f *fresh) CompoID() string { return f.Key }

func (f *fresh) Render() app.UI { return app.Div().Body(f.body()...) }
