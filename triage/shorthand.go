package triage

import (
	"strings"
)

// shorthand maps words of SMS and telegraphic French, as folded, to the
// words they stand for, so that « jsuis a la rue », « jpp » or « ya pa
// dchauffage » read like « je suis à la rue », « j'en peux plus » and « il
// n'y a pas de chauffage » for the lexicon and the classifier alike.
var shorthand = map[string]string{
	"jai": "j' ai", "g": "j' ai", "javais": "j' avais", "jaurai": "j' aurai", "jaurais": "j' aurais",
	"jen": "j' en", "jy": "j' y", "jarrive": "j' arrive", "jattends": "j' attends", "jessaie": "j' essaie",
	"jhabite": "j' habite", "jaime": "j' aime", "jetais": "j' etais", "jappelle": "j' appelle",
	"jme": "je me", "jte": "je te", "jle": "je le", "jla": "je la", "jles": "je les", "jlui": "je lui",
	"jne": "je ne", "jsp": "je sais pas", "jpp": "j' en peux plus", "chui": "je suis", "chuis": "je suis",
	"chu": "je suis", "chai": "je sais", "jsui": "je suis",
	"cest": "c' est", "cetait": "c' etait", "ya": "il y a", "yavait": "il y avait",
	"yen": "il y en", "pk": "pourquoi", "pq": "pourquoi", "pourkoi": "pourquoi", "koi": "quoi", "ki": "qui",
	"ke": "que", "kan": "quand", "qd": "quand", "pa": "pas", "pr": "pour", "ds": "dans", "ns": "nous",
	"vs": "vous", "tt": "tout", "ts": "tous", "tte": "toute", "ttes": "toutes", "bcp": "beaucoup",
	"tjr": "toujours", "tjrs": "toujours", "tjs": "toujours", "dc": "donc",
	"mtn": "maintenant", "mnt": "maintenant", "auj": "aujourd' hui", "ajd": "aujourd' hui",
	"ojd": "aujourd' hui", "aujd": "aujourd' hui", "aujourdhui": "aujourd' hui", "ajrd": "aujourd' hui", "dem1": "demain",
	"2m1": "demain", "2main": "demain", "stp": "s' il te plait", "svp": "s' il vous plait",
	"slt": "salut", "bjr": "bonjour", "bsr": "bonsoir", "dsl": "desole", "mrc": "merci", "mci": "merci",
	"rdv": "rendez-vous", "pcq": "parce que", "pck": "parce que", "psk": "parce que", "paske": "parce que",
	"parske": "parce que", "qqn": "quelqu' un", "qqun": "quelqu' un", "qqch": "quelque chose",
	"tkt": "t' inquiete", "mwa": "moi", "moa": "moi", "twa": "toi", "toa": "toi", "ptit": "petit",
	"pti": "petit", "ptite": "petite", "pb": "probleme", "pbm": "probleme", "nn": "non",
	"vrmt": "vraiment", "vrm": "vraiment", "tlm": "tout le monde", "jms": "jamais", "cmt": "comment",
	"cmnt": "comment", "ptet": "peut-etre", "dla": "de la",
	"jsais": "je sais", "jsuis": "je suis",
	"veu": "veux", "plu": "plus", "envi": "envie",
	// Spelt as it sounds (« je dor dan ma voiture », « il a changer la
	// serure », « le chofage é électrik »).
	"dor": "dors", "dan": "dans", "serure": "serrure", "serures": "serrures", "tou": "tout", "avan": "avant",
	"enfan": "enfants", "afaire": "affaires", "afaires": "affaires", "chofage": "chauffage", "maizon": "maison",
	"medicaman": "medicament", "medicamen": "medicament", "telefone": "telephone", "sui": "suis", "repon": "repond", "revien": "reviens", "di": "dit",
}

// afterWord spells out a word by the word before it: « il ma tapé » is
// « il m'a tapé », « si je reviens il me tu » is « … il me tue ».
var afterWord = map[string]map[string]string{
	"ma": {"il": "m' a", "elle": "m' a", "ils": "m' a", "on": "m' a", "qui": "m' a"},
	"tu": {"me": "tue"},
}

// expandShorthand rewrites the shorthand words of a folded sentence (see
// foldSentence: one space around every word), a word read by the one
// before it (afterWord), and « j » glued to a verb
// (« jpeux », « jdors », « jcomprends ») as « je ».
func expandShorthand(folded string) string {
	words := strings.Fields(folded)
	changed := false
	for i, w := range words {
		if x, ok := shorthand[w]; ok {
			words[i], changed = x, true
		} else if x, ok := afterWord[w][previous(words, i)]; ok {
			words[i], changed = x, true
		} else if x, ok := gluedJe(w); ok {
			// « jveu » is « je veu », itself shorthand for « je veux ».
			if y, ok := shorthand[strings.TrimPrefix(x, "je ")]; ok {
				x = "je " + y
			}
			words[i], changed = x, true
		}
	}
	if !changed {
		return folded
	}
	return " " + strings.Join(words, " ") + " "
}

// previous returns the word before words[i], "" for the first.
func previous(words []string, i int) string {
	if i == 0 {
		return ""
	}
	return words[i-1]
}

// gluedJe reads « jpeux » as « je peux »: j then a consonant then at
// least two more letters, none of them a digit (no French word starts
// so).
func gluedJe(w string) (string, bool) {
	if len(w) < 4 || w[0] != 'j' || !strings.ContainsRune("bcdfgklmnpqrstvz", rune(w[1])) {
		return "", false
	}
	for i := 1; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return "", false
		}
	}
	return "je " + w[1:], true
}
