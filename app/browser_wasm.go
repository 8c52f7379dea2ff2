//go:build wasm

package app

import (
	"fmt"
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

func newBrowserStore() Store { return localStore{} }

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

// focusElement moves keyboard and screen-reader focus.
func focusElement(id string) {
	jsCall(func() {
		if el := js.Global().Get("document").Call("getElementById", id); el.Truthy() {
			el.Call("focus")
		}
	})
}

// markReady tells tests and benchmarks that the app is interactive.
func markReady() { js.Global().Set("nasssReady", true) }

// reloadPage loads the new version after an update.
func reloadPage() { jsCall(func() { js.Global().Get("location").Call("reload") }) }
