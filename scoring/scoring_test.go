package scoring

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	q "github.com/nasss-toolkit/nasss/questionnaire"
)

// Short names keep the tables readable.
const (
	S  = q.Simple
	C  = q.Complicated
	X  = q.Complex
	U  = q.Unknown
	NA = q.NotApplicable
	_0 = q.Unanswered
)

var bank = q.Default()

// assess makes a valid assessment in which each respondent rated the given
// items.
func assess(mode q.Mode, ratings ...map[string]q.Level) *q.Assessment {
	a := q.New(bank, "t", mode, time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC))
	a.Respondents = nil
	for i, r := range ratings {
		resp := q.Respondent{ID: fmt.Sprintf("r%d", i+1), Answers: map[string]q.Answer{}}
		for id, l := range r {
			resp.Answers[id] = q.Answer{Level: l}
		}
		a.Respondents = append(a.Respondents, resp)
	}
	if err := a.Validate(); err != nil {
		panic(err)
	}
	return a
}

func TestDomainResults(t *testing.T) {
	a := assess(q.Full, map[string]q.Level{
		"1A": S, "1B": C, // complicated
		"2A": S, "2B": X, "2C": U, "2D": NA, // complex, uncertain, 2E unanswered
		"3A": U, "3B": U, // only unknowns: no level, uncertain
		"4A": NA, "4B": NA, "4C": NA, // nothing applicable
	})
	p := Score(bank, a)
	tests := []struct {
		domain               int
		level                q.Level
		counts               Counts
		uncertain            bool
		answered, applicable int
	}{
		{0, C, Counts{Simple: 1, Complicated: 1}, false, 2, 2},
		{1, X, Counts{Simple: 1, Complex: 1, Unknown: 1, NotApplicable: 1, Unanswered: 1}, true, 3, 4},
		{2, _0, Counts{Unknown: 2}, true, 2, 2},
		{3, _0, Counts{NotApplicable: 3}, false, 0, 0},
		{4, _0, Counts{Unanswered: 5}, false, 0, 5},
	}
	for _, tt := range tests {
		d := p.Domains[tt.domain]
		if d.Level != tt.level || d.Counts != tt.counts || d.Uncertain != tt.uncertain || d.Answered != tt.answered || d.Applicable != tt.applicable {
			t.Errorf("domain %s: level %q counts %+v uncertain %v progress %d of %d\nwant level %q counts %+v uncertain %v progress %d of %d",
				d.ID, d.Level, d.Counts, d.Uncertain, d.Answered, d.Applicable,
				tt.level, tt.counts, tt.uncertain, tt.answered, tt.applicable)
		}
	}
	if !slices.Equal(p.ComplexDomains, []string{"2"}) || !slices.Equal(p.UncertainDomains, []string{"2", "3"}) {
		t.Errorf("complex %v, uncertain %v", p.ComplexDomains, p.UncertainDomains)
	}
	var unknowns []string
	for _, u := range p.Unknowns {
		unknowns = append(unknowns, u.ID)
	}
	if !slices.Equal(unknowns, []string{"2C", "3A", "3B"}) {
		t.Errorf("unknowns %v", unknowns)
	}
	if p.Complete() || p.Answered != 7 || p.Applicable != 20 {
		t.Errorf("progress %d of %d", p.Answered, p.Applicable)
	}
	if p.NotApplicable() != 4 {
		t.Errorf("%d not applicable, want 4", p.NotApplicable())
	}
	var open []string
	for _, u := range p.Unanswered() {
		open = append(open, u.Domain+"/"+u.ID)
	}
	if want := []string{"2/2E", "5/5A", "5/5B", "5/5C", "5/5D", "5/5E"}; !slices.Equal(open[:6], want) || len(open) != 13 {
		t.Errorf("unanswered %v, want %v then 7 more", open, want)
	}
	if p.FirstOpenDomain() != 2 {
		t.Errorf("first open domain %d, want 2", p.FirstOpenDomain())
	}
	if p.Spreads() != nil {
		t.Errorf("one person, yet spreads %v", p.Spreads())
	}
}

