//go:build !wasm

package main

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// serve serves the working folder's web/ with go-app's own handler and
// service worker on a free loopback port, which it prints first. app.wasm
// goes brotli-compressed where a copy is beside it, as the toolkit's does,
// so that the two compare on go-app alone.
func serve() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(ln.Addr())
	// A local icon: go-app's default is fetched from GitHub.
	h := &app.Handler{Name: "Floor", Title: "Floor", Icon: app.Icon{Default: "/web/icon-192.png"}}
	err = http.Serve(ln, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/web/app.wasm" && strings.Contains(r.Header.Get("Accept-Encoding"), "br") {
			if data, err := os.ReadFile("web/app.wasm.br"); err == nil {
				w.Header().Set("Content-Type", "application/wasm")
				w.Header().Set("Content-Encoding", "br")
				w.Write(data)
				return
			}
		}
		h.ServeHTTP(w, r)
	}))
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
