package e2e

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/nasss-toolkit/nasss/app/server"
)

// BenchmarkLoad measures, in real Chromium, how long the home page takes
// to become interactive: cold (a fresh profile: nothing cached) and warm
// (the service worker's cache, in a new browser on the same profile). It
// does the same for the smallest go-app program, the floor, and prints
// the toolkit's figures as ratios of the floor's, with the wasm's sizes.
// The two sites take turns, each going first in every other round, so
// that a machine slowing down or speeding up weighs on both alike.
// Run it with `make bench`; -benchtime Nx sets the rounds per median.
func BenchmarkLoad(b *testing.B) {
	floor := buildFloor(b)
	sites := []loadSite{{"app", startServer(b, site).URL, ""}, {"floor", floor.url, ""}}
	results := map[string]float64{}
	phases := map[string][3][]float64{}
	measure := func(b *testing.B, kind string, opts func(s loadSite) browserOpts) {
		ms := map[string][]float64{}
		for i := range b.N {
			for j := range sites {
				s := sites[(i+j)%len(sites)]
				br := newBrowser(b, opts(s))
				ms[s.name] = append(ms[s.name], br.loadTime(s.url+"/"))
				if s.name == "app" {
					p, got := phases[kind], br.loadPhases()
					for k := range p {
						p[k] = append(p[k], got[k])
					}
					phases[kind] = p
				}
				br.close()
			}
		}
		for name, v := range ms {
			results[name+"/"+kind] = median(v)
			b.ReportMetric(median(v), name+"-ms")
		}
	}
	b.Run("cold", func(b *testing.B) {
		measure(b, "cold", func(loadSite) browserOpts { return browserOpts{} })
	})
	// Each site gets a profile whose service worker has cached everything.
	for i := range sites {
		sites[i].profile = filepath.Join(b.TempDir(), "profile")
		br := newBrowser(b, browserOpts{Profile: sites[i].profile})
		br.open(sites[i].url + "/")
		if sites[i].name == "app" {
			br.waitCached()
		} else {
			br.waitWorker()
		}
		br.close()
	}
	b.Run("warm", func(b *testing.B) {
		measure(b, "warm", func(s loadSite) browserOpts { return browserOpts{Profile: s.profile} })
	})
	raw, gz, br := site.Sizes(server.WasmName)
	fraw, fgz, fbr := floor.sizes()
	fmt.Printf("\n%-28s %12s %12s %8s\n", "", "toolkit", "go-app floor", "ratio")
	row := func(name string, a, f float64, unit string) {
		fmt.Printf("%-28s %9.0f %-2s %9.0f %-2s %7.2fx\n", name, a, unit, f, unit, a/f)
	}
	row("wasm raw", float64(raw)/1024, float64(fraw)/1024, "KB")
	row("wasm gzip", float64(gz)/1024, float64(fgz)/1024, "KB")
	row("wasm brotli", float64(br)/1024, float64(fbr)/1024, "KB")
	row("cold load to interactive", results["app/cold"], results["floor/cold"], "ms")
	row("warm load to interactive", results["app/warm"], results["floor/warm"], "ms")
	praw, pgz, pbr := site.Sizes(server.PDFWasmName)
	fmt.Printf("%-28s %9.0f KB raw, %.0f KB gzip, %.0f KB brotli (fetched on the first report)\n", "PDF renderer wasm", float64(praw)/1024, float64(pgz)/1024, float64(pbr)/1024)
	fmt.Println("(loads: median of the runs; targets: brotli <= 1.5 MB, cold <= 1.4x, warm <= 1.15x the floor)")
	for _, kind := range []string{"cold", "warm"} {
		p := phases[kind]
		fmt.Printf("toolkit's %s load: app.wasm fetched %.0f ms, then compiled and Go started %.0f ms, then the app ready %.0f ms\n",
			kind, median(p[0]), median(p[1]), median(p[2]))
	}
}