// TestProgressHelpers covers the ends: everything answered, and several
// people, some disagreeing.
func TestProgressHelpers(t *testing.T) {
	all := map[string]q.Level{}
	for _, it := range bank.Items(q.Quick) {
		all[it.ID] = S
	}
	done := Score(bank, assess(q.Quick, all))
	if !done.Complete() || done.FirstOpenDomain() != 1 || done.Unanswered() != nil || done.NotApplicable() != 0 {
		t.Errorf("a complete scan: first open %d, unanswered %v, not applicable %d", done.FirstOpenDomain(), done.Unanswered(), done.NotApplicable())
	}
	two := Score(bank, assess(q.Quick, map[string]q.Level{"Q1": S, "Q2": C}, map[string]q.Level{"Q1": X, "Q2": C}))
	spreads := two.Spreads()
	if len(spreads) != 7 {
		t.Fatalf("%d spreads for a quick scan by two people, want 7", len(spreads))
	}
	var flagged []string
	for _, s := range NeedingDiscussion(spreads) {
		flagged = append(flagged, s.ItemID)
	}
	if !slices.Contains(flagged, "Q1") || slices.Contains(flagged, "Q2") {
		t.Errorf("flagged %v: want Q1 (simple against complex), not Q2 (agreed)", flagged)
	}
}

// fullLevels makes a full assessment's answers: every item at level
// all, except those listed.
func fullLevels(all q.Level, except map[string]q.Level) map[string]q.Level {
	out := map[string]q.Level{}
	for _, it := range bank.Items(q.Full) {
		if l, ok := except[it.ID]; ok {
			if l != _0 {
				out[it.ID] = l
			}
			continue
		}
		if all != _0 {
			out[it.ID] = all
		}
	}
	return out
}

// TestReading reads hand-made profiles, among them the four cases the
// content review found misleading (A to D).
func TestReading(t *testing.T) {
	quick := func(levels ...q.Level) map[string]q.Level {
		r := map[string]q.Level{}
		for i, l := range levels {
			if l != _0 {
				r[fmt.Sprintf("Q%d", i+1)] = l
			}
		}
		return r
	}
	complexIn := func(domains ...string) map[string]q.Level {
		m := map[string]q.Level{}
		for _, it := range bank.Items(q.Full) {
			if slices.Contains(domains, it.Domain) {
				m[it.ID] = X
			}
		}
		return m
	}
	tests := []struct {
		name     string
		mode     q.Mode
		levels   map[string]q.Level
		team     map[string]q.DomainLevel
		band     Band
		headline string
		says     []string
		never    []string
	}{
		{"nothing answered", q.Quick, quick(), nil, NoReading, "Not finished: 0 of 7 answered", []string{"Answer the questions"}, nil},
		{"A: all but two unknown", q.Full, fullLevels(U, map[string]q.Level{"1A": S, "1B": S}), nil,
			NotKnown, "No domain is complex, but 6 of 7 are not known enough", []string{"Not knowing is itself a sign of complexity"}, []string{"good project management"}},
		{"mostly unknown, unfinished", q.Quick, quick(U, U, S), nil, NotKnown, "Not finished: 3 of 7 answered",
			[]string{"This reading is partial", "4 questions are not answered yet"}, []string{"good project management"}},
		{"one of 24 answered", q.Full, fullLevels(_0, map[string]q.Level{"1A": S}), nil, Manageable, "Not finished: 1 of 24 answered",
			[]string{"This reading is partial", "23 questions are not answered yet", "7 of 7 are not fully answered"},
			[]string{"good project management", "Good project management", "none of the 7 is left unknown"}},
		{"B: all complicated", q.Full, fullLevels(C, nil), nil, Manageable, "No domain is complex, and none of the 7 is left unknown",
			[]string{"7 of 7 domains are complicated", "affect each other"}, []string{"rarely"}},
		{"all simple", q.Full, fullLevels(S, nil), nil, Manageable, "No domain is complex, and none of the 7 is left unknown",
			[]string{"Good project management should carry"}, nil},
		{"C: three isolated complex items", q.Full, fullLevels(S, map[string]q.Level{"2E": X, "6D": X, "7B": X}), nil,
			ComplexItems, "3 of 7 domains have one complex question", []string{"a single question", "2E", "6D", "7B"}, []string{"several domains"}},
		{"D: two domains wholly complex", q.Full, fullLevels(C, complexIn("4", "5")), nil,
			SeveralComplex, "2 of 7 domains are complex", []string{"several domains", "rule of thumb", "4A, 4B, 4C"}, nil},
		{"one domain complex, with unknowns", q.Quick, quick(X, S, C, U, S, S, S), nil, OneComplex,
			"1 of 7 domains is complex; 1 is not known enough", []string{"Find out what you don't know"}, nil},
		{"the team judges isolated items: one spreads, two do not", q.Full, fullLevels(S, map[string]q.Level{"2E": X, "6D": X, "7B": X}),
			map[string]q.DomainLevel{"2": {Level: X, Reason: "It spreads: the supplier's terms affect every part."}, "6": {Level: C, Reason: "One issue."}, "7": {Level: C, Reason: "One issue."}},
			OneComplex, "1 of 7 domains is complex", []string{"set by the team"}, nil},
		{"the team sets a level on a quick scan", q.Quick, quick(X, X, S, S, S, S, S),
			map[string]q.DomainLevel{"1": {Level: C, Reason: "Manageable with the specialist team."}},
			OneComplex, "1 of 7 domains is complex", []string{"(Q2)"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := assess(tt.mode, tt.levels)
			a.DomainLevels = tt.team
			p := Score(bank, a)
			r := p.Reading
			text := r.Headline + " " + r.Counts + " " + r.Meaning + " " + r.Why
			if r.Band != tt.band || r.Headline != tt.headline {
				t.Errorf("%s %q, want %s %q", r.Band, r.Headline, tt.band, tt.headline)
			}
			for _, w := range tt.says {
				if !strings.Contains(text, w) {
					t.Errorf("the reading lacks %q: %s", w, text)
				}
			}
			for _, w := range tt.never {
				if strings.Contains(text, w) {
					t.Errorf("the reading says %q: %s", w, text)
				}
			}
			if strings.ContainsAny(text, "123") && strings.Contains(text, "score") {
				t.Errorf("the reading gives levels as scores: %s", text)
			}
		})
	}
}

