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

// plainFields names the file's fields in words; a field not listed keeps
// its own name.
var plainFields = map[string]string{
	"schema":        "format version",
	"id":            "ID",
	"bank":          "question bank",
	"project":       "project details",
	"created":       "date created",
	"updated":       "date last changed",
	"due":           "due date",
	"item":          "question",
	"notApplicable": "not applicable",
	"respondents":   "people who rated",
	"actions":       "action plan",
	"history":       "earlier reviews",
	"team":          "agreed answers",
	"tallies":       "shows of hands",
}

// plainLists names an entry of a list, counting from 1, or of a map keyed
// by a question or domain.
var plainLists = map[string]func(key string) string{
	"respondents": func(k string) string { return "person " + k },
	"actions":     func(k string) string { return "action " + k },
	"history":     func(k string) string { return "earlier review " + k },
	"answers":     func(k string) string { return "answer to question " + k },
	"team":        func(k string) string { return "agreed answer to question " + k },
	"tallies":     func(k string) string { return "show of hands for question " + k },
	"reflections": func(k string) string { return "reflection on domain " + k },
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
		word := name
		if w, ok := plainFields[name]; ok {
			word = w
		}
		if f, ok := plainLists[name]; ok && indexed {
			word = f(key)
		} else if indexed {
			word = strings.TrimSpace(word + " " + key)
		}
		if word != "" {
			parts = append(parts, word)
		}
	}
	return strings.Join(parts, ", ")
}
