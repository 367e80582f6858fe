package redact

import "strings"

// What follows a name: the verb or participle a name is the subject of is
// no part of it ("Mme Ghislaine Kerbrat rappelée au…", "Mr. Müller wohnt
// hier"), although a strong cue reads lower-case words as names.

// actionAfterName reports whether the lower-case word k, right after the
// name word last, is what the person does or is rather than a word of the
// name: a participle's or an adjective's ending ("rappelée", "venue"), or,
// in a text that uses case, a word the lexicon knows, in lower case after
// a capitalised one, that does not end the clause as a surname typed in
// lower case would ("Mme Sophie martin," is read whole; "M. Jean dupont
// demande" masks "Jean dupont").
func (sc *scanner) actionAfterName(k, last int) bool {
	t := &sc.toks[k]
	if t.kind != kWord || sc.isFirstName(k) {
		return false
	}
	if sc.subjectVerb(k) {
		return true // "M. Garcia refuse de me répondre" (nameverb.go)
	}
	if sc.pluralVerb(k) && !sc.clauseEndsAt(k+1, lowerSurnameStops) {
		return true // "Mr et Mme Martin souhaitent une aide"
	}
	if t.shape&shLower == 0 {
		return false
	}
	if adjectiveEnding(sc.text(k)) {
		return true
	}
	if last > 0 && sc.toks[last].kind != kWord {
		last-- // the dot of an initial: "J. dupont"
	}
	if sc.caseless || sc.toks[last].shape&shLower != 0 {
		return false
	}
	if sc.verbWithObject(k, last) {
		return true
	}
	// Only a word the lexicon knows (a frequent verb, a common word) is
	// read as the action: an unknown one is a surname typed in lower case
	// ("M. Jean dupont demande…"), and a surname left out of the name
	// would reach the prompt, where a word taken into it is only masked.
	if sc.bits(k)&(wFunc|wStop) == 0 {
		return false
	}
	return !sc.clauseEndsAt(sc.hyphenEnd(k)+1, lowerSurnameStops)
}

// objectWords open the object of a verb: articles, possessives, "que",
// "tout".
var objectWords = wordSet("la le les l un une des ma mes mon ta tes ton sa ses son notre nos votre vos leur leurs que qu tout toute tous toutes")

// verbWithObject reports whether the lower-case word k, after the
// capitalised surname last (no first name: "M. Jean dupont la semaine
// dernière" may be a surname typed in lower case), is a verb
// with its object after it: "M. Martin conteste la décision", "Mme
// Bernard ignore mes courriers". A surname typed in lower case after
// another is not followed by an article or a possessive.
func (sc *scanner) verbWithObject(k, last int) bool {
	if sc.toks[last].kind != kWord || sc.toks[last].shape&shCap == 0 || sc.isFirstName(last) || sc.has(k, wParticle) {
		return false
	}
	n := k + 1
	return n < len(sc.toks) && sc.toks[n].gap == gapSpace && sc.toks[n].kind == kWord && sc.toks[n].shape&shLower != 0 &&
		objectWords[sc.foldedWord(n)]
}

// pluralVerb reports whether word k, in lower case or in a text without
// case, is the plural of a verb whose singular is a frequent word of the
// lexicon ("souhaitent", "écrivent" of "souhaite", "écrive"): the verb
// of a couple or a family a name is the subject of, which surnames
// seldom are.
func (sc *scanner) pluralVerb(k int) bool {
	t := &sc.toks[k]
	if t.shape&shCap != 0 && !sc.caseless || t.end-t.start < 6 {
		return false
	}
	w := sc.folded(k)
	stem, ok := strings.CutSuffix(w, "nt")
	if !ok || !strings.HasSuffix(stem, "e") {
		return false
	}
	e := lex.words[stem]
	return e != 0 && lex.bits[e]&wFunc != 0
}
