package scoring

import (
	"slices"
	"strings"

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

// The priorities, highest first. The baseline checks come before all:
// they apply whatever the ratings.
const (
	PriorityCheck Priority = iota + 1
	PriorityComplex
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
	ItemID    string `json:"item,omitempty"`
	ItemTitle string `json:"itemTitle,omitempty"`
	// Check is the baseline check this line carries out, with what the
	// bank says of it; ItemID is empty then.
	Check       string `json:"check,omitempty"`
	CheckDetail string `json:"checkDetail,omitempty"`
	CheckNation string `json:"checkNations,omitempty"`
	// Links are the team's links from this line's item to others: risks
	// that travel together.
	Links    []q.Link `json:"links,omitempty"`
	Domain   string   `json:"domain"`
	Level    q.Level  `json:"level"`
	Priority Priority `json:"priority"`
	Origin   Origin   `json:"origin"`
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

// Agreed is whether the team has taken this line on: its own action, a
// suggestion it accepted or edited, or a baseline check it took up, and
// not dropped. A check found not to apply is settled, not agreed.
func (pa PlannedAction) Agreed() bool {
	return pa.Origin != Suggested && !pa.Dropped && (pa.Check == "" || pa.Status != q.DoesNotFit)
}

// AnyAgreed is whether any line of a plan is agreed.
func AnyAgreed(plan []PlannedAction) bool {
	return slices.ContainsFunc(plan, PlannedAction.Agreed)
}

// CheckState says where a baseline check stands: not yet taken on, with
// whom, done, or found not to apply.
func (pa PlannedAction) CheckState() string {
	switch {
	case pa.ActionID == "":
		return "To check"
	case pa.Status == q.Done || pa.Status == q.DoesNotFit:
		return pa.Status.Label()
	case pa.Owner == "":
		return "With no one yet: " + strings.ToLower(pa.Status.Label())
	}
	return "With " + pa.Owner + ": " + strings.ToLower(pa.Status.Label())
}

// Plan is the prioritised action plan: for each item rated complex, unknown
// or complicated (in that order, then in bank order), the bank's suggestions
// for its level, replaced by the team's version where it has one, then the
// team's other actions on that item. Team actions on items that no longer
// call for action come last: nothing the team wrote is lost.
func Plan(b *q.Bank, a *q.Assessment) []PlannedAction {
	byItem := map[string][]int{}
	for i, act := range a.Actions {
		if act.Check == "" {
			byItem[act.ItemID] = append(byItem[act.ItemID], i)
		}
	}
	used := make([]bool, len(a.Actions))
	var out []PlannedAction
	role := a.RoleOf()
	for _, c := range b.BaselineFor(role) {
		pa := PlannedAction{Check: c.ID, CheckDetail: c.Text, CheckNation: c.Nations, Priority: PriorityCheck,
			Origin: Suggested, Text: c.Title}
		if act := a.ActionForCheck(c.ID); act != nil {
			pa = fromAction(pa, *act, c.Title)
		}
		out = append(out, pa)
	}

	items := b.Items(a.Mode)
	asked := len(items)
	for _, it := range b.Items(otherMode(a.Mode)) {
		if len(byItem[it.ID]) > 0 {
			items = append(items, it)
		}
	}
	for n, it := range items {
		it = it.For(role)
		level := Effective(a, it.ID).Level
		if n >= asked {
			level = q.Unanswered // an item the mode does not ask has no rating here
		}
		levels := []q.Level{level}
		if n < asked && level != q.Unknown && !a.Team[it.ID].Level.Answered() && anyoneUnknown(a, it.ID) {
			// Someone did not know, and the middle rating stands in until
			// the team agrees: finding out stays in the plan.
			levels = append(levels, q.Unknown)
		}
		for _, l := range levels {
			base := PlannedAction{ItemID: it.ID, ItemTitle: it.Title, Domain: it.Domain, Level: l, Priority: priorityOf(l), Links: a.LinksOf(it.ID)}
			for k, text := range it.Actions.For(l) {
				pa := base
				pa.Key, pa.Text, pa.Origin = q.SuggestionKey(it.ID, l, k), text, Suggested
				for _, i := range byItem[it.ID] {
					if act := a.Actions[i]; !used[i] && act.Suggestion == pa.Key {
						used[i] = true
						pa = fromAction(base, act, text)
						break
					}
				}
				out = append(out, pa)
			}
		}
		base := PlannedAction{ItemID: it.ID, ItemTitle: it.Title, Domain: it.Domain, Level: level, Priority: priorityOf(level), Links: a.LinksOf(it.ID)}
		for _, i := range byItem[it.ID] {
			if !used[i] {
				used[i] = true
				out = append(out, fromAction(base, a.Actions[i], suggestionText(b, role, a.Actions[i].Suggestion)))
			}
		}
	}
	slices.SortStableFunc(out, func(x, y PlannedAction) int { return int(x.Priority) - int(y.Priority) })
	return out
}

// anyoneUnknown is whether anyone answered an item "don't know".
func anyoneUnknown(a *q.Assessment, itemID string) bool {
	return slices.ContainsFunc(a.Respondents, func(r q.Respondent) bool { return r.Answers[itemID].Level == q.Unknown })
}

// fromAction fills a plan line from the team's saved action. bankText is
// the suggestion it came from, if any, to tell accepted from edited.
func fromAction(base PlannedAction, act q.Action, bankText string) PlannedAction {
	pa := base
	pa.Key, pa.Text, pa.ActionID = act.Suggestion, act.Text, act.ID
	pa.Owner, pa.Due, pa.Status, pa.Dropped = act.Owner, act.Due, act.Status, act.Dropped
	switch {
	case act.Check != "":
		pa.Origin = Accepted // a baseline check the team has taken on
	case act.Suggestion == "":
		pa.Origin = Own
	case act.Text == bankText:
		pa.Origin = Accepted
	default:
		pa.Origin = Edited
	}
	return pa
}

func suggestionText(b *q.Bank, role q.Role, key string) string {
	id, level, i, ok := q.ParseSuggestionKey(key)
	if !ok || b.Item(id) == nil {
		return ""
	}
	if s := b.Item(id).For(role).Actions.For(level); i < len(s) {
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

// Top returns the first n actions of a plan that are not dropped, leaving
// out the baseline checks, which every plan has.
func Top(plan []PlannedAction, n int) []PlannedAction {
	var out []PlannedAction
	for _, pa := range plan {
		if len(out) == n {
			break
		}
		if !pa.Dropped && pa.Check == "" {
			out = append(out, pa)
		}
	}
	return out
}
