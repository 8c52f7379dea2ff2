package questionnaire

import "testing"

func TestIsID(t *testing.T) {
	tests := map[string]bool{
		"example-1": true, "A_b-9": true, "x": true,
		"": false, "has space": false, "dot.s": false, "é": false, "slash/": false, "<script>": false, "tab\t": false,
	}
	for s, want := range tests {
		if got := isID(s); got != want {
			t.Errorf("isID(%q) = %v, want %v", s, got, want)
		}
	}
}
