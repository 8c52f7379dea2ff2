package questionnaire

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// MaxFileSize is the largest assessment file read, and so the largest
// written: a 60-person workshop with a short note on every answer is about
// half of it.
const MaxFileSize = 1 << 20

// FileExtension is what exported assessment files are called.
const FileExtension = ".nasss.json"

// SizeError means an assessment's file would be larger than MaxFileSize.
type SizeError struct{ Size int }

func (e *SizeError) Error() string {
	return fmt.Sprintf("its file would be %s, more than the %s one assessment can hold: shorten long notes, or export it and split the workshop in two",
		KB(e.Size), KB(MaxFileSize))
}

// KB writes a size in whole kilobytes, rounded up, so that a size over a
// cap never reads as equal to it: 1,025 KB, not 1.0 MB.
func KB(n int) string { return Thousands((n+1023)/1024) + " KB" }

// SizeText writes a number of bytes as people read it.
func SizeText(n int) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// Encode writes an assessment as the file people export: indented JSON
// with the current schema. It refuses what Decode would refuse, so no file
// this package writes is one it cannot read back.
func Encode(a *Assessment) ([]byte, error) {
	if _, err := EncodeCompact(a); err != nil {
		return nil, err
	}
	data, err := json.MarshalIndent(withSchema(a), "", "  ")
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}

// EncodeCompact writes the same assessment without indentation, for the
// app's storage: in the browser it takes a tenth of the time. It makes the
// same checks as Encode, the size included: the size of the file an export
// would make, which is what Decode caps.
func EncodeCompact(a *Assessment) ([]byte, error) {
	data, _, err := EncodeCompactSize(a)
	return data, err
}

// EncodeCompactSize is EncodeCompact that also gives the size the
// exported file would have, which it works out anyway.
func EncodeCompactSize(a *Assessment) (data []byte, fileSize int, err error) {
	if err := a.Validate(); err != nil {
		return nil, 0, err
	}
	if data, err = json.Marshal(withSchema(a)); err != nil {
		return nil, 0, err
	}
	fileSize = IndentedSize(data)
	if fileSize > MaxFileSize {
		return nil, fileSize, &Error{Msg: (&SizeError{fileSize}).Error(), Err: &SizeError{fileSize}}
	}
	return data, fileSize, nil
}

func withSchema(a *Assessment) *Assessment {
	c := *a
	c.Schema = SchemaVersion
	return &c
}

// IndentedSize is the length Encode's output would have for the compact
// JSON encoding/json wrote, worked out without indenting it: json.Indent
// puts a line break and two spaces a level before each member and closing
// bracket (but not in an empty object or list), and a space after each
// colon; Encode adds a final line break.
func IndentedSize(compact []byte) int {
	n, depth := len(compact)+1, 0
	inString, escaped, opened := false, false, false
	for _, c := range compact {
		switch {
		case escaped:
			escaped = false
			continue
		case inString:
			switch c {
			case '\\':
				escaped = true
			case '"':
				inString = false
			}
			continue
		}
		if opened && c != '}' && c != ']' {
			depth++
			n += 1 + 2*depth
		}
		wasOpened := opened
		opened = false
		switch c {
		case '"':
			inString = true
		case '{', '[':
			opened = true
		case ',':
			n += 1 + 2*depth
		case ':':
			n++
		case '}', ']':
			if !wasOpened {
				depth--
				n += 1 + 2*depth
			}
		}
	}
	return n
}

// Read decodes an assessment from r, reading at most MaxFileSize bytes.
func Read(r io.Reader) (*Assessment, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	return Decode(data)
}

// Decode reads an assessment file strictly: it must be valid UTF-8 JSON of
// at most MaxFileSize bytes, from this schema version or an older one (which
// is migrated), naming an embedded bank, and pass Validate. Every error
// names the field path where it can.
func Decode(data []byte) (*Assessment, error) {
	// Some editors on Windows start files with a byte-order mark; it is not
	// part of the JSON.
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(data) > MaxFileSize {
		return nil, errAt("", "the file is larger than %d KiB: it is not an assessment file, or it is damaged", MaxFileSize>>10)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errAt("", "the file is empty")
	}
	if !utf8.Valid(data) {
		return nil, errAt("", "not UTF-8 text (bad byte at offset %d): it is not an assessment file, or it is damaged", invalidUTF8At(data))
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return nil, errAt("", "contains a NUL byte at offset %d: the file is damaged", i)
	}
	if err := checkDepth(data); err != nil {
		return nil, err
	}
	if !json.Valid(data) {
		return nil, syntaxError(data, json.Unmarshal(data, new(json.RawMessage)))
	}
	if c := bytes.TrimSpace(data)[0]; c != '{' {
		return nil, errAt("", "the file should be a JSON object {…} holding one assessment, not %s", firstKind(c))
	}
	schema, err := schemaOf(data)
	if err != nil {
		return nil, err
	}
	if schema < SchemaVersion {
		if data, err = migrate(data, schema, migrations); err != nil {
			return nil, err
		}
	}
	var a Assessment
	if err := strictDecode(data, &a); err != nil {
		return nil, err
	}
	a.Schema = SchemaVersion
	a.Normalize()
	if err := a.Validate(); err != nil {
		return nil, err
	}
	a.Upgrade()
	return &a, nil
}

