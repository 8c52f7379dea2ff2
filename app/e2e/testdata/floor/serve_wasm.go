//go:build wasm

package main

// serve is the native server's; in the browser there is none.
func serve() {}
