package redact

import (
	"unicode"
	"unicode/utf8"
)

// Cyrillic and Greek letters that look like Latin ones ("е", "о", "а",
// "р", "с", "Ο") are typed inside Latin words by keyboards set to another
// layout, and slipped in on purpose to hide a name or an address from a
// filter: "Mаrie Dupоnt", "gmаil.com". The view spells such a letter as
// the Latin one when a Latin letter stands in the same word; a word
// wholly in Cyrillic or Greek ("сосо", "Ολα") keeps its script, for the
// names other scripts write are read as such.

// confusables maps each look-alike letter to the ASCII letter it reads as.
var confusables = map[rune]string{
	// Cyrillic
	'а': "a", 'в': "b", 'е': "e", 'о': "o", 'р': "p", 'с': "c", 'у': "y", 'х': "x",
	'і': "i", 'ј': "j", 'ѕ': "s", 'һ': "h", 'ӏ': "l", 'ԁ': "d", 'ԛ': "q", 'ԝ': "w",
	'А': "A", 'В': "B", 'Е': "E", 'К': "K", 'М': "M", 'Н': "H", 'О': "O", 'Р': "P",
	'С': "C", 'Т': "T", 'Х': "X", 'І': "I", 'Ј': "J", 'Ѕ': "S", 'Ү': "Y", 'Ԛ': "Q", 'Ԝ': "W",
	// Greek
	'Α': "A", 'Β': "B", 'Ε': "E", 'Ζ': "Z", 'Η': "H", 'Ι': "I", 'Κ': "K", 'Μ': "M",
	'Ν': "N", 'Ο': "O", 'Ρ': "P", 'Τ': "T", 'Υ': "Y", 'Χ': "X",
	'ο': "o", 'α': "a", 'ι': "i", 'κ': "k", 'ν': "v", 'ρ': "p", 'υ': "u",
}

// confusableRange reports whether r lies in the Greek and Cyrillic blocks,
// the cheap test before foldConfusable.
func confusableRange(r rune) bool { return 0x370 <= r && r < 0x530 }

// foldConfusable returns the Latin letter the look-alike r at s[i:j]
// reads as when a Latin letter stands in its word, and false otherwise.
func foldConfusable(s string, i, j int, r rune) (string, bool) {
	repl, ok := confusables[r]
	if !ok {
		return "", false
	}
	return repl, latinBefore(s, i) || latinAfter(s, j)
}

// latinLetter reports whether r is a letter of the Latin script.
func latinLetter(r rune) bool {
	return r < 0x250 && unicode.IsLetter(r) || 0x1E00 <= r && r < 0x1F00
}

// latinBefore reports whether a Latin letter stands in the word that ends
// at offset i of s, looking back over letters, invisible characters and
// marks, at most maxPassed characters.
func latinBefore(s string, i int) bool {
	for k := 0; i > 0 && k < maxPassed; k++ {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		switch {
		case latinLetter(r):
			return true
		case !unicode.IsLetter(r) && !passedOver(r):
			return false
		}
		i -= n
	}
	return false
}

// latinAfter reports whether a Latin letter stands in the word that starts
// at offset j of s, looking on as latinBefore does.
func latinAfter(s string, j int) bool {
	for k := 0; j < len(s) && k < maxPassed; k++ {
		r, n := utf8.DecodeRuneInString(s[j:])
		switch {
		case latinLetter(r):
			return true
		case !unicode.IsLetter(r) && !passedOver(r):
			return false
		}
		j += n
	}
	return false
}
