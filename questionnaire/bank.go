// Package questionnaire holds the NASSS question bank, the Assessment a team
// fills in, and the file format that carries it. It is pure Go: no UI, no
// browser APIs and no PDF code, so the web app and the command line share it.
package questionnaire

import (
	"embed"
	"encoding/json"
	"fmt"
	"path"
	"sort"
	"sync"
)

// Bank is a versioned set of domains and items in one language.
type Bank struct {
	ID       string          `json:"id"`
	Version  int             `json:"version"`
	Language string          `json:"language"`
	Title    string          `json:"title"`
	Glossary []GlossaryEntry `json:"glossary"`
	// RatingHint goes with every question: how to rate one whose parts
	// differ (the hardest part decides, as the domain's level assumes).
	RatingHint string `json:"ratingHint,omitempty"`
	// Meanings says in a line what each answer means in general, for
	// wherever a level's bare name appears.
	Meanings LevelMeanings `json:"meanings,omitzero"`
	// Baseline lists the duties every project checks whatever its ratings:
	// the plan's "Always check".
	Baseline []BaselineCheck `json:"baseline,omitempty"`
	// BuilderBaseline is the "Always check" list for someone building or
	// selling the technology: a maker's duties (see BaselineFor).
	BuilderBaseline []BaselineCheck `json:"builderBaseline,omitempty"`
	Domains         []Domain        `json:"domains"`

	items map[string]*Item
}

// LevelMeanings says what each answer means in general: the three levels,
// as Levels does for one item, and the two answers off the scale.
type LevelMeanings struct {
	Levels
	Unknown       string `json:"unknown"`
	NotApplicable string `json:"notApplicable"`
}

// Of is the meaning of one answer, or "" for unanswered.
func (m LevelMeanings) Of(l Level) string {
	switch l {
	case Unknown:
		return m.Unknown
	case NotApplicable:
		return m.NotApplicable
	}
	return m.Describe(l)
}

// Meaning is what an answer means in general, in this bank's words or,
// for an older bank without them, the newest bank's.
func (b *Bank) Meaning(l Level) string {
	if b.Meanings.Simple == "" {
		return Default().Meanings.Of(l)
	}
	return b.Meanings.Of(l)
}

// BaselineCheck is a duty to check whatever the ratings: in the law or in
// what buyers expect, for England, with where the other UK nations differ.
type BaselineCheck struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// Text says what to check and who does it.
	Text string `json:"text"`
	// Nations points to the equivalents in Scotland, Wales and Northern
	// Ireland, or says the duty is the same across the UK.
	Nations string `json:"nations"`
}

// GlossaryEntry explains one term the bank could not avoid.
type GlossaryEntry struct {
	Term    string `json:"term"`
	Meaning string `json:"meaning"`
}

// Domain is one of the seven NASSS domains.
type Domain struct {
	ID          string   `json:"id"`
	Title       string   `json:"title"`
	Summary     string   `json:"summary"`
	Reflections []string `json:"reflections"`
	// NotApplicable says what to think about when the domain seems not to
	// apply to a project, and when to answer "not applicable".
	NotApplicable string `json:"notApplicable,omitempty"`
	// Quick is the single item the quick scan asks about the whole domain.
	Quick Item `json:"quick"`
	// Items are asked in the full assessment.
	Items []Item `json:"items"`
}

// Item is one question, with what each level looks like for it and the
// actions to suggest when it is rated complicated, complex or unknown.
type Item struct {
	ID       string  `json:"id"`
	Title    string  `json:"title"`
	Question string  `json:"question"`
	Help     string  `json:"help"`
	Example  string  `json:"example"`
	Levels   Levels  `json:"levels"`
	Actions  Actions `json:"actions"`
	// Builder is how the item reads for a builder, where that differs.
	Builder *Variant `json:"builder,omitempty"`

	// Domain is the ID of the domain that holds the item; set on load.
	Domain string `json:"-"`
}

// Levels describes simple, complicated and complex for one item.
type Levels struct {
	Simple      string `json:"simple"`
	Complicated string `json:"complicated"`
	Complex     string `json:"complex"`
}

// Describe returns the item-specific description of a scale level, or ""
// for levels that have none (unknown, not applicable).
func (l Levels) Describe(level Level) string {
	switch level {
	case Simple:
		return l.Simple
	case Complicated:
		return l.Complicated
	case Complex:
		return l.Complex
	}
	return ""
}

// Actions are the suggested actions for an item, by the level that calls for them.
type Actions struct {
	Complicated []string `json:"complicated"`
	Complex     []string `json:"complex"`
	Unknown     []string `json:"unknown"`
}

// For returns the suggestions for a level; simple and not-applicable have none.
func (a Actions) For(level Level) []string {
	switch level {
	case Complicated:
		return a.Complicated
	case Complex:
		return a.Complex
	case Unknown:
		return a.Unknown
	}
	return nil
}

// Mode is how much of the bank an assessment asks.
type Mode string

// The two modes: a quick scan of one item per domain, or every item.
const (
	Quick Mode = "quick"
	Full  Mode = "full"
)

// Valid reports whether m is one of the known modes.
func (m Mode) Valid() bool { return m == Quick || m == Full }

// Label names the mode for people, in a sentence.
func (m Mode) Label() string {
	if m == Full {
		return "full assessment"
	}
	return "quick scan"
}

// Title names the mode at the start of a line: "Quick scan".
func (m Mode) Title() string {
	if m == Full {
		return "Full assessment"
	}
	return "Quick scan"
}

