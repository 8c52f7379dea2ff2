package pdf

import (
	"fmt"

	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/scoring"
)

// RenderPack makes the facilitator's pack for a workshop: a guide to
// running it, then a paper questionnaire for people without a device,
// whose answers are entered by passing the device or counted by hands.
// Like Render, it never panics.
func RenderPack(b *q.Bank, a *q.Assessment, fonts Fonts, o Options) ([]byte, error) {
	return renderDoc(b, a, fonts, o, "Facilitator's pack", func(w *writer) {
		w.pdf.AddPage()
		w.guide()
		w.pdf.AddPage()
		w.paperQuestionnaire()
	})
}

// agenda is a workshop's plan, step by step, with minutes.
type agenda struct {
	title string
	steps [][2]string
}

var agendas = []agenda{
	{"A 60-minute workshop: the quick scan", [][2]string{
		{"0–5", "Welcome. Say what the project is for and the decision this assessment will inform. Agree that every view counts and that \"don't know\" is a useful answer."},
		{"5–15", "Everyone rates the 7 questions on their own, without talking: on their own device, in turn on one device, or on paper."},
		{"15–40", "Compare ratings. Start with the questions the tool marks \"needs discussion\". Agree a rating for each, with a note of why."},
		{"40–50", "Look at how the parts affect each other, then at the plan: take up the actions you will do, with an owner and a date."},
		{"50–60", "Check the \"Always check\" list, agree who finds out what nobody knew, and set the date of the next review."},
	}},
	{"A 90-minute workshop: the full assessment", [][2]string{
		{"0–5", "Welcome, the project's purpose and the decision this is for."},
		{"5–35", "Everyone rates the 24 questions on their own, without talking. People on paper tick one answer per question."},
		{"35–65", "Compare ratings, questions that need discussion first. Agree a rating for each; where one question alone makes a domain complex, ask whether it spreads."},
		{"65–80", "Link the questions that make each other worse. Take up actions, each with an owner and a date."},
		{"80–90", "The baseline checks, who finds out what nobody knew, and the next review's date."},
	}},
}

// ways are the ways people can rate, and what each needs.
var ways = [][2]string{
	{"Pass the device", "Each person rates in turn on one device, choosing \"Answer as this person\" on the Workshop page. Nobody sees the others' answers. Needs no connection."},
	{"Their own device", "Show the invitation's picture or send its link. Each person rates alone, then sends their ratings back: a code they read out, which you type on the Workshop page (no connection needed), a link, or a file with their notes."},
	{"Paper and a show of hands", "Hand out the paper questionnaire. Then either enter each person's answers by passing the device, or read out each question and count hands for each answer on the \"Count a show of hands\" page."},
}

// prompts help the group talk about a question.
var prompts = []string{
	"Ask the people with the highest and the lowest rating to say what they had in mind.",
	"What would have to be true for this to be simple?",
	"Is this one issue we can deal with, or does it spread to the rest of the domain?",
	"Which of these make each other worse? If one changed, what else would have to change?",
	"What do we not know, who could find out, and by when?",
}

// disagreement says how to handle views that differ.
var disagreement = []string{
	"Disagreement is information: people see different parts of the project. Ask what each person sees before anyone changes their rating.",
	"Do not vote on facts someone can check. Make finding out an action, and leave the question \"don't know\" until then.",
	"If the group cannot agree, agree the more cautious level for now, write both views in the note, and revisit it at the next review.",
	"Keep to the question: rate how things are now, not how the project hopes they will be.",
}

