//go:build !wasm

package server

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	nasss "github.com/nasss-toolkit/nasss/app"
)

// testSite serves a web folder holding a stand-in wasm: the server never
// looks inside it.
func testSite(t *testing.T) (*Site, []byte) {
	t.Helper()
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "fonts"), 0o755)
	wasm := bytes.Repeat([]byte("\x00asm not really, but compressible "), 4000)
	for name, data := range map[string][]byte{
		WasmName: wasm, PDFWasmName: []byte("\x00asm the PDF renderer"), "pdf-worker.js": []byte("// worker"),
		"app.css": []byte("body{}"), "icon.svg": []byte("<svg/>"), "web.go": []byte("package web"),
		"icon-192.png": {1}, "icon-512.png": {2}, "fonts/DejaVuSans.ttf": bytes.Repeat([]byte("font "), 999),
		"fonts/DejaVuSans-Bold.ttf": bytes.Repeat([]byte("bold font "), 999),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, err := New(dir)
	if err != nil {
		t.Fatal(err)
	}
	return s, wasm
}

func get(t *testing.T, h http.Handler, path string, header ...string) *http.Response {
	t.Helper()
	req := httptest.NewRequest("GET", path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func TestWasmEncodings(t *testing.T) {
	s, wasm := testSite(t)
	decode := map[string]func(io.Reader) io.Reader{
		"br":   func(r io.Reader) io.Reader { return brotli.NewReader(r) },
		"gzip": func(r io.Reader) io.Reader { z, _ := gzip.NewReader(r); return z },
		"":     func(r io.Reader) io.Reader { return r },
	}
	tests := []struct{ accept, want string }{
		{"gzip, deflate, br, zstd", "br"},
		{"gzip", "gzip"},
		{"br;q=0, gzip", "gzip"},
		{"", ""},
		{"identity", ""},
	}
	for _, tt := range tests {
		res := get(t, s, "/web/app.wasm", "Accept-Encoding", tt.accept)
		h := res.Header
		if res.StatusCode != 200 || h.Get("Content-Encoding") != tt.want || h.Get("Content-Type") != "application/wasm" ||
			h.Get("Vary") != "Accept-Encoding" || h.Get("Cache-Control") != "no-cache" {
			t.Errorf("Accept-Encoding %q: %d, headers %v", tt.accept, res.StatusCode, h)
		}
		body, _ := io.ReadAll(decode[tt.want](res.Body))
		if !bytes.Equal(body, wasm) {
			t.Errorf("Accept-Encoding %q: the body does not decode to the wasm", tt.accept)
		}
	}
	res := get(t, s, "/web/fonts/DejaVuSans.ttf", "Accept-Encoding", "br")
	if res.Header.Get("Content-Encoding") != "br" || res.Header.Get("Content-Type") != "font/ttf" {
		t.Errorf("the font is not served pre-compressed: %v", res.Header)
	}
	res = get(t, s, "/web/"+PDFWasmName, "Accept-Encoding", "br")
	if res.Header.Get("Content-Encoding") != "br" || res.Header.Get("Content-Type") != "application/wasm" {
		t.Errorf("the PDF renderer is not served pre-compressed: %v", res.Header)
	}
	raw, gz, br := s.Sizes(WasmName)
	if raw != len(wasm) || gz >= raw || br >= gz {
		t.Errorf("sizes raw %d gzip %d brotli %d", raw, gz, br)
	}
}

func TestVersionAndLoadingPercentage(t *testing.T) {
	s, wasm := testSite(t)
	if len(s.Version()) != 16 {
		t.Errorf("version %q is not a hash", s.Version())
	}
	body, _ := io.ReadAll(get(t, s, "/app.js").Body)
	// go-app's loader divides the bytes received by this: the raw size,
	// since the browser counts decoded bytes whatever the encoding.
	if !bytes.Contains(body, []byte(`goappWasmContentLength = "`+itoa(len(wasm))+`"`)) {
		t.Error("app.js does not carry the raw wasm size for the loading percentage")
	}
	worker, _ := io.ReadAll(get(t, s, "/app-worker.js").Body)
	want := []string{`"nasss-` + s.Version() + `"`, `"` + s.HashedURL(WasmName) + `"`, `"/web/storage-guard.js"`, `"/web/icon.svg"`, `"no-cache"`, "event.waitUntil"}
	for _, name := range []string{PDFWasmName, "pdf-worker.js", "fonts/DejaVuSans.ttf", "fonts/DejaVuSans-Bold.ttf"} {
		want = append(want, `"`+s.HashedURL(name)+`"`)
	}
	for _, want := range want {
		if !bytes.Contains(worker, []byte(want)) {
			t.Errorf("the service worker lacks %s", want)
		}
	}
	if bytes.Contains(worker, []byte("http")) {
		t.Error("the service worker names an outside address")
	}
	// The PDF maker's files are cached later, never in the first load's
	// install list; app.js fetches the wasm by its hashed URL.
	install := worker[bytes.Index(worker, []byte("resourcesToCache = ")):]
	install = install[:bytes.IndexByte(install, '\n')]
	if bytes.Contains(install, []byte(s.HashedURL(PDFWasmName))) || bytes.Contains(install, []byte(s.HashedURL("fonts/DejaVuSans.ttf"))) {
		t.Errorf("the worker's install list holds the PDF maker's files: %s", install)
	}
	if !bytes.Contains(body, []byte(`fetchWithProgress("`+s.HashedURL(WasmName)+`"`)) {
		t.Error("app.js does not fetch the wasm by its hashed URL")
	}
}

func itoa(n int) string {
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

func TestSecurityHeadersEverywhere(t *testing.T) {
	s, _ := testSite(t)
	for _, path := range []string{"/", "/about", "/domain?a=x&d=2", "/web/app.css", "/web/app.wasm", "/app.js", "/app-worker.js", "/manifest.webmanifest"} {
		res := get(t, s, path)
		h := res.Header
		if res.StatusCode != 200 {
			t.Errorf("%s: %d", path, res.StatusCode)
		}
		if h.Get("Content-Security-Policy") != ContentSecurityPolicy || h.Get("X-Content-Type-Options") != "nosniff" ||
			h.Get("Referrer-Policy") != "no-referrer" {
			t.Errorf("%s: security headers missing: %v", path, h)
		}
		if h.Get("Cache-Control") != "no-cache" {
			t.Errorf("%s: Cache-Control %q, want no-cache", path, h.Get("Cache-Control"))
		}
	}
	csp := ContentSecurityPolicy
	if !strings.Contains(csp, "script-src 'self' 'wasm-unsafe-eval'") || strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "http") {
		t.Errorf("CSP allows more than this origin: %s", csp)
	}
	if res := get(t, s, "/no/such/page"); res.StatusCode != 404 {
		t.Errorf("an unknown page answers %d", res.StatusCode)
	}
}

// TestPagesNameNoOtherOrigin checks that nothing a page loads (src and
// href, the manifest's icons) points at another origin. go-app's og:url
// meta tag names no domain and loads nothing, so it is not a request.
func TestPagesNameNoOtherOrigin(t *testing.T) {
	s, _ := testSite(t)
	for _, path := range []string{"/", "/about", "/manifest.webmanifest"} {
		body, _ := io.ReadAll(get(t, s, path).Body)
		for _, attr := range []string{`src="`, `href="`, `"src":"`, `"start_url":"`} {
			for rest := body; ; {
				i := bytes.Index(rest, []byte(attr))
				if i < 0 {
					break
				}
				rest = rest[i+len(attr):]
				local := bytes.HasPrefix(rest, []byte("/")) || bytes.HasPrefix(rest, []byte("#"))
				if !local || bytes.HasPrefix(rest, []byte("//")) {
					t.Errorf("%s loads from elsewhere: %s%s", path, attr, rest[:min(len(rest), 60)])
				}
			}
		}
	}
}

func TestStaticBuild(t *testing.T) {
	s, wasm := testSite(t)
	out := t.TempDir()
	if err := s.Build(out); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"index.html", "about.html", "about/index.html", "domain/index.html", "results/index.html",
		"app.js", "app-worker.js", "wasm_exec.js", "manifest.webmanifest", "app.css", "web/app.css", "web/icon.svg",
		"web/pdf.wasm", "web/pdf-worker.js", "404.html"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("the static site lacks %s", f)
		}
	}
	if got, _ := os.ReadFile(filepath.Join(out, "web", WasmName)); !bytes.Equal(got, wasm) {
		t.Error("the static site's wasm differs")
	}
	if _, err := os.Stat(filepath.Join(out, "web", WasmName+".br")); err == nil {
		t.Error("pre-compressed copies went into the static site, where hosts would send them as they are")
	}
	if _, err := os.Stat(filepath.Join(out, "web", "web.go")); err == nil {
		t.Error("the command line's Go file went into the static site")
	}
}

