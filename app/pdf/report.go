// Package pdf renders an assessment as the PDF action plan a team takes to
// its board. It is pure Go with gofpdf and no go-app, so the browser and
// the command line make the same document, byte for byte, from the same
// file, date and fonts.
package pdf

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"
	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/scoring"
)

// Fonts are the TrueType files the report is set in. Both must cover the
// same characters; the regular one decides what counts as printable.
type Fonts struct{ Regular, Bold []byte }

// Options control a rendering.
type Options struct {
	// Date is printed as the generation date and stored as the PDF's
	// creation date; the same date gives the same bytes.
	Date time.Time
	// Uncompressed leaves page content readable, for golden files.
	Uncompressed bool
}

// pageCountAlias stands for the page count until gofpdf knows it, when it
// replaces the alias's bytes everywhere in the page content, user text
// included: gofpdf's usual "{nb}" made "{nb}" in a note print as a number.
// Nothing a person writes can encode to these bytes: the alias holds
// U+0001, which sanitise drops, and read across character boundaries its
// bytes are characters the font lacks (TestPageCountAliasCannotBeWritten).
const pageCountAlias = "\x01nb\x01"

// Page geometry in millimetres (A4).
const (
	pageW, pageH = 210.0, 297.0
	margin       = 18.0
	bottom       = 20.0 // room for the footer
	textW        = pageW - 2*margin
	family       = "dejavu"
)

type rgb struct{ r, g, b int }

var (
	ink       = rgb{33, 43, 50}
	secondary = rgb{76, 98, 114}
	blue      = rgb{0, 94, 184}
	paleGrey  = rgb{232, 237, 238}
	rule      = rgb{216, 221, 224}
	levelRGB  = map[q.Level]rgb{q.Simple: {0, 127, 59}, q.Complicated: {255, 184, 28}, q.Complex: {213, 40, 27}}
)

// Render makes the report. Any failure, a panic inside gofpdf included,
// comes back as an error: the app shows it and carries on.
func Render(b *q.Bank, a *q.Assessment, fonts Fonts, o Options) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("the PDF could not be made: %v", r)
		}
	}()
	cov, err := fontCoverage(fonts.Regular)
	if err != nil {
		return nil, err
	}
	w := &writer{
		pdf: gofpdf.New("P", "mm", "A4", ""), cov: cov, bank: b, a: a, date: o.Date.UTC(),
		profile: scoring.Score(b, a), plan: scoring.Plan(b, a),
	}
	w.setup(fonts, o)
	w.cover()
	w.howToRead()
	w.profileSection()
	w.changes()
	w.domains()
	w.unknowns()
	w.links()
	w.actionPlan()
	w.reflections()
	w.glossary()
	if err := w.pdf.Error(); err != nil {
		return nil, fmt.Errorf("the PDF could not be made: %w", err)
	}
	var buf bytes.Buffer
	if err := w.pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("the PDF could not be made: %w", err)
	}
	return buf.Bytes(), nil
}

// writer holds one rendering's state.
type writer struct {
	pdf     *gofpdf.Fpdf
	cov     coverage
	bank    *q.Bank
	a       *q.Assessment
	date    time.Time
	profile scoring.Profile
	plan    []scoring.PlannedAction
	// printed is every text the report set, so its glossary can list
	// the terms it used.
	printed []string
}

func (w *writer) setup(fonts Fonts, o Options) {
	p := w.pdf
	p.SetCatalogSort(true)
	p.SetCompression(!o.Uncompressed)
	p.SetCreationDate(w.date)
	p.SetModificationDate(w.date)
	p.AddUTF8FontFromBytes(family, "", fonts.Regular)
	p.AddUTF8FontFromBytes(family, "B", fonts.Bold)
	p.SetTitle(w.t("Action plan: "+projectName(w.a)), true)
	p.SetCreator("NASSS complexity self-assessment", true)
	p.SetMargins(margin, margin, margin)
	p.SetAutoPageBreak(true, bottom)
	p.AliasNbPages(pageCountAlias)
	p.SetFooterFunc(func() {
		p.SetY(-14)
		w.font("", 8, secondary)
		p.CellFormat(textW/2, 5, fmt.Sprintf("Page %d of %s", p.PageNo(), pageCountAlias), "", 0, "L", false, 0, "")
		p.CellFormat(textW/2, 5, fmt.Sprintf("Question bank %s · Generated %s", w.bank.Ref(), longDate(w.date)), "", 0, "R", false, 0, "")
	})
	p.AddPage()
}

