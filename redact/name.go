package redact

// Cue strengths for names.
const (
	weak   = iota // "je suis", "ici", "c'est": only a first name or two capitalized words
	medium        // relatives, closings, free-standing first names
	strong        // civilities, "je m'appelle", "Nom :"
)

var (
	entProfesseur = lex.words["professeur"]
	entDocteur    = lex.words["docteur"]
	entMaitre     = lex.words["maitre"]
	// the feminine titles, read as the masculine ones (session 22)
	entProfesseure = lex.words["professeure"]
	entDocteure    = lex.words["docteure"]
	entSaint       = lex.words["saint"]
	entSainte      = lex.words["sainte"]
)

// maxCompound bounds the parts of a hyphenated name or city, which keeps
// the detectors linear on hostile input.
const maxCompound = 6

// notName are the word properties that rule a word out of a name.
const notName = wFunc | wCivility | wInstitution | wMonth | wCurrency | wLegal | wPossessive |
	wStreet | wAddrComp | wRelative | wNameCont | wFiller

// names finds people's names: after civilities, self-introductions, form
// labels, relatives and closings, first names with a surname, and lines that
// hold only a name (signatures, letter headings).
func (sc *scanner) names() {
	n := len(sc.toks)
	for i := 0; i < n; i++ {
		t := &sc.toks[i]
		if t.kind != kWord {
			continue
		}
		if t.bits&(wCivility|wRelative) != 0 || t.cue&(cSelf|cFormName|cSelfMed|cSelfWeak|cClosing) != 0 || sc.englishSon(i) {
			if last := sc.nameCue(i); last >= 0 {
				i = last
				continue
			}
		}
		if t.bits&wFirst == 0 && t.shape&shUpper == 0 && !greetingWords[t.ent] {
			continue // neither a greeting nor what freeName reads
		}
		if t.shape&shLower != 0 && i+1 < n && sc.toks[i+1].cue&cSelf != 0 && sc.toks[i+1].gap == gapSpace {
			continue // the pronoun of a self-introduction, "salam, ana smiti youssef": "ana" is "I"
		}
		if sc.pronounName(i) || sc.marriedAfterSelf(i) || sc.spellingName(i) {
			continue // "ana mama au foyer" (pronounname.go)
		}
		if last := sc.greetedName(i); last >= 0 {
			i = last
			continue
		}
		if last := sc.freeName(i); last >= 0 {
			i = last
		}
	}
	sc.cuedNames()
	sc.loneSurnames()
	sc.subjectSurnames()
	sc.familyNames()
	sc.initialNames()
	sc.nameLines()
}

// nameCue reads the name announced by the cue at token i, if any, and returns
// the last token of what it added, or -1. Only a word with the bits
// wCivility or wRelative or one of the cues its cases test announces one.
func (sc *scanner) nameCue(i int) int {
	t := &sc.toks[i]
	b := sc.bits(i)
	switch {
	case b&wCivility != 0 && sc.civilityOK(i):
		j := i + 1
		if sc.punct(j) == '.' && sc.attached(j) {
			if sc.civilityEndsSentence(i) {
				return -1
			}
			j++
		}
		if sc.sameLine(j) && sc.has(j, wNameCont) && sc.sameLine(j+1) && sc.toks[j+1].kind == kWord {
			j++ // "Mme veuve Lemaire", "Mme née Kaci"
		}
		if sc.sameLine(j) && sc.civilityNoName(j) {
			return -1
		}
		if sc.sameLine(j) {
			if last := sc.emitName(j, strong, 0.9); last >= 0 {
				return last
			}
			return sc.civilityWordName(i, j)
		}
		return sc.civilityNextLine(j)
	case t.cue&cSelf != 0:
		if sc.punct(i+1) == '.' {
			return -1 // "au nom de jeune fille. Ancienne CNI …": the cue ends its sentence
		}
		if j := sc.skipPunct(i+1, false); sc.sameLine(j) && !sc.selfNoName(i, j) {
			return sc.selfName(j)
		}
	case t.cue&cFormName != 0:
		j := i + 1
		switch sc.punct(j) {
		case ':', '=':
			if sc.sameLine(j+1) && sc.formValueOK(j+1) {
				return sc.formName(j + 1)
			}
		}
	case t.cue&cSelfMed != 0:
		// "il s'appelle Lucas", "la famille Ouédraogo"; not "Numéro de
		// famille : FAM-004512"
		if j := i + 1; sc.sameLine(j) && sc.toks[j].kind == kWord {
			return sc.namedName(i, j)
		}
	case t.cue&cSelfWeak != 0:
		if j := sc.skipPunct(i+1, false); sc.sameLine(j) && !sc.marriedAfterSelf(j) {
			return sc.weakSelfName(i, j)
		}
	case b&wRelative != 0 && sc.possessiveBefore(i):
		return sc.relativeNames(i)
	case sc.englishSon(i):
		return sc.relativeNames(i)
	case b&wRelative != 0 && sc.punct(i+1) == ':' && sc.startsSentence(i):
		// a relative's field in a note or a form: "Mari : Singh Gurpreet"
		if j := i + 2; sc.sameLine(j) && sc.formValueOK(j) {
			return sc.emitName(j, strong, 0.85)
		}
	case t.cue&cClosing != 0:
		return sc.closingName(sc.skipPunct(i+1, true))
	}
	return -1
}

