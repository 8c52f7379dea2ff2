// Package subset cuts a TrueType font down to the characters a document
// may print. The report's fonts ship to every browser that makes a PDF, and
// the renderer parses them for every report: DejaVu Sans has some six
// thousand glyphs, of which the report can use about a quarter.
//
// The result keeps what gofpdf and PDF viewers read (head, hhea, maxp,
// OS/2, name, post, cmap, hmtx, loca and glyf) with glyphs renumbered
// densely. It drops tables tied to the old glyph numbers that the report
// never uses (kerning, OpenType layout, glyph names) and the hinting
// instructions: they are a third of the outlines' bytes, and PDF viewers
// rasterise at print and zoom sizes where hints matter little.
package subset

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"sort"
)

var be = binary.BigEndian

// kept are the tables copied into the subset; the ones marked rebuilt are
// rewritten for the new glyph numbers.
var kept = []string{
	"OS/2", "cmap" /* rebuilt */, "glyf", /* rebuilt */
	"head", "hhea", "hmtx" /* rebuilt */, "loca" /* rebuilt */, "maxp", "name", "post",
}

// Font returns a TrueType font holding the characters of ttf for which keep
// is true, and the glyphs those need (accents that build a letter
// included). Characters outside the Basic Multilingual Plane are not kept.
func Font(ttf []byte, keep func(rune) bool) ([]byte, error) {
	f, err := parse(ttf)
	if err != nil {
		return nil, err
	}
	cmap, err := f.unicodeMap()
	if err != nil {
		return nil, err
	}
	head, hhea, maxp := f.tables["head"], f.tables["hhea"], f.tables["maxp"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 {
		return nil, errors.New("subset: head, hhea or maxp is missing or short")
	}
	numGlyphs := int(be.Uint16(maxp[4:]))
	loca, err := f.offsets(int(int16(be.Uint16(head[50:]))), numGlyphs)
	if err != nil {
		return nil, err
	}
	glyf := f.tables["glyf"]
	glyph := func(g int) []byte {
		if g >= numGlyphs || loca[g] > loca[g+1] || loca[g+1] > len(glyf) {
			return nil
		}
		return glyf[loca[g]:loca[g+1]]
	}

	// Which glyphs stay: .notdef, every kept character's, and the parts
	// of composite glyphs, recursively.
	var runes []rune
	for r, g := range cmap {
		// A character mapped past the last glyph has none.
		if keep(r) && g < numGlyphs {
			runes = append(runes, r)
		}
	}
	slices.Sort(runes)
	used := map[int]bool{0: true}
	var visit func(g, depth int) error
	visit = func(g, depth int) error {
		if used[g] && g != 0 || depth > 16 {
			return nil
		}
		used[g] = true
		return components(glyph(g), func(_ int, part int) error {
			if part >= numGlyphs {
				return fmt.Errorf("subset: glyph %d uses glyph %d of %d", g, part, numGlyphs)
			}
			return visit(part, depth+1)
		})
	}
	for _, r := range runes {
		if err := visit(cmap[r], 0); err != nil {
			return nil, err
		}
	}
	old := make([]int, 0, len(used))
	for g := range used {
		old = append(old, g)
	}
	slices.Sort(old)
	renumber := make(map[int]int, len(old))
	for n, g := range old {
		renumber[g] = n
	}

	// glyf and loca, long offsets; composites point at the new numbers.
	var newGlyf []byte
	newLoca := make([]byte, 4*(len(old)+1))
	for n, g := range old {
		be.PutUint32(newLoca[4*n:], uint32(len(newGlyf)))
		data := unhinted(glyph(g))
		if err := components(data, func(at, part int) error {
			be.PutUint16(data[at:], uint16(renumber[part]))
			return nil
		}); err != nil {
			return nil, err
		}
		newGlyf = append(newGlyf, data...)
		for len(newGlyf)%4 != 0 {
			newGlyf = append(newGlyf, 0)
		}
	}
	be.PutUint32(newLoca[4*len(old):], uint32(len(newGlyf)))

	// hmtx: a full metric for every glyph.
	hmtx := f.tables["hmtx"]
	metrics := int(be.Uint16(hhea[34:]))
	if metrics == 0 || metrics > numGlyphs || len(hmtx) < 4*metrics+2*(numGlyphs-metrics) {
		return nil, errors.New("subset: hmtx is shorter than hhea and maxp say")
	}
	newHmtx := make([]byte, 4*len(old))
	for n, g := range old {
		if g < metrics {
			copy(newHmtx[4*n:], hmtx[4*g:4*g+4])
		} else {
			copy(newHmtx[4*n:], hmtx[4*(metrics-1):4*(metrics-1)+2])
			copy(newHmtx[4*n+2:], hmtx[4*metrics+2*(g-metrics):][:2])
		}
	}

	mapping := make([][2]int, len(runes))
	for i, r := range runes {
		mapping[i] = [2]int{int(r), renumber[cmap[r]]}
	}

	out := map[string][]byte{
		"glyf": newGlyf, "loca": newLoca, "hmtx": newHmtx, "cmap": format4(mapping),
		"head": slices.Clone(head), "hhea": slices.Clone(hhea), "maxp": slices.Clone(maxp),
	}
	be.PutUint16(out["head"][50:], 1) // long loca offsets
	be.PutUint32(out["head"][8:], 0)  // checksum adjustment, set below
	be.PutUint16(out["hhea"][34:], uint16(len(old)))
	be.PutUint16(out["maxp"][4:], uint16(len(old)))
	if post := f.tables["post"]; len(post) >= 32 {
		// Version 3: no glyph names, which would follow the old numbers.
		out["post"] = slices.Clone(post[:32])
		be.PutUint32(out["post"], 0x00030000)
	}
	if os2 := f.tables["OS/2"]; len(os2) >= 68 && len(runes) > 0 {
		os2 = slices.Clone(os2)
		be.PutUint16(os2[64:], uint16(runes[0]))
		be.PutUint16(os2[66:], uint16(runes[len(runes)-1]))
		out["OS/2"] = os2
	}
	for _, tag := range kept {
		if _, done := out[tag]; !done && f.tables[tag] != nil {
			out[tag] = f.tables[tag]
		}
	}
	return assemble(f.version, out), nil
}

// Characters gives the characters a TrueType font maps to glyphs, each
// with its glyph number, from the font's Unicode map of format 4: the one
// gofpdf reads.
func Characters(ttf []byte) (map[rune]int, error) {
	f, err := parse(ttf)
	if err != nil {
		return nil, err
	}
	return f.unicodeMap()
}

// font is a parsed table directory.
type font struct {
	version uint32
	tables  map[string][]byte
}

func parse(ttf []byte) (*font, error) {
	if len(ttf) < 12 {
		return nil, errors.New("subset: not a TrueType font: too short")
	}
	f := &font{version: be.Uint32(ttf), tables: map[string][]byte{}}
	if f.version != 0x00010000 && f.version != 0x74727565 {
		return nil, fmt.Errorf("subset: not a TrueType font with glyph outlines (version %#x)", f.version)
	}
	n := int(be.Uint16(ttf[4:]))
	if 12+16*n > len(ttf) {
		return nil, errors.New("subset: the table directory runs past the end of the file")
	}
	for i := 0; i < n; i++ {
		rec := ttf[12+16*i:]
		off, size := int(be.Uint32(rec[8:])), int(be.Uint32(rec[12:]))
		if off < 0 || size < 0 || off+size > len(ttf) {
			return nil, fmt.Errorf("subset: table %q runs past the end of the file", rec[:4])
		}
		f.tables[string(rec[:4])] = ttf[off : off+size]
	}
	for _, tag := range []string{"head", "hhea", "maxp", "cmap", "hmtx", "loca", "glyf"} {
		if f.tables[tag] == nil {
			return nil, fmt.Errorf("subset: the font has no %q table", tag)
		}
	}
	return f, nil
}

// unicodeMap reads the Windows Unicode (3,1) or Unicode-platform format 4
// character map: the one gofpdf reads.
func (f *font) unicodeMap() (map[rune]int, error) {
	c := f.tables["cmap"]
	if len(c) < 4 {
		return nil, errors.New("subset: the cmap table is short")
	}
	for i := 0; i < int(be.Uint16(c[2:])); i++ {
		rec := 4 + 8*i
		if rec+8 > len(c) {
			break
		}
		platform, encoding, off := be.Uint16(c[rec:]), be.Uint16(c[rec+2:]), int(be.Uint32(c[rec+4:]))
		if !(platform == 3 && encoding == 1 || platform == 0) || off+14 > len(c) || be.Uint16(c[off:]) != 4 {
			continue
		}
		return readFormat4(c[off:])
	}
	return nil, errors.New("subset: the font has no Unicode character map of format 4")
}

func readFormat4(t []byte) (map[rune]int, error) {
	segs := int(be.Uint16(t[6:])) / 2
	if 16+8*segs > len(t) {
		return nil, errors.New("subset: the format 4 character map is short")
	}
	ends, starts := t[14:], t[16+2*segs:]
	deltas, ranges := t[16+4*segs:], t[16+6*segs:]
	m := map[rune]int{}
	for s := 0; s < segs; s++ {
		start, end := int(be.Uint16(starts[2*s:])), int(be.Uint16(ends[2*s:]))
		delta, rangeOff := int(be.Uint16(deltas[2*s:])), int(be.Uint16(ranges[2*s:]))
		for c := start; c <= end && c < 0xFFFF; c++ {
			g := 0
			if rangeOff == 0 {
				g = (c + delta) & 0xFFFF
			} else {
				at := 16 + 6*segs + 2*s + rangeOff + 2*(c-start)
				if at+2 > len(t) {
					continue
				}
				if g = int(be.Uint16(t[at:])); g != 0 {
					g = (g + delta) & 0xFFFF
				}
			}
			if g != 0 {
				m[rune(c)] = g
			}
		}
	}
	return m, nil
}

// offsets reads loca: where each glyph starts in glyf, and where the last ends.
func (f *font) offsets(format, numGlyphs int) ([]int, error) {
	l := f.tables["loca"]
	off := make([]int, numGlyphs+1)
	switch {
	case format == 0 && len(l) >= 2*(numGlyphs+1):
		for i := range off {
			off[i] = 2 * int(be.Uint16(l[2*i:]))
		}
	case format == 1 && len(l) >= 4*(numGlyphs+1):
		for i := range off {
			off[i] = int(be.Uint32(l[4*i:]))
		}
	default:
		return nil, fmt.Errorf("subset: loca (format %d) does not fit %d glyphs", format, numGlyphs)
	}
	return off, nil
}

// Composite glyph flags (OpenType glyf table).
const (
	argsAreWords   = 0x0001
	haveScale      = 0x0008
	moreComponents = 0x0020
	haveXYScale    = 0x0040
	haveTwoByTwo   = 0x0080
)

// components calls fn with the position and glyph number of each part of a
// composite glyph; a simple or empty glyph has none.
func components(g []byte, fn func(at, glyph int) error) error {
	if len(g) < 10 || int16(be.Uint16(g)) >= 0 {
		return nil
	}
	for at := 10; ; {
		if at+4 > len(g) {
			return errors.New("subset: a composite glyph is cut short")
		}
		flags := be.Uint16(g[at:])
		if err := fn(at+2, int(be.Uint16(g[at+2:]))); err != nil {
			return err
		}
		next := componentEnd(g, at)
		if flags&moreComponents == 0 {
			return nil
		}
		at = next
	}
}

// Composite flag: instructions follow the last component.
const haveInstructions = 0x0100

// unhinted copies a glyph without its TrueType instructions.
func unhinted(g []byte) []byte {
	if len(g) < 10 {
		return nil
	}
	contours := int(int16(be.Uint16(g)))
	if contours < 0 {
		out := slices.Clone(g)
		end := len(out)
		_ = components(out, func(at, _ int) error {
			flags := be.Uint16(out[at-2:])
			if flags&moreComponents == 0 && flags&haveInstructions != 0 {
				be.PutUint16(out[at-2:], flags&^haveInstructions)
				end = componentEnd(out, at-2)
			}
			return nil
		})
		return out[:end]
	}
	at := 10 + 2*contours
	if at+2 > len(g) {
		return slices.Clone(g)
	}
	n := int(be.Uint16(g[at:]))
	if at+2+n > len(g) {
		return slices.Clone(g)
	}
	out := append(slices.Clone(g[:at]), 0, 0)
	return append(out, g[at+2+n:]...)
}

// componentEnd gives where the component record starting at at ends.
func componentEnd(g []byte, at int) int {
	flags := be.Uint16(g[at:])
	at += 4
	if flags&argsAreWords != 0 {
		at += 4
	} else {
		at += 2
	}
	switch {
	case flags&haveScale != 0:
		at += 2
	case flags&haveXYScale != 0:
		at += 4
	case flags&haveTwoByTwo != 0:
		at += 8
	}
	return min(at, len(g))
}

// format4 builds a cmap table with one Windows Unicode subtable mapping
// each character to its glyph; pairs are sorted by character.
func format4(pairs [][2]int) []byte {
	type segment struct{ start, end, delta int }
	var segs []segment
	for _, p := range pairs {
		if n := len(segs); n > 0 && segs[n-1].end+1 == p[0] && segs[n-1].delta == p[1]-p[0] {
			segs[n-1].end = p[0]
			continue
		}
		segs = append(segs, segment{p[0], p[0], p[1] - p[0]})
	}
	segs = append(segs, segment{0xFFFF, 0xFFFF, 1})
	n := len(segs)
	sub := make([]byte, 16+8*n)
	be.PutUint16(sub[0:], 4)
	be.PutUint16(sub[2:], uint16(len(sub)))
	be.PutUint16(sub[6:], uint16(2*n))
	search, selector := searchParams(n, 2)
	be.PutUint16(sub[8:], uint16(search))
	be.PutUint16(sub[10:], uint16(selector))
	be.PutUint16(sub[12:], uint16(2*n-search))
	for i, s := range segs {
		be.PutUint16(sub[14+2*i:], uint16(s.end))
		be.PutUint16(sub[16+2*n+2*i:], uint16(s.start))
		be.PutUint16(sub[16+4*n+2*i:], uint16(s.delta))
		// idRangeOffset stays 0: every segment maps by delta.
	}
	head := []byte{0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12}
	return append(head, sub...)
}

// searchParams gives the binary-search fields of a table directory or a
// format 4 map: the largest power of two not above n, times unit, and its
// exponent.
func searchParams(n, unit int) (search, selector int) {
	p := 1
	for p*2 <= n {
		p *= 2
		selector++
	}
	return p * unit, selector
}

// assemble writes the font file: directory sorted by tag, tables on 4-byte
// boundaries, checksums, and head's whole-file adjustment.
func assemble(version uint32, tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	n := len(tags)
	out := make([]byte, 12+16*n)
	be.PutUint32(out, version)
	be.PutUint16(out[4:], uint16(n))
	search, selector := searchParams(n, 16)
	be.PutUint16(out[6:], uint16(search))
	be.PutUint16(out[8:], uint16(selector))
	be.PutUint16(out[10:], uint16(16*n-search))
	headAt := 0
	for i, tag := range tags {
		data := tables[tag]
		rec := out[12+16*i:]
		copy(rec, tag)
		be.PutUint32(rec[4:], checksum(data))
		be.PutUint32(rec[8:], uint32(len(out)))
		be.PutUint32(rec[12:], uint32(len(data)))
		if tag == "head" {
			headAt = len(out)
		}
		out = append(out, data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	be.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	return out
}

func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var word [4]byte
		copy(word[:], b[i:])
		sum += be.Uint32(word[:])
	}
	return sum
}
