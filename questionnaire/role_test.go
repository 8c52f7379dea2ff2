package questionnaire

import (
	"os"
	"strings"
	"testing"
	"time"
)

func TestItemForRole(t *testing.T) {
	b := Default()
	for _, tc := range []struct {
		item string
		role Role
		// want is a phrase the question holds in that role.
		want string
	}{
		{"3A", Implementer, "the supplier"},
		{"3A", Facilitator, "the supplier"},
		{"3A", "", "the supplier"},
		{"3A", Builder, "your business"},
		{"Q2", Builder, "your product in this setting"},
		{"6B", Builder, "your product's route"},
		// No variant: a builder reads the item as it is.
		{"1A", Builder, "condition or care need"},
	} {
		it := b.Item(tc.item).For(tc.role)
		if !strings.Contains(it.Question, tc.want) {
			t.Errorf("%s as %q: question %q, want it to say %q", tc.item, tc.role, it.Question, tc.want)
		}
		if it.ID != tc.item || it.Domain != b.Item(tc.item).Domain {
			t.Errorf("%s as %q: the ID or domain changed", tc.item, tc.role)
		}
	}
	// A level in a maker's words, where the item's speaks to the buyer;
	// the others as they are.
	if got := b.Item("3A").For(Builder).Levels.Simple; !strings.HasPrefix(got, "You have many paying customers") {
		t.Errorf("a builder's 3A simple: %q", got)
	}
	if got := b.Item("3B").For(Builder).Levels.Complex; got != b.Item("3B").Levels.Complex {
		t.Errorf("a builder's 3B complex changed: %q", got)
	}
	if b.Item("3A").Levels.Simple == b.Item("3A").For(Builder).Levels.Simple {
		t.Error("For must not change the bank's own levels")
	}
	if b.Item("1A").For(Builder) != b.Item("1A") {
		t.Error("an item with no variant should be itself")
	}
	v := b.Item("2E").For(Builder)
	if v.Actions.For(Complex)[0] == b.Item("2E").Actions.For(Complex)[0] {
		t.Error("a builder's 2E should suggest the builder's actions")
	}
	if b.Item("2E").Builder == nil || b.Item("2E").Question == v.Question {
		t.Error("For must not change the bank's own item")
	}
}

func TestBaselineForRole(t *testing.T) {
	b := Default()
	ids := func(r Role) string {
		var out []string
		for _, c := range b.BaselineFor(r) {
			out = append(out, c.ID)
		}
		return strings.Join(out, " ")
	}
	if got := ids(Implementer); !strings.Contains(got, "dtac") || strings.Contains(got, "maker-") {
		t.Errorf("an implementer's checks: %s", got)
	}
	if ids(Facilitator) != ids(Implementer) {
		t.Error("a facilitator checks what the team's organisation checks")
	}
	want := "maker-device maker-safety maker-dtac maker-evidence maker-dspt maker-accessibility maker-exit"
	if got := ids(Builder); got != want {
		t.Errorf("a builder's checks: %s, want %s", got, want)
	}
	// The duties the content review names, each for England with the
	// other nations pointed to.
	for id, words := range map[string][]string{
		"maker-device":        {"UKCA", "CE mark", "MHRA", "approved body"},
		"maker-safety":        {"DCB0129", "hazard log", "DCB0160"},
		"maker-dtac":          {"DTAC", "England"},
		"maker-evidence":      {"Evidence Standards Framework", "tier"},
		"maker-dspt":          {"DSPT", "England"},
		"maker-accessibility": {"WCAG", "AA"},
		"maker-exit":          {"data", "standard format"},
	} {
		c := b.Check(id)
		if c == nil {
			t.Fatalf("no check %s", id)
		}
		for _, w := range words {
			if !strings.Contains(c.Text, w) {
				t.Errorf("%s does not say %q", id, w)
			}
		}
		if !strings.Contains(c.Nations, "Scotland") && !strings.Contains(c.Nations, "across the UK") && !strings.Contains(c.Nations, "whole UK") {
			t.Errorf("%s does not point to the other nations: %q", id, c.Nations)
		}
	}
	if old := LookupBank(Ref{ID: DefaultBankID, Version: 1}); len(old.BaselineFor(Builder)) != len(old.Baseline) {
		t.Error("a bank without a builder's list gives its own")
	}
}

func TestRoleReadsBack(t *testing.T) {
	a := New(Default(), NewID(), Full, time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC))
	if a.RoleOf() != Implementer {
		t.Errorf("no role should read as an implementer's, got %q", a.RoleOf())
	}
	a.Role, a.Project.Setting = Builder, "Care homes"
	data, err := Encode(a)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if got.Role != Builder || got.Project.Setting != "Care homes" {
		t.Errorf("read back role %q, setting %q", got.Role, got.Project.Setting)
	}
}

// TestOlderFilesAreImplementers: files from before schema 5 have no role,
// and read as an implementer's.
func TestOlderFilesAreImplementers(t *testing.T) {
	data, err := os.ReadFile("testdata/schema1/example-full-3.nasss.json")
	if err != nil {
		t.Fatal(err)
	}
	a, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if a.Role != "" || a.RoleOf() != Implementer || a.Schema != SchemaVersion {
		t.Errorf("an old file reads as role %q (%q), schema %d", a.Role, a.RoleOf(), a.Schema)
	}
	for _, f := range a.About() {
		if f.Label == "Who is assessing" {
			t.Error("an implementer's facts name the role")
		}
	}
}
