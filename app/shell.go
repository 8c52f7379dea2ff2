package app

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

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
	PathAbout    = "/about"
	// PathNotFound is the page the server sends, with status 404, for any
	// other address; in the browser such addresses show it too.
	PathNotFound = "/not-found"
)

// Pages lists every page's path.
var Pages = []string{PathHome, PathStart, PathDomain, PathCheck, PathResults, PathPlan, PathWorkshop, PathDiscuss, PathCompare, PathJoin, PathReceive, PathTally, PathAbout, PathNotFound}

// Register routes every page. A static host may redirect /about to
// /about/, so both spellings lead to the page.
func Register() {
	pages := map[string]func() app.Composer{
		PathHome:     func() app.Composer { return &homePage{} },
		PathStart:    func() app.Composer { return &startPage{} },
		PathDomain:   func() app.Composer { return &domainPage{} },
		PathCheck:    func() app.Composer { return &checkPage{} },
		PathResults:  func() app.Composer { return &resultsPage{} },
		PathPlan:     func() app.Composer { return &planPage{} },
		PathWorkshop: func() app.Composer { return &workshopPage{} },
		PathDiscuss:  func() app.Composer { return &discussPage{} },
		PathCompare:  func() app.Composer { return &comparePage{} },
		PathJoin:     func() app.Composer { return &joinPage{} },
		PathReceive:  func() app.Composer { return &receivePage{} },
		PathTally:    func() app.Composer { return &tallyPage{} },
		PathAbout:    func() app.Composer { return &aboutPage{} },
		PathNotFound: func() app.Composer { return &notFoundPage{} },
	}
	for path, f := range pages {
		app.Route(path, f)
		if path != PathHome {
			app.Route(path+"/", f)
		}
	}
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

// repo is where assessments live: local storage in the browser.
var repo = Repo{S: newBrowserStore()}

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
// the assessment the URL names.
type page struct {
	app.Compo

	updateReady bool
	saved       time.Time
	saveErr     error
	a           *q.Assessment
	loadErr     error
	reportMsg   string
	reportErr   string
	origin      string // scheme and host, for links people open elsewhere
}

// base gives the shared part of any page.
func (p *page) base() *page { return p }

// OnAppUpdate shows the "new version" banner.
func (p *page) OnAppUpdate(ctx app.Context) { p.updateReady = ctx.AppUpdateAvailable() }

// OnMount picks up an update found before this page was shown.
func (p *page) OnMount(ctx app.Context) { p.updateReady = ctx.AppUpdateAvailable() }

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
	ctx.Defer(func(app.Context) {
		if !first {
			focusElement(headingID)
		}
		markReady()
	})
}

// load reads the assessment named by ?a= into p.a.
func (p *page) load(ctx app.Context) {
	id := ctx.Page().URL().Query().Get("a")
	p.a, p.loadErr = nil, nil
	if id == "" {
		p.loadErr = ErrNotFound
		return
	}
	p.a, p.loadErr = repo.Load(id)
}

// save stores the assessment at once and records how that went. It
// reports whether the work can go on to another page: stored, or kept for
// this page's life where the browser refuses storage (the pages warn).
func (p *page) save(a *q.Assessment) bool {
	a.Updated = time.Now().UTC().Truncate(time.Second)
	if p.saveErr = repo.Save(a); p.saveErr == nil {
		if p.saved.IsZero() {
			requestPersistence()
		}
		p.saved = a.Updated
	}
	return p.saveErr == nil || errors.Is(p.saveErr, ErrNotKept)
}

// exportFile downloads the assessment as a .nasss.json file.
func (p *page) exportFile(a *q.Assessment) {
	name := q.FileName(a, time.Now())
	data, err := q.Encode(a)
	if err == nil {
		err = download(name, "application/json", data)
	}
	if err != nil {
		p.saveErr = fmt.Errorf("the file could not be made: %w", err)
		return
	}
	p.reportMsg = "Exported " + name + ": look in your downloads."
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
		app.Main().ID("main").Class("container main").Body(content...),
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
		`<a class="header-name" href="` + PathHome + `">` + ServiceName + `</a>` +
		`<nav aria-label="Main"><ul class="header-nav">` +
		`<li><a href="` + PathHome + `">Your assessments</a></li>` +
		`<li><a href="` + PathAbout + `">About the method</a></li>` +
		`</ul></nav></div></header></div>`
	shellFooter = `<footer class="footer"><div class="container">` +
		`<p>Nothing you enter leaves this device unless you export it.</p>` +
		`<p>An independent tool based on the NASSS framework. <a href="` + PathAbout + `">About the method and privacy</a></p>` +
		`</div></footer>`
)

// errorAlert tells of a failure: what happened, as a heading of the level
// that fits where it stands, what to do, the error itself, then anything
// more (such as a button that rescues the work).
func errorAlert(level int, title, advice, detail string, more ...app.UI) app.UI {
	var h app.UI = app.H2().Class("alert-title").Text(title)
	if level == 3 {
		h = app.H3().Class("alert-title").Text(title)
	}
	body := append([]app.UI{h, app.P().Text(advice), app.P().Class("hint").Text(detail)}, more...)
	return app.Div().Class("alert alert-error").Role("alert").Body(body...)
}

// saveStatus says whether the last change is safe, and what to do if not.
func (p *page) saveStatus() app.UI {
	if p.saveErr != nil {
		return errorAlert(2, "Your last change could not be saved on this device",
			"The browser's storage may be full, or blocked in private browsing. "+
				"Export a file now so you do not lose your work, then free some space or leave private browsing.",
			p.saveErr.Error(),
			app.If(p.a != nil, func() app.UI {
				return app.Button().Class("button").Text("Export a file now").OnClick(func(ctx app.Context, e app.Event) { p.exportFile(p.a) })
			}),
		)
	}
	text := "Saved on this device"
	if !p.saved.IsZero() {
		text += " at " + p.saved.Local().Format("15:04")
	}
	return app.P().Class("save-status").Role("status").Body(
		app.Span().Class("save-tick").Aria("hidden", "true").Text("✓ "),
		app.Text(text),
	)
}

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

// projectName is the name to show for an assessment.
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
