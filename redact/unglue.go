package redact

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plume-sp/plume/fold"
)

// A label typed against its value, "NIR185057511542357", "tel0612345678",
// "IBANFR7630006000011234567890189", "CAF1234567", or a word glued after
// one, "0612345678svp", makes one word of letters and digits that no
// detector reads as a number. The view (see normalView) then holds a space
// between the two where the value is one: after a label of its type
// ("tel", "secu", "caf", "cb"), the detectors decide as when the writer
// typed the space; after any other letters, only a value its checksum or
// shape confirms, a NIR with its key, a card number that passes Luhn, an
// IBAN with its check digits, a French mobile number, so that a product
// code or a case reference keeps its letters and digits together.

// gluedLabels are the folded labels of a value's type that a value may be
// glued to, with the fewest digits the value must start with.
var gluedLabels = map[string]int{
	// phone
	"tel": 2, "telephone": 2, "portable": 2, "port": 2, "mob": 2, "mobile": 2, "gsm": 2,
	"fixe": 2, "phone": 2, "numtel": 2, "notel": 2, "ntel": 2, "cell": 2, "whatsapp": 2,
	"telefon": 2, "telefono": 2, "handy": 2, "handynummer": 2, "movil": 2, "cellulare": 2,
	"telemovel": 2, "numero": 2, "num": 2,
	// social security number
	"nir": 1, "secu": 1, "numsecu": 1, "nsecu": 1, "nss": 1, "insee": 1, "vitale": 1,
	"cartevitale": 1, "securitesociale": 1,
	// family allowance number
	"caf": 4, "numcaf": 4, "allocataire": 4, "numallocataire": 4,
	// bank card
	"cb": 4, "carte": 4, "card": 4, "visa": 4, "mastercard": 4, "amex": 4,
}

// maxLabel bounds the bytes of a label glued to a value.
const maxLabel = 24

// unglue returns v with a space between each label and the value glued to
// it (glueCuts). The space stands for no character of the text: a span
// that starts after it starts at the value.
func unglue(v view) view {
	cuts := glueCuts(v.s)
	if len(cuts) == 0 {
		return v
	}
	return v.insertSpaces(cuts)
}

// glueCuts returns the offsets of s, in order, before which a space parts
// a label from its value.
func glueCuts(s string) []int {
	var cuts []int
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if !wordRune(r) {
			i += size
			continue
		}
		j := wordEnd(s, i+size)
		if j-i >= 4 {
			cuts = appendWordCuts(cuts, s, i, j)
		}
		i = j
	}
	return cuts
}

// wordRune reports whether r is a letter or a digit.
func wordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isLetter(byte(r)) || isDigit(byte(r))
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// wordEnd returns the end of the word of letters and digits that goes on
// at s[i].
func wordEnd(s string, i int) int {
	for i < len(s) {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if !wordRune(r) {
			return i
		}
		i += size
	}
	return i
}

// appendWordCuts appends the cuts of the word s[ws:we]: letters, then a
// value, then letters or the word's end; or a value, then letters.
func appendWordCuts(cuts []int, s string, ws, we int) []int {
	p := ws
	for p < we && !isDigit(s[p]) {
		p++
	}
	if p == we {
		return cuts
	}
	if p == ws {
		return appendTailCuts(cuts, s, ws, we)
	}
	label := s[ws:p]
	if ibanGlued(s, ws, p, we) {
		return append(cuts, p-2)
	}
	q := valueEnd(s, p, we)
	if q < we && !lettersOnly(s[q:we]) {
		return cuts // "AB12CD34": a reference
	}
	value := s[p:q]
	if len(label) > maxLabel || utf8.RuneCountInString(label) < 2 ||
		!labelTakes(label, value) && !confirmedValue(value, false) {
		return cuts
	}
	cuts = append(cuts, p)
	if q < we && utf8.RuneCountInString(s[q:we]) >= 2 {
		cuts = append(cuts, q)
	}
	return cuts
}

