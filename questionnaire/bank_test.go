package questionnaire

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// fullItemIDs are the 24 items of the full assessment, from the NASSS brief.
var fullItemIDs = []string{
	"1A", "1B", "2A", "2B", "2C", "2D", "2E", "3A", "3B", "4A", "4B", "4C",
	"5A", "5B", "5C", "5D", "5E", "6A", "6B", "6C", "6D", "6E", "7A", "7B",
}

func TestEmbeddedBank(t *testing.T) {
	b := Default()
	for _, err := range b.Validate() {
		t.Error(err)
	}
	var ids []string
	for _, it := range b.Items(Full) {
		ids = append(ids, it.ID)
		if it.Domain != it.ID[:1] {
			t.Errorf("item %s is in domain %q", it.ID, it.Domain)
		}
	}
	if !slices.Equal(ids, fullItemIDs) {
		t.Errorf("full items = %v\nwant %v", ids, fullItemIDs)
	}
	if n := len(b.Items(Quick)); n != 7 {
		t.Errorf("quick scan has %d items, want 7", n)
	}
	for _, it := range b.Items(Quick) {
		if b.Item(it.ID) != it || it.Domain == "" {
			t.Errorf("quick item %s is not indexed", it.ID)
		}
	}
	if b.Item("2Z") != nil || b.Domain("8") != nil {
		t.Error("lookups invent items or domains")
	}
}

func TestReadability(t *testing.T) {
	r := Default().Readability()
	t.Logf("%d items + %d quick, %d words, %d sentences, average %.1f words, longest question sentence %d words (%s), glossary %v",
		r.Items, r.QuickItems, r.Words, r.Sentences, r.AverageSentence, r.LongestQuestion, r.LongestQuestionID, r.GlossaryTerms)
	if r.AverageSentence > MaxAverageSentence || r.AverageSentence < 5 {
		t.Errorf("average sentence %.1f words", r.AverageSentence)
	}
	if r.LongestQuestion > MaxQuestionSentence {
		t.Errorf("longest question sentence %d words", r.LongestQuestion)
	}
	for _, p := range r.Problems {
		t.Error(p)
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"One.", 1},
		{"One. Two? Three!", 3},
		{"No end mark", 1},
		{"Version 1.5 is out. Next.", 2},
		{"Wait... what?", 2},
	}
	for _, tt := range tests {
		if got := len(Sentences(tt.in)); got != tt.want {
			t.Errorf("Sentences(%q) = %d sentences, want %d", tt.in, got, tt.want)
		}
	}
}

// broken copies the embedded bank and breaks it.
func broken(change func(b *Bank)) *Bank {
	data, _ := json.Marshal(Default())
	b, err := ParseBank(data)
	if err != nil {
		panic(err)
	}
	change(b)
	b.index()
	return b
}

