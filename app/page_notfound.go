package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// notFoundPage is shown for an address the app does not have, as after a
// mistyped or outdated link. The server sends it with status 404; offline,
// the service worker's shell draws it the same way.
type notFoundPage struct{ page }

func (p *notFoundPage) OnNav(ctx app.Context) { p.arrive(ctx, "Page not found") }

func (p *notFoundPage) Render() app.UI {
	return p.shell(
		heading("Page not found"),
		app.P().Text("If you typed the address, check it is correct. If you followed a link, it may be out of date."),
		app.P().Text("Your assessments are not affected: they are saved on this device."),
		app.P().Body(app.A().ID("go-home").Class("button").Href(PathHome).Text("Go to your assessments")),
	)
}
