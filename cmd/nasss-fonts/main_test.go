package main

import (
	"bytes"
	"os"
	"testing"
)

// TestCommittedFontsAreCurrent fails while web/fonts holds something other
// than what this command makes from dejavu/ and pdf.Printable.
func TestCommittedFontsAreCurrent(t *testing.T) {
	for _, name := range fonts {
		want, err := cut("dejavu/" + name)
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile("../../web/fonts/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("web/fonts/%s is not the current subset: run go run ./cmd/nasss-fonts", name)
		}
	}
}
