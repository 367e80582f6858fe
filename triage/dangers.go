package triage

import (
	"regexp"
	"strings"
)

// Dangers read since session 20 on rounds 26 and 27's tuning halves and
// the black-box rounds, beside the families of understated.go: a parent
// away with nobody for the child, nights spent outside, a stove's fumes,
// and the writer's own ultimatum (a threat, no deadline).

// parentAway is a parent leaving for hospital, an operation or custody
// with nobody to care for the child named in the sentence (« je rentre à
// l'hôpital demain, personne ne pourra s'occuper de mon fils »; since
// session 20, black-box round 3 read it as a bereavement): a child left
// alone, either order.
const parentAway = `| ` + awayFor + `(?: [a-z0-9']+){0,12} ` + nobodyToCare + `| ` + nobodyToCare + `(?: [a-z0-9']+){0,12} ` + awayFor

// awayFor is a parent's absence: hospital, an operation, prison.
const awayFor = `(?:hospitalis[a-z]*|hopital|clinique|operee?|operation|incarcere[a-z]*|en prison|garde a vue)`

// nobodyToCare is nobody left to look after someone.
const nobodyToCare = `personne (?:ne (?:pourra|peut|pourrait|va)|pour|n' est la pour|qui puisse) (?:s' ?occuper|garder|(?:le|la|les) garder|(?:le|la|les) prendre)`

// outsideNights is a night or more spent outside (« jsuis dehors depuis 3
// nuits avec mon bébé »; since session 20, black-box round 1 read it as an
// energy cut only): no roof now, not a day's errand (« dehors depuis 8 h »).
const outsideNights = `| (?:je suis|nous sommes|on est|on dort|je dors|nous dormons|on etait|j' etais|nous etions) dehors depuis (?:[0-9]+|deux|trois|quatre|cinq|plusieurs|des) (?:nuits?|jours)`

// fumesSource and fumesSymptom are a heating or burning appliance and the
// symptoms of its fumes in the same sentence (« le poêle fume beaucoup, on
// a enlevé la pile du détecteur, et depuis hier on a mal à la tête et
// envie de vomir »; since session 20): carbon monoxide, a danger now.
const fumesSource = ` (?:poele|chaudiere|chauffe-eau|cheminee|insert|brasero|barbecue|groupe electrogene|detecteur de (?:co|monoxyde|fumee)|monoxyde)`

const fumesSymptom = ` mal a la tete| maux de tete| migraines?| envie de vomir| vomi| nausees?| vertiges?| somnolen| evanoui| tete qui tourne`

// fumesShared is a household's symptoms of fumes, shared or several
// (« on a tous mal à la tête », « le petit a vomi »): read up to two
// sentences after the stove, where one person's headache is not enough.
const fumesShared = ` (?:on a|nous avons|ils ont|elles ont) (?:tous |toutes )?(?:un peu |souvent )?(?:mal a la tete|des maux de tete|des vertiges|des nausees|la tete qui tourne)` +
	`| (?:tout le monde|toute la famille|les enfants|le petit|la petite|le bebe|mon mari|ma femme|mon fils|ma fille)(?: [a-z]+){0,2} (?:a|ont) (?:vomi|mal a la tete|des vertiges|des nausees)`

// ownUltimatum is a deadline the writer gives the administration before
// going to court (« Sans régularisation sous quinze jours, mon avocat
// saisira le tribunal »; since session 20): a legal threat, not a time
// limit the writer must meet.
const ownUltimatum = `| sans (?:reponse|regularisation|remboursement|retour|reaction|solution|correction|rectification)(?: [a-z0-9']+){0,4} (?:sous|d' ici|dans|avant)(?: [a-z0-9']+){1,12} ` + ownAction +
	`| si (?:je n' ai|je n' obtiens|nous n' avons|nous n' obtenons|vous ne|rien n' est)(?: [a-z0-9']+){0,8} (?:sous|d' ici|dans|avant) (?:[0-9]+|huit|dix|quinze|trente) (?:jours|semaines)(?: [a-z0-9']+){0,12} ` + ownAction

