package app

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"

	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/questionnaire/example"
)

func TestShareLinkQR(t *testing.T) {
	a := example.Generate(example.Options{Mode: q.Full, Respondents: 1, Seed: 1})
	r := a.Respondents[0]
	r.Name, r.Role = strings.Repeat("N", 30), strings.Repeat("R", 30)
	frag, err := q.EncodeLink(q.Default(), "k3j4h5g6f7d8s9a0", q.Full, r)
	if err != nil {
		t.Fatal(err)
	}
	link := "https://assessments.example.nhs.uk/join#" + frag
	svg, version, err := qrSVG(link, "QR code of the share link")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("a full assessment's share link is %d characters; its QR code is version %d", len(link), version)
	if len(link) > 300 || version > 10 {
		t.Errorf("link %d characters (target 300), QR version %d (target 10)", len(link), version)
	}
	dec := xml.NewDecoder(strings.NewReader(svg))
	for {
		if _, err := dec.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("not well-formed SVG: %v", err)
		}
	}
}
