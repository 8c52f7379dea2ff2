package pdf

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/nasss-toolkit/nasss/app/pdf/subset"
)

// replacement stands in for any character the report cannot print: it is
// visible, so nothing a person wrote disappears without a trace.
const replacement = '\uFFFD'

// coverage maps the characters a font has to their glyphs.
type coverage map[rune]int

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
		case r > 0xFFFF || c[r] == 0:
			b.WriteRune(replacement)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// fontCoverage reads the characters a TrueType font has glyphs for.
func fontCoverage(ttf []byte) (coverage, error) {
	chars, err := subset.Characters(ttf)
	if err != nil {
		return nil, fmt.Errorf("the report's font cannot be read: %w", err)
	}
	return coverage(chars), nil
}
