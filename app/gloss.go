package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	q "github.com/nasss-toolkit/nasss/questionnaire"
)

// glosser explains the bank's terms where people meet them: the first
// time a glossary term appears on a page, its meaning follows it in
// brackets. Only the bank's own wording is glossed, never what people
// wrote. A page makes one as it draws, so each term is explained once.
type glosser struct {
	terms []q.GlossaryEntry
	seen  map[string]bool
}

func newGlosser(b *q.Bank) *glosser {
	if b == nil {
		return &glosser{}
	}
	return &glosser{terms: b.Glossary, seen: map[string]bool{}}
}

// text is s with the first use on the page of each term explained.
func (g *glosser) text(s string) app.UI {
	var parts []app.UI
	for s != "" {
		at, term := g.next(s)
		if term == nil {
			parts = append(parts, app.Text(s))
			break
		}
		g.seen[term.Term] = true
		end := at + len(term.Term)
		if at > 0 {
			parts = append(parts, app.Text(s[:at]))
		}
		parts = append(parts, app.Dfn().Text(s[at:end]), app.Span().Class("gloss").Text(" ("+term.Meaning+")"))
		s = s[end:]
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return app.Span().Body(parts...)
}

// next finds the earliest term in s not yet explained on the page, as a
// whole word: in capitals it must match exactly (NICE, not "nice").
func (g *glosser) next(s string) (int, *q.GlossaryEntry) {
	best, at := (*q.GlossaryEntry)(nil), len(s)
	for i := range g.terms {
		t := &g.terms[i]
		if g.seen[t.Term] {
			continue
		}
		if j := q.FindTerm(s, t.Term); j >= 0 && (j < at || j == at && len(t.Term) > len(best.Term)) {
			best, at = t, j
		}
	}
	return at, best
}

// levelLegend says in a line what each answer means: near any chart or
// list that names levels bare, since "complicated" and "complex" are
// near-synonyms in everyday English.
func levelLegend(b *q.Bank) app.UI {
	if b == nil {
		b = q.Default()
	}
	return app.Dl().Class("legend").Body(
		app.Range(q.AllLevels).Slice(func(i int) app.UI {
			l := q.AllLevels[i]
			return app.Div().Class("legend-row").Body(
				app.Dt().Body(app.Span().Class("tag tag-"+levelClass(l)).Text(l.Label())),
				app.Dd().Text(b.Meaning(l)),
			)
		}),
	)
}
