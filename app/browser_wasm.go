//go:build wasm

package app

import (
	"errors"
	"fmt"
	"strings"
	"syscall/js"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
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

// await waits for a JavaScript promise. The UI goroutine may wait: the
// browser's event loop runs meanwhile, and so does the database. A store
// that does not answer in time is reported, not waited on for ever.
func await(p js.Value) (js.Value, error) {
	type result struct {
		v   js.Value
		err error
	}
	ch := make(chan result, 1)
	var ok, fail js.Func
	ok = js.FuncOf(func(_ js.Value, args []js.Value) any {
		v := js.Undefined()
		if len(args) > 0 {
			v = args[0]
		}
		ch <- result{v: v}
		return nil
	})
	fail = js.FuncOf(func(_ js.Value, args []js.Value) any {
		msg := "the browser's storage failed"
		if len(args) > 0 && args[0].Truthy() {
			if m := args[0].Get("message"); m.Truthy() {
				msg = m.String()
			} else {
				msg = args[0].Call("toString").String()
			}
			if n := args[0].Get("name"); n.Truthy() && n.String() == "QuotaExceededError" {
				msg = "the browser's storage for this site is full (" + msg + ")"
			}
		}
		ch <- result{err: errors.New(msg)}
		return nil
	})
	defer ok.Release()
	defer fail.Release()
	if err := jsCall(func() { p.Call("then", ok, fail) }); err != nil {
		return js.Undefined(), err
	}
	select {
	case r := <-ch:
		return r.v, r.err
	case <-time.After(20 * time.Second):
		return js.Undefined(), errors.New("the browser's storage did not answer")
	}
}

// idbBackend is the browser's database, through web/store.js.
type idbBackend struct {
	api js.Value // the store, once opened
}

// newBrowserBackend is IndexedDB, unless the browser refuses it (some
// private modes, blocked site data): then the app keeps its data for this
// page only and says so.
func newBrowserBackend() Backend {
	p := js.Global().Get("nasssStore")
	if !p.Truthy() {
		return newPageOnlyBackend(errors.New("the storage script did not load"))
	}
	api, err := await(p)
	if err != nil {
		return newPageOnlyBackend(err)
	}
	return &idbBackend{api: api}
}

// call runs one of the store's methods and waits for its answer.
func (b *idbBackend) call(method string, args ...any) (v js.Value, err error) {
	if err := jsCall(func() { v = b.api.Call(method, args...) }); err != nil {
		return js.Undefined(), err
	}
	return await(v)
}

func bytesOf(v js.Value) []byte {
	data := make([]byte, v.Get("length").Int())
	js.CopyBytesToGo(data, v)
	return data
}

func (b *idbBackend) List() ([]Record, error) {
	v, err := b.call("list")
	if err != nil {
		return nil, err
	}
	out := make([]Record, v.Length())
	for i := range out {
		e := v.Index(i)
		out[i] = Record{ID: e.Get("id").String(), Rev: e.Get("rev").Int(), Summary: e.Get("summary").String()}
	}
	return out, nil
}

func (b *idbBackend) Rev(id string) (int, error) {
	v, err := b.call("rev", id)
	if err != nil {
		return 0, err
	}
	return v.Int(), nil
}

func (b *idbBackend) Get(id string) (Record, bool, error) {
	v, err := b.call("get", id)
	if err != nil || v.IsNull() || v.IsUndefined() {
		return Record{}, false, err
	}
	return Record{ID: id, Rev: v.Get("rev").Int(), Data: bytesOf(v.Get("data"))}, true, nil
}

func (b *idbBackend) Put(r Record, base int) (PutResult, error) {
	arr := js.Global().Get("Uint8Array").New(len(r.Data))
	js.CopyBytesToJS(arr, r.Data)
	v, err := b.call("put", r.ID, base, arr, r.Summary)
	if err != nil {
		return PutResult{}, err
	}
	res := PutResult{Rev: v.Get("rev").Int()}
	if v.Get("conflict").Truthy() {
		c := &Record{ID: r.ID, Rev: res.Rev}
		if d := v.Get("data"); d.Truthy() {
			c.Data = bytesOf(d)
		}
		res.Conflict = c
	}
	return res, nil
}

func (b *idbBackend) SetSummary(id string, rev int, summary string) error {
	_, err := b.call("setSummary", id, rev, summary)
	return err
}

func (b *idbBackend) Delete(id string) error {
	_, err := b.call("remove", id)
	return err
}

func (b *idbBackend) Setting(key string) (string, error) {
	v, err := b.call("setting", key)
	if err != nil {
		return "", err
	}
	return v.String(), nil
}

func (b *idbBackend) SetSetting(key, value string) error {
	_, err := b.call("setSetting", key, value)
	return err
}

func (b *idbBackend) Kept() error { return nil }

// watchStore calls f with the ID of each record another tab writes or
// deletes. It runs on the browser's event loop, so f must only hand work
// to the UI goroutine.
func watchStore(f func(id string)) {
	b, ok := repo.b.(*idbBackend)
	if !ok {
		return
	}
	jsCall(func() {
		b.api.Call("watch", js.FuncOf(func(_ js.Value, args []js.Value) any {
			if len(args) > 0 && args[0].Truthy() {
				f(args[0].Get("id").String())
			}
			return nil
		}))
	})
}

// storageFacts is what the browser says of this site's storage: how much
// it uses and may use, and whether it has agreed to keep it through a
// shortage of space. ok is false where it does not say.
func storageFacts() (usage, quota int64, persisted, ok bool) {
	b, isIDB := repo.b.(*idbBackend)
	if !isIDB {
		return 0, 0, false, false
	}
	if v, err := b.call("estimate"); err == nil && v.Truthy() {
		usage, quota, ok = int64(v.Get("usage").Float()), int64(v.Get("quota").Float()), true
	}
	if v, err := b.call("persisted"); err == nil {
		persisted = v.Truthy()
	}
	return usage, quota, persisted, ok
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

// requestPersistence asks the browser not to clear this site's storage
// when space runs short. The home page shows the answer (storageFacts).
func requestPersistence() {
	if b, ok := repo.b.(*idbBackend); ok {
		jsCall(func() { b.api.Call("persist") })
	}
}

// focusElement moves keyboard and screen-reader focus. go-app applies an
// update after the event that caused it, and may replace the element once
// more after that, so focus is checked over the next few frames and put
// back if it fell to the page body or stayed where it was when asked (the
// element may not be drawn yet). It never takes focus from an element the
// user has moved to since.
func focusElement(id string) {
	frames := 12
	var start js.Value
	jsCall(func() { start = js.Global().Get("document").Get("activeElement") })
	var f js.Func
	f = js.FuncOf(func(js.Value, []js.Value) any {
		jsCall(func() {
			doc := js.Global().Get("document")
			el := doc.Call("getElementById", id)
			active := doc.Get("activeElement")
			waiting := !active.Truthy() || active.Equal(doc.Get("body")) || active.Equal(start)
			if el.Truthy() && !active.Equal(el) && waiting {
				el.Call("focus")
			}
			if !waiting && !active.Equal(el) {
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

// activeID is the ID of the element that has focus, or "".
func activeID() (id string) {
	jsCall(func() {
		if el := js.Global().Get("document").Get("activeElement"); el.Truthy() {
			id = el.Get("id").String()
		}
	})
	return id
}

// refocus puts focus back on the element with this ID once it is drawn
// afresh, with the caret at the end of any text in it, so that typing
// goes on where it was.
func refocus(id string) {
	if id == "" || id == headingID {
		return
	}
	focusElement(id)
	var f js.Func
	f = js.FuncOf(func(js.Value, []js.Value) any {
		f.Release()
		jsCall(func() {
			el := js.Global().Get("document").Call("getElementById", id)
			if el.Truthy() && el.Get("setSelectionRange").Truthy() && el.Get("value").Type() == js.TypeString {
				n := el.Get("value").Length()
				el.Call("setSelectionRange", n, n)
			}
		})
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
		cacheReportFilesLater()
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
// narrowScreen is whether the page is as narrow as a phone's, where the
// layout puts the first question before the domain's introduction.
func narrowScreen() (ok bool) {
	jsCall(func() {
		ok = js.Global().Call("matchMedia", "(max-width: 640px)").Get("matches").Bool()
	})
	return ok
}

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

// copyText puts text on the clipboard and calls done, once, with how that
// went; browsers refuse it outside a secure page or a click.
func copyText(text string, done func(error)) {
	err := jsCall(func() {
		clip := js.Global().Get("navigator").Get("clipboard")
		if !clip.Truthy() {
			panic("no clipboard")
		}
		var ok, fail js.Func
		ok = js.FuncOf(func(js.Value, []js.Value) any { ok.Release(); fail.Release(); done(nil); return nil })
		fail = js.FuncOf(func(js.Value, []js.Value) any {
			ok.Release()
			fail.Release()
			done(errors.New("the browser refused"))
			return nil
		})
		clip.Call("writeText", text).Call("then", ok, fail)
	})
	if err != nil {
		done(err)
	}
}

// recordSave leaves, for the benchmarks, how long a save's checks and
// encoding took on the page's thread, when it ended, and how many there
// have been.
func recordSave(work time.Duration) {
	g := js.Global()
	g.Set("nasssSaveWorkMs", float64(work.Microseconds())/1000)
	g.Set("nasssSavedAt", g.Get("performance").Call("now"))
	n := 0
	if v := g.Get("nasssSaves"); v.Type() == js.TypeNumber {
		n = v.Int()
	}
	g.Set("nasssSaves", n+1)
}

// recordTiming leaves a measurement where the benchmarks can read it.
func recordTiming(name string, ms float64) { js.Global().Set(name, ms) }

// The URLs the page asks for the report files: its own version's (see
// ReportEnv), else the plain ones.
var (
	pdfWorkerURL   = reportURL(plainPDFWorker)
	pdfWasmURL     = reportURL(plainPDFWasm)
	fontRegularURL = reportURL(plainFontRegular)
	fontBoldURL    = reportURL(plainFontBold)
)

// reportURL is the URL the server gave for a report file, or else its
// plain URL.
func reportURL(plain string) string {
	if u := app.Getenv(ReportEnv(plain)); u != "" {
		return u
	}
	return plain
}

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
func renderPDF(file []byte, date, options string, done func([]byte, error)) {
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
		pdfWorker.Call("postMessage", map[string]any{"id": id, "wasm": pdfWasmURL, "fonts": fonts, "file": arr, "date": date, "options": options})
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
		if ms := msg.Get("ms"); ms.Type() == js.TypeNumber {
			recordTiming("nasssPDFRenderMs", ms.Float())
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

// canScan calls done with whether this browser can read QR codes with a
// camera (web/scan.js).
func canScan(done func(bool)) {
	err := jsCall(func() {
		scan := js.Global().Get("nasssScan")
		if !scan.Truthy() {
			panic("no scanner")
		}
		var ok js.Func
		ok = js.FuncOf(func(_ js.Value, args []js.Value) any {
			ok.Release()
			done(len(args) > 0 && args[0].Truthy())
			return nil
		})
		scan.Call("supported").Call("then", ok)
	})
	if err != nil {
		done(false)
	}
}

// scanFuncs are the callbacks of the scan in progress, released when it stops.
var scanFuncs []js.Func

// startScan shows the camera in the video element videoID and calls found
// with the text of each QR code read, until stopScan; failed gets
// "denied", "none" or "other" if the camera cannot be used.
func startScan(videoID string, found func(string), failed func(string)) {
	stopScan()
	err := jsCall(func() {
		video := js.Global().Get("document").Call("getElementById", videoID)
		if !video.Truthy() {
			panic("no video element")
		}
		f := js.FuncOf(func(_ js.Value, args []js.Value) any { found(args[0].String()); return nil })
		e := js.FuncOf(func(_ js.Value, args []js.Value) any { failed(args[0].String()); return nil })
		scanFuncs = []js.Func{f, e}
		js.Global().Get("nasssScan").Call("start", video, f, e)
	})
	if err != nil {
		failed("other")
	}
}

// stopScan turns the camera off.
func stopScan() {
	_ = jsCall(func() { js.Global().Get("nasssScan").Call("stop") })
	for _, f := range scanFuncs {
		f.Release()
	}
	scanFuncs = nil
}

// cacheReportFilesLater asks the service worker, a little after the app is
// ready and when the browser is idle, to cache the PDF maker's files, so
// that a PDF can be made offline after one visit. Asked earlier, they
// would compete with the app's own first load.
func cacheReportFilesLater() {
	sw := js.Global().Get("navigator").Get("serviceWorker")
	if !sw.Truthy() {
		return
	}
	ask := js.FuncOf(func(js.Value, []js.Value) any {
		sw.Get("ready").Call("then", js.FuncOf(func(_ js.Value, args []js.Value) any {
			if active := args[0].Get("active"); active.Truthy() {
				active.Call("postMessage", map[string]any{"nasss": "cache-later"})
			}
			return nil
		}))
		return nil
	})
	js.Global().Call("setTimeout", js.FuncOf(func(js.Value, []js.Value) any {
		if idle := js.Global().Get("requestIdleCallback"); idle.Truthy() {
			idle.Invoke(ask, map[string]any{"timeout": 5000})
		} else {
			ask.Invoke()
		}
		return nil
	}), 1000)
}

// forgetTyping tells the page that what was typed needs no saving, so
// leaving it asks nothing (web/store.js).
func forgetTyping() {
	_ = jsCall(func() { js.Global().Call("nasssForgetTyping") })
}
