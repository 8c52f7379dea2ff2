package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/scoring"
)

// Record is one stored assessment as a backend keeps it.
type Record struct {
	ID string
	// Rev is the revision: 1 for the first write, one more for each after.
	Rev int
	// Data is the compact JSON EncodeCompact wrote; a listing leaves it out.
	Data []byte
	// Summary is what the lists show, as JSON; empty when not yet known.
	Summary string
}

// PutResult is what a write found.
type PutResult struct {
	// Rev is the record's revision after the write.
	Rev int
	// Conflict is what is stored now, when it was not the revision the
	// write was based on: nothing was written. Its Data is nil when the
	// record has been deleted.
	Conflict *Record
}

// Backend keeps records: IndexedDB in the browser, memory natively and in
// tests. Any call may fail, since storage can be full, blocked or gone.
type Backend interface {
	// List gives every record's ID, revision and summary, without data.
	List() ([]Record, error)
	// Rev is a record's stored revision, 0 if there is none.
	Rev(id string) (int, error)
	Get(id string) (Record, bool, error)
	// Put writes the record if the stored revision is still base (0 for
	// none), all in one transaction, and tells the app's other tabs.
	Put(r Record, base int) (PutResult, error)
	// SetSummary stores a summary worked out later, if the record is still
	// at revision rev.
	SetSummary(id string, rev int, summary string) error
	Delete(id string) error
	Setting(key string) (string, error)
	SetSetting(key, value string) error
	// Kept is nil where data outlives the page, and otherwise the reason
	// it does not: the browser refused storage, so every save is in memory.
	Kept() error
}

// ErrNotFound is returned for an ID with no record.
var ErrNotFound = errors.New("no assessment with that ID on this device")

// ErrNotKept is where the browser refuses storage: the data is in memory,
// in use, and gone when the page closes.
var ErrNotKept = errors.New("this browser does not let this site keep data, so nothing is kept after you close the page")

// SaveState is where saving an assessment has got to.
type SaveState int

// The states a page's status line tells.
const (
	// Saved: what the page shows is stored.
	Saved SaveState = iota
	// NotSaved: a change is only in the page's memory, with the reason.
	NotSaved
)

// Doc is an assessment open for editing: the working copy every page
// changes, and the stored revision it was last loaded or saved at.
type Doc struct {
	// A is the working copy. Pages keep this pointer; a reconcile with
	// another tab's changes replaces what it points at, never the pointer.
	A *q.Assessment
	// State, At and Err tell how the last save went: when it was stored
	// (zero if not since the page opened it), or why it was not. A change
	// that could not be saved stays in A.
	State SaveState
	At    time.Time
	Err   error
	// Size is the bytes the assessment's file would have, as last saved.
	Size int
	// Clashes and Merged report changes another tab made, brought in since
	// the page last showed them: Merged is set whenever there were any.
	Clashes []q.Clash
	Merged  bool
	// Gen counts the times another tab's changes were brought in: pages
	// draw their fields afresh when it moves.
	Gen int
	// Deleted is set when another tab deleted the stored record while this
	// page had it open: the work stays here, and the next save stores it
	// again, setting Restored.
	Deleted, Restored bool

	rev  int
	base []byte // the stored data at rev: the common base for a reconcile
}

// Repo keeps assessments in a Backend, one record each, and the working
// copies this page has open. It is used from the UI goroutine only.
type Repo struct {
	b    Backend
	docs map[string]*Doc
	// persisted records the browser's answer to a request to keep data
	// through a shortage of space, once asked.
	persistAsked bool
}

// NewRepo makes a repository over a backend.
func NewRepo(b Backend) *Repo { return &Repo{b: b, docs: map[string]*Doc{}} }

// Kept is nil where data outlives the page; see Backend.Kept.
func (r *Repo) Kept() error { return r.b.Kept() }

