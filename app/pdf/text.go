package pdf

import (
	"encoding/binary"
	"errors"
	"strings"
	"unicode"
)

// replacement stands in for any character the report cannot print: it is
// visible, so nothing a person wrote disappears without a trace.
const replacement = '\uFFFD'

// coverage is the set of characters a font has glyphs for.
type coverage map[rune]bool

// sanitise makes user text safe for gofpdf: valid UTF-8, no control
// characters but newlines (tabs become spaces), and every character the
// font lacks, emoji above U+FFFF included (gofpdf panics on those), shown as
// the replacement character.
func (c coverage) sanitise(s string) string {
	s = strings.ToValidUTF8(s, string(replacement))
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteRune(r)
		case r == '\t' || r == '\r':
			b.WriteByte(' ')
		case unicode.IsControl(r) || r == '\u00AD':
		case unicode.Is(unicode.Cf, r):
			// Format characters (bidi overrides, zero-width joiners) have
			// no glyph and no place in a printed line.
		case r > 0xFFFF || !c[r]:
			b.WriteRune(replacement)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

var errNoCmap = errors.New("the font has no Unicode character map")

// fontCoverage reads the BMP characters a TrueType font maps to glyphs,
// from its cmap table (format 4, platform 3 encoding 1 or platform 0).
func fontCoverage(ttf []byte) (coverage, error) {
	if len(ttf) < 12 {
		return nil, errNoCmap
	}
	be := binary.BigEndian
	tables := int(be.Uint16(ttf[4:]))
	var cmap []byte
	for i := 0; i < tables; i++ {
		rec := 12 + 16*i
		if rec+16 > len(ttf) {
			return nil, errNoCmap
		}
		if string(ttf[rec:rec+4]) == "cmap" {
			off, n := int(be.Uint32(ttf[rec+8:])), int(be.Uint32(ttf[rec+12:]))
			if off+n > len(ttf) {
				return nil, errNoCmap
			}
			cmap = ttf[off : off+n]
		}
	}
	if len(cmap) < 4 {
		return nil, errNoCmap
	}
	for i := 0; i < int(be.Uint16(cmap[2:])); i++ {
		rec := 4 + 8*i
		if rec+8 > len(cmap) {
			break
		}
		platform, encoding := be.Uint16(cmap[rec:]), be.Uint16(cmap[rec+2:])
		off := int(be.Uint32(cmap[rec+4:]))
		if !(platform == 3 && encoding == 1 || platform == 0) || off+14 > len(cmap) || be.Uint16(cmap[off:]) != 4 {
			continue
		}
		return format4(cmap[off:])
	}
	return nil, errNoCmap
}

func format4(t []byte) (coverage, error) {
	be := binary.BigEndian
	segs := int(be.Uint16(t[6:])) / 2
	if 16+8*segs > len(t) {
		return nil, errNoCmap
	}
	ends, starts := t[14:], t[16+2*segs:]
	deltas, offsets := t[16+4*segs:], t[16+6*segs:]
	c := coverage{}
	for s := 0; s < segs; s++ {
		end, start := int(be.Uint16(ends[2*s:])), int(be.Uint16(starts[2*s:]))
		delta, ro := int(be.Uint16(deltas[2*s:])), int(be.Uint16(offsets[2*s:]))
		for ch := start; ch <= end && ch != 0xFFFF; ch++ {
			glyph := (ch + delta) & 0xFFFF
			if ro != 0 {
				at := 16 + 6*segs + 2*s + ro + 2*(ch-start)
				if at+2 > len(t) {
					continue
				}
				if glyph = int(be.Uint16(t[at:])); glyph != 0 {
					glyph = (glyph + delta) & 0xFFFF
				}
			}
			if glyph != 0 {
				c[rune(ch)] = true
			}
		}
	}
	return c, nil
}