// appendTailCuts appends the cuts of the word s[ws:we] that starts with a
// digit: before the letters glued after a confirmed value ("0612345678s",
// "+33612345678svp") or after the last of a run of number groups ("06 12
// 34 56 78stp", "FR76 3000 … 189merci"), and around the letters between
// two confirmed values ("0612345678et0698765432"). Digits and letters
// that confirm nothing ("12345678abc") stay together.
func appendTailCuts(cuts []int, s string, ws, we int) []int {
	q := valueEnd(s, ws, we)
	if q == we {
		return appendMobileCuts(cuts, s[ws:we], ws)
	}
	r := q
	for r < we && !isDigit(s[r]) {
		r++
	}
	if !lettersOnly(s[q:r]) {
		return cuts
	}
	value := s[ws:q]
	if r < we {
		if valueEnd(s, r, we) == we && confirmedValue(value, true) && confirmedValue(s[r:we], true) {
			return append(cuts, q, r)
		}
		return cuts
	}
	tail := utf8.RuneCountInString(s[q:we])
	if confirmedValue(value, true) || plusPhone(s, ws, value) || tail >= 2 && groupsBefore(s, ws) >= 2 {
		return append(cuts, q)
	}
	return cuts
}

// maxGluedMobiles bounds the French mobile numbers read in one run of
// digits.
const maxGluedMobiles = 4

// appendMobileCuts appends the cuts between French mobile numbers typed
// one against the other with no separator, the digits d at s[ws:]
// ("06123456780612345678"): two to maxGluedMobiles numbers of ten digits,
// each a mobile's (06, 07). Other runs of digits stay whole.
func appendMobileCuts(cuts []int, d string, ws int) []int {
	n := len(d) / 10
	if len(d)%10 != 0 || n < 2 || n > maxGluedMobiles {
		return cuts
	}
	for k := 0; k < n; k++ {
		if !confirmedValue(d[k*10:k*10+10], true) {
			return cuts
		}
	}
	for k := 1; k < n; k++ {
		cuts = append(cuts, ws+k*10)
	}
	return cuts
}

// plusPhone reports whether value, the digits after a "+" at s[ws-1], is
// an international number: +33 and nine digits, or one libphonenumber
// holds valid.
func plusPhone(s string, ws int, value string) bool {
	if ws == 0 || s[ws-1] != '+' {
		return false
	}
	if len(value) == 11 && strings.HasPrefix(value, "33") && value[2] != '0' {
		return true
	}
	return intlPhone([]byte(value)) >= 0.97
}

// groupsBefore returns how many groups of a number run before s[ws]: words
// of letters and digits, at most six bytes and one a digit, each parted
// from the next by one space, dot or hyphen ("06 12 34 56 78",
// "FR76 3000 6000").
func groupsBefore(s string, ws int) int {
	n := 0
	for k := ws; k >= 2 && strings.IndexByte(" .-", s[k-1]) >= 0; n++ {
		e := k - 1
		b := e
		digit := false
		for b > 0 && (isLetter(s[b-1]) || isDigit(s[b-1])) && e-b < 7 {
			digit = digit || isDigit(s[b-1])
			b--
		}
		if b == e || e-b > 6 || !digit {
			return n
		}
		k = b
	}
	return n
}

// valueEnd returns the end of the digits from s[p] on, a Corsican
// department of a NIR included ("1842A45…").
func valueEnd(s string, p, we int) int {
	q := p
	for q < we && isDigit(s[q]) {
		q++
	}
	if q-p == 6 && q+1 < we && s[q-1] == '2' && strings.IndexByte("ABab", s[q]) >= 0 && isDigit(s[q+1]) {
		q++
		for q < we && isDigit(s[q]) {
			q++
		}
	}
	return q
}

