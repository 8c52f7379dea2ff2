package pdf

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/scoring"
)

// Limits of the summary page, which must hold the whole story on one page
// whatever the file holds; the detail pages give everything in full.
const (
	summaryAbout    = 220 // characters of each fact about the project
	summaryActions  = 6
	summaryAction   = 120 // characters of an action's text
	summaryUnknowns = 5
)

// summary is the first page: the project, the reading with its counts and
// a one-line caveat, the profile, the agreed actions with owners and
// dates, and the top unknowns.
func (w *writer) summary() {
	p := w.pdf
	w.titleBlock("Action plan")
	w.para(w.factsLine(), "", body, secondary, lineH)
	if m := w.a.MadeWithNote(); m != "" {
		w.para(m, "", body, secondary, lineH)
	}
	for _, f := range w.a.About() {
		p.Ln(1)
		w.font("B", body, ink)
		p.Write(lineH, w.t(f.Label)+": ")
		w.font("", body, ink)
		p.Write(lineH, w.t(clip(f.Value, summaryAbout)))
		p.Ln(lineH)
	}

	r := w.profile.Reading
	p.Ln(4)
	w.para(r.Headline, "B", 15, ink, 7)
	if r.Partial {
		w.text("So far: " + r.Counts + ".")
	}
	w.text(r.Meaning)
	if r.Lens != "" {
		p.Ln(1)
		w.text(r.Lens)
	}
	if note := w.provisional(); note != "" {
		p.Ln(1)
		w.para(note, "B", body, ink, lineH)
	}
	p.Ln(1)
	w.para("A conversation aid, not a validated prediction: see \"How to read this report\".", "", body, secondary, lineH)
	p.Ln(4)
	w.chart()

	w.summaryActions()
	w.summaryUnknowns()
}

// provisional says, for a workshop, how far the reading is the group's:
// how many ratings the team has agreed, and who has not rated yet.
func (w *writer) provisional() string {
	if len(w.a.Respondents) < 2 {
		return ""
	}
	agreed, total := scoring.Agreed(w.bank, w.a)
	var parts []string
	if agreed < total {
		parts = append(parts, fmt.Sprintf("the team has agreed %d of %d ratings; %s the middle of people's ratings",
			agreed, total, scoring.Plural(total-agreed, "the other is", "the others are")))
	}
	if waiting := len(scoring.NotYetRated(w.a)); waiting > 0 {
		parts = append(parts, fmt.Sprintf("%d %s on the list %s not rated yet", waiting, scoring.Plural(waiting, "person", "people"), scoring.Plural(waiting, "has", "have")))
	}
	if len(parts) == 0 {
		return ""
	}
	return "Provisional: " + strings.Join(parts, "; ") + "."
}

// factsLine says what kind of assessment this is, by how many, and when.
func (w *writer) factsLine() string {
	mode := "Quick scan"
	if w.a.Mode == q.Full {
		mode = "Full assessment"
	}
	return fmt.Sprintf("%s · %s · %d of %d questions answered · report made %s",
		mode, scoring.PeopleRated(w.a), w.profile.Answered, w.profile.Applicable, longDate(w.date))
}

// summaryActions lists the first agreed actions still open, with owners
// and dates, as many as fit on the page beside the unknowns.
func (w *writer) summaryActions() {
	p := w.pdf
	agreed := w.agreedLines()
	// Open actions first: a board wants what is still to do.
	slices.SortStableFunc(agreed, func(x, y scoring.PlannedAction) int {
		return cmp.Compare(closed(x), closed(y))
	})
	p.Ln(3)
	w.para(fmt.Sprintf("Agreed actions (%d)", len(agreed)), "B", subhead, ink, 6)
	p.Ln(1)
	if len(agreed) == 0 {
		w.text("No actions are agreed yet. The plan page offers a suggestion for each question rated complex, complicated or \"don't know\"" +
			w.suggestionsWhere() + ".")
		return
	}
	cols := []column{{"Action", 92}, {"Owner", 36}, {"Due", 22}, {"Status", textW - 150}}
	room := pageH - bottom - p.GetY() - 7 - 6 // the table's heading, the line after it
	if len(w.profile.Unknowns) > 0 {
		room -= 22
	}
	var rows [][]string
	for _, pa := range agreed {
		row := []string{clip(pa.Text, summaryAction), pa.Owner, longDateOf(pa.Due), pa.Status.Label()}
		h := w.rowHeight(cols, row)
		if len(rows) == summaryActions || h > room {
			break
		}
		room -= h
		rows = append(rows, row)
	}
	w.table(cols, rows)
	if more := len(agreed) - len(rows); more > 0 {
		w.text(fmt.Sprintf("And %d more under \"Agreed actions\", next page.", more))
	}
}

