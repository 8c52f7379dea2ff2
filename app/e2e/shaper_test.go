package e2e

import (
	"flag"
	"fmt"
	"net/http"
	"net/http/httputil"
	"net/url"
	"sort"
	"sync"
	"testing"
	"time"
)

// The shaped link of BenchmarkShapedFirstVisit: weak hospital guest Wi-Fi.
var (
	shapeMbps  = flag.Float64("shape.mbps", 4, "the shaped link's rate, in Mbit/s, shared by every request")
	shapeDelay = flag.Duration("shape.delay", 100*time.Millisecond, "the shaped link's delay before each response")
)

// shaper is a reverse proxy that stands for a poor link: one token bucket
// shared by every response (the service worker's included), a delay
// before each, and a log of the bytes it has carried.
type shaper struct {
	proxy *httputil.ReverseProxy
	rate  float64 // bytes per second
	delay time.Duration

	mu    sync.Mutex
	free  time.Time // when the link has sent all it has been given
	total int64
	log   []carried // in time order
}

// carried is how many bytes the link had carried by a time.
type carried struct {
	at    time.Time
	bytes int64
}

func newShaper(t testing.TB, target string, mbps float64, delay time.Duration) *shaper {
	u, err := url.Parse(target)
	if err != nil {
		t.Fatal(err)
	}
	return &shaper{proxy: httputil.NewSingleHostReverseProxy(u), rate: mbps * 1e6 / 8, delay: delay}
}

func (s *shaper) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	time.Sleep(s.delay)
	s.proxy.ServeHTTP(&shapedWriter{ResponseWriter: w, s: s}, r)
}

// send waits until the link has room for n more bytes, then counts them.
func (s *shaper) send(n int) {
	s.mu.Lock()
	now := time.Now()
	if s.free.Before(now) {
		s.free = now
	}
	s.free = s.free.Add(time.Duration(float64(n) / s.rate * float64(time.Second)))
	until := s.free
	s.mu.Unlock()
	time.Sleep(time.Until(until))
	s.mu.Lock()
	s.total += int64(n)
	s.log = append(s.log, carried{time.Now(), s.total})
	s.mu.Unlock()
}

// movedBy is how many bytes the link had carried by a time.
func (s *shaper) movedBy(at time.Time) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := sort.Search(len(s.log), func(i int) bool { return s.log[i].at.After(at) })
	if i == 0 {
		return 0
	}
	return s.log[i-1].bytes
}

// shapedWriter sends a response through the shaper's bucket, a slice at a
// time.
type shapedWriter struct {
	http.ResponseWriter
	s *shaper
}

func (w *shapedWriter) Write(p []byte) (int, error) {
	const slice = 8 << 10
	written := 0
	for len(p) > 0 {
		n := min(len(p), slice)
		w.s.send(n)
		m, err := w.ResponseWriter.Write(p[:n])
		written += m
		if err != nil {
			return written, err
		}
		w.Flush()
		p = p[n:]
	}
	return written, nil
}

func (w *shapedWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// TestShaper checks the link's rate and delay, and that two responses
// share it.
func TestShaper(t *testing.T) {
	body := make([]byte, 100_000)
	backend := startServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write(body) }))
	sh := newShaper(t, backend.URL, 4, 50*time.Millisecond) // 500,000 bytes a second
	srv := startServer(t, sh)
	start := time.Now()
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			res, err := http.Get(srv.URL + "/")
			if err != nil {
				t.Error(err)
				return
			}
			defer res.Body.Close()
			buf := make([]byte, 4096)
			for {
				if _, err := res.Body.Read(buf); err != nil {
					break
				}
			}
		})
	}
	wg.Wait()
	took := time.Since(start)
	// 200,000 bytes at 500,000 a second, after 50 ms: 450 ms at least.
	if took < 440*time.Millisecond || took > 3*time.Second {
		t.Errorf("two 100 KB responses took %v through a 4 Mbit/s link; want about 450 ms", took)
	}
	if got := sh.movedBy(time.Now()); got != 200_000 {
		t.Errorf("the link carried %d bytes, want 200,000", got)
	}
	if got := sh.movedBy(start); got != 0 {
		t.Errorf("the link had carried %d bytes before the first request", got)
	}
}

// BenchmarkShapedFirstVisit opens the home page for the first time (a
// fresh profile) through a shaped link, the app and go-app's floor in
// turns, and prints the time to interactive and the bytes the link carried
// until then. Every request shares the link, the service worker's too.
// Each visit takes seconds, so `make bench` runs it a few times only.
func BenchmarkShapedFirstVisit(b *testing.B) {
	floor := buildFloor(b)
	targets := []struct{ name, url string }{{"app", startServer(b, site).URL}, {"floor", floor.url}}
	ms, moved := map[string][]float64{}, map[string][]float64{}
	for i := range b.N {
		for j := range targets {
			target := targets[(i+j)%len(targets)]
			sh := newShaper(b, target.url, *shapeMbps, *shapeDelay)
			srv := startServer(b, sh)
			br := newBrowser(b, browserOpts{Timeout: 2 * time.Minute})
			ms[target.name] = append(ms[target.name], br.loadTime(srv.URL+"/"))
			var readyAt float64 // milliseconds since the epoch
			br.eval(`performance.timeOrigin + window.nasssReadyAt`, &readyAt)
			moved[target.name] = append(moved[target.name], float64(sh.movedBy(time.UnixMilli(int64(readyAt)))))
			br.close()
		}
	}
	a, f := median(ms["app"]), median(ms["floor"])
	ab, fb := median(moved["app"])/1024, median(moved["floor"])/1024
	b.ReportMetric(a, "app-ms")
	b.ReportMetric(f, "floor-ms")
	b.ReportMetric(ab, "app-KB")
	fmt.Printf("\nfirst visit through a %.0f Mbit/s link, %v before each response (medians of %d):\n", *shapeMbps, *shapeDelay, b.N)
	fmt.Printf("  to interactive: toolkit %.0f ms, go-app floor %.0f ms, %.2fx (target <= 1.25x)\n", a, f, a/f)
	fmt.Printf("  bytes before interactive: toolkit %.0f KB, go-app floor %.0f KB\n", ab, fb)
}