// TestVersionFollowsEveryFile: a change to any file people get, not only
// the app's binary, must reach them as an update; a compressed copy or
// the command line's Go file changes nothing they get.
func TestVersionFollowsEveryFile(t *testing.T) {
	s, _ := testSite(t)
	version := func() string {
		t.Helper()
		s2, err := New(s.webDir)
		if err != nil {
			t.Fatal(err)
		}
		return s2.Version()
	}
	before := version()
	if again := version(); again != before {
		t.Fatalf("the same files gave versions %s and %s", before, again)
	}
	os.WriteFile(filepath.Join(s.webDir, "web.go"), []byte("package web // changed"), 0o644)
	if got := version(); got != before {
		t.Error("the command line's Go file changed the version")
	}
	for _, name := range []string{PDFWasmName, "pdf-worker.js", "app.css", "fonts/DejaVuSans.ttf"} {
		path := filepath.Join(s.webDir, name)
		data, _ := os.ReadFile(path)
		os.WriteFile(path, append(data, ' '), 0o644)
		if got := version(); got == before {
			t.Errorf("changing %s left the version at %s", name, got)
		}
		os.WriteFile(path, data, 0o644)
	}
}

// TestNotFound: an address with no page gets the app's own page, with
// status 404, not a bare message; a missing file stays a plain 404.
func TestNotFound(t *testing.T) {
	s, _ := testSite(t)
	for _, path := range []string{"/no-such-page", "/results/extra/parts", "/about-us"} {
		res := get(t, s, path)
		body, _ := io.ReadAll(res.Body)
		if res.StatusCode != http.StatusNotFound || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") ||
			!bytes.Contains(body, []byte("Page not found")) || !bytes.Contains(body, []byte(`src="/app.js"`)) {
			t.Errorf("%s: %d %s\n%.300s", path, res.StatusCode, res.Header.Get("Content-Type"), body)
		}
		if res.Header.Get("Content-Security-Policy") == "" {
			t.Errorf("%s: the not-found page lacks the security headers", path)
		}
	}
	for _, path := range []string{"/", "/about", "/about/", "/domain"} {
		if res := get(t, s, path); res.StatusCode != http.StatusOK {
			t.Errorf("%s: %d", path, res.StatusCode)
		}
	}
	res := get(t, s, "/web/missing.png")
	if body, _ := io.ReadAll(res.Body); res.StatusCode != http.StatusNotFound || bytes.Contains(body, []byte("Page not found")) {
		t.Errorf("a missing file: %d %.100s", res.StatusCode, body)
	}
}

