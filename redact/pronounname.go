package redact

import "strings"

// First names that are also pronouns of the messages' other languages:
// "ana" is "I" in the Arabic of North Africa written in Latin letters
// ("ana mama au foyer", "ana talib", "hit ana mhajba", "CMU. Ana
// malade"), "ella" is "she" in Spanish ("Ella me paga con CESU"). Read as
// the first names Ana and Ella, they were masked (session 22, pooled
// tuning halves: six of plume's 55 false names). "ana" is the pronoun in
// lower case before a lower-case word, and either is, capitalised or
// not, before a word its language puts after the pronoun
// (pronounFollowers), and "ana" before a word of Arabic written with
// digits for its letters ("Ana 3andi titre de séjour"); "Ana Silva", "ma
// fille Ana parle", "Obrigada, Ana" stay names.

// pronounFollowers maps a pronoun that is also a first name to the words
// after it that tell the pronoun (folded).
var pronounFollowers = map[string]map[string]bool{
	"ana": wordSet("malade mrid mrida mridha khayfa khayef mhajba talib taliba mama baba " +
		"mriid bghit kan kont msalem msalma mouslim makontesh mesh"),
	"ella": wordSet("me te se le lo la nos les no es esta estaba tiene dice vive trabaja quiere habla paga"),
}

// pronounName reports whether word i is one of pronounFollowers' pronouns
// rather than a first name (see above).
func (sc *scanner) pronounName(i int) bool {
	t := &sc.toks[i]
	if t.kind != kWord || t.end-t.start > 4 {
		return false
	}
	w := sc.folded(i)
	followers := pronounFollowers[w]
	n := i + 1
	if followers == nil || n >= len(sc.toks) || sc.toks[n].gap != gapSpace {
		return false
	}
	nt := &sc.toks[n]
	if w == "ana" && (nt.kind == kAlnum || nt.kind == kWord) && arabizi(sc.text(n)) {
		return true
	}
	if nt.kind != kWord {
		return false
	}
	if sc.foldedIn(n, followers) && (nt.shape&shCap == 0 || sc.caseless) {
		return true
	}
	return w == "ana" && !sc.caseless && t.shape&shLower != 0 && t.shape&shCap == 0 && nt.shape&shLower != 0 &&
		nt.shape&shCap == 0 && !sc.has(n, wFirst)
}

// arabizi reports whether w is a word of Arabic written in Latin letters
// with digits for the letters Latin lacks: "3andi", "fr7an", "bey2ool",
// letters on both sides of a 2, 3, 5, 7 or 9, or a 3 or 7 opening it.
func arabizi(w string) bool {
	for i := 0; i < len(w); i++ {
		if !strings.ContainsRune("23579", rune(w[i])) {
			continue
		}
		before := i > 0 && isASCIILetter(w[i-1])
		after := i+1 < len(w) && isASCIILetter(w[i+1])
		if after && (before || w[i] == '3' || w[i] == '7') {
			return true
		}
	}
	return false
}

// isASCIILetter reports whether c is an ASCII letter.
func isASCIILetter(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}
