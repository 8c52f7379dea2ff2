//go:build !wasm

package app

// Natively (server-side rendering and tests) there is no browser: storage
// lives in memory and browser-only effects do nothing.

func newBrowserStore() Store { return newMemStore() }

func download(name, mime string, data []byte) error { return nil }

func readFiles(inputID string, limit int, done func([]pickedFile)) { done(nil) }

func clearFileInput(inputID string) {}

func requestPersistence() {}

func focusElement(id string) {}

func markReady() {}

func reloadPage() {}

func checkedValue(name string) (string, bool) { return "", false }
