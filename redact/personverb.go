package redact

import "strings"

// A surname written alone after a verb whose object, behind its
// preposition, is a person: "voir avec Bouchereau", "demander à Pierrot
// ou à Dupuis-Leroy", "déposé par Lemaire", "transmis chez Vasseur",
// "signé pour Texier", "parlé à Guillaumet", "Réponse attendue de
// Dubreuil", "suivi par Rocheteau", the person one lives with or is
// married to ("je vis avec Ndiaye", "mariée avec Traoré", "divorcée de
// Keita"; not "mariée à", which a town follows as often: "mariée à
// Lourdes"), whom a child is left with ("confié à Ndiaye") and whose home
// one stays in ("hébergé chez Mbappé-Nkoulou"). Each verb takes the prepositions it
// takes a person with, and the name read is a lone surname's
// (loneSurname) or a first name that is no town, or two such words
// joined by a dash. "traité par Ritaline", "rdv avec Adoma", "entretien
// avec Manpower", "je travaille à Nancy", "transmis à Créteil" stay: a
// drug, an appointment, a firm and a town follow verbs of no person.

// personVerbs maps a preposition to the verbs before it whose object
// there is a person (folded). After "à", the verbs of telling of
// tellingVerbs, without those of sending, which a town follows as often
// ("transmis à Rennes").
var personVerbs = map[string]map[string]bool{
	"avec": wordSet("voir revoir vu vue revu revue parler parle discuter discute echanger echange valider valide verifier verifie " +
		"vis vit vivons vivent habite habitons marie mariee pacse pacsee voyez"),
	"a": wordSet("demander demande parler parle dire dit ecrire ecrit telephoner telephone repondu expliquer explique signaler signale " +
		"confie confiee confies confiees demandez parlez ecrivez telephonez expliquez signalez"),
	"par":  wordSet("depose deposee suivi suivie signe signee redige redigee instruit instruite valide validee verifie verifiee"),
	"chez": wordSet("transmis transmise loge logee loges logees heberge hebergee heberges hebergees habite habitons vis vit vivons dors dort"),
	"pour": wordSet("signe signee"),
	"de":   wordSet("attendu attendue divorce divorcee separe separee"),
}

// personRoles are the roles written capitalised after a verb of a
// person, which name no one (folded): "Déposé par Coursier", "Dossier
// déposé par Mandataire".
var personRoles = wordSet("coursier coursiers mandataire mandataires livreur livreurs facteur huissier notaire avocat avocate " +
	"tuteur tutrice curateur curatrice conseiller conseillere assistante referent referente")

// personDirectVerbs are the past participles whose direct object, after
// an auxiliary, is a person (folded): "j'ai rencontré Moreau au guichet",
// "j'ai contacté Morvan", "j'ai relancé Guillou deux fois". Not "vu",
// "appelé": a town or a film follows them as often ("j'ai vu Marseille");
// a firm after "contacté" is an organisation's word ("j'ai contacté
// Enedis" stays, [org-word]).
var personDirectVerbs = wordSet("rencontre rencontree croise croisee contacte contactee relance relancee")

// auxiliaries are the forms of "avoir" before a past participle (folded).
var auxiliaries = wordSet("ai as a avons avez ont")

// personVerbBefore reports whether a preposition and a verb of a person
// stand right before word k, "parlé à Guillaumet", or an auxiliary and a
// verb whose direct object is a person, "j'ai rencontré Moreau".
func (sc *scanner) personVerbBefore(k int) bool {
	p := k - 1
	if p < 1 || sc.toks[p].kind != kWord || sc.toks[p].gap != gapSpace || sc.toks[k].gap != gapSpace {
		return false
	}
	v := sc.wordBefore(p)
	if sc.foldedIn(p, personDirectVerbs) {
		return v >= 0 && sc.foldedIn(v, auxiliaries)
	}
	verbs := personVerbs[sc.folded(p)]
	return verbs != nil && v >= 0 && sc.foldedIn(v, verbs)
}

// personObjects masks the person named at word k after a verb of a
// person, and those a link and the same preposition add after it ("à
// Pierrot ou à Dupuis-Leroy"), or, after a verb whose direct object is a
// person, the link alone ("j'ai contacté Morvan et Guillou"). It returns
// the last token read.
func (sc *scanner) personObjects(k int) int {
	last, direct := k, sc.foldedIn(k-1, personDirectVerbs)
	for n := 0; n < 4; n++ {
		e := sc.personObject(k)
		if e < 0 {
			return last
		}
		sc.addToks(k, e, NOM, 0.75)
		last = e
		l, p := e+1, e+2
		if direct && sc.isText(l, "ou", "et") && p < len(sc.toks) && sc.toks[p].gap == gapSpace {
			k = p // "contacté Morvan et Guillou"
			continue
		}
		if !sc.isText(l, "ou", "et") || p+1 >= len(sc.toks) || sc.toks[p].ent != sc.toks[k-1].ent || sc.toks[p+1].shape&shCap == 0 {
			return last
		}
		k = p + 1
	}
	return last
}

// personObject returns the last token of the person's name at word k, a
// lone surname, a first name that is no town, or two of them joined by
// a dash, when its clause ends after it; -1 otherwise.
func (sc *scanner) personObject(k int) int {
	first := k
	if sc.particleOpens(k) {
		first = k + 1 // "signé par Le Bihan"
	}
	e := sc.compoundEnd(first)
	if e > first+2 || sc.toks[first].kind != kWord || sc.toks[first].shape&shUpper != 0 {
		return -1
	}
	for w := first; w <= e; w += 2 {
		if sc.punct(w-1) == '\'' || !sc.personWord(w) {
			return -1
		}
	}
	if !sc.clauseEndsAt(e+1, stopMarksOnly|stopFuncWord|stopNumber) && !sc.numWordAt(e+1) {
		return -1
	}
	return e
}

// numWordAt reports whether a number word in lower case stands at token
// k, which ends a name as a number does: "relancé Guillou deux fois".
func (sc *scanner) numWordAt(k int) bool {
	return k < len(sc.toks) && sc.toks[k].gap == gapSpace && sc.toks[k].shape&(shCap|shUpper) == 0 && sc.has(k, wNumWord)
}

// personWord reports whether the capitalised word at w may be a person's
// name alone: a first name that is no town, or a word the lexicon does
// not know (or knows as a surname) that ends as no common word
// (commonEndings) nor, unless a glued particle opens it ("Dubreuil"), as
// towns do (placeEndings), and no organisation's word. The endings of
// nouns (nounEndings) count not, but roles do (personRoles): the verb says a person follows
// ("Vasseur", "Lemaire").
func (sc *scanner) personWord(w int) bool {
	t := &sc.toks[w]
	if t.kind != kWord || t.shape&shCap == 0 || sc.has(w, wTownName|wCountry|wOrgWord) || birthCountries[strings.ToLower(sc.text(w))] ||
		sc.foldedIn(w, personRoles) {
		return false
	}
	if sc.isFirstName(w) {
		return true
	}
	f := sc.folded(w)
	if t.ent != 0 && t.bits&wWordSurname == 0 || hasSuffixOf(f, commonEndings) || sc.commonWordIn(w, w) {
		return false
	}
	return !hasSuffixOf(f, placeEndings) || strings.HasPrefix(f, "du") && len(f) > 5
}
