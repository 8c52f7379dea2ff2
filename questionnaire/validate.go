package questionnaire

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// maxIDLen caps the IDs of assessments, people and actions.
const maxIDLen = 64

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

// fail keeps the first problem: it is the one people are told, so nothing
// after it needs checking, and the checks below return early once set.
func (v *validator) fail(path, format string, args ...any) {
	if v.err == nil {
		v.err = errAt(path, format, args...)
	}
}

// text checks s against its rule. A path is made only for a problem, as
// making one for each of a large workshop's thousands of notes would cost
// more than checking them.
func (v *validator) text(path func() string, s string, r TextRule) {
	if v.err != nil {
		return
	}
	if e := r.check(s); e != nil {
		v.err = &Error{Path: path(), Msg: e.Error(), Err: e}
	}
}

// at is a fixed path for text.
func at(path string) func() string { return func() string { return path } }

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
	v.text(at("project.name"), a.Project.Name, NameText)
	v.text(at("project.organisation"), a.Project.Organisation, NameText)
	v.text(at("project.technology"), a.Project.Technology, NameText)
	v.text(at("project.notes"), a.Project.Notes, NoteText)
	v.text(at("project.problem"), a.Project.Problem, AboutText)
	v.text(at("project.success"), a.Project.Success, AboutText)
	v.text(at("project.decision"), a.Project.Decision, AboutText)
	v.text(at("project.setting"), a.Project.Setting, NameText)
	if !a.Role.Valid() {
		v.fail("role", "%q is not a role (implementer, builder or facilitator)", clip(string(a.Role)))
	}
	if !a.Project.Stage.Valid() {
		v.fail("project.stage", "%q is not a stage (idea, buying, pilot, scaling-up)", clip(string(a.Project.Stage)))
	}
	if len(a.Respondents) > MaxRespondents {
		v.fail("respondents", "%d people; the most one assessment holds is %d", len(a.Respondents), MaxRespondents)
	}
	seen := make(map[string]int, len(a.Respondents))
	for i, r := range a.Respondents {
		if v.err != nil {
			return
		}
		p := func() string { return "respondents[" + strconv.Itoa(i) + "]" }
		v.id(p()+".id", r.ID)
		if j, dup := seen[r.ID]; dup {
			v.fail(p()+".id", "%q is also the ID of person %d", r.ID, j+1)
		}
		seen[r.ID] = i
		v.text(func() string { return p() + ".name" }, r.Name, NameText)
		v.text(func() string { return p() + ".role" }, r.Role, NameText)
		v.time(func() string { return p() + ".rated" }, r.Rated, false)
		v.answers(func() string { return p() + ".answers" }, r.Answers)
	}
	v.answers(at("team"), a.Team)
	for _, id := range sortedKeys(a.Tallies) {
		p := fmt.Sprintf("tallies[%q]", clip(id))
		if v.bank.Item(id) == nil {
			v.fail(p, "no such item in bank %s", v.bank.Ref())
		}
		t := a.Tallies[id]
		for _, l := range AllLevels {
			if n := t.Of(l); n < 0 || n > MaxRespondents {
				v.fail(p, "%d hands for %s; a count is 0 to %d", n, l, MaxRespondents)
			}
		}
	}
	for _, k := range sortedKeys(a.Reflections) {
		p := fmt.Sprintf("reflections[%q]", clip(k))
		if v.bank.Domain(k) == nil {
			v.fail(p, "no such domain in bank %s", v.bank.Ref())
		}
		v.text(at(p), a.Reflections[k], NoteText)
	}
	v.domainLevels("domainLevels", a.DomainLevels)
	v.links("links", a.Links)
	v.actions(a.Actions)
	if a.Series != "" {
		v.id("series", a.Series)
	}
	v.date("nextReview", a.NextReview, false)
	if a.MadeWith != (Ref{}) && (!isID(a.MadeWith.ID) || a.MadeWith.Version < 1) {
		v.fail("madeWith", "%s is not a question bank's name and version", a.MadeWith)
	}
	if len(a.History) > MaxReviews {
		v.fail("history", "%d reviews; the most one assessment holds is %d", len(a.History), MaxReviews)
	}
	for i, s := range a.History {
		p := fmt.Sprintf("history[%d]", i)
		v.date(p+".date", s.Date, true)
		v.text(at(p+".label"), s.Label, NameText)
		if !s.Mode.Valid() {
			v.fail(p+".mode", "%q is not a mode (quick or full)", clip(string(s.Mode)))
		}
		v.answers(at(p+".answers"), s.Answers)
		v.domainLevels(p+".domainLevels", s.DomainLevels)
		v.links(p+".links", s.Links)
	}
	v.time(at("created"), a.Created, true)
	v.time(at("updated"), a.Updated, true)
}

