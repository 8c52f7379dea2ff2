//go:build !wasm

// Command nasss is the NASSS complexity self-assessment toolkit's command
// line. Natively it prints the question bank, makes example assessments,
// validates and scores assessment files. Built for the browser (GOOS=js
// GOARCH=wasm) the same command runs the app instead.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// Exit codes: 2 for bad usage or input the user can fix, 1 for our faults.
const (
	exitOK       = 0
	exitInternal = 1
	exitInput    = 2
)

// env is what a command may touch, so tests can run commands in process.
// Within a command, stdout and stderr are for people and never pass on a
// control character (see terminalWriter); data() is standard output
// unfiltered, for machine output.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

type command struct {
	summary string
	usage   string
	run     func(e *env, args []string) error
}

var commands = map[string]command{}

// inputError marks an error the user caused: bad usage, or a file that is
// not a valid assessment. It exits with status 2.
type inputError struct{ err error }

func (e inputError) Error() string { return e.err.Error() }
func (e inputError) Unwrap() error { return e.err }

func badInput(format string, args ...any) error {
	return inputError{fmt.Errorf(format, args...)}
}

func main() {
	os.Exit(run(os.Args[1:], &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}))
}

// run dispatches to a command and turns its error into an exit code. A
// panic is a bug: it is reported in one line, never as a stack trace.
// Everything printed for people, errors included, passes through one
// terminalWriter per stream.
func run(args []string, e *env) (code int) {
	out, errs := newTerminalWriter(e.stdout), newTerminalWriter(e.stderr)
	defer func() {
		out.flush()
		errs.flush()
	}()
	e = &env{stdin: e.stdin, stdout: out, stderr: errs}
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(e.stderr, "nasss: internal error: %v\n", r)
			code = exitInternal
		}
	}()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		w, code := e.stderr, exitInput
		if len(args) > 0 {
			w, code = e.stdout, exitOK
		}
		printUsage(w)
		return code
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "nasss: unknown command %q\n\n", args[0])
		printUsage(e.stderr)
		return exitInput
	}
	err := cmd.run(e, args[1:])
	var ie inputError
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &ie):
		fmt.Fprintf(e.stderr, "nasss %s: %v\n", args[0], err)
		return exitInput
	}
	fmt.Fprintf(e.stderr, "nasss %s: %v\n", args[0], err)
	return exitInternal
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "nasss: the NASSS complexity self-assessment toolkit")
	fmt.Fprintln(w, "\nUsage: nasss COMMAND [options]\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'nasss COMMAND -h' for a command's options.")
}

// flags makes a command's flag set: usage goes to stdout when asked for
// with -h, and errors become input errors.
func flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parse parses args; -h prints the command's usage to stdout.
func parse(e *env, fs *flag.FlagSet, args []string) error {
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		cmd := commands[fs.Name()]
		fmt.Fprintf(e.stdout, "Usage: nasss %s %s\n\n%s\n", fs.Name(), cmd.usage, cmd.summary)
		var opts strings.Builder
		fs.SetOutput(&opts)
		fs.PrintDefaults()
		if opts.Len() > 0 {
			fmt.Fprintf(e.stdout, "\nOptions:\n%s", opts.String())
		}
		return flag.ErrHelp
	}
	if err != nil {
		return badInput("%v (see 'nasss %s -h')", err, fs.Name())
	}
	return nil
}

// parseAll parses flags wherever they stand among the file names, as
// people type them, and returns the file names.
func parseAll(e *env, fs *flag.FlagSet, args []string) ([]string, error) {
	var files []string
	for {
		if err := parse(e, fs, args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return files, nil
		}
		files = append(files, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// parseOne parses flags around exactly one file name, or - for standard
// input.
func parseOne(e *env, fs *flag.FlagSet, args []string) (string, error) {
	files, err := parseAll(e, fs, args)
	if err != nil {
		return "", err
	}
	if len(files) != 1 {
		return "", badInput("want one file, or - for standard input (see 'nasss %s -h')", fs.Name())
	}
	return files[0], nil
}

// printJSON writes v as indented JSON.
func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