func TestNewWithoutWasm(t *testing.T) {
	_, err := New(t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "make build") {
		t.Errorf("want a message saying to run make build, got %v", err)
	}
}

func TestStaleCompressedCopiesAreRemade(t *testing.T) {
	s, wasm := testSite(t)
	path := filepath.Join(s.webDir, WasmName)
	// A copy of half the file, newer than the file, as a crash could leave.
	os.WriteFile(path+".gz", []byte("not gzip"), 0o644)
	s2, err := New(s.webDir)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(decodeGzip(get(t, s2, "/web/app.wasm", "Accept-Encoding", "gzip").Body))
	if !bytes.Equal(body, wasm) {
		t.Error("a damaged pre-compressed copy was served")
	}
}

func decodeGzip(r io.Reader) io.Reader {
	z, err := gzip.NewReader(r)
	if err != nil {
		return bytes.NewReader(nil)
	}
	return z
}

// TestHashedReportFiles: the app's wasm and the report files are served under URLs that carry
// a hash of their content, for good, and the page learns those URLs from
// app.js; a hash that is not the file's is not found.
func TestHashedReportFiles(t *testing.T) {
	s, _ := testSite(t)
	appJS, _ := io.ReadAll(get(t, s, "/app.js").Body)
	tests := []struct{ name, pattern, contentType string }{
		{WasmName, `^/web/app\.[0-9a-f]{8}\.wasm$`, "application/wasm"},
		{PDFWasmName, `^/web/pdf\.[0-9a-f]{8}\.wasm$`, "application/wasm"},
		{"pdf-worker.js", `^/web/pdf-worker\.[0-9a-f]{8}\.js$`, "text/javascript; charset=utf-8"},
		{"fonts/DejaVuSans.ttf", `^/web/fonts/DejaVuSans\.[0-9a-f]{8}\.ttf$`, "font/ttf"},
		{"fonts/DejaVuSans-Bold.ttf", `^/web/fonts/DejaVuSans-Bold\.[0-9a-f]{8}\.ttf$`, "font/ttf"},
	}
	for _, tt := range tests {
		u := s.HashedURL(tt.name)
		if !regexp.MustCompile(tt.pattern).MatchString(u) {
			t.Errorf("%s: hashed URL %q", tt.name, u)
			continue
		}
		want, _ := os.ReadFile(filepath.Join(s.webDir, tt.name))
		for _, accept := range []string{"", "gzip, deflate, br"} {
			res := get(t, s, u, "Accept-Encoding", accept)
			r := io.Reader(res.Body)
			switch res.Header.Get("Content-Encoding") {
			case "br":
				r = brotli.NewReader(r)
			case "gzip":
				r = decodeGzip(r)
			}
			body, _ := io.ReadAll(r)
			h := res.Header
			if res.StatusCode != 200 || !bytes.Equal(body, want) || h.Get("Cache-Control") != "public, max-age=31536000, immutable" ||
				h.Get("Content-Type") != tt.contentType || h.Get("Content-Security-Policy") != ContentSecurityPolicy {
				t.Errorf("%s (Accept-Encoding %q): %d, %d bytes, want %d, headers %v", u, accept, res.StatusCode, len(body), len(want), h)
			}
		}
		// The plain URL still works, revalidated as before.
		if res := get(t, s, "/web/"+tt.name); res.StatusCode != 200 || res.Header.Get("Cache-Control") != "no-cache" {
			t.Errorf("/web/%s: %d, Cache-Control %q", tt.name, res.StatusCode, res.Header.Get("Cache-Control"))
		}
		key, _ := json.Marshal(nasss.ReportEnv("/web/" + tt.name))
		val, _ := json.Marshal(u)
		if tt.name == WasmName {
			// go-app's loader fetches it: see TestVersionAndLoadingPercentage.
			continue
		}
		if !bytes.Contains(appJS, []byte(string(key)+":"+string(val))) {
			t.Errorf("app.js does not give the page %s as %s", val, key)
		}
		// Another version's hash: the old page must not get this version's file.
		stale := regexp.MustCompile(`\.[0-9a-f]{8}\.`).ReplaceAllString(u, ".00000000.")
		if res := get(t, s, stale); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", stale, res.StatusCode)
		}
	}
	// A change to the file is a new URL.
	path := filepath.Join(s.webDir, "pdf-worker.js")
	os.WriteFile(path, []byte("// worker, next version"), 0o644)
	next, err := New(s.webDir)
	if err != nil {
		t.Fatal(err)
	}
	if old := s.HashedURL("pdf-worker.js"); next.HashedURL("pdf-worker.js") == old {
		t.Errorf("a changed worker kept its URL %s", old)
	} else if res := get(t, next, old); res.StatusCode != http.StatusNotFound {
		t.Errorf("the next version serves the old worker's URL: %d", res.StatusCode)
	}
}

