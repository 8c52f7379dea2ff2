// Package pdf renders an assessment as the PDF action plan a team takes to
// its board. It is pure Go with gofpdf and no go-app, so the browser and
// the command line make the same document, byte for byte, from the same
// file, date and fonts.
package pdf

import (
	"bytes"
	"encoding/json"
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
	// Suggestions says whether the bank's suggestions nobody has taken up
	// go in an appendix.
	Suggestions Suggestions
	// Names names the people who rated, and whose each note is, when
	// several rated; otherwise the report only counts them, since a
	// workshop's room is not always its readers.
	Names bool
	// With are the assessments a side-by-side PDF puts beside the first.
	With []*q.Assessment
}

// Suggestions says whether a report lists the suggestions nobody has taken
// up, in an appendix of their own.
type Suggestions string

const (
	// SuggestionsAuto lists them until the team agrees any action: a plan
	// with agreed actions is about those.
	SuggestionsAuto Suggestions = ""
	// SuggestionsInclude always lists them.
	SuggestionsInclude Suggestions = "include"
	// SuggestionsLeaveOut never lists them.
	SuggestionsLeaveOut Suggestions = "leave-out"
)

// Choices are the report's options a person makes, as the app sends them
// to the PDF worker.
type Choices struct {
	// Document is "pack" for the facilitator's pack, else the report.
	Document    string `json:"document,omitempty"`
	Suggestions string `json:"suggestions,omitempty"`
	Names       bool   `json:"names,omitempty"`
	// With holds the other assessments' files for "side-by-side".
	With []json.RawMessage `json:"with,omitempty"`
}

// ParseChoices reads Choices as JSON ("" for none) into Options, and
// gives the renderer of the document they ask for.
func ParseChoices(text string) (Options, Renderer, error) {
	var c Choices
	if text != "" {
		if err := json.Unmarshal([]byte(text), &c); err != nil {
			return Options{}, nil, fmt.Errorf("the report's choices could not be read: %w", err)
		}
	}
	render := Render
	switch c.Document {
	case "":
	case "pack":
		render = RenderPack
	case "side-by-side":
		render = RenderSideBySide
	default:
		return Options{}, nil, fmt.Errorf("there is no document called %q", c.Document)
	}
	s, err := ParseSuggestions(c.Suggestions)
	o := Options{Suggestions: s, Names: c.Names}
	for i, f := range c.With {
		a, err := q.Decode(f)
		if err != nil {
			return Options{}, nil, fmt.Errorf("assessment %d of those side by side could not be read: %w", i+2, err)
		}
		o.With = append(o.With, a)
	}
	return o, render, err
}

// Renderer makes one of the PDFs: Render or RenderPack.
type Renderer func(*q.Bank, *q.Assessment, Fonts, Options) ([]byte, error)

// ParseSuggestions reads the command line's and the worker's word for
// Suggestions: auto, include or leave-out.
func ParseSuggestions(s string) (Suggestions, error) {
	switch s {
	case "", "auto":
		return SuggestionsAuto, nil
	case string(SuggestionsInclude), string(SuggestionsLeaveOut):
		return Suggestions(s), nil
	}
	return "", fmt.Errorf("suggestions %q: say auto, include or leave-out", s)
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
	red       = rgb{180, 20, 20}
	levelRGB  = map[q.Level]rgb{q.Simple: {0, 127, 59}, q.Complicated: {255, 184, 28}, q.Complex: {213, 40, 27}}
)

// Render makes the report. Any failure, a panic inside gofpdf included,
// comes back as an error: the app shows it and carries on.
func Render(b *q.Bank, a *q.Assessment, fonts Fonts, o Options) ([]byte, error) {
	return renderDoc(b, a, fonts, o, "Action plan", func(w *writer) {
		w.plan, w.draft = scoring.Plan(b, a), !w.profile.Complete()
		w.pdf.AddPage()
		// The first page tells the whole story; the rest is its detail,
		// most wanted first, flowing from page to page.
		w.summary()
		if w.pdf.PageNo() == 1 {
			w.pdf.AddPage()
		}
		w.agreed()
		w.domains()
		w.unknowns()
		w.links()
		w.changes()
		w.reflections()
		w.aboutProject()
		w.howToRead()
		if w.withSuggestions(w.opts.Suggestions) {
			w.suggestions()
		}
		w.glossary()
	})
}

// renderDoc sets up a document titled what, has body write it from its
// first page on, and gives its bytes, or an error for any failure, a panic
// inside gofpdf included.
func renderDoc(b *q.Bank, a *q.Assessment, fonts Fonts, o Options, what string, body func(*writer)) (out []byte, err error) {
	return renderNamed(b, a, fonts, o, what, projectName(a), body)
}

