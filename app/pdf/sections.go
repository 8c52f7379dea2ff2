package pdf

import (
	"fmt"
	"strings"

	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/scoring"
)

// The detail pages, in the order a reader wants them: what the team agreed
// to do, the reading domain by domain, what is not known, how the parts
// affect each other, what changed, and how to read it all.

// actionCols are the columns of a table of actions.
var actionCols = []column{{"Action", 64}, {"About", 38}, {"Owner", 28}, {"Due", 20}, {"Status", textW - 150}}

// agreed lists the actions the team has taken on, in full, and the
// baseline checks every project makes.
func (w *writer) agreed() {
	var rows [][]string
	for _, pa := range w.agreedLines() {
		// The checks follow, in a table of their own.
		if pa.Check == "" {
			rows = append(rows, []string{pa.Text, actionItem(pa), pa.Owner, longDateOf(pa.Due), pa.Status.Label()})
		}
	}
	// With none agreed, page 1 says so and how to agree some; the detail
	// starts with the checks rather than saying it again.
	if len(rows) > 0 {
		w.heading("Agreed actions", 30)
		w.table(actionCols, rows)
	}
	var checks [][]string
	for _, pa := range w.plan {
		if pa.Check != "" {
			checks = append(checks, []string{pa.Text, pa.CheckDetail + "\n" + pa.CheckNation, pa.CheckState()})
		}
	}
	if len(checks) > 0 {
		if len(rows) > 0 {
			w.subheading("Always check", 30)
		} else {
			w.heading("Always check", 30)
		}
		w.text(checksIntro(w.a.RoleOf()))
		w.pdf.Ln(2)
		w.table([]column{{"Check", 40}, {"What it asks", textW - 40 - 36}, {"Where it stands", 36}}, checks)
	}
}

// domains gives the reading domain by domain: the profile's table, then
// each domain's questions with their notes and, in workshops, spreads.
func (w *writer) domains() {
	r := w.profile.Reading
	w.heading("The reading, domain by domain", 40)
	w.para(r.Headline, "B", subhead, ink, 6)
	if r.Partial {
		w.text("So far: " + r.Counts + ".")
	}
	w.text("Why: " + r.Why)
	w.pdf.Ln(3)
	w.profileTable()
	w.legend(scaleLegend)
	for _, d := range w.profile.Domains {
		w.domain(d)
	}
}

func (w *writer) profileTable() {
	cols := []column{{"Domain", 62}, {"Level", 36}, {"Answers", textW - 62 - 36 - 24}, {"Answered", 24}}
	var rows [][]string
	for _, d := range w.profile.Domains {
		level := domainLabel(d)
		if d.Uncertain && d.Level.OnScale() {
			level += ", with unknowns"
		}
		if d.SetByTeam {
			level += ", set by the team"
		}
		rows = append(rows, []string{fmt.Sprintf("%s. %s", d.ID, d.Title), level, countsText(d.Counts),
			fmt.Sprintf("%d of %d", d.Answered, d.Applicable)})
	}
	w.table(cols, rows)
}

// countsText says how a domain's questions were answered, leaving out
// the answers nobody gave.
func countsText(c scoring.Counts) string {
	var parts []string
	for _, n := range []struct {
		n    int
		what string
	}{{c.Complex, "complex"}, {c.Unknown, "don't know"}, {c.Complicated, "complicated"}, {c.Simple, "simple"}, {c.NotApplicable, "not applicable"}} {
		if n.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n.n, n.what))
		}
	}
	if len(parts) == 0 {
		return "none yet"
	}
	return strings.Join(parts, ", ")
}

// domain is one domain's part of the reading.
func (w *writer) domain(d scoring.DomainResult) {
	dom := w.bank.Domain(d.ID)
	w.font("B", 13, blue)
	title := w.t(fmt.Sprintf("%s. %s: %s", d.ID, d.Title, domainLabel(d)))
	// The title keeps with the counts and the first question.
	w.need(float64(w.lines(title, textW))*6.5 + 30)
	w.pdf.Ln(3)
	w.para(title, "B", 13, blue, 6.5)
	w.para(countsText(d.Counts)+fmt.Sprintf("; %d of %d answered.", d.Answered, d.Applicable), "", body, secondary, lineH)
	if d.SetByTeam {
		w.pdf.Ln(1)
		w.text(fmt.Sprintf("The team set this level; the answers suggest %s. Their reason: %s",
			strings.ToLower(scoring.DomainLevelLabel(d.Suggested, d.Uncertain)), d.Reason))
	}
	if d.Prompt != "" {
		w.pdf.Ln(1)
		w.text("To discuss: " + d.Prompt)
	}
	w.pdf.Ln(2)
	for _, it := range d.Items {
		w.item(dom, it)
	}
}

