//go:build !wasm

package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"text/tabwriter"

	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/scoring"
)

func init() {
	commands["score"] = command{
		summary: "score an assessment file: each domain's level, the overall reading, unknowns, top actions",
		usage:   "[--json] FILE|-",
		run:     runScore,
	}
	commands["validate"] = command{
		summary: "check assessment files: one line per file, ok or the first problem",
		usage:   "FILE...",
		run:     runValidate,
	}
}

// readAssessment reads and validates a file, or stdin for "-". Every
// failure is the user's to fix, so it is an input error naming the file.
func readAssessment(e *env, name string) (*q.Assessment, error) {
	var r io.Reader = e.stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, badInput("%s: no such file", name)
			}
			return nil, badInput("%s: %v", name, errors.Unwrap(err))
		}
		defer f.Close()
		r = f
	}
	a, err := q.Read(r)
	if err != nil {
		return nil, badInput("%s: %v", displayName(name), err)
	}
	return a, nil
}

func displayName(name string) string {
	if name == "-" {
		return "standard input"
	}
	return name
}

// scoreReport is what `score --json` prints.
type scoreReport struct {
	Project    q.Project               `json:"project"`
	Role       q.Role                  `json:"role"`
	MadeWith   q.Ref                   `json:"madeWith,omitzero"`
	Profile    scoring.Profile         `json:"profile"`
	Links      []q.Link                `json:"links,omitempty"`
	Checks     []scoring.PlannedAction `json:"checks"`
	TopActions []scoring.PlannedAction `json:"topActions"`
}

func newScoreReport(b *q.Bank, a *q.Assessment) scoreReport {
	plan := scoring.Plan(b, a)
	rep := scoreReport{Project: a.Project, Role: a.RoleOf(), MadeWith: a.MadeWith, Profile: scoring.Score(b, a), Links: a.Links, TopActions: scoring.Top(plan, topActions)}
	for _, pa := range plan {
		if pa.Check != "" {
			rep.Checks = append(rep.Checks, pa)
		}
	}
	return rep
}

const topActions = 5

func runScore(e *env, args []string) error {
	fs := flags("score")
	asJSON := fs.Bool("json", false, "print the profile as JSON")
	file, err := parseOne(e, fs, args)
	if err != nil {
		return err
	}
	a, err := readAssessment(e, file)
	if err != nil {
		return err
	}
	b := q.LookupBank(a.Bank)
	rep := newScoreReport(b, a)
	if *asJSON {
		return printJSON(e.data(), rep)
	}
	return printScore(e.stdout, &rep)
}

func printScore(out io.Writer, rep *scoreReport) error {
	p := &rep.Profile
	w := &errWriter{w: out}
	name := rep.Project.Name
	if name == "" {
		name = "Untitled project"
	}
	w.printf("%s\n", oneLine(name))
	var facts []string
	if rep.Project.Organisation != "" {
		facts = append(facts, oneLine(rep.Project.Organisation))
	}
	facts = append(facts, string(p.Mode)+" assessment", fmt.Sprintf("%d %s", p.Respondents, pluralWord(p.Respondents, "respondent")), "bank "+p.Bank.String())
	if rep.MadeWith != (q.Ref{}) {
		facts = append(facts, "made with "+rep.MadeWith.String())
	}
	w.printf("%s\n", strings.Join(facts, " · "))
	for _, f := range (&q.Assessment{Project: rep.Project, Role: rep.Role}).About() {
		w.printf("%s: %s\n", f.Label, oneLine(f.Value))
	}
	w.printf("\n")

	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Domain\tLevel\tSimple\tComplicated\tComplex\tDon't know\tN/A\tAnswered")
	for _, d := range p.Domains {
		level := scoring.DomainLevelLabel(d.Level, d.Uncertain)
		if d.SetByTeam {
			level += " (team)"
		}
		if d.Uncertain {
			level += " ?"
		}
		c := d.Counts
		fmt.Fprintf(tw, "%s. %s\t%s\t%d\t%d\t%d\t%d\t%d\t%d of %d\n", d.ID, d.Title, level,
			c.Simple, c.Complicated, c.Complex, c.Unknown, c.NotApplicable, d.Answered, d.Applicable)
	}
	tw.Flush()
	w.printf("(? = some answers are \"don't know\"; team = a level the team set, with its reason)\n")
	for _, d := range p.Domains {
		if d.SetByTeam {
			w.printf("  %s. set by the team: %s\n", d.ID, oneLine(d.Reason))
		}
		if d.Prompt != "" {
			w.printf("  %s. %s\n", d.ID, d.Prompt)
		}
	}
	w.printf("\n")

	r := p.Reading
	w.printf("%s\n", r.Headline)
	if r.Partial {
		w.printf("So far: %s.\n", r.Counts)
	}
	w.printf("%s\nWhy: %s\n", r.Meaning, r.Why)
	if len(rep.Links) > 0 {
		w.printf("\nLinked risks:\n")
		for _, l := range rep.Links {
			w.printf("  %s and %s", l.A, l.B)
			if l.Note != "" {
				w.printf(": %s", oneLine(l.Note))
			}
			w.printf("\n")
		}
	}
	if len(p.Unknowns) > 0 {
		w.printf("\nDon't know yet, to find out:\n")
		for _, u := range p.Unknowns {
			w.printf("  %-3s %s\n", u.ID, u.Title)
		}
	}
	if len(rep.Checks) > 0 {
		w.printf("\nAlways check, whatever the ratings:\n")
		for _, c := range rep.Checks {
			w.printf("  - %s (%s)\n", c.Text, oneLine(c.CheckState()))
		}
	}
	if len(rep.TopActions) > 0 {
		w.printf("\nTop actions:\n")
		for i, a := range rep.TopActions {
			w.printf("  %d. [%s] %s %s: %s\n", i+1, a.Level.Label(), a.ItemID, a.ItemTitle, oneLine(a.Text))
		}
	}
	w.printf("\n%s\n", p.Caveat)
	return w.err
}

// oneLine keeps a user's multi-line text on one terminal line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func pluralWord(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// errWriter keeps the first write error so printing code stays linear.
type errWriter struct {
	w   io.Writer
	err error
}

func (w *errWriter) Write(p []byte) (int, error) {
	if w.err != nil {
		return 0, w.err
	}
	n, err := w.w.Write(p)
	w.err = err
	return n, err
}

func (w *errWriter) printf(format string, args ...any) { fmt.Fprintf(w, format, args...) }

func runValidate(e *env, args []string) error {
	fs := flags("validate")
	if err := parse(e, fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return badInput("want one or more files (see 'nasss validate -h')")
	}
	bad := 0
	for _, name := range fs.Args() {
		if _, err := readAssessment(e, name); err != nil {
			bad++
			fmt.Fprintln(e.stdout, err)
			continue
		}
		fmt.Fprintf(e.stdout, "%s: ok\n", displayName(name))
	}
	if bad > 0 {
		return badInput("%d of %d %s not valid", bad, fs.NArg(), pluralWord(fs.NArg(), "file"))
	}
	return nil
}
