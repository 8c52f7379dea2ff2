// Command floor is the smallest go-app program: one page saying hello. The
// load benchmarks build it to measure what go-app itself costs, the floor
// the toolkit's own load time is compared with. In the browser it is the
// page; natively it serves itself with go-app's own handler and service
// worker, as a plain go-app site would.
package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

type hello struct{ app.Compo }

// OnNav marks the page interactive the way the toolkit does.
func (h *hello) OnNav(ctx app.Context) {
	ctx.Defer(func(app.Context) {
		app.Window().Set("nasssReadyAt", app.Window().Get("performance").Call("now"))
		app.Window().Set("nasssReady", true)
	})
}

func (h *hello) Render() app.UI {
	return app.Main().Body(app.H1().ID("page-heading").Text("Hello"))
}

func main() {
	app.Route("/", func() app.Composer { return &hello{} })
	app.RunWhenOnBrowser()

	serve() // natively; in the browser, RunWhenOnBrowser never returns
}
