package questionnaire

import (
	"fmt"
	"reflect"
	"strings"
)

// Merge gathers several files of one workshop into the first: everyone's
// ratings as respondents, the agreed ratings, reflections, actions and
// reviews. Nothing anyone wrote is dropped. What could not be merged
// cleanly is reported, one plain sentence each; files from different
// question banks are an error.
func Merge(files []*Assessment) (*Assessment, []string, error) {
	if len(files) == 0 {
		return nil, nil, fmt.Errorf("nothing to merge")
	}
	out := clone(files[0])
	var notes []string
	note := func(format string, args ...any) { notes = append(notes, fmt.Sprintf(format, args...)) }
	for n, f := range files[1:] {
		file := n + 2
		if f.Bank != out.Bank {
			return nil, nil, fmt.Errorf("file %d uses question bank %s, file 1 uses %s: they cannot be merged", file, f.Bank, out.Bank)
		}
		if f.Mode != out.Mode {
			note("file %d is a %s assessment and file 1 a %s one: its answers are kept, but only the %s questions count", file, f.Mode, out.Mode, out.Mode)
		}
		if f.Project != out.Project {
			note("file %d describes the project differently: file 1's details are kept", file)
		}
		for _, r := range f.Respondents {
			mergeRespondent(out, r, file, note)
		}
		for id, ans := range f.Team {
			if out.Team == nil {
				out.Team = map[string]Answer{}
			}
			mine := out.Team[id]
			switch {
			case mine.Level == Unanswered:
				mine.Level = ans.Level
			case ans.Level != Unanswered && ans.Level != mine.Level:
				note("the agreed rating of %s differs: file 1's %q is kept, file %d says %q", id, mine.Level.Label(), file, ans.Level.Label())
			}
			mine.Note = joinText(mine.Note, ans.Note)
			out.Team[id] = mine
		}
		for id, t := range f.Tallies {
			switch mine, ok := out.Tallies[id]; {
			case !ok:
				if out.Tallies == nil {
					out.Tallies = map[string]Tally{}
				}
				out.Tallies[id] = t
			case mine != t:
				note("file %d counted hands for %s differently: file 1's count is kept", file, id)
			}
		}
		for id, text := range f.Reflections {
			if out.Reflections == nil {
				out.Reflections = map[string]string{}
			}
			out.Reflections[id] = joinText(out.Reflections[id], text)
		}
		for _, act := range f.Actions {
			if !hasAction(out, act) {
				out.AddAction(act)
			}
		}
		for _, s := range f.History {
			if !hasSnapshot(out, s) {
				out.History = append(out.History, s)
			}
		}
		if f.Updated.After(out.Updated) {
			out.Updated = f.Updated
		}
	}
	if err := out.Validate(); err != nil {
		return nil, nil, fmt.Errorf("the merged workshop is not valid: %w", err)
	}
	return out, notes, nil
}

// mergeRespondent adds a respondent, recognising one imported twice: the
// same ID (or the one an earlier merge renamed it to) with the same name,
// ratings and notes. Two anonymous people who rated alike keep their own
// IDs, so both count.
func mergeRespondent(out *Assessment, r Respondent, file int, note func(string, ...any)) {
	for i, mine := range out.Respondents {
		same := mine
		same.ID = r.ID
		if (mine.ID == r.ID || strings.HasPrefix(mine.ID, r.ID+"-")) && reflect.DeepEqual(same, r) {
			note("%s from file %d is already in the workshop: the copy was skipped", r.Label(i), file)
			return
		}
	}
	for _, mine := range out.Respondents {
		if mine.ID != r.ID {
			continue
		}
		id := r.ID
		for k := 2; out.respondent(id) != nil; k++ {
			id = fmt.Sprintf("%s-%d", r.ID, k)
		}
		note("file %d has a different respondent with the ID %q: added as %q", file, r.ID, id)
		r.ID = id
		break
	}
	out.Respondents = append(out.Respondents, r)
}

func (a *Assessment) respondent(id string) *Respondent {
	for i := range a.Respondents {
		if a.Respondents[i].ID == id {
			return &a.Respondents[i]
		}
	}
	return nil
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

// clone deep-copies an assessment through its own file format.
func clone(a *Assessment) *Assessment {
	data, err := Encode(a)
	if err != nil {
		panic(err)
	}
	var c Assessment
	if err := strictDecode(data, &c); err != nil {
		panic(err)
	}
	return &c
}
