package pdf

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/nasss-toolkit/nasss/questionnaire/example"

	q "github.com/nasss-toolkit/nasss/questionnaire"
)

// builderScan is a builder's quick scan of one setting, with one rating
// set.
func builderScan(id, setting string, item string, l q.Level) *q.Assessment {
	a := example.Generate(example.Options{Mode: q.Quick, Respondents: 1, Seed: 3})
	a.ID, a.Role, a.Project.Name, a.Project.Setting = id, q.Builder, "Falls sensor", setting
	a.Respondents[0].Answers[item] = q.Answer{Level: l}
	return a
}

func TestSideBySidePDF(t *testing.T) {
	care := builderScan("b", "Care homes", "Q5", q.Complex)
	hostile, err := os.ReadFile("../../questionnaire/testdata/hostile.nasss.json")
	if err != nil {
		t.Fatal(err)
	}
	evil, err := q.Decode(hostile)
	if err != nil {
		t.Fatal(err)
	}
	first := builderScan("a", "Hospital trusts", "Q5", q.Simple)
	data, err := RenderSideBySide(q.LookupBank(first.Bank), first, fonts(t),
		Options{Date: day, With: []*q.Assessment{care, builderScan("c", "GP practices", "Q5", q.Simple), evil}})
	if err != nil {
		t.Fatal(err)
	}
	text := flat(pdftotext(t, data))
	for _, want := range []string{
		"Side by side", "1. Hospital trusts", "2. Care homes", "3. GP practices", `<script>alert("name")</script> & <b>bold</b> stands out in 1.`, "4 projects",
		"Each domain, side by side", "What stands out", "What none of them knows yet",
		"Always check: a maker's duties", "Whichever settings you sell into",
		// The maker's duties, by name.
		"UKCA or CE mark and MHRA registration", "DCB0129", "DTAC evidence ready for buyers", "Evidence Standards Framework",
		"A route to the DSPT", "Accessible to everyone who will use it", "An exit and data-return offer",
		"Northern Ireland",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the side-by-side PDF lacks %q", want)
		}
	}
	// Too few or too many is an error, not a PDF.
	for _, n := range []int{0, 8} {
		var with []*q.Assessment
		for i := range n {
			with = append(with, builderScan(fmt.Sprint(i), "x", "Q1", q.Simple))
		}
		if _, err := RenderSideBySide(q.LookupBank(first.Bank), first, fonts(t), Options{Date: day, With: with}); err == nil {
			t.Errorf("%d beside the first: no error", n)
		}
	}
	// A builder's own action plan speaks as a maker.
	plan := flat(pdftotext(t, render(t, care, Options{Date: day})))
	for _, want := range []string{"adoption risks your product meets in this setting (Care homes)", "A maker's duties", "UKCA or CE mark"} {
		if !strings.Contains(plan, want) {
			t.Errorf("a builder's action plan lacks %q", want)
		}
	}
}
