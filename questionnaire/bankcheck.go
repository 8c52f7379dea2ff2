package questionnaire

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// Length caps for bank wording, in characters. They keep every screen and
// PDF line predictable.
const (
	maxTitle    = 60
	maxQuestion = 200
	maxHelp     = 500
	maxExample  = 300
	maxLevel    = 200
	maxAction   = 160
	maxSummary  = 400
	maxReflect  = 200
)

// Plain-language limits the bank must meet.
const (
	// MaxQuestionSentence is the most words in any sentence of a question.
	MaxQuestionSentence = 25
	// MaxAverageSentence is the most words per sentence across the bank.
	MaxAverageSentence = 18.0
)

// bannedWords never appear: plain English has a better word for each.
var bannedWords = []string{
	"utilise", "utilize", "leverage", "synergy", "paradigm", "holistic",
	"going forward", "stakeholder", "stakeholders", "robust",
}

// glossaryWords may appear only when the bank's glossary explains them.
// Jargon a practitioner may not know, and the names of bodies, standards
// and duties: each is explained where people meet it.
var glossaryWords = []string{
	"interoperable", "interoperability", "comorbidity", "comorbidities",
	"intellectual property", "procurement", "governance", "infrastructure",
	"commissioner", "commissioners", "commissioning", "bespoke",
	"dependability", "scale-up", "evidence base", "clinical safety case",
	"DPIA", "CE mark", "UKCA", "MHRA", "NICE", "API",
	"professional body", "professional bodies", "clinical safety officer", "data controller",
	"data controllers", "data processor", "data protection officer", "DTAC", "DCB0129", "DCB0160",
	"DSPT", "Evidence Standards Framework", "pooled budget", "pooled budgets", "hazard log",
	"UK GDPR", "medical device", "approved body", "HCPC", "NMC", "GMC",
}

// jargonWords are idioms and jargon the content review found: they have
// plain words that say the same.
var jargonWords = []string{
	"pay its way", "slack", "change request", "change requests", "value proposition",
	"adopter", "adopters", "adopter system", "embedding", "embedded in practice",
}

// Compiled once, on first use: the bank has hundreds of texts to check
// against each, but the app never checks its wording, so it never pays for
// the Unicode tables these patterns build.
var (
	bannedRE   = sync.OnceValue(func() []*regexp.Regexp { return compileWords(bannedWords) })
	glossaryRE = sync.OnceValue(func() []*regexp.Regexp { return compileWords(glossaryWords) })
	jargonRE   = sync.OnceValue(func() []*regexp.Regexp { return compileWords(jargonWords) })
)

func compileWords(words []string) []*regexp.Regexp {
	out := make([]*regexp.Regexp, len(words))
	for i, w := range words {
		out[i] = wordRE(w)
	}
	return out
}

// Text is one piece of bank wording with where it lives.
type Text struct {
	Path string // e.g. domains[1].items[0].question
	Kind string // title, question, help, example, level, action, summary, reflection, glossary
	Text string
}