// loadTime opens a URL and returns the milliseconds from navigation to an
// interactive page, as the page itself recorded them.
func (b *browser) loadTime(url string) float64 {
	b.open(url)
	var ms float64
	b.eval(`window.nasssReadyAt`, &ms)
	return ms
}

// loadPhases splits the page's load, in milliseconds: from asking for
// app.wasm to having it all, from then to Go's main (compiling, and setting
// up the runtime and packages), and from main to an interactive page.
func (b *browser) loadPhases() [3]float64 {
	var p [3]float64
	var got []float64
	b.eval(`(() => {
		const w = performance.getEntriesByType("resource").find(r => /\/app\.[^/]*wasm/.test(r.name));
		const m = performance.getEntriesByName("nasss-main")[0];
		return w && m ? [w.startTime, w.responseEnd, m.startTime, window.nasssReadyAt] : [0, 0, 0, 0];
	})()`, &got)
	if len(got) == 4 {
		p = [3]float64{got[1] - got[0], got[2] - got[1], got[3] - got[2]}
	}
	return p
}

// loadSite is a site under the load benchmark: its address, and the
// browser profile its warm loads start from.
type loadSite struct {
	name    string
	url     string
	profile string
}

// floorSite is go-app's hello program, served by itself: go-app's own
// handler and service worker, the framework's real floor.
type floorSite struct {
	url string
	dir string
}

// buildFloor builds the go-app hello program for the browser and natively,
// and starts it serving its own folder, brotli and gzip copies of its wasm
// beside it, until the benchmark ends.
func buildFloor(b *testing.B) *floorSite {
	dir := b.TempDir()
	wasm := filepath.Join(dir, "web", server.WasmName)
	os.MkdirAll(filepath.Dir(wasm), 0o755)
	for _, c := range []struct {
		out string
		env []string
	}{{wasm, []string{"GOOS=js", "GOARCH=wasm"}}, {filepath.Join(dir, "floor"), nil}} {
		cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", c.out, "./app/e2e/testdata/floor")
		cmd.Dir = repoRoot()
		cmd.Env = append(os.Environ(), c.env...)
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("building the floor: %v\n%s", err, out)
		}
	}
	if err := server.Precompress(wasm); err != nil {
		b.Fatal(err)
	}
	icon, _ := os.ReadFile(filepath.Join(webDir, "icon-192.png"))
	os.WriteFile(filepath.Join(dir, "web", "icon-192.png"), icon, 0o644)
	cmd := exec.Command(filepath.Join(dir, "floor"))
	cmd.Dir = dir
	out, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	addr, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		b.Fatalf("the floor did not start: %v", err)
	}
	return &floorSite{url: "http://" + strings.TrimSpace(addr), dir: dir}
}

// sizes are the floor's wasm raw, gzip and brotli, in bytes.
func (f *floorSite) sizes() (raw, gz, br int) {
	size := func(ext string) int {
		st, _ := os.Stat(filepath.Join(f.dir, "web", server.WasmName+ext))
		if st == nil {
			return 0
		}
		return int(st.Size())
	}
	return size(""), size(".gz"), size(".br")
}

// waitWorker waits until the page's service worker is active and has
// cached what it caches; go-app's own worker keeps no file list to check.
func (b *browser) waitWorker() {
	b.t.Helper()
	var ok bool
	b.eval(`navigator.serviceWorker.ready.then(() => caches.keys()).then(keys => keys.length > 0)`, &ok)
	if !ok {
		b.t.Fatal("the service worker is active but has no cache")
	}
}