// TestDomainPrompts: one complex item alone, and a domain mostly
// complicated, each ask the team to look again; a level the team set
// asks nothing.
func TestDomainPrompts(t *testing.T) {
	p := Score(bank, assess(q.Full, fullLevels(S, map[string]q.Level{"2E": X, "5A": C, "5B": C, "5C": C})))
	if got := p.Domains[1].Prompt; !strings.Contains(got, "Only 2E is complex here") || !p.Domains[1].Narrow {
		t.Errorf("domain 2: %q", got)
	}
	if got := p.Domains[4].Prompt; !strings.Contains(got, "Most of this domain is complicated") {
		t.Errorf("domain 5: %q", got)
	}
	a := assess(q.Full, fullLevels(S, map[string]q.Level{"2E": X}))
	a.DomainLevels = map[string]q.DomainLevel{"2": {Level: X, Reason: "It spreads."}}
	d := Score(bank, a).Domains[1]
	if d.Prompt != "" || d.Narrow || !d.SetByTeam || d.Suggested != X || d.Reason != "It spreads." {
		t.Errorf("a team-set domain: %+v", d)
	}
}

func TestSpread(t *testing.T) {
	tests := []struct {
		ratings []q.Level
		median  q.Level
		flag    bool
		reasons string
	}{
		{[]q.Level{C}, C, false, ""},
		{[]q.Level{C, C}, C, false, ""},
		{[]q.Level{S, C}, C, true, "no answer has a majority"}, // upper median errs towards caution
		{[]q.Level{S, S, C}, S, false, ""},                     // majority, one level apart
		{[]q.Level{S, C, X}, C, true, "ratings are two levels apart; no answer has a majority"},
		{[]q.Level{S, S, S, X}, S, true, "ratings are two levels apart"},
		{[]q.Level{C, C, U}, C, true, "someone does not know"},
		{[]q.Level{U, U}, U, true, "someone does not know"},
		{[]q.Level{NA, NA, C}, C, false, ""},
		{[]q.Level{NA, NA}, NA, false, ""},
		{[]q.Level{C, _0, _0}, C, false, ""}, // one rater: nothing to discuss yet
		{[]q.Level{_0, _0}, _0, false, ""},
		{[]q.Level{X, X, C, C}, X, true, "no answer has a majority"},
		{[]q.Level{X, X, X, C, C}, X, false, ""},
	}
	for _, tt := range tests {
		var rs []map[string]q.Level
		for _, l := range tt.ratings {
			rs = append(rs, map[string]q.Level{"2A": l})
		}
		s := SpreadOf(assess(q.Full, rs...), "2A")
		if s.Median != tt.median || s.NeedsDiscussion != tt.flag || strings.Join(s.Reasons, "; ") != tt.reasons {
			t.Errorf("%v: median %q flag %v reasons %q; want %q %v %q", tt.ratings, s.Median, s.NeedsDiscussion, s.Reasons, tt.median, tt.flag, tt.reasons)
		}
	}
}