// Texts lists every piece of wording in the bank, in order.
func (b *Bank) Texts() []Text {
	var out []Text
	add := func(path, kind, s string) { out = append(out, Text{path, kind, s}) }
	add("title", "title", b.Title)
	addActions := func(p string, acts Actions) {
		for _, l := range []Level{Complicated, Complex, Unknown} {
			for k, a := range acts.For(l) {
				add(fmt.Sprintf("%s.actions.%s[%d]", p, l, k), "action", a)
			}
		}
	}
	for i, g := range b.Glossary {
		p := fmt.Sprintf("glossary[%d]", i)
		add(p+".term", "title", g.Term)
		add(p+".meaning", "glossary", g.Meaning)
	}
	if b.Version >= 2 {
		add("ratingHint", "summary", b.RatingHint)
		for _, l := range AllLevels {
			add("meanings."+string(l), "meaning", b.Meanings.Of(l))
		}
		for _, l := range b.checkLists() {
			for i, c := range l.checks {
				p := fmt.Sprintf("%s[%d]", l.name, i)
				add(p+".title", "title", c.Title)
				add(p+".text", "help", c.Text)
				add(p+".nations", "help", c.Nations)
			}
		}
	}
	for i := range b.Domains {
		d := &b.Domains[i]
		p := fmt.Sprintf("domains[%d]", i)
		add(p+".title", "title", d.Title)
		add(p+".summary", "summary", d.Summary)
		if b.Version >= 2 {
			add(p+".notApplicable", "summary", d.NotApplicable)
		}
		for j, r := range d.Reflections {
			add(fmt.Sprintf("%s.reflections[%d]", p, j), "reflection", r)
		}
		items := append([]*Item{&d.Quick}, d.ItemsFor(Full)...)
		for j, it := range items {
			ip := p + ".quick"
			if j > 0 {
				ip = fmt.Sprintf("%s.items[%d]", p, j-1)
			}
			add(ip+".title", "title", it.Title)
			add(ip+".question", "question", it.Question)
			add(ip+".help", "help", it.Help)
			add(ip+".example", "example", it.Example)
			add(ip+".levels.simple", "level", it.Levels.Simple)
			add(ip+".levels.complicated", "level", it.Levels.Complicated)
			add(ip+".levels.complex", "level", it.Levels.Complex)
			addActions(ip, it.Actions)
			if v := it.Builder; v != nil {
				add(ip+".builder.question", "question", v.Question)
				if v.Help != "" {
					add(ip+".builder.help", "help", v.Help)
				}
				if v.Example != "" {
					add(ip+".builder.example", "example", v.Example)
				}
				if l := v.Levels; l != nil {
					for _, lv := range []Level{Simple, Complicated, Complex} {
						if t := l.Describe(lv); t != "" {
							add(ip+".builder.levels."+string(lv), "level", t)
						}
					}
				}
				if v.Actions != nil {
					addActions(ip+".builder", *v.Actions)
				}
			}
		}
	}
	return out
}

var capFor = map[string]int{
	"title": maxTitle, "question": maxQuestion, "help": maxHelp, "example": maxExample,
	"level": maxLevel, "action": maxAction, "summary": maxSummary, "reflection": maxReflect,
	"glossary": maxReflect, "meaning": maxLevel,
}

// Validate checks the bank's structure and wording and returns every problem
// found, each naming its path. An empty result means the bank is usable.
func (b *Bank) Validate() []error {
	var errs []error
	bad := func(path, format string, args ...any) {
		errs = append(errs, &Error{Path: path, Msg: fmt.Sprintf(format, args...)})
	}
	if b.ID == "" || b.Version < 1 || b.Language == "" {
		bad("id", "a bank needs an id, a version of 1 or more and a language")
	}
	if len(b.Domains) != 7 {
		bad("domains", "NASSS has 7 domains, found %d", len(b.Domains))
	}
	if b.Version >= 2 {
		if n := len(b.Baseline); n < 5 || n > 10 {
			bad("baseline", "want 5 to 10 baseline checks, found %d", n)
		}
		checkIDs := map[string]string{}
		for _, l := range b.checkLists() {
			for i, c := range l.checks {
				p := fmt.Sprintf("%s[%d].id", l.name, i)
				if !isID(c.ID) {
					bad(p, "%q is not an ID", c.ID)
				} else if prev, ok := checkIDs[c.ID]; ok {
					bad(p, "id %q already used at %s", c.ID, prev)
				}
				checkIDs[c.ID] = p
			}
		}
		if n := len(b.BuilderBaseline); n > 0 && (n < 5 || n > 10) {
			bad("builderBaseline", "want 5 to 10 baseline checks for builders, found %d", n)
		}
	}
	seenID := map[string]string{}
	claim := func(path, id string) {
		if id == "" {
			bad(path, "empty id")
		} else if prev, ok := seenID[id]; ok {
			bad(path, "id %q already used at %s", id, prev)
		} else {
			seenID[id] = path
		}
	}
	for i := range b.Domains {
		d := &b.Domains[i]
		p := fmt.Sprintf("domains[%d]", i)
		claim(p+".id", "domain "+d.ID)
		if n := len(d.Reflections); n < 2 || n > 3 {
			bad(p+".reflections", "want 2 or 3 reflection questions, found %d", n)
		}
		if len(d.Items) == 0 {
			bad(p+".items", "a domain needs items")
		}
		claim(p+".quick.id", d.Quick.ID)
		checkItemShape(p+".quick", &d.Quick, bad)
		for j := range d.Items {
			ip := fmt.Sprintf("%s.items[%d]", p, j)
			claim(ip+".id", d.Items[j].ID)
			checkItemShape(ip, &d.Items[j], bad)
		}
	}
	checkBuilderWording(b, bad)
	seenText := map[string]string{}
	for _, t := range b.Texts() {
		n := utf8.RuneCountInString(t.Text)
		switch {
		case strings.TrimSpace(t.Text) == "":
			bad(t.Path, "empty")
			continue
		case t.Text != strings.TrimSpace(t.Text) || strings.Contains(t.Text, "  "):
			bad(t.Path, "stray spaces")
		case n > capFor[t.Kind]:
			bad(t.Path, "%d characters, the cap is %d", n, capFor[t.Kind])
		}
		if t.Kind == "question" && !strings.HasSuffix(t.Text, "?") {
			bad(t.Path, "a question ends with a question mark")
		}
		if t.Kind == "level" || t.Kind == "action" {
			if prev, ok := seenText[t.Text]; ok {
				bad(t.Path, "same wording as %s", prev)
			}
			seenText[t.Text] = t.Path
		}
	}
	return append(errs, b.Readability().Problems...)
}

