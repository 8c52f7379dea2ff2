package questionnaire

import (
	"errors"
	"strconv"
	"strings"
)

// Plain is an error as a person reads it: a file problem's field path,
// such as `respondents[0].answers["3A"].level`, becomes "person 1, answer
// to question 3A, level". The command line keeps the exact path, which is
// what someone mending the file in an editor needs.
func Plain(err error) string {
	var e *Error
	if !errors.As(err, &e) || e.Path == "" {
		return err.Error()
	}
	return PlainPath(e.Path) + ": " + e.Msg
}

// plainNames names the file's fields in words: the field as a whole, and
// for a list or a map, the start of one entry's name, which its number
// (counting from 1) or its question or domain completes. A field not
// listed keeps its own name.
var plainNames = map[string]struct{ whole, entry string }{
	"schema":        {"format version", ""},
	"id":            {"ID", ""},
	"bank":          {"question bank", ""},
	"project":       {"project details", ""},
	"created":       {"date created", ""},
	"updated":       {"date last changed", ""},
	"due":           {"due date", ""},
	"item":          {"question", ""},
	"notApplicable": {"not applicable", ""},
	"respondents":   {"people who rated", "person"},
	"actions":       {"action plan", "action"},
	"history":       {"earlier reviews", "earlier review"},
	"answers":       {"answers", "answer to question"},
	"team":          {"agreed answers", "agreed answer to question"},
	"tallies":       {"shows of hands", "show of hands for question"},
	"reflections":   {"reflections", "reflection on domain"},
}

// PlainPath writes a field path in words; see Plain.
func PlainPath(path string) string {
	var parts []string
	for path != "" {
		path = strings.TrimPrefix(path, ".")
		end := strings.IndexAny(path, ".[")
		if end < 0 {
			end = len(path)
		}
		name := path[:end]
		path = path[end:]
		key, indexed := "", false
		if strings.HasPrefix(path, "[") {
			rb := strings.Index(path, "]")
			if rb < 0 { // not a path this package writes: leave it be
				return strings.Join(append(parts, name+path), ", ")
			}
			key, indexed = path[1:rb], true
			path = path[rb+1:]
			if n, err := strconv.Atoi(key); err == nil {
				key = strconv.Itoa(n + 1)
			} else if k, err := strconv.Unquote(key); err == nil {
				key = k
			}
		}
		word, n := name, plainNames[name]
		if n.whole != "" {
			word = n.whole
		}
		if indexed {
			if n.entry != "" {
				word = n.entry
			}
			word = strings.TrimSpace(word + " " + key)
		}
		if word != "" {
			parts = append(parts, word)
		}
	}
	return strings.Join(parts, ", ")
}
