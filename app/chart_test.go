package app

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"

	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/questionnaire/example"
	"github.com/nasss-toolkit/nasss/scoring"
)

func TestProfileChart(t *testing.T) {
	for _, a := range []*q.Assessment{
		example.Generate(example.Options{Mode: q.Full, Respondents: 3, Seed: 1}),
		q.New(q.Default(), "empty", q.Quick, example.Generate(example.Options{}).Created),
	} {
		pr := scoring.Score(q.Default(), a)
		svg := profileChart(&pr)
		dec := xml.NewDecoder(strings.NewReader(svg))
		for {
			if _, err := dec.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("the chart is not well-formed SVG: %v\n%s", err, svg)
			}
		}
		if strings.Count(svg, "<rect") < len(pr.Domains) || !strings.Contains(svg, `role="img"`) {
			t.Errorf("chart lacks bars or its role:\n%s", svg)
		}
		for _, d := range pr.Domains {
			if d.Level.OnScale() && !strings.Contains(svg, levelColours[d.Level]) {
				t.Errorf("domain %s (%s) has no bar", d.ID, d.Level)
			}
		}
	}
}
