package questionnaire

// Role is who is assessing. It decides how questions, suggested actions and
// baseline checks are worded; item IDs and levels are the same in every
// role, so profiles made in different roles stay comparable.
type Role string

// The roles. An assessment with no role, as every file before schema 5, is
// an implementer's.
const (
	// Implementer is putting a technology into their own service.
	Implementer Role = "implementer"
	// Builder is building or selling a technology, and assesses the
	// adoption risks it meets in one setting it is sold into.
	Builder Role = "builder"
	// Facilitator runs the assessment for a team that is putting a
	// technology into its service: the wording is the implementer's.
	Facilitator Role = "facilitator"
)

// Roles lists the roles in the order the start step offers them.
var Roles = []Role{Implementer, Builder, Facilitator}

// Valid reports whether r is a role or unset.
func (r Role) Valid() bool { return r == "" || r == Implementer || r == Builder || r == Facilitator }

// Label is the role as the start step offers it.
func (r Role) Label() string {
	switch r {
	case Builder:
		return "Building or selling a technology"
	case Facilitator:
		return "Facilitating for a team"
	}
	return "Putting a technology into our service"
}

// Hint says in a line what the role changes.
func (r Role) Hint() string {
	switch r {
	case Builder:
		return "The questions ask about one setting you sell into, such as a care home or a GP practice, and the checks are a maker's duties."
	case Facilitator:
		return "The questions speak to the team you are running it with, who are putting the technology into their service."
	}
	return "The questions ask about your own service and the organisations around it."
}

// About is what the team said about the project (Project.About), after
// who is assessing where that is not the usual implementer.
func (a *Assessment) About() []Fact {
	facts := a.Project.About()
	if r := a.RoleOf(); r != Implementer {
		facts = append([]Fact{{"Who is assessing", r.Label()}}, facts...)
	}
	return facts
}

// RoleOf is the assessment's role, an implementer's where none is stored.
func (a *Assessment) RoleOf() Role {
	if a.Role == "" {
		return Implementer
	}
	return a.Role
}

// Variant is how an item reads for someone building or selling the
// technology. The fields it sets replace the item's own; its levels are
// the item's, so the rating means the same in every role.
type Variant struct {
	Question string `json:"question"`
	Help     string `json:"help,omitempty"`
	Example  string `json:"example,omitempty"`
	// Levels says what a level looks like in a maker's words, where the
	// item's own speak to the buyer; each set replaces that level's text
	// and keeps its meaning.
	Levels  *Levels  `json:"levels,omitempty"`
	Actions *Actions `json:"actions,omitempty"`
}

// For is the item as a role reads it: the builder's variant laid over the
// item where the bank has one, else the item itself.
func (it *Item) For(r Role) *Item {
	if r != Builder || it == nil || it.Builder == nil {
		return it
	}
	c := *it
	v := it.Builder
	c.Question = v.Question
	if v.Help != "" {
		c.Help = v.Help
	}
	if v.Example != "" {
		c.Example = v.Example
	}
	if v.Actions != nil {
		c.Actions = *v.Actions
	}
	if l := v.Levels; l != nil {
		for _, f := range []struct {
			to   *string
			from string
		}{{&c.Levels.Simple, l.Simple}, {&c.Levels.Complicated, l.Complicated}, {&c.Levels.Complex, l.Complex}} {
			if f.from != "" {
				*f.to = f.from
			}
		}
	}
	return &c
}

// BaselineFor is the "Always check" list for a role: a maker's duties for
// a builder, a deploying organisation's for everyone else.
func (b *Bank) BaselineFor(r Role) []BaselineCheck {
	if r == Builder && len(b.BuilderBaseline) > 0 {
		return b.BuilderBaseline
	}
	return b.Baseline
}
