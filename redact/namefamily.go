package redact

// Surnames that a short cue announces without a first name: a family
// after "les" ("les Dupont") and a surname in capitals after a weak
// self-introduction after a greeting ("Bonjour, c'est DUBOIS").

// familyNames adds the surnames of families after "les": a capitalised
// word that the lexicon does not know, no first name, place or
// organisation, and without the plural's "s" or "x" that a family's name
// never takes in French ("les Dupont", "chez les Martin"; "les Alpes",
// "les Restos du Cœur", "les Ulis" stay).
func (sc *scanner) familyNames() {
	for i := 0; i+1 < len(sc.toks); i++ {
		if sc.toks[i].kind != kWord || !sc.isText(i, "les") {
			continue
		}
		if k := i + 1; sc.familySurname(k) {
			sc.addToks(k, sc.hyphenEnd(k), NOM, 0.7)
			i = k
		}
	}
}

// familySurname reports whether word k, after "les", is a family's
// surname (see familyNames).
func (sc *scanner) familySurname(k int) bool {
	t := &sc.toks[k]
	if t.kind != kWord || t.gap != gapSpace || sc.caseless || t.shape&shCap == 0 || t.shape&shUpper != 0 ||
		t.ent != 0 || t.end-t.start < 3 || sc.isFirstName(k) {
		return false
	}
	switch sc.text(k)[t.end-t.start-1] {
	case 's', 'x':
		return false
	}
	n := sc.hyphenEnd(k) + 1
	return !(sc.sameLine(n) && sc.toks[n].kind == kWord && sc.toks[n].shape&shCap != 0 && sc.toks[n].gap == gapSpace)
}

// capsSelfSurname reports whether word j, after the weak
// self-introduction at i, is a surname in capitals alone: the cue follows
// a greeting that opens its sentence, the word has five letters or more,
// is unknown to the lexicon, ends as no common word does, holds two
// vowels and ends its clause but for a question or an exclamation
// ("Bonjour, c'est DUBOIS"; "Bonjour, c'est GRATUIT ?" stays). Without the
// greeting an adjective in capitals that the lexicon does not hold reads
// the same ("c'est OBLIGATOIRE", "c'est GRATUIT") and stays.
func (sc *scanner) capsSelfSurname(i, j int) bool {
	t := &sc.toks[j]
	if t.kind != kWord || sc.caseless || t.shape&shUpper == 0 || t.ent != 0 || t.end-t.start < 5 ||
		vowels(sc.text(j)) < 2 || !sc.unknownWords(j, j) || adjectiveEnding(sc.folded(j)) ||
		!sc.clauseEndsAt(j+1, surnameStops) || sc.punct(j+1) == '?' || sc.punct(j+1) == '!' {
		return false
	}
	first := i
	if p := sc.wordBefore(i); p >= 0 && sc.isText(i, "est", "suis") && sc.isText(p, "c", "je") {
		first = p // the cue's first word
	}
	p := first - 1
	if p >= 0 && sc.punct(p) == ',' {
		p--
	}
	return p >= 0 && sc.toks[p].kind == kWord && greetingWords[sc.toks[p].ent] && sc.startsSentence(p)
}

// The surnames in capitals after "je suis" (capsSaidSurname) are the
// word surnames civname.go knows (wordSurname: "petit", "fontaine",
// "grand") and the lexicon's [word-surname-said] (wSaidSurname: "blanc",
// "roux", "renard"), frequent French surnames that are also adjectives or
// nouns; no trade, which "je suis" states as often.

// saidSurnameLinks are the conjunctions that open another clause after
// "je suis" and a surname: "je suis BLANC et je", "je suis ROUX mais"
// (folded).
var saidSurnameLinks = wordSet("et mais car donc puis")

// clauseSubjects are the words that start a clause's subject after a
// conjunction: pronouns and determiners (folded).
var clauseSubjects = wordSet("je j il elle on nous vous ils elles ma mon mes ta ton sa son ses le la les l notre votre nos vos " +
	"leur leurs ce c cela ca cette ces n")

// capsSaidSurname reports whether word j, right after the weak
// self-introduction "je suis" at i, is a surname in capitals that ends
// its clause: "je suis BLANC et je conteste", "je suis ROUX, j'ai",
// "Je suis RENARD." The word is a known word surname, in a text that
// uses case: in capitals an unknown word there is as often an adjective
// stressed ("je suis EPUISEE et je", "je suis TRISTE, je").
func (sc *scanner) capsSaidSurname(i, j int) bool {
	t := &sc.toks[j]
	if t.kind != kWord || sc.caseless || t.shape&shUpper == 0 || t.bits&wSaidSurname == 0 && !sc.wordSurname(j, true) ||
		!sc.isText(i, "suis") || t.gap != gapSpace {
		return false
	}
	if p := sc.wordBefore(i); p < 0 || !sc.isText(p, "je", "j") {
		return false
	}
	return sc.saidSurnameEnds(j + 1)
}

// saidSurnameEnds reports whether the clause of a surname after "je
// suis" ends at token k: the end of the text or of its line, a mark
// that ends a sentence or a clause (not a dash, an apostrophe or an
// '@'), or a conjunction in lower case that opens another clause
// (saidSurnameLinks) with its subject ("et je", "mais ma demande"; not
// "et fort").
func (sc *scanner) saidSurnameEnds(k int) bool {
	if sc.clauseEndsAt(k, stopMarksOnly) {
		return true
	}
	t := &sc.toks[k]
	next := sc.nextWordAny(k) // "je suis GRAND et fort": an adjective goes on
	return t.kind == kWord && t.gap == gapSpace && t.shape&shLower != 0 && sc.foldedIn(k, saidSurnameLinks) &&
		next > k && sc.foldedIn(next, clauseSubjects)
}

// vowels counts the vowels of s, accents aside.
func vowels(s string) int {
	n := 0
	for _, r := range s {
		switch r {
		case 'a', 'e', 'i', 'o', 'u', 'y', 'A', 'E', 'I', 'O', 'U', 'Y':
			n++
		}
	}
	return n
}
