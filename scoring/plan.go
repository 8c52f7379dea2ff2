package scoring

import (
	"slices"

	q "github.com/nasss-toolkit/nasss/questionnaire"
)

// Origin says where a planned action came from.
type Origin string

// The origins of a planned action.
const (
	// Suggested is a bank suggestion the team has not acted on yet.
	Suggested Origin = "suggested"
	// Accepted is a suggestion the team took as written.
	Accepted Origin = "accepted"
	// Edited is a suggestion the team rewrote.
	Edited Origin = "edited"
	// Own is an action the team wrote itself.
	Own Origin = "own"
)

// Priority orders the plan: what is complex first, then what nobody knows,
// then what is complicated, then anything else the team wrote down.
type Priority int

// The priorities, highest first.
const (
	PriorityComplex Priority = iota + 1
	PriorityUnknown
	PriorityComplicated
	PriorityOther
)

func priorityOf(l q.Level) Priority {
	switch l {
	case q.Complex:
		return PriorityComplex
	case q.Unknown:
		return PriorityUnknown
	case q.Complicated:
		return PriorityComplicated
	}
	return PriorityOther
}

// PlannedAction is one line of the action plan.
type PlannedAction struct {
	ItemID    string   `json:"item"`
	ItemTitle string   `json:"itemTitle"`
	Domain    string   `json:"domain"`
	Level     q.Level  `json:"level"`
	Priority  Priority `json:"priority"`
	Origin    Origin   `json:"origin"`
	// Key is the bank suggestion's key; empty for the team's own actions.
	Key  string `json:"key,omitempty"`
	Text string `json:"text"`
	// ActionID links to the team's saved action; empty while only suggested.
	ActionID string   `json:"actionId,omitempty"`
	Owner    string   `json:"owner,omitempty"`
	Due      q.Date   `json:"due,omitempty"`
	Status   q.Status `json:"status,omitempty"`
	Dropped  bool     `json:"dropped,omitempty"`
}

// Plan is the prioritised action plan: for each item rated complex, unknown
// or complicated (in that order, then in bank order), the bank's suggestions
// for its level, replaced by the team's version where it has one, then the
// team's other actions on that item. Team actions on items that no longer
// call for action come last: nothing the team wrote is lost.
func Plan(b *q.Bank, a *q.Assessment) []PlannedAction {
	byItem := map[string][]int{}
	for i, act := range a.Actions {
		byItem[act.ItemID] = append(byItem[act.ItemID], i)
	}
	used := make([]bool, len(a.Actions))
	var out []PlannedAction

	items := b.Items(a.Mode)
	asked := len(items)
	for _, it := range b.Items(otherMode(a.Mode)) {
		if len(byItem[it.ID]) > 0 {
			items = append(items, it)
		}
	}
	for n, it := range items {
		level := Effective(a, it.ID).Level
		if n >= asked {
			level = q.Unanswered // an item the mode does not ask has no rating here
		}
		base := PlannedAction{ItemID: it.ID, ItemTitle: it.Title, Domain: it.Domain, Level: level, Priority: priorityOf(level)}
		for k, text := range it.Actions.For(level) {
			pa := base
			pa.Key, pa.Text, pa.Origin = q.SuggestionKey(it.ID, level, k), text, Suggested
			for _, i := range byItem[it.ID] {
				if act := a.Actions[i]; !used[i] && act.Suggestion == pa.Key {
					used[i] = true
					pa = fromAction(base, act, text)
					break
				}
			}
			out = append(out, pa)
		}
		for _, i := range byItem[it.ID] {
			if !used[i] {
				used[i] = true
				out = append(out, fromAction(base, a.Actions[i], suggestionText(b, a.Actions[i].Suggestion)))
			}
		}
	}
	slices.SortStableFunc(out, func(x, y PlannedAction) int { return int(x.Priority) - int(y.Priority) })
	return out
}

// fromAction fills a plan line from the team's saved action. bankText is
// the suggestion it came from, if any, to tell accepted from edited.
func fromAction(base PlannedAction, act q.Action, bankText string) PlannedAction {
	pa := base
	pa.Key, pa.Text, pa.ActionID = act.Suggestion, act.Text, act.ID
	pa.Owner, pa.Due, pa.Status, pa.Dropped = act.Owner, act.Due, act.Status, act.Dropped
	switch {
	case act.Suggestion == "":
		pa.Origin = Own
	case act.Text == bankText:
		pa.Origin = Accepted
	default:
		pa.Origin = Edited
	}
	return pa
}

func suggestionText(b *q.Bank, key string) string {
	id, level, i, ok := q.ParseSuggestionKey(key)
	if !ok || b.Item(id) == nil {
		return ""
	}
	if s := b.Item(id).Actions.For(level); i < len(s) {
		return s[i]
	}
	return ""
}

func otherMode(m q.Mode) q.Mode {
	if m == q.Quick {
		return q.Full
	}
	return q.Quick
}

// Top returns the first n actions of a plan that are not dropped.
func Top(plan []PlannedAction, n int) []PlannedAction {
	var out []PlannedAction
	for _, pa := range plan {
		if len(out) == n {
			break
		}
		if !pa.Dropped {
			out = append(out, pa)
		}
	}
	return out
}
