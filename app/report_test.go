package app

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/nasss-toolkit/nasss/app/pdf"
	q "github.com/nasss-toolkit/nasss/questionnaire"
)

// TestReportChoicesReachThePDF: what the app sends the PDF worker is what
// the renderer reads.
func TestReportChoicesReachThePDF(t *testing.T) {
	other, _ := q.EncodeCompact(q.New(q.Default(), "other", q.Quick, time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)))
	for _, c := range []reportChoices{{}, {Suggestions: "include", Names: true}, {Document: "pack", Suggestions: "leave-out"},
		{Document: "side-by-side", With: []json.RawMessage{other}}} {
		data, _ := json.Marshal(c)
		o, render, err := pdf.ParseChoices(string(data))
		if err != nil || string(o.Suggestions) != c.Suggestions || o.Names != c.Names || render == nil || len(o.With) != len(c.With) {
			t.Errorf("%s read as %+v, %v", data, o, err)
		}
	}
}