func TestBankValidatorCatches(t *testing.T) {
	long := strings.Repeat("word ", 30) + "end?"
	tests := []struct {
		name   string
		change func(b *Bank)
		want   string
	}{
		{"empty question", func(b *Bank) { b.Domains[0].Items[0].Question = "" }, "domains[0].items[0].question: empty"},
		{"duplicate id", func(b *Bank) { b.Domains[1].Items[1].ID = "2A" }, `id "2A" already used`},
		{"missing level", func(b *Bank) { b.Domains[2].Items[0].Levels.Complex = "" }, "domains[2].items[0].levels.complex: empty"},
		{"too few actions", func(b *Bank) { b.Domains[3].Items[0].Actions.Complex = b.Domains[3].Items[0].Actions.Complex[:1] }, "want 2 to 4 suggested actions"},
		{"no unknown action", func(b *Bank) { b.Domains[3].Items[0].Actions.Unknown = nil }, "actions.unknown: want 1 to 2"},
		{"over the cap", func(b *Bank) { b.Domains[0].Items[0].Help = strings.Repeat("Too long. ", 60) + "End." }, "the cap is 500"},
		{"long question sentence", func(b *Bank) { b.Domains[0].Items[0].Question = long }, "a sentence of 31 words"},
		{"no question mark", func(b *Bank) { b.Domains[0].Quick.Question = "Tell us." }, "ends with a question mark"},
		{"banned word", func(b *Bank) { b.Domains[4].Summary = "We leverage change." }, `uses "leverage"`},
		{"unexplained term", func(b *Bank) { b.Domains[4].Summary = "Think of comorbidities first." }, `uses "comorbidities", which the glossary does not explain`},
		{"unused glossary term", func(b *Bank) { b.Glossary = append(b.Glossary, GlossaryEntry{"API", "A way for programs to talk."}) }, `explains "API", which the bank never uses`},
		{"idiom", func(b *Bank) { b.Domains[2].Summary = "Will it pay its way?" }, `uses "pay its way": say it in plain words`},
		{"jargon", func(b *Bank) { b.Domains[3].Title = "The adopter system" }, `uses "adopter system": say it in plain words`},
		{"no baseline", func(b *Bank) { b.Baseline = b.Baseline[:2] }, "want 5 to 10 baseline checks"},
		{"no word on when a domain does not apply", func(b *Bank) { b.Domains[0].NotApplicable = "" }, "domains[0].notApplicable: empty"},
		{"no rating hint", func(b *Bank) { b.RatingHint = "" }, "ratingHint: empty"},
		{"copied level text", func(b *Bank) { b.Domains[1].Items[1].Levels.Simple = b.Domains[1].Items[0].Levels.Simple }, "same wording as"},
		{"six domains", func(b *Bank) { b.Domains = b.Domains[:6] }, "found 6"},
		{"stray spaces", func(b *Bank) { b.Domains[0].Title += " " }, "stray spaces"},
		// A builder's wording is held to the same rules, and is complete.
		{"builder's question too long", func(b *Bank) { b.Item("3A").Builder.Question = long }, "domains[2].items[0].builder.question: a sentence of 31 words"},
		{"builder's unexplained term", func(b *Bank) { b.Item("3A").Builder.Help = "Check the comorbidities." }, `builder.help: uses "comorbidities"`},
		{"builder's jargon", func(b *Bank) { b.Item("Q3").Builder.Actions.Complex[0] = "Find more adopters." }, `builder.actions.complex[0]: uses "adopters"`},
		{"builder's actions short", func(b *Bank) { b.Item("2E").Builder.Actions.Unknown = nil }, "builder.actions.unknown: want 1 to 2"},
		{"builder's copied action", func(b *Bank) { b.Item("2E").Builder.Actions.Complex[0] = b.Item("2E").Actions.Complex[0] }, "same wording as"},
		{"no builder's wording", func(b *Bank) { b.Item("3A").Builder = nil }, "domains[2].items[0].builder: speaks to a deploying organisation"},
		{"builder's half wording", func(b *Bank) { b.Item("7B").Builder.Help = "" }, "keeps the help, example or actions"},
		{"builder calls the buyer the supplier", func(b *Bank) { b.Item("2D").Builder.Question = "Could you replace the supplier?" }, "the supplier and the organisation are the buyer's"},
		{"builder's checks too few", func(b *Bank) { b.BuilderBaseline = b.BuilderBaseline[:3] }, "want 5 to 10 baseline checks for builders"},
		{"builder's level for the buyer", func(b *Bank) { b.Item("Q3").Builder.Levels.Simple = "" }, "domains[2].quick.builder.levels: keeps a level that speaks of the supplier"},
		{"builder's check reuses an ID", func(b *Bank) { b.BuilderBaseline[0].ID = "dtac" }, `builderBaseline[0].id: id "dtac" already used`},
		{"builder's check with no nations", func(b *Bank) { b.BuilderBaseline[1].Nations = "" }, "builderBaseline[1].nations: empty"},
		{"wordy", func(b *Bank) {
			for _, it := range b.Items(Full) {
				it.Help = strings.Repeat("a ", 240) + "b."
			}
		}, "average sentence is"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var msgs []string
			for _, err := range broken(tt.change).Validate() {
				msgs = append(msgs, err.Error())
			}
			if !strings.Contains(strings.Join(msgs, "\n"), tt.want) {
				t.Errorf("problems:\n%s\nwant one containing %q", strings.Join(msgs, "\n"), tt.want)
			}
		})
	}
}

// TestBanksKeepItemIDs: every version of a bank asks the same questions
// by the same IDs, so that an assessment made with an older one carries
// every answer over when it is upgraded.
func TestBanksKeepItemIDs(t *testing.T) {
	bs, err := Banks()
	if err != nil {
		t.Fatal(err)
	}
	ids := func(b *Bank) string {
		var out []string
		for _, m := range []Mode{Quick, Full} {
			for _, it := range b.Items(m) {
				out = append(out, it.Domain+"/"+it.ID)
			}
		}
		return strings.Join(out, " ")
	}
	for _, b := range bs {
		if ids(b) != ids(Default()) {
			t.Errorf("%s asks other questions than %s", b.Ref(), Default().Ref())
		}
	}
	if len(bs) < 2 || bs[0].Version != 1 {
		t.Errorf("banks %v: version 1 must stay, for the files made with it", bs)
	}
}

func TestAcronymsMatchOnlyInCapitals(t *testing.T) {
	if wordRE("NICE").MatchString("a nice day") {
		t.Error("NICE matched nice")
	}
	if !wordRE("NICE").MatchString("Ask NICE.") {
		t.Error("NICE did not match NICE")
	}
	if wordRE("API").MatchString("rapid") || wordRE("bespoke").MatchString("bespoken") {
		t.Error("matched inside a word")
	}
}

func TestSuggestionKeys(t *testing.T) {
	tests := []struct {
		key  string
		ok   bool
		item string
	}{
		{SuggestionKey("2A", Complex, 1), true, "2A"},
		{"2A/unknown/0", true, "2A"},
		{"2A/simple/0", false, ""},
		{"2A/complex/-1", false, ""},
		{"2A/complex/01", false, ""},
		{"2A/complex", false, ""},
		{"2A/complex/1/2", false, ""},
		{"", false, ""},
	}
	for _, tt := range tests {
		item, _, _, ok := ParseSuggestionKey(tt.key)
		if ok != tt.ok || item != tt.item {
			t.Errorf("ParseSuggestionKey(%q) = %q, %v; want %q, %v", tt.key, item, ok, tt.item, tt.ok)
		}
	}
}

func TestLevels(t *testing.T) {
	for _, l := range AllLevels {
		if !l.Valid() || !l.Answered() || l.Label() == "" {
			t.Errorf("%q", l)
		}
		if l.OnScale() != (LevelForScore(l.Score()) == l) {
			t.Errorf("%q: score %d does not map back", l, l.Score())
		}
	}
	if Unanswered.Answered() || !Unanswered.Valid() || Level("extreme").Valid() {
		t.Error("unanswered or invalid levels misclassified")
	}
}
