package questionnaire

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TextRule is what one kind of text field may hold. It is the one table of
// limits: the app caps each field on screen with it, the store checks a
// change against it before saving, and Decode checks every file with it.
type TextRule struct {
	// Max is the most characters (Unicode code points) the field holds.
	Max int
	// Lines allows line breaks and tabs; a one-line field allows neither.
	Lines bool
}

// The kinds of text people write.
var (
	// NameText is for names, roles, organisations, owners and labels:
	// one line, normalised to Unicode NFC so that the same name typed on
	// two devices is the same name.
	NameText = TextRule{Max: 200}
	// NoteText is for notes and reflections.
	NoteText = TextRule{Max: 10_000, Lines: true}
	// ActionText is for the text of an action in the plan.
	ActionText = TextRule{Max: 1_000, Lines: true}
	// AboutText is for a few sentences: the project's problem, success and
	// decision, the reason for a domain's level, the note on a link.
	AboutText = TextRule{Max: 1_000, Lines: true}
)

// How many of each thing one assessment may hold. With MaxFileSize they
// keep a file, and a stored record, to a size every device can handle.
const (
	MaxRespondents = 500
	MaxActions     = 2_000
	MaxReviews     = 200
	MaxLinks       = 300
)

// TextError is why a piece of text breaks its rule.
type TextError struct {
	// Chars is the text's length and Max the rule's, when it is too long.
	Chars, Max int
	// Control is the forbidden character found, and At its position
	// (counting from 1), when the text holds one.
	Control rune
	At      int
	// NotNFC reports a one-line text that is not in Unicode's normal form C.
	NotNFC bool
}

func (e *TextError) Error() string {
	switch {
	case e.Control != 0 || e.At > 0:
		return fmt.Sprintf("has %s at character %d, which no text may hold: remove it", ControlName(e.Control), e.At)
	case e.NotNFC:
		return "is not in Unicode normal form C (NFC): the app normalises text before saving, so this was written by something else"
	}
	return fmt.Sprintf("has %s characters; the most this field holds is %s", Thousands(e.Chars), Thousands(e.Max))
}

// Check reports the first thing in s the rule does not allow: a control
// character (a line break or tab in a one-line field), one-line text not in
// NFC, or more characters than Max. It returns nil, not a nil *TextError,
// when s is fine.
func (r TextRule) Check(s string) error {
	if e := r.check(s); e != nil {
		return e
	}
	return nil
}

func (r TextRule) check(s string) *TextError {
	// Bytes, not runes: this runs over every note of a workshop at every
	// save, and decoding each character costs the browser more than the
	// save's other work. A character starts at each byte that is not a
	// continuation byte; C1 controls are 0xc2 0x80 to 0xc2 0x9f in UTF-8.
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c&0xc0 != 0x80 {
			n++
		}
		switch {
		case c < 0x20 || c == 0x7f:
			if !(r.Lines && (c == '\n' || c == '\t')) {
				return &TextError{Control: rune(c), At: n}
			}
		case c == 0xc2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9f:
			return &TextError{Control: rune(s[i+1]), At: n}
		}
	}
	if n > r.Max {
		return &TextError{Chars: n, Max: r.Max}
	}
	if !r.Lines && !isNFC(s) {
		return &TextError{NotNFC: true}
	}
	return nil
}

// Thousands writes a whole number as people read it: 10,000.
func Thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// ControlName names a control character as people can look it up.
func ControlName(c rune) string {
	names := map[rune]string{0: "a NUL character", '\t': "a tab", '\n': "a line break", '\r': "a carriage return",
		0x1b: "an escape character (U+001B)", 0x7f: "a delete character (U+007F)"}
	if n, ok := names[c]; ok {
		return n
	}
	return fmt.Sprintf("a control character (U+%04X)", c)
}

// isNFC is cheap for the usual case: text with nothing from U+0300 on
// (where the combining marks start) is already NFC.
func isNFC(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0xcc { // the first byte of U+0300 and beyond
			return norm.NFC.IsNormalString(s)
		}
	}
	return true
}

