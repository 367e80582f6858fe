package redact

// "ana" is "I" in the Arabic of North Africa written in Latin letters:
// "ana mama au foyer", "ana talib", "hit ana mhajba", "CMU. Ana malade".
// Read as the first name Ana, it was masked (session 22, pooled tuning
// halves: five of plume's 55 false names). It is the pronoun in lower
// case before a lower-case word, and, capitalised, before a word of a
// state (anaStates); "Ana Silva", "ma fille Ana parle", "Obrigada, Ana"
// stay names.

// anaStates are the words after "Ana" that tell the pronoun (folded):
// states and roles in French and in Darija.
var anaStates = wordSet("malade mrid mrida mridha khayfa khayef mhajba talib taliba mama baba 3ayan 3ayana " +
	"mriid fr7an fer7ana bghit kan kont")

// pronounAna reports whether word i is the pronoun "ana" (see above).
func (sc *scanner) pronounAna(i int) bool {
	t := &sc.toks[i]
	if t.end-t.start != 3 || !sc.foldedIs(i, "ana") {
		return false
	}
	n := i + 1
	if n >= len(sc.toks) || sc.toks[n].kind != kWord || sc.toks[n].gap != gapSpace {
		return false
	}
	nt := &sc.toks[n]
	if sc.foldedIn(n, anaStates) && (nt.shape&shCap == 0 || sc.caseless) {
		return true
	}
	return !sc.caseless && t.shape&shLower != 0 && t.shape&shCap == 0 && nt.shape&shLower != 0 && nt.shape&shCap == 0 &&
		!sc.has(n, wFirst)
}
