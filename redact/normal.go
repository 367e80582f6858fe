package redact

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plume-sp/plume/fold"
	"golang.org/x/text/unicode/norm"
)

// The detectors read a normal view of the text, in which a value typed on
// another keyboard or hidden by invisible characters reads as the plain
// value: compatibility forms of letters and digits are spelled in ASCII
// (full-width "０６" and mathematical "𝟎𝟔" are "06"), the decimal digits of
// every script are ASCII digits ("٠٦", "۰۶", "०६"), and format characters
// (zero-width space and joiners, soft hyphen, word joiner, byte order mark,
// bidirectional marks, variation selectors) are dropped, and so are the
// combining marks after a digit ("0̲6̲", the keycap "0️⃣"); "¹²³" are digits
// next to another digit or superscript digit only ("m²" stays); Cyrillic
// and Greek letters that look Latin are Latin inside a Latin word
// ("Dupоnt" with a Cyrillic "о", confusable.go). Each span found
// in the view is mapped back to the original bytes, widened to whole
// characters, so the value masked is the text as written, invisible
// characters included, and Restore gives it back exactly.

// view is the normal view of a text with what maps its offsets back.
type view struct {
	s string
	// edits are the characters the view changed, in text order: the view's
	// bytes [n, nEnd) stand for the text's [o, oEnd). A dropped character
	// has n == nEnd. Between two edits the view copies the text.
	edits []edit
}

// edit is one character of the text that the view spells otherwise.
type edit struct{ n, nEnd, o, oEnd int }

// normalView returns the view of s. When no character of s changes, the
// view is s itself and costs one pass over its bytes.
func normalView(s string) view {
	i, repl, size := nextToFold(s, 0)
	if i < 0 {
		return view{s: s}
	}
	var b strings.Builder // its String does not copy
	b.Grow(len(s))
	var edits []edit
	last := 0
	for ; i >= 0; i, repl, size = nextToFold(s, last) {
		if repl == "" && wordsJoined(s, i, size) {
			repl = " "
		}
		b.WriteString(s[last:i])
		e := edit{n: b.Len(), nEnd: b.Len() + len(repl), o: i, oEnd: i + size}
		if r, _ := utf8.DecodeRuneInString(s[i:]); repl == "" && isMark(r) {
			edits, e = joinBase(edits, e, prevRune(s, i))
		}
		edits = append(edits, e)
		b.WriteString(repl)
		last = i + size
	}
	b.WriteString(s[last:])
	return view{s: b.String(), edits: edits}
}

// wordsJoined reports whether the character of size bytes at s[i], one
// the view drops, is an invisible one between a lower-case letter and a
// capital: two words it joins to hide them ("Pierre\u00adDurand", "Marc
// \u200bLefèvre") read as two, where one word's soft hyphen
// ("adminis\u00adtration") is dropped.
func wordsJoined(s string, i, size int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	if isMark(r) {
		return false
	}
	p, n := prevRune(s, i), nextRune(s, i+size)
	return p.r >= 0 && unicode.IsLower(p.r) && n >= 0 && unicode.IsUpper(n)
}

// joinBase widens the edit e of a dropped combining mark to the character
// p it combines with, so that a span ending with "8" in "7̲8̲" takes the
// mark too: the edits from p on become one. It returns the edits left and
// the widened edit.
func joinBase(edits []edit, e edit, p prev) ([]edit, edit) {
	if p.r < 0 {
		return edits, e
	}
	n := e.n - (e.o - p.at) // when no edit lies between p and the mark
	k := len(edits)
	for k > 0 && edits[k-1].o >= p.at {
		k--
	}
	if k < len(edits) {
		n = edits[k].n - (edits[k].o - p.at)
	}
	return edits[:k], edit{n: n, nEnd: e.nEnd, o: p.at, oEnd: e.oEnd}
}

