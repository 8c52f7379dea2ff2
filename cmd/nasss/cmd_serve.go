//go:build !wasm

package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/nasss-toolkit/nasss/app/server"
)

func init() {
	commands["serve"] = command{
		summary: "serve the web app (build it first with 'make build')",
		usage:   "[--addr 127.0.0.1:8000] [--web DIR]",
		run:     runServe,
	}
	commands["build"] = command{
		summary: "write the web app as a static site that any static host can serve",
		usage:   "--out DIR [--web DIR]",
		run:     runBuild,
	}
	commands["precompress"] = command{
		summary: "write FILE.br and FILE.gz beside each file (make build uses it for the wasm)",
		usage:   "FILE...",
		run:     runPrecompress,
	}
}

func runServe(e *env, args []string) error {
	fs := flags("serve")
	addr := fs.String("addr", "127.0.0.1:8000", "address to listen on")
	web := fs.String("web", "web", "folder holding app.wasm, app.css and the icons")
	if err := parse(e, fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return badInput("unexpected argument %q", fs.Arg(0))
	}
	site, err := server.New(*web)
	if err != nil {
		return badInput("%v", err)
	}
	ln, err := listen(e, *addr)
	if err != nil {
		return err
	}
	srv := server.NewHTTPServer(site)
	fmt.Fprintf(e.stdout, "Serving the NASSS toolkit (version %s) at http://%s/\nPress Ctrl+C to stop.\n", site.Version(), ln.Addr())

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// listen listens on addr and warns, on stderr, when that reaches beyond
// this machine.
func listen(e *env, addr string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, badInput("cannot listen on %s: %v", addr, err)
	}
	// The address listened on, not the one asked for: a host name can
	// stand for any address, and ":8000" for all of them.
	if !isLoopback(ln.Addr().String()) {
		port := ""
		if a, ok := ln.Addr().(*net.TCPAddr); ok {
			port = strconv.Itoa(a.Port)
		}
		fmt.Fprintf(e.stderr, "nasss: warning: listening on %s, which other devices on the network can reach.\n"+
			"Over plain http at an address other than localhost, browsers refuse the service worker and\n"+
			"persistent storage, so the app cannot work offline or keep work safely there. Serve it over HTTPS,\n"+
			"or use it on this machine at http://localhost:%s/.\n", addr, port)
	}
	return ln, nil
}

// isLoopback reports whether a host:port reaches this machine only:
// localhost, or a loopback IP address (127.0.0.0/8, ::1).
func isLoopback(hostport string) bool {
	host, _, err := net.SplitHostPort(hostport)
	if err != nil {
		return false
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func runBuild(e *env, args []string) error {
	fs := flags("build")
	out := fs.String("out", "", "folder to write the site to")
	web := fs.String("web", "web", "folder holding app.wasm, app.css and the icons")
	if err := parse(e, fs, args); err != nil {
		return err
	}
	if *out == "" || fs.NArg() > 0 {
		return badInput("want --out DIR (see 'nasss build -h')")
	}
	site, err := server.New(*web)
	if err != nil {
		return badInput("%v", err)
	}
	if err := site.Build(*out); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Wrote the static site (version %s) to %s\n", site.Version(), *out)
	return nil
}

func runPrecompress(e *env, args []string) error {
	fs := flags("precompress")
	if err := parse(e, fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return badInput("want one or more files")
	}
	for _, f := range fs.Args() {
		if err := server.Precompress(f); err != nil {
			return badInput("%v", err)
		}
	}
	return nil
}
