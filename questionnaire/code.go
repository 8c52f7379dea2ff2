package questionnaire

import (
	"errors"
	"fmt"
	"hash/fnv"
	"strings"
)

// A rating code carries one person's ratings to the facilitator when there
// is no network and no way to scan: the person reads it out or shows it,
// and the facilitator types it. It is short (12 characters for a quick
// scan, 24 for a full assessment, shown in groups of four), in Crockford's
// base 32, which has no I, L, O or U, so nothing reads two ways and typing
// is forgiving of case, spaces and dashes.
//
// Bits, most significant first: the code's format, the mode, the bank's
// version, every item's level in bank order as one base-6 number, and as
// many bits of a hash of the workshop's ID as fit. The last two characters
// make a weighted sum of all the characters, mod 37, come to zero: any one
// wrong character, or two neighbours swapped, breaks that sum.

// CodeVersion is the rating-code format this code writes and reads.
const CodeVersion = 1

// codeAlphabet is Crockford's base 32.
const codeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// codeCheckMod is the prime the check sum is taken modulo: larger than any
// difference between two characters' values, so that no single change, and
// no swap of unequal neighbours, leaves the sum the same.
const codeCheckMod = 37

// Field widths, in bits.
const (
	codeVersionBits = 3
	codeModeBits    = 1
	codeBankBits    = 4
)

// CodeLength is the length of a mode's code, without the spaces between
// its groups.
func CodeLength(mode Mode) int {
	if mode == Full {
		return 24
	}
	return 12
}

// Errors a code can give, each a sentence a facilitator can act on.
var (
	ErrCodeTypo      = errors.New("this code has a mistake in it: check each character with the person, and look for two swapped")
	ErrCodeLength    = errors.New("a code has %d characters in groups of four; this one has %d")
	ErrCodeWorkshop  = errors.New("this code was made for another workshop: check that the person joined this one")
	ErrCodeNewer     = errors.New("this code comes from a newer version of the tool: reload this page to update it, then type the code again")
	ErrCodeOtherMode = errors.New("this code is for a %s, but this workshop is a %s: check that the person joined this workshop")
	ErrCodeOtherBank = errors.New("this code was made with version %d of the questions, and this workshop uses version %d: send the ratings as a file instead")
)

// EncodeCode makes the rating code for one person's answers to a
// workshop, grouped in fours.
func EncodeCode(b *Bank, workshop string, mode Mode, answers map[string]Answer) (string, error) {
	items := b.Items(mode)
	if b.Version >= 1<<codeBankBits {
		return "", fmt.Errorf("version %d of the questions is too new for a code", b.Version)
	}
	var w bitWriter
	w.put(CodeVersion, codeVersionBits)
	w.put(modeBit(mode), codeModeBits)
	w.put(uint64(b.Version), codeBankBits)
	w.put(levelsNumber(items, answers), levelBits(len(items)))
	data := CodeLength(mode) - 2
	w.put(workshopTag(workshop, data*5-w.n), data*5-w.n)
	digits := w.digits()
	digits = append(digits, checkDigits(digits)...)
	return groupCode(digits), nil
}

// DecodeCode reads a rating code typed for a workshop, and gives the
// answers it carries, keyed by item ID; unanswered items are left out.
func DecodeCode(b *Bank, workshop string, mode Mode, typed string) (map[string]Answer, error) {
	digits, err := codeDigits(typed)
	if err != nil {
		return nil, err
	}
	if want := CodeLength(mode); len(digits) != want {
		// A code of the other mode's length is most likely for the other.
		if other := otherMode(mode); len(digits) == CodeLength(other) && checkSum(digits) == 0 {
			return nil, fmt.Errorf(ErrCodeOtherMode.Error(), other.Label(), mode.Label())
		}
		return nil, fmt.Errorf(ErrCodeLength.Error(), want, len(digits))
	}
	if checkSum(digits) != 0 {
		return nil, ErrCodeTypo
	}
	r := bitReader{digits: digits[:len(digits)-2]}
	if v := r.get(codeVersionBits); v != CodeVersion {
		if v > CodeVersion {
			return nil, ErrCodeNewer
		}
		return nil, ErrCodeTypo
	}
	if m := r.get(codeModeBits); m != modeBit(mode) {
		return nil, fmt.Errorf(ErrCodeOtherMode.Error(), otherMode(mode).Label(), mode.Label())
	}
	if v := int(r.get(codeBankBits)); v != b.Version {
		if v > b.Version {
			return nil, ErrCodeNewer
		}
		return nil, fmt.Errorf(ErrCodeOtherBank.Error(), v, b.Version)
	}
	items := b.Items(mode)
	number := r.get(levelBits(len(items)))
	rest := len(r.digits)*5 - r.n
	if r.get(rest) != workshopTag(workshop, rest) {
		return nil, ErrCodeWorkshop
	}
	answers := map[string]Answer{}
	for i := len(items) - 1; i >= 0; i-- {
		l := levelCodes[number%uint64(len(levelCodes))]
		number /= uint64(len(levelCodes))
		if l != Unanswered {
			answers[items[i].ID] = Answer{Level: l}
		}
	}
	if number != 0 {
		return nil, ErrCodeTypo
	}
	return answers, nil
}

