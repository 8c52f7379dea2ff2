package questionnaire

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
)

// Merge gathers several files of one workshop into the first: everyone's
// ratings as respondents, the agreed ratings, reflections, actions and
// reviews. Nothing anyone wrote is dropped without a note saying where it
// still is. What could not be merged cleanly is reported, one plain
// sentence each. Files from different question banks, and a result over
// any of the caps a file must keep to (people, actions, reviews, size), are
// errors: the caps are checked as the work goes, so a hopeless merge stops
// early, and the result is what EncodeCompact accepts.
func Merge(files []*Assessment) (*Assessment, []string, error) {
	if len(files) == 0 {
		return nil, nil, fmt.Errorf("nothing to merge")
	}
	out := Clone(files[0])
	m := &merger{out: out, byID: map[string][]int{}}
	for i, r := range out.Respondents {
		m.byID[r.ID] = append(m.byID[r.ID], i)
	}
	for n, f := range files[1:] {
		file := n + 2
		if f.Bank != out.Bank {
			return nil, nil, fmt.Errorf("file %d uses question bank %s, file 1 uses %s: they cannot be merged", file, f.Bank, out.Bank)
		}
		if f.Mode != out.Mode {
			m.note("file %d is a %s assessment and file 1 a %s one: its answers are kept, but only the %s questions count", file, f.Mode, out.Mode, out.Mode)
		}
		if f.Project != out.Project {
			m.note("file %d describes the project differently: file 1's details are kept", file)
		}
		for _, r := range f.Respondents {
			m.respondent(r, file)
			if len(out.Respondents) > MaxRespondents {
				return nil, nil, fmt.Errorf("together these files hold more than %d people, the most one workshop can hold: merge them in smaller groups", MaxRespondents)
			}
		}
		for _, id := range sortedKeys(f.Team) {
			ans := f.Team[id]
			if out.Team == nil {
				out.Team = map[string]Answer{}
			}
			mine := out.Team[id]
			switch {
			case mine.Level == Unanswered:
				mine.Level = ans.Level
			case ans.Level != Unanswered && ans.Level != mine.Level:
				m.note("the agreed rating of %s differs: file 1's %q is kept, file %d says %q", id, mine.Level.Label(), file, ans.Level.Label())
			}
			mine.Note = m.join(mine.Note, ans.Note, NoteText, file, "the agreed note on "+id)
			out.Team[id] = mine
		}
		for _, id := range sortedKeys(f.Tallies) {
			t := f.Tallies[id]
			switch mine, ok := out.Tallies[id]; {
			case !ok:
				if out.Tallies == nil {
					out.Tallies = map[string]Tally{}
				}
				out.Tallies[id] = t
			case mine != t:
				m.note("file %d counted hands for %s differently: file 1's count is kept", file, id)
			}
		}
		for _, id := range sortedKeys(f.DomainLevels) {
			dl := f.DomainLevels[id]
			if out.DomainLevels == nil {
				out.DomainLevels = map[string]DomainLevel{}
			}
			switch mine, ok := out.DomainLevels[id]; {
			case !ok:
				out.DomainLevels[id] = dl
			case mine.Level != dl.Level:
				m.note("the level set for domain %s differs: file 1's %q is kept, file %d says %q", id, mine.Level.Label(), file, dl.Level.Label())
			default:
				mine.Reason = m.join(mine.Reason, dl.Reason, AboutText, file, "the reason for domain "+id+"'s level")
				out.DomainLevels[id] = mine
			}
		}
		for _, l := range f.Links {
			if mine := out.LinkOf(l.A, l.B); mine != nil {
				mine.Note = m.join(mine.Note, l.Note, AboutText, file, "the note on the link between "+l.A+" and "+l.B)
				continue
			}
			if len(out.Links) >= MaxLinks {
				return nil, nil, fmt.Errorf("together these files hold more than %d links, the most one assessment can hold", MaxLinks)
			}
			out.Links = append(out.Links, l)
		}
		for _, id := range sortedKeys(f.Reflections) {
			if out.Reflections == nil {
				out.Reflections = map[string]string{}
			}
			out.Reflections[id] = m.join(out.Reflections[id], f.Reflections[id], NoteText, file, "the reflection on domain "+id)
		}
		for _, act := range f.Actions {
			if act.Check != "" {
				if mine := out.ActionForCheck(act.Check); mine != nil {
					if mine.Status != act.Status || mine.Owner != act.Owner || mine.Text != act.Text {
						m.note("file %d tracks the check %q differently: file 1's is kept", file, act.Check)
					}
					continue
				}
			}
			if !hasAction(out, act) {
				if len(out.Actions) >= MaxActions {
					return nil, nil, fmt.Errorf("together these files hold more than %d actions, the most one plan can hold", MaxActions)
				}
				out.AddAction(act)
			}
		}
		for _, s := range f.History {
			if !hasSnapshot(out, s) {
				if len(out.History) >= MaxReviews {
					return nil, nil, fmt.Errorf("together these files hold more than %d reviews, the most one assessment can hold", MaxReviews)
				}
				out.History = append(out.History, s)
			}
		}
		if f.Updated.After(out.Updated) {
			out.Updated = f.Updated
		}
	}
	out.Normalize()
	if _, err := EncodeCompact(out); err != nil {
		var size *SizeError
		if errors.As(err, &size) {
			return nil, nil, fmt.Errorf("together these files would make a workshop of %s, more than the %s one assessment can hold: merge fewer files at a time, or ask people to shorten long notes",
				KB(size.Size), KB(MaxFileSize))
		}
		return nil, nil, fmt.Errorf("the merged workshop is not valid: %w", err)
	}
	return out, m.notes, nil
}

