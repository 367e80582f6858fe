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
var ownCaseCues = cues(concat([]string{
	` ou en (est|sont) (exactement |actuellement |precisement )?(mon|ma|mes|notre|nos|le dossier|la demande|le traitement|l.instruction)\b`,
	` numero de (dossier|demande)`,
	` mon dossier\b.{0,40}\b(bloque|en cours|traite|instruction|commission|recu|avance|statut|attente|complet)`,
	` ma demande\b.{0,40}\b(bloquee|en cours|traitee|instruction|recue|avance|statut|attente|complete)`,
	` le dossier de (ma|mon) [a-z]+ (est il|est) (bien )?(complet|accepte|valide|traite)\b`,
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
}, wordCues(` (demande|dossier)\b.{0,40}\b(a ete|est (il|elle)) (bien )?(acceptee?|refusee?|validee?|accorde|accordee)\b`,
	"ma", "mon", "sa", "son", "leur"))...)

// otherFileCues ask where someone else's file stands, as an agent writes
// it down, or the day a payment of one's own arrives; they are looked for
// in the request only, and count as ownCaseCues.
var otherFileCues = cues(concat([]string{
	` ou en (est|sont) (exactement |actuellement )?(sa|son|ses|leur|leurs)\b`,
	` si (elle|il) a ete (accepte|acceptee|refuse|refusee)\b`,
	` quel agent (traite|s occupe|gere)`, ` qui (traite|s occupe de|gere) (mon|ma|son|sa) (dossier|demande)`,
	` l argent arrivera`, ` status of (my|his|her|our)\b`,
	// A payment of one's own: was it made, why did it fall; the
	// controller's visit.
	` t elle (bien )?ete (verse|versee|paye|payee|vire|viree|credite|creditee)\b`,
	` t il (bien )?ete (verse|paye|vire|credite)\b`,
	` ont (ils|elles) (bien )?ete (verses|versees|payes|payees|vires|virees)\b`,
	` pourquoi (mon|ma|mes) (apl|rsa|aah|prime d activite|allocations?|aides?|pension|retraite|indemnites?|remboursements?|bourse)\b.{0,30}\b(a|ont|est|sont) (baisse|diminue|augmente|ete (supprime|suspendu|reduit))`,
	` controleur\b.{0,30}\b(vient|viendra|passe|passera|va venir|va passer)\b`,
}, wordCues(` si (mon|ma|son|sa|leur) (dossier|demande|plainte)\b.{0,30}\b(a ete|est|va etre|sera|va) (accepte|acceptee|refuse|refusee|traite|traitee|complet|passer)\b`,
	"savoir", "dire", "verifier", "demande"),
	wordCues(`\b.{0,20}\b(est (bien )?arrive|arrivera|interviendra|tombera)`, pairs([]string{"mon", "son", "sa", "leur"},
		[]string{"paiement", "versement", "virement", "remboursement"})...))...)

// outsideCues are matters no official page answers: a town hall's or a
// local body's (localCues), another country's administration
// (foreignCues), a private company's service (companyCues), a
// recommendation among private providers (adviceCues), an opinion or
// politics (opinionCues), an errand the agent is asked to run for the
// person (errandCues) and a website's or a device's fault (faultCues).
// They are looked for in the request only (a story may mention a town
// hall or a country in passing).
var outsideCues = cues(concat(localCues, foreignCues, companyCues, adviceCues, opinionCues, errandCues, faultCues)...)

