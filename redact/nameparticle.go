package redact

// capsParticleName adds a surname in capitals that opens with particles in
// capitals, before its first name ("DE LA FONTAINE Jean", "Je suis DU
// PONT Marie, …"), and returns its last token, or -1. One or two
// particles, the first an article only before a known surname that is
// also a word ("LA FONTAINE Jean"); the surname is unknown to the lexicon or a known surname
// that is also a word ([word-surname]); the first name is capitalised, not
// in capitals, which shows the case even in a text mostly in capitals,
// and ends the clause ("DE LA PART DE Marie" stays).
func (sc *scanner) capsParticleName(i int) int {
	if sc.toks[i].shape&shUpper == 0 || !sc.has(i, wParticle) {
		return -1
	}
	m := i + 1
	for ; m < i+3 && sc.sameLine(m) && sc.toks[m].gap == gapSpace && sc.toks[m].shape&shUpper != 0 && sc.has(m, wParticle); m++ {
	}
	f := m + 1
	if !sc.sameLine(f) || sc.toks[m].gap != gapSpace || sc.toks[f].gap != gapSpace || !sc.capsParticleSurname(m) {
		return -1
	}
	if sc.isText(i, "le", "la", "les", "l") && !sc.has(m, wWordSurname) {
		return -1 // "LE HAVRE Marie": an article opens a town's name too
	}
	t := &sc.toks[f]
	if t.kind != kWord || t.shape&shCap == 0 || t.shape&shUpper != 0 || !sc.isFirstName(f) {
		return -1
	}
	last := sc.hyphenEnd(f)
	if !sc.clauseEndsAt(last+1, surnameStops) {
		return -1
	}
	sc.addToks(i, last, NOM, 0.8)
	return last
}

// capsParticleSurname reports whether word m, after particles in
// capitals, is a surname in capitals: three letters or more, unknown to
// the lexicon or one of [word-surname], and no word that rules a name out.
func (sc *scanner) capsParticleSurname(m int) bool {
	t := &sc.toks[m]
	return t.kind == kWord && t.shape&shUpper != 0 && t.end-t.start >= 3 && (t.ent == 0 || t.bits&wWordSurname != 0) &&
		sc.bits(m)&notName == 0
}
