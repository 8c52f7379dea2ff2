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
		run:     func(e *env, args []string) error { return runPDF(e, args, "report", pdf.Render, q.ReportFileName) },
	}
	commands["pack"] = command{
		summary: "make a workshop's facilitator's pack: a guide and a paper questionnaire",
		usage:   "FILE|- [-o OUT.pdf] [--date YYYY-MM-DD]",
		run:     func(e *env, args []string) error { return runPDF(e, args, "pack", pdf.RenderPack, q.PackFileName) },
	}
}

// runPDF makes a PDF of an assessment file: the report or the pack.
func runPDF(e *env, args []string, name string, render pdf.Renderer, fileName func(*q.Assessment, time.Time) string) error {
	fs := flags(name)
	out := fs.String("o", "", "where to write the PDF (default: a name from the project and the date)")
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
	day, err := parseDay(*date)
	if err != nil {
		return err
	}
	a, err := readAssessment(e, file)
	if err != nil {
		return err
	}
	fonts, err := reportFonts()
	if err != nil {
		return err
	}
	data, err := render(q.LookupBank(a.Bank), a, fonts, pdf.Options{Date: day, Suggestions: with, Names: *names})
	if err != nil {
		return err
	}
	path := *out
	if path == "" {
		path = fileName(a, day)
	}
	return writePDF(e, path, data)
}

// parseDay reads --date, or gives today.
func parseDay(date string) (time.Time, error) {
	if date == "" {
		return time.Now().UTC(), nil
	}
	t, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return t, badInput("--date %q is not a date like 2026-11-23", date)
	}
	return t, nil
}

// writePDF writes a PDF to a path, or to standard output for "-".
func writePDF(e *env, path string, data []byte) (err error) {
	if path == "-" {
		_, err = e.data().Write(data)
		return err
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return badInput("%v", err)
	}
	fmt.Fprintf(e.stdout, "Wrote %s (%d KB)\n", path, (len(data)+1023)/1024)
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
