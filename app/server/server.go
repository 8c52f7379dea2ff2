//go:build !wasm

// Package server serves the web app: the go-app handler with our own
// service worker, the WebAssembly binary pre-compressed, security headers,
// and a static build for any static host. It never enters the wasm.
package server

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	nasss "github.com/nasss-toolkit/nasss/app"
)

//go:embed worker.js
var workerJS string

// The two WebAssembly binaries in the web folder: the app, and the PDF
// renderer its worker loads on the first report.
const (
	WasmName    = "app.wasm"
	PDFWasmName = "pdf.wasm"
)

// ContentSecurityPolicy allows nothing but this origin, plus compiling the
// WebAssembly. Inline scripts and styles are not needed, so not allowed.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; " +
	"worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; " +
	"form-action 'self'; frame-ancestors 'none'"

// securityHeaders go with every response: from ServeHTTP, and from static
// hosts through the _headers file that Build writes.
var securityHeaders = []struct{ name, value string }{
	{"Content-Security-Policy", ContentSecurityPolicy},
	{"X-Content-Type-Options", "nosniff"},
	{"Referrer-Policy", "no-referrer"},
	{"Cross-Origin-Opener-Policy", "same-origin"},
	// The camera only for this origin: a facilitator scans participants' codes.
	{"Permissions-Policy", "camera=(self), microphone=(), geolocation=()"},
}

// Cache-Control values. A URL that carries a hash of its content never
// changes, so browsers may keep it for a year without asking; everything
// else is revalidated on every load, as the service worker, not the HTTP
// cache, is what keeps the app offline.
const (
	cacheImmutable  = "public, max-age=31536000, immutable"
	cacheRevalidate = "no-cache"
)

// Timeouts of NewHTTPServer. A response must fit in writeTimeout whole:
// the app's wasm is about 10 MB, 2 MB compressed, which takes over a
// minute at 256 kbit/s.
const (
	readHeaderTimeout = 10 * time.Second
	readTimeout       = 30 * time.Second
	writeTimeout      = 5 * time.Minute
	idleTimeout       = 2 * time.Minute
)

// NewHTTPServer returns the HTTP server for a handler, with timeouts so
// that slow or idle clients cannot hold connections open for ever.
func NewHTTPServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
	}
}

// Site is the app ready to serve: the go-app handler, configured, and the
// big files (the WebAssembly binary, the report fonts) kept in memory in
// each encoding.
type Site struct {
	// Handler renders pages and serves go-app's own files.
	Handler *app.Handler
	webDir  string
	packed  map[string]*packedFile // by URL path
	hashed  map[string]*packedFile // report files, by the URL that carries their hash
	hashURL map[string]string      // report files' hashed URLs, by plain URL
}

// packedFile is a file with its pre-compressed copies.
type packedFile struct {
	contentType string
	modTime     time.Time
	hash        string
	body        map[string][]byte // by Content-Encoding: "", "br", "gzip"; some may be missing
}

// memoryTypes gives, by extension, the content type of the files served
// from memory: the pre-compressed ones and the PDF worker's script. Fixed
// here, since the system's MIME table could say otherwise, and a worker's
// script must be JavaScript.
var memoryTypes = map[string]string{".wasm": "application/wasm", ".ttf": "font/ttf", ".js": "text/javascript; charset=utf-8"}

