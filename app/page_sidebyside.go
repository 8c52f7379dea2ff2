package app

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/scoring"
)

// sideBySidePage puts two to eight assessments side by side: the same
// product in several settings, or the projects of one programme. With no
// ?ids= it asks which.
type sideBySidePage struct {
	page
	// readable are the assessments on this device that can be opened.
	readable []Entry
	// order holds the assessments ticked, in the order they were ticked.
	order []string
	errs  []fieldError
	// shown are the assessments in view, in the order chosen.
	shown   []*q.Assessment
	view    *scoring.SideBySide
	missing int
	pdfMsg  string
	pdfErr  string
}

func (p *sideBySidePage) OnNav(ctx app.Context) {
	p.errs, p.shown, p.view, p.missing, p.pdfMsg, p.pdfErr = nil, nil, nil, 0, "", ""
	entries, _ := repo.List()
	p.readable, p.order = readable(entries), nil
	ids := strings.Split(ctx.Page().URL().Query().Get("ids"), ",")
	var es []scoring.Entry
	for _, id := range ids {
		if id == "" || slices.Contains(p.order, id) || len(es) == scoring.MaxSideBySide {
			continue // an address typed or kept may name one twice, or too many
		}
		d, err := repo.Open(id)
		if err != nil {
			p.missing++
			continue
		}
		p.order = append(p.order, id)
		p.shown = append(p.shown, d.A)
		es = append(es, scoring.Entry{Bank: q.LookupBank(d.A.Bank), A: d.A})
	}
	if s, err := scoring.CompareSide(es); err == nil {
		p.view = &s
		p.arrive(ctx, "Side by side")
		return
	}
	p.arrive(ctx, "Put assessments side by side")
}

// readable lists the assessments that can be opened, leaving out damaged
// records.
func readable(entries []Entry) []Entry {
	var out []Entry
	for _, e := range entries {
		if !e.Damaged() {
			out = append(out, e)
		}
	}
	return out
}

func (p *sideBySidePage) Render() app.UI {
	if p.view == nil {
		return p.shell(p.chooser()...)
	}
	return p.shell(p.sideBySide()...)
}

func (p *sideBySidePage) chooser() []app.UI {
	return []app.UI{
		app.A().Class("back-link").Href(PathHome).Text("Back to your assessments"),
		heading("Put assessments side by side"),
		app.P().Class("lead").Text("See where several assessments agree, where one stands out, and what none of them knows yet. " +
			"Use it for the same product in different settings, such as a hospital, a care home and a GP practice, " +
			"or for the projects of one programme."),
		app.If(p.missing > 0, func() app.UI {
			return app.P().Class("message").Textf("%s chosen could not be opened: it may have been deleted. Choose again.",
				scoring.Plural(p.missing, "One assessment", fmt.Sprintf("%d assessments", p.missing)))
		}),
		errorSummary(p.errs),
		app.If(len(p.readable) < scoring.MinSideBySide, func() app.UI {
			return app.P().ID("too-few").Text("There are fewer than two assessments on this device. Start or import another, then come back.")
		}),
		app.If(len(p.readable) >= scoring.MinSideBySide, func() app.UI {
			return app.Form().ID("choose").OnSubmit(p.submit).Body(
				app.Div().Class(groupClass(p.errFor("choose-first"))).Body(
					app.FieldSet().Class("fieldset").Aria("describedby", "choose-hint").Body(
						app.Legend().Class("legend legend-m").Textf("Choose %d to %d assessments", scoring.MinSideBySide, scoring.MaxSideBySide),
						app.Div().Class("hint").ID("choose-hint").Text("They show in the order you tick them."),
						fieldErrorText("choose", p.errFor("choose-first")),
						app.Range(p.readable).Slice(func(i int) app.UI {
							e := p.readable[i]
							id := "choose-first"
							if i > 0 {
								id = "choose-" + e.ID
							}
							return app.Div().Class("checkbox").Body(
								app.Input().Type("checkbox").Class("checkbox-input").ID(id).Value(e.ID).Checked(slices.Contains(p.order, e.ID)).
									OnChange(func(ctx app.Context, _ app.Event) { p.toggle(e.ID, ctx.JSSrc().Get("checked").Bool()) }),
								// The details are part of the label, under the name,
								// so the two read and wrap together.
								app.Label().Class("checkbox-label").For(id).Body(userText(cardName(e.Summary)),
									app.Span().Class("hint checkbox-detail").Text(chooserHint(e.Summary))),
							)
						}),
					),
				),
				app.Button().Type("submit").Class("button").ID("show-side-by-side").Text("Show side by side"),
			)
		}),
	}
}

