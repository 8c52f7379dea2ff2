package app

import (
	"encoding/json"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	q "github.com/nasss-toolkit/nasss/questionnaire"
)

// Keeping copies: browsers may clear a site's data when a device runs
// short of space, unless they have agreed to keep it. The home page says
// which this browser has done, how much is stored, when each assessment
// was last exported, and, where the browser has not agreed, reminds people
// calmly, at most once a week, to export a copy.

// Settings the app keeps beside the assessments.
const (
	settingExports  = "exports"  // JSON: assessment ID → when last exported
	settingReminded = "reminded" // when the reminder was last put away
	settingSince    = "since"    // when this device first held an assessment
)

// remindEvery is how long the reminder stays away once put away, or once
// a copy is exported.
const remindEvery = 7 * 24 * time.Hour

// storageState is what the home page shows of the device's storage.
type storageState struct {
	usage, quota int64
	known        bool // the browser told usage and quota
	persisted    bool
	bytes        int // the assessments' own size
	exports      map[string]time.Time
	lastExport   time.Time
	remind       bool
}

// readStorageState gathers the facts, for a list of assessments.
func readStorageState(entries []Entry) storageState {
	var s storageState
	s.usage, s.quota, s.persisted, s.known = storageFacts()
	for _, e := range entries {
		s.bytes += e.Summary.Size
	}
	s.exports = exports()
	for _, t := range s.exports {
		if t.After(s.lastExport) {
			s.lastExport = t
		}
	}
	if len(entries) == 0 || repo.Kept() != nil {
		return s
	}
	now := time.Now()
	since := settingTime(settingSince)
	if since.IsZero() {
		repo.SetSetting(settingSince, now.UTC().Format(time.RFC3339))
		since = now
	}
	last := since
	for _, t := range []time.Time{s.lastExport, settingTime(settingReminded)} {
		if t.After(last) {
			last = t
		}
	}
	s.remind = !s.persisted && now.Sub(last) >= remindEvery
	return s
}

func settingTime(key string) time.Time {
	t, _ := time.Parse(time.RFC3339, repo.Setting(key))
	return t
}

// exports reads when each assessment was last exported from this device.
func exports() map[string]time.Time {
	m := map[string]time.Time{}
	json.Unmarshal([]byte(repo.Setting(settingExports)), &m) // none yet, or unreadable: none known
	return m
}

// noteExport records that an assessment was exported now.
func noteExport(id string) {
	m := exports()
	m[id] = time.Now().UTC().Truncate(time.Second)
	if data, err := json.Marshal(m); err == nil {
		repo.SetSetting(settingExports, string(data)) // a date for a reminder, not the user's work
	}
}

// exportedText says when an assessment was last exported.
func (s storageState) exportedText(id string) string {
	if t, ok := s.exports[id]; ok {
		return "Last exported " + dayTimeText(t)
	}
	return "Not exported from this device yet"
}

func dayTimeText(t time.Time) string { return t.Local().Format("2 January 2006") }

// storagePanel tells where assessments are kept and how safe they are.
func (p *homePage) storagePanel() app.UI {
	s := p.storage
	if len(p.entries) == 0 || repo.Kept() != nil {
		return nil
	}
	keep := "This browser may clear what this site stores when the device runs short of space. " +
		"Export a file of each assessment now and then, and keep it somewhere safe."
	if s.persisted {
		keep = "This browser has agreed to keep your assessments until you delete them. " +
			"A file you export is still the copy to keep if this device is lost or replaced."
	}
	last := "You have not exported a file from this device yet."
	if !s.lastExport.IsZero() {
		last = "Your last export was on " + dayTimeText(s.lastExport) + "."
	}
	return app.Section().Class("panel panel-storage").ID("storage").Body(
		app.H2().Text("Keeping your work safe"),
		app.If(s.remind, func() app.UI {
			return app.Div().Class("alert alert-info").ID("backup-reminder").Role("status").Body(
				app.P().Body(app.Strong().Text("Time to export a copy. "), app.Text(last+" Use “Export file” on each assessment you want to keep.")),
				app.Button().Class("button button-secondary").ID("backup-later").Text("Remind me in a week").
					OnClick(func(ctx app.Context, e app.Event) {
						repo.SetSetting(settingReminded, time.Now().UTC().Format(time.RFC3339))
						p.storage.remind = false
					}),
			)
		}),
		app.P().ID("storage-persisted").Text(keep),
		app.If(!s.remind, func() app.UI { return app.P().ID("storage-last-export").Text(last) }),
		app.P().Class("hint").ID("storage-usage").Text(usageText(s)),
	)
}

func usageText(s storageState) string {
	text := "Your assessments take " + q.SizeText(s.bytes) + " on this device."
	if s.known && s.quota > 0 {
		text += " This browser lets the tool use up to " + q.SizeText(int(s.quota)) +
			"; it uses " + q.SizeText(int(s.usage)) + ", the tool itself included."
	}
	return text
}