// New loads the web folder (which must hold app.wasm and pdf.wasm; see
// `make build`) and configures the app. Missing or stale .br and .gz files
// beside the wasm files and the fonts are made again, once.
func New(webDir string) (*Site, error) {
	wasm := []string{filepath.Join(webDir, WasmName), filepath.Join(webDir, PDFWasmName)}
	for _, path := range wasm {
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s is missing: build it with 'make build', or run from the repository root", path)
		}
	}
	s := &Site{webDir: webDir, packed: map[string]*packedFile{}, hashed: map[string]*packedFile{}, hashURL: map[string]string{}}
	fonts, _ := filepath.Glob(filepath.Join(webDir, "fonts", "*.ttf"))
	for _, path := range append(wasm, fonts...) {
		f, err := loadPacked(path)
		if err != nil {
			return nil, err
		}
		rel, _ := filepath.Rel(webDir, path)
		s.packed["/web/"+filepath.ToSlash(rel)] = f
	}
	raw := s.packed["/web/"+WasmName].body[""]
	version, err := versionOf(webDir, s.packed)
	if err != nil {
		return nil, err
	}
	// app.wasm goes under a hashed URL too: the HTTP cache and the service
	// worker then share one copy, kept for a year.
	wasmURL := hashedURL("/web/"+WasmName, s.packed["/web/"+WasmName].hash)
	s.hashed[wasmURL], s.hashURL["/web/"+WasmName] = s.packed["/web/"+WasmName], wasmURL
	env := map[string]string{}
	cacheable := []string{"/web/icon.svg"}
	var later []string
	for _, plain := range nasss.ReportFiles {
		f, ok := s.packed[plain]
		if !ok {
			if f, err = loadRaw(filepath.Join(webDir, filepath.FromSlash(strings.TrimPrefix(plain, "/web/")))); err != nil {
				return nil, err
			}
		}
		u := hashedURL(plain, f.hash)
		s.hashed[u], s.hashURL[plain] = f, u
		env[nasss.ReportEnv(plain)] = u
		later = append(later, u)
	}
	laterJSON, _ := json.Marshal(later)
	nasss.Register()
	s.Handler = &app.Handler{
		Name:            nasss.ServiceName,
		ShortName:       "NASSS",
		Title:           nasss.ServiceName,
		Description:     "See how complex your health or care technology project is, and what to do about it. Works offline; nothing leaves your device.",
		Lang:            "en-GB",
		BackgroundColor: "#f0f4f5",
		ThemeColor:      "#005eb8",
		LoadingLabel:    "Loading the assessment tool: {progress}%",
		Icon: app.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			Maskable: "/web/icon-512.png",
			SVG:      "/web/icon.svg",
		},
		Styles: []string{"/web/app.css"},
		// Runs before go-app's scripts: see the file.
		Scripts: []string{"/web/storage-guard.js", "/web/store.js", "/web/scan.js"},
		// The report files, under their hashed URLs, are not among them:
		// the worker caches them once the app is ready, or on first use
		// (see worker.js), so they never compete with the app's first load.
		// The page reads their URLs from Env (see ReportFiles): app.js
		// carries them, version by version.
		CacheableResources: cacheable,
		Env:                env,
		Resources:          webResources{wasm: wasmURL},
		// The files' hash names the version: a new build is a new version,
		// and an unchanged one never looks like an update.
		Version:               version,
		WasmContentLength:     strconv.Itoa(len(raw)),
		ServiceWorkerTemplate: strings.Replace(workerJS, laterPlaceholder, string(laterJSON), 1),
	}
	return s, nil
}

// webResources resolves /web/ paths as go-app's LocalDir("") does, but
// is not an http.Handler, so go-app serves no file itself: it would serve
// the working directory, listings included, under /VERSION/web/../ paths,
// and fetch /robots.txt and the like from whatever host a request names.
// app.wasm resolves to its hashed URL, which app.js and the worker fetch.
type webResources struct{ wasm string }

func (r webResources) Resolve(location string) string {
	if location == "/web/"+WasmName && r.wasm != "" {
		return r.wasm
	}
	return app.LocalDir("").Resolve(location)
}

// laterPlaceholder in worker.js becomes the list of files it caches once
// the app is ready.
const laterPlaceholder = "/*LATER_FILES*/[]"

// goappFiles are what go-app would fetch from the web folder over HTTP;
// they are served from the folder directly, if it has them.
var goappFiles = map[string]bool{"/robots.txt": true, "/sitemap.xml": true, "/ads.txt": true}

// hashedURL puts the start of a file's hash before its extension:
// /web/pdf.wasm becomes /web/pdf.3f2a9c1b.wasm.
func hashedURL(plain, hash string) string {
	ext := path.Ext(plain)
	return strings.TrimSuffix(plain, ext) + "." + hash[:8] + ext
}

// HashedURL is the URL, carrying a hash of its content, under which a
// report file is served, such as /web/pdf.3f2a9c1b.wasm for PDFWasmName;
// name is its path in the web folder. It is "" for other files.
func (s *Site) HashedURL(name string) string { return s.hashURL["/web/"+name] }

// Version is the app version the service worker caches under.
func (s *Site) Version() string { return s.Handler.Version }

// Sizes reports a pre-compressed file's size raw, gzip and brotli, in
// bytes; name is its path in the web folder, such as WasmName.
func (s *Site) Sizes(name string) (raw, gz, br int) {
	b := s.packed["/web/"+name].body
	return len(b[""]), len(b["gzip"]), len(b["br"])
}

