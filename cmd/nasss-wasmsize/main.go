// Command nasss-wasmsize says what a Go WebAssembly binary is made of:
// its sections, and its code by Go package, largest first. It reads the
// function names a build keeps unless linked with -s; `make wasm-size`
// builds the app that way to measure it.
//
//	nasss-wasmsize [-top N] app.wasm
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"
)

func main() {
	top := flag.Int("top", 25, "how many packages to list")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: nasss-wasmsize [-top N] file.wasm")
		os.Exit(2)
	}
	data, err := os.ReadFile(flag.Arg(0))
	if err == nil {
		err = report(os.Stdout, data, *top)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "nasss-wasmsize:", err)
		os.Exit(1)
	}
}

// module is what the report needs of a wasm binary.
type module struct {
	sections []section
	imported int      // functions imported: the code section's first is this index
	bodies   []int    // each defined function's code size
	names    []string // by function index, where the name section gives one
}

type section struct {
	name string
	size int
}

var sectionNames = []string{"custom", "type", "import", "function", "table", "memory", "global", "export", "start", "element", "code", "data", "data count"}

func report(w io.Writer, data []byte, top int) error {
	m, err := parse(data)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%d bytes in all\n", len(data))
	for _, s := range m.sections {
		fmt.Fprintf(w, "  %-22s %9d\n", s.name, s.size)
	}
	byPkg := map[string]int{}
	total := 0
	for i, size := range m.bodies {
		byPkg[packageOf(m.name(m.imported+i))] += size
		total += size
	}
	pkgs := make([]string, 0, len(byPkg))
	for p := range byPkg {
		pkgs = append(pkgs, p)
	}
	sort.Slice(pkgs, func(i, j int) bool {
		return byPkg[pkgs[i]] > byPkg[pkgs[j]] || byPkg[pkgs[i]] == byPkg[pkgs[j]] && pkgs[i] < pkgs[j]
	})
	fmt.Fprintf(w, "code by package (%d functions, %d bytes):\n", len(m.bodies), total)
	for i, p := range pkgs {
		if i == top {
			break
		}
		fmt.Fprintf(w, "  %9d %5.1f%%  %s\n", byPkg[p], 100*float64(byPkg[p])/float64(max(total, 1)), p)
	}
	return nil
}

func (m *module) name(i int) string {
	if i < len(m.names) && m.names[i] != "" {
		return m.names[i]
	}
	return "(no name: built with -s?)"
}

// domain is a module path's host, which Go's wasm names keep with its dot.
var domain = regexp.MustCompile(`^[a-z0-9-]+\.(com|org|io|net|dev|in)[_/]`)

// packageOf reads a Go package from a function's wasm name, in which
// slashes are underscores: github.com_x_y.(*T).M is in github.com_x_y.
func packageOf(name string) string {
	host := domain.FindString(name)
	rest := name[len(host):]
	if i := strings.IndexByte(rest, '.'); i >= 0 {
		rest = rest[:i]
	}
	return host + rest
}

func parse(b []byte) (*module, error) {
	if len(b) < 8 || string(b[:4]) != "\x00asm" {
		return nil, errors.New("not a WebAssembly binary")
	}
	m := &module{}
	r := &reader{b: b, at: 8}
	for r.at < len(b) {
		id := int(r.byte())
		size := r.uint()
		start := r.at
		if r.err != nil || start+size > len(b) {
			return nil, errors.New("a section runs past the end of the file")
		}
		body := &reader{b: b[:start+size], at: start}
		name := fmt.Sprintf("section %d", id)
		if id < len(sectionNames) {
			name = sectionNames[id]
		}
		switch id {
		case 0:
			n := body.string()
			name = "custom " + n
			if n == "name" {
				m.readNames(body)
			}
		case 2:
			m.readImports(body)
		case 10:
			for range body.uint() {
				n := body.uint()
				m.bodies = append(m.bodies, n)
				body.at += n
			}
		}
		if body.err != nil {
			return nil, fmt.Errorf("%s: %w", name, body.err)
		}
		m.sections = append(m.sections, section{name, size})
		r.at = start + size
	}
	return m, r.err
}

func (m *module) readImports(r *reader) {
	for range r.uint() {
		r.string()
		r.string()
		switch kind := r.byte(); kind {
		case 0: // function
			r.uint()
			m.imported++
		case 1: // table
			r.byte()
			r.limits()
		case 2: // memory
			r.limits()
		case 3: // global
			r.byte()
			r.byte()
		default:
			r.err = fmt.Errorf("import of unknown kind %d", kind)
			return
		}
	}
}

// readNames reads the function names subsection of the name section.
func (m *module) readNames(r *reader) {
	for r.at < len(r.b) && r.err == nil {
		id, size := r.byte(), r.uint()
		end := r.at + size
		if id == 1 {
			for range r.uint() {
				i, n := r.uint(), r.string()
				for len(m.names) <= i {
					m.names = append(m.names, "")
				}
				m.names[i] = n
			}
		}
		r.at = end
	}
}

// reader reads LEB128 numbers and names, remembering the first error.
type reader struct {
	b   []byte
	at  int
	err error
}

func (r *reader) byte() byte {
	if r.at >= len(r.b) {
		r.err = io.ErrUnexpectedEOF
		return 0
	}
	r.at++
	return r.b[r.at-1]
}

func (r *reader) uint() int {
	var v, shift int
	for r.err == nil && shift < 35 {
		c := r.byte()
		v |= int(c&0x7f) << shift
		if c&0x80 == 0 {
			return v
		}
		shift += 7
	}
	if r.err == nil {
		r.err = errors.New("a number is too long")
	}
	return 0
}

func (r *reader) string() string {
	n := r.uint()
	if r.err != nil || r.at+n > len(r.b) {
		r.err = io.ErrUnexpectedEOF
		return ""
	}
	r.at += n
	return string(r.b[r.at-n : r.at])
}

func (r *reader) limits() {
	if r.byte()&1 != 0 {
		r.uint()
	}
	r.uint()
}