// t makes any text printable in the report's font.
func (w *writer) t(s string) string {
	w.printed = append(w.printed, s)
	return w.cov.sanitise(s)
}

func (w *writer) font(style string, size float64, c rgb) {
	w.pdf.SetFont(family, style, size)
	w.pdf.SetTextColor(c.r, c.g, c.b)
}

// need starts a new page unless h millimetres fit on this one.
func (w *writer) need(h float64) {
	if w.pdf.GetY()+h > pageH-bottom {
		w.pdf.AddPage()
	}
}

// lines is how many lines text takes at width in the current font.
func (w *writer) lines(text string, width float64) int {
	n := 0
	for _, para := range strings.Split(text, "\n") {
		n += max(1, len(w.pdf.SplitText(para, width)))
	}
	return n
}

// para writes wrapped text across the full width; long text continues
// onto the next page.
func (w *writer) para(text string, style string, size float64, c rgb, lineH float64) {
	w.font(style, size, c)
	w.pdf.MultiCell(textW, lineH, w.t(text), "", "L", false)
}

// heading starts a section, with room for at least some of what follows.
func (w *writer) heading(text string, size float64) {
	w.need(size*0.5 + 24)
	w.pdf.Ln(3)
	w.para(text, "B", size, blue, size*0.5)
	w.pdf.Ln(1.5)
}

func (w *writer) cover() {
	p := w.pdf
	p.SetFillColor(blue.r, blue.g, blue.b)
	p.Rect(0, 0, pageW, 8, "F")
	p.SetY(40)
	w.para("NASSS complexity assessment", "B", 13, secondary, 7)
	w.para("Action plan", "B", 30, ink, 13)
	p.Ln(4)
	w.para(projectName(w.a), "B", 18, blue, 9)
	p.Ln(10)
	mode := "Quick scan (one question per domain)"
	if w.a.Mode == q.Full {
		mode = "Full assessment (24 questions)"
	}
	var who []string
	for i, r := range w.a.Respondents {
		who = append(who, r.Label(i))
	}
	facts := [][2]string{
		{"Organisation", w.a.Project.Organisation},
		{"Technology", w.a.Project.Technology},
		{"Assessment", mode},
		{"Last changed", longDate(w.a.Updated)},
		{"Respondents", fmt.Sprintf("%d: %s", len(w.a.Respondents), strings.Join(who, "; "))},
		{"Report made", longDate(w.date)},
	}
	for _, f := range facts {
		if f[1] == "" {
			continue
		}
		y := p.GetY()
		w.font("B", 10, secondary)
		p.SetXY(margin, y)
		p.CellFormat(38, 5.5, f[0], "", 0, "L", false, 0, "")
		w.font("", 10, ink)
		p.SetXY(margin+38, y)
		p.MultiCell(textW-38, 5.5, w.t(f[1]), "", "L", false)
		p.Ln(1.5)
	}
	for _, f := range w.a.Project.About() {
		p.Ln(2)
		w.para(f.Label, "B", 10, secondary, 5.5)
		w.para(f.Value, "", 10, ink, 5)
	}
	if n := w.a.Project.Notes; n != "" {
		p.Ln(2)
		w.para("Notes", "B", 10, secondary, 5.5)
		w.para(n, "", 10, ink, 5)
	}
	if m := w.a.MadeWithNote(); m != "" {
		p.Ln(3)
		w.para(m, "", 9, secondary, 4.5)
	}
	p.Ln(10)
	w.box("A conversation aid, not a verdict", scoring.Caveat)
	p.AddPage()
}

// box is a shaded panel with a title, kept on one page.
func (w *writer) box(title, text string) {
	p := w.pdf
	w.font("", 9.5, ink)
	h := 10 + float64(w.lines(w.t(text), textW-10))*5
	w.need(h + 4)
	y := p.GetY()
	p.SetFillColor(paleGrey.r, paleGrey.g, paleGrey.b)
	p.Rect(margin, y, textW, h, "F")
	p.SetFillColor(blue.r, blue.g, blue.b)
	p.Rect(margin, y, 1.5, h, "F")
	p.SetXY(margin+5, y+3)
	w.font("B", 10, ink)
	p.MultiCell(textW-10, 5, w.t(title), "", "L", false)
	p.SetX(margin + 5)
	w.font("", 9.5, ink)
	p.MultiCell(textW-10, 5, w.t(text), "", "L", false)
	p.SetY(y + h + 4)
}

