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
// what the words cannot tell. The cues are written on folded text (fold:
// lower case, no accents); an apostrophe or hyphen is matched by ".".

// ownCaseCues are phrases asking where the person's own file stands; they
// are looked for in the whole message (the story often holds them).
var ownCaseCues = cues(
	`\b(ou|la ou|l.ou) en (est|sont) (exactement |actuellement )?(mon|ma|mes|notre|nos|le dossier|la demande|le traitement|l.instruction)\b`,
	`\bnumero de (dossier|demande)`,
	`\bmon dossier\b.{0,40}\b(bloque|en cours|traite|instruction|commission|recu|avance|statut|attente|complet)`,
	`\bma demande\b.{0,40}\b(bloquee|en cours|traitee|instruction|recue|avance|statut|attente|complete)`,
	`\ben cours d.(instruction|traitement|examen)`,
	`\bbien (recu|ete recu|ete enregistre)`,
	`\bpasse(ra)? en commission|\bprochaine commission`,
	`\bou (ca|cela) bloque`,
	`\b(statut|suivi) de (mon|ma)\b`,
	`\bavez.vous (bien )?recu`,
	`\bquand (est.ce que )?(mon|ma) (dossier|demande)`,
	`\bquel rang|\brang sur la liste|\bliste d.attente|\bwaiting list`,
	`\bconfirmer que vous (l|les).(avez|ai) recu`,
	`\bquelle date je (peux|vais|pourrai)`,
	`\b(my|our) (application|file|case)\b|\bapplication (was )?accepted`,
)

// outsideCues are matters of a town hall, of another country's
// administration or of a private company; they are looked for in the
// request only (a story may mention a town hall or a country in passing).
var outsideCues = cues(
	// Town hall and local services.
	`\bsalle (des fetes|communale|municipale|polyvalente)`,
	`\bcantine|\bcreche|\bencombrants|\bdech(e|et)terie|\bramassage|\bpoubelle`,
	`\bnid.de.poule|\bvoirie|\beclairage public|\blignes? de bus|\bquel bus`,
	`\bhoraires? d.ouverture|\bhabitants de la commune|\bde (ma|la|notre) (commune|ville)\b`,
	`\bpiscine (municipale|de la ville)|\bmediatheque|\bbibliotheque municipale`,
	`\bmairie annexe|\bpolice municipale|\bconseil municipal`,
	`\b(postuler|poste|emploi|candidature)\b.{0,40}\bmairie`,
	`\becole\b.{0,40}\bfermee|\bfermee aujourd`,
	// Another country's administration: its documents and offices (a
	// country's name alone is no cue: the French going abroad ask too).
	`\b(belge|allemand|espagnol|portugais|marocain|algerien|tunisien|quebecois|canadien|italien|britannique)(n?e)?s?\b`,
	`\b(senegalais|turc|turque|roumain|polonais|luxembourgeois|neerlandais|ivoirien|malien|camerounais)(n?e)?s?\b`,
	`\b(consulat|ambassade) (du |de |d.)(maroc|senegal|portugal|canada|mali|cameroun|espagne|algerie|allemagne|italie|belgique|tunisie|turquie|roumanie|pologne)`,
	// Private companies and services.
	`\b(netflix|uber|whatsapp|amazon|facebook|instagram|tiktok|snapchat|google|gmail|apple|icloud|iphone|android)\b`,
	`\b(deliveroo|airbnb|booking|leboncoin|vinted|paypal|spotify|disney|youtube|twitter|microsoft|outlook|hotmail)\b`,
	`\bmot de passe|\bcompte client|\bappli(cation)? (bancaire|de (ma|la) banque)|\bdebloquer l.appli`,
	`\binstaller\b.{0,30}\b(application|appli|logiciel)`,
	`\b(aucune|pas de) demarche administrative`,
	`\benseigne\b|\bnumero direct`,
)

// cues compiles alternatives into one expression ("." matching a newline:
// the request's sentences are joined by newlines).
func cues(alternatives ...string) *regexp.Regexp {
	return regexp.MustCompile(`(?s)(?:` + strings.Join(alternatives, `)|(?:`) + `)`)
}

// askCues says (1 or 0) whether a message asks where the person's own file
// stands, and whether its request (the request sentences, focusText) is
// about a matter outside any knowledge base (see outsideCues).
func askCues(message, request string) (ownCase, outside float64) {
	ownCase = b2f(ownCaseCues.MatchString(fold.String(message)))
	outside = b2f(outsideCues.MatchString(fold.String(request)))
	return ownCase, outside
}
