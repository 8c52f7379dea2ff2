package subset

import (
	"bytes"
	"os"
	"testing"
	"unicode"

	"github.com/jung-kurt/gofpdf"
)

func source(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("../../../cmd/nasss-fonts/dejavu/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

var latinGreek = &unicode.RangeTable{R16: []unicode.Range16{{Lo: 0x20, Hi: 0x7E, Stride: 1}, {Lo: 0xA0, Hi: 0x3FF, Stride: 1}}}

func keepLatinGreek(r rune) bool { return unicode.Is(latinGreek, r) }

// TestSameCharacters checks the subset maps exactly the kept characters
// the source has, each to a glyph of the same outline (less hints) and
// the same advance width.
func TestSameCharacters(t *testing.T) {
	for _, name := range []string{"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"} {
		t.Run(name, func(t *testing.T) {
			full := source(t, name)
			cut, err := Font(full, keepLatinGreek)
			if err != nil {
				t.Fatal(err)
			}
			if len(cut) > len(full)/3 {
				t.Errorf("the subset is %d bytes of %d: too little was cut", len(cut), len(full))
			}
			a, b := glyphs(t, full), glyphs(t, cut)
			kept := 0
			for r, g := range a.cmap {
				h, ok := b.cmap[r]
				if ok != keepLatinGreek(r) {
					t.Errorf("U+%04X: in the subset %v, wanted %v", r, ok, !ok)
					continue
				}
				if !ok {
					continue
				}
				kept++
				if a.advance(g) != b.advance(h) {
					t.Errorf("U+%04X: advance %d, was %d", r, b.advance(h), a.advance(g))
				}
				if want, got := unhinted(a.glyph(g)), b.glyph(h); len(got) < len(want) || !sameOutline(want, got[:len(want)]) {
					t.Errorf("U+%04X: the outline changed", r)
				}
			}
			for r := range b.cmap {
				if _, ok := a.cmap[r]; !ok {
					t.Errorf("U+%04X: in the subset but not the source", r)
				}
			}
			if kept < 800 {
				t.Errorf("only %d characters kept", kept)
			}
		})
	}
}

// sameOutline compares glyph data, ignoring composite glyphs' component
// numbers, which the subset renumbers.
func sameOutline(a, b []byte) bool {
	if len(a) >= 2 && int16(be.Uint16(a)) < 0 {
		a, b = bytes.Clone(a), bytes.Clone(b)
		zero := func(g []byte) func(at, _ int) error {
			return func(at, _ int) error { be.PutUint16(g[at:], 0); return nil }
		}
		if components(a, zero(a)) != nil || components(b, zero(b)) != nil {
			return false
		}
	}
	return bytes.Equal(a, b)
}

type parsed struct {
	*font
	cmap    map[rune]int
	loca    []int
	metrics int
}

func glyphs(t *testing.T, ttf []byte) parsed {
	t.Helper()
	f, err := parse(ttf)
	if err != nil {
		t.Fatal(err)
	}
	m, err := f.unicodeMap()
	if err != nil {
		t.Fatal(err)
	}
	n := int(be.Uint16(f.tables["maxp"][4:]))
	loca, err := f.offsets(int(be.Uint16(f.tables["head"][50:])), n)
	if err != nil {
		t.Fatal(err)
	}
	return parsed{f, m, loca, int(be.Uint16(f.tables["hhea"][34:]))}
}

func (p parsed) glyph(g int) []byte { return p.tables["glyf"][p.loca[g]:p.loca[g+1]] }

func (p parsed) advance(g int) uint16 {
	return be.Uint16(p.tables["hmtx"][4*min(g, p.metrics-1):])
}

// TestComposites: letters built from parts (é is e and an acute) keep
// their parts, renumbered.
func TestComposites(t *testing.T) {
	cut, err := Font(source(t, "DejaVuSans.ttf"), func(r rune) bool { return r == 'é' || r == 'Ǻ' })
	if err != nil {
		t.Fatal(err)
	}
	p := glyphs(t, cut)
	if len(p.cmap) != 2 {
		t.Fatalf("cmap has %d characters, want 2", len(p.cmap))
	}
	n := int(be.Uint16(p.tables["maxp"][4:]))
	composites := 0
	for _, r := range []rune{'é', 'Ǻ'} {
		g := p.glyph(p.cmap[r])
		if err := components(g, func(_, part int) error {
			composites++
			if part >= n || len(p.glyph(part)) == 0 {
				t.Errorf("%c uses glyph %d, which is missing (%d glyphs)", r, part, n)
			}
			return nil
		}); err != nil {
			t.Error(err)
		}
	}
	if composites == 0 {
		t.Error("neither é nor Ǻ is a composite glyph: the test no longer tests composites")
	}
}

// TestGofpdfReadsIt measures a string with gofpdf in the source font and in
// the subset: the same widths mean the same layout.
func TestGofpdfReadsIt(t *testing.T) {
	full := source(t, "DejaVuSans.ttf")
	cut, err := Font(full, keepLatinGreek)
	if err != nil {
		t.Fatal(err)
	}
	text := "Pwy sy'n ennill? Café, Ωμέγα, naïve - «quoted» ± 3½ × µ ŵ"
	width := func(ttf []byte) float64 {
		p := gofpdf.New("P", "mm", "A4", "")
		p.AddUTF8FontFromBytes("f", "", ttf)
		p.SetFont("f", "", 11)
		w := p.GetStringWidth(text)
		if err := p.Error(); err != nil {
			t.Fatal(err)
		}
		return w
	}
	if a, b := width(full), width(cut); a != b || a == 0 {
		t.Errorf("width %v in the subset, %v in the source", b, a)
	}
}

// TestBadFonts: truncated or foreign files give an error, never a panic.
func TestBadFonts(t *testing.T) {
	full := source(t, "DejaVuSans.ttf")
	otf := append([]byte("OTTO"), full[4:]...)
	for _, tt := range []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"short", full[:11]},
		{"directory cut", full[:40]},
		{"tables cut", full[:len(full)/2]},
		{"CFF outlines", otf},
		{"text", []byte("this is not a font at all, but it is long enough")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Font(tt.data, keepLatinGreek); err == nil {
				t.Error("no error")
			}
		})
	}
}

// FuzzFont mutates a small subset: nothing may panic.
func FuzzFont(f *testing.F) {
	full, err := os.ReadFile("../../../cmd/nasss-fonts/dejavu/DejaVuSans.ttf")
	if err != nil {
		f.Fatal(err)
	}
	seed, err := Font(full, func(r rune) bool { return r == 'a' || r == 'é' })
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = Font(data, func(rune) bool { return true })
	})
}