func (w *writer) howToRead() {
	w.heading("How to read this report", 16)
	w.para("NASSS (Non-adoption, Abandonment, and challenges to Scale-up, Spread and Sustainability) looks at seven domains "+
		"of a technology project, from the condition people live with to the wider system. Each can be simple (few parts, "+
		"predictable), complicated (many parts, but predictable with expertise) or complex (changing and unpredictable).", "", 10, ink, 5)
	w.pdf.Ln(2)
	for _, para := range scoring.HowItWorks {
		w.pdf.Ln(2)
		w.para(para, "", 10, ink, 5)
	}
	w.pdf.Ln(3)
	w.para("What each answer means", "B", 10.5, ink, 5.5)
	w.legend(q.AllLevels)
	w.pdf.Ln(3)
	w.box("This is a heuristic for discussion", scoring.Caveat)
	w.para("Sources", "B", 10, ink, 5.5)
	for _, s := range q.Sources {
		w.para(s.Citation+" doi:"+s.DOI, "", 8.5, secondary, 4.3)
		w.pdf.Ln(1)
	}
	w.para("An independent tool based on the NASSS framework; not the official NASSS-CAT. Its questions and suggested actions are its own.", "", 8.5, secondary, 4.3)
}

func (w *writer) profileSection() {
	p := w.pdf
	p.AddPage()
	w.heading("Profile", 16)
	r := w.profile.Reading
	w.para(r.Headline, "B", 13, ink, 6.5)
	if r.Partial {
		w.para("So far: "+r.Counts+".", "", 10, ink, 5)
	}
	w.para(r.Meaning, "", 10, ink, 5)
	p.Ln(1)
	w.para("Why: "+r.Why, "", 10, ink, 5)
	p.Ln(4)
	w.chart()
	p.Ln(4)
	w.profileTable()
	w.legend(q.AllLevels)
}

// legend gives each level named in a section its one-line meaning, since
// "complicated" and "complex" are near-synonyms in everyday English.
func (w *writer) legend(levels []q.Level) {
	for _, l := range levels {
		w.need(10)
		w.font("B", 9, ink)
		label := l.Label() + ": "
		w.pdf.Write(4.6, label)
		w.font("", 9, ink)
		w.pdf.Write(4.6, w.t(w.bank.Meaning(l)))
		w.pdf.Ln(5.6)
	}
	w.pdf.Ln(2)
}

// chart draws the profile as bars, one per domain, as long as its level.
func (w *writer) chart() {
	p := w.pdf
	const labelW, barW, rowH = 60.0, 80.0, 9.0
	w.need(8 + rowH*float64(len(w.profile.Domains)))
	x0, y := margin+labelW, p.GetY()
	w.font("", 7.5, secondary)
	for i, name := range []string{"Simple", "Complicated", "Complex"} {
		p.SetXY(x0+barW*float64(i)/3, y)
		p.CellFormat(barW/3, 4, name, "", 0, "R", false, 0, "")
	}
	y += 6
	for _, d := range w.profile.Domains {
		// Long titles wrap onto a second line rather than being cut.
		w.font("", 8.5, ink)
		label := w.t(fmt.Sprintf("%s. %s", d.ID, d.Title))
		if w.lines(label, labelW-3) > 1 {
			p.SetXY(margin, y-0.3)
		} else {
			p.SetXY(margin, y+1.7)
		}
		p.MultiCell(labelW-3, 3.8, label, "", "L", false)
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
		w.font("B", 8.5, ink)
		p.SetXY(x0+barW+2, y+1)
		p.CellFormat(textW-labelW-barW-2, 5, label, "", 0, "L", false, 0, "")
		y += rowH
	}
	p.SetY(y)
	w.font("", 8, secondary)
	p.MultiCell(textW, 4, "The longer the bar, the more complex the domain. (?) means some answers were \"don't know\". "+
		"(team) means the team set the domain's level; the domain pages give its reason.", "", "L", false)
}