// BenchmarkPDFInBrowser renders PDFs inside Chromium, as the download
// button does: for the example full assessment with three people, and for
// a workshop of 60. It reports the first PDF (which fetches and starts the
// renderer), the second, and the median of b.N once the renderer is warm:
// the browser compiles a WebAssembly program's busy parts properly only
// after a few runs, so the first renders of a page are slower.
func BenchmarkPDFInBrowser(b *testing.B) {
	sixty := filepath.Join(b.TempDir(), "sixty.nasss.json")
	if out, err := exec.Command(cli, "example", "--mode", "full", "--respondents", "60").Output(); err != nil {
		b.Fatal(err)
	} else {
		os.WriteFile(sixty, out, 0o644)
	}
	srv := startServer(b, site)
	const warmUp = 15
	for _, c := range []struct{ name, unit, file string }{
		{"full assessment, 3 people", "3people", filepath.Join(repoRoot(), "questionnaire", "testdata", "example-full-3.nasss.json")},
		{"workshop of 60 people", "60people", sixty},
	} {
		br := newBrowser(b, browserOpts{})
		br.open(srv.URL + "/")
		br.run(chromedp.SetUploadFiles("#import-files", []string{c.file}, chromedp.ByQuery),
			waitFor(`document.querySelectorAll("#assessments > li").length === 1`))
		br.open(srv.URL + "/results?a=example-1")
		var total, inWorker []float64
		size := 0
		for range warmUp + b.N {
			br.run(chromedp.Evaluate(`window.nasssPDFms = 0`, nil), chromedp.Click("#download-pdf", chromedp.ByQuery), waitFor(`window.nasssPDFms > 0`))
			var v struct{ Total, Render float64 }
			br.eval(`({Total: window.nasssPDFms, Render: window.nasssPDFRenderMs})`, &v)
			total = append(total, v.Total)
			inWorker = append(inWorker, v.Render)
			path := br.waitDownload(30 * time.Second)
			if st, err := os.Stat(path); err == nil {
				size = int(st.Size())
			}
		}
		br.close()
		m := median(total[warmUp:])
		b.ReportMetric(m, "ms-"+c.unit)
		b.ReportMetric(float64(size)/1024, "KB-"+c.unit)
		fmt.Printf("\nPDF in the browser, %s: %.0f ms median once warm, the renderer itself %.0f ms; %d KB (targets: <= 100 ms, <= 300 KB)\n"+
			"  first PDF %.0f ms (fetching and starting the renderer), second %.0f ms\n",
			c.name, m, median(inWorker[warmUp:]), size/1024, total[0], total[1])
	}
}

// BenchmarkWorkshop60 imports a workshop of 60 people into Chromium and
// opens its discussion view: the time to import and draw it, as a person
// waits for it.
func BenchmarkWorkshop60(b *testing.B) {
	file := filepath.Join(b.TempDir(), "sixty.nasss.json")
	if out, err := exec.Command(cli, "example", "--mode", "full", "--respondents", "60").Output(); err != nil {
		b.Fatal(err)
	} else {
		os.WriteFile(file, out, 0o644)
	}
	srv := startServer(b, site)
	var importMS, discussMS []float64
	for range b.N {
		br := newBrowser(b, browserOpts{})
		br.open(srv.URL + "/")
		var t0 float64
		br.eval(`performance.now()`, &t0)
		br.run(chromedp.SetUploadFiles("#import-files", []string{file}, chromedp.ByQuery),
			waitFor(`document.querySelectorAll("#assessments > li").length === 1`))
		var t1 float64
		br.eval(`performance.now()`, &t1)
		importMS = append(importMS, t1-t0)
		br.run(chromedp.Click("#assessments a[href^='/workshop']", chromedp.ByQuery),
			waitFor(`document.querySelectorAll("#respondents > li").length === 60`))
		br.eval(`performance.now()`, &t0)
		br.run(chromedp.Click("#discuss", chromedp.ByQuery), waitFor(`document.querySelectorAll(".discuss-item").length === 24`))
		br.eval(`performance.now()`, &t1)
		discussMS = append(discussMS, t1-t0)
		br.close()
	}
	fmt.Printf("\n60-person workshop in the browser: import %.0f ms, discussion view %.0f ms (medians)\n",
		median(importMS), median(discussMS))
	b.ReportMetric(median(importMS), "ms-import")
	b.ReportMetric(median(discussMS), "ms-discuss")
}