// time checks a moment is in a year an assessment can be made in; an
// optional one may be unset.
func (v *validator) time(path func() string, t time.Time, required bool) {
	if t.IsZero() && !required {
		return
	}
	if y := t.Year(); y < 2000 || y > 9999 {
		v.fail(path(), "missing, or a year (%d) no assessment was made in", y)
	}
}

func (v *validator) answers(path func() string, answers map[string]Answer) {
	if v.err != nil {
		return
	}
	for _, id := range sortedKeys(answers) {
		ans := answers[id]
		p := func() string { return path() + "[" + strconv.Quote(clip(id)) + "]" }
		if v.bank.Item(id) == nil {
			v.fail(p(), "no such item in bank %s", v.bank.Ref())
		}
		if !ans.Level.Valid() {
			v.fail(p()+".level", "%q is not a level (%s)", clip(string(ans.Level)), levelList())
		}
		v.text(func() string { return p() + ".note" }, ans.Note, NoteText)
		if v.err != nil {
			return
		}
	}
}

func (v *validator) domainLevels(path string, levels map[string]DomainLevel) {
	for _, k := range sortedKeys(levels) {
		p := fmt.Sprintf("%s[%q]", path, clip(k))
		dl := levels[k]
		if v.bank.Domain(k) == nil {
			v.fail(p, "no such domain in bank %s", v.bank.Ref())
		}
		if !dl.Level.OnScale() {
			v.fail(p+".level", "%q is not a level a domain can be set to (simple, complicated, complex)", clip(string(dl.Level)))
		}
		if strings.TrimSpace(dl.Reason) == "" {
			v.fail(p+".reason", "missing: a level the team sets needs its reason")
		}
		v.text(at(p+".reason"), dl.Reason, AboutText)
	}
}

func (v *validator) links(path string, links []Link) {
	if len(links) > MaxLinks {
		v.fail(path, "%d links; the most one assessment holds is %d", len(links), MaxLinks)
	}
	seen := make(map[string]bool, len(links))
	for i, l := range links {
		p := fmt.Sprintf("%s[%d]", path, i)
		for _, x := range []struct{ name, id string }{{"a", l.A}, {"b", l.B}} {
			if v.bank.Item(x.id) == nil {
				v.fail(p+"."+x.name, "%q: no such item in bank %s", clip(x.id), v.bank.Ref())
			}
		}
		switch {
		case l.A == l.B:
			v.fail(p, "links %s to itself", clip(l.A))
		case l.ID != LinkID(l.A, l.B):
			v.fail(p+".id", "%q should be %q, naming the items it links", clip(l.ID), LinkID(l.A, l.B))
		case seen[l.ID]:
			v.fail(p, "links %s and %s a second time", l.A, l.B)
		}
		seen[l.ID] = true
		v.text(at(p+".note"), l.Note, AboutText)
	}
}

func (v *validator) actions(actions []Action) {
	if len(actions) > MaxActions {
		v.fail("actions", "%d actions; the most one plan holds is %d", len(actions), MaxActions)
	}
	seen := make(map[string]int, len(actions))
	checks := map[string]int{}
	for i, act := range actions {
		if v.err != nil {
			return
		}
		p := fmt.Sprintf("actions[%d]", i)
		v.id(p+".id", act.ID)
		if j, dup := seen[act.ID]; dup {
			v.fail(p+".id", "%q is also the ID of action %d", act.ID, j+1)
		}
		seen[act.ID] = i
		switch {
		case act.Check != "":
			if v.bank.Check(act.Check) == nil {
				v.fail(p+".check", "%q: no such check in bank %s", clip(act.Check), v.bank.Ref())
			}
			if act.ItemID != "" || act.Suggestion != "" {
				v.fail(p, "a baseline check's action is about no item")
			}
			if j, dup := checks[act.Check]; dup {
				v.fail(p+".check", "%q is also the check of action %d", act.Check, j+1)
			}
			checks[act.Check] = i
		case v.bank.Item(act.ItemID) == nil:
			v.fail(p+".item", "%q: no such item in bank %s", clip(act.ItemID), v.bank.Ref())
		}
		if act.Suggestion != "" {
			if item, _, _, ok := ParseSuggestionKey(act.Suggestion); !ok || item != act.ItemID {
				v.fail(p+".suggestion", "%q is not a suggestion key for item %s (like %s/complex/0)", clip(act.Suggestion), act.ItemID, act.ItemID)
			}
		}
		v.text(at(p+".text"), act.Text, ActionText)
		v.text(at(p+".owner"), act.Owner, NameText)
		v.date(p+".due", act.Due, false)
		if !act.Status.Valid() {
			v.fail(p+".status", "%q is not a status (not-started, in-progress, done, not-applicable)", clip(string(act.Status)))
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
