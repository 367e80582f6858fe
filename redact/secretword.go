package redact

import "strings"

// Passwords that are one plain word, given after a verb of being or
// "oublié": "mon mot de passe c'est soleil, l'ancien c'était papillon",
// "mot de passe oublié tournesol". What the writer says of the password
// ("mon mot de passe est bloqué", "est incorrect", "est trop court")
// stays: the word must be one the lexicon does not know, end as no
// adjective, participle or verb does, and end its clause.

// secretSaid are the words between a password's cue and a plain word
// that give the word as the password (folded).
var secretSaid = wordSet("est cest etait cetait is was ist sera oublie oubliee")

// passwordStates are the words that say what a password is like, which
// no ending tells, and the adverbs of time after "oublié" (folded): "mon
// mot de passe est faux", "c'est galère", "avant c'était rapide", "mot de
// passe oublié tantôt".
var passwordStates = wordSet("faux fausse incorrect incorrecte correct correcte invalide valide inconnu inconnue " +
	"simple long longue court courte bon bonne mauvais mauvaise nul nulle juste fort forte faible pareil pareille " +
	"identique different differente introuvable illisible obligatoire requis perime perimee expire expiree bloque " +
	"bloquee errone erronee refuse refusee change changee modifie modifiee verrouille verrouillee suspendu suspendue " +
	"oublie oubliee perdu perdue vide secret secrete complique compliquee facile difficile " +
	"galere bizarre etrange lent lente rapide fluide pire mieux gratuit gratuite payant payante " +
	"tantot demain toujours encore souvent parfois")

// verbEndings are the endings of French infinitives and of the second
// person plural, which no password ends a clause with ("… oublié cliquez").
var verbEndings = []string{"er", "ez", "ir"}

// plainPassword reports whether the word at token j, ending at byte end,
// reads as a password of one plain word: letters only, four or more, no
// word of the lexicon, no adjective's, participle's or verb's ending, no
// state of a password, and the clause ends after it.
func (sc *scanner) plainPassword(j, end int) bool {
	return sc.plainWord(j, end) && sc.clauseEndsAt(j+1, stopMarksOnly|stopFuncWord)
}

// plainWord reports whether the word at token j, ending at byte end, may
// be a password or a login of one plain word, wherever its clause ends:
// letters only, four or more, no word of the lexicon, no adjective's,
// participle's or verb's ending, no state of a password.
func (sc *scanner) plainWord(j, end int) bool {
	t := &sc.toks[j]
	if t.kind != kWord || int(t.end) != end || t.ent != 0 || t.end-t.start < 4 {
		return false
	}
	w := sc.folded(j)
	return !adjectiveEnding(strings.ToLower(sc.text(j))) && !hasSuffixOf(w, verbEndings) && !hasSuffixOf(w, commonEndings) && !passwordStates[w]
}
