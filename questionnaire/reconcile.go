package questionnaire

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// Clash is one thing the two copies of an assessment disagree on, which
// Reconcile reports so that nobody's words vanish unseen: both changed it,
// each its own way, since the version they share; or the other copy
// changed or removed words this copy showed.
type Clash struct {
	// Path is where, as in a file error: respondents[1].answers["1A"].note.
	Path string
	// Mine and Theirs are what each copy held there, when it is one piece
	// of text (a note, a name, a level); empty otherwise.
	Mine, Theirs string
	Kind         ClashKind
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
	// TheyReplaced words this copy showed, unchanged here: theirs stand.
	TheyReplaced
	// TheyDeleted a thing this copy showed (a person, an action).
	TheyDeleted
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
		r.replaced(m, t, path)
		return t
	case path == "updated":
		return m // Reconcile sets it
	case strings.HasSuffix(path, ".rated"):
		// When someone last rated: the later of the two, not a clash.
		ms, _ := m.(string)
		ts, _ := t.(string)
		if ts > ms { // RFC 3339 times in UTC sort as text
			return t
		}
		return m
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
	c.Mine, _ = m.(string)
	c.Theirs, _ = t.(string)
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

// words are the fields that hold what people write.
var words = map[string]bool{"name": true, "role": true, "organisation": true, "technology": true,
	"notes": true, "note": true, "text": true, "owner": true, "label": true}

// replaced reports the words this copy showed that the other copy took
// away, when this copy changed nothing there: text it replaced or cut (not
// text it added to), and people and actions it deleted. Ratings and dates
// the other copy changed are its own news, shown on the page, not loss.
func (r *reconciler) replaced(m, t any, path string) {
	switch mv := m.(type) {
	case string:
		key := path[strings.LastIndexAny(path, ".]")+1:]
		if !words[key] && !strings.HasPrefix(path, "reflections[") {
			return
		}
		theirs, _ := t.(string)
		if mv != "" && !strings.Contains(theirs, mv) {
			r.clashes = append(r.clashes, Clash{Path: path, Mine: mv, Theirs: theirs, Kind: TheyReplaced})
		}
	case map[string]any:
		tm, _ := t.(map[string]any)
		if tm == nil && strings.HasSuffix(path, "]") && !isMapPath(path[:strings.LastIndex(path, "[")]) {
			// A person or an action gone: said once, by name.
			c := Clash{Path: path, Kind: TheyDeleted}
			c.Mine, _ = mv["name"].(string)
			if c.Mine == "" {
				c.Mine, _ = mv["text"].(string)
			}
			r.clashes = append(r.clashes, c)
			return
		}
		for _, k := range sortedKeys(mv) {
			if !reflect.DeepEqual(mv[k], tm[k]) {
				r.replaced(mv[k], tm[k], joinPath(path, k, isMapPath(path)))
			}
		}
	case []any:
		tl, _ := keyed(t)
		for i, e := range mv {
			o, ok := e.(map[string]any)
			if !ok {
				return
			}
			id, _ := o["id"].(string)
			if other := tl[id]; !reflect.DeepEqual(o, other) {
				r.replaced(o, other, path+"["+strconv.Itoa(i)+"]")
			}
		}
	}
}

// isMapPath reports a path to a map of the model (answers by item, and
// the like), whose keys are written in brackets.
func isMapPath(path string) bool {
	return path == "team" || path == "tallies" || path == "reflections" || strings.HasSuffix(path, ".answers")
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
	for _, k := range sortedKeys(keys) {
		p := joinPath(path, k, isMapPath(path))
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
