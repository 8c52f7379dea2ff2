package questionnaire_test

import (
	"encoding/base64"
	"encoding/binary"
	"hash/crc32"
	"reflect"
	"strings"
	"testing"
	"time"

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
		{"r3." + good[3:], "newer version"},
		{good[:len(good)-3], "damaged or incomplete"},
		{string(flip), "damaged or incomplete"},
		{good + "AAAA", "damaged or incomplete"},
		{"r1.!!!!", "damaged or incomplete"},
		{"r2." + strings.Repeat("A", 1300), "not a share link"},
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
	if _, err := q.DecodeLink(foreign); err == nil || !strings.Contains(err.Error(), "a question bank this version does not know") {
		t.Errorf("a link from another bank version: %v", err)
	}
	long := r
	long.Name = strings.Repeat("n", 61)
	if _, err := q.EncodeLink(b, "ws1", q.Full, long); err == nil {
		t.Error("a 61-character name made a link")
	}
}

// TestLinkCarriesWhenRated: a link says when its ratings were made, so an
// older one cannot pass for a newer one.
func TestLinkCarriesWhenRated(t *testing.T) {
	r := q.Respondent{ID: "p-abc", Name: "Dee", Rated: time.Date(2026, 12, 1, 15, 4, 5, 0, time.UTC),
		Answers: map[string]q.Answer{"Q1": {Level: q.Complex}}}
	link, err := q.EncodeLink(q.Default(), "ws1", q.Quick, r)
	if err != nil {
		t.Fatal(err)
	}
	got, err := q.DecodeLink(link)
	if err != nil || !got.Respondent.Rated.Equal(r.Rated) {
		t.Errorf("rated %v, %v", got.Respondent.Rated, err)
	}
}

// TestFormat1LinksStillOpen: a link the previous version made, which
// carries no time.
func TestFormat1LinksStillOpen(t *testing.T) {
	got, err := q.DecodeLink("r1.AQtuYXNzcy1lbi1HQgEJZXhhbXBsZS0xAQZwLXRvdXIDU2FtDFdhcmQgbWFuYWdlchjROAAAAAAAAAArmFdi")
	if err != nil {
		t.Fatal(err)
	}
	r := got.Respondent
	if got.Workshop != "example-1" || r.ID != "p-tour" || r.Name != "Sam" || r.Role != "Ward manager" || !r.Rated.IsZero() ||
		r.Answers["1A"].Level != q.Simple || len(r.Answers) != 5 {
		t.Errorf("decoded %+v", got)
	}
}

// TestHostileLinks: a crafted link is refused by the rules files obey,
// and the error never repeats what the link says.
func TestHostileLinks(t *testing.T) {
	b := q.Default()
	tests := map[string]q.Respondent{
		"escape in the name": {ID: "p-1", Name: "EVIL\x1b]0;x\x07"},
		"NUL in the role":    {ID: "p-1", Role: "EVIL\x00"},
		"250-character name": {ID: "p-1", Name: "EVIL" + strings.Repeat("n", 246)},
		"C1 control":         {ID: "p-1", Name: "EVIL\u009b"},
		"a year no one rated in": {ID: "p-1", Name: "EVIL",
			Rated: time.Date(1970, 1, 2, 0, 0, 0, 0, time.UTC)},
	}
	for name, r := range tests {
		t.Run(name, func(t *testing.T) {
			if _, err := q.EncodeLink(b, "ws1", q.Quick, r); err == nil {
				t.Error("EncodeLink made it")
			}
			_, err := q.DecodeLink(forgeLink(b, "ws1", q.Quick, r))
			if err == nil {
				t.Fatal("DecodeLink took it")
			}
			if strings.Contains(err.Error(), "EVIL") {
				t.Errorf("the error repeats the link: %v", err)
			}
		})
	}
	// Long names in four-byte characters, which the join form allows,
	// still make a link the decoder reads.
	emoji := q.Respondent{ID: "p-1", Name: strings.Repeat("😀", 60), Role: strings.Repeat("👩", 60)}
	link, err := q.EncodeLink(b, strings.Repeat("w", 64), q.Full, emoji)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := q.DecodeLink(link); err != nil || got.Respondent.Name != emoji.Name {
		t.Errorf("a %d-character link of emoji names: %v", len(link), err)
	}
}

// forgeLink packs a link as format 2 does, with no checks: what someone
// crafting one by hand could send.
func forgeLink(b *q.Bank, workshop string, mode q.Mode, r q.Respondent) string {
	str := func(buf []byte, s string) []byte { return append(binary.AppendUvarint(buf, uint64(len(s))), s...) }
	buf := str([]byte{2}, b.ID)
	buf = binary.AppendUvarint(buf, uint64(b.Version))
	buf = str(buf, workshop)
	buf = append(buf, map[q.Mode]byte{q.Quick: 0, q.Full: 1}[mode])
	buf = str(str(str(buf, r.ID), r.Name), r.Role)
	var rated uint64
	if !r.Rated.IsZero() {
		rated = uint64(r.Rated.Unix())
	}
	buf = binary.AppendUvarint(buf, rated)
	n := len(b.Items(mode))
	buf = append(buf, byte(n))
	buf = append(buf, make([]byte, (3*n+7)/8)...)
	buf = binary.BigEndian.AppendUint32(buf, crc32.ChecksumIEEE(buf))
	return "r2." + base64.RawURLEncoding.EncodeToString(buf)
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
