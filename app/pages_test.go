package app

import (
	htmlpkg "html"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/questionnaire/example"
)

// TestPagesRender loads every page natively, as server-side rendering
// does, with no assessment, a quick one, a full workshop, and one full of
// hostile text: none may panic, each draws its own heading, and a page
// about an assessment shows its project's name, as text and never as
// markup.
func TestPagesRender(t *testing.T) {
	repo = NewRepo(newMemBackend())
	quick := example.Generate(example.Options{Mode: q.Quick, Respondents: 1, Seed: 4})
	full := example.Generate(example.Options{Mode: q.Full, Respondents: 3, Seed: 5})
	full.ID = "full"
	hostile := example.Generate(example.Options{Mode: q.Full, Respondents: 1, Seed: 6})
	hostile.ID = "hostile"
	hostile.Project.Name = `<script>alert(1)</script> 😀 مرحبا`
	for _, a := range []*q.Assessment{quick, full, hostile} {
		if _, err := repo.Create(a); err != nil {
			t.Fatal(err)
		}
	}
	repo.b.(*memBackend).recs["damaged"] = Record{ID: "damaged", Rev: 1, Data: []byte("{not json")}

	pages := []struct {
		make    func() app.Composer
		heading string // with an assessment; without, the not-found page's
		named   bool   // the page shows the project's name
	}{
		{func() app.Composer { return &homePage{} }, "Assess the complexity", false},
		{func() app.Composer { return &startPage{} }, "Project details", false},
		{func() app.Composer { return &domainPage{n: 3} }, "", true},
		{func() app.Composer { return &checkPage{} }, "Check your answers", true},
		{func() app.Composer { return &resultsPage{} }, "Results", true},
		{func() app.Composer { return &planPage{} }, "Action plan", true},
		{func() app.Composer { return &workshopPage{} }, "Workshop", true},
		{func() app.Composer { return &discussPage{} }, "Compare ratings and agree", true},
		{func() app.Composer { return &tallyPage{} }, "Count a show of hands", true},
		{func() app.Composer { return &aboutPage{} }, "About the method", false},
	}
	for _, a := range []*q.Assessment{nil, quick, full, hostile} {
		for _, pc := range pages {
			pg := pc.make()
			if a != nil {
				pg.(interface{ base() *page }).base().open(a.ID)
			}
			switch p := pg.(type) {
			case *startPage:
				p.editing = a != nil
			case *homePage:
				p.refresh()
			case *domainPage:
				if a != nil {
					pc.heading = q.LookupBank(a.Bank).Domains[2].Title
				}
			}
			e := app.NewTestEngine()
			if err := e.Load(pg); err != nil {
				t.Fatalf("%T: %v", pg, err)
			}
			e.ConsumeAll()
			html := app.HTMLString(pg)
			want := pc.heading
			switch {
			case a == nil && pc.named:
				want = "We could not find that assessment"
			case a == nil && pc.heading == "Project details":
				want = "Start a new assessment"
			}
			if !strings.Contains(html, `id="page-heading"`) || !strings.Contains(html, htmlpkg.EscapeString(want)) {
				t.Errorf("%T with %v: no heading %q", pg, a != nil, want)
			}
			if a != nil && pc.named && !strings.Contains(html, app.HTMLString(app.Text(a.Project.Name))) {
				t.Errorf("%T does not show the project's name", pg)
			}
			if strings.Contains(html, "<script>alert") {
				t.Errorf("%T drew a name as markup", pg)
			}
		}
	}
}

func TestSentence(t *testing.T) {
	for in, want := range map[string]string{
		"":                                  "",
		"the file is empty":                 "The file is empty.",
		"already a sentence.":               "Already a sentence.",
		"storage is full (quota exceeded.)": "Storage is full (quota exceeded.)",
		"élan":                              "Élan.",
	} {
		if got := sentence(in); got != want {
			t.Errorf("sentence(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSendFragment: a scanned picture is taken for a participant's ratings
// only if it is a send link, from whichever address it was made on.
func TestSendFragment(t *testing.T) {
	r := q.Respondent{ID: "r1", Name: "Priya", Answers: map[string]q.Answer{"Q1": {Level: q.Complex}}}
	frag, err := q.EncodeLink(q.Default(), "workshop-7", q.Quick, r)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		text string
		ok   bool
	}{
		{"http://127.0.0.1:8000/receive#" + frag, true},
		{"https://nasss.example.org/receive#" + frag, true},
		{"  https://nasss.example.org/receive#" + frag + "\n", true},
		{"https://nasss.example.org/join#" + frag, false},
		{"https://nasss.example.org/receive", false},
		{"https://nasss.example.org/receive#m=quick&broken", false},
		{"7K3M 7K3M 7K3M", false},
		{"", false},
		{"\x00not a url", false},
	} {
		got, ok := sendFragment(tt.text)
		if ok != tt.ok || ok && got != frag {
			t.Errorf("sendFragment(%q) = %q, %v; want ok %v", tt.text, got, ok, tt.ok)
		}
	}
}
