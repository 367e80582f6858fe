package redact

// Surnames with one initial that no cue announces: the initial glued to
// the surname by its dot ("A.DUPONT" on a signature's line) and the
// initial after the surname ("Dupont J.").

// initialNames adds the surnames written with one initial (see
// gluedInitialName and surnameInitialName).
func (sc *scanner) initialNames() {
	for i := 0; i < len(sc.toks); i++ {
		if sc.toks[i].kind != kWord || sc.caseless {
			continue
		}
		last := sc.gluedInitialName(i)
		if last < 0 {
			last = sc.surnameInitialName(i)
		}
		if last < 0 {
			last = sc.initialSigned(i)
		}
		if last > i {
			i = last
		}
	}
}

// gluedInitialName adds the surname glued to the initial at i by its dot
// when they open a line or a sentence and end their clause ("A.DUPONT",
// "J.Martin"), and returns its last token, or -1. The surname is unknown
// to the lexicon and no first name; abbreviations stay ("N.B.").
func (sc *scanner) gluedInitialName(i int) int {
	t := &sc.toks[i]
	k := i + 2
	if t.end-t.start != 1 || t.shape&shCap == 0 || k >= len(sc.toks) || sc.punct(i+1) != '.' ||
		!sc.attached(i+1) || !sc.attached(k) || !sc.startsSentence(i) {
		return -1
	}
	if !sc.initialSurname(k) || !sc.clauseEndsAt(sc.hyphenEnd(k)+1, surnameStops) {
		return -1
	}
	last := sc.hyphenEnd(k)
	sc.addToks(i, last, NOM, 0.75)
	return last
}

// surnameInitialName adds the surname at i followed by one initial and
// its dot ("…\nDupont J.", "signé Dupont J. le 3 mars") and returns the
// dot's token, or -1. The pair is alone on the last line of a text of
// several lines (a signature's place) or follows a comma, a colon or a
// closing's cue, and the surname reads as one (initialSurname): "Plan
// B." or "Niveau B." opening a message stay, nouns the lexicon lacks.
func (sc *scanner) surnameInitialName(i int) int {
	k := i + 1
	if !sc.initialSurname(i) || k+1 >= len(sc.toks) || sc.toks[k].gap != gapSpace || sc.toks[k].kind != kWord ||
		sc.toks[k].end-sc.toks[k].start != 1 || sc.toks[k].shape&shCap == 0 || sc.punct(k+1) != '.' || !sc.attached(k+1) {
		return -1
	}
	if k+2 < len(sc.toks) && sc.attached(k+2) && sc.toks[k+2].kind == kWord {
		return -1 // "Dupont J.P.", read elsewhere, or a glued word
	}
	if !sc.signatureLine(i, k+1) && sc.punct(i-1) != ',' && sc.punct(i-1) != ':' && !sc.cueWordBefore(i) {
		return -1
	}
	sc.addToks(i, k+1, NOM, 0.75)
	return k + 1
}

// initialSurname reports whether word k, beside an initial, reads as a
// surname: capitalised or in capitals, three letters or more, unknown to
// the lexicon, ending as no common noun or adjective does, and no first
// name.
func (sc *scanner) initialSurname(k int) bool {
	t := &sc.toks[k]
	return t.kind == kWord && t.shape&shCap != 0 && t.end-t.start >= 3 && t.ent == 0 && !sc.isFirstName(k) &&
		sc.bits(k)&notName == 0 && sc.unknownWords(k, k) && !adjectiveEnding(sc.folded(k))
}

// cueWordBefore reports whether the word before token i is a cue of a
// closing or a signature ("signé", "cordialement").
func (sc *scanner) cueWordBefore(i int) bool {
	p := sc.wordBefore(i)
	return p >= 0 && sc.toks[p].cue&cClosing != 0
}

// signatureLine reports whether tokens i to e fill the last line of a
// text of several lines, where a signature stands.
func (sc *scanner) signatureLine(i, e int) bool {
	return i > 0 && sc.toks[i].gap >= gapLine && e+1 >= len(sc.toks)
}
