//go:build !wasm

package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestIsLoopback(t *testing.T) {
	tests := []struct {
		addr string
		want bool
	}{
		{"127.0.0.1:8000", true},
		{"127.0.0.2:8000", true},
		{"[::1]:8000", true},
		{"localhost:8000", true},
		{"LOCALHOST:8000", true},
		{"0.0.0.0:8000", false},
		{":8000", false},
		{"[::]:8000", false},
		{"192.168.1.20:8000", false},
		{"10.0.0.5:8000", false},
		{"[fe80::1]:8000", false},
		{"nasss.example:8000", false},
		{"127.0.0.1", false}, // not host:port
	}
	for _, tt := range tests {
		if got := isLoopback(tt.addr); got != tt.want {
			t.Errorf("isLoopback(%q) = %v, want %v", tt.addr, got, tt.want)
		}
	}
}

// TestListenWarns: serving beyond this machine is allowed, with a warning
// on stderr that says what it means; loopback is quiet.
func TestListenWarns(t *testing.T) {
	tests := []struct {
		addr string
		warn bool
	}{
		{"127.0.0.1:0", false},
		{"localhost:0", false},
		{"0.0.0.0:0", true},
		{":0", true},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		ln, err := listen(&env{strings.NewReader(""), &out, &errb}, tt.addr)
		if err != nil {
			t.Errorf("%s: %v", tt.addr, err)
			continue
		}
		ln.Close()
		msg := errb.String()
		if out.Len() > 0 {
			t.Errorf("%s: printed %q on stdout", tt.addr, out.String())
		}
		if !tt.warn {
			if msg != "" {
				t.Errorf("%s: warned %q", tt.addr, msg)
			}
			continue
		}
		for _, want := range []string{"warning", tt.addr, "other devices on the network", "service worker", "persistent storage", "HTTPS", "localhost"} {
			if !strings.Contains(msg, want) {
				t.Errorf("%s: the warning lacks %q:\n%s", tt.addr, want, msg)
			}
		}
	}
}
