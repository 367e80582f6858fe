package redact

import "sort"

// Origins stated in a list or by a skin's colour: "je suis noir", "mon
// mari est gitan et rom", "je suis musulman, d'origine marocaine,
// homosexuel", "mes parents sont d'origine tunisienne, sénégalaise,
// turque". A nationality alone still stays ("réfugié afghan"): after
// "d'origine" only does a list of nationalities tell an origin.

// firstBeing are the verbs of being of the first person: "je suis noir".
var firstBeing = wordSet("suis sommes jsuis chui jss")

// otherBeing are the verbs of being said of someone else, whom
// personSubjects name: "il est noir", "mon mari est noir".
var otherBeing = wordSet("est sont etait etaient es etes")

// personSubjects are the words for a person before a verb of being.
var personSubjects = wordSet("il elle ils elles on tu vous nous mari epouse femme homme fils fille frere soeur mere pere " +
	"compagnon compagne enfant enfants parents famille conjoint conjointe pote copain copine voisin voisine")

// statedColours are the colours that, stated of a person, tell an
// origin; "blanc" stays, as it more often tells a pallor ("je suis
// blanc, je tremble").
var statedColours = wordSet(statedColourWords)

// statedColourWords are statedColours' words, entries of the lexicon
// (artNineEntries), so that each token is tested by its entry.
const statedColourWords = "noir noire noirs noires metis metisse metisses"

// statedColourFlags tells, by entry, the words of statedColours.
var statedColourFlags = entryFlags(statedColourWords)

// colourAfter are the words after a colour that make it no person's:
// "noir de monde", "blanc comme un linge", "noir sur blanc".
var colourAfter = wordSet("de d comme sur et fonce clair")

// originLinks join the words of a list of origins.
var originLinks = wordSet("et ou")

// originLists masks the skin colours stated of a person and the words
// that continue a list of origins.
func (sc *scanner) originLists() {
	for i := 1; i < len(sc.toks); i++ {
		if t := &sc.toks[i]; t.kind == kWord && statedColourFlags[t.ent] && sc.colourStated(i) {
			sc.addToks(i, i, ORIGINE, 0.75)
		}
	}
	n := len(sc.cands)
	for c := 0; c < n; c++ {
		if sc.cands[c].typ != ORIGINE {
			continue
		}
		i := sort.Search(len(sc.toks), func(k int) bool { return int(sc.toks[k].start) >= sc.cands[c].start })
		if i < len(sc.toks) && int(sc.toks[i].end) == sc.cands[c].end {
			sc.originListAfter(i, i > 0 && sc.foldedIs(i-1, "origine"))
		}
	}
}

// colourStated reports whether the colour at i is said of a person by a
// verb of being: "je suis noir", "mon mari est métis"; never before
// "de", "comme" or "sur".
func (sc *scanner) colourStated(i int) bool {
	if i+1 < len(sc.toks) && sc.toks[i+1].gap < gapLine && sc.foldedIn(i+1, colourAfter) {
		return false
	}
	if sc.punct(i-1) == ',' && sc.statedBefore(i-1) {
		return true // "je suis marocain, noir"
	}
	v := sc.wordBefore(i)
	if v < 0 {
		return false
	}
	if sc.foldedIn(v, firstBeing) {
		return true
	}
	s := sc.wordBefore(v)
	return sc.foldedIn(v, otherBeing) && s >= 0 && sc.foldedIn(s, personSubjects)
}

// originListAfter masks the words that follow the origin at token i in
// a list: an ethnic word or a colour, or, after "d'origine", a
// nationality's adjective ("d'origine tunisienne, sénégalaise").
func (sc *scanner) originListAfter(i int, nations bool) {
	for n := 0; n < 8; n++ {
		j := i + 1
		if j+1 >= len(sc.toks) || sc.toks[j].gap >= gapLine || sc.punct(j) != ',' && sc.punct(j) != '/' && !sc.foldedIn(j, originLinks) {
			return
		}
		j++
		if sc.punct(i+1) == ',' && j < len(sc.toks) && sc.foldedIn(j, originLinks) {
			j++ // ", et rom"
		}
		if j >= len(sc.toks) || sc.toks[j].gap >= gapLine || sc.toks[j].kind != kWord || !sc.originWord(j, nations) {
			return
		}
		sc.addToks(j, j, ORIGINE, 0.75)
		i = j
	}
}

// originWord reports whether the word at j names an origin: an ethnic
// word or a colour, or a nationality's adjective when nations is set.
func (sc *scanner) originWord(j int, nations bool) bool {
	t := &sc.toks[j]
	if t.ent != 0 && originFlags[t.ent] || sc.foldedIn(j, statedColours) && !(j+1 < len(sc.toks) && sc.foldedIn(j+1, colourAfter)) {
		return true
	}
	return nations && sc.foldedIn(j, nationAdjectives) && sc.listItemEnds(j)
}

// listItemEnds reports whether the word at j ends its item of a list: a
// link, a mark or the line's end after it, no other word ("d'origine
// ivoirienne, française depuis 2015" states a nationality apart).
func (sc *scanner) listItemEnds(j int) bool {
	k := j + 1
	if k >= len(sc.toks) || sc.toks[k].gap >= gapLine {
		return true
	}
	return sc.toks[k].kind == kPunct || sc.foldedIn(k, originLinks)
}

// statedBefore reports whether the comma at k ends a list of what a verb
// of being said of a person, back to the verb on its line:
// "je suis musulman, d'origine marocaine".
func (sc *scanner) statedBefore(k int) bool {
	for j := k - 1; j >= 0 && j >= k-10 && sc.toks[j+1].gap < gapLine; j-- {
		switch p := sc.punct(j); {
		case p == ',' || p == '\'' || p == '-':
		case p != 0:
			return false
		case sc.foldedIn(j, firstBeing):
			return true
		case sc.foldedIn(j, otherBeing):
			s := sc.wordBefore(j)
			return s >= 0 && sc.foldedIn(s, personSubjects)
		}
	}
	return false
}
