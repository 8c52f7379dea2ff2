//go:build !wasm

package main

import (
	"encoding/csv"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/nasss-toolkit/nasss/app/pdf"
	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/scoring"
)

func init() {
	commands["side-by-side"] = command{
		summary: "put 2 to 8 assessments side by side: the same product in several settings, or projects in one programme",
		usage:   "[--json | --csv | --pdf OUT.pdf [--date YYYY-MM-DD]] FILE...",
		run:     runSideBySide,
	}
}

func runSideBySide(e *env, args []string) error {
	fs := flags("side-by-side")
	asJSON := fs.Bool("json", false, "print the view as JSON")
	asCSV := fs.Bool("csv", false, "print one row per assessment and domain, as CSV")
	pdfOut := fs.String("pdf", "", "write the side-by-side PDF here (- for standard output)")
	date := fs.String("date", "", "the date to print in the PDF, for a reproducible file (default: today)")
	files, err := parseAll(e, fs, args)
	if err != nil {
		return err
	}
	if *asJSON && *asCSV || (*asJSON || *asCSV) && *pdfOut != "" {
		return badInput("choose one of --json, --csv and --pdf")
	}
	day, err := parseDay(*date)
	if err != nil {
		return err
	}
	if n := len(files); n < scoring.MinSideBySide || n > scoring.MaxSideBySide {
		return badInput("want %d to %d files, not %d (see 'nasss side-by-side -h')", scoring.MinSideBySide, scoring.MaxSideBySide, n)
	}
	var entries []scoring.Entry
	for _, f := range files {
		a, err := readAssessment(e, f)
		if err != nil {
			return err
		}
		entries = append(entries, scoring.Entry{Bank: q.LookupBank(a.Bank), A: a})
	}
	s, err := scoring.CompareSide(entries)
	if err != nil {
		return badInput("%v", err)
	}
	switch {
	case *pdfOut != "":
		fonts, err := reportFonts()
		if err != nil {
			return err
		}
		var with []*q.Assessment
		for _, en := range entries[1:] {
			with = append(with, en.A)
		}
		data, err := pdf.RenderSideBySide(entries[0].Bank, entries[0].A, fonts, pdf.Options{Date: day, With: with})
		if err != nil {
			return err
		}
		return writePDF(e, *pdfOut, data)
	case *asJSON:
		return printJSON(e.data(), s)
	case *asCSV:
		return sideBySideCSV(e, &s)
	}
	return printSideBySide(e, &s)
}

func printSideBySide(e *env, s *scoring.SideBySide) error {
	w := &errWriter{w: e.stdout}
	for i, c := range s.Columns {
		w.printf("%d. %s: %s, %s, %s\n", i+1, oneLine(c.Label), oneLine(c.Project), c.Mode.Label(), c.Counts)
	}
	w.printf("\n")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	head := []string{"Domain"}
	for i := range s.Columns {
		head = append(head, fmt.Sprint(i+1))
	}
	fmt.Fprintln(tw, strings.Join(append(head, "Across them"), "\t"))
	for _, r := range s.Rows {
		cells := []string{r.Domain + ". " + r.Title}
		for i := range r.Levels {
			cell := r.LevelText(i)
			if r.Standout == i {
				cell += " *"
			}
			cells = append(cells, cell)
		}
		fmt.Fprintln(tw, strings.Join(append(cells, oneLine(r.Note)), "\t"))
	}
	tw.Flush()
	w.printf("(? = some answers are \"don't know\"; * = stands out from the others)\n\n")
	for _, line := range s.Summary {
		w.printf("%s\n", oneLine(line))
	}
	if len(s.SharedUnknowns) > 0 {
		w.printf("\nDon't know in every one:\n")
		for _, u := range s.SharedUnknowns {
			w.printf("  %-3s %s\n", u.ID, u.Title)
		}
	}
	if len(s.PartlyUnknown) > 0 {
		w.printf("\nDon't know in some:\n")
		for _, u := range s.PartlyUnknown {
			w.printf("  %-3s %s (%d of %d)\n", u.ID, u.Title, u.In, len(s.Columns))
		}
	}
	return w.err
}

// sideBySideCSV writes tidy data for researchers: one row per assessment
// and domain.
func sideBySideCSV(e *env, s *scoring.SideBySide) error {
	cw := csv.NewWriter(e.data())
	cw.UseCRLF = true
	cw.Write([]string{"column", "label", "assessment", "project", "role", "mode", "bank", "domain", "domain_title", "level", "uncertain", "stands_out", "all_agree"})
	for _, r := range s.Rows {
		for i, c := range s.Columns {
			cw.Write([]string{fmt.Sprint(i + 1), q.SafeCell(c.Label), c.ID, q.SafeCell(c.Project), string(c.Role), string(c.Mode), c.Bank.String(),
				r.Domain, r.Title, string(r.Levels[i]), fmt.Sprint(r.Uncertain[i]), fmt.Sprint(r.Standout == i), fmt.Sprint(r.Agree)})
		}
	}
	cw.Flush()
	return cw.Error()
}