// renderNamed is renderDoc for a document that names something other than
// the assessment's project in its title and footer.
func renderNamed(b *q.Bank, a *q.Assessment, fonts Fonts, o Options, what, name string, body func(*writer)) (out []byte, err error) {
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
		profile: scoring.Score(b, a), opts: o, name: name,
	}
	w.setup(fonts, what)
	body(w)
	if err := w.pdf.Error(); err != nil {
		return nil, fmt.Errorf("the PDF could not be made: %w", err)
	}
	var buf bytes.Buffer
	if err := w.pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("the PDF could not be made: %w", err)
	}
	if o.Uncompressed {
		return buf.Bytes(), nil
	}
	doc, err := compressStreams(buf.Bytes())
	if err != nil {
		return nil, fmt.Errorf("the PDF could not be made: %w", err)
	}
	return doc, nil
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
	// draft marks every page of an unfinished assessment.
	draft bool
	// name is what the document is about, for its title and footer.
	name string
	// cellSize, when set, is the size of a table's cells: smaller for a
	// table of many narrow columns.
	cellSize float64
	opts     Options
}

func (w *writer) setup(fonts Fonts, what string) {
	p := w.pdf
	p.SetCatalogSort(true)
	// Pages are compressed afterwards, by compressStreams.
	p.SetCompression(false)
	p.SetCreationDate(w.date)
	p.SetModificationDate(w.date)
	p.AddUTF8FontFromBytes(family, "", fonts.Regular)
	p.AddUTF8FontFromBytes(family, "B", fonts.Bold)
	p.SetTitle(w.t(what+": "+w.name), true)
	p.SetCreator("NASSS complexity self-assessment", true)
	p.SetMargins(margin, margin, margin)
	p.SetAutoPageBreak(true, bottom)
	p.AliasNbPages(pageCountAlias)
	p.SetHeaderFunc(func() {
		if !w.draft {
			return
		}
		// Outside the margin, so it moves nothing on the page.
		x, y := p.GetXY()
		p.SetXY(margin, 9.5)
		w.font("B", 10, red)
		p.CellFormat(textW, 5, "Draft: incomplete", "", 0, "R", false, 0, "")
		p.SetXY(x, y)
	})
	p.SetFooterFunc(func() {
		p.SetY(-15)
		w.font("", 10, secondary)
		page := fmt.Sprintf("Page %d of %s", p.PageNo(), pageCountAlias)
		p.CellFormat(textW-32, 5, w.t(clip(w.name, 60)+" · "+longDate(w.date)), "", 0, "L", false, 0, "")
		p.CellFormat(32, 5, page, "", 0, "R", false, 0, "")
	})
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

// Text sizes, in points: nothing in the report is smaller than body.
const (
	body    = 10.0
	lineH   = 5.0
	subhead = 12.0
	section = 16.0
)

// para writes wrapped text across the full width; long text continues
// onto the next page.
func (w *writer) para(text string, style string, size float64, c rgb, lineH float64) {
	w.font(style, size, c)
	w.pdf.MultiCell(textW, lineH, w.t(text), "", "L", false)
}

// text is a paragraph of body text.
func (w *writer) text(s string) { w.para(s, "", body, ink, lineH) }

// heading starts a section. It keeps with what follows: it moves to the
// next page unless keep millimetres of that fit under it.
func (w *writer) heading(text string, keep float64) {
	w.font("B", section, blue)
	h := float64(w.lines(w.t(text), textW)) * 8
	w.need(h + 6 + keep)
	w.pdf.Ln(4)
	w.para(text, "B", section, blue, 8)
	w.pdf.Ln(2)
}

// subheading is a heading within a section, kept with what follows.
func (w *writer) subheading(text string, keep float64) {
	w.need(12 + keep)
	w.pdf.Ln(2)
	w.para(text, "B", subhead, ink, 6)
	w.pdf.Ln(1)
}

// box is a shaded panel with a title, kept on one page.
func (w *writer) box(title, text string) {
	p := w.pdf
	w.font("", body, ink)
	h := 11 + float64(w.lines(w.t(text), textW-10))*lineH
	w.need(h + 4)
	y := p.GetY()
	p.SetFillColor(paleGrey.r, paleGrey.g, paleGrey.b)
	p.Rect(margin, y, textW, h, "F")
	p.SetFillColor(blue.r, blue.g, blue.b)
	p.Rect(margin, y, 1.5, h, "F")
	p.SetXY(margin+5, y+3)
	w.font("B", body, ink)
	p.MultiCell(textW-10, lineH, w.t(title), "", "L", false)
	p.SetX(margin + 5)
	w.font("", body, ink)
	p.MultiCell(textW-10, lineH, w.t(text), "", "L", false)
	p.SetY(y + h + 4)
}

// legend gives each level named in a section its one-line meaning, since
// "complicated" and "complex" are near-synonyms in everyday English.
func (w *writer) legend(levels []q.Level) {
	for _, l := range levels {
		w.need(11)
		w.font("B", body, ink)
		w.pdf.Write(lineH, l.Label()+": ")
		w.font("", body, ink)
		w.pdf.Write(lineH, w.t(w.bank.Meaning(l)))
		w.pdf.Ln(lineH + 1)
	}
	w.pdf.Ln(2)
}

// column is a table column: its heading and width in millimetres.
type column struct {
	title string
	width float64
}

// cellFont is the size of table cells.
func (w *writer) cellFont() float64 {
	if w.cellSize > 0 {
		return w.cellSize
	}
	return body
}

// tableRowH is the height of a table row of n lines.
func tableRowH(n int) float64 { return float64(n)*4.6 + 2.4 }

// rowHeight is how tall a row will print, its cells made printable.
func (w *writer) rowHeight(cols []column, row []string) float64 {
	w.font("", w.cellFont(), ink)
	n := 1
	for i, cell := range row {
		row[i] = w.t(cell)
		n = max(n, w.lines(row[i], cols[i].width-1.5))
	}
	return tableRowH(n)
}

// table draws rows, never splitting one across pages, and repeats the
// heading on every page it spans.
func (w *writer) table(cols []column, rows [][]string) {
	p := w.pdf
	header := func() {
		w.font("B", body, ink)
		p.SetFillColor(paleGrey.r, paleGrey.g, paleGrey.b)
		x, y := margin, p.GetY()
		for _, c := range cols {
			p.SetXY(x, y)
			p.CellFormat(c.width, 7, c.title, "", 0, "L", true, 0, "")
			x += c.width
		}
		p.SetY(y + 7)
	}
	first := tableRowH(2)
	if len(rows) > 0 {
		first = w.rowHeight(cols, rows[0])
	}
	w.need(7 + min(first, 60))
	header()
	for i, row := range rows {
		h := w.rowHeight(cols, row)
		if i > 0 && p.GetY()+h > pageH-bottom {
			p.AddPage()
			header()
		}
		w.font("", w.cellFont(), ink)
		x, y := margin, p.GetY()
		for i, cell := range row {
			p.SetXY(x, y+1.2)
			p.MultiCell(cols[i].width-1.5, 4.6, cell, "", "L", false)
			x += cols[i].width
		}
		p.SetDrawColor(rule.r, rule.g, rule.b)
		p.Line(margin, y+h, margin+textW, y+h)
		p.SetY(y + h)
	}
	p.Ln(4)
}

// withSuggestions applies the report's choice about untaken suggestions.
func (w *writer) withSuggestions(s Suggestions) bool {
	switch s {
	case SuggestionsInclude:
		return true
	case SuggestionsLeaveOut:
		return false
	}
	return !scoring.AnyAgreed(w.plan)
}

// agreedLines are the plan's lines the team has taken on.
func (w *writer) agreedLines() []scoring.PlannedAction {
	var out []scoring.PlannedAction
	for _, pa := range w.plan {
		if pa.Agreed() {
			out = append(out, pa)
		}
	}
	return out
}

// itemName is an item's ID and title, as the report names it.
func (w *writer) itemName(id string) string {
	if it := w.bank.Item(id); it != nil {
		return id + " " + it.Title
	}
	return id
}

// actionItem names the question an action is about, with its level and
// the questions linked with it.
func actionItem(pa scoring.PlannedAction) string {
	item := pa.ItemID + " " + pa.ItemTitle
	if pa.Level.Answered() {
		item += " (" + strings.ToLower(pa.Level.Label()) + ")"
	}
	for _, l := range pa.Links {
		item += "\nLinked with " + l.Other(pa.ItemID)
	}
	return item
}

func linkNote(l q.Link) string {
	if l.Note == "" {
		return "."
	}
	return ": " + l.Note
}

// capitalise starts a label with a capital, as table cells do.
func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// titleBlock heads a document's first page: a band of colour, what the
// document is, and the project.
func (w *writer) titleBlock(kicker string) {
	p := w.pdf
	p.SetFillColor(blue.r, blue.g, blue.b)
	p.Rect(0, 0, pageW, 6, "F")
	p.SetY(15)
	w.para(kicker+" · NASSS complexity assessment", "B", body, secondary, lineH)
	p.Ln(1)
	w.para(clip(w.name, 120), "B", 20, ink, 9)
	p.Ln(1)
}

// clip shortens text to n characters at a word, for the summary page,
// which points to the full text.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:.") + "…"
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
