package redact

import (
	"unicode"
	"unicode/utf8"

	"github.com/plume-sp/plume/fold"
)

// tokKind is the kind of a token.
type tokKind uint8

const (
	kWord  tokKind = iota + 1 // letters only
	kNum                      // ASCII digits only
	kAlnum                    // letters and digits
	kPunct                    // one rune that is neither a letter, a digit nor a blank
)

// Shape bits of a word token.
const (
	shCap   uint8 = 1 << iota // first letter upper case
	shUpper                   // every letter upper case, at least two letters
	shLower                   // no upper-case letter
	shASCII                   // only ASCII bytes
)

// Gap kinds: what separates a token from the one before it.
const (
	gapNone  uint8 = iota // attached
	gapSpace              // one blank
	gapBlank              // several blanks, no line break
	gapLine               // one line break
	gapPara               // two line breaks or more, or the start of the text
)

// token is one word, number or punctuation rune of the text. Offsets are
// relative to the scanned chunk.
type token struct {
	bits       wordBits // the lexicon's bits of the word, read by the detectors for most tokens
	start, end int32
	ent        uint32  // index of the folded word's lexicon entry, 0 if unknown or unlisted (see unlistedBits)
	cue        cueBits // cues of the phrases that end at this token
	// val is the normalized rune of a punctuation token (see punct) and
	// the wordHash of a word's folded form (0 for a word too long).
	val   uint32
	kind  tokKind
	shape uint8
	gap   uint8
}

// setEntry sets the lexicon entry of word token t from the table's entry
// e, and its bits: an unlisted word keeps its bits, but no entry.
func (t *token) setEntry(e uint32) {
	t.bits = lex.bits[e]
	t.ent = lex.tokenEntry(e)
}

// Byte classes of ASCII characters.
const (
	clPunct uint8 = iota
	clSpace
	clNewline
	clDigit
	clUpper
	clLower
	clMulti // the first byte of a character of several bytes: see runeClass
)

// byteClass classifies every byte: ASCII characters by their class, the
// others as clMulti.
var byteClass = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = clMulti
		case c == '\n':
			t[c] = clNewline
		case c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f':
			t[c] = clSpace
		case '0' <= c && c <= '9':
			t[c] = clDigit
		case 'A' <= c && c <= 'Z':
			t[c] = clUpper
		case 'a' <= c && c <= 'z':
			t[c] = clLower
		default:
			t[c] = clPunct
		}
	}
	return t
}()

// runeClass classifies a non-ASCII rune.
func runeClass(r rune) uint8 {
	switch {
	case r == '\u2028' || r == '\u2029' || r == '\u0085':
		return clNewline
	case unicode.IsSpace(r):
		return clSpace
	case unicode.IsUpper(r) || unicode.IsTitle(r):
		return clUpper
	case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || unicode.IsDigit(r):
		return clLower
	}
	return clPunct
}

// runeClassAt returns the class of the character of several bytes at s[i]
// and its size: the slow path beside byteClass.
func runeClassAt(s string, i int) (uint8, int) {
	r, size := utf8.DecodeRuneInString(s[i:])
	return runeClass(r), size
}

// tokenize splits s into tokens, appending to toks[:0]. It looks every word
// up in the lexicon and tags the words that end a lexicon phrase.
func tokenize(s string, toks []token) []token {
	if want := len(s)/4 + 16; cap(toks) < want {
		toks = make([]token, 0, want)
	}
	toks = toks[:0]
	nsp, nnl := 0, 2
	for i := 0; i < len(s); {
		cl, size := byteClass[s[i]], 1
		if cl == clMulti {
			cl, size = runeClassAt(s, i)
		}
		switch cl {
		case clSpace:
			nsp++
			i += size
			continue
		case clNewline:
			nnl++
			i += size
			continue
		}
		toks = append(toks, token{start: int32(i), gap: gapOf(nsp, nnl)})
		t := &toks[len(toks)-1] // filled in place
		nsp, nnl = 0, 0
		if cl == clPunct {
			t.val = uint32(normPunct(s[i:]))
			i += size
			t.end, t.kind = int32(i), kPunct
			continue
		}
		i = readWord(s, i, t)
	}
	return toks
}

