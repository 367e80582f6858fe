package redact

// Lower-case names after a civility that the usual rules leave because
// their first word is also a common word: "je suis la tutrice de monsieur
// petit jean-claude", "j'écris pour mme riviere.", "m. moulin
// jean-pierre". Capitalised ("Monsieur Petit Jean-Claude"), a civility
// makes any word a name; in lower case a common word ("petit") needs more.

// The frequent French surnames that the lexicon also lists as common
// words are its [word-surname] (wWordSurname: "petit", "fontaine"):
// after a civility, in lower case, they are a name when a first name
// follows or the clause ends. Those too frequent as a word in lower case
// ("grand merci", "grand-père") are its [word-surname-caps]
// (wCapsSurname): a surname only written with a capital, in a text that
// is not all in capitals ("GRAND Pierre", "NOM: GRAND"). The surnames
// that are no word of the lexicon ("blanc", "leroy") are read by the
// usual rules.

// wordSurname reports whether word k is a known surname that is also a
// common word: one of [word-surname], or of [word-surname-caps] written
// with a capital, in a text in capitals too after a form's label (field).
func (sc *scanner) wordSurname(k int, field bool) bool {
	t := &sc.toks[k]
	return t.bits&wWordSurname != 0 || t.bits&wCapsSurname != 0 && (field || !sc.caseless) && t.shape&shCap != 0
}

// civilityWordName reads the name at word j after a civility when the
// usual rules found none there, and returns its last token, or -1. Word j
// is in lower case, or in a text in capitals ("JE SUIS MME PETIT
// OLIVE"), and a common word; it is a surname when it is a
// known one ([word-surname]: « mme vigne pour un passeport », « m. grange
// ce matin ») followed by a first name or ending its clause, or when a
// compound first name follows it ("madame vigne marie-france"). Any
// common noun there would take a title (« monsieur conseiller, », «
// Madame directrice »). A determiner before the civility ("un monsieur petit
// et gros") makes it the common noun.
func (sc *scanner) civilityWordName(civ, j int) int {
	if j >= len(sc.toks) || sc.toks[j].kind != kWord || sc.toks[j].gap != gapSpace || sc.determinerBefore(civ) {
		return -1
	}
	t := &sc.toks[j]
	if !sc.caseless && (t.shape&shLower == 0 || t.shape&shCap != 0) || t.end-t.start < 3 || sc.bits(j)&(notName&^(wRelative|wInstitution)) != 0 {
		return -1
	}
	last := j
	if f := j + 1; f < len(sc.toks) && sc.toks[f].gap == gapSpace && sc.isFirstName(f) && sc.bits(f)&(wFunc|wStop) == 0 {
		if end := sc.hyphenEnd(f); t.bits&wWordSurname != 0 || end > f {
			last = end // "petit jean-claude", "vigne marie-france"
		}
	}
	if last == j && (t.bits&wWordSurname == 0 || !sc.clauseEndsAt(j+1, surnameStops)) {
		return -1
	}
	sc.addToks(j, last, NOM, 0.85)
	return last
}

// wordSurnameAfterFirst reports whether word k, after a first name read
// with a strong cue, is a known surname that is also a common word and
// ends the clause: "monsieur jean-claude petit", "Mme Anne fontaine.",
// "JE M'APPELLE OLIVE PETIT" in a text in capitals.
func (sc *scanner) wordSurnameAfterFirst(k int) bool {
	t := &sc.toks[k]
	return t.kind == kWord && (t.shape&shCap == 0 || sc.caseless) && t.bits&wWordSurname != 0 && sc.clauseEndsAt(k+1, surnameStops)
}

// civilityNextLine reads the name at word j, the first of the line after
// a civility that ends its own line without a mark ("Mme⏎Leroy",
// "Bonjour Madame⏎Claire Martin, …"), and returns its last token, or -1.
// Read as a free-standing name is, with capitals, no common word and
// ending its clause: a letter's "Madame,⏎Suite à votre courrier" or
// "Madame⏎Je vous écris" stays; one word must be a first name or unknown
// to the lexicon.
func (sc *scanner) civilityNextLine(j int) int {
	if j >= len(sc.toks) || sc.toks[j].gap != gapLine || sc.toks[j].kind != kWord || sc.caseless || sc.toks[j].shape&shCap == 0 {
		return -1
	}
	first, last, words, firstName := sc.nameSpan(j, medium)
	if words == 0 || sc.commonWordIn(first, last) || !sc.clauseEndsAt(last+1, stopMarksOnly|stopNumber) {
		return -1
	}
	if !firstName && !sc.unknownWords(first, last) {
		return -1
	}
	sc.addToks(first, last, NOM, 0.85)
	return last
}

// wordSurnameName adds the known surname that is also a common word
// ([word-surname]) at word j after a cue that announces a name (a closing's
// signature, "au nom de", a maiden name), with the first name right after
// it on its line ("GRAND Pierre", "Petit Camille"), or alone when it ends
// its clause ("Cordialement\nPETIT"), and returns its last token, or -1:
// "PETIT souci avec la CAF" stays.
func (sc *scanner) wordSurnameName(j int) int {
	if j < 0 || j >= len(sc.toks) || sc.toks[j].kind != kWord || !sc.wordSurname(j, false) {
		return -1
	}
	last := -1
	if f := j + 1; sc.sameLine(f) && sc.toks[f].gap == gapSpace && sc.isFirstName(f) && sc.bits(f)&(wFunc|wStop) == 0 {
		if end := sc.hyphenEnd(f); sc.clauseEndsAt(end+1, surnameStops) {
			last = end
		}
	} else if sc.clauseEndsAt(j+1, surnameStops) {
		last = j
	}
	if last >= 0 {
		sc.addToks(j, last, NOM, 0.8)
	}
	return last
}