// TestNoDirectoryListings: a folder, wherever a file server would list it,
// is a 404, and so is a path that climbs out of the web folder; files are
// served as ever. go-app fetches nothing from another host.
func TestNoDirectoryListings(t *testing.T) {
	s, _ := testSite(t)
	v := "/" + s.Version()
	tests := []struct {
		path string
		code int
	}{
		{"/web/", 404},
		{"/web/fonts/", 404},
		{"/web/fonts", 404},
		{"/web//fonts/", 404},
		{"/web/./fonts/", 404},
		{v + "/web/", 404},
		{v + "/web/fonts/", 404},
		{v + "/web/../../", 404},
		{v + "/web/../../server_test.go", 404},
		{v + "/web/../../worker.js", 404},
		{"/web/../", 404},
		{"/web/app.css", 200},
		{"/web/fonts/DejaVuSans.ttf", 200},
		{"/web/icon.svg", 200},
	}
	for _, tt := range tests {
		res := get(t, s, tt.path)
		body, _ := io.ReadAll(res.Body)
		if res.StatusCode != tt.code || bytes.Contains(body, []byte("<pre>")) || bytes.Contains(body, []byte("package server")) {
			t.Errorf("%s: %d, want %d\n%.200s", tt.path, res.StatusCode, tt.code, body)
		}
	}

	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "planted by another host")
	}))
	defer other.Close()
	for _, path := range []string{"/robots.txt", "/sitemap.xml", "/ads.txt"} {
		req := httptest.NewRequest("GET", path, nil)
		req.Host = strings.TrimPrefix(other.URL, "http://")
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != http.StatusNotFound || strings.Contains(rec.Body.String(), "planted") {
			t.Errorf("%s with Host %s: %d %.100q", path, req.Host, rec.Code, rec.Body.String())
		}
	}
	os.WriteFile(filepath.Join(s.webDir, "robots.txt"), []byte("User-agent: *\n"), 0o644)
	if res := get(t, s, "/robots.txt"); res.StatusCode != 200 {
		t.Errorf("robots.txt from the web folder: %d", res.StatusCode)
	}
}

