// Package fold is the one place plume folds text to compare words: lower
// case, accents and other nonspacing marks removed, compatibility forms
// spelled out (NFKD: ﬁ → fi, ² → 2, full-width Ａ → a), and the Latin
// letters that have no decomposition spelled as PostgreSQL's unaccent
// dictionary spells them (œ → oe, æ → ae, ø → o, ß → ss, ł → l), so that a
// word folded here is the word the French full-text configuration indexes
// before stemming. It imports nothing of plume.
package fold

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// String returns s folded. It returns s itself when s is already folded
// ASCII.
func String(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return string(Append(make([]byte, 0, len(s)+4), s))
		}
	}
	return s
}

// Append appends s folded to dst.
func Append(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			dst = append(dst, lowerASCII(c))
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		dst = appendRune(dst, r)
	}
	return dst
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// Words returns the words of s folded and separated by single spaces:
// every run of characters other than letters and digits becomes one space,
// and none is left at either end.
func Words(s string) string {
	folded := Append(make([]byte, 0, len(s)+4), s)
	out := folded[:0] // words never grow: they are written over folded
	space := true
	for i := 0; i < len(folded); {
		r, size := utf8.DecodeRune(folded[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			out = append(out, folded[i:i+size]...)
			space = false
		} else if !space {
			out = append(out, ' ')
			space = true
		}
		i += size
	}
	return strings.TrimSuffix(string(out), " ")
}

// appendRune appends the folding of r to dst.
func appendRune(dst []byte, r rune) []byte {
	switch {
	case r < utf8.RuneSelf:
		return append(dst, lowerASCII(byte(r)))
	case r < latinEnd:
		return append(dst, latin[r-utf8.RuneSelf]...)
	}
	return decompose(dst, r)
}

// latinEnd ends the runes folded ahead of time, Latin-1 to Latin
// Extended-B: those of French, European names and most of the rest.
const latinEnd = 0x250

// latin holds the folding of the runes from U+0080 to latinEnd.
var latin = func() []string {
	t := make([]string, latinEnd-utf8.RuneSelf)
	for r := rune(utf8.RuneSelf); r < latinEnd; r++ {
		t[r-utf8.RuneSelf] = string(decompose(nil, r))
	}
	return t
}()

// decompose appends the folding of r to dst: spelled out, or its NFKD
// decomposition without nonspacing marks, or its small letter.
func decompose(dst []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		return append(dst, lowerASCII(byte(r)))
	}
	if s, ok := spelled[r]; ok {
		return append(dst, s...)
	}
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	if d := norm.NFKD.Properties(buf[:n]).Decomposition(); d != nil {
		// The decomposition is full: its runes decompose no further.
		for len(d) > 0 {
			part, size := utf8.DecodeRune(d)
			d = d[size:]
			dst = decompose(dst, part)
		}
		return dst
	}
	if unicode.Is(unicode.Mn, r) {
		return dst
	}
	if lower := unicode.ToLower(r); lower != r {
		return decompose(dst, lower) // the small letter may decompose or be spelled out
	}
	return utf8.AppendRune(dst, r)
}

// spelled are the letters of Latin-1 and Latin Extended-A that NFKD leaves
// whole, or splits otherwise than unaccent (ŀ: l and a middle dot; ŉ: a
// modifier apostrophe and n), spelled as unaccent spells them.
var spelled = map[rune]string{
	'Æ': "ae", 'æ': "ae", 'Œ': "oe", 'œ': "oe", 'Ø': "o", 'ø': "o", 'ß': "ss", 'ẞ': "ss",
	'Ł': "l", 'ł': "l", 'Ŀ': "l", 'ŀ': "l", 'Đ': "d", 'đ': "d", 'Ð': "d", 'ð': "d",
	'Þ': "th", 'þ': "th", 'Ħ': "h", 'ħ': "h", 'Ŧ': "t", 'ŧ': "t", 'Ŋ': "n", 'ŋ': "n",
	'ı': "i", 'ĸ': "q", 'ŉ': "'n",
}

// Invisible reports whether r shows nothing: a format character (zero-width
// space and joiners, soft hyphen, word joiner, byte order mark,
// bidirectional marks), a variation selector or another default ignorable
// code point, but not a space. A word with one inside reads as the word
// without it.
func Invisible(r rune) bool {
	return unicode.In(r, unicode.Cf, unicode.Variation_Selector, unicode.Other_Default_Ignorable_Code_Point) &&
		!unicode.IsSpace(r)
}

// Blank reports whether r is a space or Invisible: a text of such runes
// alone says nothing.
func Blank(r rune) bool { return unicode.IsSpace(r) || Invisible(r) }