// closed is 1 for an action done or found not to apply, else 0.
func closed(pa scoring.PlannedAction) int {
	if pa.Status == q.Done || pa.Status == q.DoesNotFit {
		return 1
	}
	return 0
}

// suggestionsWhere says where a reader finds the untaken suggestions.
func (w *writer) suggestionsWhere() string {
	if w.withSuggestions(w.opts.Suggestions) {
		return "; they are listed at the end of this report"
	}
	return ""
}

// summaryUnknowns names the first things nobody knows yet.
func (w *writer) summaryUnknowns() {
	u := w.profile.Unknowns
	if len(u) == 0 {
		return
	}
	p := w.pdf
	p.Ln(2)
	w.need(20)
	w.para(fmt.Sprintf("Not known yet (%d)", len(u)), "B", subhead, ink, 6)
	p.Ln(1)
	var names []string
	for i, ref := range u {
		if i == summaryUnknowns {
			names = append(names, fmt.Sprintf("and %d more", len(u)-i))
			break
		}
		names = append(names, ref.ID+" "+ref.Title)
	}
	w.text(strings.Join(names, "; ") + ". Each is something to find out: see \"Unknowns to find out\".")
}

// chart draws the profile as bars, one per domain, as long as its level,
// with the level written at the bar's end.
func (w *writer) chart() {
	p := w.pdf
	// No scale along the top: each bar says its level at its end.
	const labelW, barW, rowH = 70.0, 60.0, 10.0
	w.need(2 + rowH*float64(len(w.profile.Domains)))
	x0, y := margin+labelW, p.GetY()+1
	for _, d := range w.profile.Domains {
		// Long titles wrap onto a second line rather than being cut.
		w.font("", body, ink)
		label := w.t(fmt.Sprintf("%s. %s", d.ID, d.Title))
		if w.lines(label, labelW-3) > 1 {
			p.SetXY(margin, y-0.6)
		} else {
			p.SetXY(margin, y+1.7)
		}
		p.MultiCell(labelW-3, 4.2, label, "", "L", false)
		p.SetFillColor(paleGrey.r, paleGrey.g, paleGrey.b)
		p.Rect(x0, y, barW, 7, "F")
		if s := d.Level.Score(); s > 0 {
			c := levelRGB[d.Level]
			p.SetFillColor(c.r, c.g, c.b)
			p.Rect(x0, y, barW*float64(s)/3, 7, "F")
		}
		p.SetDrawColor(118, 134, 146)
		p.SetDashPattern([]float64{0.6, 0.6}, 0)
		for l := 1; l <= 3; l++ {
			x := x0 + barW*float64(l)/3
			p.Line(x, y-0.8, x, y+7.8)
		}
		p.SetDashPattern(nil, 0)
		label = domainLabel(d)
		if d.SetByTeam {
			label += " (team)"
		}
		if d.Uncertain && d.Level.OnScale() {
			label += " (?)"
		}
		w.font("B", body, ink)
		p.SetXY(x0+barW+2, y+1)
		p.CellFormat(textW-labelW-barW-2, 5, label, "", 0, "L", false, 0, "")
		y += rowH
	}
	p.SetY(y - 1)
	if key := chartKey(w.profile.Domains); key != "" {
		w.para(key, "", body, secondary, lineH)
	}
}

// chartKey explains the marks the chart uses, and only those.
func chartKey(domains []scoring.DomainResult) string {
	var unsure, team bool
	for _, d := range domains {
		unsure = unsure || d.Uncertain && d.Level.OnScale()
		team = team || d.SetByTeam
	}
	var parts []string
	if unsure {
		parts = append(parts, "(?) means some answers were \"don't know\"")
	}
	if team {
		parts = append(parts, "(team) means the team set the domain's level, with its reason")
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, "; ") + "."
}

// scaleLegend are the levels a chart or table names.
var scaleLegend = []q.Level{q.Simple, q.Complicated, q.Complex, q.Unknown}
