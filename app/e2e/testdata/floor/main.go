// Command floor is the smallest go-app program: one page saying hello. The
// load benchmark builds it to measure what go-app itself costs, the floor
// the toolkit's own load time is compared with.
package main

import (
	"syscall/js"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

type hello struct{ app.Compo }

// OnNav marks the page interactive the way the toolkit does.
func (h *hello) OnNav(ctx app.Context) {
	ctx.Defer(func(app.Context) {
		js.Global().Set("nasssReadyAt", js.Global().Get("performance").Call("now"))
		js.Global().Set("nasssReady", true)
	})
}

func (h *hello) Render() app.UI {
	return app.Main().Body(app.H1().ID("page-heading").Text("Hello"))
}

func main() {
	app.Route("/", func() app.Composer { return &hello{} })
	app.RunWhenOnBrowser()
}