// Item returns the item with the given ID, quick or full, or nil.
func (b *Bank) Item(id string) *Item { return b.items[id] }

// Check returns the baseline check with the given ID, in either role's
// list, or nil.
func (b *Bank) Check(id string) *BaselineCheck {
	for _, list := range [][]BaselineCheck{b.Baseline, b.BuilderBaseline} {
		for i := range list {
			if list[i].ID == id {
				return &list[i]
			}
		}
	}
	return nil
}

// Domain returns the domain with the given ID, or nil.
func (b *Bank) Domain(id string) *Domain {
	for i := range b.Domains {
		if b.Domains[i].ID == id {
			return &b.Domains[i]
		}
	}
	return nil
}

// ItemsFor returns the items a mode asks about in one domain, in order.
func (d *Domain) ItemsFor(m Mode) []*Item {
	if m == Quick {
		return []*Item{&d.Quick}
	}
	out := make([]*Item, len(d.Items))
	for i := range d.Items {
		out[i] = &d.Items[i]
	}
	return out
}

// Items returns every item a mode asks, in bank order.
func (b *Bank) Items(m Mode) []*Item {
	var out []*Item
	for i := range b.Domains {
		out = append(out, b.Domains[i].ItemsFor(m)...)
	}
	return out
}

// Ref names a bank and its version, as an assessment file records it.
type Ref struct {
	ID      string `json:"id"`
	Version int    `json:"version"`
}

// Ref returns the reference an assessment stores for this bank.
func (b *Bank) Ref() Ref { return Ref{ID: b.ID, Version: b.Version} }

// String formats a reference as people read it: "nasss-en-GB v1".
func (r Ref) String() string { return fmt.Sprintf("%s v%d", r.ID, r.Version) }

// index links items to their domains; it runs once per bank on load.
func (b *Bank) index() {
	b.items = map[string]*Item{}
	for i := range b.Domains {
		d := &b.Domains[i]
		d.Quick.Domain = d.ID
		b.items[d.Quick.ID] = &d.Quick
		for j := range d.Items {
			d.Items[j].Domain = d.ID
			b.items[d.Items[j].ID] = &d.Items[j]
		}
	}
}

// ParseBank decodes a bank from JSON and indexes it. It does not validate
// wording; see Bank.Validate.
func ParseBank(data []byte) (*Bank, error) {
	var b Bank
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, fmt.Errorf("bank: %w", err)
	}
	b.index()
	return &b, nil
}

//go:embed banks/*.json
var bankFiles embed.FS

var (
	loadOnce sync.Once
	banks    []*Bank
	loadErr  error
)

func loadBanks() {
	names, err := bankFiles.ReadDir("banks")
	if err != nil {
		loadErr = err
		return
	}
	for _, n := range names {
		data, err := bankFiles.ReadFile(path.Join("banks", n.Name()))
		if err != nil {
			loadErr = err
			return
		}
		b, err := ParseBank(data)
		if err != nil {
			loadErr = fmt.Errorf("%s: %w", n.Name(), err)
			return
		}
		banks = append(banks, b)
	}
	sort.Slice(banks, func(i, j int) bool {
		if banks[i].ID != banks[j].ID {
			return banks[i].ID < banks[j].ID
		}
		return banks[i].Version < banks[j].Version
	})
}

// Banks returns every embedded bank, sorted by ID and version. The embedded
// banks are checked by the tests, so an error here means a broken build.
func Banks() ([]*Bank, error) {
	loadOnce.Do(loadBanks)
	return banks, loadErr
}

// DefaultBankID is the bank new assessments use.
const DefaultBankID = "nasss-en-GB"

// Default returns the newest version of the default bank.
func Default() *Bank {
	if _, err := Banks(); err != nil {
		panic("questionnaire: embedded bank is broken: " + err.Error())
	}
	best := newestBank(DefaultBankID)
	if best == nil {
		panic("questionnaire: no embedded bank " + DefaultBankID)
	}
	return best
}

// newestBank returns the newest embedded version of a bank, or nil.
func newestBank(id string) *Bank {
	bs, _ := Banks()
	var best *Bank
	for _, b := range bs {
		if b.ID == id {
			best = b // sorted by version
		}
	}
	return best
}

// LookupBank returns the embedded bank a reference names, or nil.
func LookupBank(r Ref) *Bank {
	bs, _ := Banks()
	for _, b := range bs {
		if b.ID == r.ID && b.Version == r.Version {
			return b
		}
	}
	return nil
}

// Source is a paper the method rests on.
type Source struct{ Citation, DOI string }

// Sources are cited wherever the method is explained: the About page and
// the PDF.
var Sources = []Source{
	{"Greenhalgh T. et al. Beyond Adoption: a new framework for theorizing and evaluating nonadoption, abandonment, and challenges to the scale-up, spread, and sustainability of health and care technologies. J Med Internet Res 2017;19(11):e367.", "10.2196/jmir.8775"},
	{"Greenhalgh T. et al. Analysing the role of complexity in explaining the fortunes of technology programmes: empirical application of the NASSS framework. BMC Medicine 2018;16:66.", "10.1186/s12916-018-1050-6"},
	{"Greenhalgh T., Maylor H., Shaw S. et al. The NASSS-CAT tools for understanding, guiding, monitoring, and researching technology implementation projects in health and social care. JMIR Res Protoc 2020;9(5):e16861.", "10.2196/16861"},
}