func (w *writer) profileTable() {
	cols := []column{{"Domain", 54}, {"Level", 28}, {"Simple", 13}, {"Compl.", 14}, {"Complex", 15}, {"Don't know", 20}, {"N/A", 10}, {"Answered", 20}}
	var rows [][]string
	for _, d := range w.profile.Domains {
		c := d.Counts
		level := domainLabel(d)
		if d.Uncertain && d.Level.OnScale() {
			level += " (with unknowns)"
		}
		if d.SetByTeam {
			level += ", set by the team"
		}
		rows = append(rows, []string{fmt.Sprintf("%s. %s", d.ID, d.Title), level,
			fmt.Sprint(c.Simple), fmt.Sprint(c.Complicated), fmt.Sprint(c.Complex), fmt.Sprint(c.Unknown),
			fmt.Sprint(c.NotApplicable), fmt.Sprintf("%d of %d", d.Answered, d.Applicable)})
	}
	w.table(cols, rows)
}

// column is a table column: its heading and width in millimetres.
type column struct {
	title string
	width float64
}

// table draws rows, never splitting one across pages, and repeats the
// heading on every page it spans.
func (w *writer) table(cols []column, rows [][]string) {
	p := w.pdf
	const lineH = 4.3
	header := func() {
		w.font("B", 8, ink)
		p.SetFillColor(paleGrey.r, paleGrey.g, paleGrey.b)
		x, y := margin, p.GetY()
		for _, c := range cols {
			p.SetXY(x, y)
			p.CellFormat(c.width, 6, c.title, "", 0, "L", true, 0, "")
			x += c.width
		}
		p.SetY(y + 6)
	}
	w.need(6 + 2*lineH + 2)
	header()
	for _, row := range rows {
		w.font("", 8.5, ink)
		n := 1
		for i, cell := range row {
			row[i] = w.t(cell)
			n = max(n, w.lines(row[i], cols[i].width-1.5))
		}
		h := float64(n)*lineH + 2
		if p.GetY()+h > pageH-bottom {
			p.AddPage()
			header()
			w.font("", 8.5, ink)
		}
		x, y := margin, p.GetY()
		for i, cell := range row {
			p.SetXY(x, y+1)
			p.MultiCell(cols[i].width-1.5, lineH, cell, "", "L", false)
			x += cols[i].width
		}
		p.SetDrawColor(rule.r, rule.g, rule.b)
		p.Line(margin, y+h, margin+textW, y+h)
		p.SetY(y + h)
	}
	p.Ln(4)
}

// changes compares with the latest earlier review, if there is one.
func (w *writer) changes() {
	if len(w.a.History) == 0 {
		return
	}
	snap := w.a.History[len(w.a.History)-1]
	c, err := scoring.Compare(w.bank, scoring.AsAssessment(w.a, snap), w.a)
	if err != nil {
		return
	}
	since := string(snap.Date)
	if t, ok := snap.Date.Time(); ok {
		since = longDate(t)
	}
	w.heading("What changed since "+since, 16)
	w.para(fmt.Sprintf("Complex domains: %d then, %d now.", c.ComplexBefore, c.ComplexAfter), "", 10, ink, 5)
	w.pdf.Ln(2)
	var rows [][]string
	for _, d := range c.Domains {
		rows = append(rows, []string{d.ID + ". " + d.Title, scoring.DomainLevelLabel(d.Before, d.BeforeUncertain),
			scoring.DomainLevelLabel(d.After, d.AfterUncertain), capitalise(d.Change.Label())})
	}
	w.table([]column{{"Domain", 80}, {"Then", 30}, {"Now", 30}, {"Change", textW - 140}}, rows)
	rows = nil
	for _, d := range c.Domains {
		for _, it := range d.Items {
			if it.Change != scoring.Same {
				rows = append(rows, []string{it.ID + " " + it.Title, it.Before.Label(), it.After.Label(), capitalise(it.Change.Label())})
			}
		}
	}
	if len(rows) > 0 {
		w.para("Questions that moved", "B", 10.5, ink, 5.5)
		w.table([]column{{"Question", 80}, {"Then", 30}, {"Now", 30}, {"Change", textW - 140}}, rows)
	}
}

