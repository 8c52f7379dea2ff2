//go:build !wasm

package main

import (
	"fmt"
	"os"
	"time"

	"github.com/nasss-toolkit/nasss/app/pdf"
	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/web"
)

func init() {
	commands["report"] = command{
		summary: "make the PDF action plan for an assessment file",
		usage:   "FILE|- [-o OUT.pdf] [--date YYYY-MM-DD] [--suggestions auto|include|leave-out] [--names]",
		run:     runReport,
	}
}

func runReport(e *env, args []string) error {
	fs := flags("report")
	out := fs.String("o", "", "where to write the PDF (default: <project>-action-plan-<date>.pdf)")
	date := fs.String("date", "", "the date to print and record, for a reproducible file (default: today)")
	suggestions := fs.String("suggestions", "auto", "list the suggestions nobody has taken up in an appendix: auto (only while no action is agreed), include or leave-out")
	names := fs.Bool("names", false, "name the people who rated in a workshop, and whose each note is (default: count them only)")
	file, err := parseOne(e, fs, args)
	if err != nil {
		return err
	}
	with, err := pdf.ParseSuggestions(*suggestions)
	if err != nil {
		return badInput("--%v", err)
	}
	day := time.Now().UTC()
	if *date != "" {
		t, err := time.Parse(time.DateOnly, *date)
		if err != nil {
			return badInput("--date %q is not a date like 2026-11-23", *date)
		}
		day = t
	}
	a, err := readAssessment(e, file)
	if err != nil {
		return err
	}
	fonts, err := reportFonts()
	if err != nil {
		return err
	}
	data, err := pdf.Render(q.LookupBank(a.Bank), a, fonts, pdf.Options{Date: day, Suggestions: with, Names: *names})
	if err != nil {
		return err
	}
	name := *out
	if name == "" {
		name = q.ReportFileName(a, day)
	}
	if name == "-" {
		_, err = e.data().Write(data)
		return err
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		return badInput("%v", err)
	}
	fmt.Fprintf(e.stdout, "Wrote %s (%d KB)\n", name, (len(data)+1023)/1024)
	return nil
}

// reportFonts are the same font files the browser fetches.
func reportFonts() (pdf.Fonts, error) {
	regular, err := web.Fonts.ReadFile(web.FontRegular)
	if err != nil {
		return pdf.Fonts{}, err
	}
	bold, err := web.Fonts.ReadFile(web.FontBold)
	return pdf.Fonts{Regular: regular, Bold: bold}, err
}
