package questionnaire

import (
	"crypto/rand"
	"encoding/base32"
	"fmt"
	"strings"
	"time"
)

// SchemaVersion is the file-format version this code writes and the newest
// it reads. Older versions are migrated on read (see migrate.go).
//
//   - 1: the first.
//   - 2: a respondent records when they last rated (rated), so older
//     ratings never silently replace newer ones.
//   - 3: about the project (problem, stage, success, decision); domain
//     levels the team set, with reasons; links between items; baseline
//     checks in the plan; the bank an assessment was first made with.
//   - 4: a review's series, and the next review's date.
//   - 5: who is assessing (role), and the setting a builder assesses.
const SchemaVersion = 5

// Assessment is one project's NASSS assessment: what the file holds.
type Assessment struct {
	Schema  int     `json:"schema"`
	ID      string  `json:"id"`
	Bank    Ref     `json:"bank"`
	Project Project `json:"project"`
	Mode    Mode    `json:"mode"`
	// Role is who is assessing; empty reads as an implementer (RoleOf).
	Role Role `json:"role,omitempty"`
	// Respondents rated the items, each on their own.
	Respondents []Respondent `json:"respondents"`
	// Team holds the ratings the group agreed after discussion. They win
	// over individual ratings wherever they exist.
	Team map[string]Answer `json:"team,omitempty"`
	// Tallies are shows of hands, keyed by item: how many people in the
	// room chose each answer, without recording who.
	Tallies map[string]Tally `json:"tallies,omitempty"`
	// Reflections answer a domain's open questions, keyed by domain ID.
	Reflections map[string]string `json:"reflections,omitempty"`
	// DomainLevels are the levels the team set for domains, with their
	// reasons, keyed by domain ID: where set, the reading uses them in
	// place of the level the items suggest.
	DomainLevels map[string]DomainLevel `json:"domainLevels,omitempty"`
	// Links are pairs of items the team found make each other worse.
	Links   []Link     `json:"links,omitempty"`
	Actions []Action   `json:"actions,omitempty"`
	History []Snapshot `json:"history,omitempty"`
	// MadeWith is the bank the assessment was first made with, when that
	// is an older version than Bank: its answers were carried over.
	MadeWith Ref `json:"madeWith,omitzero"`
	// Series is the ID of the first assessment of the project that this
	// one reviews, so that a project's reviews are shown together; empty
	// for a first assessment, and for reviews made before schema 4.
	Series string `json:"series,omitempty"`
	// NextReview is when the team means to review the project again, if
	// they chose a date; else NextReviewDue gives the default.
	NextReview Date      `json:"nextReview,omitempty"`
	Created    time.Time `json:"created"`
	Updated    time.Time `json:"updated"`
}

// ReviewEvery is how long after an assessment its next review falls due,
// unless the team chooses a date: related tools advise three to six months.
const ReviewEvery = 3 // months

// NextReviewDue is when the next review is due: the team's date, or three
// months after the assessment was started.
func (a *Assessment) NextReviewDue() time.Time {
	if t, ok := a.NextReview.Time(); ok {
		return t
	}
	c := a.Created.UTC()
	return time.Date(c.Year(), c.Month()+ReviewEvery, c.Day(), 0, 0, 0, 0, time.UTC)
}

// SeriesID names the run of reviews this assessment belongs to: the first
// assessment's ID.
func (a *Assessment) SeriesID() string {
	if a.Series != "" {
		return a.Series
	}
	return a.ID
}

// DomainLevel is the level a team set for a whole domain, and why.
type DomainLevel struct {
	Level  Level  `json:"level"`
	Reason string `json:"reason"`
}

// Link says two items make each other worse, or that changing one means
// changing the other: how the parts of a project affect each other.
type Link struct {
	// ID is LinkID(A, B), so that two copies that both added a link to
	// the same pair find it the same.
	ID   string `json:"id"`
	A    string `json:"a"`
	B    string `json:"b"`
	Note string `json:"note,omitempty"`
}

// LinkID names the link between two items, whichever way round.
func LinkID(a, b string) string {
	if b < a {
		a, b = b, a
	}
	return a + "+" + b
}

// LinkOf returns the team's link between two items, or nil.
func (a *Assessment) LinkOf(x, y string) *Link {
	id := LinkID(x, y)
	for i := range a.Links {
		if a.Links[i].ID == id {
			return &a.Links[i]
		}
	}
	return nil
}

// LinksOf lists the items linked to one, with each link.
func (a *Assessment) LinksOf(item string) []Link {
	var out []Link
	for _, l := range a.Links {
		if l.A == item || l.B == item {
			out = append(out, l)
		}
	}
	return out
}

// Other is the item a link joins to the given one.
func (l Link) Other(item string) string {
	if l.A == item {
		return l.B
	}
	return l.A
}

// Stage is where a project stands.
type Stage string

// The stages a project can be at.
const (
	StageIdea    Stage = "idea"
	StageBuying  Stage = "buying"
	StagePilot   Stage = "pilot"
	StageScaling Stage = "scaling-up"
)

