package pdf

import (
	"strings"
	"testing"

	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/questionnaire/example"
)

// TestPack: the facilitator's pack holds the guide, with both agendas, the
// ways to rate, the prompts and what to do about disagreement, then every
// question of the mode with each of its answers to tick.
func TestPack(t *testing.T) {
	for _, mode := range []q.Mode{q.Quick, q.Full} {
		a := example.Generate(example.Options{Mode: mode, Respondents: 2, Seed: 1})
		data, err := RenderPack(q.Default(), a, fonts(t), Options{Date: day})
		if err != nil {
			t.Fatal(err)
		}
		text := flat(pdftotext(t, data))
		for _, want := range []string{"Facilitator's pack", "A 60-minute workshop", "A 90-minute workshop", "Three ways to rate",
			"Pass the device", "Prompts for the discussion", "When people disagree", "Paper questionnaire",
			"Your name (optional)", "Tick one answer for each question", "not a validated prediction"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: the pack lacks %q", mode, want)
			}
		}
		items := q.Default().Items(mode)
		for _, it := range items {
			for _, want := range []string{it.ID + " " + it.Title, it.Question, flat(it.Levels.Complex)} {
				if !strings.Contains(text, want) {
					t.Errorf("%s: the paper questionnaire lacks %q", mode, want)
				}
			}
		}
		if n := strings.Count(text, "Not applicable: "); n != len(items) {
			t.Errorf("%s: %d questions offer \"not applicable\"; want %d", mode, n, len(items))
		}
	}
	if _, err := RenderPack(nil, example.Generate(example.Options{}), fonts(t), Options{Date: day}); err == nil {
		t.Error("a missing bank gave no error")
	}
}

// BenchmarkPack renders the facilitator's pack for a full assessment.
func BenchmarkPack(b *testing.B) {
	a := example.Generate(example.Options{Mode: q.Full, Respondents: 3, Seed: 1})
	f := fonts(b)
	var size int
	for b.Loop() {
		data, err := RenderPack(q.Default(), a, f, Options{Date: day})
		if err != nil {
			b.Fatal(err)
		}
		size = len(data)
	}
	b.ReportMetric(float64(size)/1024, "KB")
}
