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
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return badInput("cannot listen on %s: %v", *addr, err)
	}
	srv := &http.Server{Handler: site, ReadHeaderTimeout: 10 * time.Second}
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
