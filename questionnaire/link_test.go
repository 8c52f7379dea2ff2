package questionnaire_test

import (
	"reflect"
	"strings"
	"testing"

	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/questionnaire/example"
)

// levelsOnly strips notes, which links do not carry.
func levelsOnly(r q.Respondent) q.Respondent {
	out := r
	out.Answers = map[string]q.Answer{}
	for id, a := range r.Answers {
		if a.Level != q.Unanswered {
			out.Answers[id] = q.Answer{Level: a.Level}
		}
	}
	return out
}

func TestLinkRoundTrip(t *testing.T) {
	b := q.Default()
	full := example.Generate(example.Options{Mode: q.Full, Respondents: 3, Seed: 9})
	quick := example.Generate(example.Options{Mode: q.Quick, Respondents: 1, Seed: 9})
	odd := full.Respondents[1]
	odd.Name, odd.Role = "Zoë 😀 مرحبا", "‘Ward’ sister & <lead>"
	delete(odd.Answers, "2A") // unanswered stays unanswered
	tests := []struct {
		name string
		mode q.Mode
		r    q.Respondent
	}{
		{"full", q.Full, full.Respondents[0]},
		{"quick", q.Quick, quick.Respondents[0]},
		{"names in any script", q.Full, odd},
		{"anonymous, nothing answered", q.Quick, q.Respondent{ID: "anon-1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			link, err := q.EncodeLink(b, "workshop-7", tt.mode, tt.r)
			if err != nil {
				t.Fatal(err)
			}
			if tt.name == "full" {
				t.Logf("a full assessment's link fragment is %d characters", len(link))
				if len(link) > 200 {
					t.Errorf("%d characters; a link with its address must stay within 300", len(link))
				}
			}
			got, err := q.DecodeLink("https://example.invalid/workshop#" + link)
			if err != nil {
				t.Fatal(err)
			}
			want := levelsOnly(tt.r)
			if got.Bank != b.Ref() || got.Workshop != "workshop-7" || got.Mode != tt.mode || !reflect.DeepEqual(got.Respondent, want) {
				t.Errorf("decoded %+v\nwant %+v", got.Respondent, want)
			}
		})
	}
}

func TestBadLinks(t *testing.T) {
	b := q.Default()
	r := example.Generate(example.Options{Mode: q.Full, Respondents: 1, Seed: 2}).Respondents[0]
	good, _ := q.EncodeLink(b, "ws1", q.Full, r)
	flip := []byte(good)
	flip[len(flip)/2] ^= 1
	tests := []struct{ link, want string }{
		{"", "not a share link"},
		{"hello", "not a share link"},
		{"r2." + good[3:], "newer version"},
		{good[:len(good)-3], "damaged or incomplete"},
		{string(flip), "damaged or incomplete"},
		{good + "AAAA", "damaged or incomplete"},
		{"r1.!!!!", "damaged or incomplete"},
		{"r1." + strings.Repeat("A", 700), "not a share link"},
	}
	for _, tt := range tests {
		if _, err := q.DecodeLink(tt.link); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("DecodeLink(%.40q): %v, want %q", tt.link, err, tt.want)
		}
	}
	// A link from a bank version this copy does not have.
	newer := *b
	newer.Version = 7
	foreign, _ := q.EncodeLink(&newer, "ws1", q.Full, r)
	if _, err := q.DecodeLink(foreign); err == nil || !strings.Contains(err.Error(), "nasss-en-GB v7, which this version does not know") {
		t.Errorf("a link from another bank version: %v", err)
	}
	long := r
	long.Name = strings.Repeat("n", 61)
	if _, err := q.EncodeLink(b, "ws1", q.Full, long); err == nil {
		t.Error("a 61-character name made a link")
	}
}

// FuzzDecodeLink feeds the link decoder arbitrary text: it must never
// panic, and whatever it accepts must encode back to a link that decodes
// to the same answers.
func FuzzDecodeLink(f *testing.F) {
	b := q.Default()
	for seed := range uint64(4) {
		a := example.Generate(example.Options{Mode: []q.Mode{q.Quick, q.Full}[seed%2], Respondents: 1, Seed: seed})
		link, _ := q.EncodeLink(b, a.ID, a.Mode, a.Respondents[0])
		f.Add(link)
	}
	f.Add("r1.")
	f.Add("#r1.AAAA")
	f.Fuzz(func(t *testing.T, link string) {
		s, err := q.DecodeLink(link)
		if err != nil {
			return
		}
		again, err := q.EncodeLink(q.LookupBank(s.Bank), s.Workshop, s.Mode, s.Respondent)
		if err != nil {
			t.Fatalf("cannot re-encode an accepted link: %v", err)
		}
		back, err := q.DecodeLink(again)
		if err != nil || !reflect.DeepEqual(back, s) {
			t.Fatalf("round trip changed the answers: %v", err)
		}
	})
}
