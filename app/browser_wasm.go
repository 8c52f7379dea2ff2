//go:build wasm

package app

import (
	"errors"
	"fmt"
	"strings"
	"syscall/js"
)

// jsCall runs f and turns a thrown JavaScript exception, which syscall/js
// raises as a panic, into an error.
func jsCall(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok {
				err = e
			} else {
				err = fmt.Errorf("%v", r)
			}
		}
	}()
	f()
	return nil
}

// localStore is the browser's localStorage. Merely touching it throws in
// some private modes, so every call goes through jsCall.
type localStore struct{}

// newBrowserStore is local storage, unless the browser refuses it; then
// web/storage-guard.js has left a note, and the app keeps its data for
// this page only, saying so.
func newBrowserStore() Store {
	if e := js.Global().Get("nasssStorageError"); e.Truthy() {
		return newPageOnlyStore(fmt.Errorf("%w (%s)", ErrNotKept, e.String()))
	}
	return localStore{}
}

func storage() js.Value { return js.Global().Get("localStorage") }

func (localStore) Keys() (keys []string, err error) {
	err = jsCall(func() {
		s := storage()
		for i := range s.Get("length").Int() {
			if k := s.Call("key", i); k.Type() == js.TypeString {
				keys = append(keys, k.String())
			}
		}
	})
	return keys, err
}

func (localStore) Get(k string) (v string, ok bool, err error) {
	err = jsCall(func() {
		if item := storage().Call("getItem", k); item.Type() == js.TypeString {
			v, ok = item.String(), true
		}
	})
	return v, ok, err
}

func (localStore) Set(k, v string) error {
	return jsCall(func() { storage().Call("setItem", k, v) })
}

func (localStore) Remove(k string) error {
	return jsCall(func() { storage().Call("removeItem", k) })
}

// download hands data to the browser as a file download.
func download(name, mime string, data []byte) error {
	return jsCall(func() {
		arr := js.Global().Get("Uint8Array").New(len(data))
		js.CopyBytesToJS(arr, data)
		blob := js.Global().Get("Blob").New([]any{arr}, map[string]any{"type": mime})
		url := js.Global().Get("URL").Call("createObjectURL", blob)
		a := js.Global().Get("document").Call("createElement", "a")
		a.Set("href", url)
		a.Set("download", name)
		a.Set("hidden", true)
		body := js.Global().Get("document").Get("body")
		body.Call("appendChild", a)
		a.Call("click")
		a.Call("remove")
		// Revoking at once can cancel the download in some browsers.
		js.Global().Call("setTimeout", js.FuncOf(func(js.Value, []js.Value) any {
			js.Global().Get("URL").Call("revokeObjectURL", url)
			return nil
		}), 60_000)
	})
}

// readFiles reads the files chosen in the file input with the given ID and
// calls done, once, with each file's name and bytes. Files over limit are
// not read at all.
func readFiles(inputID string, limit int, done func([]pickedFile)) {
	var files js.Value
	if err := jsCall(func() {
		files = js.Global().Get("document").Call("getElementById", inputID).Get("files")
	}); err != nil || files.IsUndefined() || files.IsNull() {
		done(nil)
		return
	}
	n := files.Get("length").Int()
	out := make([]pickedFile, n)
	left := n
	if n == 0 {
		done(nil)
		return
	}
	finish := func() {
		if left--; left == 0 {
			done(out)
		}
	}
	for i := range n {
		f := files.Index(i)
		out[i] = pickedFile{Name: f.Get("name").String(), Size: f.Get("size").Int()}
		if out[i].Size > limit {
			finish()
			continue
		}
		var ok, fail js.Func
		ok = js.FuncOf(func(_ js.Value, args []js.Value) any {
			buf := js.Global().Get("Uint8Array").New(args[0])
			out[i].Data = make([]byte, buf.Get("length").Int())
			js.CopyBytesToGo(out[i].Data, buf)
			out[i].Read = true
			ok.Release()
			fail.Release()
			finish()
			return nil
		})
		fail = js.FuncOf(func(_ js.Value, args []js.Value) any {
			out[i].ReadErr = "the browser could not read it"
			ok.Release()
			fail.Release()
			finish()
			return nil
		})
		f.Call("arrayBuffer").Call("then", ok, fail)
	}
}