func TestNewHTTPServerTimeouts(t *testing.T) {
	srv := NewHTTPServer(http.NotFoundHandler())
	tests := []struct {
		name     string
		got      time.Duration
		min, max time.Duration
	}{
		{"ReadHeaderTimeout", srv.ReadHeaderTimeout, time.Second, time.Minute},
		{"ReadTimeout", srv.ReadTimeout, srv.ReadHeaderTimeout, 5 * time.Minute},
		// The app's wasm, 2 MB compressed, at 128 kbit/s.
		{"WriteTimeout", srv.WriteTimeout, 2 * time.Minute, 30 * time.Minute},
		{"IdleTimeout", srv.IdleTimeout, 10 * time.Second, 10 * time.Minute},
	}
	for _, tt := range tests {
		if tt.got < tt.min || tt.got > tt.max {
			t.Errorf("%s is %v, want %v to %v", tt.name, tt.got, tt.min, tt.max)
		}
	}
	if srv.Handler == nil {
		t.Error("the server has no handler")
	}
}

// TestStaticHeaders: the static site's _headers file gives what ServeHTTP
// sends: every security header on every path, and the long cache on the
// report files' hashed URLs.
func TestStaticHeaders(t *testing.T) {
	s, _ := testSite(t)
	out := t.TempDir()
	if err := s.Build(out); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(out, "_headers"))
	if err != nil {
		t.Fatal(err)
	}
	rules := parseHeadersFile(t, string(data))
	all := rules["/*"]
	for _, name := range []string{"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy",
		"Cross-Origin-Opener-Policy", "Permissions-Policy"} {
		if all.Get(name) == "" {
			t.Errorf("_headers gives no %s for every path", name)
		}
	}
	if !strings.Contains(all.Get("Content-Security-Policy"), "frame-ancestors 'none'") {
		t.Errorf("the CSP in _headers does not forbid framing: %s", all.Get("Content-Security-Policy"))
	}
	for _, path := range []string{"/", "/about", "/app.js", "/web/app.css", "/web/app.wasm", s.HashedURL(PDFWasmName)} {
		res := get(t, s, path)
		for name := range all {
			if got, want := res.Header.Get(name), all.Get(name); got != want {
				t.Errorf("%s: ServeHTTP sends %s %q, _headers %q", path, name, got, want)
			}
		}
	}
	var hashed []string
	for _, name := range []string{WasmName, PDFWasmName, "pdf-worker.js", "fonts/DejaVuSans.ttf", "fonts/DejaVuSans-Bold.ttf"} {
		u := s.HashedURL(name)
		hashed = append(hashed, u)
		rule, ok := rules[u]
		if !ok {
			t.Errorf("_headers has no rule for %s", u)
			continue
		}
		if got, want := rule.Get("Cache-Control"), get(t, s, u).Header.Get("Cache-Control"); got != want {
			t.Errorf("%s: _headers gives Cache-Control %q, ServeHTTP %q", u, got, want)
		}
		if got, _ := os.ReadFile(filepath.Join(out, filepath.FromSlash(u))); !bytes.Equal(got, mustRead(t, filepath.Join(s.webDir, name))) {
			t.Errorf("the static site lacks %s", u)
		}
	}
	if len(rules) != 1+len(hashed) {
		t.Errorf("_headers has %d rules, want %d", len(rules), 1+len(hashed))
	}
}

// parseHeadersFile reads the _headers format: a path on a line of its
// own, then its headers indented, "Name: value"; # starts a comment.
func parseHeadersFile(t *testing.T, text string) map[string]http.Header {
	t.Helper()
	rules := map[string]http.Header{}
	var cur http.Header
	for n, line := range strings.Split(text, "\n") {
		switch {
		case strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#"):
		case !strings.HasPrefix(line, " "):
			cur = http.Header{}
			rules[line] = cur
		default:
			name, value, ok := strings.Cut(strings.TrimSpace(line), ": ")
			if !ok || cur == nil {
				t.Fatalf("_headers line %d: %q", n+1, line)
			}
			cur.Add(name, value)
		}
	}
	return rules
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
