package redact

// Names after the words that announce a person without a civility: who
// signed, read, checked, sent or met ("signé : rolande guégan", "relu par
// Goulven Morvan", "vu avec goulven morvan"), a name before "ici" ("pierre
// durand ici, …"), and initials before a surname ("J.-P. Lefort").

var (
	entPar  = lex.words["par"]
	entAvec = lex.words["avec"]
	entPour = lex.words["pour"]
)

// nounEndings end French nouns and adjectives that are seldom surnames,
// beside commonEndings: "médicale", "gestionnaire", "directrice".
var nounEndings = []string{"ale", "ales", "aire", "aires", "eur", "eurs", "rice", "isme", "iste"}

// cuedNames reads the names that a cue of a person announces, the names
// before "ici" and the names after initials.
func (sc *scanner) cuedNames() {
	for i := 0; i < len(sc.toks); i++ {
		t := &sc.toks[i]
		if t.kind != kWord {
			continue
		}
		last := -1
		switch {
		case t.ent == entIci:
			last = sc.hereName(i)
		case t.end-t.start == 1:
			last = sc.initialsName(i)
		default:
			if j, bare := sc.personCueAt(i); j >= 0 {
				last = sc.cuedPersonName(j, bare)
				if last < 0 && sc.has(i, wSigned) {
					last = sc.signedFirstName(j)
				}
			}
		}
		if last > i {
			i = last
		}
	}
}

// personCueAt returns the token where the name announced by the cue
// word at i starts, or -1: the word after "par" or "avec" and their cue
// ("relu par", "vu avec"), or after "signé" and a colon or opening its
// sentence ("signé : …", "Signé Rolande Guégan"). After "pour" or "avec"
// without a cue (bare) the name must show more (see cuedPersonName).
func (sc *scanner) personCueAt(i int) (j int, bare bool) {
	t := &sc.toks[i]
	switch {
	case t.ent == 0:
	case t.ent == entPour:
		return i + 1, true
	case t.ent == entPar || t.ent == entAvec:
		p := sc.wordBefore(i)
		cue := wPersonBy // "relu par", "validée par", "transmis par"
		if t.ent == entAvec {
			cue = wPersonWith // "vu avec", "rdv avec", "entretien avec"
		}
		if p < 0 || !sc.has(p, cue) || sc.isText(p, "vous") && !sc.isText(sc.prevWord(p), "rendez") {
			if t.ent == entAvec {
				return i + 1, true
			}
			return -1, false
		}
		return sc.skipPunct(i+1, false), false
	case t.end-t.start >= 5 && t.end-t.start <= 7 && (sc.s[t.start] == 's' || sc.s[t.start] == 'S') && sc.has(i, wSigned):
		switch sc.punct(i + 1) {
		case ':', '-', '–':
			return sc.skipPunct(i+1, true), false
		}
		if sc.startsSentence(i) {
			return i + 1, false
		}
	}
	return -1, false
}

// cuedPersonName adds the name at j after a cue of a person and returns
// its last token, or -1. Written with capitals, it is read as after a
// closing, of two words or more or with a first name, or after "vu avec"
// a lone surname ending its clause (seenWith, loneSurname: "vu avec
// Garnier"), no common word in
// it, and without a first name only of words unknown to the lexicon that
// end as no common noun does ("validé par Pôle Emploi", "vu avec la
// Mission Locale" stay); after a bare "pour" or "avec", two words or more
// ("pour Goulven Morvan"; "avec rosette" stays), and in lower case a first
// name too ("pour pierre durand"), see lowerCuedName.
func (sc *scanner) cuedPersonName(j int, bare bool) int {
	if j >= len(sc.toks) || sc.toks[j].gap >= gapPara || sc.toks[j].kind != kWord || bare && sc.toks[j].gap >= gapLine {
		return -1
	}
	if sc.caseless || sc.toks[j].shape&shLower != 0 {
		return sc.lowerCuedName(j, false, bare)
	}
	first, last, words, firstName := sc.nameSpan(j, medium)
	// "vu avec Garnier"; not after "par" ("traité par Ritaline") nor an
	// appointment's cue ("rdv avec Adoma", "entretien avec Manpower")
	lone := words == 1 && !bare && !firstName && sc.seenWith(first) && sc.loneSurname(first)
	if words == 0 || words < 2 && (!firstName || bare) && !lone || sc.commonWordIn(first, last) || !firstName && !sc.unknownWords(first, last) {
		return -1
	}
	sc.addToks(first, last, NOM, 0.8)
	return last
}

