package app

import (
	"encoding/json"
	"fmt"
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
	settingJoined   = "joined"   // JSON: workshop ID → the person who joined it here
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

// joined reads, for each workshop joined by link on this device, the ID
// of the person who joined: their ratings are theirs to send back.
func joined() map[string]string {
	m := map[string]string{}
	json.Unmarshal([]byte(repo.Setting(settingJoined)), &m) // none yet, or unreadable: none known
	return m
}

// noteJoined records that someone joined a workshop on this device.
func noteJoined(workshop, respondent string) {
	m := joined()
	m[workshop] = respondent
	if data, err := json.Marshal(m); err == nil {
		repo.SetSetting(settingJoined, string(data)) // a way back to the send link, not the user's work
	}
}

// exportedText says when an assessment was last exported, and whether it
// has changed since.
func (s storageState) exportedText(e Entry) string {
	t, ok := s.exports[e.ID]
	switch {
	case !ok:
		return "Not exported from this device yet"
	case e.Summary.Updated.After(t):
		return "Changed since it was last exported, on " + dayTimeText(t)
	}
	return "Last exported " + dayTimeText(t)
}

func dayTimeText(t time.Time) string { return t.Local().Format("2 January 2006") }

// reminder asks, calmly and at most once a week, for copies to be kept,
// above the list where it is seen, with a way to make them at once.
func (p *homePage) reminder() app.UI {
	if p.remindedUntil != "" {
		return app.P().Class("message").ID("backup-later-done").TabIndex(-1).Role("status").
			Text("We will remind you again on " + p.remindedUntil + ".")
	}
	if !p.storage.remind {
		return nil
	}
	last := "You have not exported a file from this device yet."
	if !p.storage.lastExport.IsZero() {
		last = "Your last export was on " + dayTimeText(p.storage.lastExport) + "."
	}
	return app.Div().Class("alert alert-info").ID("backup-reminder").Role("region").Aria("labelledby", "backup-reminder-title").Body(
		app.H2().Class("alert-title").ID("backup-reminder-title").Text("Time to keep a copy"),
		app.P().Text("This browser may clear what it stores when the device runs short of space. "+last+
			" Export each assessment you want to keep, and store the files somewhere safe."),
		app.Div().Class("button-group").Body(
			p.exportAllButton("backup-export-all"),
			app.Button().Class("button button-secondary").ID("backup-later").Text("Remind me in a week").
				OnClick(func(ctx app.Context, e app.Event) {
					now := time.Now()
					repo.SetSetting(settingReminded, now.UTC().Format(time.RFC3339))
					p.storage.remind = false
					p.remindedUntil = dayTimeText(now.Add(remindEvery))
					focusElement("backup-later-done")
				}),
		),
	)
}

// exportAllButton downloads every readable assessment, one file each.
func (p *homePage) exportAllButton(id string) app.UI {
	n := 0
	for _, e := range p.entries {
		if !e.Damaged() {
			n++
		}
	}
	return app.Button().Class("button").ID(id).Textf("Export all (%d %s)", n, plural(n, "file", "files")).
		OnClick(func(ctx app.Context, ev app.Event) {
			done := 0
			for _, e := range p.entries {
				if e.Damaged() {
					continue
				}
				if d, err := repo.Open(e.ID); err == nil {
					if p.exportFile(d.A); p.reportErr == "" {
						done++
					}
				}
			}
			p.message = fmt.Sprintf("Exported %d %s: look in your downloads.", done, plural(done, "file", "files"))
			if done < n {
				p.message = fmt.Sprintf("Exported %d of %d files: %s", done, n, p.reportErr)
			}
			p.storage = readStorageState(p.entries)
			p.storage.remind = false
			focusElement("home-message")
		})
}

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
		app.P().ID("storage-persisted").Text(keep),
		app.P().ID("storage-last-export").Text(last),
		app.P().Class("hint").ID("storage-usage").Text(usageText(s)),
		p.exportAllButton("export-all"),
	)
}

// usageText says how much the assessments take, and how much room is
// left only when that is worth knowing.
func usageText(s storageState) string {
	text := "Your assessments take " + q.SizeText(s.bytes) + " on this device."
	switch {
	case !s.known || s.quota == 0:
	case s.usage*2 > s.quota:
		text += " The browser's room for this tool is more than half full: " + q.SizeText(int(s.usage)) + " of " + q.SizeText(int(s.quota)) + "."
	default:
		text += " There is plenty of room for more."
	}
	return text
}
