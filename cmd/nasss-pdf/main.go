//go:build wasm

// Command nasss-pdf is the app's PDF renderer, compiled to WebAssembly on
// its own and run in a Web Worker (web/pdf-worker.js). Keeping gofpdf out
// of the app's own binary makes every start of the app smaller and faster;
// this one is fetched only when someone first asks for a PDF, and making
// one never freezes the page.
package main

import (
	"fmt"
	"syscall/js"
	"time"

	"github.com/nasss-toolkit/nasss/app/pdf"
	q "github.com/nasss-toolkit/nasss/questionnaire"
)

// main offers nasssRenderPDF(file, regular, bold, date) to the worker and
// waits for calls. file is an exported assessment (.nasss.json bytes),
// regular and bold the font files, date YYYY-MM-DD. It returns
// {pdf: Uint8Array} or {error: string}.
func main() {
	js.Global().Set("nasssRenderPDF", js.FuncOf(func(_ js.Value, args []js.Value) any {
		data, err := render(args)
		if err != nil {
			return map[string]any{"error": err.Error()}
		}
		out := js.Global().Get("Uint8Array").New(len(data))
		js.CopyBytesToJS(out, data)
		return map[string]any{"pdf": out}
	}))
	select {}
}

func render(args []js.Value) ([]byte, error) {
	if len(args) != 4 {
		return nil, fmt.Errorf("the PDF renderer wants 4 arguments, got %d", len(args))
	}
	day, err := time.Parse(time.DateOnly, args[3].String())
	if err != nil {
		return nil, fmt.Errorf("the PDF renderer was given a bad date: %v", err)
	}
	a, err := q.Decode(bytesOf(args[0]))
	if err != nil {
		return nil, err
	}
	return pdf.Render(q.LookupBank(a.Bank), a, pdf.Fonts{Regular: bytesOf(args[1]), Bold: bytesOf(args[2])}, pdf.Options{Date: day})
}

func bytesOf(v js.Value) []byte {
	b := make([]byte, v.Get("length").Int())
	js.CopyBytesToGo(b, v)
	return b
}
