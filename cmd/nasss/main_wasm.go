//go:build wasm

package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	nasss "github.com/nasss-toolkit/nasss/app"
)

// In the browser the command is the app: no flags, no server code.
func main() {
	nasss.Register()
	app.RunWhenOnBrowser()
}
