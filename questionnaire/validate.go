package questionnaire

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Text caps for what users write, in characters.
const (
	MaxNameLen     = 200    // names, roles, organisations, owners, labels
	MaxNoteLen     = 10_000 // notes and reflections
	MaxActionLen   = 1_000
	maxIDLen       = 64
	maxRespondents = 500
	maxActions     = 2_000
	maxHistory     = 200
)

// isID reports whether s is made only of letters, digits, - and _. A loop
// rather than a regexp: compiling one at start-up slows the app's first
// page.
func isID(s string) bool {
	for _, c := range []byte(s) {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '_':
		default:
			return false
		}
	}
	return s != ""
}

// Validate checks an assessment against its bank and the format's rules and
// returns the first problem, naming its field path.
func (a *Assessment) Validate() error {
	v := validator{}
	v.assessment(a)
	return v.err
}

type validator struct {
	err  error
	bank *Bank
}

func (v *validator) fail(path, format string, args ...any) {
	if v.err == nil {
		v.err = errAt(path, format, args...)
	}
}

func (v *validator) text(path, s string, most int) {
	if n := utf8.RuneCountInString(s); n > most {
		v.fail(path, "%d characters; the most this field holds is %d", n, most)
	}
}

func (v *validator) id(path, s string) {
	switch {
	case s == "":
		v.fail(path, "missing")
	case len(s) > maxIDLen || !isID(s):
		v.fail(path, "%q is not an ID (letters, digits, - and _, at most %d)", clip(s), maxIDLen)
	}
}

func (v *validator) date(path string, d Date, required bool) {
	if d == "" && !required {
		return
	}
	if _, ok := d.Time(); !ok {
		v.fail(path, "%q is not a date like 2026-11-23", clip(string(d)))
	}
}

func (v *validator) assessment(a *Assessment) {
	v.id("id", a.ID)
	if v.bank = LookupBank(a.Bank); v.bank == nil {
		v.fail("bank", "%s is not a question bank this version knows (%s)", a.Bank, knownBanks())
		return
	}
	if !a.Mode.Valid() {
		v.fail("mode", "%q is not a mode (quick or full)", clip(string(a.Mode)))
	}
	v.text("project.name", a.Project.Name, MaxNameLen)
	v.text("project.organisation", a.Project.Organisation, MaxNameLen)
	v.text("project.technology", a.Project.Technology, MaxNameLen)
	v.text("project.notes", a.Project.Notes, MaxNoteLen)
	if len(a.Respondents) > maxRespondents {
		v.fail("respondents", "%d respondents; the most is %d", len(a.Respondents), maxRespondents)
	}
	seen := map[string]int{}
	for i, r := range a.Respondents {
		p := fmt.Sprintf("respondents[%d]", i)
		v.id(p+".id", r.ID)
		if j, dup := seen[r.ID]; dup {
			v.fail(p+".id", "%q is also the ID of person %d", r.ID, j+1)
		}
		seen[r.ID] = i
		v.text(p+".name", r.Name, MaxNameLen)
		v.text(p+".role", r.Role, MaxNameLen)
		v.answers(p+".answers", r.Answers)
	}
	v.answers("team", a.Team)
	for _, id := range sortedKeys(a.Tallies) {
		p := fmt.Sprintf("tallies[%q]", clip(id))
		if v.bank.Item(id) == nil {
			v.fail(p, "no such item in bank %s", v.bank.Ref())
		}
		t := a.Tallies[id]
		for _, l := range AllLevels {
			if n := t.Of(l); n < 0 || n > maxRespondents {
				v.fail(p, "%d hands for %s; a count is 0 to %d", n, l, maxRespondents)
			}
		}
	}
	for _, k := range sortedKeys(a.Reflections) {
		p := fmt.Sprintf("reflections[%q]", clip(k))
		if v.bank.Domain(k) == nil {
			v.fail(p, "no such domain in bank %s", v.bank.Ref())
		}
		v.text(p, a.Reflections[k], MaxNoteLen)
	}
	v.actions(a.Actions)
	if len(a.History) > maxHistory {
		v.fail("history", "%d reviews; the most is %d", len(a.History), maxHistory)
	}
	for i, s := range a.History {
		p := fmt.Sprintf("history[%d]", i)
		v.date(p+".date", s.Date, true)
		v.text(p+".label", s.Label, MaxNameLen)
		if !s.Mode.Valid() {
			v.fail(p+".mode", "%q is not a mode (quick or full)", clip(string(s.Mode)))
		}
		v.answers(p+".answers", s.Answers)
	}
	for _, t := range []struct {
		path string
		year int
	}{{"created", a.Created.Year()}, {"updated", a.Updated.Year()}} {
		if t.year < 2000 || t.year > 9999 {
			v.fail(t.path, "missing, or a year (%d) no assessment was made in", t.year)
		}
	}
}

