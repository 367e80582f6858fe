package redact

import "testing"

// TestRedactRound17 covers session 12's identifier rules: the residence
// permits named in English and Algeria's certificat de résidence, a
// foreigner's number dictated a digit at a time after its English name,
// "number is" after a document's name and its bracket, an application
// number, and the cases that a foreigner's cue announces (a case's number
// with slashes or a year between dashes is a case, not an AGDREF number);
// a case's number after a court's name and a colon, after a reference
// whose legal word is in another clause, with its letter before a dash,
// and after an agent's, a veteran's, an MDPH, ALD or Spanish appeal's cue;
// a date of birth with a letter O typed for a zero, a place of birth after
// Spanish and Portuguese "natural de", and a name after
// Darija's "smiti" (my name); a finger or a toe amputated as health, a
// limb as a disability, a stay in hospital told in the first person,
// "paralysed", a stroke without "cérébral"; a phone's pairs between
// spaced dots, and dictated digits with a double space.
func TestRedactRound17(t *testing.T) {
	checkRedactions(t, []redactCase{
		{"a residence card", "We hold the residence card (mine is number 24 0 61 88 203, hers 24 0 61 88 204).",
			"We hold the residence card (mine is number [ETRANGER_1], hers [ETRANGER_2])."},
		{"a certificat de résidence", "elle a un certificat de résidence de 10 ans n°1302345678 qui expire",
			"elle a un certificat de résidence de 10 ans n°[ETRANGER_1] qui expire"},
		{"a foreign national number dictated", "My foreign national number is 7 5 0 3 1 1 2 8 4 9. My",
			"My foreign national number is [ETRANGER_1]. My"},
		{"number is after a bracket", "My carte de séjour (Withdrawal Agreement) number is 2401234567. I",
			"My carte de séjour (Withdrawal Agreement) number is [ETRANGER_1]. I"},
		{"an application number", "application number 2026-0048871, but", "application number [DOSSIER_1], but"},
		{"an OFII case number", "validated online, OFII number 44-2026-7781. I use", "validated online, OFII number [DOSSIER_1]. I use"},
		{"a receipt's number with slashes", "J'ai porté plainte, récépissé n° 26/00/12345. Marc", "J'ai porté plainte, récépissé n° [DOSSIER_1]. [NOM_1]"},
		{"a court's name before the colon", "Mon n° de dossier au tribunal correctionnel de Tours : 24012000087. Mon",
			"Mon n° de dossier au tribunal correctionnel de Tours : [DOSSIER_1]. Mon"},
		{"a legal word in another clause", `shows "dossier en cours d'instruction" under reference 2024-LIM-0048812. I`,
			`shows "dossier en cours d'instruction" under reference [DOSSIER_1]. I`},
		{"a letter before the dash", "contrat n° L-0045871-22. Je", "contrat n° [DOSSIER_1]. Je"},
		{"an agent's number", "Agent n° 004512. Je", "Agent n° [DOSSIER_1]. Je"},
		{"a veteran's card", "(carte du combattant n° 21 084 577), né", "(carte du combattant n° [DOSSIER_1]), né"},
		{"an MDPH number", "Numéro MDPH : 76-2019-004587.", "Numéro MDPH : [DOSSIER_1]."},
		{"a long illness's number", "(ALD n° 2023-ALD-55821)", "(ALD n° [DOSSIER_1])"},
		{"a Spanish appeal", "recurso n° 25041873. Mi", "recurso n° [DOSSIER_1]. Mi"},
		// what stays
		{"a decree's number stays", "voir la référence du décret 2023-1234 du texte", "voir la référence du décret 2023-1234 du texte"},
		{"the agent said three times", "l'agent m'a dit 3 fois non", "l'agent m'a dit 3 fois non"},
		// dates of birth and names
		{"a letter O for a zero in a date of birth", "Je suis né le 23 O3 1996 (le clavier bug dsl).", "Je suis né le [NAISSANCE_1] (le clavier bug dsl)."},
		{"with slashes", "née le 3/O5/1985 à", "née le [NAISSANCE_1] à"},
		{"an appointment with a letter O stays", "rdv le 23 O3 2026 à 10h", "rdv le 23 O3 2026 à 10h"},
		{"natural de", "Juan, natural de Sevilla, y vivo en Lyon.", "[NOM_1], natural de [NAISSANCE_1], y vivo en Lyon."},
		{"natural de before a country stays", "natural de Marruecos, vivo en Lyon", "natural de Marruecos, vivo en Lyon"},
		{"ana smiti", "Salam alikoum, ana smiti Belkacem Haddad, 71 ans, retraité de Renault", "Salam alikoum, ana smiti [NOM_1], 71 ans, retraité de Renault"},
		{"smiti before a name in lower case", "salam, ana smiti youssef, j'ai 19 ans", "salam, ana smiti [NOM_1], j'ai 19 ans"},
		// health and disability
		{"a toe amputated is an injury", "Diabétique, amputé d'un orteil l'an dernier", "[SANTE_1], [SANTE_2] l'an dernier"},
		{"a leg amputated is a disability", "il est amputé de la jambe gauche", "il est [HANDICAP_1]"},
		{"in hospital for a knee", "pck j etais a l hopital pour mon genou, j ai", "pck [SANTE_1], j ai"},
		{"paralysed in English", "and is now partially paralysed on his left side.", "and is now partially [HANDICAP_1] on his left side."},
		{"a stroke without its last word", "depuis son accident vasculaire. Né", "depuis son [SANTE_1]. Né"},
		{"the hospital's address stays", "l'hôpital pour enfants est au bout de la rue", "l'hôpital pour enfants est au bout de la rue"},
		// numbers in odd formats
		{"a phone with spaced dots", "mon portable 06 . 32 . 18 . 77 . 04, je", "mon portable [TEL_1], je"},
		{"an age with a spaced dot stays", "il a 12 . 34 ans", "il a 12 . 34 ans"},
		{"dictated digits with two spaces", "my CAF number is 8  0 2 9 1 1 3 and my", "my CAF number is [CAF_1] and my"},
		// what stays a foreigner's number
		{"a receipt's AGDREF number", "récépissé n° 7503112849 valable", "récépissé n° [ETRANGER_1] valable"},
	})
}