func checkItemShape(p string, it *Item, bad func(string, string, ...any)) {
	count := func(name string, got, lo, hi int) {
		if got < lo || got > hi {
			bad(p+".actions."+name, "want %d to %d suggested actions, found %d", lo, hi, got)
		}
	}
	count("complicated", len(it.Actions.Complicated), 2, 4)
	count("complex", len(it.Actions.Complex), 2, 4)
	count("unknown", len(it.Actions.Unknown), 1, 2)
	if v := it.Builder; v != nil && v.Actions != nil {
		// A builder's variant replaces the actions whole, so it is held to
		// the same counts.
		checkItemShape(p+".builder", &Item{Actions: *v.Actions}, bad)
	}
}

// Readability sums up how plain the bank's wording is.
type Readability struct {
	Domains, Items, QuickItems int
	Words, Sentences           int
	// AverageSentence is words per sentence across all wording.
	AverageSentence float64
	// LongestQuestion is the longest sentence in any question, in words.
	LongestQuestion   int
	LongestQuestionID string
	// GlossaryTerms are the explained terms the bank uses.
	GlossaryTerms []string
	// Problems break the plain-language rules; each names its path.
	Problems []error
}

// sentenceEnd is compiled on first use: only the bank's checks need it,
// and the app's start-up should not pay for it.
var sentenceEnd = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[.?!]+(\s+|$)`) })

// Sentences splits text into sentences on full stops, question marks and
// exclamation marks followed by a space or the end.
func Sentences(s string) []string {
	var out []string
	for _, part := range sentenceEnd().Split(s, -1) {
		if strings.TrimSpace(part) != "" {
			out = append(out, part)
		}
	}
	return out
}

// wordRE finds a term as a whole word. Terms in capitals (acronyms) match
// only in capitals, so "NICE" does not catch "nice".
func wordRE(term string) *regexp.Regexp {
	flags := "(?i)"
	if strings.ToUpper(term) == term {
		flags = ""
	}
	return regexp.MustCompile(flags + `(^|[^\pL\pN-])` + regexp.QuoteMeta(term) + `($|[^\pL\pN-])`)
}

// Readability measures the bank against the plain-language rules.
func (b *Bank) Readability() Readability {
	r := Readability{Domains: len(b.Domains)}
	for i := range b.Domains {
		r.Items += len(b.Domains[i].Items)
		r.QuickItems++
	}
	bad := func(path, format string, args ...any) {
		r.Problems = append(r.Problems, &Error{Path: path, Msg: fmt.Sprintf(format, args...)})
	}
	glossary := map[string]bool{}
	for _, g := range b.Glossary {
		glossary[g.Term] = true
	}
	used := map[string]bool{}
	proseWords := 0 // titles are not sentences, so they stay out of the average
	for _, t := range b.Texts() {
		r.Words += len(strings.Fields(t.Text))
		if t.Kind != "title" {
			ss := Sentences(t.Text)
			r.Sentences += len(ss)
			proseWords += len(strings.Fields(t.Text))
			if t.Kind == "question" {
				for _, s := range ss {
					if n := len(strings.Fields(s)); n > r.LongestQuestion {
						r.LongestQuestion, r.LongestQuestionID = n, t.Path
					}
					if n := len(strings.Fields(s)); n > MaxQuestionSentence {
						bad(t.Path, "a sentence of %d words; the most is %d", n, MaxQuestionSentence)
					}
				}
			}
		}
		if strings.HasPrefix(t.Path, "glossary[") {
			continue
		}
		for i, w := range bannedWords {
			if bannedRE()[i].MatchString(t.Text) {
				bad(t.Path, "uses %q: say it in plain words", w)
			}
		}
		for i, w := range glossaryWords {
			if glossaryRE()[i].MatchString(t.Text) {
				used[w] = true
				if !glossary[w] {
					bad(t.Path, "uses %q, which the glossary does not explain", w)
				}
			}
		}
		if b.Version >= 2 {
			for i, w := range jargonWords {
				if jargonRE()[i].MatchString(t.Text) {
					bad(t.Path, "uses %q: say it in plain words", w)
				}
			}
		}
	}
	for _, g := range b.Glossary {
		if !used[g.Term] {
			bad("glossary", "explains %q, which the bank never uses", g.Term)
		} else {
			r.GlossaryTerms = append(r.GlossaryTerms, g.Term)
		}
	}
	if r.Sentences > 0 {
		r.AverageSentence = float64(proseWords) / float64(r.Sentences)
	}
	if r.AverageSentence > MaxAverageSentence {
		bad("", "average sentence is %.1f words; the most is %.0f", r.AverageSentence, MaxAverageSentence)
	}
	return r
}

// Words that speak to the organisation putting a technology in: a builder
// reads them about the wrong party.
var (
	deployerRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)\b(the supplier|your organisation|your service|ask the supplier)\b`)
	})
	buyerRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\b(the supplier|your organisation)\b`) })
)

// checkBuilderWording makes the builder's wording complete: in a bank with
// a builder's checks, an item whose question, help or actions speak to a
// deploying organisation has a variant that replaces each such part, and
// no variant calls anyone else the supplier.
func checkBuilderWording(b *Bank, bad func(string, string, ...any)) {
	if len(b.BuilderBaseline) == 0 {
		return
	}
	speaks := func(texts ...string) bool {
		for _, t := range texts {
			if deployerRE().MatchString(t) {
				return true
			}
		}
		return false
	}
	for i := range b.Domains {
		d := &b.Domains[i]
		for j, it := range append([]*Item{&d.Quick}, d.ItemsFor(Full)...) {
			p := fmt.Sprintf("domains[%d].quick", i)
			if j > 0 {
				p = fmt.Sprintf("domains[%d].items[%d]", i, j-1)
			}
			acts := append(append(slices.Clone(it.Actions.Complicated), it.Actions.Complex...), it.Actions.Unknown...)
			v := it.Builder
			var levels []string
			for _, lv := range []Level{Simple, Complicated, Complex} {
				if v == nil || v.Levels == nil || v.Levels.Describe(lv) == "" {
					levels = append(levels, it.Levels.Describe(lv))
				}
			}
			switch {
			case v == nil && speaks(append(append([]string{it.Question, it.Help, it.Example}, acts...), levels...)...):
				bad(p+".builder", "speaks to a deploying organisation, so a builder needs its own wording")
			case v == nil:
			case v.Question == "":
				bad(p+".builder.question", "a builder's variant needs its question")
			case v.Help == "" && speaks(it.Help), v.Example == "" && speaks(it.Example), v.Actions == nil && speaks(acts...):
				bad(p+".builder", "keeps the help, example or actions that speak to a deploying organisation")
			case buyerRE().MatchString(strings.Join(levels, " ")):
				bad(p+".builder.levels", "keeps a level that speaks of the supplier or the buyer's organisation")
			}
			if v == nil {
				continue
			}
			mine := []string{v.Question, v.Help, v.Example}
			if v.Levels != nil {
				mine = append(mine, v.Levels.Simple, v.Levels.Complicated, v.Levels.Complex)
			}
			for _, t := range mine {
				if buyerRE().MatchString(t) {
					bad(p+".builder", "%q: to a builder, the supplier and the organisation are the buyer's", clip(t))
				}
			}
		}
	}
}

// checkList is one "Always check" list with its name in the file.
type checkList struct {
	name   string
	checks []BaselineCheck
}

// checkLists are the bank's two lists, in file order.
func (b *Bank) checkLists() []checkList {
	return []checkList{{"baseline", b.Baseline}, {"builderBaseline", b.BuilderBaseline}}
}
