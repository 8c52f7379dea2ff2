package pdf

import (
	"fmt"
	"strings"

	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/scoring"
)

// checksIntro says what the "Always check" list is, in the role's words.
func checksIntro(r q.Role) string {
	if r == q.Builder {
		return "A maker's duties and what buyers will ask of you, whatever the answers. Each can be done, found not to apply, or given to someone."
	}
	return "Duties and standards every project checks, whatever its answers. Each can be done, found not to apply, or given to someone."
}

// RenderSideBySide makes the PDF of several assessments side by side: a
// as the first, o.With after it.
func RenderSideBySide(b *q.Bank, a *q.Assessment, fonts Fonts, o Options) ([]byte, error) {
	entries := []scoring.Entry{{Bank: b, A: a}}
	for _, x := range o.With {
		entries = append(entries, scoring.Entry{Bank: q.LookupBank(x.Bank), A: x})
	}
	s, err := scoring.CompareSide(entries)
	if err != nil {
		return nil, err
	}
	return renderNamed(b, a, fonts, o, "Side by side", sideTitle(&s), func(w *writer) {
		w.pdf.AddPage()
		w.sideBySide(&s)
	})
}

// sideBySide is the side-by-side section: who is compared, what stands
// out, the table, what nobody knows, and the checks of the roles shown.
func (w *writer) sideBySide(s *scoring.SideBySide) {
	p := w.pdf
	w.titleBlock("Side by side")
	w.text(fmt.Sprintf("Made on %s. %d assessments, compared domain by domain.", longDate(w.date), len(s.Columns)))
	p.Ln(2)
	var who [][]string
	for i, c := range s.Columns {
		who = append(who, []string{fmt.Sprintf("%d. %s", i+1, c.Label), c.Project, c.Mode.Title(), c.Counts})
	}
	w.table([]column{{"Assessment", 44}, {"Project", 46}, {"Kind", 26}, {"Reading", textW - 44 - 46 - 26}}, who)

	w.heading("What stands out", 30)
	for _, line := range s.Summary {
		w.need(10)
		w.text("• " + line)
	}
	p.Ln(2)

	w.heading("Each domain, side by side", 40)
	// The assessments share what the domain's column leaves; with many,
	// the cells get smaller until the longest level fits a column.
	const domainW = 40.0
	across := len(s.Columns) <= 3
	n := len(s.Columns)
	if across {
		n++
	}
	colW := (textW - domainW) / float64(n)
	size := body
	for ; size > 6.5; size -= 0.5 {
		w.font("", size, ink)
		if w.pdf.GetStringWidth("Complicated ?") <= colW-2 {
			break
		}
	}
	cols := []column{{"Domain", domainW}}
	for i, c := range s.Columns {
		// Headings are one line: the setting's name where it fits.
		title := fmt.Sprint(i + 1)
		w.font("B", body, ink)
		if l := fmt.Sprintf("%d. %s", i+1, c.Label); w.pdf.GetStringWidth(w.t(l)) <= colW-2 {
			title = l
		}
		cols = append(cols, column{w.t(title), colW})
	}
	if across {
		cols = append(cols, column{"Across them", colW})
	}
	var rows [][]string
	for _, r := range s.Rows {
		row := []string{r.Domain + ". " + r.Title}
		for i := range r.Levels {
			cell := r.LevelText(i)
			if r.Standout == i {
				cell += " (stands out)"
			}
			row = append(row, cell)
		}
		if across {
			switch {
			case r.Agree:
				row = append(row, "Agree")
			case r.Standout >= 0:
				row = append(row, fmt.Sprintf("%d stands out", r.Standout+1))
			default:
				row = append(row, "Differ")
			}
		}
		rows = append(rows, row)
	}
	w.cellSize = size
	w.table(cols, rows)
	w.cellSize = 0
	key := "Columns are numbered as in the list above."
	if s.Unsure() {
		key += " A question mark: some answers are \"don't know\", so the domain may be more complex than it shows."
	}
	w.text(key)
	w.legend(scaleLegend)

	w.heading("What none of them knows yet", 24)
	switch {
	case len(s.SharedUnknowns) > 0:
		for _, u := range s.SharedUnknowns {
			w.text(fmt.Sprintf("• %s %s", u.ID, u.Title))
		}
	case len(s.SharedUncertain) > 0:
		w.text("Every one has a \"don't know\" in " + strings.Join(s.SharedUncertainTitles(), "; ") + ", though not on the same question.")
	default:
		w.text("No question is \"don't know\" in all of them.")
	}

	if len(s.PartlyUnknown) > 0 {
		w.subheading("Not known in some of them", 12)
		for _, u := range s.PartlyUnknown {
			w.text(fmt.Sprintf("• %s %s (%d of %d)", u.ID, u.Title, u.In, len(s.Columns)))
		}
	}
	for _, c := range s.Columns {
		if c.Role == q.Builder {
			w.heading("Always check: a maker's duties", 30)
			w.text("Whichever settings you sell into, buyers will ask for these. " + checksIntro(q.Builder))
			p.Ln(2)
			var checks [][]string
			for _, ck := range w.bank.BaselineFor(q.Builder) {
				checks = append(checks, []string{ck.Title, ck.Text + "\n" + ck.Nations})
			}
			w.table([]column{{"Check", 44}, {"What it asks", textW - 44}}, checks)
			break
		}
	}
	w.glossary()
}

// sideTitle names what is compared: the product, when all are one
// project's settings, else how many projects.
func sideTitle(s *scoring.SideBySide) string {
	for _, c := range s.Columns[1:] {
		if c.Project != s.Columns[0].Project {
			return fmt.Sprintf("%d projects", len(s.Columns))
		}
	}
	if s.Columns[0].Project == "" {
		return "Untitled project"
	}
	return s.Columns[0].Project
}
