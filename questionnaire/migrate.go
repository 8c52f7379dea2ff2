package questionnaire

import (
	"encoding/json"
	"fmt"
)

// A migration turns a file of schema N, decoded generically, into schema N+1.
// It must carry every piece of the user's text across: a migration that
// cannot place a field fails rather than dropping it.
type migration func(doc map[string]any) error

// migrations maps each old schema version to the step that upgrades it.
// A nil step means the newer schema only adds fields: the file reads as
// it is, and its errors keep their exact field paths.
var migrations = map[int]migration{
	1: nil, // schema 2 adds a respondent's "rated"
	2: nil, // schema 3 adds the project's purpose, domain levels, links, checks, madeWith
	3: nil, // schema 4 adds a review's series and the next review's date
	4: nil, // schema 5 adds the role and a builder's setting
}

// migrate upgrades data from schema from to SchemaVersion one step at a time.
func migrate(data []byte, from int, table map[int]migration) ([]byte, error) {
	return migrateTo(data, from, SchemaVersion, table)
}

// onlyAdds reports whether every step from one schema to another is nil.
func onlyAdds(from, to int, table map[int]migration) bool {
	for v := from; v < to; v++ {
		if step, ok := table[v]; !ok || step != nil {
			return false
		}
	}
	return true
}

func migrateTo(data []byte, from, to int, table map[int]migration) ([]byte, error) {
	if onlyAdds(from, to, table) {
		return data, nil
	}
	var raw any // generic, so keys read as field names, not map keys
	if err := strictDecode(data, &raw); err != nil {
		return nil, err
	}
	doc, ok := raw.(map[string]any)
	if !ok {
		return nil, errAt("", "the file should be a JSON object holding one assessment")
	}
	for v := from; v < to; v++ {
		step, ok := table[v]
		if !ok {
			return nil, errAt("schema", "no way to upgrade a schema %d file", v)
		}
		if step == nil {
			step = func(map[string]any) error { return nil }
		}
		if err := step(doc); err != nil {
			return nil, fmt.Errorf("upgrading from schema %d: %w", v, err)
		}
		doc["schema"] = v + 1
	}
	return json.Marshal(doc)
}
