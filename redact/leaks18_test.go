package redact

import "testing"

// TestLeaks18 covers session 18's leaks on real writing: a phone's pairs
// with odd spacing or commas, compound names found in part, a colour
// surname in capitals after "je suis", a NIR's month in words, a card's
// number after a state's code, a local part spelled letter by letter,
// long dashes between dictated groups, a verb after a surname, a floor
// inside an address, God's names; and their twins that must stay.
func TestLeaks18(t *testing.T) {
	checkRedactions(t, []redactCase{
		// TEL: pairs separated with odd spacing, commas, doubled marks
		{"dots spaced on one side", "joignable au 07 33. 62 .91 .84", "joignable au [TEL_1]"},
		{"dots spaced unevenly", "appelez au 02 38 .54. 17 . 09 merci", "appelez au [TEL_1] merci"},
		{"commas", "tel 07 ,45, 12, 88, 30 svp", "tel [TEL_1] svp"},
		{"a double blank after a dot", "mon portable 06.25.  81.40.39 voilà", "mon portable [TEL_1] voilà"},
		{"digits one by one and dots", "num 0 7 5 3 . 1 8 4 . 2 6 0 ok", "num [TEL_1] ok"},
		{"a dot then a line break", "tel 06 70 18 .\n 92 31", "tel [TEL_1]"},
		{"doubled dashes", "tel 06--12--34--56--78", "tel [TEL_1]"},
		{"doubled slashes", "tel 06//12//34//56//78", "tel [TEL_1]"},
		{"a list of small numbers stays", "j'ai 02, 03, 04 enfants, 05 ans", "j'ai 02, 03, 04 enfants, 05 ans"},
		{"quantities after a comma stay", "il reste 2, 15 et 30 euros", "il reste 2, 15 et 30 euros"},
		// TEL: dictated groups between long dashes or hiding marks
		{"long dashes between words", "appelez-moi au zéro six — trente et un — cinquante-huit — zéro quatre — quatre-vingt-dix-neuf merci", "appelez-moi au [TEL_1] merci"},
		{"stars between words", "tel zéro six ** douze ** 34 ** 56 ** 78", "tel [TEL_1]"},
		// NOM: compounds found in part
		{"a compound first name before a surname", "ma femme Marie-France Petit qui a", "ma femme [NOM_1] qui a"},
		{"a compound surname with a particle", "Cordialement,\nAnne-Sophie Guillou-Le Bihan", "Cordialement,\n[NOM_1]"},
		{"a sender's compound", "From: Gareth Pryce-Jones <g.pryce.jones@btinternet.com>", "From: [NOM_1] <[EMAIL_1]>"},
		{"a sender's compound surname", "From: Sébastien Marie-Sainte <seb.marie-sainte@outlook.fr>", "From: [NOM_1] <[EMAIL_1]>"},
		{"a compound surname in capitals", "Bonjour, je suis madame BLANC-PETIT, ma fille", "Bonjour, je suis madame [NOM_1], ma fille"},
		{"a place's compound stays", "l'école privée Sainte-Anne à Vannes", "l'école privée Sainte-Anne à Vannes"},
		// NOM: a colour surname in capitals after "je suis"
		{"a colour surname", "je suis BLANC et je conteste la décision", "je suis [NOM_1] et je conteste la décision"},
		{"a colour surname before j'", "Je suis ROUX et j'ai reçu un courrier", "Je suis [NOM_1] et j'ai reçu un courrier"},
		{"a stressed adjective stays", "je suis EPUISEE et je ne sais pas", "je suis EPUISEE et je ne sais pas"},
		{"a stressed state stays", "je suis TRISTE et je ne sais pas", "je suis TRISTE et je ne sais pas"},
		{"a colour in lower case stays", "je suis blanc et je tremble", "je suis blanc et je tremble"},
		// NOM: a verb with its object after a surname
		{"a verb after a civility's surname", "M. Dupuis conteste ma demande.", "M. [NOM_1] conteste ma demande."},
		{"a verb after a surname", "Mon propriétaire Madame Dupuis ignore mes courriers.", "Mon propriétaire Madame [NOM_1] ignore mes courriers."},
		{"a verb after a full name", "je m'appelle Paul Durand conteste la décision", "je m'appelle [NOM_1] conteste la décision"},
		{"a lower-case surname after a first name stays in", "M. Jean dupont la semaine dernière", "M. [NOM_1] la semaine dernière"},
		// NOM: God's names
		{"in God's name", "je vous le demande au nom de Dieu", "je vous le demande au nom de Dieu"},
		{"a person's name after au nom de", "au nom de Martin Dupont", "au nom de [NOM_1]"},
		// NIR: a month in one word
		{"a NIR's month in words", "mon numéro de sécu un 85 cinq 78 006 084 36", "mon numéro de sécu [NIR_1]"},
		{"a NIR partly in words", "numéro de sécurité sociale : un quatre-vingt-cinq cinq 78 006 084 36", "numéro de sécurité sociale : [NIR_1]"},
		// ETRANGER: a state's code before the number
		{"an English residence permit", "my residence permit number is FRA1234567", "my residence permit number is [ETRANGER_1]"},
		{"a titre de séjour's card number", "numéro de titre de séjour FRA023187764", "numéro de titre de séjour [ETRANGER_1]"},
		{"a state's code without a cue stays", "le vol FRA1234567 est parti", "le vol FRA1234567 est parti"},
		// EMAIL: a local part spelled letter by letter
		{"a spelled local part", "mail : f.r.a.n.c.k.m.a.u.r.i.n (arobase) sfr.fr", "mail : [EMAIL_1]"},
		{"words for at and dot", "mon mail c'est jean . dupont arobase gmail point com merci", "mon mail c'est [EMAIL_1] merci"},
		{"bracketed at and dot", "contact: jean.dupont [at] gmail [dot] com", "contact: [EMAIL_1]"},
		// ADRESSE: a floor between the street and the town
		{"a floor with words after it", "J'habite 58 av. Foch, 3e étage sans ascenseur, 94100 Saint-Maur depuis 2010.", "J'habite [ADRESSE_1] depuis 2010."},
		{"a floor in two tokens", "on est au 3 rue Fosse aux Loups, 13 ème etage, 59000 Lille. merci", "on est au [ADRESSE_1]. merci"},
		{"an English floor", "J'habite 12 rue des Lilas, 2nd floor, 75011 Paris.", "J'habite [ADRESSE_1]."},
	})
}

// TestOrdinalSuffix covers ordinalSuffix, the suffixes of a floor's
// ordinal.
func TestOrdinalSuffix(t *testing.T) {
	for s, want := range map[string]bool{"e": true, "ème": true, "eme": true, "er": true, "nd": true, "th": true, "x": false, "": false, "etage": false} {
		if got := ordinalSuffix(s); got != want {
			t.Errorf("ordinalSuffix(%q) = %v, want %v", s, got, want)
		}
	}
}