// clearFileInput lets the same file be chosen again.
func clearFileInput(inputID string) {
	jsCall(func() { js.Global().Get("document").Call("getElementById", inputID).Set("value", "") })
}

// requestPersistence asks the browser not to evict this origin's storage
// under pressure. The answer changes nothing the user sees, so it is ignored.
func requestPersistence() {
	jsCall(func() {
		if s := js.Global().Get("navigator").Get("storage"); s.Truthy() && s.Get("persist").Truthy() {
			s.Call("persist")
		}
	})
}

// focusElement moves keyboard and screen-reader focus. go-app applies an
// update after the event that caused it, and may replace the element once
// more after that, so focus is checked over the next few frames and put
// back if it fell to the page body. It never takes focus from an element
// the user has moved to since.
func focusElement(id string) {
	frames := 12
	var f js.Func
	f = js.FuncOf(func(js.Value, []js.Value) any {
		jsCall(func() {
			doc := js.Global().Get("document")
			el := doc.Call("getElementById", id)
			active := doc.Get("activeElement")
			lost := !active.Truthy() || active.Equal(doc.Get("body"))
			if el.Truthy() && !active.Equal(el) && (lost || frames == 12) {
				el.Call("focus")
			}
			if !lost && !active.Equal(el) && frames < 12 {
				frames = 1 // the user moved on: leave focus alone
			}
		})
		if frames--; frames <= 0 {
			f.Release()
		} else {
			js.Global().Call("requestAnimationFrame", f)
		}
		return nil
	})
	js.Global().Call("requestAnimationFrame", f)
}

// checkedValue is the value of the checked radio button in a group.
func checkedValue(name string) (v string, ok bool) {
	jsCall(func() {
		el := js.Global().Get("document").Call("querySelector", `input[type=radio][name="`+name+`"]:checked`)
		if el.Truthy() {
			v, ok = el.Get("value").String(), true
		}
	})
	return v, ok
}

// markReady tells tests and benchmarks that the app is interactive, and
// when it first became so (milliseconds since navigation began).
func markReady() {
	if !js.Global().Get("nasssReady").Truthy() {
		keepLinksInApp()
	}
	if !js.Global().Get("nasssReadyAt").Truthy() {
		js.Global().Set("nasssReadyAt", js.Global().Get("performance").Call("now"))
	}
	js.Global().Set("nasssReady", true)
}

// keepLinksInApp stops the browser following the app's own links. go-app
// navigates on a link click, but calls preventDefault from its UI
// goroutine, which may run after the browser has begun a full page load;
// this listener decides at once, and go-app's still does the navigating.
// Links within the page it handles itself; form submissions likewise.
func keepLinksInApp() {
	js.Global().Call("addEventListener", "click", js.FuncOf(func(_ js.Value, args []js.Value) any {
		e := args[0]
		if e.Get("defaultPrevented").Bool() || e.Get("button").Int() != 0 ||
			e.Get("metaKey").Bool() || e.Get("ctrlKey").Bool() || e.Get("shiftKey").Bool() || e.Get("altKey").Bool() {
			return nil
		}
		a := e.Get("target").Call("closest", "a")
		if !a.Truthy() || a.Call("hasAttribute", "download").Bool() || a.Get("target").String() != "" {
			return nil
		}
		href := a.Call("getAttribute", "href")
		if href.Type() != js.TypeString {
			return nil
		}
		switch h := href.String(); {
		case strings.HasPrefix(h, "#") && len(h) > 1:
			// A link within the page (the skip link, an error summary's
			// links) moves focus there, as GOV.UK pages do. go-app would
			// treat it as a navigation and reload the page's state, losing
			// what was typed, so it never sees the click.
			target := js.Global().Get("document").Call("getElementById", h[1:])
			if target.Truthy() {
				e.Call("preventDefault")
				e.Call("stopPropagation")
				if !target.Call("matches", "a, button, input, select, textarea, [tabindex]").Bool() {
					target.Call("setAttribute", "tabindex", "-1")
				}
				target.Call("focus")
				target.Call("scrollIntoView", map[string]any{"block": "center"})
			}
		case strings.HasPrefix(h, "/") && !strings.HasPrefix(h, "//"):
			e.Call("preventDefault")
		}
		return nil
	}), true)
	// Forms are the app's too: go-app's submit handlers prevent the
	// browser's own submission just as late, and a native submission
	// reloads the page without its fragment and loses what was typed.
	js.Global().Call("addEventListener", "submit", js.FuncOf(func(_ js.Value, args []js.Value) any {
		args[0].Call("preventDefault")
		return nil
	}), true)
}