// versionOf hashes every file the site serves from the web folder, by name
// and content, so that any change (not only to the app's binary) reaches
// people as an update. Compressed copies only repeat their originals; the
// big files, already read and hashed, count by their hash.
func versionOf(webDir string, packed map[string]*packedFile) (string, error) {
	h := sha256.New()
	err := filepath.WalkDir(webDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !served(path) {
			return err
		}
		rel, _ := filepath.Rel(webDir, path)
		rel = filepath.ToSlash(rel)
		if f, ok := packed["/web/"+rel]; ok {
			fmt.Fprintf(h, "%s %s\n", rel, f.hash)
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s %d\n", rel, len(data))
		h.Write(data)
		return nil
	})
	return hex.EncodeToString(h.Sum(nil)[:8]), err
}

// served reports whether a file of the web folder is one browsers get as
// it is: not a compressed copy, a half-written file, or the Go file that
// embeds the fonts for the command line.
func served(path string) bool {
	for _, ext := range []string{".br", ".gz", ".tmp", ".go"} {
		if strings.HasSuffix(path, ext) {
			return false
		}
	}
	return true
}

// loadRaw reads a file to serve as it is, with no compressed copies.
func loadRaw(path string) (*packedFile, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(raw)
	return &packedFile{contentType: memoryTypes[filepath.Ext(path)], modTime: st.ModTime(), hash: hex.EncodeToString(sum[:8]), body: map[string][]byte{"": raw}}, nil
}

// loadPacked reads a file and its .br and .gz copies, making them if they
// are missing or older than the file.
func loadPacked(path string) (*packedFile, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := Precompress(path); err != nil {
		return nil, err
	}
	// A copy made from a half-written file would be served forever, as
	// it is newer than the file; check each decodes to the file itself.
	if !packedMatches(path, raw) {
		for _, ext := range []string{".br", ".gz"} {
			os.Remove(path + ext)
		}
		if err := Precompress(path); err != nil {
			return nil, err
		}
	}
	sum := sha256.Sum256(raw)
	f := &packedFile{contentType: memoryTypes[filepath.Ext(path)], modTime: st.ModTime(), hash: hex.EncodeToString(sum[:8]), body: map[string][]byte{"": raw}}
	for enc, ext := range map[string]string{"br": ".br", "gzip": ".gz"} {
		if f.body[enc], err = os.ReadFile(path + ext); err != nil {
			return nil, err
		}
	}
	return f, nil
}

// ServeHTTP serves the app with security headers on every response.
func (s *Site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	for _, sh := range securityHeaders {
		h.Set(sh.name, sh.value)
	}
	f, packed := s.packed[r.URL.Path]
	hf, hashed := s.hashed[r.URL.Path]
	switch {
	case hashed:
		hf.serve(w, r, cacheImmutable)
	case packed:
		f.serve(w, r, cacheRevalidate)
	case strings.HasSuffix(r.URL.Path, ".go"):
		http.NotFound(w, r) // web/ holds a Go file for the command line, not for browsers
	case strings.HasPrefix(r.URL.Path, "/web/"):
		h.Set("Cache-Control", cacheRevalidate)
		http.StripPrefix("/web/", http.FileServer(filesOnly{http.Dir(s.webDir)})).ServeHTTP(w, r)
	case goappFiles[r.URL.Path]:
		h.Set("Cache-Control", cacheRevalidate)
		http.FileServer(filesOnly{http.Dir(s.webDir)}).ServeHTTP(w, r)
	case isNavigation(r):
		// go-app answers an address it has no page for with a bare
		// "404 page not found"; people get the app's own page instead.
		c := &notFoundCatcher{ResponseWriter: w}
		s.Handler.ServeHTTP(c, r)
		if c.caught {
			h.Del("Content-Type")
			h.Del("Content-Length")
			page := r.Clone(r.Context())
			page.URL.Path = nasss.PathNotFound
			s.Handler.ServeHTTP(&statusWriter{ResponseWriter: w, code: http.StatusNotFound}, page)
		}
	default:
		s.Handler.ServeHTTP(w, r)
	}
}

// filesOnly hides a file system's folders, so that asking for one is a
// 404 rather than a listing of what it holds.
type filesOnly struct{ http.FileSystem }

