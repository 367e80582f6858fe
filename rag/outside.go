package rag

import (
	"regexp"
	"strings"

	"github.com/plume-sp/plume/fold"
)

// Some requests no page of a knowledge base answers, however close its words
// come to a page's: where a person's own file stands (only the file says),
// and matters of a town hall, another country's administration or a private
// company. Their words are those of a page (a CAF file, a passport, a
// bulky-waste collection), so the reliability model learns from these cues
// what the words cannot tell.
//
// The cues are read in words (cueWords): folded (lower case, no accents),
// every other character than a letter or a digit a space, one space at each
// end. A cue starts with a space and a word, so that it starts at a word
// and the regexp package finds it by string search (fifty times faster than
// from \b or an alternation); "." stands for the space of an apostrophe or a
// hyphen.

// ownCaseCues are phrases asking where the person's own file stands; they
// are looked for in the whole message (the story often holds them).
var ownCaseCues = cues(
	` ou en (est|sont) (exactement |actuellement )?(mon|ma|mes|notre|nos|le dossier|la demande|le traitement|l.instruction)\b`,
	` numero de (dossier|demande)`,
	` mon dossier\b.{0,40}\b(bloque|en cours|traite|instruction|commission|recu|avance|statut|attente|complet)`,
	` ma demande\b.{0,40}\b(bloquee|en cours|traitee|instruction|recue|avance|statut|attente|complete)`,
	` en cours d.(instruction|traitement|examen)`,
	` bien (recu|ete recu|ete enregistre)`,
	` passe(ra)? en commission`, ` prochaine commission`,
	` ou (ca|cela) bloque`,
	` statut de (mon|ma)\b`, ` suivi de (mon|ma)\b`,
	` avez.vous (bien )?recu`,
	` quand (est.ce que )?(mon|ma) (dossier|demande)`,
	` quel rang`, ` rang sur la liste`, ` liste d.attente`, ` waiting list`,
	` confirmer que vous (l|les).(avez|ai) recu`,
	` quelle date je (peux|vais|pourrai)`,
	` my (application|file|case)\b`, ` our (application|file|case)\b`, ` application (was )?accepted`,
)

// outsideCues are matters of a town hall, of another country's
// administration or of a private company; they are looked for in the
// request only (a story may mention a town hall or a country in passing).
var outsideCues = cues(append(append(append(
	// Town hall and local services.
	[]string{
		` salle (des fetes|communale|municipale|polyvalente)`,
		` cantine`, ` creche`, ` encombrants`, ` dech(e|et)terie`, ` ramassage`, ` poubelle`,
		` nid.de.poule`, ` voirie`, ` eclairage public`, ` lignes? de bus`, ` quel bus`,
		` horaires? d.ouverture`, ` habitants de la commune`,
		` de ma (commune|ville)\b`, ` de la (commune|ville)\b`, ` de notre (commune|ville)\b`,
		` piscine (municipale|de la ville)`, ` mediatheque`, ` bibliotheque municipale`,
		` mairie annexe`, ` police municipale`, ` conseil municipal`,
		` postuler\b.{0,40}\bmairie`, ` poste\b.{0,40}\bmairie`, ` emploi\b.{0,40}\bmairie`, ` candidature\b.{0,40}\bmairie`,
		` ecole\b.{0,40}\bfermee`, ` fermee aujourd`,
		// Another country's administration: its documents and offices (a
		// country's name alone is no cue: the French going abroad ask too).
		` consulat (du |de |d.)` + foreignCountries, ` ambassade (du |de |d.)` + foreignCountries,
	},
	wordCues(`(n?e)?s?\b`, "belge", "allemand", "espagnol", "portugais", "marocain", "algerien", "tunisien", "quebecois",
		"canadien", "italien", "britannique", "senegalais", "turc", "turque", "roumain", "polonais", "luxembourgeois",
		"neerlandais", "ivoirien", "malien", "camerounais")...),
	// Private companies and services.
	wordCues(`\b`, "netflix", "uber", "whatsapp", "amazon", "facebook", "instagram", "tiktok", "snapchat", "google", "gmail",
		"apple", "icloud", "iphone", "android", "deliveroo", "airbnb", "booking", "leboncoin", "vinted", "paypal", "spotify",
		"disney", "youtube", "twitter", "microsoft", "outlook", "hotmail")...),
	` mot de passe`, ` compte client`, ` appli(cation)? (bancaire|de (ma|la) banque)`, ` debloquer l.appli`,
	` installer\b.{0,30}\b(application|appli|logiciel)`,
	` aucune demarche administrative`, ` pas de demarche administrative`,
	` enseigne\b`, ` numero direct`,
)...)

// foreignCountries are the countries whose consulates and embassies a cue
// names.
const foreignCountries = `(maroc|senegal|portugal|canada|mali|cameroun|espagne|algerie|allemagne|italie|belgique|tunisie|turquie|roumanie|pologne)`

// wordCues are cues for each of words, followed by end.
func wordCues(end string, words ...string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = " " + w + end
	}
	return out
}

// cueSet is a list of cues, each a regular expression on a text's words.
type cueSet []*regexp.Regexp

// cues compiles cues.
func cues(exprs ...string) cueSet {
	out := make(cueSet, len(exprs))
	for i, e := range exprs {
		out[i] = regexp.MustCompile(e)
	}
	return out
}

// match says whether one of the cues is in words (cueWords).
func (c cueSet) match(words string) bool {
	for _, re := range c {
		if re.MatchString(words) {
			return true
		}
	}
	return false
}

// cueWords is text as the cues read it: folded, every character other than
// an ASCII letter or digit a space, runs of spaces one, a space at each end.
func cueWords(text string) string {
	var b strings.Builder
	b.Grow(len(text) + 2)
	space := true
	b.WriteByte(' ')
	for _, c := range []byte(fold.String(text)) {
		word := 'a' <= c && c <= 'z' || '0' <= c && c <= '9'
		switch {
		case word:
			b.WriteByte(c)
		case !space:
			b.WriteByte(' ')
		}
		space = !word
	}
	if !space {
		b.WriteByte(' ')
	}
	return b.String()
}

// askCues says (1 or 0) whether a message asks where the person's own file
// stands, and whether its request (the request sentences, focusText) is
// about a matter outside any knowledge base (see outsideCues).
func askCues(message, request string) (ownCase, outside float64) {
	ownCase = b2f(ownCaseCues.match(cueWords(message)))
	outside = b2f(outsideCues.match(cueWords(request)))
	return ownCase, outside
}
