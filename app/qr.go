package app

import (
	"fmt"
	"html"
	"strings"

	"rsc.io/qr"
)

// qrSVG draws text as a QR code in SVG, one path of dark squares with a
// quiet zone of four modules, so a phone camera can read it off a screen.
// Error correction L suits a clean screen and keeps the code small.
// It also returns the QR version (1 to 40): the lower, the easier to scan.
func qrSVG(text, label string) (svg string, version int, err error) {
	code, err := qr.Encode(text, qr.L)
	if err != nil {
		return "", 0, err
	}
	const quiet = 4
	n := code.Size + 2*quiet
	var path strings.Builder
	for y := range code.Size {
		for x := range code.Size {
			if code.Black(x, y) {
				fmt.Fprintf(&path, "M%d %dh1v1h-1z", x+quiet, y+quiet)
			}
		}
	}
	svg = fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" class="qr" viewBox="0 0 %d %d" role="img" aria-label="%s" shape-rendering="crispEdges">`+
		`<rect width="%d" height="%d" fill="#fff"/><path d="%s" fill="#000"/></svg>`,
		n, n, html.EscapeString(label), n, n, path.String())
	return svg, (code.Size - 17) / 4, nil
}