// Upgrade moves an assessment made with an older version of its question
// bank to the newest version, which asks the same questions by the same
// IDs in better words: its answers, notes and actions carry over, and
// MadeWith records the version it was made with. An assessment naming
// anything the newest version lacks stays with its own bank, which is
// still embedded: nothing anyone wrote is dropped.
func (a *Assessment) Upgrade() {
	newest := newestBank(a.Bank.ID)
	if newest == nil || newest.Version <= a.Bank.Version {
		return
	}
	old, made := a.Bank, a.MadeWith
	if a.MadeWith == (Ref{}) {
		a.MadeWith = old
	}
	a.Bank = newest.Ref()
	if a.Validate() != nil {
		a.Bank, a.MadeWith = old, made
	}
}

// MadeWithNote says, for an assessment moved to a newer bank, which
// version it was made with; it is empty for any other.
func (a *Assessment) MadeWithNote() string {
	if a.MadeWith == (Ref{}) || a.MadeWith == a.Bank {
		return ""
	}
	return fmt.Sprintf("Made with version %d of the questions. Its answers carried over to version %d, which asks the same questions in clearer words.", a.MadeWith.Version, a.Bank.Version)
}

// schemaOf finds the schema version before anything else is read, so a
// file from a newer version is reported as that rather than as unknown fields.
func schemaOf(data []byte) (int, error) {
	var probe struct {
		Schema json.RawMessage `json:"schema"`
	}
	_ = json.Unmarshal(data, &probe) // data is known to be a valid object
	if probe.Schema == nil {
		return 0, errAt("schema", "missing: this is not a NASSS assessment file")
	}
	n, err := strconv.Atoi(string(probe.Schema))
	switch {
	case err != nil:
		return 0, errAt("schema", "should be a whole number, not %s", clip(string(probe.Schema)))
	case n > SchemaVersion:
		return 0, errAt("schema", "made by a newer version: schema %d; this version reads up to %d. Update the app, or ask for the file to be saved from the same version", n, SchemaVersion)
	case n < 1:
		return 0, errAt("schema", "%d is not a schema version (they start at 1)", n)
	}
	return n, nil
}

func invalidUTF8At(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

func firstKind(c byte) string {
	switch c {
	case '[':
		return "a list"
	case '"':
		return "text"
	case 't', 'f':
		return "true or false"
	case 'n':
		return "null"
	}
	return "a number"
}

// Slug turns a project name into a safe part of a file name: lower-case
// ASCII letters and digits joined by hyphens, cut after about 40 characters.
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		default:
			dash = true
		}
		if b.Len() >= 40 {
			break
		}
	}
	if b.Len() == 0 {
		return "assessment"
	}
	return b.String()
}

// FileName is what an exported assessment is called:
// <project>-<YYYY-MM-DD>.nasss.json.
func FileName(a *Assessment, day time.Time) string {
	return stem(a) + "-" + day.Format(time.DateOnly) + FileExtension
}

// stem starts every file name made from an assessment: the project, and
// which review it is, so that a review's files are told apart.
func stem(a *Assessment) string {
	if n := len(a.History); n > 0 {
		return Slug(a.Project.Name) + "-review-" + strconv.Itoa(n)
	}
	return Slug(a.Project.Name)
}

// ReviewLabel names a review for people, "Review 2, 14 March 2027", by
// how many reviews came before it and the day it started; "" for the
// first assessment.
func (a *Assessment) ReviewLabel() string {
	if len(a.History) == 0 {
		return ""
	}
	return fmt.Sprintf("Review %d, %s", len(a.History), a.Created.UTC().Format("2 January 2006"))
}

// ReportFileName is what an assessment's PDF action plan is called:
// <project>-action-plan-<YYYY-MM-DD>.pdf.
func ReportFileName(a *Assessment, day time.Time) string {
	return stem(a) + "-action-plan-" + day.Format(time.DateOnly) + ".pdf"
}

// SideBySideFileName names the PDF of several assessments side by side,
// made on a day.
func SideBySideFileName(day time.Time) string {
	return "nasss-side-by-side-" + day.Format(time.DateOnly) + ".pdf"
}

// PackFileName names a workshop's facilitator's pack made on a day.
func PackFileName(a *Assessment, day time.Time) string {
	return stem(a) + "-facilitators-pack-" + day.Format(time.DateOnly) + ".pdf"
}