// Summary is what a list of assessments shows of each, kept beside the
// record so that listing many large workshops reads none of them.
type Summary struct {
	V             int       `json:"v"`
	Name          string    `json:"name"`
	Mode          q.Mode    `json:"mode"`
	Bank          q.Ref     `json:"bank"`
	Updated       time.Time `json:"updated"`
	Answered      int       `json:"answered"`
	Applicable    int       `json:"applicable"`
	NotApplicable int       `json:"notApplicable"`
	Complete      bool      `json:"complete"`
	FirstOpen     int       `json:"firstOpen"`
	People        int       `json:"people"`
	Size          int       `json:"size"`
	// Review is the review's label, "" for a first assessment.
	Review string `json:"review,omitempty"`
	// Series is the project's first assessment, for a review that names
	// it (q.Assessment.Series); Reviews counts the reviews before this one.
	Series  string    `json:"series,omitempty"`
	Reviews int       `json:"reviews,omitempty"`
	Created time.Time `json:"created"`
	// NextReview is when the next review is due.
	NextReview q.Date `json:"nextReview,omitempty"`
	// Setting is the setting a builder assessed, for the side-by-side
	// chooser.
	Setting string `json:"setting,omitempty"`
}

// summaryVersion changes when Summary does: older summaries are worked out
// again from their records.
const summaryVersion = 5

func summarise(a *q.Assessment, size int) Summary {
	pr := scoring.Score(q.LookupBank(a.Bank), a)
	return Summary{V: summaryVersion, Name: a.Project.Name, Mode: a.Mode, Bank: a.Bank, Updated: a.Updated,
		Answered: pr.Answered, Applicable: pr.Applicable, NotApplicable: pr.NotApplicable(), Complete: pr.Complete(),
		FirstOpen: pr.FirstOpenDomain(), People: len(a.Respondents), Size: size, Review: a.ReviewLabel(),
		Series: a.Series, Reviews: len(a.History), Created: a.Created,
		NextReview: q.Date(a.NextReviewDue().Format(time.DateOnly)), Setting: a.Project.Setting}
}

// Entry is one stored assessment in a listing. A record that no longer
// decodes has Err set, and can still be downloaded as it is.
type Entry struct {
	ID      string
	Summary Summary
	Err     error
}

// Damaged reports whether the record could not be read.
func (e Entry) Damaged() bool { return e.Err != nil }

// List returns every stored assessment, most recently changed first, with
// damaged records last. Summaries missing or out of date (records copied
// from an older version's storage) are worked out and stored.
func (r *Repo) List() ([]Entry, error) {
	recs, err := r.b.List()
	if err != nil && !errors.Is(err, ErrNotKept) {
		return nil, err
	}
	out := make([]Entry, 0, len(recs))
	for _, rec := range recs {
		e := Entry{ID: rec.ID}
		if json.Unmarshal([]byte(rec.Summary), &e.Summary) != nil || e.Summary.V != summaryVersion {
			e.Summary, e.Err = r.resummarise(rec)
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
		return b.Summary.Updated.Compare(a.Summary.Updated)
	})
	return out, err
}

func (r *Repo) resummarise(listed Record) (Summary, error) {
	rec, ok, err := r.b.Get(listed.ID)
	switch {
	case err != nil:
		return Summary{}, err
	case !ok:
		return Summary{}, ErrNotFound
	}
	a, err := q.Decode(rec.Data)
	if err != nil {
		return Summary{}, err
	}
	s := summarise(a, q.IndentedSize(rec.Data))
	if data, err := json.Marshal(s); err == nil {
		r.b.SetSummary(rec.ID, rec.Rev, string(data)) // only a cache: a failure costs time, not data
	}
	return s, nil
}

// Raw is a stored record's data as it is, for one that cannot be read.
func (r *Repo) Raw(id string) ([]byte, error) {
	rec, ok, err := r.b.Get(id)
	if err == nil && !ok {
		err = ErrNotFound
	}
	return rec.Data, err
}

// Exists reports whether a record with this ID is stored, damaged or not.
func (r *Repo) Exists(id string) bool {
	if _, ok := r.docs[id]; ok {
		return true
	}
	rev, err := r.b.Rev(id)
	return err == nil && rev > 0
}

// Open gives the working copy of an assessment: the one already open, with
// any change another tab has stored since brought in, or else the stored
// one.
func (r *Repo) Open(id string) (*Doc, error) {
	if d, ok := r.docs[id]; ok {
		r.Refresh(d)
		return d, nil
	}
	rec, ok, err := r.b.Get(id)
	switch {
	case err != nil:
		return nil, err
	case !ok:
		return nil, ErrNotFound
	}
	a, err := q.Decode(rec.Data)
	if err != nil {
		return nil, err
	}
	a.ID = id // the record's key is what names it
	d := &Doc{A: a, rev: rec.Rev, base: rec.Data, Size: q.IndentedSize(rec.Data)}
	if kept := r.b.Kept(); kept != nil {
		d.State, d.Err = NotSaved, kept
	}
	r.docs[id] = d
	return d, nil
}

