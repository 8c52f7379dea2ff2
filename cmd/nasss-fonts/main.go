// Command nasss-fonts makes the report's fonts: it cuts the unmodified
// DejaVu Sans fonts in dejavu/ down to the characters the report prints
// (pdf.Printable) and writes them, with their brotli and gzip copies, to
// web/fonts. Run it from the module root after changing either:
//
//	go run ./cmd/nasss-fonts
//
// A test fails while the committed fonts differ from what it would write.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"unicode"

	"github.com/nasss-toolkit/nasss/app/pdf"
	"github.com/nasss-toolkit/nasss/app/pdf/subset"
	"github.com/nasss-toolkit/nasss/app/server"
)

// fonts are the source files in dejavu/, by their name under web/fonts.
var fonts = []string{"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"}

func main() {
	for _, name := range fonts {
		if err := write(name, "cmd/nasss-fonts/dejavu", "web/fonts"); err != nil {
			fmt.Fprintln(os.Stderr, "nasss-fonts:", err)
			os.Exit(1)
		}
	}
}

func write(name, from, to string) error {
	data, err := cut(filepath.Join(from, name))
	if err != nil {
		return err
	}
	out := filepath.Join(to, name)
	if err := os.WriteFile(out, data, 0o644); err != nil {
		return err
	}
	return server.Precompress(out)
}

// cut reads one source font and gives its subset.
func cut(path string) ([]byte, error) {
	full, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	data, err := subset.Font(full, func(r rune) bool { return unicode.Is(pdf.Printable, r) })
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return data, nil
}
