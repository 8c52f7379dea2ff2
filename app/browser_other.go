//go:build !wasm

package app

import (
	"errors"
	"time"
)

// Natively (server-side rendering and tests) there is no browser: storage
// lives in memory and browser-only effects do nothing.

func newBrowserBackend() Backend { return newMemBackend() }

func watchStore(f func(id string)) {}

func storageFacts() (usage, quota int64, persisted, ok bool) { return 0, 0, false, false }

func download(name, mime string, data []byte) error { return nil }

func readFiles(inputID string, limit int, done func([]pickedFile)) { done(nil) }

func clearFileInput(inputID string) {}

func requestPersistence() {}

func focusElement(id string) {}

func activeID() string { return "" }

func refocus(id string) {}

func markReady() {}

func reloadPage() {}

func checkedValue(name string) (string, bool) { return "", false }

func renderPDF(file []byte, date, options string, done func([]byte, error)) {
	done(nil, errNoBrowser)
}

func canShareFiles() bool { return false }

func narrowScreen() bool { return false }

func shareFile(name, mime string, data []byte) error { return errNoBrowser }

func recordTiming(name string, ms float64) {}

func recordSave(work time.Duration) {}

func copyText(text string, done func(error)) { done(errNoBrowser) }

func canScan(done func(bool)) { done(false) }

func startScan(videoID string, found func(string), failed func(string)) { failed("other") }

func stopScan() {}

func forgetTyping() {}

var errNoBrowser = errors.New("only in the browser")
