package questionnaire

import (
	"reflect"
	"testing"
)

func TestFindTerm(t *testing.T) {
	tests := []struct {
		s, term string
		want    int
	}{
		{"Do a DPIA first.", "DPIA", 5},
		{"a nice idea", "NICE", -1},
		{"Ask NICE.", "NICE", 4},
		{"NICEly done", "NICE", -1},
		{"Ask Professional bodies", "professional bodies", 4},
		{"self-care", "care", -1},
		{"Ärzte and DTAC", "DTAC", 11},
		{"", "DTAC", -1},
	}
	for _, tt := range tests {
		if got := FindTerm(tt.s, tt.term); got != tt.want {
			t.Errorf("FindTerm(%q, %q) = %d, want %d", tt.s, tt.term, got, tt.want)
		}
	}
}

func TestTermsIn(t *testing.T) {
	b := &Bank{Glossary: []GlossaryEntry{{Term: "DPIA"}, {Term: "NICE"}, {Term: "pooled budget"}}}
	got := b.TermsIn("Talk to a pooled budget holder.", "Do a DPIA.", "nice to have")
	want := []GlossaryEntry{{Term: "DPIA"}, {Term: "pooled budget"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("TermsIn = %v, want %v", got, want)
	}
}