// median is the middle value, or the mean of the middle two.
func median(ms []float64) float64 {
	ms = slices.Sorted(slices.Values(ms))
	m := ms[len(ms)/2]
	if len(ms)%2 == 0 {
		m = (ms[len(ms)/2-1] + ms[len(ms)/2]) / 2
	}
	return m
}

// BenchmarkTypingInALargeWorkshop types a note, one character at a time,
// in a workshop of 60 people with a note on every answer, and reports the
// median time from a keystroke to its being stored, and the part of that
// the page's thread spends checking and encoding the workshop. Each
// keystroke waits for the one before to be stored, as at typing speed.
func BenchmarkTypingInALargeWorkshop(b *testing.B) {
	a := workshop("typing", 60, 500, 1)
	srv := startServer(b, site)
	br := newBrowser(b, browserOpts{Timeout: 2 * time.Minute})
	br.open(srv.URL + "/")
	br.importFiles(writeFile(b, "typing.nasss.json", a))
	br.run(waitFor(`document.querySelectorAll("#assessments > li").length === 1`))
	br.open(srv.URL + "/domain?a=typing&d=2&r=" + a.Respondents[0].ID)
	br.run(chromedp.Focus("#item-2A-note", chromedp.ByQuery), chromedp.KeyEvent(kb.End))
	var latency, work []float64
	for i := range b.N {
		var t0 float64
		br.eval(`window.nasssSaves = window.nasssSaves || 0; window.nasssBefore = window.nasssSaves; performance.now()`, &t0)
		br.run(insertText(string(rune('a'+i%26))), waitFor(`window.nasssSaves > window.nasssBefore`))
		var at, w float64
		br.eval(`window.nasssSavedAt`, &at)
		br.eval(`window.nasssSaveWorkMs`, &w)
		latency, work = append(latency, at-t0), append(work, w)
	}
	size := sizeOf(b, a)
	fmt.Printf("\ntyping a note in a 60-person workshop (%d KB): %.1f ms from keystroke to stored, %.1f ms of it checking and encoding (medians of %d)\n",
		size>>10, median(latency), median(work), b.N)
	b.ReportMetric(median(latency), "ms/keystroke")
	b.ReportMetric(median(work), "ms-encode")
}

// BenchmarkWarmStartWith20Workshops measures a warm start (the service
// worker's cache, a new browser on the same profile) of the home page
// with 20 workshops of 60 people stored, each with three reviews, against
// a warm start with nothing stored.
func BenchmarkWarmStartWith20Workshops(b *testing.B) {
	srv := startServer(b, site)
	profiles := map[string]string{"empty": filepath.Join(b.TempDir(), "empty"), "80 records": filepath.Join(b.TempDir(), "full")}
	for name, profile := range profiles {
		br := newBrowser(b, browserOpts{Profile: profile, Timeout: 3 * time.Minute})
		br.open(srv.URL + "/")
		if name != "empty" {
			br.importFiles(manyWorkshops(b, 20, 3)...)
			br.run(waitFor(`document.getElementById("home-message").textContent === "Imported 80 assessments."`))
		}
		br.waitCached()
		br.close()
	}
	ms := map[string][]float64{}
	for range b.N {
		for name, profile := range profiles {
			br := newBrowser(b, browserOpts{Profile: profile})
			ms[name] = append(ms[name], br.loadTime(srv.URL+"/"))
			if listed := br.count("#assessments > li") + br.count(".card-earlier-item"); name != "empty" && listed != 80 {
				b.Fatalf("%d assessments listed", listed)
			}
			br.close()
		}
	}
	fmt.Printf("\nwarm start of the home page: %.0f ms with 20 workshops of 60 people and their reviews stored (80 records), %.0f ms with none (medians of %d)\n",
		median(ms["80 records"]), median(ms["empty"]), b.N)
	b.ReportMetric(median(ms["80 records"]), "ms-80-records")
	b.ReportMetric(median(ms["empty"]), "ms-empty")
}
