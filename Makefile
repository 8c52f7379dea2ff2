# The NASSS complexity self-assessment toolkit.
#   make run    build what is needed and run it
#   make test   vet (go vet and staticcheck), all tests, and a short run of
#               every fuzz target
#   make wasm-size  what app.wasm is made of, by section and Go package
#   make build  the web app (web/app.wasm and its PDF renderer web/pdf.wasm,
#               each with .br and .gz) and the native command line (bin/nasss)

SHELL    := /bin/bash
GO       ?= go
# Executions per fuzz target. A count rather than a duration: Go's fuzzer
# can report "context deadline exceeded" when a duration runs out while a
# worker is busy, which would make the suite flaky.
FUZZTIME ?= 300000x
BIN      := bin/nasss
WASM     := web/app.wasm
PDFWASM  := web/pdf.wasm
ADDR     ?= 127.0.0.1:8000
# What the wasm is built from: make rebuilds it only when one of these changes.
WASM_SRC := $(shell find app cmd questionnaire scoring -name '*.go' -not -name '*_test.go') \
            $(wildcard questionnaire/banks/*.json) go.mod go.sum

AXE      := app/e2e/node_modules/axe-core/axe.min.js
# Staticcheck, pinned: go install fetches this exact version on first use
# and the build cache makes later runs cheap. It is installed under bin/
# rather than run with go run, because the wasm pass sets GOOS and GOARCH,
# which go run would apply to building staticcheck itself.
STATICCHECK_VERSION := v0.8.2
STATICCHECK := bin/staticcheck
# Lists the packages in the two browser binaries: the wasm build compiles
# files of its own (browser_wasm.go, main_wasm.go) that a native pass never sees.
WASM_PKGS := GOOS=js GOARCH=wasm $(GO) list -deps -f '{{with .Module}}{{if .Main}}{{$$.ImportPath}}{{end}}{{end}}' ./cmd/nasss ./cmd/nasss-pdf

.PHONY: all build run test vet unit fuzz bench wasm-size clean

all: build

build: $(BIN) $(WASM).br $(PDFWASM).br

# Go's build cache makes this cheap when nothing changed.
$(BIN): FORCE
	$(GO) build -o $(BIN) ./cmd/nasss

$(WASM): $(WASM_SRC)
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -o $(WASM) ./cmd/nasss

$(PDFWASM): $(WASM_SRC)
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -o $(PDFWASM) ./cmd/nasss-pdf

%.wasm.br: %.wasm | $(BIN)
	$(BIN) precompress $<

run: build
	$(BIN) serve --addr $(ADDR)

test: vet unit fuzz

vet: $(STATICCHECK)
	@unformatted=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$unformatted" ]; then echo "gofmt would change: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(STATICCHECK) ./...
	pkgs=$$($(WASM_PKGS)) && GOOS=js GOARCH=wasm $(STATICCHECK) $$pkgs

$(STATICCHECK): FORCE
	GOBIN=$(abspath $(@D)) $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)

# The browser tests build the wasm themselves and need axe-core from npm.
# They take about eleven minutes on two cores: the timeout leaves room
# for a slower machine.
unit: $(AXE)
	$(GO) test -count=1 -timeout 40m ./...

$(AXE): app/e2e/package.json app/e2e/package-lock.json
	cd app/e2e && npm ci --no-audit --no-fund
	touch $@

# Rating codes' lengths, wasm sizes, cold and warm load to interactive
# against go-app's floor (served by go-app's own handler and worker), the
# first visit through a shaped link (4 Mbit/s shared, 100 ms a response;
# -shape.mbps and -shape.delay change them), and the PDFs' render times
# natively and in Chromium. Loads vary by tens of
# milliseconds from one to the next on a small machine, so each median is
# of 15 rounds.
bench: $(AXE)
	$(GO) test ./questionnaire -run '^$$' -bench Code -count 1
	$(GO) test ./app/pdf -run '^$$' -bench . -benchmem -count 1
	$(GO) test ./app/e2e -run '^$$' -bench 'Load|PDF|Workshop|Typing|Warm|SideBySide' -benchtime 15x -count 1 -timeout 30m
	$(GO) test ./app/e2e -run '^$$' -bench ShapedFirstVisit -benchtime 3x -count 1 -timeout 30m

# What app.wasm is made of: its sections and its code by Go package,
# beside go-app's floor, built as for the browser but keeping function
# names (no -s), which the count needs.
wasm-size:
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-w' -o bin/app-names.wasm ./cmd/nasss
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-w' -o bin/floor-names.wasm ./app/e2e/testdata/floor
	@echo "== app.wasm"; $(GO) run ./cmd/nasss-wasmsize -top 30 bin/app-names.wasm
	@echo "== the go-app floor"; $(GO) run ./cmd/nasss-wasmsize -top 12 bin/floor-names.wasm

# Every Fuzz function in the tree, found by name, runs FUZZTIME executions.
# Minimisation is capped: a new input is kept as found rather than shrunk
# for a minute, which would eat the whole budget.
fuzz:
	@set -e; for f in $$(grep -rl --include='*_test.go' '^func Fuzz' .); do \
	  pkg=$$(dirname $$f); \
	  for t in $$(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' $$f); do \
	    echo "fuzz $$t in $$pkg for $(FUZZTIME)"; \
	    log=$$(mktemp); \
	    if $(GO) test $$pkg -run '^$$' -fuzz "^$$t\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 100x >$$log 2>&1; \
	    then tail -n 3 $$log; rm -f $$log; else cat $$log; rm -f $$log; exit 1; fi; \
	  done; \
	done

clean:
	rm -rf bin $(WASM) $(WASM).br $(WASM).gz $(PDFWASM) $(PDFWASM).br $(PDFWASM).gz testoutput

FORCE:
