package app

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	q "github.com/nasss-toolkit/nasss/questionnaire"
)

func TestGlosser(t *testing.T) {
	b := &q.Bank{Glossary: []q.GlossaryEntry{
		{Term: "DPIA", Meaning: "a data protection impact assessment"},
		{Term: "NICE", Meaning: "the National Institute for Health and Care Excellence"},
		{Term: "professional bodies", Meaning: "the organisations that register and set standards for a profession"},
	}}
	g := newGlosser(b)
	tests := []struct{ in, want string }{
		{"Do a DPIA first.", "Do a <dfn>DPIA</dfn><span class=\"gloss\"> (a data protection impact assessment)</span> first."},
		{"Another DPIA, explained once per page.", "Another DPIA, explained once per page."},
		{"A nice idea: ask Professional bodies and NICE.", "A nice idea: ask <dfn>Professional bodies</dfn><span class=\"gloss\"> (the organisations that register and set standards for a profession)</span> and <dfn>NICE</dfn><span class=\"gloss\"> (the National Institute for Health and Care Excellence)</span>."},
		{"NICEly done: not a word of its own.", "NICEly done: not a word of its own."},
	}
	squash := func(s string) string { return strings.Join(strings.Fields(s), "") }
	for _, tt := range tests {
		got := squash(app.HTMLString(g.text(tt.in)))
		got = strings.TrimSuffix(strings.TrimPrefix(got, "<span>"), "</span>")
		if got != squash(tt.want) {
			t.Errorf("text(%q) =\n%s\nwant\n%s", tt.in, got, squash(tt.want))
		}
	}
}
