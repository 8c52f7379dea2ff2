// Package web holds the app's static files. Natively it also embeds the
// report fonts, so the command line makes the same PDF as the browser,
// which fetches the same files from /web/fonts/.
package web

import "embed"

// Fonts are the TrueType fonts the PDF report is set in.
//
//go:embed fonts/DejaVuSans.ttf fonts/DejaVuSans-Bold.ttf
var Fonts embed.FS

// Font file names inside Fonts and under /web/fonts/.
const (
	FontRegular = "fonts/DejaVuSans.ttf"
	FontBold    = "fonts/DejaVuSans-Bold.ttf"
)
