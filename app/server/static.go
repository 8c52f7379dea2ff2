//go:build !wasm

package server

import (
	"bytes"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	nasss "github.com/nasss-toolkit/nasss/app"
)

// Build writes the whole site to out as static files that any static host
// can serve: every page, go-app's scripts and manifest, our worker, the
// web folder, the report files under their hashed names too, and the
// headers to send in a _headers file.
func (s *Site) Build(out string) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	if err := app.GenerateStaticWebsite(out, s.Handler, nasss.Pages...); err != nil {
		return fmt.Errorf("writing pages: %w", err)
	}
	// Most static hosts send 404.html for an address they do not have.
	notFound, err := os.ReadFile(filepath.Join(out, nasss.PathNotFound+".html"))
	if err != nil {
		return err
	}
	if err := writeFile(filepath.Join(out, "404.html"), notFound); err != nil {
		return err
	}
	// Pages are written as about.html; hosts that map /about to a folder
	// find about/index.html instead.
	for _, p := range nasss.Pages {
		if p == nasss.PathHome {
			continue
		}
		page, err := os.ReadFile(filepath.Join(out, p+".html"))
		if err != nil {
			return err
		}
		if err := writeFile(filepath.Join(out, p, "index.html"), page); err != nil {
			return err
		}
	}
	for u, f := range s.hashed {
		if err := writeFile(filepath.Join(out, filepath.FromSlash(u)), f.body[""]); err != nil {
			return err
		}
	}
	if err := writeFile(filepath.Join(out, HeadersFile), s.headersFile()); err != nil {
		return err
	}
	return filepath.WalkDir(s.webDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		// Plain hosts would send pre-compressed copies as they are, so
		// only the raw files go; the host compresses on the fly, if at all.
		// The folder's Go file only embeds the fonts for the command line.
		if !served(path) {
			return nil
		}
		rel, _ := filepath.Rel(s.webDir, path)
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return writeFile(filepath.Join(out, "web", rel), data)
	})
}

// HeadersFile is the file of the static site, in the format Netlify and
// Cloudflare Pages read, that gives the headers ServeHTTP sends.
const HeadersFile = "_headers"

// headersFile gives every path the security headers, and the report
// files' hashed URLs the long cache. It names no Cache-Control for the
// rest: Cloudflare Pages joins the values of every rule that matches a
// path, which would mix no-cache into the long cache.
func (s *Site) headersFile() []byte {
	var b bytes.Buffer
	b.WriteString("# The headers the NASSS toolkit's server sends, for hosts that read this file.\n/*\n")
	for _, h := range securityHeaders {
		fmt.Fprintf(&b, "  %s: %s\n", h.name, h.value)
	}
	for _, u := range slices.Sorted(maps.Keys(s.hashed)) {
		fmt.Fprintf(&b, "\n%s\n  Cache-Control: %s\n", u, cacheImmutable)
	}
	return b.Bytes()
}

func writeFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}