// Stages lists the stages in order.
var Stages = []Stage{StageIdea, StageBuying, StagePilot, StageScaling}

// Valid reports whether s is a stage or unset.
func (s Stage) Valid() bool {
	return s == "" || s == StageIdea || s == StageBuying || s == StagePilot || s == StageScaling
}

// Label is the stage as people read it.
func (s Stage) Label() string {
	switch s {
	case StageIdea:
		return "An idea, not yet decided"
	case StageBuying:
		return "Choosing or buying the technology"
	case StagePilot:
		return "A pilot or first use"
	case StageScaling:
		return "Scaling up or spreading"
	}
	return "Not said"
}

// Project describes what is being assessed, and why.
type Project struct {
	Name         string `json:"name"`
	Organisation string `json:"organisation,omitempty"`
	Technology   string `json:"technology,omitempty"`
	Notes        string `json:"notes,omitempty"`
	// Problem is the problem the project solves, and for whom.
	Problem string `json:"problem,omitempty"`
	Stage   Stage  `json:"stage,omitempty"`
	// Success is what success would look like.
	Success string `json:"success,omitempty"`
	// Decision is the decision the assessment is to inform.
	Decision string `json:"decision,omitempty"`
	// Setting is the kind of place a builder assesses the product in,
	// such as "care homes": the name a side-by-side view gives it.
	Setting string `json:"setting,omitempty"`
}

// Fact is one labelled line about the project.
type Fact struct{ Label, Value string }

// About is what the team said about the project, in the order the results,
// the report and the command line show it, leaving out what is blank.
func (p Project) About() []Fact {
	var stage string
	if p.Stage != "" {
		stage = p.Stage.Label()
	}
	var out []Fact
	for _, f := range []Fact{
		{"The setting", p.Setting},
		{"The problem, and for whom", p.Problem},
		{"Stage", stage},
		{"What success would look like", p.Success},
		{"The decision this is for", p.Decision},
	} {
		if f.Value != "" {
			out = append(out, f)
		}
	}
	return out
}

// Respondent is one person's ratings. Name and role are optional so that a
// workshop can stay anonymous.
type Respondent struct {
	ID      string            `json:"id"`
	Name    string            `json:"name,omitempty"`
	Role    string            `json:"role,omitempty"`
	Answers map[string]Answer `json:"answers"`
	// Rated is when this person last changed a rating, if known: a share
	// link carries it, so the facilitator's device can tell older ratings
	// from newer ones.
	Rated time.Time `json:"rated,omitzero"`
}

// AnsweredOf counts the given items this person has answered.
func (r Respondent) AnsweredOf(items []*Item) int {
	n := 0
	for _, it := range items {
		if r.Answers[it.ID].Level.Answered() {
			n++
		}
	}
	return n
}

// Label is how a respondent is shown: name, role, or "Respondent N".
func (r Respondent) Label(i int) string {
	switch {
	case r.Name != "" && r.Role != "":
		return r.Name + " (" + r.Role + ")"
	case r.Name != "":
		return r.Name
	case r.Role != "":
		return r.Role
	}
	return fmt.Sprintf("Respondent %d", i+1)
}

// Answer is a rating with an optional note. A note may exist without a
// level: a thought written before deciding is kept, never dropped.
type Answer struct {
	Level Level  `json:"level,omitempty"`
	Note  string `json:"note,omitempty"`
}

// Tally counts the hands raised for each answer to one item.
type Tally struct {
	Simple        int `json:"simple,omitempty"`
	Complicated   int `json:"complicated,omitempty"`
	Complex       int `json:"complex,omitempty"`
	Unknown       int `json:"unknown,omitempty"`
	NotApplicable int `json:"notApplicable,omitempty"`
}

// count points at the counter for a level, or nil for unanswered.
func (t *Tally) count(l Level) *int {
	switch l {
	case Simple:
		return &t.Simple
	case Complicated:
		return &t.Complicated
	case Complex:
		return &t.Complex
	case Unknown:
		return &t.Unknown
	case NotApplicable:
		return &t.NotApplicable
	}
	return nil
}

// Of is the number of hands for a level.
func (t Tally) Of(l Level) int {
	if c := t.count(l); c != nil {
		return *c
	}
	return 0
}

// Set records the number of hands for a level.
func (t *Tally) Set(l Level, n int) {
	if c := t.count(l); c != nil {
		*c = n
	}
}

// Total is the number of hands counted.
func (t Tally) Total() int {
	return t.Simple + t.Complicated + t.Complex + t.Unknown + t.NotApplicable
}

// Status is where an action has got to.
type Status string

// The states of an action. Not applicable is for a baseline check that
// does not apply to the project.
const (
	NotStarted Status = "not-started"
	InProgress Status = "in-progress"
	Done       Status = "done"
	DoesNotFit Status = "not-applicable"
)

