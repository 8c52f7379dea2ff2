package questionnaire_test

import (
	"fmt"
	"strings"
	"testing"

	q "github.com/nasss-toolkit/nasss/questionnaire"
)

// TestBankGolden keeps the bank's structure in a golden file: IDs,
// domains, levels and counts, so a change to it is seen in review.
func TestBankGolden(t *testing.T) {
	var b strings.Builder
	d := q.Default()
	fmt.Fprintf(&b, "%s: %d glossary terms, %d baseline checks\n", d.Ref(), len(d.Glossary), len(d.Baseline))
	for _, c := range d.Baseline {
		fmt.Fprintf(&b, "check %s: %s\n", c.ID, c.Title)
	}
	for _, dm := range d.Domains {
		fmt.Fprintf(&b, "domain %s: %s (%d reflections)\n", dm.ID, dm.Title, len(dm.Reflections))
		for _, it := range append([]*q.Item{&dm.Quick}, dm.ItemsFor(q.Full)...) {
			fmt.Fprintf(&b, "  %s %s: actions %d complicated, %d complex, %d unknown\n", it.ID, it.Title,
				len(it.Actions.Complicated), len(it.Actions.Complex), len(it.Actions.Unknown))
		}
	}
	golden(t, "bank-structure.txt", []byte(b.String()))
}
