package app

import (
	"cmp"
	"slices"
)

// series is a project's assessments as the home page shows them: one card
// for the latest, with the earlier ones under it.
type series struct {
	Latest  Entry
	Earlier []Entry // newest first
}

// groupSeries gathers stored assessments into their projects' series, in
// the order of entries (most recently changed first), damaged records on
// their own. Reviews made before files named their series (schema 4) join
// an assessment of the same project name.
func groupSeries(entries []Entry) []series {
	legacy := func(e Entry) bool { return e.Summary.Review != "" && e.Summary.Series == "" }
	// A first assessment heads its own series, under the ID it is stored by.
	own := func(e Entry) string { return cmp.Or(e.Summary.Series, e.ID) }
	byName := map[string]string{}
	for _, e := range entries {
		if !e.Damaged() && !legacy(e) {
			if _, ok := byName[e.Summary.Name]; !ok {
				byName[e.Summary.Name] = own(e)
			}
		}
	}
	key := func(e Entry) string {
		switch {
		case e.Damaged():
			return "damaged:" + e.ID
		case legacy(e):
			if k, ok := byName[e.Summary.Name]; ok {
				return k
			}
			return "name:" + e.Summary.Name
		}
		return own(e)
	}
	var order []string
	members := map[string][]Entry{}
	for _, e := range entries {
		k := key(e)
		if _, seen := members[k]; !seen {
			order = append(order, k)
		}
		members[k] = append(members[k], e)
	}
	out := make([]series, 0, len(order))
	for _, k := range order {
		m := members[k]
		// Latest review first: the one with the most behind it.
		slices.SortStableFunc(m, func(a, b Entry) int {
			return cmp.Or(cmp.Compare(b.Summary.Reviews, a.Summary.Reviews), b.Summary.Created.Compare(a.Summary.Created))
		})
		out = append(out, series{Latest: m[0], Earlier: m[1:]})
	}
	return out
}
