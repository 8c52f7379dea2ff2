package app

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/scoring"
)

// The pieces pages are built from: form fields, radios, error messages,
// the share box, and small helpers for words. Each page file holds only
// its page.

// radio is one radio button with its label and an optional hint.
func radio(name, id, value, label, hint string, checked bool, set func(string)) app.UI {
	var h app.UI
	if hint != "" {
		h = userText(hint)
	}
	return radioHint(name, id, value, label, h, checked, set)
}

// radioHint is radio with a hint already drawn, such as bank wording with
// its terms explained.
func radioHint(name, id, value, label string, hint app.UI, checked bool, set func(string)) app.UI {
	input := app.Input().Class("radio-input").Type("radio").Name(name).ID(id).Value(value).Checked(checked).
		OnChange(func(ctx app.Context, e app.Event) {
			// go-app may handle a quick run of changes after the browser has
			// moved on (Space then an arrow key), so take what is checked now.
			if v, ok := checkedValue(name); ok {
				set(v)
				return
			}
			set(value)
		}, app.EventScope(id))
	if hint != nil {
		input = input.Aria("describedby", id+"-hint")
	}
	return app.Div().Class("radio").Body(
		input,
		app.Label().Class("radio-label").For(id).Text(label),
		app.If(hint != nil, func() app.UI { return app.Div().Class("hint radio-hint").ID(id + "-hint").Body(hint) }),
	)
}

// textField is a labelled one-line input, capped by its rule, with an
// optional hint and error.
func textField(id, label, hint, value string, rule q.TextRule, err string, set func(app.Context, string)) app.UI {
	input := app.Input().Type("text").Class("input").ID(id).Name(id).Value(value).MaxLength(rule.Max).Dir("auto").
		AutoComplete(false).OnInput(func(ctx app.Context, e app.Event) { set(ctx, ctx.JSSrc().Get("value").String()) }, app.EventScope(id))
	if d := describedBy(id, hint, err); d != "" {
		input = input.Aria("describedby", d)
	}
	if err != "" {
		input = input.Aria("invalid", "true")
	}
	return app.Div().Class(groupClass(err)).Body(
		app.Label().Class("label").For(id).Text(label),
		app.If(hint != "", func() app.UI { return app.Div().Class("hint").ID(id + "-hint").Text(hint) }),
		fieldErrorText(id, err),
		input,
	)
}

// noteField is a labelled text area, capped by its rule, with an optional
// hint and error, and a count of characters once it is nearly full.
func noteField(id, label, hint, value string, rule q.TextRule, err string, set func(app.Context, string)) app.UI {
	// Text fills the server-rendered page; the value property keeps a reused
	// element in step when the page shows another item.
	area := app.Textarea().Class("textarea").ID(id).Name(id).Rows(4).MaxLength(rule.Max).Dir("auto").
		Text(value).Attr("value", value).OnInput(func(ctx app.Context, e app.Event) {
		v := ctx.JSSrc().Get("value").String()
		typed[id] = utf8.RuneCountInString(v)
		set(ctx, v)
	}, app.EventScope(id))
	if d := describedBy(id, hint, err) + " " + id + "-count"; d != "" {
		area = area.Aria("describedby", strings.TrimSpace(d))
	}
	if err != "" {
		area = area.Aria("invalid", "true")
	}
	n, ok := typed[id]
	if !ok {
		n = utf8.RuneCountInString(value)
	}
	return app.Div().Class(groupClass(err)).Body(
		app.Label().Class("label").For(id).Text(label),
		app.If(hint != "", func() app.UI { return app.Div().Class("hint").ID(id + "-hint").Text(hint) }),
		fieldErrorText(id, err),
		area,
		charCount(id, n, rule.Max),
	)
}