func (v *validator) answers(path string, answers map[string]Answer) {
	for _, id := range sortedKeys(answers) {
		p := fmt.Sprintf("%s[%q]", path, clip(id))
		ans := answers[id]
		if v.bank.Item(id) == nil {
			v.fail(p, "no such item in bank %s", v.bank.Ref())
		}
		if !ans.Level.Valid() {
			v.fail(p+".level", "%q is not a level (%s)", clip(string(ans.Level)), levelList())
		}
		v.text(p+".note", ans.Note, MaxNoteLen)
	}
}

func (v *validator) actions(actions []Action) {
	if len(actions) > maxActions {
		v.fail("actions", "%d actions; the most is %d", len(actions), maxActions)
	}
	seen := map[string]int{}
	for i, act := range actions {
		p := fmt.Sprintf("actions[%d]", i)
		v.id(p+".id", act.ID)
		if j, dup := seen[act.ID]; dup {
			v.fail(p+".id", "%q is also the ID of action %d", act.ID, j+1)
		}
		seen[act.ID] = i
		if v.bank.Item(act.ItemID) == nil {
			v.fail(p+".item", "%q: no such item in bank %s", clip(act.ItemID), v.bank.Ref())
		}
		if act.Suggestion != "" {
			if item, _, _, ok := ParseSuggestionKey(act.Suggestion); !ok || item != act.ItemID {
				v.fail(p+".suggestion", "%q is not a suggestion key for item %s (like %s/complex/0)", clip(act.Suggestion), act.ItemID, act.ItemID)
			}
		}
		v.text(p+".text", act.Text, MaxActionLen)
		v.text(p+".owner", act.Owner, MaxNameLen)
		v.date(p+".due", act.Due, false)
		if !act.Status.Valid() {
			v.fail(p+".status", "%q is not a status (not-started, in-progress, done)", clip(string(act.Status)))
		}
	}
}

// SuggestionKey names one suggested action in a bank: item, level, index.
func SuggestionKey(itemID string, level Level, i int) string {
	return fmt.Sprintf("%s/%s/%d", itemID, level, i)
}

// ParseSuggestionKey splits a key made by SuggestionKey.
func ParseSuggestionKey(key string) (itemID string, level Level, i int, ok bool) {
	parts := strings.Split(key, "/")
	if len(parts) != 3 {
		return "", "", 0, false
	}
	level = Level(parts[1])
	if _, err := fmt.Sscanf(parts[2], "%d", &i); err != nil || i < 0 || fmt.Sprint(i) != parts[2] {
		return "", "", 0, false
	}
	switch level {
	case Complicated, Complex, Unknown:
		return parts[0], level, i, true
	}
	return "", "", 0, false
}

func knownBanks() string {
	bs, _ := Banks()
	names := make([]string, len(bs))
	for i, b := range bs {
		names[i] = b.Ref().String()
	}
	return "it knows " + strings.Join(names, ", ")
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
