package redact

import "sort"

// hyphenNames extends every name found over the parts of its compound
// that the detector left out, on either side: "[Marie]-France",
// "[Sébastien] Marie-Sainte" → "Sébastien Marie-Sainte",
// "Guillou-Le Bihan", and joins two names that a hyphen alone separates
// ("Pryce-Jones" found as two). A part is a capitalized word attached to
// the hyphen and the hyphen to the name; a particle after the hyphen
// ("-Le", "-de") takes the capitalized word after it along.
func (sc *scanner) hyphenNames() {
	for c := range sc.cands {
		if sc.cands[c].typ != NOM {
			continue
		}
		first, last := sc.tokAt(sc.cands[c].start), sc.tokAt(sc.cands[c].end-1)
		if first < 0 || last < 0 {
			continue
		}
		for k := 0; k < maxCompound && sc.hyphenPartAt(last+1); k++ {
			last += 2
			if sc.has(last, wParticle) && last+1 < len(sc.toks) && sc.toks[last+1].gap == gapSpace && sc.capWord(last+1) {
				last++
			}
		}
		for k := 0; k < maxCompound && first >= 2 && sc.hyphenPartAt(first-1) && sc.attached(first) && sc.capWord(first-2); k++ {
			first -= 2
		}
		if first == sc.tokAt(sc.cands[c].start) && last == sc.tokAt(sc.cands[c].end-1) {
			continue
		}
		first, last = sc.aroundCompound(first, last)
		sc.cands[c].start, sc.cands[c].end = int(sc.toks[first].start), int(sc.toks[last].end)
	}
}

// aroundCompound widens a name just extended over its compound, first to
// last, by the word that names the same person on either side: a first
// name or a word unknown to the lexicon before it ("Gareth Pryce-Jones"),
// a surname after a compound that starts or ends with a first name
// ("Marie-France Petit").
func (sc *scanner) aroundCompound(first, last int) (int, int) {
	if p := first - 1; p >= 0 && sc.toks[first].gap == gapSpace && sc.capWord(p) && !sc.has(p, wCivility) && sc.nameWord(p, medium, 0) {
		first = p
	}
	if n := last + 1; n < len(sc.toks) && sc.toks[n].gap == gapSpace && (sc.isFirstName(first) || sc.isFirstName(last)) && sc.capWord(n) && sc.nameWord(n, medium, 1) &&
		!sc.has(n, wCivility) && sc.clauseEndsAt(n+1, surnameStops) {
		last = n
	}
	return first, last
}

// hyphenPartAt reports whether token h is a hyphen attached to the word
// before it and followed by an attached capitalized word.
func (sc *scanner) hyphenPartAt(h int) bool {
	return h > 0 && h+1 < len(sc.toks) && sc.punct(h) == '-' && sc.attached(h) && sc.attached(h+1) && sc.toks[h-1].kind == kWord &&
		sc.capWord(h+1)
}

// capWord reports whether token k is a word with a capital first letter
// that no list takes for anything but a name part.
func (sc *scanner) capWord(k int) bool {
	t := &sc.toks[k]
	return t.kind == kWord && t.shape&shCap != 0 && !sc.caseless && t.end-t.start >= 2
}

// tokAt returns the index of the token that holds byte offset off, or -1.
func (sc *scanner) tokAt(off int) int {
	i := sort.Search(len(sc.toks), func(i int) bool { return int(sc.toks[i].end) > off })
	if i < len(sc.toks) && int(sc.toks[i].start) <= off {
		return i
	}
	return -1
}
