//go:build !wasm

package main

import (
	"io"
	"strings"
	"unicode/utf8"
)

// Everything the command line prints for people, on standard output and
// standard error, goes through terminalWriter: project and respondent names,
// notes, action text and file names come from other people's files and
// command lines, and a control character among them could clear the screen,
// retitle the window, plant a link or write to the clipboard. Machine output
// (JSON, CSV, PDF) goes to env.data() unchanged.

// terminalText makes s safe to show on a terminal. Newlines and tabs stay,
// as the layout uses them. Any other C0 control character and DEL show in
// caret notation (ESC as ^[, BEL as ^G, CR as ^M, DEL as ^?), a C1 control
// (U+0080 to U+009F) as cat -v shows the byte of that value (U+009B as
// M-^[), and each byte that is not valid UTF-8 as U+FFFD. The result is valid UTF-8 with no control
// character but newline and tab.
func terminalText(s string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || isTerminalControl(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case r >= 0x80 && r <= 0x9F:
			b.WriteString("M-^")
			b.WriteRune(r - 0x80 + '@')
		case r == 0x7F:
			b.WriteString("^?")
		case isTerminalControl(r):
			b.WriteByte('^')
			b.WriteRune(r + '@')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isTerminalControl reports whether r is a control character a terminal may
// act on: C0 but newline and tab, DEL, and C1.
func isTerminalControl(r rune) bool {
	return r < 0x20 && r != '\n' && r != '\t' || r >= 0x7F && r <= 0x9F
}

// terminalWriter passes text through terminalText. A UTF-8 sequence cut in
// two by the end of a Write is held until the next, so that text written in
// pieces comes out as it would whole.
type terminalWriter struct {
	w       io.Writer
	pending []byte
}

func newTerminalWriter(w io.Writer) *terminalWriter { return &terminalWriter{w: w} }

func (t *terminalWriter) Write(p []byte) (int, error) {
	buf := append(t.pending, p...)
	cut := len(buf) - incompleteTail(buf)
	t.pending = append([]byte(nil), buf[cut:]...)
	if _, err := io.WriteString(t.w, terminalText(string(buf[:cut]))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// flush writes what is held of a cut sequence: at the end, nothing will
// complete it, so it shows as invalid.
func (t *terminalWriter) flush() error {
	if len(t.pending) == 0 {
		return nil
	}
	p := t.pending
	t.pending = nil
	_, err := io.WriteString(t.w, terminalText(string(p)))
	return err
}

// incompleteTail is how many bytes at the end of b start a UTF-8 sequence
// that the bytes after them could still complete.
func incompleteTail(b []byte) int {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax+1; i-- {
		if utf8.RuneStart(b[i]) {
			if utf8.FullRune(b[i:]) {
				return 0
			}
			return len(b) - i
		}
	}
	return 0
}

// data is standard output for machine output, which must stay exact for
// the programs that read it: JSON, CSV and PDF. Whatever text is held for
// the terminal goes out first, to keep the order.
func (e *env) data() io.Writer {
	if t, ok := e.stdout.(*terminalWriter); ok {
		t.flush()
		return t.w
	}
	return e.stdout
}
