package pdf

import "unicode"

// Printable is every character the report can print: the report's fonts
// are cut down to these (cmd/nasss-fonts), and the sanitiser shows anything
// else as U+FFFD. Latin with its extensions, Greek, Cyrillic, general
// punctuation and currency cover the languages of the people who use the
// tool; scripts written right to left need shaping gofpdf does not do.
var Printable = &unicode.RangeTable{
	R16: []unicode.Range16{
		{Lo: 0x0020, Hi: 0x007E, Stride: 1}, // Basic Latin
		{Lo: 0x00A0, Hi: 0x036F, Stride: 1}, // Latin-1, Extended-A and -B, IPA, modifiers, combining accents
		{Lo: 0x0370, Hi: 0x03FF, Stride: 1}, // Greek
		{Lo: 0x0400, Hi: 0x052F, Stride: 1}, // Cyrillic and its supplement
		{Lo: 0x1E00, Hi: 0x1EFF, Stride: 1}, // Latin Extended Additional (Welsh ŵ ẁ, Vietnamese)
		{Lo: 0x2000, Hi: 0x206F, Stride: 1}, // General Punctuation
		{Lo: 0x20A0, Hi: 0x20CF, Stride: 1}, // Currency
		{Lo: 0x2100, Hi: 0x214F, Stride: 1}, // Letterlike symbols (№, ™)
		{Lo: 0x2190, Hi: 0x2199, Stride: 1}, // Arrows
		{Lo: 0x2C60, Hi: 0x2C7F, Stride: 1}, // Latin Extended-C
		{Lo: 0xA720, Hi: 0xA7FF, Stride: 1}, // Latin Extended-D
		{Lo: 0xFB00, Hi: 0xFB06, Stride: 1}, // Latin ligatures pasted from other documents (ﬁ)
		{Lo: 0xFFFD, Hi: 0xFFFD, Stride: 1}, // the replacement character itself
	},
	LatinOffset: 1,
}
