package pdf

import (
	"bytes"
	"compress/zlib"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/questionnaire/example"
	"github.com/nasss-toolkit/nasss/scoring"
)

var update = flag.Bool("update", false, "rewrite the golden PDF")

var day = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

func fonts(t testing.TB) Fonts {
	t.Helper()
	r, err1 := os.ReadFile("../../web/fonts/DejaVuSans.ttf")
	b, err2 := os.ReadFile("../../web/fonts/DejaVuSans-Bold.ttf")
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	return Fonts{Regular: r, Bold: b}
}

func render(t testing.TB, a *q.Assessment, o Options) []byte {
	t.Helper()
	data, err := Render(q.LookupBank(a.Bank), a, fonts(t), o)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// pdftotext extracts a page range's text; Poppler is part of the test kit.
func pdftotext(t testing.TB, data []byte, pages ...int) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext is needed to read the PDFs back: sudo apt-get install poppler-utils")
	}
	f := filepath.Join(t.TempDir(), "r.pdf")
	os.WriteFile(f, data, 0o644)
	args := []string{"-enc", "UTF-8"}
	if len(pages) == 2 {
		args = append(args, "-f", fmt.Sprint(pages[0]), "-l", fmt.Sprint(pages[1]))
	}
	out, err := exec.Command("pdftotext", append(args, f, "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

func pageCount(t testing.TB, data []byte) int {
	t.Helper()
	f := filepath.Join(t.TempDir(), "r.pdf")
	os.WriteFile(f, data, 0o644)
	out, err := exec.Command("pdfinfo", f).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	var n int
	for _, line := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(line, "Pages:") {
			fmt.Sscan(strings.TrimPrefix(line, "Pages:"), &n)
		}
	}
	return n
}

// flat joins pdftotext's lines so that wrapped phrases can be found.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestGolden(t *testing.T) {
	a := example.Generate(example.Options{Mode: q.Full, Respondents: 3, Seed: 1})
	got := render(t, a, Options{Date: day, Uncompressed: true})
	path := filepath.Join("testdata", "example-full-3.pdf")
	if *update {
		os.MkdirAll("testdata", 0o755)
		os.WriteFile(path, got, 0o644)
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./app/pdf -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the report differs from %s; if intended, run go test ./app/pdf -update and look at the pages", path)
	}
	if again := render(t, a, Options{Date: day}); !bytes.Equal(again, render(t, a, Options{Date: day})) {
		t.Error("two renderings of the same file and date differ")
	}
}

func TestEverySectionAndEveryWord(t *testing.T) {
	a := example.Generate(example.Options{Mode: q.Full, Respondents: 3, Seed: 2})
	words := []string{
		"Café Crème Ünïversity Hospital", "Ελληνικά δοκιμή", "Кириллица проверка", "‘single’ and “double” quotes", "€1,500 budget",
	}
	a.Project.Name = "Télé-santé pilot: " + words[3]
	a.Project.Organisation = words[0]
	a.Project.Technology = words[4]
	a.Respondents[0].Answers["1A"] = q.Answer{Level: q.Complex, Note: words[1]}
	a.Reflections = map[string]string{"2": words[2]}
	a.Actions = append(a.Actions, q.Action{ID: "own-x", ItemID: "5C", Text: "Ask the board for " + words[4] + " by March", Owner: "Zoë O’Neill", Due: "2027-03-01", Status: q.InProgress})
	text := flat(pdftotext(t, render(t, a, Options{Date: day})))
	for _, want := range append(words,
		"Action plan", "Agreed actions", "Always check", "The reading, domain by domain", "About the project",
		"How to read this report", "Reflections", "Words used in this report",
		"Télé-santé pilot", "Zoë O’Neill", "1 Mar 2027", "In progress",
		"not a validated prediction", "doi:10.2196/jmir.8775", "doi:10.1186/s12916-018-1050-6", "doi:10.2196/16861",
		"Page 1 of", "Question bank nasss-en-GB v2", "· 23 November 2026",
	) {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF text lacks %q", want)
		}
	}
	for _, d := range q.Default().Domains {
		if !strings.Contains(text, d.ID+". "+d.Title) {
			t.Errorf("no section for domain %s", d.ID)
		}
	}
}