func TestEffective(t *testing.T) {
	one := assess(q.Full, map[string]q.Level{"1A": X})
	three := assess(q.Full, map[string]q.Level{"1A": S}, map[string]q.Level{"1A": C}, map[string]q.Level{"1A": X, "1B": U})
	agreed := assess(q.Full, map[string]q.Level{"1A": S}, map[string]q.Level{"1A": X})
	agreed.Team = map[string]q.Answer{"1A": {Level: C}, "1B": {Note: "talk again"}}
	tests := []struct {
		a    *q.Assessment
		item string
		want Rating
	}{
		{one, "1A", Rating{X, FromRespondent}},
		{one, "1B", Rating{}},
		{three, "1A", Rating{C, FromMedian}},
		{three, "1B", Rating{U, FromMedian}},
		{agreed, "1A", Rating{C, FromTeam}},
		{agreed, "1B", Rating{}}, // a team note without a level does not decide
		{assess(q.Full), "1A", Rating{}},
	}
	for _, tt := range tests {
		if got := Effective(tt.a, tt.item); got != tt.want {
			t.Errorf("%s with %d respondents: %+v, want %+v", tt.item, len(tt.a.Respondents), got, tt.want)
		}
	}
	p := Score(bank, three)
	if len(p.Provisional) != 2 || !strings.Contains(p.Reading.Why, "2 questions use the middle") {
		t.Errorf("provisional %v, why %q", p.Provisional, p.Reading.Why)
	}
	if p.Domains[0].Items[0].Spread == nil {
		t.Error("several respondents but no spread in the profile")
	}
}

func TestCompare(t *testing.T) {
	before := assess(q.Full, map[string]q.Level{"1A": S, "1B": S, "2A": X, "2B": U, "2C": C, "3A": C, "3B": NA, "4A": S})
	after := assess(q.Full, map[string]q.Level{"1A": C, "1B": S, "2A": C, "2B": S, "2C": U, "3B": C, "4A": S, "4B": U})
	c, err := Compare(bank, before, after)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Change{
		"1A": MoreComplex, "1B": Same, "2A": LessComplex, "2B": NoLongerUnknown,
		"2C": NewlyUnknown, "3A": Other, "3B": Other, "4A": Same, "4B": NewlyUnknown, "5A": Same,
	}
	got := map[string]Change{}
	for _, d := range c.Domains {
		for _, it := range d.Items {
			got[it.ID] = it.Change
		}
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("item %s: %s, want %s", id, got[id], w)
		}
	}
	domains := map[string]Change{}
	for _, d := range c.Domains {
		domains[d.ID] = d.Change
	}
	wantDomains := map[string]Change{"1": MoreComplex, "2": LessComplex, "3": Same, "4": NewlyUnknown, "5": Same}
	for id, w := range wantDomains {
		if domains[id] != w {
			t.Errorf("domain %s: %s, want %s", id, domains[id], w)
		}
	}
	if c.ComplexBefore != 1 || c.ComplexAfter != 0 || c.Items[MoreComplex] != 1 || c.Items[NewlyUnknown] != 2 {
		t.Errorf("summary %+v", c)
	}

	other := assess(q.Full)
	other.Bank.ID = "someone-else"
	if _, err := Compare(bank, before, other); err == nil {
		t.Error("compared assessments from different banks")
	}
	quick := assess(q.Quick, map[string]q.Level{"Q1": X})
	mixed, _ := Compare(bank, before, quick)
	if mixed.Domains[0].Change != MoreComplex || len(mixed.Domains[0].Items) != 3 {
		t.Errorf("quick against full: %+v", mixed.Domains[0])
	}
}

