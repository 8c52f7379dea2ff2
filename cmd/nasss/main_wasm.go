//go:build wasm

package main

import (
	"syscall/js"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	nasss "github.com/nasss-toolkit/nasss/app"
)

// In the browser the command is the app: no flags, no server code.
func main() {
	// The Go runtime and every package are set up by now: the load
	// benchmark splits a load at this mark.
	js.Global().Get("performance").Call("mark", "nasss-main")
	nasss.Register()
	app.RunWhenOnBrowser()
}