// selfName reads the name at j after a strong self-introduction ("je
// m'appelle", "my name is") and returns its last token, or -1: a first
// name that is also a word or a country too, before its surname ("my
// name is France Bernard").
func (sc *scanner) selfName(j int) int {
	if last := sc.nameOrAmbName(j, strong, 0.9, ambSelf, 0.85); last >= 0 {
		return last
	}
	return sc.wordSurnameName(j)
}

// nameOrAmbName adds the name at j read with strength s, or else the
// ambiguous first name there read after a cue of kind how, and returns
// its last token, or -1.
func (sc *scanner) nameOrAmbName(j, s int, conf float64, how ambCue, ambConf float64) int {
	if last := sc.emitName(j, s, conf); last >= 0 {
		return last
	}
	last := sc.ambNameAt(j, how)
	if last >= 0 {
		sc.addToks(j, last, NOM, ambConf)
	}
	return last
}

// formName reads the name at j after a form label ("Nom :") and returns
// its last token, or -1: a frequent surname that is also a word too,
// alone up to the clause's end or the next label ("nom: petit prénom:
// rose").
func (sc *scanner) formName(j int) int {
	if last := sc.emitName(j, strong, 0.85); last >= 0 {
		return last
	}
	t := &sc.toks[j]
	if t.kind != kWord || !sc.wordSurname(j, true) {
		return -1
	}
	if !sc.clauseEndsAt(j+1, ambNameStops) && !(j+1 < len(sc.toks) && sc.toks[j+1].cue&cFormName != 0) {
		return -1 // "nom: petit-déjeuner"
	}
	sc.addToks(j, j, NOM, 0.8)
	return j
}

// englishSon reports whether word i is the English "son" after "my" ("my
// son Tom is 5"): in French, "son" is a possessive.
func (sc *scanner) englishSon(i int) bool {
	if sc.toks[i].end-sc.toks[i].start != 3 {
		return false
	}
	p := sc.wordBefore(i)
	return p >= 0 && sc.folded(i) == "son" && sc.folded(p) == "my"
}

// namedName reads the name at j after the cue at i that names someone
// ("il s'appelle", "prénommé", "la famille") and returns its last token,
// or -1. A first name that is also a word is a name there, alone after a
// verb of naming ("il s'appelle pierre"), with its surname after "famille".
func (sc *scanner) namedName(i, j int) int {
	if last := sc.emitName(j, medium, 0.85); last >= 0 {
		return last
	}
	how := ambHere
	if sc.isText(i, "famille") {
		how = ambGreeting
	}
	last := sc.ambNameAt(j, how)
	if last >= 0 {
		sc.addToks(j, last, NOM, 0.8)
		return last
	}
	if last = sc.wordSurnameName(j); last < 0 && how == ambGreeting {
		last = sc.familyWordName(j)
	}
	return last
}