// nextToFold returns the offset, spelling in the view and size of the
// first character of s from offset i on that the view changes, or -1.
func nextToFold(s string, i int) (int, string, int) {
	for i < len(s) {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			i++
			continue
		case c < 0xCA && i+1 < len(s): // U+0080 to U+027F: kept but the soft hyphen and ¹²³ among digits
			if repl, ok := foldLatin1(s, i); ok {
				return i, repl, 2
			}
			i += 2
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if mayFold(r) {
			if repl, ok := foldRune(r); ok {
				return i, repl, size
			}
		}
		if confusableRange(r) {
			if repl, ok := foldConfusable(s, i, i+size, r); ok {
				return i, repl, size // "Dupоnt" with a Cyrillic "о"
			}
		}
		if isMark(r) && viewDigit(s, prevRune(s, i)) {
			return i, "", size // "0̲" and the keycap "0️⃣" are "0"
		}
		i += size
	}
	return -1, "", 0
}

// foldLatin1 returns how the view spells the two-byte character at s[i]:
// the soft hyphen is dropped, and "¹", "²" and "³" are digits when next
// to another digit or superscript digit ("⁰⁶ ¹² ³⁴" is "06 12 34"), so
// that "m²" and "x³" keep their meaning.
func foldLatin1(s string, i int) (string, bool) {
	if s[i] != 0xC2 {
		return "", false
	}
	switch s[i+1] {
	case 0xAD:
		return "", true
	case 0xB9:
		return "1", amongDigits(s, i, i+2)
	case 0xB2:
		return "2", amongDigits(s, i, i+2)
	case 0xB3:
		return "3", amongDigits(s, i, i+2)
	}
	return "", false
}

// amongDigits reports whether the character s[i:j] has a digit or a
// superscript digit next to it, passing over invisible characters and
// combining marks.
func amongDigits(s string, i, j int) bool {
	return digitLike(prevRune(s, i).r) || digitLike(nextRune(s, j))
}

// digitLike reports whether r reads as a digit in the view, or is a
// superscript digit.
func digitLike(r rune) bool {
	return r == 0xB9 || r == 0xB2 || r == 0xB3 || foldsToDigit(r)
}

// viewDigit reports whether the character p of s, found by prevRune,
// reads as a digit in the view: a combining mark after it is dropped.
func viewDigit(s string, p prev) bool {
	if p.r == 0xB9 || p.r == 0xB2 || p.r == 0xB3 {
		return amongDigits(s, p.at, p.at+2)
	}
	return foldsToDigit(p.r)
}

// foldsToDigit reports whether the view spells r as an ASCII digit.
func foldsToDigit(r rune) bool {
	if '0' <= r && r <= '9' {
		return true
	}
	if r < latinKept || !mayFold(r) {
		return false
	}
	repl, ok := foldRune(r)
	return ok && len(repl) == 1 && '0' <= repl[0] && repl[0] <= '9'
}

// isMark reports whether r is a combining mark, nonspacing or enclosing
// (the keycap U+20E3 is one).
func isMark(r rune) bool {
	return r >= 0x300 && unicode.In(r, unicode.Mn, unicode.Me)
}

// passedOver reports whether r is passed over when looking for the
// character next to another: an invisible character or a combining mark.
func passedOver(r rune) bool {
	return r == 0xAD || isMark(r) || invisible(r)
}

// maxPassed bounds the characters passed over when looking for a
// neighbour, so that a text of marks costs linear time: a digit further
// away than that is not seen.
const maxPassed = 32

// prev is a character of a text and its offset; r is -1 when there is none.
type prev struct {
	r  rune
	at int
}

// prevRune returns the character before offset i of s that is not passed
// over, with its offset.
func prevRune(s string, i int) prev {
	for k := 0; i > 0 && k < maxPassed; k++ {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		i -= n
		if !passedOver(r) {
			return prev{r, i}
		}
	}
	return prev{-1, i}
}

// nextRune returns the first character from offset j of s on that is not
// passed over, or -1.
func nextRune(s string, j int) rune {
	for k := 0; j < len(s) && k < maxPassed; k++ {
		r, n := utf8.DecodeRuneInString(s[j:])
		if !passedOver(r) {
			return r
		}
		j += n
	}
	return -1
}

// mayFold is the cheap test before foldRune: false for the characters of
// Latin-1 and Latin Extended other than the soft hyphen, and for those of
// the Basic Multilingual Plane that foldMap leaves alone.
func mayFold(r rune) bool {
	switch {
	case r < latinKept:
		return r == 0xAD
	case r < 0x10000:
		return foldMap[r>>6]&(1<<(r&63)) != 0
	}
	return true
}