func TestHostileText(t *testing.T) {
	data, err := os.ReadFile("../../questionnaire/testdata/hostile.nasss.json")
	if err != nil {
		t.Fatal(err)
	}
	a, err := q.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	a.Respondents[0].Answers["1B"] = q.Answer{Level: q.Unknown, Note: "emoji 😀👩🏽‍⚕️ bell \a nul-free \x1b[31m escape, CJK 中文, tab\there,\r\nCRLF"}
	a.Reflections = map[string]string{"1": "\u202eRTL override\u202c and <b>markup</b>"}
	pdf := render(t, a, Options{Date: day})
	text := flat(pdftotext(t, pdf))
	for _, want := range []string{`<script>alert("name")</script>`, "emoji �", "CJK ��", "<b>markup</b>", "</td><td>injected", "O'Brien & \"Sons\""} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF text lacks %q", want)
		}
	}
	// The longest note repeats "{nb}", gofpdf's usual page-count alias:
	// every one must print as written.
	long := a.Respondents[0].Answers["1A"].Note
	if want, got := strings.Count(long, "{nb}"), strings.Count(text, "{nb}"); utf8.RuneCountInString(long) < 10_000 || want == 0 || got < want {
		t.Errorf("the 10,000-character note is missing or cut: %d of its %d {nb} in the PDF text", got, want)
	}
	if n := pageCount(t, pdf); n < 10 {
		t.Errorf("%d pages: the long note should run on over pages", n)
	}
}

// TestNoRowSplits renders a plan of 100 actions of different lengths and
// checks, page by page, that every row starts and ends on the same page.
func TestNoRowSplits(t *testing.T) {
	a := example.Generate(example.Options{Mode: q.Quick, Respondents: 1, Seed: 3})
	a.Actions = nil
	for i := range 100 {
		text := fmt.Sprintf("ROW%03dSTART %s ROW%03dEND", i, strings.Repeat("long words to wrap ", i%9*4), i)
		a.Actions = append(a.Actions, q.Action{ID: fmt.Sprintf("a%d", i), ItemID: "Q5", Text: text, Owner: "Owner of row", Status: q.NotStarted})
	}
	pdf := render(t, a, Options{Date: day})
	pages := pageCount(t, pdf)
	found := 0
	// The summary page shortens actions; the detail has them whole.
	for p := 2; p <= pages; p++ {
		text := pdftotext(t, pdf, p, p)
		for i := range 100 {
			start, end := strings.Contains(text, fmt.Sprintf("ROW%03dSTART", i)), strings.Contains(text, fmt.Sprintf("ROW%03dEND", i))
			if start != end {
				t.Errorf("row %d is split: page %d has only its %s", i, p, map[bool]string{true: "start", false: "end"}[start])
			}
			if start && end {
				found++
			}
		}
		if strings.Contains(text, "ROW") && !strings.Contains(text, "Action") {
			t.Errorf("page %d continues the table without its heading", p)
		}
	}
	if found != 100 {
		t.Errorf("found %d of 100 rows", found)
	}
}

// TestBankPrints: every character of every question bank is in the
// report's fonts, so the report's own words never print as U+FFFD.
func TestBankPrints(t *testing.T) {
	cov, err := fontCoverage(fonts(t).Regular)
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob("../../questionnaire/banks/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no banks found: %v", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range string(data) {
			if r != '\n' && cov[r] == 0 {
				t.Errorf("%s: %q (U+%04X) is not in the report's fonts (app/pdf/charset.go)", filepath.Base(f), r, r)
			}
		}
	}
}

