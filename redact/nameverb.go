package redact

import "strings"

// Words a name does not take after it, nor a civility before any name:
// the verb a person named is the subject of ("M. Garcia refuse de me
// répondre", "M. Martin affirme avoir écrit", "Madame pratique le
// ramadan"), an adjective or a role after a title ("professeure
// principale", "Professeure certifiée de lettres", "Mme enceinte 7
// mois"), and the end of a sentence after a civility written out ("au
// nom de madame. Adresse : …"). The lexicon's frequent verbs
// ("demande", "explique") stop a name already (actionAfterName); these
// are verbs it does not hold, which a name read from a civility used to
// take as a surname typed in lower case.

// personSubjectVerbs are verbs in the third person singular of the present
// whose subject is a person, and which are no frequent surname (folded).
var personSubjectVerbs = wordSet("refuse affirme pretend repond conteste reclame exige assure insiste menace accepte ment " +
	"confirme nie soutient reconnait promet oublie ignore reproche conseille propose accuse oppose recommande " +
	"suggere continue considere estime pense croit trouve prefere bloque envoie harcele insulte rejette annule " +
	"dement jure certifie atteste temoigne raconte semble pratique maintient persiste")

// civilityAdjectives are the lower-case words after a title or a civility
// that tell a role or a state, not a name (folded).
var civilityAdjectives = wordSet("principal principale titulaire stagiaire contractuel contractuelle documentaliste " +
	"honoraire enceinte mayor")

// civilityFields are the labels of a person's number after a civility in
// a note, which start no name (folded): "FT Mme id 3124897", "M. tel 06…".
var civilityFields = wordSet("id identifiant tel num numero mail email")

// fullCivilities are the civilities written out, after which a full stop
// ends the sentence (folded); after "M." or "Mme." it marks the
// abbreviation.
var fullCivilities = wordSet("monsieur madame mademoiselle messieurs mesdames maitre docteur docteure professeur professeure")

// subjectVerb reports whether word k, in lower case or in a text without
// case, is one of personSubjectVerbs or its plural ("refusent").
func (sc *scanner) subjectVerb(k int) bool {
	t := &sc.toks[k]
	if t.kind != kWord || t.shape&shCap != 0 && !sc.caseless || t.end-t.start < 3 {
		return false
	}
	w := sc.folded(k)
	if personSubjectVerbs[w] {
		return true
	}
	stem, ok := strings.CutSuffix(w, "nt")
	return ok && personSubjectVerbs[stem]
}

// civilityEndsSentence reports whether the civility at word i, written
// out, ends its sentence with the full stop after it: "au nom de
// madame. Adresse : …".
func (sc *scanner) civilityEndsSentence(i int) bool {
	return sc.foldedIn(i, fullCivilities)
}

// civilityNoName reports whether word j, right after a civility, starts
// no name: a verb the person is the subject of, or a role's or a state's
// adjective in lower case in a text that uses case.
func (sc *scanner) civilityNoName(j int) bool {
	t := &sc.toks[j]
	if t.kind != kWord {
		return false
	}
	if sc.subjectVerb(j) {
		return true
	}
	if sc.caseless || t.shape&shCap != 0 || t.shape&shLower == 0 {
		return false
	}
	return sc.foldedIn(j, civilityAdjectives) || sc.foldedIn(j, civilityFields) || adjectiveEnding(sc.text(j))
}

// marriedWords are "marié" written without its accent, which is also the
// first name Marie (folded).
var marriedWords = wordSet("marie mariee maries mariees")

// marriedAfterSelf reports whether word j, after "je suis", is "marié"
// without its accent rather than the first name: in lower case, with
// "avec", "à" or "depuis" after it ("je suis marie avec une francaise",
// "je suis mariee depuis 2010"); "je suis marie, j'ai un souci" is Marie.
func (sc *scanner) marriedAfterSelf(j int) bool {
	t := &sc.toks[j]
	if t.kind != kWord || t.shape&shCap != 0 && !sc.caseless || !sc.foldedIn(j, marriedWords) {
		return false
	}
	if p := sc.wordBefore(j); p < 0 || sc.toks[p].cue&cSelfWeak == 0 {
		return false
	}
	return sc.isText(j+1, "avec", "a", "depuis", "religieusement", "civilement")
}

// nameStateWords are the participles said of a name after the cue that
// announces one (folded): "(nom de jeune fille repris)", "nom d'usage
// conservé".
var nameStateWords = wordSet("repris reprise garde gardee conserve conservee utilise utilisee change changee")

// selfNoName reports whether word j, after the strong self-introduction
// or name's label at i ("moi c'est", "nom de jeune fille"), is no name
// but a word said of the writer or of the name, in lower case and no
// first name: one of nameStateWords ("nom de jeune fille repris"), or
// right after "est" a word with an adjective's or a participle's ending
// ("chez moi c'est dangereux"; "nom de jeune fille : durant" is a name).
func (sc *scanner) selfNoName(i, j int) bool {
	t := &sc.toks[j]
	if t.kind != kWord || t.shape&shCap != 0 || t.shape&shLower == 0 || sc.isFirstName(j) {
		return false
	}
	return sc.foldedIn(j, nameStateWords) || j == i+1 && sc.isText(i, "est") && adjectiveEnding(sc.text(j))
}
