package redact

// A surname that is also a common noun, written again in lower case as
// the noun: « Gérard Boulanger, ancien artisan boulanger », « Mme Colette
// Berger … le berger allemand de papa ». A repeat in another case is still
// the name after a preposition or a verb (« au nom de benali »), but not
// after a determiner or a word of a trade: there the word is the noun;
// nor as the last word of a lexicon's phrase (« Lucas Nascimento … Data
// de nascimento : », a cue of a birth date).

// tradeWords are the words before a trade's noun (folded).
var tradeWords = wordSet("artisan artisane apprenti apprentie maitre ouvrier ouvriere chef metier ancien ancienne")

// nounRepeat reports whether the repeat of a name at tokens first to last
// is one word in lower case, in a text that uses case, after a
// determiner or a word of a trade, or ending a lexicon's phrase.
func (sc *scanner) nounRepeat(first, last int) bool {
	t := &sc.toks[first]
	if first != last || sc.caseless || t.shape&shCap != 0 || t.shape&shLower == 0 || t.gap != gapSpace {
		return false
	}
	if t.cue != 0 {
		return true // the last word of a lexicon's phrase: "Data de nascimento" after "Lucas Nascimento"
	}
	p := sc.wordBefore(first)
	if p < 0 {
		return false
	}
	return determiners[sc.toks[p].ent] && !sc.isText(p, "en") || sc.foldedIn(p, tradeWords)
}
