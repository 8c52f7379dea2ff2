package app

import (
	"errors"
	"fmt"
	"testing"
	"time"
)

func TestGroupSeries(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2027, 1, d, 9, 0, 0, 0, time.UTC) }
	entry := func(id, name, series string, reviews, created int) Entry {
		s := Summary{Name: name, Series: series, Reviews: reviews, Created: day(created)}
		if reviews > 0 {
			s.Review = fmt.Sprintf("Review %d", reviews)
		}
		return Entry{ID: id, Summary: s}
	}
	damaged := Entry{ID: "bad", Err: errors.New("broken")}
	tests := []struct {
		name    string
		entries []Entry
		want    string
	}{
		{"alone", []Entry{entry("a", "Ward", "", 0, 1)}, "[a]"},
		{"stored under another ID than its own", []Entry{entry("k1", "Ward", "", 0, 1), entry("k2", "Ward", "", 0, 2)}, "[k1] [k2]"},
		{"two projects", []Entry{entry("b", "Clinic", "b", 0, 2), entry("a", "Ward", "a", 0, 1)}, "[b] [a]"},
		{"reviews under the latest", []Entry{
			entry("a", "Ward", "a", 0, 1), entry("r2", "Ward", "a", 2, 9), entry("c", "Clinic", "c", 0, 3), entry("r1", "Ward", "a", 1, 5),
		}, "[r2 r1 a] [c]"},
		{"renamed reviews stay together", []Entry{entry("r1", "Ward tablets (phase 2)", "a", 1, 5), entry("a", "Ward", "a", 0, 1)}, "[r1 a]"},
		{"reviews from before series join by name", []Entry{
			entry("old", "Ward", "", 1, 5), entry("a", "Ward", "a", 0, 1), entry("x", "Other", "x", 0, 2),
		}, "[old a] [x]"},
		{"old reviews of a project not here", []Entry{entry("o1", "Gone", "", 1, 5), entry("o2", "Gone", "", 2, 8)}, "[o2 o1]"},
		{"damaged on its own", []Entry{entry("a", "Ward", "a", 0, 1), damaged}, "[a] [bad]"},
		{"same name, separate projects", []Entry{entry("a", "Ward", "a", 0, 1), entry("b", "Ward", "b", 0, 2)}, "[a] [b]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ""
			for i, s := range groupSeries(tt.entries) {
				if i > 0 {
					got += " "
				}
				ids := []string{s.Latest.ID}
				for _, e := range s.Earlier {
					ids = append(ids, e.ID)
				}
				got += fmt.Sprint(ids)
			}
			if got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}