// spreadBar draws how many people chose each level as one stacked bar,
// with the same counts in words for screen readers.
func spreadBar(s scoring.Spread) string {
	total := s.Counts.Answered()
	if total == 0 {
		return ""
	}
	colours := map[q.Level]string{q.Simple: "#007f3b", q.Complicated: "#ffb81c", q.Complex: "#d5281b", q.Unknown: "#4c6272", q.NotApplicable: "#aeb7bd"}
	var b strings.Builder
	var words []string
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="spread" viewBox="0 0 300 16" preserveAspectRatio="none" role="img" aria-label="%%s">`)
	x := 0.0
	for _, l := range q.AllLevels {
		n := s.Counts.Of(l)
		if n == 0 {
			continue
		}
		w := 300 * float64(n) / float64(total)
		fmt.Fprintf(&b, `<rect x="%.1f" y="0" width="%.1f" height="16" fill="%s"/>`, x, w, colours[l])
		x += w
		words = append(words, fmt.Sprintf("%d %s", n, strings.ToLower(l.Label())))
	}
	b.WriteString(`</svg>`)
	return strings.Replace(b.String(), "%s", "Ratings: "+strings.Join(words, ", "), 1)
}

// shareBox shows a link with its QR code, a field to copy it from, and a
// button that copies it.
func shareBox(id, title, link, hint string) app.UI {
	svg, _, err := qrSVG(link, "QR code of the link")
	return app.Div().Class("panel share").ID(id).Body(
		app.H2().Text(title),
		app.P().Class("hint").Text(hint),
		app.If(err == nil, func() app.UI { return app.Div().Class("qr-wrap").Body(app.Raw(svg)) }),
		app.Label().Class("label").For(id+"-link").Text("The link"),
		app.Input().Type("text").Class("input").ID(id+"-link").ReadOnly(true).Value(link).
			OnFocus(func(ctx app.Context, e app.Event) { ctx.JSSrc().Call("select") }),
		&copyButton{ID: id + "-copy", Text: link},
	)
}

// copyButton copies a text to the clipboard and says how that went.
type copyButton struct {
	app.Compo
	ID, Text string
	said     string
}

func (c *copyButton) Render() app.UI {
	return app.Div().Class("copy").Body(
		app.Button().Class("button button-secondary").ID(c.ID).Text("Copy the link").
			OnClick(func(ctx app.Context, e app.Event) {
				copyText(c.Text, func(err error) {
					ctx.Dispatch(func(app.Context) {
						c.said = "Copied. Paste it into a message or an email."
						if err != nil {
							c.said = "This browser did not let the tool copy it: select the link above and copy it."
						}
					})
				})
			}),
		app.P().Class("message").ID(c.ID+"-said").Role("status").Text(c.said),
	)
}

// errorSummary lists a form's problems, each linked to its field.
func errorSummary(errs []fieldError) app.UI {
	if len(errs) == 0 {
		return nil
	}
	return app.Div().Class("error-summary").ID("error-summary").TabIndex(-1).Role("alert").Body(
		app.H2().Class("error-summary-title").Text("There is a problem"),
		app.Ul().Class("error-summary-list").Body(
			app.Range(errs).Slice(func(i int) app.UI {
				return app.Li().Body(app.A().Href("#" + errs[i].ID).Text(errs[i].Msg))
			}),
		),
	)
}

// fieldErrorText is the place for a field's error, there with or without
// one: go-app matches elements by position, so an error appearing before
// a field would otherwise make it draw the field anew, losing what was
// typed in it.
func fieldErrorText(id, err string) app.UI {
	slot := app.Div().Class("error-slot")
	if err == "" {
		return slot
	}
	return slot.Body(app.P().Class("error-message").ID(id+"-error").Body(
		app.Span().Class("visually-hidden").Text("Error: "), app.Text(err)))
}

func groupClass(err string) string {
	if err != "" {
		return "form-group form-group-error"
	}
	return "form-group"
}

// fieldError is one problem in a form, linked from the error summary.
type fieldError struct{ ID, Msg string }

// firstError is the message for a field: the form's own check first,
// then what saving it refused.
func firstError(errs []fieldError, id string, saved func(string) string) string {
	for _, e := range errs {
		if e.ID == id {
			return e.Msg
		}
	}
	return saved(id)
}

// hidden is text for screen readers only, such as which project a
// "Delete" button deletes.
func hidden(s string) app.UI { return app.Span().Class("visually-hidden").Text(s) }

// plural picks the word for a count.
var plural = scoring.Plural

// clipText shortens long text for a summary, on a character boundary.
func clipText(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// levelClass names a level for CSS.
func levelClass(l q.Level) string {
	if l == q.Unanswered {
		return "unanswered"
	}
	return string(l)
}

// errorAlert tells of a failure: what happened, as a heading of the level
// that fits where it stands, what to do, the error itself, then anything
// more (such as a button that rescues the work).
func errorAlert(level int, title, advice, detail string, more ...app.UI) app.UI {
	var h app.UI = app.H2().Class("alert-title").Text(title)
	if level == 3 {
		h = app.H3().Class("alert-title").Text(title)
	}
	body := []app.UI{h, app.P().Text(advice)}
	if detail != "" {
		body = append(body, app.P().Class("hint").Text(sentence(detail)))
	}
	body = append(body, more...)
	return app.Div().Class("alert alert-error").Role("alert").Body(body...)
}

// notYetRated warns, in a workshop where some people on the list have not
// rated, that what the page shows is not the whole group's yet.
func notYetRated(a *q.Assessment) app.UI {
	waiting := scoring.NotYetRated(a)
	if len(waiting) == 0 {
		return nil
	}
	return app.Div().Class("inset inset-warning").ID("not-yet-rated").Body(
		app.P().Body(
			app.Strong().Textf("Not everyone has rated yet: %d of %d so far. ", len(a.Respondents)-len(waiting), len(a.Respondents)),
			app.Text("Still to rate: "), userText(strings.Join(waiting, ", ")), app.Text(". "),
			app.A().Href(link(PathWorkshop, a.ID)).Text("Add their ratings, or remove anyone who is not coming"),
		),
	)
}