// GroupedCode shows a code as typed in groups of four, or "" when the text
// is not a code.
func GroupedCode(typed string) string {
	digits, err := codeDigits(typed)
	if err != nil {
		return ""
	}
	return groupCode(digits)
}

func modeBit(m Mode) uint64 {
	if m == Full {
		return 1
	}
	return 0
}

func otherMode(m Mode) Mode {
	if m == Full {
		return Quick
	}
	return Full
}

// levelBits is how many bits n items' levels take as one base-6 number.
func levelBits(n int) int {
	bits, max := 0, uint64(1)
	for range n {
		max *= uint64(len(levelCodes))
	}
	for (max-1)>>bits != 0 {
		bits++
	}
	return bits
}

func levelsNumber(items []*Item, answers map[string]Answer) uint64 {
	var n uint64
	for _, it := range items {
		n = n*uint64(len(levelCodes)) + uint64(levelCode(answers[it.ID].Level))
	}
	return n
}

// workshopTag is the top bits of a hash of the workshop's ID.
func workshopTag(workshop string, bits int) uint64 {
	h := fnv.New64a()
	h.Write([]byte(workshop))
	return h.Sum64() >> (64 - bits)
}

// checkDigits are the two characters that make the weighted sum of the
// whole code zero.
func checkDigits(data []byte) []byte {
	for hi := range byte(32) {
		for lo := range byte(32) {
			if checkSum(append(data[:len(data):len(data)], hi, lo)) == 0 {
				return []byte{hi, lo}
			}
		}
	}
	panic("no check digits: the code is longer than the check allows")
}

// checkSum weighs each character's value by its position, counting from
// one. The weights differ mod 37 for codes shorter than 37 characters.
func checkSum(digits []byte) int {
	sum := 0
	for i, d := range digits {
		sum += (i + 1) * int(d)
	}
	return sum % codeCheckMod
}

// codeDigits reads typed text as code characters, forgiving case, spaces,
// dashes and the letters that look like digits.
func codeDigits(typed string) ([]byte, error) {
	var out []byte
	for _, r := range strings.ToUpper(typed) {
		switch r {
		case ' ', '-', '\t', '\u00a0':
			continue
		case 'O':
			r = '0'
		case 'I', 'L':
			r = '1'
		}
		i := strings.IndexRune(codeAlphabet, r)
		if i < 0 {
			return nil, fmt.Errorf("a code has only the digits and the letters A to Z without I, L, O and U; %q is not one of them", r)
		}
		out = append(out, byte(i))
		if len(out) > 64 {
			return nil, fmt.Errorf(ErrCodeLength.Error(), 24, len(out))
		}
	}
	return out, nil
}

func groupCode(digits []byte) string {
	var b strings.Builder
	for i, d := range digits {
		if i > 0 && i%4 == 0 {
			b.WriteByte(' ')
		}
		b.WriteByte(codeAlphabet[d])
	}
	return b.String()
}

// bitWriter packs fields, most significant bit first, into 5-bit digits.
type bitWriter struct {
	bits []byte
	n    int
}

func (w *bitWriter) put(v uint64, bits int) {
	for i := bits - 1; i >= 0; i-- {
		w.bits = append(w.bits, byte(v>>i&1))
	}
	w.n += bits
}

func (w *bitWriter) digits() []byte {
	for len(w.bits)%5 != 0 {
		w.bits = append(w.bits, 0)
	}
	out := make([]byte, len(w.bits)/5)
	for i, b := range w.bits {
		out[i/5] = out[i/5]<<1 | b
	}
	return out
}

// bitReader reads fields back from digits.
type bitReader struct {
	digits []byte
	n      int
}

func (r *bitReader) get(bits int) uint64 {
	var v uint64
	for range bits {
		d := r.digits[r.n/5]
		v = v<<1 | uint64(d>>(4-r.n%5)&1)
		r.n++
	}
	return v
}
