package questionnaire

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// The real table's steps only add fields so far, so the mechanism is
// tested with a made-up history: schema 1 kept the project
// name at the top level, schema 2 moved it into project, schema 3 renamed
// "team" to "agreed".
var testMigrations = map[int]migration{
	1: func(doc map[string]any) error {
		name, ok := doc["projectName"]
		if !ok {
			return errors.New("projectName: missing")
		}
		delete(doc, "projectName")
		doc["project"] = map[string]any{"name": name}
		return nil
	},
	2: func(doc map[string]any) error {
		if t, ok := doc["team"]; ok {
			doc["agreed"] = t
			delete(doc, "team")
		}
		return nil
	},
}

func TestMigrate(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		from, to int
		want     string // JSON after migration, or the error
	}{
		{"one step", `{"schema":1,"projectName":"Falls"}`, 1, 2, `{"project":{"name":"Falls"},"schema":2}`},
		{"two steps", `{"schema":1,"projectName":"Falls","team":{"1A":{"level":"simple"}}}`, 1, 3,
			`{"agreed":{"1A":{"level":"simple"}},"project":{"name":"Falls"},"schema":3}`},
		{"already current", `{"schema":3,"x":"kept"}`, 3, 3, `{"schema":3,"x":"kept"}`},
		{"keeps unknown text", `{"schema":2,"notes":"é 😀 <b>"}`, 2, 3, `{"notes":"é 😀 \u003cb\u003e","schema":3}`},
		{"step fails", `{"schema":1}`, 1, 2, "upgrading from schema 1: projectName: missing"},
		{"no step", `{"schema":0}`, 0, 2, "no way to upgrade a schema 0 file"},
		{"duplicate keys", `{"schema":1,"projectName":"a","projectName":"b"}`, 1, 2, "projectName: appears twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := migrateTo([]byte(tt.in), tt.from, tt.to, testMigrations)
			got := string(out)
			if err != nil {
				got = err.Error()
			}
			if !strings.Contains(got, tt.want) {
				t.Errorf("got %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestMigrationTableCoversEveryOldSchema(t *testing.T) {
	for v := 1; v < SchemaVersion; v++ {
		if _, ok := migrations[v]; !ok {
			t.Errorf("no migration from schema %d", v)
		}
	}
	if _, err := migrate([]byte(`{"schema":1}`), SchemaVersion, migrations); err != nil {
		t.Errorf("a current file needs no migration: %v", err)
	}
	var doc map[string]any
	out, _ := migrate([]byte(`{"schema":1,"a":"b"}`), SchemaVersion, migrations)
	if json.Unmarshal(out, &doc) != nil || doc["a"] != "b" {
		t.Errorf("a current file came back as %s", out)
	}
}

// TestSchema1Files reads the files schema 1 and bank version 1 wrote,
// kept in testdata: they open under the newest bank, every answer, note
// and action carried over, and say which bank they were made with.
func TestSchema1Files(t *testing.T) {
	for _, name := range []string{"example-full-3.nasss.json", "example-quick-1.nasss.json"} {
		data, err := os.ReadFile(filepath.Join("testdata", "schema1", name))
		if err != nil {
			t.Fatal(err)
		}
		var old Assessment
		if err := json.Unmarshal(data, &old); err != nil || old.Schema != 1 || old.Bank.Version != 1 {
			t.Fatalf("%s is not a schema 1 file of bank v1: %v", name, err)
		}
		a, err := Decode(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if a.Bank != Default().Ref() || a.MadeWith != old.Bank {
			t.Errorf("%s: bank %s, made with %s", name, a.Bank, a.MadeWith)
		}
		for i, r := range old.Respondents {
			if !reflect.DeepEqual(a.Respondents[i].Answers, r.Answers) {
				t.Errorf("%s: %s's answers changed", name, r.ID)
			}
		}
		if !reflect.DeepEqual(a.Actions, old.Actions) || !reflect.DeepEqual(a.Team, old.Team) || a.Project != old.Project {
			t.Errorf("%s: actions, agreed answers or project changed", name)
		}
		out, err := Encode(a)
		if err != nil {
			t.Fatal(err)
		}
		again, err := Decode(out)
		if err != nil || !reflect.DeepEqual(again, a) {
			t.Errorf("%s: the upgraded file does not read back the same: %v", name, err)
		}
	}
}
