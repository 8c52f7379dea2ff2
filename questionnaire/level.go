package questionnaire

import "strings"

// Level is a rating of one item. The zero value means unanswered, which is
// different from Unknown: "don't know" is an answer the plan acts on.
type Level string

// The five answers an item can have, and unanswered.
const (
	Unanswered    Level = ""
	Simple        Level = "simple"
	Complicated   Level = "complicated"
	Complex       Level = "complex"
	Unknown       Level = "unknown"
	NotApplicable Level = "not-applicable"
)

// AllLevels lists the five answers in the order they are offered.
var AllLevels = []Level{Simple, Complicated, Complex, Unknown, NotApplicable}

// Valid reports whether l is one of the five answers or unanswered.
func (l Level) Valid() bool {
	return l == Unanswered || l.Answered()
}

// Answered reports whether l is one of the five answers.
func (l Level) Answered() bool {
	switch l {
	case Simple, Complicated, Complex, Unknown, NotApplicable:
		return true
	}
	return false
}

// Score is the item's place on the complexity scale: simple 1, complicated 2,
// complex 3, and 0 for everything that is not on the scale.
func (l Level) Score() int {
	switch l {
	case Simple:
		return 1
	case Complicated:
		return 2
	case Complex:
		return 3
	}
	return 0
}

// OnScale reports whether l is simple, complicated or complex.
func (l Level) OnScale() bool { return l.Score() > 0 }

// LevelForScore is the inverse of Score for 1..3.
func LevelForScore(s int) Level {
	switch s {
	case 1:
		return Simple
	case 2:
		return Complicated
	case 3:
		return Complex
	}
	return Unanswered
}

// Label is the plain-English name people see.
func (l Level) Label() string {
	switch l {
	case Simple:
		return "Simple"
	case Complicated:
		return "Complicated"
	case Complex:
		return "Complex"
	case Unknown:
		return "Don't know"
	case NotApplicable:
		return "Not applicable"
	}
	return "Not answered"
}

func levelList() string {
	names := make([]string, len(AllLevels))
	for i, l := range AllLevels {
		names[i] = string(l)
	}
	return strings.Join(names, ", ")
}
