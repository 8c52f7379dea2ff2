package app

import (
	"fmt"
	"html"
	"strings"

	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/scoring"
)

// Chart geometry, in SVG user units. The chart is narrow and tall, with
// each label above its bar, so it stays legible on a phone.
const (
	chartWidth  = 360
	chartRow    = 58
	chartTop    = 28
	chartLabelH = 18
	chartBarH   = 22
	// chartLabelChars is as many characters of bold 14-unit text as fit
	// in the chart's width; longer titles wrap onto another line.
	chartLabelChars = 38
)

// levelColours follow the level's meaning: green, amber, red; grey for a
// domain with nothing rated on the scale.
var levelColours = map[q.Level]string{
	q.Simple:      "#007f3b",
	q.Complicated: "#ffb81c",
	q.Complex:     "#d5281b",
}

// profileChart draws the profile as an SVG bar chart: one bar per domain,
// as long as its level. Screen readers get the table that follows it.
func profileChart(pr *scoring.Profile) string {
	var b strings.Builder
	labels := make([][]string, len(pr.Domains))
	height := chartTop + 8
	for i, d := range pr.Domains {
		title := d.ID + ". " + d.Title
		if d.SetByTeam {
			title += " (set by the team)"
		}
		labels[i] = wrapWords(title, chartLabelChars)
		height += chartRow + chartLabelH*(len(labels[i])-1)
	}
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 %d %d" role="img" aria-labelledby="chart-title chart-desc" focusable="false">`, chartWidth, height)
	fmt.Fprintf(&b, `<title id="chart-title">Complexity profile</title><desc id="chart-desc">%s. The table below gives each domain's level and counts.</desc>`, html.EscapeString(pr.Reading.Headline))
	step := float64(chartWidth-40) / 3
	for i, name := range []string{"Simple", "Complicated", "Complex"} {
		fmt.Fprintf(&b, `<text x="%.0f" y="16" text-anchor="end" font-size="12" fill="#4c6272">%s</text>`, step*float64(i+1)-2, name)
	}
	y := chartTop
	for i, d := range pr.Domains {
		for _, line := range labels[i] {
			fmt.Fprintf(&b, `<text x="0" y="%d" font-size="14" font-weight="bold" fill="#212b32">%s</text>`, y+chartLabelH-4, html.EscapeString(line))
			y += chartLabelH
		}
		y -= chartLabelH
		by := y + chartLabelH
		fmt.Fprintf(&b, `<rect x="0" y="%d" width="%d" height="%d" fill="#e8edee"/>`, by, chartWidth-40, chartBarH)
		// Tick marks at each level, within the bar's row only, so they
		// never cross a label.
		for l := 1; l <= 3; l++ {
			x := step * float64(l)
			fmt.Fprintf(&b, `<line x1="%.0f" y1="%d" x2="%.0f" y2="%d" stroke="#768692" stroke-dasharray="2 2"/>`, x, by-2, x, by+chartBarH+2)
		}
		if s := d.Level.Score(); s > 0 {
			fmt.Fprintf(&b, `<rect x="0" y="%d" width="%.0f" height="%d" fill="%s"/>`, by, step*float64(s), chartBarH, levelColours[d.Level])
		} else {
			label := "Not rated yet"
			if d.Uncertain {
				label = "Don't know"
			}
			fmt.Fprintf(&b, `<text x="6" y="%d" font-size="13" fill="#4c6272">%s</text>`, by+16, label)
		}
		if d.Uncertain {
			// A question mark after the bar: some answers are "don't know".
			x := step*float64(d.Level.Score()) + 6
			if d.Level.Score() == 0 {
				x = 100
			}
			fmt.Fprintf(&b, `<text x="%.0f" y="%d" font-size="18" font-weight="bold" fill="#212b32">?</text>`, x, by+17)
		}
		y += chartRow
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// wrapWords breaks text into lines of at most n characters, at spaces; a
// word longer than a line is cut, as nothing else fits.
func wrapWords(text string, n int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		switch {
		case line == "":
			line = w
		case len([]rune(line))+1+len([]rune(w)) <= n:
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
		for len([]rune(line)) > n {
			r := []rune(line)
			lines = append(lines, string(r[:n]))
			line = string(r[n:])
		}
	}
	return append(lines, line)
}