// localCues are a town hall's or a local body's practical details.
var localCues = concat([]string{
	` salle (des fetes|communale|municipale|polyvalente|des mariages)`,
	` cantine`, ` creche`, ` encombrants`, ` dech(e|et)terie`, ` ramassage`, ` poubelle`,
	` nid.de.poule`, ` voirie`, ` eclairage public`, ` lignes? de bus`, ` quel bus`,
	` horaires? d.ouverture`, ` habitants de la commune`, ` opening (hours|times)`, ` what time\b`,
	` de ma (commune|ville)\b`, ` de la (commune|ville)\b`, ` de notre (commune|ville)\b`,
	` piscine (municipale|de la ville)`, ` mediatheque`, ` bibliotheque municipale`,
	` mairie annexe`, ` police municipale`, ` conseil municipal`,
	` postuler\b.{0,50}\bmairie`, ` poste\b.{0,50}\bmairie`, ` emploi\b.{0,50}\bmairie`, ` candidature\b.{0,50}\bmairie`,
	` ecole\b.{0,40}\bfermee`, ` fermee aujourd`, ` marche de noel`, ` associations? du quartier`, ` objets? trouves?\b`,
	// A place's own practical details: its hours, its parking, its bus
	// line, what a local office has free, a town's own tax.
	` horaires?\b.{0,20}\b(mairie|prefecture|poste|caf|cpam|centre des finances|tribunal|commissariat)\b`,
	` parking de la (gare|mairie|piscine)`, ` pharmacie de garde`,
	` crous (de|d) [a-z]+`, ` taxe de sejour (a|de|d) [a-z]+`,
	` combien de temps (met|mettent|prend) (la|le) (prefecture|sous prefecture|mairie)\b`,
}, wordCues(` (n |no )?[0-9]+[a-z]?\b`, "bus", "tram", "tramway", "metro", "rer", "navette"),
	wordCues(`s? (encore )?(libres?|disponibles?) `, "chambre", "place", "logement"),
	wordCues(` (il|elle|ils|elles) (annulee?s?|maintenue?s?)\b`, "est", "sont"),
	wordCues(`(e|es|s)? (le|les) (lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)`, "ouvert", "ferme"),
	wordCues(` (sont |commencent |finissent |des |de |d )?(les )?vacances (scolaires|de|d)\b`, "quand", "dates?"))

// foreignCues are another country's documents and offices (a country's
// name alone is no cue: the French going abroad ask too).
var foreignCues = concat([]string{
	` consulat (du |de |d.)` + foreignCountries, ` ambassade (du |de |d.)` + foreignCountries,
	// Another country's own rules: whether a scheme exists there, what
	// it allows or recognises.
	` existe t (il|elle) (aussi |encore )?(en|au|aux) ` + foreignCountries + `\b`,
}, wordCues(` (reconnait|accepte|autorise|interdit|applique)\b`, foreignCountryNames...),
	wordCues(` `+foreignCountries+` (a t on|peut on|est il|est ce qu on) (le droit|interdit|obligatoire|legal)\b`, "en", "au", "aux"),
	wordCues(` (aussi |encore |toujours )?(en|au|aux) `+foreignCountries+` (en ce moment|actuellement|aujourd hui|pour)\b`,
		"obligatoire", "interdit", "autorise", "legal"),
	wordCues(` (in|of) (spain|portugal|germany|italy|the uk|england|belgium|morocco|algeria|tunisia|the us|canada|switzerland)\b`,
		"rules", "law", "laws", "tax", "taxes"),
	wordCues(` of\b`, "consulate", "embassy"),
	wordCues(` (consulate|embassy|id|passport|license|licence|administration|tax|office)\b`, "spanish", "portuguese", "italian", "german",
		"belgian", "moroccan", "algerian", "tunisian", "british", "american", "canadian", "swiss", "polish", "romanian", "turkish"),
	wordCues(`(n?e)?s?\b`, "belge", "allemand", "espagnol", "portugais", "marocain", "algerien", "tunisien", "quebecois",
		"canadien", "italien", "britannique", "senegalais", "turc", "turque", "roumain", "polonais", "luxembourgeois",
		"neerlandais", "ivoirien", "malien", "camerounais"))