func TestSanitise(t *testing.T) {
	cov, err := fontCoverage(fonts(t).Regular)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"é Ω Ж € ‘’“”", "é Ω Ж € ‘’“”"},
		{"😀", "\uFFFD"},
		{"中", "\uFFFD"},
		{"a\tb\r\nc", "a b\nc"},
		{"bell\a esc\x1b", "bell esc"},
		{"bad \xff utf8", "bad \uFFFD utf8"},
		{"\u202eabc\u202c zw\u200djoin", "abc zwjoin"},
		{"Gŵyl ẃ ẁ Привіт Ελληνικά ₹ ₴ № ™ ﬁ", "Gŵyl ẃ ẁ Привіт Ελληνικά ₹ ₴ № ™ ﬁ"},
		// Right-to-left scripts need shaping gofpdf lacks: they are
		// outside the report's fonts, and show that something was there.
		{"שלום", "\uFFFD\uFFFD\uFFFD\uFFFD"},
		{"مرحبا", "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD"},
	}
	for _, tt := range tests {
		if got := cov.sanitise(tt.in); got != tt.want {
			t.Errorf("sanitise(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if _, err := fontCoverage([]byte("not a font")); err == nil {
		t.Error("a file that is not a font was accepted")
	}
}

func TestFailuresAreErrors(t *testing.T) {
	a := example.Generate(example.Options{Mode: q.Quick, Respondents: 1, Seed: 1})
	if _, err := Render(q.Default(), a, Fonts{Regular: []byte("junk")}, Options{Date: day}); err == nil {
		t.Error("bad fonts gave no error")
	}
	f := fonts(t)
	if _, err := Render(q.Default(), a, Fonts{Regular: f.Regular, Bold: []byte("junk but long enough to parse badly")}, Options{Date: day}); err == nil {
		t.Error("a broken bold font gave no error")
	}
	if _, err := Render(nil, a, f, Options{Date: day}); err == nil {
		t.Error("a missing bank gave no error (and no panic)")
	}
}

// BenchmarkRender renders the example full assessment with three people,
// and a workshop of 60.
func BenchmarkRender(b *testing.B) {
	for _, n := range []int{3, 60} {
		b.Run(fmt.Sprintf("people=%d", n), func(b *testing.B) {
			a := example.Generate(example.Options{Mode: q.Full, Respondents: n, Seed: 1})
			f := fonts(b)
			var size int
			for b.Loop() {
				data, err := Render(q.Default(), a, f, Options{Date: day})
				if err != nil {
					b.Fatal(err)
				}
				size = len(data)
			}
			b.ReportMetric(float64(size)/1024, "KB")
		})
	}
}

func TestWhatChanged(t *testing.T) {
	first := example.Generate(example.Options{Mode: q.Full, Respondents: 1, Seed: 1})
	next := scoring.StartReview(q.Default(), first, "second", time.Date(2027, 2, 1, 9, 0, 0, 0, time.UTC))
	next.Respondents[0].Answers["1B"] = q.Answer{Level: q.Simple}
	text := flat(pdftotext(t, render(t, next, Options{Date: day})))
	for _, want := range []string{"What changed since 1 February 2027", "Complex domains:", "Questions that moved", "1B Other health problems and life circumstances Complex Simple Less complex"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
}

// TestPageCountAliasIsLiteral puts gofpdf's usual page-count alias in user
// text: it must print as written, while the footer still counts pages.
func TestPageCountAliasIsLiteral(t *testing.T) {
	a := example.Generate(example.Options{Mode: q.Full, Respondents: 1, Seed: 1})
	a.Project.Name = "Pilot {nb} ward"
	a.Respondents[0].Answers["1A"] = q.Answer{Level: q.Complex, Note: "note {nb} here"}
	a.Actions = append(a.Actions, q.Action{ID: "own-nb", ItemID: "1A", Text: "action {nb} text", Owner: "{nb}", Status: q.NotStarted})
	data := render(t, a, Options{Date: day})
	text := flat(pdftotext(t, data))
	n := pageCount(t, data)
	for _, want := range []string{"Pilot {nb} ward", "note {nb} here", "action {nb} text", "Page 1 of " + fmt.Sprint(n), fmt.Sprintf("Page %d of %d", n, n)} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF text lacks %q", want)
		}
	}
	if strings.Contains(text, fmt.Sprintf("Pilot %d ward", n)) {
		t.Error("{nb} in the project name became the page count")
	}
}