// ownAction is the writer's own step after an ultimatum: the writer, not
// a creditor, acts (« Mise en demeure de l'URSSAF : sans régularisation
// sous 8 jours, des poursuites seront engagées » is a deadline the writer
// must meet; the final review of session 20).
const ownAction = `(?:j' ai donne instruction|je (?:saisirai|saisis|vais saisir|porterai|m' adresserai|ferai appel|contacterai)|nous (?:saisirons|porterons|allons saisir)|mon avocat)`

// animalAway is an animal that is outside, gone or lost (« mon chat est
// dehors depuis deux jours », « le chien a disparu depuis hier », « ma
// chienne ne rentre plus »): the words of a person's danger (nights
// outside, a runaway, a disappearance) told of a pet. The lexicon's cues
// name a person (outsideNights, runaway); the classifier reads n-grams
// and read « dehors depuis deux jours » as a person's (session 21). Its
// words are no evidence of anyone's situation (evidenceIn): a message of
// such words and a routine question keeps the few words of the question,
// too few for the classifier alone to make it urgent (minAloneEvidence).
// An animal beside a person (« mon chien et moi sommes dehors ») is not
// one: the verb must follow the animal.
var animalAway = regexp.MustCompile(` (?:mon|ma|mes|notre|nos|le|la|les|son|sa|ses|leur|leurs|un|une) (?:petite? |vieux |vieille |jeune )?` + animalNoun +
	` (?:est|sont|reste|restent|dort|dorment|a dormi|ont dormi|a passe la nuit|ont passe la nuit|a disparu|ont disparu|s' est (?:perdue?|echappee?|sauvee?|enfuie?)|se sont (?:perdus|echappes|sauves|enfuis)|a fugue|ne rentre (?:pas|plus)|n' est pas (?:rentree?|revenue?))` +
	`(?: (?:encore|toujours|deja))?(?: dehors| perdue?s?| disparue?s?| dans la (?:rue|nature|cour|jardin))?` +
	`(?: cette nuit| hier soir| hier| ce matin| depuis (?:[0-9]+|deux|trois|quatre|cinq|six|sept|plusieurs|des|quelques|hier|ce matin|cette nuit|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?: (?:nuits?|jours?|heures?|semaines?|soir|matin))?)?`)

// animalNoun is a pet or a farm animal, singular or plural.
const animalNoun = `(?:chat|chatte|chaton|chien|chienne|chiot|lapin|lapine|cheval|jument|poney|perroquet|perruche|oiseau|animal|animaux|tortue|hamster|furet|cochon d' inde|poule|chevre|mouton|vache)s?`

// evidenceIn returns the words of evidence of folded (evidenceOf), but
// those of an animal away (withoutAnimalAway).
func evidenceIn(folded string) int {
	return evidenceOf(withoutAnimalAway(folded))
}

// withoutAnimalAway is folded without the words of an animal away
// (animalAway), unless a person shares the animal's verb: after « et »
// or « avec », « mes enfants et notre chien sont dehors » tells of the
// children too and stays whole (final review).
func withoutAnimalAway(folded string) string {
	var b strings.Builder
	from := 0
	for _, m := range animalAway.FindAllStringIndex(folded, -1) {
		before := strings.TrimRight(folded[:m[0]], " ")
		if strings.HasSuffix(before, " et") || strings.HasSuffix(before, " avec") {
			continue
		}
		b.WriteString(folded[from:m[0]])
		b.WriteString(" ")
		from = m[1]
	}
	b.WriteString(folded[from:])
	return b.String()
}

// paymentDue is the due date of a payment (« date limite de paiement
// 15/12 » on a tax notice, « date limite de règlement »): a sum to pay,
// which the debt rules read, not a time limit to act before a court.
const paymentDue = ` date limite (?:de |du |d' )?(?:paiement|reglement|versement|prelevement)`