// guide is the facilitator's guide.
func (w *writer) guide() {
	p := w.pdf
	w.titleBlock("Facilitator's pack")
	p.Ln(1)
	w.text("A workshop brings the people who know different parts of the project together: clinical and care staff, " +
		"managers, IT, finance, and patients or carers. Each rates on their own first, then the group compares and agrees. " +
		"The tool works with no connection; charge the device, and print the paper questionnaire for anyone without one.")
	if d := w.a.Project.Decision; d != "" {
		p.Ln(2)
		w.text("The decision this workshop is for: " + d)
	}
	for _, ag := range agendas {
		w.subheading(ag.title, 30)
		w.table([]column{{"Minutes", 24}, {"What happens", textW - 24}}, clone(ag.steps))
	}
	w.subheading("Three ways to rate", 30)
	w.table([]column{{"Way", 40}, {"How", textW - 40}}, clone(ways))
	w.subheading("Prompts for the discussion", 20)
	for _, s := range prompts {
		w.text("• " + s)
		p.Ln(1)
	}
	w.subheading("When people disagree", 20)
	for _, s := range disagreement {
		w.text("• " + s)
		p.Ln(1)
	}
	p.Ln(2)
	w.box("A conversation aid, not a verdict", scoring.Caveat)
}

// clone copies rows, which table makes printable in place.
func clone(rows [][2]string) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = []string{r[0], r[1]}
	}
	return out
}

// paperQuestionnaire is every question of the assessment's mode with its
// answers and a box to tick, for people without a device.
func (w *writer) paperQuestionnaire() {
	p := w.pdf
	w.heading("Paper questionnaire", 40)
	w.text(fmt.Sprintf("%s: %s. Tick one answer for each question. %s",
		w.a.Mode.Title(), projectName(w.a), w.bank.RatingHint))
	p.Ln(3)
	for _, label := range []string{"Your name (optional)", "Your role (optional)"} {
		w.font("B", body, ink)
		p.CellFormat(50, 8, label, "", 0, "L", false, 0, "")
		p.SetDrawColor(ink.r, ink.g, ink.b)
		y := p.GetY() + 7
		p.Line(margin+50, y, margin+textW, y)
		p.Ln(10)
	}
	for _, d := range w.bank.Domains {
		items := d.ItemsFor(w.a.Mode)
		if len(items) == 0 {
			continue
		}
		w.subheading(fmt.Sprintf("%s. %s", d.ID, d.Title), 50)
		for _, it := range items {
			w.paperItem(it.For(w.a.RoleOf()))
		}
	}
}

// paperItem is one question with a tick box for each answer, kept on one
// page.
func (w *writer) paperItem(it *q.Item) {
	p := w.pdf
	const box, indent = 4.5, 9.0
	w.font("", body, ink)
	h := float64(w.lines(w.t(it.Question), textW))*lineH + 8
	for _, l := range q.AllLevels {
		h += float64(w.lines(w.t(w.answerText(it, l)), textW-indent)) * lineH
	}
	w.need(min(h+14, pageH-margin-bottom))
	p.Ln(2)
	w.para(it.ID+" "+it.Title, "B", body, ink, lineH)
	w.text(it.Question)
	p.Ln(1)
	for _, l := range q.AllLevels {
		y := p.GetY()
		p.SetDrawColor(ink.r, ink.g, ink.b)
		p.Rect(margin, y+0.5, box, box, "D")
		p.SetXY(margin+indent, y)
		w.font("B", body, ink)
		p.Write(lineH, l.Label()+": ")
		w.font("", body, ink)
		p.SetLeftMargin(margin + indent)
		p.Write(lineH, w.t(w.answerText(it, l)))
		p.SetLeftMargin(margin)
		p.Ln(lineH + 1.5)
	}
	w.font("", body, secondary)
	p.CellFormat(20, 7, "Note:", "", 0, "L", false, 0, "")
	y := p.GetY() + 6
	p.SetDrawColor(rule.r, rule.g, rule.b)
	p.Line(margin+20, y, margin+textW, y)
	p.Ln(10)
}

// answerText is what an answer means for a question: its own words for a
// level, the bank's for the rest.
func (w *writer) answerText(it *q.Item, l q.Level) string {
	if s := it.Levels.Describe(l); s != "" {
		return s
	}
	return w.bank.Meaning(l)
}