// Valid reports whether s is one of the states.
func (s Status) Valid() bool {
	return s == NotStarted || s == InProgress || s == Done || s == DoesNotFit
}

// Label is the status as people read it; an unset status has not started.
func (s Status) Label() string {
	switch s {
	case InProgress:
		return "In progress"
	case Done:
		return "Done"
	case DoesNotFit:
		return "Not applicable"
	}
	return "Not started"
}

// Action is an entry of the team's action plan. An action taken from the
// bank records which suggestion it came from, so the plan can show it as
// accepted, edited or dropped; the team's own actions have no Suggestion.
type Action struct {
	ID string `json:"id"`
	// ItemID is the item the action is about; empty for a baseline check.
	ItemID string `json:"item,omitempty"`
	// Check is the baseline check the action carries out, if it is one.
	Check string `json:"check,omitempty"`
	// Suggestion is the key of the bank suggestion, e.g. "2A/complex/0".
	Suggestion string `json:"suggestion,omitempty"`
	Text       string `json:"text"`
	Owner      string `json:"owner,omitempty"`
	Due        Date   `json:"due,omitempty"`
	Status     Status `json:"status"`
	// Dropped records that the team decided against a suggestion, so it is
	// not offered again.
	Dropped bool `json:"dropped,omitempty"`
}

// Snapshot is the agreed ratings at one review, kept to compare over time.
type Snapshot struct {
	Date    Date              `json:"date"`
	Label   string            `json:"label,omitempty"`
	Mode    Mode              `json:"mode"`
	Answers map[string]Answer `json:"answers"`
	// DomainLevels and Links are the team's, as at the review.
	DomainLevels map[string]DomainLevel `json:"domainLevels,omitempty"`
	Links        []Link                 `json:"links,omitempty"`
}

// Date is a calendar date written YYYY-MM-DD, or empty.
type Date string

// Time parses the date; ok is false for an empty or malformed date.
func (d Date) Time() (t time.Time, ok bool) {
	t, err := time.Parse(time.DateOnly, string(d))
	return t, err == nil
}

// New starts an empty assessment against a bank.
func New(b *Bank, id string, mode Mode, now time.Time) *Assessment {
	now = now.UTC().Truncate(time.Second)
	return &Assessment{
		Schema:      SchemaVersion,
		ID:          id,
		Bank:        b.Ref(),
		Mode:        mode,
		Respondents: []Respondent{{ID: NewRespondentID(), Answers: map[string]Answer{}}},
		Created:     now,
		Updated:     now,
	}
}

// NewID makes a random assessment ID: 16 letters and digits.
func NewID() string {
	var b [10]byte
	rand.Read(b[:])
	return strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b[:]))
}

// NewRespondentID makes a random ID for a person, never one like "r1"
// that another device may also have made: their ratings keep their
// identity, and only theirs, when files and links from several devices
// meet.
func NewRespondentID() string { return "p-" + NewID()[:10] }

// ActionForCheck returns the team's action for a baseline check, or nil.
func (a *Assessment) ActionForCheck(id string) *Action {
	for i := range a.Actions {
		if a.Actions[i].Check == id {
			return &a.Actions[i]
		}
	}
	return nil
}

// ActionByID returns the team's action with the given ID, or nil.
func (a *Assessment) ActionByID(id string) *Action {
	for i := range a.Actions {
		if a.Actions[i].ID == id {
			return &a.Actions[i]
		}
	}
	return nil
}

// AddAction appends an action under a new ID and returns it. A missing
// status becomes not started.
func (a *Assessment) AddAction(act Action) *Action {
	for n := len(a.Actions) + 1; ; n++ {
		if id := fmt.Sprintf("a%d", n); a.ActionByID(id) == nil {
			act.ID = id
			break
		}
	}
	if act.Status == "" {
		act.Status = NotStarted
	}
	a.Actions = append(a.Actions, act)
	return &a.Actions[len(a.Actions)-1]
}

// RemoveAction deletes the team's action with the given ID.
func (a *Assessment) RemoveAction(id string) {
	for i := range a.Actions {
		if a.Actions[i].ID == id {
			a.Actions = append(a.Actions[:i], a.Actions[i+1:]...)
			return
		}
	}
}

// PutRespondent adds a respondent, or replaces the one with the same ID:
// someone sending their ratings again. Notes they left on this device,
// which a share link does not carry, are kept. It reports whether it
// replaced someone.
func (a *Assessment) PutRespondent(r Respondent) (replaced bool) {
	for i := range a.Respondents {
		old := a.Respondents[i]
		if old.ID != r.ID {
			continue
		}
		answers := make(map[string]Answer, len(r.Answers))
		for item, ans := range r.Answers {
			answers[item] = ans
		}
		for item, ans := range old.Answers {
			if ans.Note != "" && answers[item].Note == "" {
				got := answers[item]
				got.Note = ans.Note
				answers[item] = got
			}
		}
		r.Answers = answers
		a.Respondents[i] = r
		return true
	}
	a.Respondents = append(a.Respondents, r)
	return false
}