func gapOf(nsp, nnl int) uint8 {
	switch {
	case nnl >= 2:
		return gapPara
	case nnl == 1:
		return gapLine
	case nsp > 1:
		return gapBlank
	case nsp == 1:
		return gapSpace
	}
	return gapNone
}

// maxWord is the length in bytes of the longest word looked up in the
// lexicon.
const maxWord = 48

// readWord reads the word or number that starts at s[i] into t (end, kind,
// shape, and for a word its hash and lexicon entry) and returns its end.
func readWord(s string, i int, t *token) int {
	if end, ok := readASCIIWord(s, i, t); ok {
		return end
	}
	return readAnyWord(s, i, t)
}

// readASCIIWord is readWord for a word of ASCII letters and digits, the
// most common: it returns false, having changed nothing, for a word that
// holds a character of several bytes.
func readASCIIWord(s string, i int, t *token) (int, bool) {
	start := i
	digits, letters, uppers := 0, 0, 0
	capFirst := false
	h := uint32(fnvOffset)
word:
	for ; i < len(s); i++ {
		c := s[i]
		switch byteClass[c] {
		case clLower:
			letters++
		case clUpper:
			capFirst = capFirst || letters == 0
			letters++
			uppers++
			c += 'a' - 'A'
		case clDigit:
			digits++
		case clMulti:
			return 0, false
		default:
			break word
		}
		h = (h ^ uint32(c)) * fnvPrime
	}
	t.end = int32(i)
	t.kind = wordKind(digits, letters)
	t.shape = wordShape(letters, uppers) | shASCII
	if capFirst {
		t.shape |= shCap
	}
	if t.kind != kWord || i-start > maxWord {
		return i, true
	}
	t.val = h
	if uppers == 0 {
		t.setEntry(lex.table.lookupString(s[start:i], h))
		return i, true
	}
	var buf [maxWord]byte
	w := buf[:i-start]
	for k := range w {
		w[k] = lowerASCII(s[start+k])
	}
	t.setEntry(lex.table.lookup(w, h))
	return i, true
}

// wordKind returns the kind of a word of so many digits and letters.
func wordKind(digits, letters int) tokKind {
	switch {
	case letters == 0:
		return kNum
	case digits == 0:
		return kWord
	}
	return kAlnum
}

// wordShape returns the case shape bits of a word of so many letters, of
// which uppers are upper case.
func wordShape(letters, uppers int) uint8 {
	switch {
	case uppers == 0:
		return shLower
	case uppers == letters && letters >= 2:
		return shUpper
	}
	return 0
}

// lowerASCII returns the ASCII letter c in lower case, any other byte as
// it is.
func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// readAnyWord is readWord for any word. An ASCII word is folded
// (lower-cased) and hashed as it is read.
func readAnyWord(s string, i int, t *token) int {
	var buf [maxWord]byte
	digits, letters, uppers, ascii := 0, 0, 0, true
	first := true
	n, h := 0, uint32(fnvOffset)
word:
	for i < len(s) {
		c := s[i]
		cl, size := byteClass[c], 1
		multi := cl == clMulti
		if multi {
			cl, size = runeClassAt(s, i)
		}
		switch cl {
		case clDigit:
			digits++
		case clUpper:
			letters++
			uppers++
			if first {
				t.shape |= shCap
			}
			c += 'a' - 'A' // used only while the word is ASCII
		case clLower:
			letters++
		default:
			break word
		}
		if cl != clDigit {
			first = false
		}
		// A character of several bytes makes the word non-ASCII only when
		// it is part of it: « Mme » before a no-break space is the ASCII
		// civility (the space once made it "Mẹ"-like, and the name after
		// it was left).
		ascii = ascii && !multi
		if ascii && n < len(buf) {
			buf[n] = c
			n++
			h = (h ^ uint32(c)) * fnvPrime
		}
		i += size
	}
	t.end = int32(i)
	t.kind = wordKind(digits, letters)
	t.shape |= wordShape(letters, uppers)
	if ascii {
		t.shape |= shASCII
	}
	if t.kind != kWord || int(t.end-t.start) > len(buf) {
		return i
	}
	w := buf[:n]
	if !ascii {
		w = fold.Append(buf[:0], s[t.start:t.end])
		h = wordHash(w)
	}
	t.val = h
	t.setEntry(lex.table.lookup(w, h))
	return i
}
