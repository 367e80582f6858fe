package redact

import "testing"

// TestLeaks covers values a black-box tester saw reach the prompt: an
// IBAN read as a case number after « dossier », a date of birth told year
// first, lower-case names with particles after a self-introduction, a
// mobile dictated in words without its zero; and what must stay beside
// them.
func TestLeaks(t *testing.T) {
	checkRedactions(t, []redactCase{
		// checksum-confirmed values take precedence over a case number's cue
		{"an IBAN after dossier", "Dossier IBAN DE89 3704 0044 0532 0130 00", "Dossier IBAN [IBAN_1]"},
		{"a French IBAN after dossier", "dossier : IBAN FR76 3000 6000 0112 3456 7890 189 merci", "dossier : IBAN [IBAN_1] merci"},
		{"a NIR after dossier", "dossier de ma mère 2 55 08 14 168 025 38 svp", "dossier de ma mère [NIR_1] svp"},
		{"a card after dossier and its word", "dossier carte bancaire 4970 1012 3456 7893 bloquée", "dossier carte bancaire [CARTE_1] bloquée"},
		{"a case number that fails the checks stays a case", "Dossier n° 2024-118943 en cours", "Dossier n° [DOSSIER_1] en cours"},
		{"a case number that passes Luhn by chance stays a case", "numéro de dossier 4970 1012 3456 7893 à rappeler", "numéro de dossier [DOSSIER_1] à rappeler"},
		// a date of birth told year first, or its year after the day
		{"year then day in words", "je suis née en 1987 le trois mars, à Brest", "je suis née en [NAISSANCE_1], à [NAISSANCE_2]"},
		{"year then day in digits", "il est né en 1990 le 12 juin à Oran", "il est né en [NAISSANCE_1] à [NAISSANCE_2]"},
		{"year, a comma, then the day: the day goes", "née en 1987, le 3 mars", "née en 1987, le [NAISSANCE_1]"},
		{"year then the first of the month", "née en 1987 le 1er mars à Lyon", "née en [NAISSANCE_1] à [NAISSANCE_2]"},
		{"day and month then the year", "née un 3 mars, en 1987", "née un [NAISSANCE_1]"},
		{"day and month then the year with de", "né le 14 juillet de 1979 je crois", "né le [NAISSANCE_1] je crois"},
		{"a birth year alone stays", "je suis née en 1987, à quel âge la retraite ?", "je suis née en 1987, à quel âge la retraite ?"},
		{"a year then an appointment stays", "né en 1975, rdv le trois mars", "né en 1975, rdv le trois mars"},
		{"a year far after the day stays", "née le 3 mars, arrivée en France en 2015", "née le [NAISSANCE_1], arrivée en France en 2015"},
		// lower-case names after a self-introduction
		{"hyphenated surname in SMS style", "slt cé moi nadia benali-ferreira", "slt cé moi [NOM_1]"},
		{"civility, n' surname and first name", "je suis mme n'diaye aminata", "je suis mme [NOM_1]"},
		{"d' surname after a civility", "je suis mr d'souza kevin, merci", "je suis mr [NOM_1], merci"},
		{"el- surname after a first name", "moi c'est karim el-amrani", "moi c'est [NOM_1]"},
		{"ben- surname after a first name", "moi c'est sami ben-youssef et j'ai une question", "moi c'est [NOM_1] et j'ai une question"},
		{"ould- surname after a first name", "moi c'est fatima ould-ahmed", "moi c'est [NOM_1]"},
		{"capitalised El- surname", "Bonjour, moi c'est Karim El-Amrani.", "Bonjour, moi c'est [NOM_1]."},
		{"an article's hyphen stays apart", "je suis marie la-bas", "je suis [NOM_1] la-bas"},
		// a mobile dictated in words without its zero, after a phone cue
		{"mobile in words after appelez-moi", "appelez-moi au six douze trente-quatre cinquante-six soixante-dix-huit", "appelez-moi au [TEL_1]"},
		{"mobile in words after mon numéro", "mon numéro c'est le sept vingt-deux trente-trois quarante-quatre cinquante-cinq merci", "mon numéro c'est le [TEL_1] merci"},
		{"mobile in words after tél", "tél : six douze trente-quatre cinquante-six soixante-dix-huit", "tél : [TEL_1]"},
		{"mobile in words with commas after joignable", "joignable au six, douze, trente-quatre, cinquante-six, soixante-dix-huit", "joignable au [TEL_1]"},
		{"an amount in words stays", "appelez-moi au sujet des six cent douze euros", "appelez-moi au sujet des six cent douze euros"},
		{"a date and an age in words stay", "appelez-moi le six douze, j'ai trente-quatre ans", "appelez-moi le six douze, j'ai trente-quatre ans"},
		{"five numbers without a phone cue stay", "j'ai six douze trente-quatre cinquante-six soixante-dix-huit", "j'ai six douze trente-quatre cinquante-six soixante-dix-huit"},
		{"four groups after the cue stay", "appelez-moi au six douze trente-quatre cinquante-six", "appelez-moi au six douze trente-quatre cinquante-six"},
	})
}