// CleanText makes text typed or read from elsewhere fit its rule where
// that loses nothing: a one-line text gets spaces for line breaks and tabs
// and is normalised to NFC; a text of several lines gets Unix line breaks
// for every other kind (Windows's, old Macs', and the vertical tabs, form
// feeds and next-line characters that text pasted from slides and PDFs
// carries). Bytes that are not UTF-8 become U+FFFD, as they would in any
// JSON file. Other control characters stay, so that Check can say where
// they are.
func (r TextRule) CleanText(s string) string {
	if r.Lines && plainLines(s) {
		return s // nearly always: this runs on every note of a workshop at every save
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if r.Lines {
		if !hasBreak(s, true) {
			return s // nearly always: this runs on every note of a workshop at every save
		}
		return lineBreaks.Replace(s)
	}
	if hasBreak(s, false) {
		s = spaces.Replace(s)
	}
	if !isNFC(s) {
		s = norm.NFC.String(s)
	}
	return s
}

// plainLines reports, in one pass over the bytes, text of several lines
// that CleanText leaves as it is: ASCII with no line breaks but Unix
// ones. Anything else takes the longer way.
func plainLines(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || c == '\r' || c == '\v' || c == '\f' {
			return false
		}
	}
	return true
}

// hasBreak reports, in one pass over the bytes, whether s holds a line
// break CleanText changes: any but a Unix one in text of several lines,
// any at all (or a tab) in one line.
func hasBreak(s string, lines bool) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\r', c == '\v', c == '\f':
			return true
		case c == '\n', c == '\t':
			if !lines {
				return true
			}
		case c == 0xc2 && i+1 < len(s) && s[i+1] == 0x85: // U+0085, next line
			return true
		}
	}
	return false
}

var (
	lineBreaks = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\v", "\n", "\f", "\n", "\u0085", "\n")
	spaces     = strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ", "\t", " ", "\v", " ", "\f", " ", "\u0085", " ")
)

// Normalize cleans every text of the assessment by its rule (see
// CleanText). Decode does it to every file before checking it, and the
// app before every save, so that what is saved is what loads.
func (a *Assessment) Normalize() {
	name := func(s *string) { *s = NameText.CleanText(*s) }
	note := func(s *string) { *s = NoteText.CleanText(*s) }
	notes := func(m map[string]Answer) {
		for id, ans := range m {
			if n := NoteText.CleanText(ans.Note); n != ans.Note {
				ans.Note = n
				m[id] = ans
			}
		}
	}
	about := func(s *string) { *s = AboutText.CleanText(*s) }
	levels := func(m map[string]DomainLevel) {
		for k, dl := range m {
			dl.Reason = AboutText.CleanText(dl.Reason)
			m[k] = dl
		}
	}
	links := func(l []Link) {
		for i := range l {
			about(&l[i].Note)
		}
	}
	name(&a.Project.Name)
	name(&a.Project.Organisation)
	name(&a.Project.Technology)
	note(&a.Project.Notes)
	about(&a.Project.Problem)
	about(&a.Project.Success)
	about(&a.Project.Decision)
	levels(a.DomainLevels)
	links(a.Links)
	for i := range a.Respondents {
		name(&a.Respondents[i].Name)
		name(&a.Respondents[i].Role)
		notes(a.Respondents[i].Answers)
	}
	notes(a.Team)
	for k, s := range a.Reflections {
		a.Reflections[k] = NoteText.CleanText(s)
	}
	for i := range a.Actions {
		a.Actions[i].Text = ActionText.CleanText(a.Actions[i].Text)
		name(&a.Actions[i].Owner)
	}
	for i := range a.History {
		name(&a.History[i].Label)
		notes(a.History[i].Answers)
		levels(a.History[i].DomainLevels)
		links(a.History[i].Links)
	}
}