// reloadPage loads the new version after an update.
func reloadPage() { jsCall(func() { js.Global().Get("location").Call("reload") }) }

// canShareFiles reports whether the Web Share API can share a PDF here,
// as in installed apps on phones, where downloads may go nowhere.
func canShareFiles() (ok bool) {
	jsCall(func() {
		nav := js.Global().Get("navigator")
		if !nav.Get("canShare").Truthy() || !js.Global().Get("File").Truthy() {
			return
		}
		f := js.Global().Get("File").New([]any{"x"}, "x.pdf", map[string]any{"type": "application/pdf"})
		ok = nav.Call("canShare", map[string]any{"files": []any{f}}).Bool()
	})
	return ok
}

// shareFile hands a file to the system's share sheet.
func shareFile(name, mime string, data []byte) error {
	return jsCall(func() {
		arr := js.Global().Get("Uint8Array").New(len(data))
		js.CopyBytesToJS(arr, data)
		f := js.Global().Get("File").New([]any{arr}, name, map[string]any{"type": mime})
		// The promise rejects when the person closes the sheet: not an error.
		js.Global().Get("navigator").Call("share", map[string]any{"files": []any{f}, "title": name}).
			Call("catch", js.FuncOf(func(js.Value, []js.Value) any { return nil }))
	})
}

// recordTiming leaves a measurement where the benchmarks can read it.
func recordTiming(name string, ms float64) { js.Global().Set(name, ms) }

// The PDF worker is started on the first report and kept; requests wait in
// pdfCalls until it answers. Go in the browser runs on one thread and
// nothing here blocks while it touches the map, so it needs no lock.
var (
	pdfWorker js.Value
	pdfCalls  = map[int]func([]byte, error){}
	pdfNextID int
)

// renderPDF asks the PDF worker to make the action plan for an exported
// assessment file, and calls done once with the PDF or the reason it
// could not be made.
func renderPDF(file []byte, date string, done func([]byte, error)) {
	err := jsCall(func() {
		if !pdfWorker.Truthy() {
			startPDFWorker()
		}
		pdfNextID++
		id := pdfNextID
		pdfCalls[id] = done
		arr := js.Global().Get("Uint8Array").New(len(file))
		js.CopyBytesToJS(arr, file)
		fonts := []any{fontRegularURL, fontBoldURL}
		pdfWorker.Call("postMessage", map[string]any{"id": id, "wasm": pdfWasmURL, "fonts": fonts, "file": arr, "date": date})
	})
	if err != nil {
		done(nil, fmt.Errorf("the PDF maker could not start: %w", err))
	}
}

func startPDFWorker() {
	w := js.Global().Get("Worker").New(pdfWorkerURL)
	w.Call("addEventListener", "message", js.FuncOf(func(_ js.Value, args []js.Value) any {
		msg := args[0].Get("data")
		id := msg.Get("id").Int()
		done := pdfCalls[id]
		delete(pdfCalls, id)
		if done == nil {
			return nil
		}
		if e := msg.Get("error"); e.Truthy() {
			done(nil, errors.New(e.String()))
			return nil
		}
		buf := msg.Get("pdf")
		data := make([]byte, buf.Get("length").Int())
		js.CopyBytesToGo(data, buf)
		done(data, nil)
		return nil
	}))
	// The worker's script failed to load or crashed: fail what waits and
	// start afresh next time.
	w.Call("addEventListener", "error", js.FuncOf(func(_ js.Value, args []js.Value) any {
		args[0].Call("preventDefault")
		reason := "the PDF maker failed to load"
		if m := args[0].Get("message"); m.Truthy() {
			reason += ": " + m.String()
		}
		w.Call("terminate")
		if pdfWorker.Equal(w) {
			pdfWorker = js.Undefined()
		}
		calls := pdfCalls
		pdfCalls = map[int]func([]byte, error){}
		for _, done := range calls {
			done(nil, errors.New(reason))
		}
		return nil
	}))
	pdfWorker = w
}
