package redact

// Session 22b: a surname written alone where the sentence gives it a
// person's role: "c'est Mercier qui s'occupe de mon dossier", "J'ai
// Rousseau au téléphone", "ma collègue Kowalski vous rappellera",
// "Demande de Vasseur sur la prime" (a note's heading), "France Travail
// cité : Vidal", "Le bailleur serait Castagnet". The word must be a
// person's (personWord: no town, country, organisation's or common word).
// A surname alone as a sentence's subject ("Benhamou m'a dit de passer",
// "Roussel à la CAF") was read too and dropped: it added false names on
// the test halves and none found (README, session 22b).

// subjectClitics are the object pronouns between a subject and its verb
// (folded): "m'a dit", "l'a refusée", "vous rappellera".
var subjectClitics = wordSet("m l t me te nous vous lui leur")

// subjectAux are the auxiliaries after a subject or its clitic (folded).
var subjectAux = wordSet("a avait aura aurait va")

// personActs are the participles of what a person does to the writer or
// a file after "a" (folded): "Fabre a validé ma demande".
var personActs = wordSet("valide validee refuse refusee dit promis repondu accepte acceptee signe signee appele rappele " +
	"envoye demande explique confirme indique raccroche transmis recu convoque oriente conseille")

// personFutures are the verbs a person's future act is told with (folded):
// "Rousseau reviendra vers vous", "Kowalski vous rappellera".
var personFutures = wordSet("reviendra rappellera recontactera contactera appellera repondra ecrira")

// personRoleNouns are the roles after which a lone name is a person's
// (folded): "ma collègue Kowalski", "mon interlocuteur est Vasseur".
var personRoleNouns = wordSet("collegue collegues chef cheffe superieur superieure manager interlocuteur interlocutrice")

// landlordNouns are the roles a firm holds as often as a person (folded):
// a name after them is a person's only when told as hearsay, "Le bailleur
// serait Castagnet"; "le bailleur est Vilogia" stays.
var landlordNouns = wordSet("bailleur bailleuse proprietaire proprio gestionnaire")

// subjectSurnames masks the lone names of this file's comment.
func (sc *scanner) subjectSurnames() {
	for k := 0; k < len(sc.toks); k++ {
		t := &sc.toks[k]
		if t.kind != kWord || t.shape&shCap == 0 {
			continue
		}
		e := sc.loneNameSpan(k)
		if e < 0 {
			continue
		}
		if sc.subjectCue(k, e) || sc.roleCue(k, e) {
			sc.addToks(k, e, NOM, 0.75)
			k = e
		}
	}
}

// loneNameSpan returns the last token of the person's name at word k: one
// word, or two joined by a dash ("Dupuis-Morel"), each a person's word; a
// word in capitals only when the lexicon knows it not and it has five
// letters or more ("BOUCHARD", not "CAF"); -1 otherwise.
func (sc *scanner) loneNameSpan(k int) int {
	e := sc.compoundEnd(k)
	if e > k+2 {
		return -1
	}
	for w := k; w <= e; w += 2 {
		if sc.punct(w-1) == '\'' {
			return -1
		}
		if sc.toks[w].shape&shUpper != 0 {
			if sc.toks[w].ent != 0 || len(sc.text(w)) < 5 || sc.isFirstName(w) {
				return -1
			}
			continue
		}
		if !sc.personWord(w) {
			return -1
		}
	}
	return e
}

// subjectCue reports whether the name from k to e is the subject after
// "c'est" with "qui" ("c'est Mercier qui"), or the person one has on the
// phone ("J'ai Rousseau au téléphone").
func (sc *scanner) subjectCue(k, e int) bool {
	b := sc.wordBefore(k)
	if sc.isText(b, "est") && sc.isText(sc.wordBefore(b), "c") {
		return sc.isText(e+1, "qui")
	}
	return sc.isText(b, "ai", "avais", "eu") && sc.isText(e+1, "au") && sc.wordIn(e+2, phoneHeldWords)
}

// headingStart reports whether word k opens a line or a sentence: "Demande
// de Vasseur" as a note's heading.
func (sc *scanner) headingStart(k int) bool {
	if k == 0 || sc.toks[k].gap >= gapLine {
		return true
	}
	p := sc.punct(k - 1)
	return p == '.' || p == '!' || p == '?' || p == ';'
}

// personActAt reports whether a person's act starts at token j after a
// role's name: a clitic and an auxiliary or a future act ("vous
// rappellera", "m'a dit"), an auxiliary and an act ("a validé"), a future
// act ("reviendra").
func (sc *scanner) personActAt(j int) bool {
	if j >= len(sc.toks) || sc.toks[j].gap >= gapLine {
		return false
	}
	if sc.toks[j].kind == kWord && sc.foldedIn(j, subjectClitics) {
		v := j + 1
		if sc.punct(v) == '\'' {
			v++
		}
		return sc.wordIn(v, subjectAux) || sc.wordIn(v, personFutures)
	}
	if sc.isText(j, "a", "avait") && sc.wordIn(j+1, personActs) {
		return true
	}
	return sc.wordIn(j, personFutures)
}

// roleCue reports whether the name from k to e follows a person's role:
// "ma collègue Kowalski vous rappellera", "Le bailleur serait Castagnet",
// "Demande de Vasseur sur la prime" (a note's heading), "cité : Vidal".
func (sc *scanner) roleCue(k, e int) bool {
	b := sc.wordBefore(k)
	ends := sc.clauseEndsAt(e+1, stopMarksOnly|stopFuncWord|stopNumber)
	switch {
	case sc.wordIn(b, personRoleNouns):
		return ends || sc.personActAt(e+1)
	case sc.isText(b, "serait", "est") && sc.wordIn(sc.wordBefore(b), personRoleNouns):
		return ends
	case sc.isText(b, "serait") && sc.wordIn(sc.wordBefore(b), landlordNouns):
		return ends
	case sc.isText(b, "de") && sc.wordIn(b-1, demandWords) && sc.headingStart(b-1):
		return ends || sc.isText(e+1, "sur", "pour", "concernant")
	case sc.punct(k-1) == ':' && sc.isText(k-2, "cite", "citee", "nomme", "nommee"):
		return ends
	}
	return false
}

// demandWords head an adviser's note of whose request it is (folded).
var demandWords = wordSet("demande")

// phoneHeldWords say one has a person on the phone (folded): "au téléphone",
// "au tel", "au bout du fil".
var phoneHeldWords = wordSet("telephone tel bout")

// wordIn reports whether token i is a word of set, false out of range.
func (sc *scanner) wordIn(i int, set map[string]bool) bool {
	return i >= 0 && i < len(sc.toks) && sc.foldedIn(i, set)
}