func (w *writer) domains() {
	w.pdf.AddPage()
	w.heading("Domain by domain", 16)
	for _, d := range w.profile.Domains {
		dom := w.bank.Domain(d.ID)
		w.need(40)
		w.pdf.Ln(2)
		title := fmt.Sprintf("%s. %s: %s", d.ID, d.Title, domainLabel(d))
		w.para(title, "B", 13, blue, 6.5)
		w.para(fmt.Sprintf("%d simple, %d complicated, %d complex, %d don't know, %d not applicable; %d of %d answered.",
			d.Counts.Simple, d.Counts.Complicated, d.Counts.Complex, d.Counts.Unknown, d.Counts.NotApplicable, d.Answered, d.Applicable),
			"", 9, secondary, 4.5)
		if d.SetByTeam {
			w.pdf.Ln(1)
			w.para(fmt.Sprintf("The team set this level; the answers suggest %s. Their reason: %s",
				strings.ToLower(scoring.DomainLevelLabel(d.Suggested, d.Uncertain)), d.Reason), "", 10, ink, 5)
		}
		if d.Prompt != "" {
			w.pdf.Ln(1)
			w.para("To discuss: "+d.Prompt, "", 10, ink, 5)
		}
		w.pdf.Ln(2)
		for _, it := range d.Items {
			w.item(dom, it)
		}
	}
}

// item writes one question's rating, what that level means for it, the
// spread of ratings and every note. The heading and rating stay together;
// long notes continue on the next page.
func (w *writer) item(d *q.Domain, it scoring.ItemResult) {
	bi := w.bank.Item(it.ID)
	head := fmt.Sprintf("%s %s: %s", it.ID, it.Title, it.Rating.Level.Label())
	var detail []string
	if desc := bi.Levels.Describe(it.Rating.Level); desc != "" {
		detail = append(detail, desc)
	} else if m := w.bank.Meaning(it.Rating.Level); m != "" {
		detail = append(detail, m)
	}
	for _, l := range w.a.LinksOf(it.ID) {
		detail = append(detail, "Linked with "+w.itemName(l.Other(it.ID))+linkNote(l))
	}
	if it.Rating.Source == scoring.FromMedian {
		detail = append(detail, "Provisional: the middle of people's ratings, until the team agrees one.")
	}
	if s := it.Spread; s != nil && s.Raters > 0 {
		line := fmt.Sprintf("Ratings from %d people: %d simple, %d complicated, %d complex, %d don't know, %d not applicable.",
			s.Raters, s.Counts.Simple, s.Counts.Complicated, s.Counts.Complex, s.Counts.Unknown, s.Counts.NotApplicable)
		if s.NeedsDiscussion {
			line += " Needs discussion: " + strings.Join(s.Reasons, "; ") + "."
		}
		detail = append(detail, line)
	}
	w.font("B", 10, ink)
	h := float64(w.lines(w.t(head), textW)) * 5
	w.font("", 9, secondary)
	for _, s := range detail {
		h += float64(w.lines(w.t(s), textW)) * 4.5
	}
	w.need(h + 10)
	w.para(head, "B", 10, ink, 5)
	for _, s := range detail {
		w.para(s, "", 9, secondary, 4.5)
	}
	for _, n := range it.Notes {
		w.pdf.Ln(0.8)
		w.para(n.Who+": "+n.Text, "", 9, ink, 4.5)
	}
	w.pdf.Ln(3)
}

func (w *writer) unknowns() {
	if len(w.profile.Unknowns) == 0 {
		return
	}
	w.heading("Unknowns to find out", 16)
	w.para("\"Don't know\" is useful: each is something to find out before it surprises you.", "", 10, ink, 5)
	w.pdf.Ln(2)
	var rows [][]string
	for _, u := range w.profile.Unknowns {
		rows = append(rows, []string{u.ID + " " + u.Title, strings.Join(w.bank.Item(u.ID).Actions.Unknown, " ")})
	}
	w.table([]column{{"Question", 60}, {"How to find out", textW - 60}}, rows)
}

// itemName is an item's ID and title, as the report names it.
func (w *writer) itemName(id string) string {
	if it := w.bank.Item(id); it != nil {
		return id + " " + it.Title
	}
	return id
}

func linkNote(l q.Link) string {
	if l.Note == "" {
		return "."
	}
	return ": " + l.Note
}

// links lists the risks the team linked: parts of the project that make
// each other worse, which the plan should deal with together.
func (w *writer) links() {
	if len(w.a.Links) == 0 {
		return
	}
	w.heading("How the parts affect each other", 16)
	w.para("The team linked these questions because each makes the other harder, or a change in one would call for a change in the other. "+
		"Deal with linked risks together.", "", 10, ink, 5)
	w.pdf.Ln(2)
	var rows [][]string
	for _, l := range w.a.Links {
		a, b := w.profile.Item(l.A), w.profile.Item(l.B)
		rows = append(rows, []string{w.itemName(l.A) + " (" + strings.ToLower(a.Rating.Level.Label()) + ")",
			w.itemName(l.B) + " (" + strings.ToLower(b.Rating.Level.Label()) + ")", l.Note})
	}
	w.table([]column{{"This question", 55}, {"and this one", 55}, {"How they affect each other", textW - 110}}, rows)
}

