package questionnaire

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"time"
)

// Clash is one thing two copies of an assessment both changed, each its
// own way, since the version they share. Reconcile keeps this copy's and
// reports the other's, so that nobody's words vanish unseen.
type Clash struct {
	// Path is where, as in a file error: respondents[1].answers["1A"].note.
	Path string
	// Theirs is what the other copy held there when it is one piece of
	// text (a note, a name, a level); empty otherwise.
	Theirs string
	Kind   ClashKind
}

// ClashKind is how two copies disagreed.
type ClashKind int

// The ways two copies can disagree on one thing.
const (
	// BothChanged: this copy's value is kept.
	BothChanged ClashKind = iota
	// TheyRemoved what this copy changed: it stays.
	TheyRemoved
	// YouRemoved what the other copy changed: it stays, as they left it.
	YouRemoved
)

// Reconcile merges two copies of one assessment that grew apart from a
// common base: an edit in one browser tab while another tab saved. Every
// change only one side made is taken. Where both changed the same value,
// mine wins and the clash is reported; where one side removed what the
// other changed, the changed thing stays. People and actions are matched
// by ID, so two tabs that each added a person keep both. The result takes
// the later of the two last-changed times.
func Reconcile(base, mine, theirs *Assessment) (*Assessment, []Clash) {
	r := &reconciler{}
	merged := r.value(generic(base), generic(mine), generic(theirs), "")
	data, err := json.Marshal(merged)
	if err != nil {
		panic(err) // cannot happen: the tree came from JSON
	}
	var out Assessment
	if err := json.Unmarshal(data, &out); err != nil {
		panic(err) // cannot happen: each part came from an Assessment
	}
	out.Updated = later(mine.Updated, theirs.Updated)
	return &out, r.clashes
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// generic is an assessment as a JSON tree: maps, slices and leaves.
func generic(a *Assessment) any {
	if a == nil {
		return nil
	}
	data, err := json.Marshal(a)
	if err != nil {
		panic(err) // only times out of JSON's range fail, and Validate bars those
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		panic(err)
	}
	return v
}

type reconciler struct{ clashes []Clash }

// value merges one value of the tree; nil stands for absent.
func (r *reconciler) value(b, m, t any, path string) any {
	switch {
	case reflect.DeepEqual(m, t), reflect.DeepEqual(b, t):
		return m
	case reflect.DeepEqual(b, m):
		return t
	case path == "updated":
		return m // Reconcile sets it
	}
	if mm, ok := m.(map[string]any); ok {
		if tm, ok := t.(map[string]any); ok {
			bm, _ := b.(map[string]any)
			return r.object(bm, mm, tm, path)
		}
	}
	// A list left out of the file (an empty plan) is an empty list.
	_, mk := keyed(m)
	_, tk := keyed(t)
	if mk && t == nil {
		t, tk = []any{}, true
	}
	if tk && m == nil {
		m, mk = []any{}, true
	}
	if mk && tk {
		ml, _ := keyed(m)
		tl, _ := keyed(t)
		bl, _ := keyed(b)
		return r.list(bl, ml, tl, m.([]any), t.([]any), path)
	}
	if path == "" {
		panic("reconcile: the assessments are not objects") // cannot happen
	}
	// Both changed one value: mine stays, unless mine removed what the
	// other side changed, which then stays.
	c := Clash{Path: path}
	if s, ok := t.(string); ok {
		c.Theirs = s
	}
	out := m
	switch {
	case m == nil:
		c.Kind, out = YouRemoved, t
	case t == nil:
		c.Kind = TheyRemoved
	}
	r.clashes = append(r.clashes, c)
	return out
}

func (r *reconciler) object(b, m, t map[string]any, path string) any {
	out := map[string]any{}
	keys := map[string]bool{}
	for _, o := range []map[string]any{b, m, t} {
		for k := range o {
			keys[k] = true
		}
	}
	// A map of the model (answers by item) or a struct's fields: paths
	// are written as the validator writes them.
	mapKeys := path == "team" || path == "tallies" || path == "reflections" ||
		len(path) > len(".answers") && path[len(path)-len(".answers"):] == ".answers"
	for _, k := range sortedKeys(keys) {
		p := joinPath(path, k, mapKeys)
		if v := r.value(b[k], m[k], t[k], p); v != nil {
			out[k] = v
		}
	}
	return out
}

// keyed reports a list whose entries are objects with distinct IDs, such
// as people and actions, as a map by ID.
func keyed(v any) (map[string]any, bool) {
	l, ok := v.([]any)
	if !ok {
		return nil, false
	}
	byID := make(map[string]any, len(l))
	for _, e := range l {
		o, ok := e.(map[string]any)
		if !ok {
			return nil, false
		}
		id, ok := o["id"].(string)
		if !ok || byID[id] != nil {
			return nil, false
		}
		byID[id] = o
	}
	return byID, true
}

// list merges lists matched by ID: the other copy's order, then what only
// this copy added, in its order.
func (r *reconciler) list(b, m, t map[string]any, mine, theirs []any, path string) any {
	var order []string
	seen := map[string]bool{}
	for _, l := range [][]any{theirs, mine} {
		for _, e := range l {
			id := e.(map[string]any)["id"].(string)
			if !seen[id] {
				seen[id] = true
				order = append(order, id)
			}
		}
	}
	var out []any
	for _, id := range order {
		p := path + "[" + strconv.Itoa(len(out)) + "]"
		if v := r.value(b[id], m[id], t[id], p); v != nil {
			out = append(out, v)
		}
	}
	if out == nil {
		return nil
	}
	return out
}
