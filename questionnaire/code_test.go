package questionnaire

import (
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"strings"
	"testing"
)

// randomAnswers answers a mode's items at random, some left unanswered.
func randomAnswers(rng *rand.Rand, mode Mode) map[string]Answer {
	out := map[string]Answer{}
	for _, it := range Default().Items(mode) {
		if l := levelCodes[rng.IntN(len(levelCodes))]; l != Unanswered {
			out[it.ID] = Answer{Level: l}
		}
	}
	return out
}

func TestCodeRoundTrip(t *testing.T) {
	b := Default()
	rng := rand.New(rand.NewPCG(1, 2))
	for _, mode := range []Mode{Quick, Full} {
		all := map[string]Answer{}
		for _, it := range b.Items(mode) {
			all[it.ID] = Answer{Level: NotApplicable} // the largest number
		}
		cases := []map[string]Answer{{}, all}
		for range 200 {
			cases = append(cases, randomAnswers(rng, mode))
		}
		for _, answers := range cases {
			code, err := EncodeCode(b, "workshop-1", mode, answers)
			if err != nil {
				t.Fatal(err)
			}
			if n := len(strings.ReplaceAll(code, " ", "")); n != CodeLength(mode) || strings.Count(code, " ") != n/4-1 {
				t.Fatalf("%s: code %q is not %d characters in fours", mode, code, CodeLength(mode))
			}
			got, err := DecodeCode(b, "workshop-1", mode, strings.ToLower(strings.ReplaceAll(code, " ", "-")))
			if err != nil || !maps.Equal(got, answers) {
				t.Fatalf("%s: %q gave %v, %v; want %v", mode, code, got, err, answers)
			}
		}
	}
	if CodeLength(Quick) > 12 || CodeLength(Full) > 24 {
		t.Error("codes are longer than a person can read out")
	}
}

// TestCodeCatchesEveryTypo changes every character of codes to every other
// character, and swaps every pair of neighbours that differ: the check
// refuses each.
func TestCodeCatchesEveryTypo(t *testing.T) {
	b := Default()
	rng := rand.New(rand.NewPCG(3, 4))
	for _, mode := range []Mode{Quick, Full} {
		for range 20 {
			code, _ := EncodeCode(b, "w", mode, randomAnswers(rng, mode))
			digits, _ := codeDigits(code)
			for i := range digits {
				for d := range byte(32) {
					if d == digits[i] {
						continue
					}
					typo := append([]byte(nil), digits...)
					typo[i] = d
					if _, err := DecodeCode(b, "w", mode, groupCode(typo)); !errors.Is(err, ErrCodeTypo) {
						t.Fatalf("%s: %q with character %d as %c: %v", mode, code, i, codeAlphabet[d], err)
					}
				}
				if i+1 < len(digits) && digits[i] != digits[i+1] {
					swap := append([]byte(nil), digits...)
					swap[i], swap[i+1] = swap[i+1], swap[i]
					if _, err := DecodeCode(b, "w", mode, groupCode(swap)); !errors.Is(err, ErrCodeTypo) {
						t.Fatalf("%s: %q with characters %d and %d swapped: %v", mode, code, i, i+1, err)
					}
				}
			}
		}
	}
}

func TestCodeRefusals(t *testing.T) {
	b := Default()
	answers := map[string]Answer{"Q1": {Level: Complex}, "Q3": {Level: Unknown}}
	quick, _ := EncodeCode(b, "ours", Quick, answers)
	full, _ := EncodeCode(b, "ours", Full, map[string]Answer{"1A": {Level: Simple}})
	newer := recode(t, quick, func(w *bitWriter, r *bitReader) { w.put(CodeVersion+1, codeVersionBits); r.get(codeVersionBits) })
	newerBank := recode(t, quick, func(w *bitWriter, r *bitReader) {
		w.put(r.get(codeVersionBits+codeModeBits), codeVersionBits+codeModeBits)
		r.get(codeBankBits)
		w.put(uint64(b.Version+1), codeBankBits)
	})
	olderBank := recode(t, quick, func(w *bitWriter, r *bitReader) {
		w.put(r.get(codeVersionBits+codeModeBits), codeVersionBits+codeModeBits)
		r.get(codeBankBits)
		w.put(uint64(b.Version-1), codeBankBits)
	})
	tests := []struct {
		name, typed, workshop string
		mode                  Mode
		want                  string
	}{
		{"another workshop", quick, "theirs", Quick, "another workshop"},
		{"a newer version", newer, "ours", Quick, "newer version"},
		{"newer questions", newerBank, "ours", Quick, "newer version"},
		{"older questions", olderBank, "ours", Quick, fmt.Sprintf("version %d of the questions", b.Version-1)},
		{"a full code in a quick scan", full, "ours", Quick, "is for a full assessment, but this workshop is a quick scan"},
		{"a quick code in a full workshop", quick, "ours", Full, "is for a quick scan, but this workshop is a full assessment"},
		{"too short", quick[:9], "ours", Quick, "12 characters in groups of four; this one has 8"},
		{"not a code", "HELLO WORLD!", "ours", Quick, "not one of them"},
		{"a letter U", strings.Replace(quick, quick[:1], "U", 1), "ours", Quick, "not one of them"},
		{"empty", "", "ours", Quick, "this one has 0"},
		{"very long", strings.Repeat("A", 10_000), "ours", Quick, "characters in groups of four"},
	}
	for _, tt := range tests {
		_, err := DecodeCode(b, tt.workshop, tt.mode, tt.typed)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v; want %q", tt.name, err, tt.want)
		}
	}
	if got := GroupedCode(strings.ToLower(strings.ReplaceAll(quick, " ", ""))); got != quick {
		t.Errorf("GroupedCode gave %q, want %q", got, quick)
	}
}

// recode rewrites the start of a code's bits and makes its check right
// again: a code as another version would write it.
func recode(t *testing.T, code string, edit func(w *bitWriter, r *bitReader)) string {
	t.Helper()
	digits, _ := codeDigits(code)
	r := &bitReader{digits: digits[:len(digits)-2]}
	var w bitWriter
	edit(&w, r)
	rest := len(r.digits)*5 - r.n
	w.put(r.get(rest), rest)
	data := w.digits()
	return groupCode(append(data, checkDigits(data)...))
}

func FuzzDecodeCode(f *testing.F) {
	code, _ := EncodeCode(Default(), "w", Quick, map[string]Answer{"Q2": {Level: Complex}})
	f.Add(code, "w", false)
	f.Add("0000 0000 0000", "x", true)
	f.Fuzz(func(t *testing.T, typed, workshop string, full bool) {
		mode := Quick
		if full {
			mode = Full
		}
		answers, err := DecodeCode(Default(), workshop, mode, typed)
		if err != nil {
			return
		}
		again, err := EncodeCode(Default(), workshop, mode, answers)
		if err != nil || GroupedCode(typed) != again {
			t.Fatalf("%q read as %v, which encodes as %q (%v)", typed, answers, again, err)
		}
	})
}

// BenchmarkEncodeCode makes rating codes, and reports their length for a
// quick scan and a full assessment, without the spaces between groups.
func BenchmarkEncodeCode(b *testing.B) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, mode := range []Mode{Quick, Full} {
		answers := randomAnswers(rng, mode)
		b.Run(string(mode), func(b *testing.B) {
			var code string
			for b.Loop() {
				code, _ = EncodeCode(Default(), "workshop", mode, answers)
			}
			b.ReportMetric(float64(len(strings.ReplaceAll(code, " ", ""))), "chars")
		})
	}
}
