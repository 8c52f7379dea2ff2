package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestPackageOf(t *testing.T) {
	for name, want := range map[string]string{
		"runtime.mallocgc": "runtime",
		"github.com_nasss_toolkit_nasss_app.__page_.shell":          "github.com_nasss_toolkit_nasss_app",
		"encoding_json.__decodeState_.object":                       "encoding_json",
		"golang.org_x_text_unicode_norm.Form.String":                "golang.org_x_text_unicode_norm",
		"rsc.io_qr_coding.Num.Bits":                                 "rsc.io_qr_coding",
		"wasm_pc_f_loop":                                            "wasm_pc_f_loop",
		"github.com_maxence_charriere_go_app_v10_pkg_app.Div.func1": "github.com_maxence_charriere_go_app_v10_pkg_app",
	} {
		if got := packageOf(name); got != want {
			t.Errorf("packageOf(%q) = %q, want %q", name, got, want)
		}
	}
}

// tiny is a module with one imported function, a.f, and two defined
// ones, a.g and b.h, of 3 and 2 bytes.
var tiny = []byte{
	0, 'a', 's', 'm', 1, 0, 0, 0,
	2, 7, 1, 1, 'm', 1, 'i', 0, 0, // import m.i, a function of type 0
	10, 8, 2, 3, 0, 0, 0x0b, 2, 0, 0x0b, // code: two bodies, each after its size
	0, 23, 4, 'n', 'a', 'm', 'e', 1, 16, 3, 0, 3, 'a', '.', 'f', 1, 3, 'a', '.', 'g', 2, 3, 'b', '.', 'h',
}

func TestReport(t *testing.T) {
	var out bytes.Buffer
	if err := report(&out, tiny, 10); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"code by package (2 functions, 5 bytes)", "3  60.0%  a", "2  40.0%  b"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the report lacks %q:\n%s", want, out.String())
		}
	}
	for _, bad := range [][]byte{nil, []byte("\x00asm"), tiny[:20], []byte("not wasm at all")} {
		if err := report(&out, bad, 10); err == nil {
			t.Errorf("no error for %q", bad)
		}
	}
}
