package app

import (
	"sync"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/nasss-toolkit/nasss/app/pdf"
	q "github.com/nasss-toolkit/nasss/questionnaire"
)

// Font files for the PDF, the same the command line embeds. The service
// worker caches them, so reports work offline.
const (
	fontRegularURL = "/web/fonts/DejaVuSans.ttf"
	fontBoldURL    = "/web/fonts/DejaVuSans-Bold.ttf"
)

// FontURLs lists the report fonts, for the service worker to cache.
var FontURLs = []string{fontRegularURL, fontBoldURL}

// fonts are fetched on the first report and kept for the session.
var (
	fontsMu sync.Mutex
	fonts   *pdf.Fonts
)

// loadFonts calls done with the report fonts, fetching them once.
func loadFonts(done func(pdf.Fonts, error)) {
	fontsMu.Lock()
	f := fonts
	fontsMu.Unlock()
	if f != nil {
		done(*f, nil)
		return
	}
	fetchBytes(fontRegularURL, func(regular []byte, err error) {
		if err != nil {
			done(pdf.Fonts{}, err)
			return
		}
		fetchBytes(fontBoldURL, func(bold []byte, err error) {
			if err != nil {
				done(pdf.Fonts{}, err)
				return
			}
			fontsMu.Lock()
			fonts = &pdf.Fonts{Regular: regular, Bold: bold}
			fontsMu.Unlock()
			done(*fonts, nil)
		})
	})
}

// today is the report's date: the day only, in UTC, so that the command
// line given the same date makes the same bytes.
func today() time.Time {
	y, m, d := time.Now().UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// reportButtons offer the PDF: a download, and the share sheet where the
// browser has one for files (installed apps on phones ignore downloads).
func (p *page) reportButtons() app.UI {
	return app.Div().Class("report-buttons").Body(
		app.Button().Class("button").ID("download-pdf").Text("Download action plan (PDF)").
			OnClick(func(ctx app.Context, e app.Event) { p.makeReport(ctx, false) }),
		app.If(canShareFiles(), func() app.UI {
			return app.Button().Class("button button-secondary").ID("share-pdf").Text("Share the PDF").
				OnClick(func(ctx app.Context, e app.Event) { p.makeReport(ctx, true) })
		}),
		app.If(p.reportErr != "", func() app.UI {
			return app.Div().Class("alert alert-error").Role("alert").Body(
				app.H2().Class("alert-title").Text("The PDF could not be made"),
				app.P().Text("Your answers are safe. Try again; if it still fails, export the file instead."),
				app.P().Class("hint").Text(p.reportErr),
			)
		}),
		app.P().Class("message").ID("report-message").Role("status").Text(p.reportMsg),
	)
}

// makeReport renders the PDF in the browser and hands it over.
func (p *page) makeReport(ctx app.Context, share bool) {
	a := p.a
	p.reportErr, p.reportMsg = "", "Making the PDF…"
	loadFonts(func(f pdf.Fonts, err error) {
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				p.reportErr, p.reportMsg = err.Error(), ""
				return
			}
			day := today()
			start := time.Now()
			data, err := pdf.Render(q.LookupBank(a.Bank), a, f, pdf.Options{Date: day})
			recordTiming("nasssPDFms", float64(time.Since(start).Microseconds())/1000)
			if err == nil {
				name := pdf.FileName(a, day)
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
