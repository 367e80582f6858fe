package redact

// Maiden names given with a birth date: "née GRAND le 4 mai 1970", "né
// Grand le 4 mai 1970". The name between "né(e)" and "le" is a surname
// even when it is also a common word, since the birth date after it
// says a person is being described.

// maidenNames masks one to three capitalised words between "né(e)" and
// "le" when a birth date, already read, starts right after "le", and a
// person's name alone after "née" or "né" written with its accent, up
// to its clause's end: "Ma mère (née Obiang) …" (maidenNameAlone).
func (sc *scanner) maidenNames() {
	if sc.caseless {
		return
	}
	for i := 0; i+3 < len(sc.toks); i++ {
		if !sc.isText(i, "ne", "nee") {
			continue
		}
		if e := sc.maidenNameAlone(i); e > i {
			sc.addToks(i+1, e, NOM, 0.8)
			continue
		}
		j := i + 1
		for j < len(sc.toks) && j < i+4 && sc.maidenWord(j) {
			j++
		}
		if j == i+1 || j+1 >= len(sc.toks) || !sc.isText(j, "le") || sc.toks[j+1].gap >= gapLine {
			continue
		}
		if sc.birthStartsAt(int(sc.toks[j+1].start)) {
			sc.addToks(i+1, j-1, NOM, 0.8)
		}
	}
}

// maidenWord reports whether token k is a capitalised word on the line
// of the word before it.
func (sc *scanner) maidenWord(k int) bool {
	t := &sc.toks[k]
	return t.kind == kWord && t.gap < gapLine && t.shape&(shCap|shUpper) != 0 && !sc.isText(k, "le")
}

// birthStartsAt reports whether a birth date's candidate starts at byte
// start.
func (sc *scanner) birthStartsAt(start int) bool {
	for _, c := range sc.cands {
		if c.typ == NAISSANCE && c.start == start {
			return true
		}
	}
	return false
}

// maidenNameAlone returns the last token of the name after "née", "nee"
// or "né" at i when no birth date follows it: a surname alone as
// personObject reads it ("(née Obiang)", "née Le Bihan,"), or i. The
// negation "ne" ("je ne Sais") never announces one.
func (sc *scanner) maidenNameAlone(i int) int {
	if w := sc.text(i); w == "ne" || w == "Ne" || w == "NE" || sc.toks[i+1].gap != gapSpace {
		return i
	}
	if e := sc.personObject(i + 1); e > i {
		return e
	}
	return i
}
