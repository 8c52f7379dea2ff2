package questionnaire

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// FindTerm is the byte index of term in s as a whole word, or -1. A term
// in capitals matches only in capitals (NICE, not "nice"); any other
// matches in any case. The app glosses a term where it first appears, and
// the report lists the terms it used, by this one rule.
func FindTerm(s, term string) int {
	return findTerm(s, strings.ToLower(s), term)
}

// findTerm is FindTerm given s in lower case too, which a search for
// many terms in one text makes only once.
func findTerm(s, lower, term string) int {
	hay, needle := s, term
	if strings.ToUpper(term) != term && len(lower) == len(s) {
		hay, needle = lower, strings.ToLower(term)
	}
	for from := 0; ; {
		i := strings.Index(hay[from:], needle)
		if i < 0 {
			return -1
		}
		i += from
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+len(term):])
		if !wordRune(before) && !wordRune(after) {
			return i
		}
		from = i + 1
	}
}

func wordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-')
}

// TermsIn lists, in the glossary's order, the terms any of texts uses.
func (b *Bank) TermsIn(texts ...string) []GlossaryEntry {
	lower := make([]string, len(texts))
	for i, s := range texts {
		lower[i] = strings.ToLower(s)
	}
	var out []GlossaryEntry
	for _, g := range b.Glossary {
		for i, s := range texts {
			if findTerm(s, lower[i], g.Term) >= 0 {
				out = append(out, g)
				break
			}
		}
	}
	return out
}
