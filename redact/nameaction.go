package redact

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
	if t.kind != kWord || t.shape&shLower == 0 || sc.isFirstName(k) {
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
	// Only a word the lexicon knows (a frequent verb, a common word) is
	// read as the action: an unknown one is a surname typed in lower case
	// ("M. Jean dupont demande…"), and a surname left out of the name
	// would reach the prompt, where a word taken into it is only masked.
	if sc.bits(k)&(wFunc|wStop) == 0 {
		return false
	}
	return !sc.clauseEndsAt(sc.hyphenEnd(k)+1, lowerSurnameStops)
}
