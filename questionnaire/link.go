package questionnaire

import (
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"strings"
	"unicode/utf8"
)

// A share link carries one person's ratings to the facilitator's device in
// the URL fragment, which browsers never send to a server. It holds the
// levels only: notes stay with their author, who can export a file.
//
// Layout, before base64url: version, bank ID and version, workshop ID,
// mode, respondent ID, name and role, the number of items and their levels
// at three bits each in bank order, then a CRC-32 of all that.

// LinkVersion is the share-link format this code writes and reads.
const LinkVersion = 1

// Caps that keep a link short enough for a QR code a phone can scan.
const (
	maxLinkName = 60
	maxLinkLen  = 600
)

// SharedAnswers is what a share link carries.
type SharedAnswers struct {
	Bank       Ref
	Workshop   string
	Mode       Mode
	Respondent Respondent
}

var levelCodes = []Level{Unanswered, Simple, Complicated, Complex, Unknown, NotApplicable}

func levelCode(l Level) byte {
	for i, c := range levelCodes {
		if c == l {
			return byte(i)
		}
	}
	return 0
}

// EncodeLink packs one respondent's ratings of a workshop into the text
// that follows "#" in a share link.
func EncodeLink(b *Bank, workshop string, mode Mode, r Respondent) (string, error) {
	for _, s := range []string{r.Name, r.Role} {
		if utf8.RuneCountInString(s) > maxLinkName {
			return "", fmt.Errorf("a name or role of %d characters is too long for a link (at most %d)", utf8.RuneCountInString(s), maxLinkName)
		}
	}
	items := b.Items(mode)
	buf := appendString([]byte{LinkVersion}, b.ID)
	buf = binary.AppendUvarint(buf, uint64(b.Version))
	buf = appendString(buf, workshop)
	buf = append(buf, map[Mode]byte{Quick: 0, Full: 1}[mode])
	for _, s := range []string{r.ID, r.Name, r.Role} {
		buf = appendString(buf, s)
	}
	buf = append(buf, byte(len(items)))
	packed := make([]byte, (3*len(items)+7)/8)
	for i, it := range items {
		code := uint(levelCode(r.Answers[it.ID].Level))
		bit := 3 * i
		packed[bit/8] |= byte(code << (bit % 8))
		if bit%8 > 5 {
			packed[bit/8+1] |= byte(code >> (8 - bit%8))
		}
	}
	buf = append(buf, packed...)
	buf = binary.BigEndian.AppendUint32(buf, crc32.ChecksumIEEE(buf))
	return fmt.Sprintf("r%d.%s", LinkVersion, base64.RawURLEncoding.EncodeToString(buf)), nil
}

func appendString(buf []byte, s string) []byte {
	buf = binary.AppendUvarint(buf, uint64(len(s)))
	return append(buf, s...)
}

// ErrNotALink means the text is not a share link at all.
var ErrNotALink = errors.New("this is not a share link from this tool")

// DecodeLink unpacks a share link's fragment (with or without the "#"),
// checking its version, checksum, bank and every field.
func DecodeLink(fragment string) (*SharedAnswers, error) {
	fragment = strings.TrimPrefix(strings.TrimSpace(fragment), "#")
	if i := strings.LastIndex(fragment, "#"); i >= 0 {
		fragment = fragment[i+1:] // a whole URL pasted in
	}
	if len(fragment) > maxLinkLen {
		return nil, ErrNotALink
	}
	head, body, ok := strings.Cut(fragment, ".")
	if !ok || !strings.HasPrefix(head, "r") {
		return nil, ErrNotALink
	}
	if head != fmt.Sprintf("r%d", LinkVersion) {
		return nil, fmt.Errorf("this link was made by a newer version of the tool (format %s); update the app and open it again", strings.TrimPrefix(head, "r"))
	}
	buf, err := base64.RawURLEncoding.DecodeString(body)
	if err != nil || len(buf) < 5 {
		return nil, errDamagedLink
	}
	data, sum := buf[:len(buf)-4], binary.BigEndian.Uint32(buf[len(buf)-4:])
	if crc32.ChecksumIEEE(data) != sum {
		return nil, errDamagedLink
	}
	rd := &linkReader{buf: data}
	if v := rd.byte(); v != LinkVersion {
		return nil, errDamagedLink
	}
	s := &SharedAnswers{}
	s.Bank.ID = rd.string(64)
	s.Bank.Version = int(rd.uvarint())
	s.Workshop = rd.string(64)
	switch rd.byte() {
	case 0:
		s.Mode = Quick
	case 1:
		s.Mode = Full
	default:
		rd.err = true
	}
	s.Respondent.ID = rd.string(64)
	s.Respondent.Name = rd.string(4 * maxLinkName)
	s.Respondent.Role = rd.string(4 * maxLinkName)
	n := int(rd.byte())
	packed := rd.bytes((3*n + 7) / 8)
	if rd.err || len(rd.buf) != 0 {
		return nil, errDamagedLink
	}
	b := LookupBank(s.Bank)
	if b == nil {
		return nil, fmt.Errorf("this link uses question bank %s, which this version does not know (%s)", s.Bank, knownBanks())
	}
	items := b.Items(s.Mode)
	if n != len(items) {
		return nil, errDamagedLink
	}
	s.Respondent.Answers = map[string]Answer{}
	for i, it := range items {
		bit := 3 * i
		code := uint(packed[bit/8]) >> (bit % 8)
		if bit%8 > 5 {
			code |= uint(packed[bit/8+1]) << (8 - bit%8)
		}
		code &= 7
		if int(code) >= len(levelCodes) {
			return nil, errDamagedLink
		}
		if l := levelCodes[code]; l != Unanswered {
			s.Respondent.Answers[it.ID] = Answer{Level: l}
		}
	}
	// The same checks as a file: IDs, lengths, valid text.
	v := validator{bank: b}
	v.id("workshop", s.Workshop)
	v.id("respondent", s.Respondent.ID)
	v.text("name", s.Respondent.Name, maxLinkName)
	v.text("role", s.Respondent.Role, maxLinkName)
	if v.err != nil {
		return nil, errDamagedLink
	}
	return s, nil
}

var errDamagedLink = errors.New("this share link is damaged or incomplete (its check does not match): ask for it to be sent again")

// linkReader reads a link's fields; any overrun sets err.
type linkReader struct {
	buf []byte
	err bool
}

func (r *linkReader) bytes(n int) []byte {
	if n < 0 || n > len(r.buf) {
		r.err = true
		return nil
	}
	out := r.buf[:n]
	r.buf = r.buf[n:]
	return out
}

func (r *linkReader) byte() byte {
	if b := r.bytes(1); len(b) == 1 {
		return b[0]
	}
	return 0
}

func (r *linkReader) uvarint() uint64 {
	v, n := binary.Uvarint(r.buf)
	if n <= 0 {
		r.err = true
		return 0
	}
	r.buf = r.buf[n:]
	return v
}

func (r *linkReader) string(most int) string {
	n := r.uvarint()
	if n > uint64(most) {
		r.err = true
		return ""
	}
	s := string(r.bytes(int(n)))
	if !utf8.ValidString(s) || strings.IndexByte(s, 0) >= 0 {
		r.err = true
	}
	return s
}