// familyWordName reads, after « la famille », a capitalised word that the
// lexicon knows as a common word (« la famille Vigne », « famille
// Boulanger-Roux »): written with its capital inside a sentence after that
// cue, it is the family's name. A country, an institution or an
// organisation's word or a function word stays (« la famille France
// Services », « ma famille Et moi »). It returns the name's last token,
// or -1.
func (sc *scanner) familyWordName(j int) int {
	if j >= len(sc.toks) || sc.toks[j].kind != kWord || sc.toks[j].gap >= gapLine || sc.caseless ||
		sc.toks[j].shape&shCap == 0 || sc.has(j, wCountry|wInstitution|wOrgWord|wFunc) {
		return -1
	}
	last := sc.hyphenEnd(j)
	if !sc.clauseEndsAt(last+1, lowerSurnameStops) && sc.toks[last+1].shape&shLower == 0 {
		return -1
	}
	sc.addToks(j, last, NOM, 0.75)
	return last
}

// closingName reads the name at j after a closing ("cordialement,
// pierre durand", "bien à vous, olive petit", the name on the next line)
// and returns its last token, or -1: a first name that is also a word
// only before its surname.
func (sc *scanner) closingName(j int) int {
	if last := sc.nameOrAmbName(j, medium, 0.8, ambClosing, 0.75); last >= 0 {
		return last
	}
	return sc.wordSurnameName(j)
}

// weakSelfName reads the name at j after the weak self-introduction at i
// ("je suis", "c'est", "ici", the SMS "c") and returns its last token, or
// -1.
func (sc *scanner) weakSelfName(i, j int) int {
	if last := sc.emitName(j, weak, 0.75); last >= 0 {
		return last
	}
	how := ambSelf
	if sc.toks[i].ent == entIci {
		how = ambHere
	}
	if last := sc.ambNameAt(j, how); last >= 0 {
		sc.addToks(j, last, NOM, 0.75)
		return last
	}
	if !sc.smsFirstName(i, j) && !sc.capsSelfSurname(i, j) && !sc.capsSaidSurname(i, j) {
		return -1
	}
	sc.addToks(j, j, NOM, 0.7)
	return j
}

// formValueOK says whether the word after a form label ("Nom :",
// "Identité :") may be a name: in a text that uses capitals, a lower-case
// word that is no first name is the sentence going on ("votre identité :
// apportez un passeport"), not a name.
func (sc *scanner) formValueOK(j int) bool {
	t := sc.toks[j]
	if t.kind != kWord || sc.caseless || t.shape&shCap != 0 {
		return true
	}
	return sc.bits(j)&wFirst != 0
}

// sameLine reports whether token j exists and is on the line of the token
// before it.
func (sc *scanner) sameLine(j int) bool {
	return j < len(sc.toks) && sc.toks[j].gap < gapLine
}

// skipPunct skips the commas, colons, dashes and exclamation marks after a
// cue, and line breaks when lines is set.
func (sc *scanner) skipPunct(j int, lines bool) int {
	for k := 0; k < 3 && j < len(sc.toks); k++ {
		if sc.toks[j].gap >= gapPara || (!lines && sc.toks[j].gap >= gapLine) {
			return j
		}
		switch sc.punct(j) {
		case ',', ':', '-', '!', '.', '–':
			j++
			continue
		}
		break
	}
	return j
}

// civilityOK rules out the short civilities that are often something else
// ("m" for metres, "me" the pronoun).
func (sc *scanner) civilityOK(i int) bool {
	raw := sc.text(i)
	if sc.toks[i].shape&shASCII == 0 && len(lex.entries[sc.toks[i].ent].word) <= len("mlles") {
		return false // abbreviations are written in ASCII: "Mẹ" (Vietnamese: mother) is not "Me"
	}
	dot := sc.punct(i+1) == '.' && sc.attached(i+1)
	next := i + 1
	if dot {
		next++
	}
	nextCap := next < len(sc.toks) && sc.toks[next].kind == kWord && sc.toks[next].shape&shCap != 0
	switch raw {
	case "M", "MM":
		return dot || (!sc.caseless && nextCap)
	case "m":
		return dot
	case "Me", "ME":
		return nextCap && (raw == "Me" || sc.caseless)
	case "me":
		return false
	case "Dr", "Pr", "Mr", "DR", "PR", "MR":
		return dot || nextCap
	case "pr":
		return dot // in SMS, "pr" is "pour": "ma cb pr renouveler"
	case "dr", "mr", "mm":
		return dot || sc.caseless
	}
	// "le professeur principal", "maître d'ouvrage": titles other than
	// Madame and Monsieur name someone only when written with a capital
	// and followed by one.
	if e := sc.toks[i].ent; e == entProfesseur || e == entDocteur || e == entMaitre || e == entProfesseure || e == entDocteure {
		if sc.toks[i].shape&shCap == 0 && !sc.caseless {
			// "c'est maître Dupuis": in lower case, a capitalized word
			// that is no common word must follow
			return nextCap && sc.bits(next)&(notName|wStop) == 0
		}
		return nextCap || (next < len(sc.toks) && sc.has(next, wParticle) && sc.afterParticles(next, strong, 0) >= 0)
	}
	return true
}

