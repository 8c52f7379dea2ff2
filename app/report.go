package app

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/scoring"
)

// What making a PDF needs: the renderer, which runs in a Web Worker so
// that the app's own binary stays small, and the fonts, the same files the
// command line embeds. The service worker caches all of them, so reports
// work offline.
//
// The server also serves each under a URL that carries a hash of its
// content and passes those URLs to the page in go-app's environment (see
// ReportEnv). app.js holds the environment and is cached with the rest of
// a version, so a page always asks for its own version's files: a page
// left open across an update never makes its PDF with the new renderer or
// fonts. The plain URL stands in where the environment has none.
const (
	plainPDFWorker   = "/web/pdf-worker.js"
	plainPDFWasm     = "/web/pdf.wasm"
	plainFontRegular = "/web/fonts/DejaVuSans.ttf"
	plainFontBold    = "/web/fonts/DejaVuSans-Bold.ttf"
)

// ReportFiles lists the files reports need, by their plain URL in the web
// folder. The service worker must cache each under the URL the server
// gives it in the environment variable ReportEnv names.
var ReportFiles = []string{plainPDFWorker, plainPDFWasm, plainFontRegular, plainFontBold}

// ReportEnv is the name of the environment variable (in go-app's
// Handler.Env) that carries the URL the page uses for one of ReportFiles:
// "/web/pdf.wasm" gives NASSS_URL_WEB_PDF_WASM.
func ReportEnv(plainURL string) string {
	return "NASSS_URL" + strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z':
			return r - 'a' + 'A'
		case r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			return r
		}
		return '_'
	}, plainURL)
}

// today is the report's date: the day only, in UTC, so that the command
// line given the same date makes the same bytes.
func today() time.Time {
	y, m, d := time.Now().UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// reportButtons offer the PDF: a download, and the share sheet where the
// browser has one for files (installed apps on phones ignore downloads).
// A long page offers them at its top and its foot; the choice of
// suggestions sits at the top, and what happened shows by the button used.
func (p *page) reportButtons(where string) app.UI {
	suffix := ""
	if where != "top" {
		suffix = "-" + where
	}
	here := p.reportAt == where || p.reportAt == "" && where == "top"
	msg, errText := "", ""
	if here {
		msg, errText = p.reportMsg, p.reportErr
	}
	return app.Div().Class("report-buttons").Body(
		app.If(where == "top", func() app.UI {
			return app.Div().Class("checkbox").Body(
				app.Input().Type("checkbox").Class("checkbox-input").ID("with-suggestions").Checked(p.withSuggestions()).
					OnChange(func(ctx app.Context, e app.Event) {
						p.suggestions = "leave-out"
						if ctx.JSSrc().Get("checked").Bool() {
							p.suggestions = "include"
						}
					}),
				app.Label().Class("checkbox-label").For("with-suggestions").
					Text("Add the suggestions nobody has taken up, at the end of the PDF"),
			)
		}),
		app.If(where == "top" && p.a != nil && len(p.a.Respondents) > 1, func() app.UI {
			return app.Div().Class("checkbox").Body(
				app.Input().Type("checkbox").Class("checkbox-input").ID("with-names").Checked(p.names).
					OnChange(func(ctx app.Context, e app.Event) { p.names = ctx.JSSrc().Get("checked").Bool() }),
				app.Label().Class("checkbox-label").For("with-names").
					Text("Name the people who rated in the PDF (otherwise it counts them only)"),
			)
		}),
		app.Button().Class("button").ID("download-pdf"+suffix).Text("Download action plan (PDF)").
			OnClick(func(ctx app.Context, e app.Event) { p.reportAt = where; p.makeReport(ctx, false) }),
		app.If(canShareFiles(), func() app.UI {
			return app.Button().Class("button button-secondary").ID("share-pdf" + suffix).Text("Share the PDF").
				OnClick(func(ctx app.Context, e app.Event) { p.reportAt = where; p.makeReport(ctx, true) })
		}),
		app.If(errText != "", func() app.UI {
			// A page open across an update asks for its own version's
			// report files, which the server no longer has: only the new
			// version, after a reload, can make the PDF.
			if p.updateReady {
				return errorAlert(2, "The PDF could not be made",
					"A new version of this tool has arrived since you opened this page. "+
						"Reload the page, then make the PDF again: your work is saved.", errText)
			}
			return errorAlert(2, "The PDF could not be made",
				"Your answers are safe. Try again; if it still fails, export the file instead.", errText)
		}),
		app.P().Class("message").ID("report-message"+suffix).Role("status").Text(msg),
	)
}

// reportChoices are what the person chose for the PDF, as the worker reads
// them (pdf.Choices; the app does not link the PDF package, which is
// large, so a test holds the two together).
type reportChoices struct {
	Document    string `json:"document,omitempty"`
	Suggestions string `json:"suggestions,omitempty"`
	Names       bool   `json:"names,omitempty"`
	// With holds the other assessments' files for a side-by-side PDF.
	With []json.RawMessage `json:"with,omitempty"`
}

// withSuggestions is whether the PDF will list the suggestions nobody has
// taken up: the person's choice, else the report's own rule, which lists
// them until the team agrees any action.
func (p *page) withSuggestions() bool {
	if p.suggestions != "" {
		return p.suggestions == "include"
	}
	return p.a != nil && !scoring.AnyAgreed(scoring.Plan(q.LookupBank(p.a.Bank), p.a))
}

// makeReport renders the PDF in the browser and hands it over.
func (p *page) makeReport(ctx app.Context, share bool) {
	a := p.a
	file, err := q.Encode(a)
	if err != nil {
		p.reportErr, p.reportMsg = err.Error(), ""
		return
	}
	p.reportErr, p.reportMsg = "", "Making the PDF…"
	day := today()
	start := time.Now()
	choices, _ := json.Marshal(reportChoices{Suggestions: p.suggestions, Names: p.names})
	renderPDF(file, day.Format(time.DateOnly), string(choices), func(data []byte, err error) {
		ctx.Dispatch(func(ctx app.Context) {
			// What a person waits for: the round trip to the renderer.
			recordTiming("nasssPDFms", float64(time.Since(start).Microseconds())/1000)
			if err == nil {
				name := q.ReportFileName(a, day)
				if share {
					err = shareFile(name, "application/pdf", data)
				} else {
					err = download(name, "application/pdf", data)
				}
			}
			if err != nil {
				p.reportErr, p.reportMsg = err.Error(), ""
				return
			}
			p.reportMsg = "Your action plan is ready: look in your downloads."
			if share {
				p.reportMsg = "Your action plan is ready to share."
			}
		})
	})
}