// foldMap has one bit per character of the Basic Multilingual Plane, set
// when foldRune changes it.
var foldMap = func() (m [0x10000 / 64]uint64) {
	for r := rune(latinKept); r < 0x10000; r++ {
		if _, ok := foldRune(r); ok {
			m[r>>6] |= 1 << (r & 63)
		}
	}
	return m
}()

// latinKept ends the characters the view keeps but for the soft hyphen:
// Latin-1 ("½", "ª", and "²" but next to digits) and Latin Extended, so
// that a text without exotic characters reads the same. The modifier
// letters after them are folded ("1ᵉʳ" is "1er").
const latinKept = 0x2B0

// foldRune returns how the view spells r, and false when it keeps r.
func foldRune(r rune) (string, bool) {
	switch {
	case r < latinKept:
		return "", r == 0xAD
	case invisible(r):
		return "", true
	case unicode.IsDigit(r):
		return asciiString(byte('0' + digitValue(r))), true
	case r == 0x3000: // ideographic space
		return " ", true
	case 0xFF01 <= r && r <= 0xFF5E: // full-width ASCII, punctuation included
		return asciiString(byte(r - 0xFEE0)), true
	}
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	d := norm.NFKD.Properties(buf[:n]).Decomposition()
	if len(d) == 0 {
		return "", false
	}
	for _, c := range d {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return "", false // "…" stays "…", "①" becomes "1", "𝐜" "c"
		}
	}
	return string(d), true
}

// asciiChars are the printable ASCII characters, from the space on.
const asciiChars = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"

// asciiString returns the printable ASCII character c as a string without
// allocating one.
func asciiString(c byte) string { return asciiChars[c-' ' : c-' '+1] }

// invisible reports whether r is a format character or another default
// ignorable one (fold.Invisible): it shows nothing, or nothing but a
// hyphen at a line end.
func invisible(r rune) bool { return fold.Invisible(r) }

// digitValue returns the value of the decimal digit r. Unicode encodes the
// decimal digits of every script as runs of ten from zero to nine, which
// unicode.Nd lists as ranges that start with a zero.
func digitValue(r rune) int {
	for _, rg := range unicode.Nd.R16 {
		if rune(rg.Lo) <= r && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10
		}
	}
	for _, rg := range unicode.Nd.R32 {
		if rune(rg.Lo) <= r && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10
		}
	}
	return 0
}

// start returns the offset in the text of the view's offset x taken as
// the start of a span: a span that starts inside a changed character
// starts with it, and one that starts right after a dropped character
// does not take it.
func (v *view) start(x int) int {
	k := v.lastEdit(x, false)
	if k < 0 {
		return x
	}
	e := v.edits[k]
	if x < e.nEnd {
		return e.o
	}
	return e.oEnd + x - e.nEnd
}

// end returns the offset in the text of the view's offset y taken as the
// end of a span: a span that ends inside a changed character ends with
// it, and dropped characters inside the span are taken.
func (v *view) end(y int) int {
	k := v.lastEdit(y, true)
	if k < 0 {
		return y
	}
	e := v.edits[k]
	if y <= e.nEnd {
		return e.oEnd
	}
	return e.oEnd + y - e.nEnd
}

// lastEdit returns the index of the last edit that starts at or before x
// in the view (strictly before when strict), or -1.
func (v *view) lastEdit(x int, strict bool) int {
	lo, hi := 0, len(v.edits) // the answer + 1 is in [lo, hi]
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if n := v.edits[m].n; n < x || !strict && n == x {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo - 1
}

// mapSpans maps spans, in order and not overlapping in the view, to the
// text. Two spans that the widening to whole characters makes overlap
// become one.
func (v *view) mapSpans(spans []cand) []cand {
	if len(v.edits) == 0 {
		return spans
	}
	out := spans[:0]
	for _, c := range spans {
		c.start, c.end = v.start(c.start), v.end(c.end)
		if n := len(out); n > 0 && out[n-1].end > c.start {
			out[n-1].end = max(out[n-1].end, c.end)
			continue
		}
		out = append(out, c)
	}
	return out
}