// TestPageCountAliasCannotBeWritten checks the claim pageCountAlias rests
// on. gofpdf writes text as UTF-16BE and replaces the alias in the page
// content in that form and as UTF-8. In either form, at either byte
// alignment, a match needs some whole UTF-16 unit to be a character that
// sanitise never lets through; the units cut at the ends could be anything.
func TestPageCountAliasCannotBeWritten(t *testing.T) {
	cov, err := fontCoverage(fonts(t).Regular)
	if err != nil {
		t.Fatal(err)
	}
	printable := func(r rune) bool {
		return !utf16.IsSurrogate(r) && (r == replacement || cov.sanitise(string(r)) == string(r))
	}
	var be []byte
	for _, u := range utf16.Encode([]rune(pageCountAlias)) {
		be = append(be, byte(u>>8), byte(u))
	}
	forms := []struct {
		name  string
		bytes []byte
	}{{"UTF-16BE", be}, {"UTF-8", []byte(pageCountAlias)}}
	for _, f := range forms {
		for start := range 2 {
			blocked := false
			for i := start; i+1 < len(f.bytes); i += 2 {
				if !printable(rune(f.bytes[i])<<8 | rune(f.bytes[i+1])) {
					blocked = true
				}
			}
			if !blocked {
				t.Errorf("the %s alias % x could come from user text at byte alignment %d", f.name, f.bytes, start)
			}
		}
	}
	if got := cov.sanitise("a" + pageCountAlias + "b"); strings.Contains(got, pageCountAlias) {
		t.Errorf("sanitise let the alias through: %q", got)
	}
}

// TestReadingAPlanCanDefend renders what a team adds beyond its answers:
// what the project is for, a domain level it set with its reason, linked
// risks and the baseline checks, and checks each reaches the PDF with the
// meanings of the words it uses.
func TestReadingAPlanCanDefend(t *testing.T) {
	a := example.Generate(example.Options{Mode: q.Full, Respondents: 1, Seed: 1})
	a.Project.Problem = "Falls at home among people over 80"
	a.Project.Stage = q.StagePilot
	a.Project.Success = "Fewer admissions after a fall"
	a.Project.Decision = "Whether to fund a second year"
	a.DomainLevels = map[string]q.DomainLevel{"3": {Level: q.Complicated, Reason: "The one complex answer is a contract detail we can fix"}}
	a.Links = []q.Link{{ID: q.LinkID("1A", "4B"), A: "1A", B: "4B", Note: "Frail patients need carers who can use it"}}
	// The example has done the first check and given the second to
	// someone; the third is found not to apply, and the rest wait.
	a.ActionForCheck("medical-device").Owner = "Sam Patel"
	a.Actions = append(a.Actions, q.Action{ID: "chk3", Check: "dpia", Text: "Data protection impact assessment (DPIA)", Status: q.DoesNotFit})
	if err := a.Validate(); err != nil {
		t.Fatal(err)
	}
	data := render(t, a, Options{Date: day})
	text := flat(pdftotext(t, data))
	cover := flat(pdftotext(t, data, 1, 1))
	for _, want := range []string{"Falls at home among people over 80", "A pilot or first use", "Fewer admissions after a fall", "Whether to fund a second year"} {
		if !strings.Contains(cover, want) {
			t.Errorf("the cover lacks %q", want)
		}
	}
	for _, want := range []string{
		"Complicated, set by the team",
		"The team set this level; the answers suggest complex. Their reason: The one complex answer is a contract detail we can fix",
		"How the parts affect each other", "Frail patients need carers who can use it", "Linked with 4B",
		"Always check", "Done", "With Sam Patel: in progress", "Not applicable", "To check",
		"Complicated: ", "Words used in this report", "DPIA: ", "DSPT: ",
		"levels, not scores", "its own rule of thumb",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF text lacks %q", want)
		}
	}
	// The agreed actions come first, then the checks, then the reading.
	if i, j, k := strings.Index(text, "Agreed actions"), strings.Index(text, "Always check"), strings.Index(text, "The reading, domain by domain"); i < 0 || j < i || k < j {
		t.Errorf("agreed actions at %d, the checks at %d, the reading at %d", i, j, k)
	}
	if m := regexp.MustCompile(`(?i)(simple|complicated|complex|level|score)\W{0,3}\(?[123]\)`).FindString(text); m != "" {
		t.Errorf("the PDF gives a level as a number: %q", m)
	}
	for _, banned := range []string{"three or more", "counts as simple"} {
		if strings.Contains(strings.ToLower(text), banned) {
			t.Errorf("the PDF still says %q", banned)
		}
	}
}

