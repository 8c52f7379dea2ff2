// Package e2e holds the end-to-end browser tests of the NASSS toolkit PWA.
//
// The tests drive a headless Chromium through the Chrome DevTools Protocol
// (chromedp) against a server listening on 127.0.0.1 only. They need
// Chromium (sudo apt-get install chromium, or CHROMIUM=/path/to/chrome) and
// axe-core for the accessibility checks (cd app/e2e && npm ci).
//
// The package has no non-test code: everything lives in _test.go files, and
// this file only makes the package exist for go vet and go doc.
package e2e
