package questionnaire

import (
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// A share link carries one person's ratings to the facilitator's device in
// the URL fragment, which browsers never send to a server. It holds the
// levels only: notes stay with their author, who can export a file.
//
// Layout, before base64url: format, bank ID and version, workshop ID,
// mode, respondent ID, name and role, (from format 2) when they last rated
// in Unix seconds or 0, the number of items and their levels at three bits
// each in bank order, then a CRC-32 of all that.

// LinkVersion is the share-link format this code writes. It reads format 1
// too, which carries no time.
const LinkVersion = 2

// LinkNameText is the rule for a name or role that travels in a share
// link: shorter than a file's, so that any link the join form allows fits
// a QR code a phone can scan.
var LinkNameText = TextRule{Max: 60}

// maxLinkLen is the longest fragment the decoder reads: room for two
// 60-character names of four-byte characters, and IDs at their longest.
const maxLinkLen = 1200

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
// that follows "#" in a share link. It refuses what DecodeLink would.
func EncodeLink(b *Bank, workshop string, mode Mode, r Respondent) (string, error) {
	if err := checkShared(b, workshop, r); err != nil {
		return "", err
	}
	items := b.Items(mode)
	buf := appendString([]byte{LinkVersion}, b.ID)
	buf = binary.AppendUvarint(buf, uint64(b.Version))
	buf = appendString(buf, workshop)
	buf = append(buf, map[Mode]byte{Quick: 0, Full: 1}[mode])
	for _, s := range []string{r.ID, r.Name, r.Role} {
		buf = appendString(buf, s)
	}
	var rated uint64
	if !r.Rated.IsZero() {
		rated = uint64(r.Rated.Unix())
	}
	buf = binary.AppendUvarint(buf, rated)
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
	link := fmt.Sprintf("r%d.%s", LinkVersion, base64.RawURLEncoding.EncodeToString(buf))
	if len(link) > maxLinkLen {
		return "", fmt.Errorf("the name and role are too long to fit in a link")
	}
	return link, nil
}

// checkShared applies to a link's contents the rules a file's obey, and
// the link's own caps on names.
func checkShared(b *Bank, workshop string, r Respondent) error {
	v := validator{bank: b}
	v.id("workshop", workshop)
	v.id("respondent", r.ID)
	v.text(at("name"), r.Name, LinkNameText)
	v.text(at("role"), r.Role, LinkNameText)
	v.time(at("rated"), r.Rated, false)
	v.answers(at("answers"), r.Answers)
	return v.err
}

func appendString(buf []byte, s string) []byte {
	buf = binary.AppendUvarint(buf, uint64(len(s)))
	return append(buf, s...)
}

// ErrNotALink means the text is not a share link at all.
var ErrNotALink = errors.New("this is not a share link from this tool")

// DecodeLink unpacks a share link's fragment (with or without the "#"),
// checking its format, checksum, bank and every field by the rules files
// obey. Its errors never repeat what the link says: a link may come from
// anyone.
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
	format, err := strconv.Atoi(head[1:])
	switch {
	case err != nil || format < 1:
		return nil, ErrNotALink
	case format > LinkVersion:
		return nil, errors.New("this link was made by a newer version of the tool: update the app and open it again")
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
	if v := rd.byte(); int(v) != format {
		return nil, errDamagedLink
	}
	s := &SharedAnswers{}
	s.Bank.ID = rd.string(maxIDLen)
	s.Bank.Version = int(rd.uvarint())
	s.Workshop = rd.string(maxIDLen)
	switch rd.byte() {
	case 0:
		s.Mode = Quick
	case 1:
		s.Mode = Full
	default:
		rd.err = true
	}
	s.Respondent.ID = rd.string(maxIDLen)
	s.Respondent.Name = rd.string(maxLinkLen)
	s.Respondent.Role = rd.string(maxLinkLen)
	if format >= 2 {
		if secs := rd.uvarint(); secs > 0 {
			if secs > 1<<40 {
				rd.err = true
			}
			s.Respondent.Rated = time.Unix(int64(secs), 0).UTC()
		}
	}
	n := int(rd.byte())
	packed := rd.bytes((3*n + 7) / 8)
	if rd.err || len(rd.buf) != 0 {
		return nil, errDamagedLink
	}
	b := LookupBank(s.Bank)
	if b == nil {
		return nil, fmt.Errorf("this link uses a question bank this version does not know (%s): update the app and open it again", knownBanks())
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
	r := &s.Respondent
	r.Name, r.Role = LinkNameText.CleanText(r.Name), LinkNameText.CleanText(r.Role)
	if checkShared(b, s.Workshop, *r) != nil {
		return nil, errInvalidLink
	}
	return s, nil
}

var (
	errDamagedLink = errors.New("this share link is damaged or incomplete: ask for it to be sent again")
	errInvalidLink = errors.New("this share link holds something no link from this tool would: ask for it to be sent again")
)

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
