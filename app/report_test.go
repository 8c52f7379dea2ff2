package app

import (
	"encoding/json"
	"testing"

	"github.com/nasss-toolkit/nasss/app/pdf"
)

// TestReportChoicesReachThePDF: what the app sends the PDF worker is what
// the renderer reads.
func TestReportChoicesReachThePDF(t *testing.T) {
	for _, c := range []reportChoices{{}, {"", "include", true}, {"pack", "leave-out", false}} {
		data, _ := json.Marshal(c)
		o, render, err := pdf.ParseChoices(string(data))
		if err != nil || string(o.Suggestions) != c.Suggestions || o.Names != c.Names || render == nil {
			t.Errorf("%s read as %+v, %v", data, o, err)
		}
	}
}