// item writes one question's rating, what that level means for it, the
// spread of ratings and every note. The heading and rating stay together;
// long notes continue on the next page.
func (w *writer) item(d *q.Domain, it scoring.ItemResult) {
	bi := w.bank.Item(it.ID).For(w.a.RoleOf())
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
		line := fmt.Sprintf("Ratings from %d people: %s.", s.Raters, countsText(s.Counts))
		if s.NeedsDiscussion {
			line += " Needs discussion: " + strings.Join(s.Reasons, "; ") + "."
		}
		detail = append(detail, line)
	}
	w.font("B", body, ink)
	h := float64(w.lines(w.t(head), textW)) * lineH
	w.font("", body, secondary)
	for _, s := range detail {
		h += float64(w.lines(w.t(s), textW)) * lineH
	}
	w.need(min(h, 80) + 6)
	w.para(head, "B", body, ink, lineH)
	for _, s := range detail {
		w.para(s, "", body, secondary, lineH)
	}
	for _, n := range it.Notes {
		w.pdf.Ln(0.8)
		who := n.Who
		if !w.named() && who != "Team" {
			who = "A participant"
		}
		w.text(who + ": " + n.Text)
	}
	w.pdf.Ln(3)
}

func (w *writer) unknowns() {
	if len(w.profile.Unknowns) == 0 {
		return
	}
	w.heading("Unknowns to find out", 30)
	w.text("\"Don't know\" is useful: each is something to find out before it surprises you.")
	w.pdf.Ln(2)
	var rows [][]string
	for _, u := range w.profile.Unknowns {
		rows = append(rows, []string{u.ID + " " + u.Title, strings.Join(w.bank.Item(u.ID).Actions.Unknown, " ")})
	}
	w.table([]column{{"Question", 60}, {"How to find out", textW - 60}}, rows)
}

// links lists the risks the team linked: parts of the project that make
// each other worse, which the plan should deal with together.
func (w *writer) links() {
	if len(w.a.Links) == 0 {
		return
	}
	w.heading("How the parts affect each other", 30)
	w.text("The team linked these questions because each makes the other harder, or a change in one would call for a change in the other. " +
		"Deal with linked risks together.")
	w.pdf.Ln(2)
	var rows [][]string
	for _, l := range w.a.Links {
		a, b := w.profile.Item(l.A), w.profile.Item(l.B)
		rows = append(rows, []string{w.itemName(l.A) + " (" + strings.ToLower(a.Rating.Level.Label()) + ")",
			w.itemName(l.B) + " (" + strings.ToLower(b.Rating.Level.Label()) + ")", l.Note})
	}
	w.table([]column{{"This question", 55}, {"and this one", 55}, {"How they affect each other", textW - 110}}, rows)
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
	w.heading("What changed since "+since, 30)
	w.text(fmt.Sprintf("Complex domains: %d then, %d now.", c.ComplexBefore, c.ComplexAfter))
	w.pdf.Ln(2)
	cols := []column{{"Domain", 80}, {"Then", 30}, {"Now", 30}, {"Change", textW - 140}}
	var rows [][]string
	for _, d := range c.Domains {
		rows = append(rows, []string{d.ID + ". " + d.Title, scoring.DomainLevelLabel(d.Before, d.BeforeUncertain),
			scoring.DomainLevelLabel(d.After, d.AfterUncertain), capitalise(d.Change.Label())})
	}
	w.table(cols, rows)
	rows = nil
	for _, d := range c.Domains {
		for _, it := range d.Items {
			if it.Change != scoring.Same {
				rows = append(rows, []string{it.ID + " " + it.Title, it.Before.Label(), it.After.Label(), capitalise(it.Change.Label())})
			}
		}
	}
	if len(rows) > 0 {
		w.subheading("Questions that moved", 20)
		cols[0].title = "Question"
		w.table(cols, rows)
	}
	w.timeline()
}

// timeline gives each domain's level at each review, from three on.
func (w *writer) timeline() {
	t := scoring.TimelineOf(w.bank, w.a)
	if len(t.Points) < 3 {
		return
	}
	w.heading("How complexity changed", 30)
	w.text(fmt.Sprintf("Each domain's level at each of the %d assessments of this project, oldest first.", len(t.Points)))
	w.pdf.Ln(2)
	// The dates share what the domain's names leave.
	each := min(30, (textW-60)/float64(len(t.Points)))
	cols := []column{{"Domain", textW - each*float64(len(t.Points))}}
	for _, p := range t.Points {
		day := string(p.Date)
		if tm, ok := p.Date.Time(); ok {
			day = tm.Format("2 Jan 2006")
		}
		cols = append(cols, column{day, each})
	}
	var rows [][]string
	for r, d := range t.Domains {
		row := []string{d.ID + ". " + d.Title}
		for _, p := range t.Points {
			l := p.Levels[r]
			row = append(row, scoring.DomainLevelLabel(l, l == q.Unknown))
		}
		rows = append(rows, row)
	}
	w.table(cols, rows)
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
	w.heading("Reflections", 20)
	for _, d := range w.bank.Domains {
		if r := w.a.Reflections[d.ID]; r != "" {
			w.need(16)
			w.para(fmt.Sprintf("%s. %s", d.ID, d.Title), "B", body, ink, lineH)
			w.text(r)
			w.pdf.Ln(3)
		}
	}
}

