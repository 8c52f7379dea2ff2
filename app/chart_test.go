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

// TestChartKeepsWholeTitles: long domain titles wrap rather than being cut
// at the chart's edge, and a level the team set says so.
func TestChartKeepsWholeTitles(t *testing.T) {
	a := example.Generate(example.Options{Mode: q.Full, Respondents: 1, Seed: 1})
	a.DomainLevels = map[string]q.DomainLevel{"1": {Level: q.Simple, Reason: "Only staff use it."}}
	pr := scoring.Score(q.Default(), a)
	svg := profileChart(&pr)
	var words []string
	dec := xml.NewDecoder(strings.NewReader(svg))
	inText := false
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			inText = tok.Name.Local == "text" || tok.Name.Local == "tspan"
		case xml.CharData:
			if inText {
				words = append(words, strings.TrimSpace(string(tok)))
			}
		}
	}
	shown := strings.Join(strings.Fields(strings.Join(words, " ")), " ")
	for _, d := range pr.Domains {
		if !strings.Contains(shown, d.ID+". "+d.Title) {
			t.Errorf("the chart does not show %q whole: %s", d.Title, shown)
		}
	}
	if !strings.Contains(shown, "(set by the team)") {
		t.Errorf("the chart does not mark the level the team set: %s", shown)
	}
	for _, line := range strings.Split(svg, "</text>") {
		if i := strings.LastIndex(line, ">"); i >= 0 && len([]rune(line[i+1:])) > chartLabelChars {
			t.Errorf("a label line is %d characters, more than fit: %q", len([]rune(line[i+1:])), line[i+1:])
		}
	}
}
