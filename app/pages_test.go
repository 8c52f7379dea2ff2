package app

import (
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/questionnaire/example"
)

// TestPagesRender loads every page natively, as server-side rendering
// does, with no assessment, a quick one, a full workshop, and one full of
// hostile text: none may panic, and each draws the shared shell.
func TestPagesRender(t *testing.T) {
	repo = Repo{S: newMemStore()}
	quick := example.Generate(example.Options{Mode: q.Quick, Respondents: 1, Seed: 4})
	full := example.Generate(example.Options{Mode: q.Full, Respondents: 3, Seed: 5})
	hostile := example.Generate(example.Options{Mode: q.Full, Respondents: 1, Seed: 6})
	hostile.Project.Name = `<script>alert(1)</script> 😀 مرحبا`
	for _, a := range []*q.Assessment{quick, full, hostile} {
		if err := repo.Save(a); err != nil {
			t.Fatal(err)
		}
	}
	repo.S.Set(keyPrefix+"damaged", "{not json")

	for _, a := range []*q.Assessment{nil, quick, full, hostile} {
		pages := []app.Composer{&homePage{}, &startPage{}, &domainPage{n: 3}, &checkPage{}, &resultsPage{}, &aboutPage{},
			&planPage{}, &workshopPage{}, &discussPage{}, &comparePage{}, &joinPage{}, &receivePage{}, &tallyPage{}}
		for _, pg := range pages {
			pg.(interface{ base() *page }).base().a = a
			switch p := pg.(type) {
			case *startPage:
				p.editing = a != nil
			case *homePage:
				p.refresh()
			}
			e := app.NewTestEngine()
			if err := e.Load(pg); err != nil {
				t.Fatalf("%T: %v", pg, err)
			}
			e.ConsumeAll()
			if err := app.Match(app.Div().Class("app"), pg, 0); err != nil {
				t.Errorf("%T with %v: the shell is missing: %v", pg, a != nil, err)
			}
		}
	}
}