// aboutProject gives the project's details in full: the summary page
// shortens them.
func (w *writer) aboutProject() {
	var who []string
	for i, r := range w.a.Respondents {
		who = append(who, r.Label(i))
	}
	facts := []q.Fact{
		{Label: "Organisation", Value: w.a.Project.Organisation},
		{Label: "Technology", Value: w.a.Project.Technology},
	}
	facts = append(facts, w.a.About()...)
	facts = append(facts,
		q.Fact{Label: "Notes", Value: w.a.Project.Notes},
		q.Fact{Label: "Last changed", Value: longDate(w.a.Updated)},
		q.Fact{Label: "Who answered", Value: w.whoAnswered(who)},
		q.Fact{Label: "Questions", Value: "Question bank " + w.bank.Ref().String() + ". " + w.a.MadeWithNote()},
	)
	w.heading("About the project", 20)
	for _, f := range facts {
		if strings.TrimSpace(f.Value) == "" {
			continue
		}
		w.need(12)
		w.para(f.Label, "B", body, ink, lineH)
		w.text(f.Value)
		w.pdf.Ln(2)
	}
}

// named is whether the report names the people who rated: always for one
// person, for several only when asked.
func (w *writer) named() bool { return w.opts.Names || len(w.a.Respondents) <= 1 }

// whoAnswered counts the people who rated, and names them when the report
// names people.
func (w *writer) whoAnswered(names []string) string {
	count := scoring.PeopleRated(w.a)
	if waiting := scoring.NotYetRated(w.a); len(waiting) > 0 && w.named() {
		count += " (still to rate: " + strings.Join(waiting, "; ") + ")"
	}
	if !w.named() {
		return count + ". Their names are left out of this report."
	}
	return count + ": " + strings.Join(names, "; ")
}

func (w *writer) howToRead() {
	w.heading("How to read this report", 40)
	w.text("NASSS (Non-adoption, Abandonment, and challenges to Scale-up, Spread and Sustainability) looks at seven domains " +
		"of a technology project, from the condition people live with to the wider system. Each can be simple (few parts, " +
		"predictable), complicated (many parts, but predictable with expertise) or complex (changing and unpredictable).")
	for _, para := range scoring.HowItWorks {
		w.pdf.Ln(2)
		w.text(para)
	}
	w.subheading("What each answer means", 20)
	w.legend(q.AllLevels)
	w.box("A conversation aid, not a verdict", scoring.Caveat)
	w.subheading("Sources", 20)
	for _, s := range q.Sources {
		w.text(s.Citation + " doi:" + s.DOI)
		w.pdf.Ln(1)
	}
	w.text("An independent tool based on the NASSS framework; not the official NASSS-CAT. Its questions and suggested actions are its own.")
}

// suggestions is the appendix of the bank's suggestions nobody has taken
// up yet.
func (w *writer) suggestions() {
	var rows [][]string
	for _, pa := range w.plan {
		if pa.Origin == scoring.Suggested && pa.Check == "" && !pa.Dropped {
			rows = append(rows, []string{pa.Text, actionItem(pa)})
		}
	}
	if len(rows) == 0 {
		return
	}
	w.heading("Appendix: suggestions not yet taken up", 30)
	w.text("The toolkit's suggestions for each question rated complex, then \"don't know\", then complicated. " +
		"Nobody has agreed to them: they are for the team to keep, change or drop.")
	w.pdf.Ln(2)
	w.table([]column{{"Suggestion", textW - 60}, {"About", 60}}, rows)
}

// glossary explains the bank's terms that the report used, wherever they
// came from, so a board member can read it without the app.
func (w *writer) glossary() {
	terms := w.bank.TermsIn(w.printed...)
	if len(terms) == 0 {
		return
	}
	w.heading("Words used in this report", 20)
	for _, g := range terms {
		w.need(12)
		w.font("B", body, ink)
		w.pdf.Write(lineH, w.t(g.Term)+": ")
		w.font("", body, ink)
		w.pdf.Write(lineH, w.t(g.Meaning))
		w.pdf.Ln(lineH + 2)
	}
}
