package app

import (
	"errors"
	"slices"
	"strings"

	q "github.com/nasss-toolkit/nasss/questionnaire"
)

// Store is a key-value store of strings: the browser's local storage, or a
// map natively and in tests. Every method reports failure rather than
// panicking, because storage can be full, blocked or missing.
type Store interface {
	Keys() ([]string, error)
	Get(key string) (value string, ok bool, err error)
	Set(key, value string) error
	Remove(key string) error
}

// keyPrefix namespaces assessments in local storage; nothing else the
// origin stores is read as one.
const keyPrefix = "nasss.assessment."

// Entry is one stored assessment. A record that no longer decodes keeps
// its raw text and the reason, so the user can still download it.
type Entry struct {
	ID         string
	Assessment *q.Assessment
	Raw        string
	Err        error
}

// Damaged reports whether the record could not be read.
func (e Entry) Damaged() bool { return e.Err != nil }

// Repo keeps assessments in a Store, one record each, as the same JSON an
// exported file holds.
type Repo struct{ S Store }

// ErrNotFound is returned by Load for an ID with no record.
var ErrNotFound = errors.New("no assessment with that ID on this device")

// List returns every stored assessment, most recently changed first, with
// damaged records last.
func (r Repo) List() ([]Entry, error) {
	keys, err := r.S.Keys()
	if err != nil {
		return nil, err
	}
	var out []Entry
	for _, k := range keys {
		id, ok := strings.CutPrefix(k, keyPrefix)
		if !ok {
			continue
		}
		raw, _, err := r.S.Get(k)
		e := Entry{ID: id, Raw: raw, Err: err}
		if err == nil {
			e.Assessment, e.Err = q.Decode([]byte(raw))
		}
		out = append(out, e)
	}
	slices.SortStableFunc(out, func(a, b Entry) int {
		switch {
		case a.Damaged() != b.Damaged():
			if a.Damaged() {
				return 1
			}
			return -1
		case a.Damaged():
			return strings.Compare(a.ID, b.ID)
		}
		return b.Assessment.Updated.Compare(a.Assessment.Updated)
	})
	return out, nil
}

// Load reads one assessment.
func (r Repo) Load(id string) (*q.Assessment, error) {
	raw, ok, err := r.S.Get(keyPrefix + id)
	switch {
	case err != nil:
		return nil, err
	case !ok:
		return nil, ErrNotFound
	}
	return q.Decode([]byte(raw))
}

// Exists reports whether a record with this ID is stored, damaged or not.
func (r Repo) Exists(id string) bool {
	_, ok, _ := r.S.Get(keyPrefix + id)
	return ok
}

// Save writes an assessment.
func (r Repo) Save(a *q.Assessment) error {
	data, err := q.Encode(a)
	if err != nil {
		return err
	}
	return r.S.Set(keyPrefix+a.ID, string(data))
}

// Delete removes an assessment.
func (r Repo) Delete(id string) error { return r.S.Remove(keyPrefix + id) }

// memStore is a Store in memory: the native stand-in for local storage.
type memStore struct{ m map[string]string }

func newMemStore() *memStore { return &memStore{m: map[string]string{}} }

func (s *memStore) Keys() ([]string, error) {
	keys := make([]string, 0, len(s.m))
	for k := range s.m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys, nil
}

func (s *memStore) Get(k string) (string, bool, error) {
	v, ok := s.m[k]
	return v, ok, nil
}

func (s *memStore) Set(k, v string) error { s.m[k] = v; return nil }

func (s *memStore) Remove(k string) error { delete(s.m, k); return nil }

// ErrNotKept is what a page-only store reports: the data is in memory, in
// use, and gone when the page closes.
var ErrNotKept = errors.New("this browser does not let this site keep data, so nothing is kept after you close the page")

// pageOnlyStore stands in for a browser that refuses local storage: it
// keeps data in memory for the life of the page, so the app still works,
// while every write and every listing reports err, so the pages say that
// nothing is kept and offer an export.
type pageOnlyStore struct {
	mem *memStore
	err error
}

func newPageOnlyStore(err error) pageOnlyStore { return pageOnlyStore{newMemStore(), err} }

func (s pageOnlyStore) Keys() ([]string, error) {
	keys, _ := s.mem.Keys()
	return keys, s.err
}

func (s pageOnlyStore) Get(k string) (string, bool, error) { return s.mem.Get(k) }

func (s pageOnlyStore) Set(k, v string) error {
	s.mem.Set(k, v)
	return s.err
}

func (s pageOnlyStore) Remove(k string) error { return s.mem.Remove(k) }