// lettersOnly reports whether s holds letters only.
func lettersOnly(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// labelTakes reports whether label is one of its value's type
// (gluedLabels) and value starts as one of that type may.
func labelTakes(label, value string) bool {
	var buf [maxLabel * 2]byte
	n, ok := gluedLabels[string(fold.Append(buf[:0], label))]
	return ok && len(value) >= n
}

// confirmedValue reports whether value, glued to letters that are no
// label of its type, is one by its checksum or shape: a NIR with its
// right key, a card number of sixteen digits that passes Luhn, and when
// mobile, a French mobile number (a word glued after it, "0612345678svp";
// letters before one are a product code's as often, "AB0612345678").
func confirmedValue(value string, mobile bool) bool {
	switch len(value) {
	case 15:
		return nirShape(value) && nirKeyValid(value)
	case 16:
		return allDigits(value) && strings.IndexByte("3456", value[0]) >= 0 && luhn(value)
	case 10:
		return mobile && value[0] == '0' && (value[1] == '6' || value[1] == '7') && allDigits(value)
	}
	return false
}

// ibanGlued reports whether the last two letters of s[ws:p], the letters
// of a word that a digit follows, start an IBAN glued to a label of two
// letters or more ("IBANFR76…", "ribFR76…"): a country code of the IBAN
// registry, and its length of letters and digits, the word's and those of
// the groups after it, with the right check digits.
func ibanGlued(s string, ws, p, we int) bool {
	if p-ws < 4 || p+1 >= we || !isDigit(s[p+1]) || !isLetter(s[p-1]) || !isLetter(s[p-2]) {
		return false
	}
	want := ibanLengths[string([]byte{upper(s[p-2]), upper(s[p-1])})]
	if want == 0 {
		return false
	}
	var buf [34]byte
	norm := buf[:0]
	for k := p - 2; len(norm) < want; {
		for ; k < we && len(norm) < want; k++ {
			if !isLetter(s[k]) && !isDigit(s[k]) {
				return false
			}
			norm = append(norm, upper(s[k]))
		}
		if len(norm) == want || k+1 >= len(s) || strings.IndexByte(" -.", s[k]) < 0 || !isLetter(s[k+1]) && !isDigit(s[k+1]) {
			break
		}
		k++
		we = wordEnd(s, k)
	}
	return len(norm) == want && ibanValid(string(norm))
}

// insertSpaces returns the view with a space before each of its offsets
// cuts, in order: each is an edit that stands for no character of the
// text.
func (v view) insertSpaces(cuts []int) view {
	var b strings.Builder
	b.Grow(len(v.s) + len(cuts))
	edits := make([]edit, 0, len(v.edits)+len(cuts))
	last, k := 0, 0
	for _, c := range cuts {
		for ; k < len(v.edits) && v.edits[k].n < c; k++ {
			edits = append(edits, shifted(v.edits[k], b.Len()-last))
		}
		b.WriteString(v.s[last:c])
		o := v.start(c)
		edits = append(edits, edit{n: b.Len(), nEnd: b.Len() + 1, o: o, oEnd: o})
		b.WriteByte(' ')
		last = c
	}
	for ; k < len(v.edits); k++ {
		edits = append(edits, shifted(v.edits[k], b.Len()-last))
	}
	b.WriteString(v.s[last:])
	return view{s: b.String(), edits: edits}
}

// shifted returns e moved by d bytes in the view.
func shifted(e edit, d int) edit {
	e.n += d
	e.nEnd += d
	return e
}

// cuedTrunkPhone reports whether the twelve digits d may be a German
// mobile number after a phone cue: 015…, 016… or 017… and eleven digits
// after the trunk zero ("Handynummer 0151 23456789"). Other twelve-digit
// numbers after a "n°" are identity cards ("CNI n° 0609 0612 3456").
func (sc *scanner) cuedTrunkPhone(d []byte, ctx func() cueBits) bool {
	return len(d) == 12 && d[0] == '0' && d[1] == '1' && d[2] >= '5' && d[2] <= '7' && ctx()&cTel != 0
}