// Refresh brings in what another tab has stored since d was loaded or
// saved, keeping d's own changes, and reports whether anything came in.
// A change of d's that could not be saved is saved now, if it can be.
func (r *Repo) Refresh(d *Doc) bool {
	rev, err := r.b.Rev(d.A.ID)
	if err != nil || rev == d.rev {
		return false
	}
	rec, ok, err := r.b.Get(d.A.ID)
	switch {
	case err != nil:
		return false
	case !ok:
		d.rev, d.base, d.Deleted = 0, nil, true
		return true
	case !r.reconcile(d, rec):
		return false
	}
	if d.State == NotSaved {
		r.Save(d)
	}
	return true
}

// reconcile brings another tab's stored record into d: its changes and
// d's, with d's own winning where both changed one thing. It reports
// false if the stored record cannot be read, leaving d as it was.
func (r *Repo) reconcile(d *Doc, theirs Record) bool {
	if theirs.Data == nil { // deleted meanwhile: this page's copy is all there is
		d.rev, d.base, d.Deleted = 0, nil, true
		return true
	}
	other, err := q.Decode(theirs.Data)
	if err != nil {
		return false
	}
	other.ID = d.A.ID
	var base *q.Assessment
	if b, err := q.Decode(d.base); err == nil {
		base = b
		base.ID = d.A.ID
	}
	merged, clashes := q.Reconcile(base, d.A, other)
	*d.A = *merged
	d.rev, d.base = theirs.Rev, theirs.Data
	d.Clashes = append(d.Clashes, clashes...)
	d.Merged = true
	d.Gen++
	return true
}

// Save stores the working copy, by the rules and size cap that reading a
// file applies: what would not load is not written, and d says why. It
// first brings in anything another tab stored meanwhile. It returns nil
// when the assessment is stored, or kept for the page's life where the
// browser refuses storage (d.Err says so).
func (r *Repo) Save(d *Doc) error { return r.write(d, true) }

// write is Save, with the last-changed time stamped or, for an assessment
// that arrives whole (imported, or new), left as it is.
func (r *Repo) write(d *Doc, stamp bool) error {
	prev := d.A.Updated
	if stamp {
		d.A.Updated = time.Now().UTC().Truncate(time.Second)
	}
	d.A.Normalize()
	start := time.Now()
	for range 3 {
		data, size, err := q.EncodeCompactSize(d.A)
		if err != nil {
			// Refused: nothing was written, and what is stored stands.
			// The caller undoes the change (see Revert).
			d.A.Updated = prev
			return err
		}
		sum, _ := json.Marshal(summarise(d.A, size))
		work := time.Since(start)
		res, err := r.b.Put(Record{ID: d.A.ID, Data: data, Summary: string(sum)}, d.rev)
		recordSave(work)
		if err != nil && !errors.Is(err, ErrNotKept) {
			return r.failed(d, err)
		}
		if res.Conflict != nil {
			if !r.reconcile(d, *res.Conflict) {
				return r.failed(d, errors.New("another tab has saved a version this page cannot read"))
			}
			continue
		}
		d.Restored = d.Restored || d.Deleted
		d.rev, d.base, d.Size, d.Deleted = res.Rev, data, size, false
		d.State, d.At, d.Err = Saved, d.A.Updated, err
		if err != nil {
			d.State = NotSaved
			return nil
		}
		r.askToKeep()
		return nil
	}
	return r.failed(d, errors.New("other tabs keep changing this assessment: close them, then try again"))
}

func (r *Repo) failed(d *Doc, err error) error {
	d.State, d.Err = NotSaved, err
	return err
}

// Create stores a new or imported assessment as it is, and opens it. One
// refused, or not stored at all, is not kept open.
func (r *Repo) Create(a *q.Assessment) (*Doc, error) {
	d := &Doc{A: a}
	r.docs[a.ID] = d
	if err := r.write(d, false); err != nil && d.rev == 0 {
		delete(r.docs, a.ID)
		return d, err
	}
	return d, nil
}