// TestMadeWithAnOlderBank reads a file made with bank v1: it reports under
// the newest bank and says which it was made with.
func TestMadeWithAnOlderBank(t *testing.T) {
	data, err := os.ReadFile("../../questionnaire/testdata/schema1/example-quick-1.nasss.json")
	if err != nil {
		t.Fatal(err)
	}
	a, err := q.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	cover := flat(pdftotext(t, render(t, a, Options{Date: day}), 1, 1))
	if !strings.Contains(cover, "Made with version 1 of the questions. Its answers carried over to version 2") {
		t.Errorf("the cover does not say which bank the file was made with:\n%s", cover)
	}
}

// TestCompressedMatchesPlain: the compressed report holds the same streams
// as the uncompressed one, and its cross-reference table points at every
// object.
func TestCompressedMatchesPlain(t *testing.T) {
	a := example.Generate(example.Options{Mode: q.Full, Respondents: 3, Seed: 1})
	plain := render(t, a, Options{Date: day, Uncompressed: true})
	packed := render(t, a, Options{Date: day})
	if len(packed) >= len(plain)*2/3 {
		t.Errorf("compressed %d bytes against %d plain: too little saved", len(packed), len(plain))
	}
	if again := render(t, a, Options{Date: day}); !bytes.Equal(again, packed) {
		t.Error("two renders of the same assessment differ")
	}
	if _, _, err := objectOffsets(packed); err != nil {
		t.Fatal(err)
	}
	streams := func(doc []byte, inflate bool) [][]byte {
		var out [][]byte
		for _, m := range regexp.MustCompile(`(?s)<</(Filter /FlateDecode /)?Length (\d+)>>\nstream\n`).FindAllSubmatchIndex(doc, -1) {
			n, _ := strconv.Atoi(string(doc[m[4]:m[5]]))
			data := doc[m[1] : m[1]+n]
			if inflate && m[2] >= 0 {
				r, err := zlib.NewReader(bytes.NewReader(data))
				if err != nil {
					t.Fatal(err)
				}
				if data, err = io.ReadAll(r); err != nil {
					t.Fatal(err)
				}
			}
			out = append(out, data)
		}
		return out
	}
	a1, b1 := streams(plain, false), streams(packed, true)
	if len(a1) != len(b1) || len(a1) < 12 {
		t.Fatalf("%d streams plain, %d compressed", len(a1), len(b1))
	}
	for i := range a1 {
		if !bytes.Equal(a1[i], b1[i]) {
			t.Errorf("stream %d differs once inflated", i)
		}
	}
	for _, bad := range [][]byte{nil, []byte("%PDF-1.3\nstartxref\n99\n%%EOF"), packed[:len(packed)/2], bytes.Replace(packed, []byte("xref\n0 "), []byte("xref\n0 9"), 1)} {
		if _, err := compressStreams(bad); err == nil {
			t.Errorf("compressStreams took a broken document of %d bytes", len(bad))
		}
	}
}

// TestSaysThingsOnce: with nothing agreed the report says so once, and the
// chart's key explains only the marks the chart uses.
func TestSaysThingsOnce(t *testing.T) {
	a := example.Generate(example.Options{Mode: q.Full, Respondents: 1, Seed: 4})
	a.Actions = nil
	a.DomainLevels = nil
	for id, ans := range a.Respondents[0].Answers {
		if ans.Level == q.Unknown {
			a.Respondents[0].Answers[id] = q.Answer{Level: q.Complicated}
		}
	}
	text := flat(pdftotext(t, render(t, a, Options{Date: day})))
	if n := strings.Count(text, "No actions are agreed yet"); n != 1 {
		t.Errorf("the report says nothing is agreed %d times", n)
	}
	for _, unwanted := range []string{"(team) means", "(?) means"} {
		if strings.Contains(text, unwanted) {
			t.Errorf("the chart's key explains %q, which the chart does not use", unwanted)
		}
	}
	a.DomainLevels = map[string]q.DomainLevel{"2": {Level: q.Complex, Reason: "The supplier is failing."}}
	a.Respondents[0].Answers["1A"] = q.Answer{Level: q.Unknown}
	text = flat(pdftotext(t, render(t, a, Options{Date: day})))
	for _, want := range []string{"(?) means some answers were \"don't know\"; (team) means the team set the domain's level"} {
		if !strings.Contains(text, want) {
			t.Errorf("the chart's key lacks %q", want)
		}
	}
}