func (w *writer) actionPlan() {
	w.pdf.AddPage()
	w.heading("Action plan", 16)
	var checks, rows [][]string
	for _, pa := range w.plan {
		switch {
		case pa.Check != "":
			checks = append(checks, []string{pa.Text, pa.CheckDetail + "\n" + pa.CheckNation, pa.CheckState()})
		case pa.Dropped:
		default:
			item := fmt.Sprintf("%s %s", pa.ItemID, pa.ItemTitle)
			if pa.Level.Answered() {
				item += " (" + strings.ToLower(pa.Level.Label()) + ")"
			}
			for _, l := range pa.Links {
				item += "\nLinked with " + l.Other(pa.ItemID)
			}
			rows = append(rows, []string{pa.Text, item, pa.Owner, longDateOf(pa.Due), statusLabel(pa)})
		}
	}
	if len(checks) > 0 {
		w.para("Always check", "B", 12, ink, 6)
		w.para("Duties and standards every project checks, whatever its answers. Each can be done, found not to apply, or given to someone.", "", 10, ink, 5)
		w.pdf.Ln(2)
		w.table([]column{{"Check", 44}, {"What it asks", textW - 44 - 38}, {"Where it stands", 38}}, checks)
	}
	w.para("From the answers", "B", 12, ink, 6)
	w.para("Complex items first, then what nobody knows yet, then complicated items. Suggestions the team has not yet taken up "+
		"are marked as suggested; they are for the team to keep, change or drop.", "", 10, ink, 5)
	w.pdf.Ln(3)
	if len(rows) == 0 {
		w.para("No actions: nothing is rated complicated, complex or \"don't know\", and the team has written none.", "", 10, ink, 5)
		return
	}
	w.table([]column{{"Action", 70}, {"Item", 36}, {"Owner", 26}, {"Due", 19}, {"Status", textW - 151}}, rows)
	w.legend([]q.Level{q.Complex, q.Unknown, q.Complicated})
}

func statusLabel(pa scoring.PlannedAction) string {
	if pa.Origin == scoring.Suggested {
		return "Suggested"
	}
	return pa.Status.Label()
}

// capitalise starts a label with a capital, as table cells do.
func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func (w *writer) reflections() {
	var any bool
	for _, d := range w.bank.Domains {
		if w.a.Reflections[d.ID] != "" {
			any = true
		}
	}
	if !any {
		return
	}
	w.heading("Reflections", 16)
	for _, d := range w.bank.Domains {
		if r := w.a.Reflections[d.ID]; r != "" {
			w.need(20)
			w.para(fmt.Sprintf("%s. %s", d.ID, d.Title), "B", 10.5, ink, 5.5)
			w.para(r, "", 9.5, ink, 4.8)
			w.pdf.Ln(3)
		}
	}
}

// glossary explains the bank's terms that the report used, wherever they
// came from, so a board member can read it without the app.
func (w *writer) glossary() {
	terms := w.bank.TermsIn(w.printed...)
	if len(terms) == 0 {
		return
	}
	w.heading("Words used in this report", 16)
	for _, g := range terms {
		w.need(12)
		w.font("B", 10, ink)
		w.pdf.Write(5, w.t(g.Term)+": ")
		w.font("", 10, ink)
		w.pdf.Write(5, w.t(g.Meaning))
		w.pdf.Ln(7)
	}
}

func projectName(a *q.Assessment) string {
	if a.Project.Name == "" {
		return "Untitled project"
	}
	return a.Project.Name
}

func longDate(t time.Time) string { return t.UTC().Format("2 January 2006") }

func longDateOf(d q.Date) string {
	if t, ok := d.Time(); ok {
		return t.Format("2 Jan 2006")
	}
	return ""
}

// domainLabel names a domain's level, "don't know" and "not rated yet"
// included.
func domainLabel(d scoring.DomainResult) string {
	return scoring.DomainLevelLabel(d.Level, d.Uncertain)
}