func (p *sideBySidePage) toggle(id string, on bool) {
	p.order = slices.DeleteFunc(p.order, func(x string) bool { return x == id })
	if on {
		p.order = append(p.order, id)
	}
}

func (p *sideBySidePage) errFor(id string) string { return firstError(p.errs, id, p.fieldError) }

func (p *sideBySidePage) submit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	p.errs = nil
	if n := len(p.order); n < scoring.MinSideBySide || n > scoring.MaxSideBySide {
		p.errs = []fieldError{{"choose-first", fmt.Sprintf("Choose between %d and %d assessments: you chose %d", scoring.MinSideBySide, scoring.MaxSideBySide, n)}}
		focusElement("error-summary")
		return
	}
	ctx.Navigate(PathSideBySide + "?ids=" + strings.Join(p.order, ","))
}

func chooserHint(s Summary) string {
	return fmt.Sprintf("%s, %d of %d answered, last changed %s", s.Mode.Title(), s.Answered, s.Applicable,
		s.Updated.UTC().Format("2 January 2006"))
}

func (p *sideBySidePage) sideBySide() []app.UI {
	v := p.view
	return []app.UI{
		app.A().Class("back-link").Href(PathSideBySide).Text("Choose other assessments"),
		heading(fmt.Sprintf("%d assessments side by side", len(v.Columns))),
		app.Ul().Class("list list-bullet").ID("side-summary").Body(app.Range(v.Summary).Slice(func(i int) app.UI {
			return app.Li().Body(userText(v.Summary[i]))
		})),
		app.P().Class("hint side-scroll-hint").Text("The table scrolls sideways: every assessment has a column."),
		app.Div().Class("table-wrap").TabIndex(0).Role("region").Aria("labelledby", "side-caption").Body(
			app.Table().Class("table table-side").ID("side-table").Body(
				app.Caption().ID("side-caption").Class("table-caption").Text("Each domain in each assessment"),
				app.THead().Body(app.Tr().Body(
					app.Th().Scope("col").Text("Domain"),
					app.Range(v.Columns).Slice(func(i int) app.UI {
						return app.Th().Scope("col").Body(userText(v.Columns[i].Label))
					}),
					app.Th().Scope("col").Text("Across them"),
				)),
				app.TBody().Body(app.Range(v.Rows).Slice(func(i int) app.UI {
					r := v.Rows[i]
					return app.Tr().DataSet("domain", r.Domain).Body(
						app.Th().Scope("row").Textf("%s. %s", r.Domain, r.Title),
						app.Range(r.Levels).Slice(func(j int) app.UI {
							l := r.Levels[j]
							cell := app.Td().DataSet("level", string(l))
							if r.Standout == j {
								cell = cell.Class("side-standout")
							}
							return cell.Body(
								app.Span().Class("tag tag-"+levelClass(l)).Text(scoring.DomainLevelLabel(l, r.Uncertain[j])),
								app.If(r.Unsure(j), func() app.UI { return app.Span().Text(" ?").Title("Some answers are \"don't know\"") }),
								app.If(r.Standout == j, func() app.UI { return app.Strong().Class("side-mark").Text(" stands out") }),
							)
						}),
						app.Td().Body(userText(r.Note)),
					)
				})),
			),
		),
		app.If(v.Unsure(), func() app.UI {
			return app.P().Class("hint").Text("A question mark: some answers are \"don't know\", so the domain may be more complex than it shows.")
		}),
		app.H2().ID("shared-unknowns").Text("What none of them knows yet"),
		app.If(len(v.SharedUnknowns) == 0 && len(v.SharedUncertain) == 0, func() app.UI {
			return app.P().Text("No question is \"don't know\" in all of them.")
		}),
		app.If(len(v.SharedUnknowns) > 0, func() app.UI {
			return app.Ul().Class("list list-bullet").ID("shared-unknown-list").Body(app.Range(v.SharedUnknowns).Slice(func(i int) app.UI {
				u := v.SharedUnknowns[i]
				return app.Li().DataSet("item", u.ID).Textf("%s %s", u.ID, u.Title)
			}))
		}),
		app.If(len(v.SharedUnknowns) == 0 && len(v.SharedUncertain) > 0, func() app.UI {
			return app.P().Textf("Every one has a \"don't know\" in %s, though not on the same question.", strings.Join(v.SharedUncertainTitles(), "; "))
		}),
		app.If(len(v.PartlyUnknown) > 0, func() app.UI {
			return app.Div().ID("partly-unknown").Body(
				app.P().Text("Not known in some of them:"),
				app.Ul().Class("list list-bullet").Body(app.Range(v.PartlyUnknown).Slice(func(i int) app.UI {
					u := v.PartlyUnknown[i]
					return app.Li().DataSet("item", u.ID).Textf("%s %s (%d of %d)", u.ID, u.Title, u.In, len(v.Columns))
				})),
			)
		}),
		app.H2().Text("Each profile"),
		app.Div().Class("side-charts").Body(app.Range(v.Columns).Slice(func(i int) app.UI {
			c := v.Columns[i]
			return app.Section().Class("side-chart").Aria("labelledby", fmt.Sprintf("side-chart-%d", i)).Body(
				app.H3().ID(fmt.Sprintf("side-chart-%d", i)).Body(userText(c.Label)),
				app.P().Class("hint").Body(userText(c.Project), app.Textf(" · %s · %s", c.Mode.Label(), c.Counts)),
				profileChart(&c.Profile, fmt.Sprintf("profile-chart-%d", i)),
				app.A().Href(link(PathResults, c.ID)).Body(app.Text("Open its results"), hidden(": "+c.Label)),
			)
		})),
		app.Div().Class("report-buttons").Body(
			app.Button().Class("button").ID("download-side-pdf").Text("Download side by side (PDF)").OnClick(p.downloadPDF),
			app.If(p.pdfErr != "", func() app.UI {
				return errorAlert(2, "The PDF could not be made", "Your assessments are safe. Try again.", p.pdfErr)
			}),
			app.P().Class("message").ID("side-pdf-message").Role("status").Text(p.pdfMsg),
		),
	}
}

// downloadPDF makes the side-by-side PDF: the first assessment is the
// file, the others travel with the choices.
func (p *sideBySidePage) downloadPDF(ctx app.Context, _ app.Event) {
	var files [][]byte
	for _, a := range p.shown {
		f, err := q.EncodeCompact(a)
		if err != nil {
			p.pdfErr, p.pdfMsg = err.Error(), ""
			return
		}
		files = append(files, f)
	}
	c := reportChoices{Document: "side-by-side"}
	for _, f := range files[1:] {
		c.With = append(c.With, json.RawMessage(f))
	}
	choices, _ := json.Marshal(c)
	p.pdfErr, p.pdfMsg = "", "Making the PDF…"
	day := today()
	renderPDF(files[0], day.Format(time.DateOnly), string(choices), func(data []byte, err error) {
		ctx.Dispatch(func(ctx app.Context) {
			if err == nil {
				err = download(q.SideBySideFileName(day), "application/pdf", data)
			}
			if err != nil {
				p.pdfErr, p.pdfMsg = err.Error(), ""
				return
			}
			p.pdfMsg = "The PDF is ready: look in your downloads."
		})
	})
}