func TestPlan(t *testing.T) {
	a := assess(q.Full, map[string]q.Level{"1A": C, "2A": X, "3A": U, "4A": S, "5C": X})
	complex2A := bank.Item("2A").Actions.Complex
	a.Actions = []q.Action{
		{ID: "own-5c", ItemID: "5C", Text: "Meet both finance directors.", Status: q.NotStarted},
		{ID: "acc", ItemID: "2A", Suggestion: q.SuggestionKey("2A", X, 0), Text: complex2A[0], Owner: "IT lead", Due: "2027-01-31", Status: q.InProgress},
		{ID: "edit", ItemID: "2A", Suggestion: q.SuggestionKey("2A", X, 1), Text: "Our own words.", Status: q.NotStarted},
		{ID: "drop", ItemID: "5C", Suggestion: q.SuggestionKey("5C", X, 0), Text: bank.Item("5C").Actions.Complex[0], Status: q.NotStarted, Dropped: true},
		{ID: "stale", ItemID: "4A", Suggestion: q.SuggestionKey("4A", X, 0), Text: "Once complex, now simple.", Status: q.Done},
		{ID: "quick", ItemID: "Q6", Text: "An action on a quick-scan item.", Status: q.NotStarted},
	}
	if len(bank.Baseline) > 0 {
		a.Actions = append(a.Actions, q.Action{ID: "chk", Check: bank.Baseline[0].ID, Text: bank.Baseline[0].Title, Status: q.Done})
	}
	plan := Plan(bank, a)
	var lines []string
	for _, pa := range plan {
		lines = append(lines, fmt.Sprintf("%d %s %s %s", pa.Priority, pa.ItemID+pa.Check, pa.Origin, pa.ActionID))
	}
	// The baseline checks first, whatever the ratings: one marked done.
	var want []string
	for i, c := range bank.Baseline {
		if i == 0 {
			want = append(want, "1 "+c.ID+" accepted chk")
		} else {
			want = append(want, "1 "+c.ID+" suggested ")
		}
	}
	for i := range complex2A {
		switch i {
		case 0:
			want = append(want, "2 2A accepted acc")
		case 1:
			want = append(want, "2 2A edited edit")
		default:
			want = append(want, "2 2A suggested ")
		}
	}
	for i := range bank.Item("5C").Actions.Complex {
		if i == 0 {
			want = append(want, "2 5C accepted drop")
		} else {
			want = append(want, "2 5C suggested ")
		}
	}
	want = append(want, "2 5C own own-5c")
	for range bank.Item("3A").Actions.Unknown {
		want = append(want, "3 3A suggested ")
	}
	for range bank.Item("1A").Actions.Complicated {
		want = append(want, "4 1A suggested ")
	}
	want = append(want, "5 4A edited stale", "5 Q6 own quick")
	if !slices.Equal(lines, want) {
		t.Errorf("plan:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	for _, pa := range plan {
		if pa.ActionID == "drop" && !pa.Dropped {
			t.Error("a dropped suggestion came back")
		}
		if pa.ActionID == "acc" && (pa.Owner != "IT lead" || pa.Due != "2027-01-31" || pa.Status != q.InProgress) {
			t.Errorf("the team's details were lost: %+v", pa)
		}
	}
	seen := map[string]bool{}
	for _, pa := range plan {
		seen[pa.ActionID] = true
	}
	for _, act := range a.Actions {
		if !seen[act.ID] {
			t.Errorf("action %s is missing from the plan", act.ID)
		}
	}
	top := Top(plan, 3)
	if len(top) != 3 || top[0].ActionID != "acc" {
		t.Errorf("top: %+v", top)
	}
	for _, pa := range Top(plan, 100) {
		if pa.Dropped {
			t.Error("top actions include a dropped one")
		}
	}
}

func TestScoreIsPure(t *testing.T) {
	a := assess(q.Full, map[string]q.Level{"1A": X}, map[string]q.Level{"1A": S})
	before, _ := q.Encode(a)
	p1, p2 := Score(bank, a), Score(bank, a)
	after, _ := q.Encode(a)
	if !reflect.DeepEqual(p1, p2) || string(before) != string(after) {
		t.Error("scoring changed the assessment or is not repeatable")
	}
}

func TestReviews(t *testing.T) {
	first := assess(q.Full, map[string]q.Level{"1A": X, "2A": C, "3A": U})
	first.Actions = []q.Action{
		{ID: "open", ItemID: "1A", Text: "Still to do", Status: q.InProgress},
		{ID: "done", ItemID: "2A", Text: "Finished", Status: q.Done},
		{ID: "dropped", ItemID: "2A", Text: "Not for us", Status: q.NotStarted, Dropped: true},
	}
	when := time.Date(2027, 5, 4, 10, 0, 0, 0, time.UTC)
	next := StartReview(bank, first, "second", when)
	if err := next.Validate(); err != nil {
		t.Fatal(err)
	}
	if len(next.History) != 1 || next.History[0].Date != "2027-05-04" || next.History[0].Answers["1A"].Level != X {
		t.Errorf("history %+v", next.History)
	}
	if len(next.Actions) != 1 || next.Actions[0].Text != "Still to do" {
		t.Errorf("open actions carried over: %+v", next.Actions)
	}
	if Effective(next, "1A").Level != X || next.Project != first.Project {
		t.Error("the review does not start from the ratings used so far")
	}
	// Months later the team re-rates: 1A is now only complicated.
	next.Respondents[0].Answers["1A"] = q.Answer{Level: C}
	c, err := Compare(bank, AsAssessment(next, next.History[0]), next)
	if err != nil {
		t.Fatal(err)
	}
	if c.Domains[0].Change != LessComplex || c.ComplexBefore != 1 || c.ComplexAfter != 0 {
		t.Errorf("comparison %+v", c.Domains[0])
	}
	if first.Team != nil || len(first.Actions) != 3 {
		t.Error("starting a review changed the earlier assessment")
	}
}

func TestTallies(t *testing.T) {
	a := assess(q.Quick)
	a.Tallies = map[string]q.Tally{"Q1": {Simple: 3, Complex: 2}, "Q2": {Complicated: 4}}
	if err := a.Validate(); err != nil {
		t.Fatal(err)
	}
	s := SpreadOf(a, "Q1")
	if s.Raters != 5 || s.Median != q.Simple || !s.NeedsDiscussion || s.Reasons[0] != "ratings are two levels apart" {
		t.Errorf("spread of a show of hands: %+v", s)
	}
	if r := Effective(a, "Q2"); r != (Rating{q.Complicated, FromMedian}) {
		t.Errorf("effective rating from hands: %+v", r)
	}
	a.Respondents = []q.Respondent{{ID: "r1", Answers: map[string]q.Answer{"Q2": {Level: q.Complex}}}}
	if s := SpreadOf(a, "Q2"); s.Raters != 5 || s.Counts.Complex != 1 || s.Counts.Complicated != 4 {
		t.Errorf("a person and hands together: %+v", s)
	}
	a.Tallies["Q3"] = q.Tally{Simple: -1}
	if a.Validate() == nil {
		t.Error("a negative count was accepted")
	}
}

func TestLabels(t *testing.T) {
	for _, tt := range []struct {
		l         q.Level
		uncertain bool
		want      string
	}{{C, false, "Complicated"}, {X, true, "Complex"}, {_0, true, "Don't know"}, {_0, false, "Not rated yet"}} {
		if got := DomainLevelLabel(tt.l, tt.uncertain); got != tt.want {
			t.Errorf("DomainLevelLabel(%q, %v) = %q, want %q", tt.l, tt.uncertain, got, tt.want)
		}
	}
	for _, c := range []Change{MoreComplex, LessComplex, Same, NewlyUnknown, NoLongerUnknown, Other} {
		if c.Label() == "" || strings.Contains(c.Label(), "-") {
			t.Errorf("change %q has label %q", c, c.Label())
		}
	}
}

// TestAgreed: what counts as an action the team has taken on.
func TestAgreed(t *testing.T) {
	tests := []struct {
		name string
		pa   PlannedAction
		want bool
	}{
		{"a suggestion", PlannedAction{Origin: Suggested}, false},
		{"accepted", PlannedAction{Origin: Accepted, Status: q.NotStarted}, true},
		{"edited and done", PlannedAction{Origin: Edited, Status: q.Done}, true},
		{"the team's own", PlannedAction{Origin: Own}, true},
		{"dropped", PlannedAction{Origin: Accepted, Dropped: true}, false},
		{"a check not taken up", PlannedAction{Check: "dpia", Origin: Suggested}, false},
		{"a check given to someone", PlannedAction{Check: "dpia", Origin: Accepted, Owner: "Sam", Status: q.NotStarted}, true},
		{"a check that does not apply", PlannedAction{Check: "dpia", Origin: Accepted, Status: q.DoesNotFit}, false},
	}
	for _, tt := range tests {
		if got := tt.pa.Agreed(); got != tt.want {
			t.Errorf("%s: agreed %v, want %v", tt.name, got, tt.want)
		}
	}
	if AnyAgreed([]PlannedAction{tests[0].pa, tests[5].pa}) || !AnyAgreed([]PlannedAction{tests[0].pa, tests[2].pa}) {
		t.Error("AnyAgreed disagrees with Agreed")
	}
}

// TestUnknownsStayInThePlan: one person's "don't know" keeps its find-out
// actions in the plan while the middle rating stands in, and they go once
// the team agrees a level.
func TestUnknownsStayInThePlan(t *testing.T) {
	a := assess(q.Quick, map[string]q.Level{"Q1": S, "Q2": S, "Q3": S, "Q4": S, "Q5": S, "Q6": S, "Q7": S})
	a.Respondents = append(a.Respondents, q.Respondent{ID: "r2", Answers: map[string]q.Answer{"Q2": {Level: C}}},
		q.Respondent{ID: "r3", Answers: map[string]q.Answer{"Q2": {Level: U}}})
	findOut := func() int {
		n := 0
		for _, pa := range Plan(bank, a) {
			if pa.ItemID == "Q2" && pa.Priority == PriorityUnknown {
				n++
			}
		}
		return n
	}
	if want := len(bank.Item("Q2").Actions.Unknown); findOut() != want || want == 0 {
		t.Errorf("with one \"don't know\" and no agreement: %d find-out actions for Q2, want %d", findOut(), want)
	}
	a.Team = map[string]q.Answer{"Q2": {Level: C}}
	if n := findOut(); n != 0 {
		t.Errorf("after the team agreed: %d find-out actions for Q2", n)
	}
}

// TestCompareUnknownDomains: a domain that was all "don't know" and is now
// rated is "now known", not "rated only once"; and the other way round.
func TestCompareUnknownDomains(t *testing.T) {
	before := assess(q.Quick, map[string]q.Level{"Q1": U, "Q2": S})
	after := assess(q.Quick, map[string]q.Level{"Q1": C, "Q2": U})
	c, err := Compare(bank, before, after)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Domains[0].Change; got != NoLongerUnknown {
		t.Errorf("domain 1, don't know to complicated: %s", got.Label())
	}
	if got := c.Domains[1].Change; got != NewlyUnknown {
		t.Errorf("domain 2, simple to don't know: %s", got.Label())
	}
}

// TestTimeline follows a project over three reviews: each domain's level
// at each, oldest first, from its history and from its files.
func TestTimeline(t *testing.T) {
	first := assess(q.Quick, map[string]q.Level{"Q1": X, "Q2": U, "Q3": S, "Q4": S, "Q5": S, "Q6": S, "Q7": S})
	first.Created = time.Date(2026, 1, 10, 9, 0, 0, 0, time.UTC)
	first.Updated = first.Created
	second := StartReview(bank, first, "r2", time.Date(2026, 4, 10, 9, 0, 0, 0, time.UTC))
	second.Respondents[0].Answers["Q2"] = q.Answer{Level: C}
	third := StartReview(bank, second, "r3", time.Date(2026, 7, 10, 9, 0, 0, 0, time.UTC))
	third.Respondents[0].Answers["Q1"] = q.Answer{Level: C}
	// Every review names the project's first assessment.
	if first.ID == "" || second.Series != first.ID || third.Series != first.ID || first.SeriesID() != first.ID {
		t.Errorf("series: first %q, reviews %q and %q", first.ID, second.Series, third.Series)
	}
	want := [][]q.Level{{X, U, S}, {X, C, S}, {C, C, S}}
	dates := map[string][]q.Date{
		// The history holds each review as it stood when the next began.
		"history": {"2026-04-10", "2026-07-10", "2026-07-10"},
		"files":   {"2026-01-10", "2026-04-10", "2026-07-10"},
	}
	for name, tl := range map[string]Timeline{
		"history": TimelineOf(bank, third),
		"files":   TimelineFrom(bank, []*q.Assessment{third, first, second}),
	} {
		if len(tl.Points) != 3 || len(tl.Domains) != 7 {
			t.Fatalf("%s: %d points, %d domains", name, len(tl.Points), len(tl.Domains))
		}
		for i, p := range tl.Points {
			if got := p.Levels[:3]; !slices.Equal(got, want[i]) {
				t.Errorf("%s: point %d (%s) has %v, want %v", name, i, p.Date, got, want[i])
			}
		}
		for i, p := range tl.Points {
			if p.Date != dates[name][i] {
				t.Errorf("%s: point %d is dated %s, want %s", name, i, p.Date, dates[name][i])
			}
		}
	}
}

func TestPeopleRated(t *testing.T) {
	rated := func(name string) q.Respondent {
		return q.Respondent{Name: name, Answers: map[string]q.Answer{"1A": {Level: q.Simple}}}
	}
	waiting := func(name string) q.Respondent { return q.Respondent{Name: name, Answers: map[string]q.Answer{}} }
	for _, tt := range []struct {
		name    string
		people  []q.Respondent
		want    string
		waiting []string
	}{
		{"nobody", nil, "0 people", nil},
		{"one", []q.Respondent{rated("Ann")}, "1 person", nil},
		{"all rated", []q.Respondent{rated("Ann"), rated("Tom")}, "2 people", nil},
		{"one waiting", []q.Respondent{rated("Ann"), waiting("Tom"), rated("Sara")}, "2 of 3 people rated", []string{"Tom"}},
		{"none rated", []q.Respondent{waiting("Ann"), {}}, "0 of 2 people rated", []string{"Ann", "Respondent 2"}},
		{"a don't know counts", []q.Respondent{{Answers: map[string]q.Answer{"1A": {Level: q.Unknown}}}}, "1 person", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := &q.Assessment{Respondents: tt.people}
			if got := PeopleRated(a); got != tt.want {
				t.Errorf("PeopleRated = %q, want %q", got, tt.want)
			}
			if got := NotYetRated(a); !slices.Equal(got, tt.waiting) {
				t.Errorf("NotYetRated = %q, want %q", got, tt.waiting)
			}
		})
	}
}

func TestAgreedCount(t *testing.T) {
	a := assess(q.Quick, map[string]q.Level{"Q1": X, "Q2": U})
	if got, total := Agreed(bank, a); got != 0 || total != 7 {
		t.Errorf("nothing agreed: %d of %d", got, total)
	}
	a.Team = map[string]q.Answer{"Q1": {Level: C}, "Q2": {Level: U}, "1A": {Level: S}}
	if got, total := Agreed(bank, a); got != 2 || total != 7 {
		t.Errorf("Q1 and Q2 agreed (and a full-mode item that does not count): %d of %d", got, total)
	}
}
