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
	entSaint      = lex.words["saint"]
	entSainte     = lex.words["sainte"]
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
		t := sc.toks[i]
		if t.kind != kWord {
			continue
		}
		if last := sc.nameCue(i); last >= 0 {
			i = last
			continue
		}
		if last := sc.freeName(i); last >= 0 {
			i = last
		}
	}
	sc.nameLines()
}

// nameCue reads the name announced by the cue at token i, if any, and returns
// the last token of what it added, or -1.
func (sc *scanner) nameCue(i int) int {
	t := sc.toks[i]
	b := sc.bits(i)
	switch {
	case b&wCivility != 0 && sc.civilityOK(i):
		j := i + 1
		if sc.punct(j) == '.' && sc.attached(j) {
			j++
		}
		if sc.sameLine(j) {
			return sc.emitName(j, strong, 0.9)
		}
	case t.cue&cSelf != 0:
		if j := sc.skipPunct(i+1, false); sc.sameLine(j) {
			return sc.emitName(j, strong, 0.9)
		}
	case t.cue&cFormName != 0:
		j := i + 1
		switch sc.punct(j) {
		case ':', '=':
			if sc.sameLine(j+1) && sc.formValueOK(j+1) {
				return sc.emitName(j+1, strong, 0.85)
			}
		}
	case t.cue&cSelfMed != 0:
		// "il s'appelle Lucas", "la famille Ouédraogo"; not "Numéro de
		// famille : FAM-004512"
		if j := i + 1; sc.sameLine(j) && sc.toks[j].kind == kWord {
			return sc.emitName(j, medium, 0.85)
		}
	case t.cue&cSelfWeak != 0:
		if j := sc.skipPunct(i+1, false); sc.sameLine(j) {
			return sc.emitName(j, weak, 0.75)
		}
	case b&wRelative != 0 && sc.possessiveBefore(i):
		return sc.relativeNames(i)
	case t.cue&cClosing != 0:
		return sc.emitName(sc.skipPunct(i+1, true), medium, 0.8)
	}
	return -1
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
	case "dr", "pr", "mr", "mm":
		return dot || sc.caseless
	}
	// "le professeur principal", "maître d'ouvrage": titles other than
	// Madame and Monsieur name someone only when written with a capital
	// and followed by one.
	if e := sc.toks[i].ent; e == entProfesseur || e == entDocteur || e == entMaitre {
		if sc.toks[i].shape&shCap == 0 && !sc.caseless {
			return false
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
		if t.gap >= gapLine && k < i-1 {
			return false
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
			break
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

// nameSpan reads a name starting at token j. It returns the first and last
// tokens, the number of words and whether one of them is a first name.
func (sc *scanner) nameSpan(j int, s int) (first, last, words int, firstName bool) {
	n := len(sc.toks)
	first, last = j, -1
	k := j
	for k < n && words < 5 {
		if k >= n || sc.toks[k].kind != kWord || (words > 0 && sc.toks[k].gap >= gapLine) {
			break
		}
		w := k
		if words > 0 && sc.has(k, wNameCont) {
			break // "Jaziri née Mejri": read below
		}
		switch {
		case sc.has(k, wParticle) && !sc.isFirstName(k) && !(words > 0 && sc.accentedShort(k)):
			m := sc.afterParticles(k, s, words)
			if m < 0 || !sc.nameWord(m, strong, words+1) {
				return first, last, words, firstName
			}
			w = m
		case sc.toks[k].end-sc.toks[k].start == 1:
			// N'Diaye, O'Brien; or an initial: "J."
			if sc.punct(k+1) == '\'' && sc.attached(k+1) && k+2 < n && sc.attached(k+2) && sc.toks[k+2].kind == kWord &&
				(sc.toks[k+2].shape&shCap != 0 || sc.caseless) && sc.bits(k+2)&notName == 0 {
				w = k + 2
			} else if e := sc.initials(k); e > k && (words > 0 || (s >= medium && sc.nameAfterInitials(e+1))) {
				w = e
			} else {
				return first, last, words, firstName
			}
		default:
			if !sc.nameWord(k, s, words) {
				return first, last, words, firstName
			}
		}
		if sc.isFirstName(w) && sc.bits(w)&wFirstAmb == 0 {
			firstName = true
		}
		last = w
		words++
		k = w + 1
		// Compound names: Dubois-Marchand, Jean-Pierre.
		for parts := 1; parts < maxCompound && k+1 < n && sc.punct(k) == '-' && sc.attached(k) && sc.attached(k+1) && sc.toks[k+1].kind == kWord &&
			sc.bits(k+1)&(wFunc|wInstitution) == 0; parts++ {
			if sc.isFirstName(k + 1) {
				firstName = true
			}
			last = k + 1
			k += 2
		}
	}
	if last < 0 {
		return first, last, 0, false
	}
	// "Durand née Martin", "Dupont épouse Leroy"
	if k+1 < n && sc.punct(k) == ',' && sc.has(k+1, wNameCont) {
		k++
	}
	if k < n && sc.toks[k].gap < gapLine && sc.has(k, wNameCont) {
		m := k + 1
		if sc.punct(m) == '.' && sc.attached(m) {
			m++
		}
		if _, l2, w2, _ := sc.nameSpan(m, strong); w2 > 0 {
			last = l2
			words += w2
		}
	}
	return first, last, words, firstName
}

// initials returns the last token of initials starting at k ("J.",
// "M.-T."), or -1.
func (sc *scanner) initials(k int) int {
	end := -1
	for parts := 0; parts < 3 && k+1 < len(sc.toks); parts++ {
		t := sc.toks[k]
		if t.kind != kWord || t.end-t.start != 1 || t.shape&shCap == 0 || sc.caseless || sc.punct(k+1) != '.' || !sc.attached(k+1) {
			break
		}
		end = k + 1
		if k+3 < len(sc.toks) && sc.punct(k+2) == '-' && sc.attached(k+2) && sc.attached(k+3) {
			k += 3
			continue
		}
		break
	}
	return end
}

// nameAfterInitials reports whether a surname follows initials at token m:
// "J. Perrin", "H. de La Fontaine".
func (sc *scanner) nameAfterInitials(m int) bool {
	if m >= len(sc.toks) || sc.toks[m].gap != gapSpace || sc.toks[m].kind != kWord {
		return false
	}
	if sc.has(m, wParticle) {
		p := sc.afterParticles(m, strong, 1)
		return p >= 0 && sc.nameWord(p, strong, 1)
	}
	return sc.toks[m].shape&shCap != 0 && sc.bits(m)&(notName|wStop) == 0
}

// afterParticles returns the name word after the particles at k ("de La
// Fontaine", "van der Berg", "d'Artagnan", "Le Goff"), or -1.
func (sc *scanner) afterParticles(k int, s int, pos int) int {
	n := len(sc.toks)
	if pos == 0 && s != strong && sc.toks[k].shape&shCap == 0 {
		return -1
	}
	m := k
	for count := 0; count < 3 && m < n && sc.toks[m].kind == kWord && sc.has(m, wParticle) && !sc.isFirstName(m); count++ {
		e := sc.toks[m].ent
		article := e == entLe || e == entLa || e == lex.words["les"]
		if article && sc.toks[m].shape&shCap == 0 && (count == 0 || sc.caseless) {
			return -1
		}
		if sc.caseless && s != strong {
			return -1
		}
		m++
		if m < n && sc.punct(m) == '\'' && sc.attached(m) {
			m++
		}
		if m >= n || sc.toks[m].gap >= gapLine {
			return -1
		}
	}
	if m >= n || sc.toks[m].kind != kWord || (!sc.caseless && sc.toks[m].shape&shCap == 0) {
		return -1
	}
	return m
}

// nameWord reports whether word k can be word number pos of a name read
// with strength s.
func (sc *scanner) nameWord(k int, s int, pos int) bool {
	t := sc.toks[k]
	if t.kind != kWord || t.end-t.start < 2 {
		return false
	}
	b := sc.bits(k)
	isFirst := sc.isFirstName(k)
	capital := t.shape&shCap != 0
	if (t.ent == entSaint || t.ent == entSainte) && pos > 0 && capital && sc.punct(k+1) == '-' && sc.attached(k+1) &&
		k+2 < len(sc.toks) && sc.attached(k+2) && sc.toks[k+2].shape&shCap != 0 {
		return true // Mathilde de Saint-Exupéry
	}
	if pos > 0 && sc.accentedShort(k) {
		return true // "Vincent Lê": an accent that French never puts on "le"
	}
	if b&notName != 0 && !(isFirst && capital && b&wFunc == 0) {
		return false
	}
	stop := b&wStop != 0
	amb := b&wFirstAmb != 0
	if sc.caseless {
		switch {
		case s == strong:
			return !stop || isFirst
		case pos == 0:
			return isFirst && !amb
		default:
			return !stop || isFirst
		}
	}
	if capital {
		switch s {
		case strong:
			return true
		case medium:
			if pos == 0 {
				return !stop || isFirst
			}
			return !stop || isFirst || t.shape&shUpper == 0
		default:
			if pos == 0 {
				return isFirst || (!stop && sc.nextCapWord(k))
			}
			return !stop || isFirst || t.shape&shUpper == 0
		}
	}
	// a lower-case word in a text that uses case
	if s == strong {
		return !stop || isFirst
	}
	return isFirst && !amb && pos == 0
}

// accentedShort reports whether word k is a short capitalized word with
// accents that folds to a French function word: "Lê", "Đỗ".
func (sc *scanner) accentedShort(k int) bool {
	t := sc.toks[k]
	return sc.bits(k)&wFunc != 0 && t.shape&shCap != 0 && t.shape&shASCII == 0 && t.end-t.start <= 4 &&
		!sc.isText(k, "a", "ou", "la", "deja", "ca")
}

// nextCapWord reports whether the word after k, on the same line, is
// capitalized and could be a name.
func (sc *scanner) nextCapWord(k int) bool {
	m := k + 1
	if m < len(sc.toks) && sc.punct(m) == '-' && sc.attached(m) {
		m++
	}
	return m < len(sc.toks) && sc.toks[m].kind == kWord && sc.toks[m].gap < gapLine &&
		sc.toks[m].shape&shCap != 0 && sc.bits(m)&(notName|wStop) == 0
}

// freeName finds names without a cue: a first name with its surname ("Lucas
// Martin", "Jean DUPONT"), a surname in capitals before a first name
// ("DUPONT Jean"), or a first name alone.
func (sc *scanner) freeName(i int) int {
	t := sc.toks[i]
	isFirst := sc.isFirstName(i)
	b := sc.bits(i)
	if !isFirst {
		// DUPONT Jean
		if sc.caseless || t.shape&shUpper == 0 || b&(notName|wStop) != 0 {
			return -1
		}
		m := i + 1
		if m >= len(sc.toks) || sc.toks[m].gap >= gapLine || !sc.isFirstName(m) || sc.toks[m].shape&shCap == 0 {
			return -1
		}
		if sc.placeBefore(i) {
			return -1
		}
		return sc.emitName(i, strong, 0.8)
	}
	amb := b&wFirstAmb != 0
	if sc.caseless {
		if amb || b&(wStop|notName) != 0 {
			return -1
		}
	} else if t.shape&shCap == 0 {
		return -1
	}
	if sc.placeBefore(i) {
		// "lycée Pierre et Marie Curie": the whole name belongs to the place
		_, last, words, _ := sc.nameSpan(i, medium)
		for words > 0 && last+2 < len(sc.toks) && sc.toks[last+1].ent == entEt && sc.isFirstName(last+2) {
			_, last, words, _ = sc.nameSpan(last+2, medium)
		}
		if words > 0 {
			return last
		}
		return -1
	}
	first, last, words, _ := sc.nameSpan(i, medium)
	switch {
	case words >= 2 && !(amb && sc.bits(last)&wStop != 0):
		sc.addToks(first, last, NOM, 0.8)
		return last
	case words == 1 && !amb && b&(wStop|notName) == 0:
		conf := 0.6
		if sc.caseless {
			conf = 0.5
		}
		sc.addToks(first, last, NOM, conf)
		return last
	}
	return -1
}

// placeBefore reports whether the word at i follows a street, institution
// or place word ("rue Victor Hugo", "lycée Jean Moulin", "Saint-Louis").
func (sc *scanner) placeBefore(i int) bool {
	for k, words := i-1, 0; k >= 0 && words < 2; k-- {
		t := sc.toks[k]
		if t.gap >= gapLine && k < i-1 {
			return false
		}
		if t.kind == kPunct {
			if p := sc.punct(k); p == '-' || p == '\'' {
				continue
			}
			return false
		}
		if t.kind != kWord {
			return false
		}
		if sc.has(k, wStreet|wInstitution|wAddrComp) {
			return true
		}
		if !sc.has(k, wParticle) && t.ent != entEt {
			words++
		}
	}
	return false
}

// nameLines finds lines, or ends of lines after a sentence, that hold
// nothing but a name of two words or more with a first name or an initial:
// signatures and letter headings ("Jean Dupont", "C'est normal ? T. Mercier").
func (sc *scanner) nameLines() {
	n := len(sc.toks)
	for a := 0; a < n; {
		b := a + 1
		for b < n && sc.toks[b].gap < gapLine {
			b++
		}
		// the line is tokens a..b-1
		end := b - 1
		for end > a && (sc.punct(end) == ',' || sc.punct(end) == '.') {
			end--
		}
		start := a
		for k := end - 1; k > a && k >= end-8; k-- {
			p := sc.punct(k)
			if p == '.' && sc.toks[k-1].kind == kWord && sc.toks[k-1].end-sc.toks[k-1].start == 1 && sc.attached(k) {
				continue // the dot of an initial
			}
			if p == '.' || p == '?' || p == '!' || p == ':' {
				start = k + 1
				break
			}
		}
		lastLine := b == n
		for _, s := range []int{a, start} {
			if end-s > 8 && s != a || sc.toks[s].kind != kWord {
				continue
			}
			first, last, words, firstName := sc.nameSpan(s, medium)
			initial := sc.toks[s].end-sc.toks[s].start == 1
			if words < 2 || first != s {
				continue
			}
			// the whole line or sentence end, or the start of a line
			// followed by a comma ("Thierry Bousquet, 12 allée…")
			whole := last == end
			comma := s == a && last+1 < n && sc.punct(last+1) == ',' && firstName
			switch {
			case (whole || comma) && (firstName || initial):
				sc.addToks(first, last, NOM, 0.75)
			case whole && lastLine && s != a && words <= 3:
				// a signature after the last sentence: "… ? Hind Belkacem"
				sc.addToks(first, last, NOM, 0.6)
			default:
				continue
			}
			break
		}
		a = b
	}
}
