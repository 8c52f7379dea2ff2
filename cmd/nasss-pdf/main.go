//go:build wasm

// Command nasss-pdf is the app's PDF renderer, compiled to WebAssembly on
// its own and run in a Web Worker (web/pdf-worker.js). Keeping gofpdf out
// of the app's own binary makes every start of the app smaller and faster;
// this one is fetched only when someone first asks for a PDF, and making
// one never freezes the page.
package main

import (
	"errors"
	"fmt"
	"runtime/debug"
	"syscall/js"
	"time"

	"github.com/nasss-toolkit/nasss/app/pdf"
	q "github.com/nasss-toolkit/nasss/questionnaire"
)

// fonts are handed over once, when the worker starts: they are the same
// for every report, and 1.4 MB to copy.
var fonts pdf.Fonts

// main offers the worker two functions and waits for calls:
//
//	nasssSetFonts(regular, bold Uint8Array)
//	nasssRenderPDF(file Uint8Array, date, options string) → {pdf: Uint8Array} or {error: string}
//
// file is an exported assessment (.nasss.json bytes), date YYYY-MM-DD,
// options the report's choices as JSON (see pdf.Choices).
func main() {
	// A report allocates tens of megabytes and keeps little: collecting
	// less often takes a quarter off a render in the browser (186 to
	// 141 ms for the example), and the worker has memory to spare.
	debug.SetGCPercent(800)
	js.Global().Set("nasssSetFonts", js.FuncOf(func(_ js.Value, args []js.Value) any {
		fonts = pdf.Fonts{Regular: bytesOf(args[0]), Bold: bytesOf(args[1])}
		return nil
	}))
	js.Global().Set("nasssRenderPDF", js.FuncOf(func(_ js.Value, args []js.Value) any {
		options := ""
		if len(args) > 2 && args[2].Type() == js.TypeString {
			options = args[2].String()
		}
		data, err := render(args[0], args[1].String(), options)
		if err != nil {
			return map[string]any{"error": err.Error()}
		}
		out := js.Global().Get("Uint8Array").New(len(data))
		js.CopyBytesToJS(out, data)
		return map[string]any{"pdf": out}
	}))
	select {}
}

func render(file js.Value, date, options string) ([]byte, error) {
	if fonts.Regular == nil {
		return nil, errors.New("the PDF renderer has no fonts")
	}
	day, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return nil, fmt.Errorf("the PDF renderer was given a bad date: %v", err)
	}
	o, render, err := pdf.ParseChoices(options)
	if err != nil {
		return nil, err
	}
	o.Date = day
	a, err := q.Decode(bytesOf(file))
	if err != nil {
		return nil, err
	}
	return render(q.LookupBank(a.Bank), a, fonts, o)
}

func bytesOf(v js.Value) []byte {
	b := make([]byte, v.Get("length").Int())
	js.CopyBytesToGo(b, v)
	return b
}