// possessiveBefore reports whether the relative at i follows a possessive
// ("mon fils", "ma petite-fille", "mon ex-mari").
func (sc *scanner) possessiveBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		t := sc.toks[k]
		if sc.toks[k+1].gap >= gapLine {
			return false // a line break between the possessive and the relative
		}
		switch {
		case t.kind == kPunct && sc.punct(k) == '-':
			continue
		case t.kind == kWord && sc.has(k, wPossessive):
			return true
		case t.kind == kWord && sc.has(k, wNamePrefix):
			continue
		}
		return false
	}
	return false
}

// relativeNames reads the names after a relative: "mon fils Lucas", "mes
// enfants, Léo et Jade".
func (sc *scanner) relativeNames(i int) int {
	j := i + 1
	for k := 0; k < 4 && j < len(sc.toks) && sc.toks[j].gap < gapLine; k++ {
		switch {
		case sc.toks[j].kind == kWord && (sc.has(j, wRelative) || sc.has(j, wNamePrefix)):
			j++
			continue
		case sc.punct(j) == ',' || sc.punct(j) == ':' || sc.punct(j) == '-' || sc.punct(j) == '(':
			j++
			continue
		}
		break
	}
	last := -1
	for count := 0; count < 5; count++ {
		e := sc.emitName(j, medium, 0.85)
		if e < 0 {
			if e = sc.ambNameAt(j, ambRelative); e < 0 {
				break
			}
			sc.addToks(j, e, NOM, 0.85)
		}
		last = e
		j = e + 1
		if j < len(sc.toks) && (sc.punct(j) == ',' || sc.punct(j) == ')') {
			j++
		}
		if j < len(sc.toks) && sc.toks[j].ent == entEt {
			j++
		}
		if j >= len(sc.toks) || sc.toks[j].gap >= gapLine || !sc.isFirstName(j) {
			break
		}
	}
	return last
}

// emitName adds the name that starts at token j, with strength s, and
// returns its last token, or -1 when there is no name there.
func (sc *scanner) emitName(j int, s int, conf float64) int {
	first, last, words, firstName := sc.nameSpan(j, s)
	if words == 0 {
		return -1
	}
	if s == weak && !firstName && words < 2 {
		return -1
	}
	sc.addToks(first, last, NOM, conf)
	return last
}

// smsFirstName reports whether word j, after the SMS cue "c" at i, is the
// writer's first name although it is also a common word: "c lou, rappelez
// moi", "c sam 06…". The name must end the clause; adjectives that "c"
// (c'est) often announces stay ("c juste", "c long").
func (sc *scanner) smsFirstName(i, j int) bool {
	if sc.text(i) != "c" && sc.text(i) != "C" || !sc.isFirstName(j) || sc.bits(j)&(wStop|wFunc) != 0 ||
		sc.toks[j].ent == 0 || notSMSName[lex.entries[sc.toks[j].ent].word] {
		return false
	}
	n := j + 1
	if n >= len(sc.toks) || sc.toks[n].gap >= gapLine || sc.toks[n].kind == kNum {
		return true
	}
	switch sc.punct(n) {
	case ',', '.', '!', ';', ':':
		return true
	}
	return false
}

// notSMSName are first names that "c" (c'est) announces more often as
// the word they also are: "c juste", "c claire" (clair).
var notSMSName = wordSet("claire juste rose marine olive blanche brune modeste divine celeste aime honore exauce france mai avril " +
	"can do ho line pape merveille patience prudence constance victoire perle fleur reine ange long grace noel clement marin constant")

// startsSentence reports whether token i starts a line or a sentence.
func (sc *scanner) startsSentence(i int) bool {
	if i == 0 || sc.toks[i].gap >= gapLine {
		return true
	}
	p := sc.punct(i - 1)
	return p == '.' || p == ';' || p == '!' || p == '?'
}
