//go:build !wasm

package main

import (
	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/questionnaire/example"
)

func init() {
	commands["example"] = command{
		summary: "write a realistic made-up assessment file to stdout",
		usage:   "[--mode quick|full] [--respondents N] [--seed N]",
		run:     runExample,
	}
}

const maxExampleRespondents = 60

func runExample(e *env, args []string) error {
	fs := flags("example")
	mode := fs.String("mode", "full", "quick (one item per domain) or full (every item)")
	n := fs.Int("respondents", 1, "how many people rate, 1 to 60")
	seed := fs.Uint64("seed", 1, "different seeds give different people and ratings")
	if err := parse(e, fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return badInput("unexpected argument %q", fs.Arg(0))
	}
	if !q.Mode(*mode).Valid() {
		return badInput("--mode must be quick or full, not %q", *mode)
	}
	if *n < 1 || *n > maxExampleRespondents {
		return badInput("--respondents must be 1 to %d, not %d", maxExampleRespondents, *n)
	}
	a := example.Generate(example.Options{Mode: q.Mode(*mode), Respondents: *n, Seed: *seed})
	data, err := q.Encode(a)
	if err != nil {
		return err
	}
	_, err = e.data().Write(data)
	return err
}