// companyCues are private companies and their services.
var companyCues = concat(wordCues(`\b`, "netflix", "uber", "whatsapp", "amazon", "facebook", "instagram", "tiktok", "snapchat", "google", "gmail",
	"apple", "icloud", "iphone", "android", "deliveroo", "airbnb", "booking", "leboncoin", "vinted", "paypal", "spotify",
	"disney", "youtube", "twitter", "microsoft", "outlook", "hotmail",
	"boursorama", "macif", "maaf", "maif", "axa", "chronopost", "colissimo", "dhl", "fedex", "basic.fit",
	"credit agricole", "banque postale", "direct assurance", "mondial relay", "relais colis"), []string{
	` mot de passe`, ` compte client`, ` appli(cation)? (bancaire|de (ma|la) banque)`, ` debloquer l.appli`,
	` installer\b.{0,30}\b(application|appli|logiciel)`,
	` aucune demarche administrative`, ` pas de demarche administrative`,
	` enseigne\b`, ` numero direct`, ` service client\b`, ` geste commercial`, ` livreur`,
	` code promo`,
}, wordCues(` (free|orange|sfr|bouygues|sosh|red)\b`, "forfait", "box", "abonnement", "offre"), wordCues(`\b`, "ikea", "darty", "fnac", "decathlon", "castorama", "conforama", "ouigo", "ryanair", "easyjet", "sosh", "lidl",
	"auchan", "cdiscount", "zalando", "shein", "temu", "aliexpress", "ebay", "leroy merlin"), []string{
	// The weather, a film or a restaurant: no page's matter.
	` meteo\b`,
}, wordCues(` temps (fait|fera)`, "quel", "quelle"),
	wordCues(` (films?|series?|livres?|restaurants?)\b`, "bon", "bons", "bonne", "bonnes"), wordCues(` open\b`, "still", "is it"), wordCues(`\b.{0,30}\b(pas arrive|jamais arrive|perdu|abime|vole)\b`, "mon colis", "ce colis", "le colis"),
	wordCues(` (a )?(un|une) (humain|vraie personne)\b`, "parler", "joindre"),
	wordCues(` (ou|et) (orange|sfr|bouygues|free)\b`, "orange", "sfr", "bouygues", "free"))

// adviceCues ask which private provider or offer to choose, or what a
// price is worth.
var adviceCues = concat([]string{
	` recommend\b`, ` cheapest\b`, ` which .{0,30}\bbest\b`, ` vous connaissez (des|un|une) `,
	` quel(le)?s? [a-z]+ (vous |me |nous |lui |leur )?(conseillez|conseilleriez|recommandez|recommanderiez)\b`,
}, wordCues(` (forfaits?|taux|assureurs?|assurances?|banques?|mutuelles?|offres?|operateurs?|fournisseurs?|box|credits?|prets?|comptes?|agences?|sites?)\b`,
	"meilleur", "meilleure", "meilleurs", "meilleures", "moins cher", "moins chere", "moins chers", "moins cheres"),
	wordCues(`\b.{0,40}\b(conseille|conseillez|conseilleriez|recommandez|recommanderiez)\b`,
		"lequel", "laquelle", "lesquels", "lesquelles"),
	wordCues(`(.vous)? (entre|plutot)\b`, "conseillez", "recommandez"),
	wordCues(` (un|une|des) (bon|bonne|bons|bonnes)\b`, "recommander", "conseiller"),
	wordCues(`(e|es|s)?\b`, pairs([]string{"le", "la", "les"}, []string{"moins cher", "plus cher"})...),
	wordCues(` (est|sont|serait|marche|fonctionne) (le|la|les) (mieux|meilleur|meilleure|meilleurs|meilleures|moins|plus fiable|plus serieux)\b`,
		"lequel", "laquelle", "lesquels", "lesquelles", "qui"),
	wordCues(` (correct|raisonnable|normal|honnete)\b`, "prix", "tarif"))

// opinionCues ask the agent's opinion or about politics.
var opinionCues = concat([]string{
	` votre avis (svp|sur|avant|merci|sincere|personnel)\b`, ` vous en pensez\b`, ` what do you think`, ` your opinion`,
	` pourquoi (le gouvernement|l.etat|les politiques|les elus|le president)\b`, ` qui a vote\b`,
	` gracier\b`, ` vous les fonctionnaires`,
}, wordCues(` votre avis\b`, "a", "aimerais", "voudrais"))

