package redact

import "testing"

// TestRound19 covers the nineteenth round (issue 10, « redaction that holds
// on real writing »): a tax number wrapped
// across a letter's lines, social housing applications' numbers, names
// written surname first in capitals, lower-case hyphenated surnames,
// signatures, birth years after a birth cue, addresses with no postcode,
// offences and custody in plain words; and what must stay beside them.
func TestRound19(t *testing.T) {
	checkRedactions(t, []redactCase{
		// a tax notice's figures
		{"notice's amount stays", "l'avis de taxe foncière 2024 dit 1 240 €, à payer avant le 15/10", "l'avis de taxe foncière 2024 dit 1 240 €, à payer avant le 15/10"},
		// FISCAL: wrapped across lines
		{"tax number wrapped", "Numéro fiscal : 21 09 384\n   556 017\nObjet : réclamation", "Numéro fiscal : [FISCAL_1]\nObjet : réclamation"},
		{"tax number then a year on the next line stays apart", "Numéro fiscal : 2109384556017\n2024 a été une année difficile", "Numéro fiscal : [FISCAL_1]\n2024 a été une année difficile"},
		// DOSSIER: social housing applications
		{"housing applicant number", "mon numéro de demandeur de logement social 0931124587412, merci", "mon numéro de demandeur de logement social [DOSSIER_1], merci"},
		{"numéro unique", "numéro unique 075122104356789 pour ma demande HLM", "numéro unique [DOSSIER_1] pour ma demande HLM"},
		// NOM: surname first in capitals, lower-case compound surnames
		{"caps surname that is a word, before a first name", "Bonjour, je suis FONTAINE Marie et j'habite à Lyon.", "Bonjour, je suis [NOM_1] et j'habite à Lyon."},
		{"surname and first name both in capitals in a field", "Voici mon RIB.\nTitulaire : M GAUTRAND SYLVIE\nMerci.", "Voici mon RIB.\nTitulaire : M [NOM_1]\nMerci."},
		{"capitals mid-sentence keep a common word", "Voici mon message. URGENT PAUL ne peut pas venir. Merci.", "Voici mon message. URGENT [NOM_1] ne peut pas venir. Merci."},
		{"lower-case hyphenated surname", "moi je suis sa fille, odile perrin-lacaze, mon portable est coupé", "moi je suis sa fille, [NOM_1], mon portable est coupé"},
		{"lower-case surname that is a frequent word", "c'est sa sœur, marie-hélène fontaine, qui gère", "c'est sa sœur, [NOM_1], qui gère"},
		{"a place after a first name stays", "ma fille léa est là-bas.", "ma fille [NOM_1] est là-bas."},
		{"the CAF in capitals stays", "Voici mon message. La CAF DU NORD a écrit. Merci.", "Voici mon message. La CAF DU NORD a écrit. Merci."},
		// ADRESSE: places without a street word, floors, where one lives
		{"floor abbreviated between the unit and the postcode", "au 14 rue Pasteur bât B 2e ét. 42000 Saint-Étienne : fuite", "au [ADRESSE_1] : fuite"},
		{"housing estate after a verb of living", "Ils habitent cité des Lilas bât 2 apt 7, 59000 Lille. Merci", "Ils habitent [ADRESSE_1]. Merci"},
		{"a house's name before its hamlet", "We live at Le Clos, 7 Les Hauts Champs, 24200 Sarlat. Thanks", "We live at [ADRESSE_1]. Thanks"},
		{"a hamlet with a first name's word after a verb of living", "I am living full time at La Rose Blanche, 24250 Domme. Thanks", "I am living full time at [ADRESSE_1]. Thanks"},
		{"a hostel where the person lives", "I live in a CADA in Rennes (4 Les Glycines, 35000 Rennes). Help", "I live in a CADA in Rennes ([ADRESSE_1]). Help"},
		{"an organisation's address asked about stays", "L'adresse de la CAF du Rhône c'est bien 67 boulevard Vivier Merle 69003 Lyon ?", "L'adresse de la CAF du Rhône c'est bien 67 boulevard Vivier Merle 69003 Lyon ?"},
		{"an ordinal and 'et' stay", "et 3e et dernier point : la CAF.", "et 3e et dernier point : la CAF."},
		{"a town alone stays", "We live in Paris since 2019 and we love it.", "We live in Paris since 2019 and we love it."},
		{"a postcode after a town in brackets stays", "Je suis allée à Poitiers (86000) pour le rendez-vous.", "Je suis allée à Poitiers (86000) pour le rendez-vous."},
		// JUSTICE: a term served, parole, the judge of sentences
		{"a term served at a named prison", "sorti en juin (j'ai fait 18 mois à la maison d'arrêt de Nantes), je cherche", "sorti en juin (j'ai [JUSTICE_1]), je cherche"},
		{"a term served in words", "il a passé deux ans au centre pénitentiaire et il travaille", "il a [JUSTICE_1] et il travaille"},
		{"the prison's distance stays", "La maison d'arrêt de Nantes est à 3 km, j'y vais 2 fois par mois.", "La maison d'arrêt de Nantes est à 3 km, j'y vais 2 fois par mois."},
		{"a wait before the prison stays", "Ça fait 3 mois que j'attends, la maison d'arrêt ne répond pas.", "Ça fait 3 mois que j'attends, la maison d'arrêt ne répond pas."},
		{"a former convict", "le voisin dit que c'est un repris de justice.", "le voisin dit que c'est un [JUSTICE_1]."},
		{"parole", "il a besoin d'une adresse pour sa conditionnelle.", "il a besoin d'une adresse pour [JUSTICE_1]."},
		{"the judge of sentences stays", "le juge d'application des peines doit signer ?", "le juge d'application des peines doit signer ?"},
		{"one's own judge of sentences", "mon juge d'application des peines doit signer ?", "[JUSTICE_1] doit signer ?"},
		// NAISSANCE: Arabic months, a date of birth restated in brackets
		{"arabic month in a birth date", "Mon mari, né à Tripoli le 14 أيار 1986, a un passeport", "Mon mari, né à [NAISSANCE_1] le [NAISSANCE_2], a un passeport"},
		{"birth date restated in brackets", "Mon mari, né à Tripoli le 14 أيار 1986 (le 14 mai 1986), a un passeport", "Mon mari, né à [NAISSANCE_1] le [NAISSANCE_2] (le [NAISSANCE_3]), a un passeport"},
		{"restated in figures", "née le 2 avril 1979 (02/04/1979) à Rouen", "née le [NAISSANCE_1] ([NAISSANCE_2]) à [NAISSANCE_3]"},
		{"another date in brackets stays", "née le 12/03/1985 (mars 2020 je crois) à Lyon", "née le [NAISSANCE_1] (mars 2020 je crois) à [NAISSANCE_2]"},
		{"a birth year alone stays", "je suis né en 1961, à quel âge puis-je partir ?", "je suis né en 1961, à quel âge puis-je partir ?"},
		// DOSSIER: case numbers after a foreigner's cue, dates told apart
		{"a long OFPRA number", "Mon numéro OFPRA est 2208-00341977 et j'ai fait un recours.", "Mon numéro OFPRA est [DOSSIER_1] et j'ai fait un recours."},
		{"a receipt's case number", "titulaire du récépissé n° P-31-2025-004417 et de", "titulaire du récépissé n° [DOSSIER_1] et de"},
		{"a case number that starts like a date", "dossier OFPRA 24-11-0093312. La mère", "dossier OFPRA [DOSSIER_1]. La mère"},
		{"a police report", "J'ai une main courante au commissariat de Melun (n° 01192/2025). Merci", "J'ai une main courante au commissariat de Melun (n° [DOSSIER_1]). Merci"},
		{"a date on a residence card stays", "sur sa carte de resident c marque 00/00/1962 pcq", "sur sa carte de resident c marque 00/00/1962 pcq"},
		{"a permit's expiry stays", "mon titre de séjour expire le 12-06-2026, que faire", "mon titre de séjour expire le 12-06-2026, que faire"},
		// NOM: Spanish, Portuguese and Italian civilities
		{"portuguese civility", "o senhorio, sr. Moreau, quer que eu saia", "o senhorio, sr. [NOM_1], quer que eu saia"},
		{"spanish civility", "Mi casera, la Sra. Gómez, no contesta.", "Mi casera, la Sra. [NOM_1], no contesta."},
		{"a French 'pan' stays", "le pan de mur est tombé", "le pan de mur est tombé"},
	})
}