func (d filesOnly) Open(name string) (http.File, error) {
	f, err := d.FileSystem.Open(name)
	if err != nil {
		return nil, err
	}
	if st, err := f.Stat(); err != nil || st.IsDir() {
		f.Close()
		return nil, os.ErrNotExist
	}
	return f, nil
}

// isNavigation reports whether a request is for a page rather than a file:
// a GET of a path whose last part has no extension.
func isNavigation(r *http.Request) bool {
	return r.Method == http.MethodGet && !strings.Contains(path.Base(r.URL.Path), ".")
}

// notFoundCatcher passes a response through unless it is a 404, which it
// swallows and records.
type notFoundCatcher struct {
	http.ResponseWriter
	caught bool
}

func (c *notFoundCatcher) WriteHeader(code int) {
	if code == http.StatusNotFound {
		c.caught = true
		return
	}
	c.ResponseWriter.WriteHeader(code)
}

func (c *notFoundCatcher) Write(b []byte) (int, error) {
	if c.caught {
		return len(b), nil
	}
	return c.ResponseWriter.Write(b)
}

// statusWriter sends a response with its own status code in place of 200.
type statusWriter struct {
	http.ResponseWriter
	code  int
	wrote bool
}

func (s *statusWriter) WriteHeader(code int) {
	if !s.wrote {
		s.wrote = true
		if code == http.StatusOK {
			code = s.code
		}
		s.ResponseWriter.WriteHeader(code)
	}
}

func (s *statusWriter) Write(b []byte) (int, error) {
	s.WriteHeader(http.StatusOK)
	return s.ResponseWriter.Write(b)
}

// serve sends the smallest encoding the file has and the browser accepts.
func (f *packedFile) serve(w http.ResponseWriter, r *http.Request, cacheControl string) {
	enc := ""
	accept := r.Header.Get("Accept-Encoding")
	for _, e := range []string{"br", "gzip"} {
		if _, ok := f.body[e]; ok && acceptsEncoding(accept, e) {
			enc = e
			break
		}
	}
	h := w.Header()
	h.Set("Content-Type", f.contentType)
	h.Set("Vary", "Accept-Encoding")
	h.Set("Cache-Control", cacheControl)
	h.Set("ETag", `"`+f.hash+"-"+enc+`"`)
	if enc != "" {
		h.Set("Content-Encoding", enc)
	}
	http.ServeContent(w, r, "", f.modTime, bytes.NewReader(f.body[enc]))
}

// acceptsEncoding reads an Accept-Encoding header, honouring q=0.
func acceptsEncoding(header, enc string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), enc) {
			continue
		}
		params = strings.ReplaceAll(params, " ", "")
		return params != "q=0" && params != "q=0.0" && params != "q=0.00" && params != "q=0.000"
	}
	return false
}

// packedMatches reports whether path.br and path.gz decode to raw.
func packedMatches(path string, raw []byte) bool {
	for ext, open := range map[string]func(io.Reader) (io.Reader, error){
		".br": func(r io.Reader) (io.Reader, error) { return brotli.NewReader(r), nil },
		".gz": func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) },
	} {
		f, err := os.Open(path + ext)
		if err != nil {
			return false
		}
		r, err := open(f)
		var got []byte
		if err == nil {
			got, err = io.ReadAll(r)
		}
		f.Close()
		if err != nil || !bytes.Equal(got, raw) {
			return false
		}
	}
	return true
}

// Precompress writes path.br and path.gz beside a file unless they are
// already newer than it.
func Precompress(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	for ext, compress := range map[string]func(io.Writer) io.WriteCloser{
		".br": func(w io.Writer) io.WriteCloser { return brotli.NewWriterLevel(w, brotli.BestCompression) },
		".gz": func(w io.Writer) io.WriteCloser { z, _ := gzip.NewWriterLevel(w, gzip.BestCompression); return z },
	} {
		if out, err := os.Stat(path + ext); err == nil && !out.ModTime().Before(st.ModTime()) {
			continue
		}
		if err := compressFile(path, path+ext, compress); err != nil {
			return err
		}
	}
	return nil
}

func compressFile(src, dst string, compress func(io.Writer) io.WriteCloser) error {
	in, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	z := compress(&buf)
	if _, err := z.Write(in); err != nil {
		return err
	}
	if err := z.Close(); err != nil {
		return err
	}
	// Write then rename, so a reader never sees half a file.
	tmp := dst + ".tmp"
	if err := os.WriteFile(tmp, buf.Bytes(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, dst)
}
