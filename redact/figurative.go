package redact

// Words of a special category used for something else: "j'en suis
// malade" (upset), "le numéro est invalide" (a thing that is not valid),
// "ce n'est pas un crime" (denied). They say nothing of a person and stay.

// invalidThings are nouns of things that can be "invalide": not a person.
var invalidThings = wordSet("numero numeros code codes carte cartes adresse mail email lien fichier document documents " +
	"piece pieces justificatif justificatifs identifiant identifiants mot passe format saisie date formulaire " +
	"dossier demande attestation signature photo passeport titre iban rib cheque ticket billet qr reference " +
	"donnee donnees champ login compte paiement virement")

// invalidVerbs say that a system or an agent finds a thing not valid:
// "ameli dit invalide", "le site affiche invalide". Not "déclaré",
// "jugé", "considéré": those are how a person is found disabled ("le
// médecin conseil m'a déclaré invalide").
var invalidVerbs = wordSet("dit disent indique indiquent affiche affichent marque marquent signale signalent")

// personWords end the search for a thing before a copula: in "sur le
// formulaire mon fils est invalide" the one said invalid is the son.
var personWords = wordSet("je j me m moi il elle lui on nous vous ils elles fils fille mari femme epoux epouse " +
	"pere mere enfant enfants frere soeur conjoint conjointe compagnon compagne papa maman bebe")

// copulaLinks come between a subject and what is said of it: "le code
// est invalide", "la carte semble invalide".
var copulaLinks = wordSet("est sont etait etaient semble semblent parait apparait reste devient")

// negations before a denied offence: "pas un crime", "jamais de casier";
// deniedLinks between them: "jamais été condamné", "pas eu de casier".
var (
	negations   = wordSet("pas jamais aucun aucune ni sans")
	deniedLinks = wordSet("un une de d ete eu")
)

// upsetVerbs make "malade" a feeling: "ça me rend malade"; upsetCopulas
// after "en" do too, in the first person only: "j'en suis malade" (in
// "ma mère en est malade", "en" may be an illness named before).
var (
	upsetVerbs   = wordSet("rend rendent rendre rends rendait")
	upsetCopulas = wordSet("suis etais serais")
)

// figurativeSpecial reports whether the special category's phrase of
// tokens i to j is a figure of speech or a denial, not a person's state:
// "j'en suis malade", "ça me rend malade", "le numéro est invalide",
// "ameli dit invalide", "ce n'est pas un crime", "for disabled people",
// "je ne suis pas handicapé", "jamais été syndiqué".
func (sc *scanner) figurativeSpecial(i, j int, cue cueBits) bool {
	switch {
	case i == j && sc.foldedIs(i, "malade"):
		return sc.upsetMalade(i)
	case i == j && sc.foldedIs(i, "invalide"):
		return sc.invalidThing(i)
	case cue&cJustice != 0:
		return sc.deniedOffence(i)
	case cue&cHandicap != 0:
		k := sc.nextWordAny(j)
		return k != j && sc.foldedIn(k, genericPeople) || sc.deniedState(i) // "housing for disabled people", "je ne suis pas handicapé"
	case cue&cSyndicat != 0:
		return sc.deniedState(i) // "je ne suis pas syndiqué"
	}
	return false
}

// upsetMalade reports whether "malade" at i says the writer is upset:
// "j'en suis malade", "ça me rend malade".
func (sc *scanner) upsetMalade(i int) bool {
	k := sc.wordBefore(i)
	if k < 0 {
		return false
	}
	if sc.foldedIn(k, upsetVerbs) {
		return true
	}
	e := sc.wordBefore(k)
	return e >= 0 && sc.foldedIs(e, "en") && sc.foldedIn(k, upsetCopulas)
}

// invalidThing reports whether "invalide" at i is said of a thing: right
// after the thing ("un code invalide") or a verb of a system or an agent
// ("ameli dit invalide"), or after a copula whose subject, up to four
// words before it with no person between, is a thing ("le numéro de sécu
// est invalide", not "sur le formulaire mon fils est invalide").
func (sc *scanner) invalidThing(i int) bool {
	k := sc.wordBefore(i)
	if k < 0 {
		return false
	}
	if sc.foldedIn(k, invalidVerbs) || sc.foldedIn(k, invalidThings) {
		return true // "ameli dit invalide", "un code invalide"
	}
	if !sc.foldedIn(k, copulaLinks) {
		return false
	}
	for n, w := 0, sc.wordBefore(k); n < 4 && w >= 0 && !sc.foldedIn(w, personWords); n, w = n+1, sc.wordBefore(w) {
		if sc.foldedIn(w, invalidThings) {
			return true
		}
	}
	return false
}

// deniedOffence reports whether the offence or conviction starting at
// token i is denied: "ce n'est pas un crime", "jamais de casier".
func (sc *scanner) deniedOffence(i int) bool {
	k := sc.wordBefore(i)
	for n := 0; n < 3 && k >= 0 && sc.foldedIn(k, deniedLinks); n++ {
		k = sc.wordBefore(k)
	}
	return k >= 0 && sc.foldedIn(k, negations)
}

// deniedState reports whether the state said by the adjective at token i
// is denied, the negation right before it: "je ne suis pas handicapé",
// "jamais été syndiqué". Not "pas de RQTH pour l'instant": a status not
// yet granted still tells the disability.
func (sc *scanner) deniedState(i int) bool {
	k := sc.wordBefore(i)
	if k >= 0 && sc.foldedIs(k, "ete") {
		k = sc.wordBefore(k)
	}
	return k >= 0 && sc.foldedIn(k, stateNegations)
}

// stateNegations deny a state said by an adjective: "pas handicapé".
var stateNegations = wordSet("pas jamais ni")
