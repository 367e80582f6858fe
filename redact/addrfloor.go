package redact

import "strings"

// floorWords name a floor after its ordinal.
var floorWords = wordSet("etage etages floor")

// floorBetween reports whether the tokens between two address parts, last
// and first, are a floor set between commas, with a few words after it:
// "58 av. Foch, 3e étage sans ascenseur, 94100 Saint-Maur", "3 rue Fosse
// aux Loups, 13 ème etage, 59000 Lille". The floor stays inside the
// address, as it tells where the person lives; all on one line.
func (sc *scanner) floorBetween(last, first int) bool {
	k := last + 1
	if first-k > 10 || k >= first || sc.punct(first-1) != ',' {
		return false
	}
	for m := k; m <= first; m++ {
		if sc.toks[m].gap > gapSpace {
			return false
		}
	}
	switch {
	case sc.toks[last].kind == kWord && floorWords[sc.folded(last)]:
		k = last // the floor read with the street: "58 av. Foch, 3e étage"
	case sc.punct(k) == ',':
		if k = sc.ordinalEnd(k + 1); k < 0 || k >= first || !floorWords[sc.folded(k)] {
			return false
		}
	default:
		return false
	}
	for m := k + 1; m < first-1; m++ {
		if sc.toks[m].kind != kWord || sc.toks[m].shape&shLower == 0 {
			return false // "sans ascenseur", "porte gauche"
		}
	}
	return true
}

// ordinalEnd returns the token after an ordinal written with digits from
// token k, "3e", "3ème", "1er", "13 ème", "2nd", or -1.
func (sc *scanner) ordinalEnd(k int) int {
	if k >= len(sc.toks) {
		return -1
	}
	switch sc.toks[k].kind {
	case kAlnum:
		if ordinalSuffix(strings.TrimLeft(strings.ToLower(sc.text(k)), "0123456789")) {
			return k + 1
		}
	case kNum:
		if sc.toks[k].end-sc.toks[k].start <= 2 && k+1 < len(sc.toks) && sc.toks[k+1].kind == kWord && ordinalSuffix(sc.folded(k+1)) {
			return k + 2
		}
	}
	return -1
}

// ordinalSuffix reports whether s is the suffix of an ordinal: "e",
// "ème", "er", "nd", "th", accents or not.
func ordinalSuffix(s string) bool {
	switch s {
	case "e", "eme", "ème", "er", "ere", "ère", "nd", "nde", "th", "st", "rd", "ieme", "ième":
		return true
	}
	return false
}