// Revert puts the working copy back to what is stored: for a change the
// store refused after bringing in another tab's, which the change's own
// undo would not know of.
func (r *Repo) Revert(d *Doc) {
	if a, err := q.Decode(d.base); err == nil {
		a.ID = d.A.ID
		*d.A = *a
	}
}

// Replace stores an assessment in place of the one with its ID, whatever
// changed since: the person chose to, as when importing a file over it.
func (r *Repo) Replace(a *q.Assessment) error {
	rev, err := r.b.Rev(a.ID)
	if err != nil {
		return err
	}
	d := &Doc{A: a, rev: rev}
	if err := r.write(d, false); err != nil {
		return err
	}
	r.docs[a.ID] = d
	return nil
}

// Delete removes an assessment.
func (r *Repo) Delete(id string) error {
	delete(r.docs, id)
	return r.b.Delete(id)
}

// Forget drops the open copy of an assessment another tab has deleted
// or changed, so the next Open reads it afresh.
func (r *Repo) Forget(id string) { delete(r.docs, id) }

// askToKeep asks the browser, once, to keep this site's data through a
// shortage of space; the home page shows its answer.
func (r *Repo) askToKeep() {
	if !r.persistAsked {
		r.persistAsked = true
		requestPersistence()
	}
}

// Setting reads one of the app's own settings, "" if unset or unreadable.
func (r *Repo) Setting(key string) string {
	v, _ := r.b.Setting(key)
	return v
}

// SetSetting stores one of the app's own settings.
func (r *Repo) SetSetting(key, value string) error { return r.b.SetSetting(key, value) }

// memBackend keeps records in memory: natively, in tests, and for the
// life of the page where the browser refuses storage (kept is the reason).
// Repos sharing one stand for tabs of one browser.
type memBackend struct {
	recs     map[string]Record
	settings map[string]string
	kept     error
	// fail, when set, is returned by every write: a full disk.
	fail error
}

func newMemBackend() *memBackend {
	return &memBackend{recs: map[string]Record{}, settings: map[string]string{}}
}

func (m *memBackend) List() ([]Record, error) {
	out := make([]Record, 0, len(m.recs))
	for _, id := range sortedIDs(m.recs) {
		rec := m.recs[id]
		rec.Data = nil
		out = append(out, rec)
	}
	return out, m.kept
}

func sortedIDs(m map[string]Record) []string {
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

func (m *memBackend) Rev(id string) (int, error) { return m.recs[id].Rev, nil }

func (m *memBackend) Get(id string) (Record, bool, error) {
	rec, ok := m.recs[id]
	rec.Data = slices.Clone(rec.Data)
	return rec, ok, nil
}

func (m *memBackend) Put(r Record, base int) (PutResult, error) {
	if m.fail != nil {
		return PutResult{}, m.fail
	}
	now, ok := m.recs[r.ID]
	if now.Rev != base {
		c := now
		if !ok {
			c = Record{ID: r.ID}
		}
		c.Data = slices.Clone(c.Data)
		return PutResult{Rev: now.Rev, Conflict: &c}, nil
	}
	r.Rev = base + 1
	r.Data = slices.Clone(r.Data)
	m.recs[r.ID] = r
	return PutResult{Rev: r.Rev}, m.kept
}

func (m *memBackend) SetSummary(id string, rev int, summary string) error {
	if rec, ok := m.recs[id]; ok && rec.Rev == rev {
		rec.Summary = summary
		m.recs[id] = rec
	}
	return nil
}

func (m *memBackend) Delete(id string) error {
	delete(m.recs, id)
	return nil
}

func (m *memBackend) Setting(key string) (string, error) { return m.settings[key], nil }

func (m *memBackend) SetSetting(key, value string) error {
	if m.fail != nil {
		return m.fail
	}
	m.settings[key] = value
	return nil
}

func (m *memBackend) Kept() error { return m.kept }

// newPageOnlyBackend stands in where the browser refuses storage: the app
// still works, in memory, and says that nothing is kept.
func newPageOnlyBackend(reason error) *memBackend {
	m := newMemBackend()
	m.kept = fmt.Errorf("%w (%v)", ErrNotKept, reason)
	return m
}