// errandCues ask the agent to act for the person: call someone, check an
// account, step in with a third party, pass a message on.
var errandCues = concat([]string{
	` appeler pour moi\b`, ` intervenir aupres\b`, ` verifier ce qui bloque`, ` courrier officiel`, ` partager ce message`,
	` qui va (me |nous |les |le |la |lui |leur )?(dedommager|indemniser)\b`,
	// A private dispute's outcome.
	` chances de (gagner|l.emporter)\b`, ` will (i|we|he|she|they) win\b`,
},
	// What a judge or a board will decide.
	wordCues(` (va|vont|acceptera|donnera) (me |lui |nous |leur |le |la |les )?(donner raison|croire|condamner|accorder)\b`,
		"le juge", "la commission", "le tribunal", "la cour"),
	wordCues(`.vous (les |l.|le |la |lui |leur )?(appeler|contacter|telephoner|intervenir|vous renseigner)\b`, "pourriez", "pouvez"),
	wordCues(` (peut|pourrait) (les |l.|le |la |lui )?appeler\b`, "quelqu.un", "qqn"),
	wordCues(` (appelle|appeliez|telephone|contacte|contactiez)\b`, "qu.on", "que vous", "que france services", "la mairie"),
	wordCues(` (au|a la) (ministre|president|depute|prefet)\b`, "remonter?", "transmettre"))

// faultCues are a website's, an application's or a device's fault.
var faultCues = concat([]string{
	` message d.erreur`, ` error message`,
}, wordCues(` (sera|soit|va etre) (repare|reparee|retabli|retablie)\b`, "site", "appli", "application", "plateforme"),
	wordCues(`\b`, "bugs?", "beug", "bugue", "beugue", "la box", "le decodeur", "recherche des chaines", "wifi"),
	wordCues(` plante\b`, "ca", "site", "appli", "application"),
	wordCues(`\b.{0,30}\b(marche pas|marche plus|fonctionne pas|fonctionne plus|charge pas|plante)\b`, "site", "appli", "application", "page"))

// concat is lists one after the other.
func concat(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// pairs is every word of firsts followed by a space and every word of
// seconds.
func pairs(firsts, seconds []string) []string {
	out := make([]string, 0, len(firsts)*len(seconds))
	for _, f := range firsts {
		for _, s := range seconds {
			out = append(out, f+" "+s)
		}
	}
	return out
}

// foreignCountryNames are the countries whose consulates, embassies and
// rules a cue names; foreignCountries, the same as a regexp group.
var foreignCountryNames = []string{"maroc", "senegal", "portugal", "canada", "mali", "cameroun", "espagne", "algerie", "allemagne",
	"italie", "belgique", "tunisie", "turquie", "roumanie", "pologne", "suisse", "royaume uni", "angleterre", "etats unis", "pays bas",
	"luxembourg"}

var foreignCountries = "(" + strings.Join(foreignCountryNames, "|") + ")"

// wordCues are cues for each of words, followed by end.
func wordCues(end string, words ...string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = " " + w + end
	}
	return out
}

// cueSet is a list of cues, each a regular expression on a text's words.
type cueSet []cue

// cue is a compiled cue and the literal its matches start with, looked for
// first: most cues are absent from most texts, and a substring search costs
// less than a call to the regexp package.
type cue struct {
	re     *regexp.Regexp
	prefix string
}

// cues compiles cues.
func cues(exprs ...string) cueSet {
	out := make(cueSet, len(exprs))
	for i, e := range exprs {
		re := regexp.MustCompile(e)
		prefix, _ := re.LiteralPrefix()
		out[i] = cue{re: re, prefix: prefix}
	}
	return out
}

// match says whether one of the cues is in words (cueWords).
func (c cueSet) match(words string) bool {
	for _, q := range c {
		if strings.Contains(words, q.prefix) && q.re.MatchString(words) {
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
// stands, and whether its request (the request sentences as written,
// cueRequest) is about a matter outside any knowledge base (see
// outsideCues).
func askCues(message, request string) (ownCase, outside float64) {
	asked := cueWords(request)
	ownCase = b2f(ownCaseCues.match(cueWords(message)) || otherFileCues.match(asked))
	outside = b2f(outsideCues.match(asked))
	return ownCase, outside
}