// signedFirstName adds the first name that is also a word signing at j,
// alone up to the clause's end ("signé olive") or before its surname, and
// returns its last token, or -1.
func (sc *scanner) signedFirstName(j int) int {
	last := sc.ambNameAt(j, ambHere)
	if last < 0 || last == sc.hyphenEnd(j) && !sc.clauseEndsAt(last+1, ambNameStops) {
		return -1 // "signé claire et net"
	}
	sc.addToks(j, last, NOM, 0.75)
	return last
}

// lowerCuedName adds the name in lower case at j, after a cue of a
// person or before "ici" (here), and returns its last token, or -1. It
// must end its clause and hold no common word, participle or adjective;
// one word only when a first name, and when none of its words is a first
// name, each must be unknown to the lexicon and end as no common noun
// does ("vu avec goulven morvan"; "transmis par courrier recommandé",
// "validé par commission médicale" stay). A first name that is also a
// word opens it before its surname ("relu par pierre durand", "pierre
// durand ici"). After a bare "pour" or "avec" (needFirst) it must hold a
// first name and a surname.
func (sc *scanner) lowerCuedName(j int, here, needFirst bool) int {
	first, last, words, firstName := sc.nameSpan(j, strong)
	if words == 0 || sc.commonWordIn(first, last) {
		return -1
	}
	if !firstName && sc.isFirstName(first) {
		if l := sc.ambNameAt(first, ambGreeting); l > first && l >= last {
			last, words, firstName = l, max(words, 2), true // "relu par pierre durand", "vu avec olive petit"
		} else if here && words >= 2 {
			firstName = true // "pierre durand ici"
		}
	}
	if m := sc.particleTail(last, firstName); m > last {
		last, words = m, words+1
	}
	if words < 2 && !firstName || !sc.clauseEndsAt(last+1, lowerSurnameStops|stopFuncWord) {
		return -1
	}
	if !firstName && (needFirst || !sc.unknownWords(first, last)) || needFirst && words < 2 {
		return -1
	}
	sc.addToks(first, last, NOM, 0.75)
	return last
}

// particleTail returns the last word of a lower-case surname after
// particles that follows the first name ending at last and ends its
// clause at a function word too ("jean-marc le goff ce matin"), or -1.
func (sc *scanner) particleTail(last int, firstName bool) int {
	if !firstName || last+1 >= len(sc.toks) || sc.toks[last+1].gap != gapSpace || !sc.has(last+1, wParticle) {
		return -1
	}
	m := sc.pastLowerParticles(last + 1)
	if m < 0 || !sc.lowerNamePart(m, true) {
		return -1
	}
	if e := sc.hyphenEnd(m); sc.clauseEndsAt(e+1, lowerSurnameStops|stopFuncWord) {
		return e
	}
	return -1
}

// commonWordIn reports whether a word of the name from first to last,
// particles and initials aside, is a common word: one that rules a name
// out, a frequent word that is no frequent surname, or a participle's or
// an adjective's ending; first names aside.
func (sc *scanner) commonWordIn(first, last int) bool {
	for k := first; k <= last; k++ {
		t := &sc.toks[k]
		if t.kind != kWord || t.end-t.start == 1 || sc.has(k, wParticle) || sc.isFirstName(k) {
			continue
		}
		b := sc.bits(k)
		if b&notName != 0 || b&wStop != 0 && b&wWordSurname == 0 || t.shape&shLower != 0 && adjectiveEnding(sc.text(k)) {
			return true
		}
	}
	return false
}

