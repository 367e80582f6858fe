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
	case i == j && cue&cSpecial == cSante && sc.metaphor(i):
		return true // "un vrai cancer pour l'immeuble", "une vraie maladie chez moi"
	case i == j && cue&cSpecial == cReligion && sc.foldedIs(i, "religion") && sc.habitReligion(i):
		return true // "ça devient une religion chez moi de vérifier mes mails"
	case i == j && sc.foldedIs(i, "malade"):
		return sc.upsetMalade(i)
	case i == j && sc.foldedIs(i, "invalide"):
		return invalidated(sc.text(i)) || sc.invalidThing(i)
	case cue&cJustice != 0:
		return sc.deniedOffence(i)
	case cue&cHandicap != 0:
		return sc.figurativeDisability(i, j)
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
	if sc.foldedIn(k, upsetVerbs) || sc.upsetCause(i) {
		return true
	}
	e := sc.wordBefore(k)
	return e >= 0 && sc.foldedIs(e, "en") && sc.foldedIn(k, upsetCopulas)
}

// upsetCauses follow "malade de" when it tells a feeling: "malade de
// cette histoire", "malade d'inquiétude", "malade de tout ça"; not "malade
// du cœur", "malade de la thyroïde".
var upsetCauses = wordSet("cette ce cet ces ca cela tout toute toutes tous inquietude stress rage honte jalousie colere chagrin peur")

// upsetCause reports whether "malade" at i is followed by "de" and what
// upsets: "je suis malade de cette histoire".
func (sc *scanner) upsetCause(i int) bool {
	d := sc.nextWord(i)
	if d < 0 || !sc.foldedIs(d, "de") && !sc.foldedIs(d, "d") {
		return false
	}
	n := sc.nextWord(d)
	return n >= 0 && sc.foldedIn(n, upsetCauses)
}

// habitReligion reports whether "religion" at i names a habit: an
// indefinite article or "vraie" before it and "chez", "pour" after it,
// "c'est devenu une religion chez moi", "une vraie religion pour lui";
// not "ma religion", "la religion musulmane".
func (sc *scanner) habitReligion(i int) bool {
	k, n := sc.wordBefore(i), sc.nextWordAny(i)
	return k >= 0 && (sc.foldedIs(k, "une") || sc.foldedIn(k, metaphorWords)) && n != i &&
		(sc.foldedIs(n, "pour") || sc.foldedIs(n, "chez"))
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

// figurativeDisability reports whether the disability's phrase of tokens
// i to j says nothing of a person's body: said of a class of people or
// of a facility in English ("housing for disabled people", "disabled
// bays"), denied ("je ne suis pas handicapé"), a clumsiness ("handicapé
// avec l'informatique"), a deafness to requests ("ils sont sourds à
// l'ANTS").
func (sc *scanner) figurativeDisability(i, j int) bool {
	k := sc.nextWordAny(j)
	switch {
	case k != j && (sc.foldedIn(k, genericPeople) || sc.foldedIn(k, facilities) || sc.foldedIn(k, englishFacilities)):
		return true
	case sc.deniedState(i), sc.askedBenefit(i, j):
		return true
	case i == j && k != j && sc.foldedIn(i, clumsyWords) && sc.foldedIs(k, "avec"):
		return true
	case i == j && k != j && sc.foldedIn(i, deafWords) && sc.foldedIn(k, deafToLinks):
		return !sc.earAfter(k) // not "sourde à l'oreille gauche", "sourd à 80 %"
	}
	return false
}

// earAfter reports whether an ear or a figure follows token k within
// three tokens on its line: "à l'oreille gauche", "à 80 %".
func (sc *scanner) earAfter(k int) bool {
	for n := k + 1; n < len(sc.toks) && n <= k+3 && sc.toks[n].gap < gapLine; n++ {
		if sc.toks[n].kind == kNum || sc.foldedIs(n, "oreille") || sc.foldedIs(n, "oreilles") {
			return true
		}
	}
	return false
}

// invalidated reports whether s, a form of "invalide" as the lexicon
// folds it, is written with the accent of the verb's participle:
// "l'ancien numéro est bien invalidé" (cancelled), not "invalide".
func invalidated(s string) bool {
	for _, end := range []string{"é", "ée", "és", "ées", "É", "ÉE"} {
		if len(s) > len(end) && s[len(s)-len(end):] == end {
			return true
		}
	}
	return false
}

// englishFacilities are English nouns of places for a class of people,
// after their adjective: "disabled bays", "disabled toilets".
var englishFacilities = wordSet("bay bays space spaces spot spots toilet toilets parking access entrance")

// clumsyWords are the disabilities said of a clumsiness with a thing:
// "complètement handicapé avec l'informatique".
var clumsyWords = wordSet("handicape handicapee handicapes handicapees")

// deafWords and deafToLinks make a deafness to requests: "ils sont
// sourds à nos demandes", "sourde aux appels".
var (
	deafWords   = wordSet("sourd sourde sourds sourdes")
	deafToLinks = wordSet("a aux au")
)

// metaphor reports whether the illness at token i is a figure: after
// "vrai" and before what it plagues, "un vrai cancer pour l'immeuble",
// "une vraie maladie chez moi"; not "une vraie dépression".
func (sc *scanner) metaphor(i int) bool {
	k, n := sc.wordBefore(i), sc.nextWordAny(i)
	return k >= 0 && sc.foldedIn(k, metaphorWords) && n != i && (sc.foldedIs(n, "pour") || sc.foldedIs(n, "chez"))
}

// metaphorWords make the illness after them a figure of speech.
var metaphorWords = wordSet("vrai vraie veritable")