// merger is a merge under way: the result, its respondents by ID (an
// index, so that a large merge is not quadratic), and the notes so far.
type merger struct {
	out   *Assessment
	byID  map[string][]int
	notes []string
}

func (m *merger) note(format string, args ...any) {
	m.notes = append(m.notes, fmt.Sprintf(format, args...))
}

// respondent adds a respondent, recognising one imported twice: the same
// ID (or the one an earlier merge renamed it to) with the same name,
// ratings and notes. Two anonymous people who rated alike keep their own
// IDs, so both count. Names are compared in NFC, as stored.
func (m *merger) respondent(r Respondent, file int) {
	r.Name, r.Role = NameText.CleanText(r.Name), NameText.CleanText(r.Role)
	for _, i := range m.byID[r.ID] {
		same := m.out.Respondents[i]
		same.ID = r.ID
		if reflect.DeepEqual(same, r) {
			m.note("%s from file %d is already in the workshop: the copy was skipped", r.Label(i), file)
			return
		}
	}
	if len(m.byID[r.ID]) > 0 {
		id := r.ID
		for k := 2; m.taken(id); k++ {
			id = fmt.Sprintf("%s-%d", r.ID, k)
		}
		m.note("file %d has a different respondent with the ID %q: added as %q", file, r.ID, id)
		// Found again under its first ID when it is imported once more.
		m.byID[r.ID] = append(m.byID[r.ID], len(m.out.Respondents))
		r.ID = id
	}
	m.byID[r.ID] = append(m.byID[r.ID], len(m.out.Respondents))
	m.out.Respondents = append(m.out.Respondents, r)
}

// taken reports whether a respondent of the result has the ID.
func (m *merger) taken(id string) bool {
	for _, i := range m.byID[id] {
		if m.out.Respondents[i].ID == id {
			return true
		}
	}
	return false
}

// join keeps both texts when they differ, unless together they would break
// the field's rule: then the first stays, and a note says where the
// second still is.
func (m *merger) join(a, b string, rule TextRule, file int, what string) string {
	joined := joinText(a, b)
	if rule.Check(joined) != nil {
		m.note("%s from file %d was not added: with file 1's it would be longer than %d characters. It is still in file %d", what, file, rule.Max, file)
		return a
	}
	return joined
}

func hasAction(a *Assessment, act Action) bool {
	for _, mine := range a.Actions {
		if mine.ItemID == act.ItemID && mine.Suggestion == act.Suggestion && mine.Text == act.Text {
			return true
		}
	}
	return false
}

func hasSnapshot(a *Assessment, s Snapshot) bool {
	for _, mine := range a.History {
		if reflect.DeepEqual(mine, s) {
			return true
		}
	}
	return false
}

// joinText keeps both texts when they differ.
func joinText(a, b string) string {
	switch {
	case b == "" || strings.Contains(a, b):
		return a
	case a == "":
		return b
	}
	return a + "\n\n" + b
}

// Clone deep-copies an assessment through JSON, valid or not.
func Clone(a *Assessment) *Assessment {
	data, err := json.Marshal(a)
	if err != nil {
		panic(err) // only a time out of JSON's range fails, and Validate bars those
	}
	var c Assessment
	if err := json.Unmarshal(data, &c); err != nil {
		panic(err) // cannot happen: the JSON was made from the same type
	}
	return &c
}