// unknownWords reports whether every word of the name from first to last,
// particles aside, is unknown to the lexicon and ends as no common noun
// or adjective does (commonEndings, nounEndings), and no organisation's
// word (wOrgWord: "Crédit Agricole", "Médecins du Monde").
func (sc *scanner) unknownWords(first, last int) bool {
	for k := first; k <= last; k++ {
		t := &sc.toks[k]
		if t.kind != kWord || sc.has(k, wParticle) {
			continue
		}
		if t.ent != 0 && t.bits&wWordSurname == 0 {
			return false
		}
		if w := sc.folded(k); hasSuffixOf(w, commonEndings) || hasSuffixOf(w, nounEndings) || sc.has(k, wOrgWord) {
			return false
		}
	}
	return true
}

// hereName adds the name in lower case that opens a sentence, a line or
// a greeting before the word "ici" at i and ends there ("pierre durand
// ici, je voulais…", "bonjour, rolande guégan ici."), and returns i, or
// -1. A name with capitals is read by the other rules.
func (sc *scanner) hereName(i int) int {
	if !sc.clauseEndsAt(i+1, stopMarksOnly) {
		return -1 // "le bureau ici est fermé"
	}
	j := i
	for n := 0; n < 6 && j > 0 && sc.toks[j].gap < gapLine; n++ {
		p := j - 1
		if sc.toks[p].kind != kWord && !(sc.punct(p) == '-' && sc.attached(p) && sc.attached(p+1)) {
			break
		}
		j = p
	}
	for j < i && sc.toks[j].kind != kWord {
		j++
	}
	if j >= i || !sc.opensName(j) {
		return -1
	}
	if last := sc.lowerCuedName(j, true, false); last == i-1 {
		return i
	}
	return -1
}

// opensName reports whether a name may start at token j before "ici": at
// a line's or a sentence's start, after a comma or a greeting, or after a
// self-introduction ("c'est pierre durand ici").
func (sc *scanner) opensName(j int) bool {
	if sc.startsSentence(j) || sc.punct(j-1) == ',' {
		return true
	}
	p := j - 1
	return sc.toks[p].kind == kWord && (greetingWords[sc.toks[p].ent] || sc.toks[p].cue&(cSelf|cSelfWeak) != 0)
}

// initialsName adds a name made of initials and a surname without a cue
// ("Bonjour, J.-P. Lefort, gérant", "vu avec A. Morvan") and returns its
// last token, or -1. "M." is a civility's, read with it. Initials of two letters ("J.-P.", "M.T.", "J-P") are
// enough, unless they abbreviate something else ("N.B.", "P.-S."); one
// ("J.") must follow a mark, a function word or a line's
// start, so that "permis B. Martin" or "bâtiment C. Le gardien" stay.
func (sc *scanner) initialsName(i int) int {
	e := sc.initials(i)
	if e < i || sc.has(i-1, wCivility) || e == i+1 && sc.has(i, wCivility) || sc.punct(i-1) == '.' && i >= 2 && sc.toks[i-2].end-sc.toks[i-2].start == 1 {
		return -1
	}
	if e == i+1 && !sc.startsSentence(i) && sc.punct(i-1) != ',' && sc.punct(i-1) != ':' && !sc.has(i-1, wFunc) {
		return -1
	}
	if abbreviations[sc.initialLetters(i, e)] {
		return -1
	}
	first, last, words, _ := sc.nameSpan(i, medium)
	if words < 2 || last <= e || sc.commonWordIn(e+1, last) || sc.placeBefore(first) {
		return -1
	}
	sc.addToks(first, last, NOM, 0.8)
	return last
}

// abbreviations are initials written like a name's that abbreviate
// something else: "N.B.", "P.-S.", "C.V.", "J.O.".
var abbreviations = wordSet("nb ps pj cv sa jo us rd ue uk pv cf ok tv rh qg ad")

// initialLetters returns the letters of the initials from token i to e,
// folded and joined: "ps" for "P.-S.".
func (sc *scanner) initialLetters(i, e int) string {
	var b [8]byte
	n := 0
	for k := i; k <= e && n < len(b); k++ {
		if t := &sc.toks[k]; t.kind == kWord && t.end-t.start == 1 {
			b[n] = sc.s[t.start] | 0x20
			n++
		}
	}
	return string(b[:n])
}
