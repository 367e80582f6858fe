package redact

import "testing"

// TestRedactRound18 covers session 13's rules: a Romanian CAF cue and the
// plural "allocataires", a CAF's department ("CAF 13 :"), a CAF number dictated one digit at a time
// further on in the message and repeated in figures in brackets after the
// words; a Romanian card's series with its word, a Portuguese citizen's
// card after "é o nº"; a NIR grouped as a NIR after a case's cue; a town
// of birth after "lieu naiss.", "LDN" and in a form's "Lieu :" field on
// the line after a date of birth, after Darija verbs of birth, with its
// country after a comma or "au"; a disability or a union membership
// denied right before its word, disabled bays, a clumsiness with
// computers, a deafness to requests, a number invalidated, an illness as
// a figure ("un vrai cancer pour l'immeuble"); a court's
// registry; and
// phones with ".." between their pairs, a capital I typed for a one, a
// mobile's four first digits then small groups.
func TestRedactRound18(t *testing.T) {
	checkRedactions(t, []redactCase{
		// CAF numbers
		{"a Romanian CAF cue", "Numărul de alocatar este 2 1 4 5 7 8 9. Am trimis", "Numărul de alocatar este [CAF_1]. Am trimis"},
		{"allocataires in the plural", "Nous sommes allocataires sous le numéro 12.345.67 (CAF de l'Aude).",
			"Nous sommes allocataires sous le numéro [CAF_1] (CAF de l'Aude)."},
		{"dictated further on", "le num allocataire ct celui de ma mere 2 7 8 4 5 1 9 jcrois.",
			"le num allocataire ct celui de ma mere [CAF_1] jcrois."},
		{"figures in brackets after the words", "num allocataire dyali: deux six sept quatre, un neuf huit (2674198). bnti",
			"num allocataire dyali: [CAF_1] ([CAF_2]). bnti"},
		{"the cue's department", "CAF 13 : 2987451. Nouveau portable", "CAF 13 : [CAF_1]. Nouveau portable"},
		{"an age before a colon stays", "J'ai eu 13 ans : 2987451 euros.", "J'ai eu 13 ans : 2987451 euros."},
		{"six dictated digits stay", "la caf m'a dit 2 7 8 4 5 1 fois", "la caf m'a dit 2 7 8 4 5 1 fois"},
		{"a bracketed number after a figure stays", "la caf verse 3 (1234567) euros", "la caf verse 3 (1234567) euros"},
		// identity cards
		{"a Romanian series with its word", "cetățean român, buletin seria MZ nr. 418236. Locuiesc",
			"cetățean român, buletin [CNI_1]. Locuiesc"},
		{"a Portuguese citizen's card", "O meu cartão de cidadão é o nº 10234567 8 ZX1. No ano",
			"O meu cartão de cidadão é o nº [CNI_1]. No ano"},
		// NIR
		{"a NIR's grouping after a case's cue", "pour le dossier de mon pere. voila ses infos: 1 45 12 99 352 231 17 / merci",
			"pour le dossier de mon pere. voila ses infos: [NIR_1] / merci"},
		{"a case number stays a case", "pour le dossier de mon pere. voila ses infos: 2024-145-12993 / merci",
			"pour le dossier de mon pere. voila ses infos: [DOSSIER_1] / merci"},
		// places of birth
		{"lieu naiss.", "M. DIOP Mamadou – ddn 01/05/79 – lieu naiss. Dakar – tds expiré",
			"M. [NOM_1] – ddn [NAISSANCE_1] – lieu naiss. [NAISSANCE_2] – tds expiré"},
		{"a form's place field", "Date de naissance : 12-12-1975\nLieu : Tlemcen (Algérie)\nPasseport",
			"Date de naissance : [NAISSANCE_1]\nLieu : [NAISSANCE_2]\nPasseport"},
		{"a place field after another date stays", "Date du rendez-vous : 12-12-2026\nLieu : Tours\nMerci",
			"Date du rendez-vous : 12-12-2026\nLieu : Tours\nMerci"},
		{"a country after a comma goes with the town", "born on 14 July 1992 in Arequipa, Perú, and I live", "born on [NAISSANCE_1] in [NAISSANCE_2], and I live"},
		{"a country after au goes with the town", "Je suis né à Dakar au Sénégal en 1985.", "Je suis né à [NAISSANCE_1] en 1985."},
		{"a country alone stays", "Je suis né au Sénégal en 1985.", "Je suis né au Sénégal en 1985."},
		{"LDN", "- LDN : Enugu, Nigeria\n- N°", "- LDN : [NAISSANCE_1]\n- N°"},
		{"Darija: he was born in", "w howa tzad f Gabès le 17/09/1979. On a", "w howa tzad f [NAISSANCE_1] le [NAISSANCE_2]. On a"},
		{"Darija: born, feminine", "ana mzyouda f Sfax, w howa", "ana mzyouda f [NAISSANCE_1], w howa"},
		// denied states
		{"a disability denied", "Bonjour, je ne suis pas handicapé mais j'ai 74 ans", "Bonjour, je ne suis pas handicapé mais j'ai 74 ans"},
		{"others' disability denied", "les gens qui ne sont pas handicapés n'ont jamais", "les gens qui ne sont pas handicapés n'ont jamais"},
		{"a union membership denied", "je ne suis pas syndiqué et je", "je ne suis pas syndiqué et je"},
		{"a status not yet granted is told", "Demande l'AAH, pas de RQTH pour l'instant.", "Demande l'[HANDICAP_1], pas de [HANDICAP_2] pour l'instant."},
		{"a disability told", "mon fils est handicapé depuis", "mon fils est [HANDICAP_1] depuis"},
		{"disabled bays", "Can I still park in disabled bays while", "Can I still park in disabled bays while"},
		{"clumsy with computers", "je suis complètement handicapé avec l'informatique, alors", "je suis complètement handicapé avec l'informatique, alors"},
		{"deaf to requests", "on dirait qu'ils sont sourds à l'ANTS. Mon", "on dirait qu'ils sont sourds à l'ANTS. Mon"},
		{"deaf in one ear", "Elle est sourde à l'oreille gauche.", "Elle est [HANDICAP_1] à l'oreille gauche."},
		{"a number invalidated", "si l'ancien numéro est bien invalidé partout", "si l'ancien numéro est bien invalidé partout"},
		{"a person invalid", "mon mari est invalide depuis", "mon mari est [HANDICAP_1] depuis"},
		{"a cancer for the building", "Ce type est un vrai cancer pour l'immeuble, il fait", "Ce type est un vrai cancer pour l'immeuble, il fait"},
		{"a real depression is told", "Elle a une vraie dépression depuis mars.", "Elle a une vraie [SANTE_1] depuis mars."},
		// a court's registry
		{"Greffe civil stays", "Greffe civil du tribunal de Créteil", "Greffe civil du tribunal de Créteil"},
		{"a graft is health", "il a eu une greffe du rein en mars", "il a eu une [SANTE_1] en mars"},
		// phones
		{"pairs between two dots", "Tél : 04 74 85 .. 12 .. 36", "Tél : [TEL_1]"},
		{"pairs between two dots, mobile", "telefone 06 45 .. 82 .. 17 .. 39", "telefone [TEL_1]"},
		{"an ellipsis between figures stays", "J'ai payé 45 ... 12 euros. Entre 1 et 2... 3 fois", "J'ai payé 45 ... 12 euros. Entre 1 et 2... 3 fois"},
		{"a capital I for a one", "mon num O6 3O 7I 48 52 (pardon clavier casse).", "mon num [TEL_1] (pardon clavier casse)."},
		{"a mobile's four digits then small groups", "moi c farid, 0698 33 1 2 4 5", "moi c [NOM_1], [TEL_1]"},
		{"a landline in that grouping stays", "le code 0198 33 1 2 4 5", "le code 0198 33 1 2 4 5"},
	})
}
