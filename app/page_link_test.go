package app

import (
	"net/url"
	"testing"
	"time"

	q "github.com/nasss-toolkit/nasss/questionnaire"
)

// TestJoinFragmentCarriesTheRole: people joining a builder's workshop
// read the questions as the builder does, about the same setting.
func TestJoinFragmentCarriesTheRole(t *testing.T) {
	a := q.New(q.Default(), "w1", q.Quick, time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC))
	a.Project.Name = "Falls sensor"
	v, _ := url.ParseQuery(joinFragment(a))
	if v.Has("r") || v.Has("s") {
		t.Errorf("an implementer's link says %v", v)
	}
	a.Role, a.Project.Setting = q.Builder, "Care homes & hospices"
	v, _ = url.ParseQuery(joinFragment(a))
	if v.Get("r") != "builder" || v.Get("s") != "Care homes & hospices" || v.Get("p") != "Falls sensor" {
		t.Errorf("a builder's link says %v", v)
	}
}
