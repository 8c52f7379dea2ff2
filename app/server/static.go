//go:build !wasm

package server

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	nasss "github.com/nasss-toolkit/nasss/app"
)

// Build writes the whole site to out as static files that any static host
// can serve: every page, go-app's scripts and manifest, our worker, and
// the web folder.
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

func writeFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}
