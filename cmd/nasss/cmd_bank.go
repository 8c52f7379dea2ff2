//go:build !wasm

package main

import (
	"fmt"
	"strings"

	q "github.com/nasss-toolkit/nasss/questionnaire"
)

func init() {
	commands["bank"] = command{
		summary: "print the question bank as a readable outline, as JSON, or its plain-language figures",
		usage:   "[--json | --stats]",
		run:     runBank,
	}
}

func runBank(e *env, args []string) error {
	fs := flags("bank")
	asJSON := fs.Bool("json", false, "print the bank as JSON")
	stats := fs.Bool("stats", false, "print the bank's size and plain-language figures")
	if err := parse(e, fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return badInput("unexpected argument %q", fs.Arg(0))
	}
	b := q.Default()
	switch {
	case *asJSON:
		return printJSON(e.data(), b)
	case *stats:
		r := b.Readability()
		fmt.Fprintf(e.stdout, "bank            %s\n", b.Ref())
		fmt.Fprintf(e.stdout, "domains         %d\n", r.Domains)
		fmt.Fprintf(e.stdout, "items           %d full, %d quick\n", r.Items, r.QuickItems)
		fmt.Fprintf(e.stdout, "words           %d\n", r.Words)
		fmt.Fprintf(e.stdout, "sentences       %d, average %.1f words (limit %.0f)\n", r.Sentences, r.AverageSentence, q.MaxAverageSentence)
		fmt.Fprintf(e.stdout, "longest question sentence  %d words, %s (limit %d)\n", r.LongestQuestion, r.LongestQuestionID, q.MaxQuestionSentence)
		fmt.Fprintf(e.stdout, "glossary        %s\n", strings.Join(r.GlossaryTerms, ", "))
		fmt.Fprintf(e.stdout, "problems        %d\n", len(b.Validate()))
		return nil
	}
	w := e.stdout
	fmt.Fprintf(w, "%s (%s)\n", b.Title, b.Ref())
	for _, d := range b.Domains {
		fmt.Fprintf(w, "\n%s. %s\n   %s\n", d.ID, d.Title, d.Summary)
		fmt.Fprintf(w, "   Quick scan %s: %s\n", d.Quick.ID, d.Quick.Question)
		for _, it := range d.Items {
			fmt.Fprintf(w, "   %s  %s\n       %s\n", it.ID, it.Title, it.Question)
			for _, l := range []q.Level{q.Simple, q.Complicated, q.Complex} {
				fmt.Fprintf(w, "       - %-12s %s\n", l.Label()+":", it.Levels.Describe(l))
			}
		}
	}
	return nil
}
