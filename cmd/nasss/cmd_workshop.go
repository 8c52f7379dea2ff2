//go:build !wasm

package main

import (
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/scoring"
)

func init() {
	commands["merge"] = command{
		summary: "gather several people's files of one workshop into one file, reporting what clashed",
		usage:   "FILE... -o OUT",
		run:     runMerge,
	}
	commands["compare"] = command{
		summary: "show what moved between two reviews of a project, per domain and per item; with more, each domain's level at each",
		usage:   "OLD NEW [MORE...] [--json]",
		run:     runCompare,
	}
	commands["csv"] = command{
		summary: "export one row per respondent and item, for researchers' spreadsheets",
		usage:   "FILE|- [-o OUT.csv]",
		run:     runCSV,
	}
}

func runMerge(e *env, args []string) error {
	fs := flags("merge")
	out := fs.String("o", "", "where to write the merged workshop file")
	files, err := parseAll(e, fs, args)
	if err != nil {
		return err
	}
	if len(files) < 2 || *out == "" {
		return badInput("want two or more files and -o OUT (see 'nasss merge -h')")
	}
	var all []*q.Assessment
	for _, f := range files {
		a, err := readAssessment(e, f)
		if err != nil {
			return err
		}
		all = append(all, a)
	}
	merged, notes, err := q.Merge(all)
	if err != nil {
		return badInput("%v", err)
	}
	data, err := q.Encode(merged)
	if err != nil {
		return err
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		return badInput("%v", err)
	}
	for _, n := range notes {
		fmt.Fprintln(e.stderr, "note:", n)
	}
	fmt.Fprintf(e.stdout, "Wrote %s: %d respondents from %d files, %d %s to look at\n",
		*out, len(merged.Respondents), len(files), len(notes), pluralWord(len(notes), "note"))
	return nil
}

func runCompare(e *env, args []string) error {
	fs := flags("compare")
	asJSON := fs.Bool("json", false, "print the comparison as JSON")
	files, err := parseAll(e, fs, args)
	if err != nil {
		return err
	}
	if len(files) < 2 {
		return badInput("want two files or more: the reviews of one project (see 'nasss compare -h')")
	}
	if len(files) > 2 {
		return compareMany(e, files, *asJSON)
	}
	before, err := readAssessment(e, files[0])
	if err != nil {
		return err
	}
	after, err := readAssessment(e, files[1])
	if err != nil {
		return err
	}
	c, err := scoring.Compare(q.LookupBank(after.Bank), before, after)
	if err != nil {
		return badInput("%v", err)
	}
	if *asJSON {
		return printJSON(e.data(), c)
	}
	w := &errWriter{w: e.stdout}
	w.printf("Complex domains: %d before, %d now\n\n", c.ComplexBefore, c.ComplexAfter)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Domain\tBefore\tNow\tChange")
	for _, d := range c.Domains {
		fmt.Fprintf(tw, "%s. %s\t%s\t%s\t%s\n", d.ID, d.Title, scoring.DomainLevelLabel(d.Before, d.BeforeUncertain), scoring.DomainLevelLabel(d.After, d.AfterUncertain), d.Change.Label())
	}
	tw.Flush()
	var moved []string
	for _, d := range c.Domains {
		for _, it := range d.Items {
			if it.Change != scoring.Same {
				moved = append(moved, fmt.Sprintf("  %-3s %s: %s → %s (%s)", it.ID, it.Title, it.Before.Label(), it.After.Label(), it.Change.Label()))
			}
		}
	}
	if len(moved) > 0 {
		w.printf("\nItems that moved:\n%s\n", strings.Join(moved, "\n"))
	} else {
		w.printf("\nNo item moved.\n")
	}
	for _, set := range []struct {
		title string
		links []q.Link
	}{{"Links added", c.LinksAdded}, {"Links removed", c.LinksRemoved}} {
		if len(set.links) > 0 {
			w.printf("\n%s:\n", set.title)
			for _, l := range set.links {
				w.printf("  %s and %s\n", l.A, l.B)
			}
		}
	}
	return w.err
}

func runCSV(e *env, args []string) error {
	fs := flags("csv")
	out := fs.String("o", "", "where to write the CSV (default: standard output)")
	file, err := parseOne(e, fs, args)
	if err != nil {
		return err
	}
	a, err := readAssessment(e, file)
	if err != nil {
		return err
	}
	w := e.data()
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return badInput("%v", err)
		}
		defer f.Close()
		w = f
	}
	return q.WriteCSV(w, q.LookupBank(a.Bank), a)
}

// compareMany prints each domain's level at each of several reviews of a
// project, in the order they were made, whatever order the files came in.
func compareMany(e *env, files []string, asJSON bool) error {
	var as []*q.Assessment
	for _, f := range files {
		a, err := readAssessment(e, f)
		if err != nil {
			return err
		}
		if len(as) > 0 && a.Bank.ID != as[0].Bank.ID {
			return badInput("%s uses bank %s, and %s bank %s: they cannot be compared", f, a.Bank.ID, files[0], as[0].Bank.ID)
		}
		as = append(as, a)
	}
	t := scoring.TimelineFrom(q.Default(), as)
	if asJSON {
		return printJSON(e.data(), t)
	}
	w := &errWriter{w: e.stdout}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	head := []string{"Domain"}
	for _, p := range t.Points {
		head = append(head, string(p.Date))
	}
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	for r, d := range t.Domains {
		row := []string{terminalText(d.ID + ". " + d.Title)}
		for _, p := range t.Points {
			l := p.Levels[r]
			row = append(row, scoring.DomainLevelLabel(l, l == q.Unknown))
		}
		fmt.Fprintln(tw, strings.Join(row, "\t"))
	}
	tw.Flush()
	return w.err
}
