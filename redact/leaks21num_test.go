package redact

import "testing"

// TestLeaks21Num covers session 21's black-box leaks of numbers, identifiers
// and secrets and their look-alikes that must stay: PINs and passwords
// said casually, a Portuguese citizen card, an IBAN dictated one
// character at a time, Belgian, Swiss and Irish numbers.
func TestLeaks21Num(t *testing.T) {
	checkRedactions(t, []redactCase{
		// SECRET: codes said casually
		{"a PIN recalled after it was asked", "Quel est votre code PIN ? je crois que c'est 4821",
			"Quel est votre code PIN ? je crois que c'est [SECRET_1]"},
		{"a card's secret code", "mon code secret de carte bleue est le 0912", "mon code secret de carte bleue est le [SECRET_1]"},
		{"le code c'est", "le code c'est 7788", "le code c'est [SECRET_1]"},
		{"a PIN spaced", "mon PIN c 1 9 7 3", "mon PIN c [SECRET_1]"},
		{"a card's code in words", "mon code de carte c'est quatre huit deux un", "mon code de carte c'est [SECRET_1]"},
		{"an access code recalled in a note", "Note agent : code d'accès à l'espace personnel, elle ne se souvient plus, c'était Marseille13",
			"Note agent : code d'accès à l'espace personnel, elle ne se souvient plus, c'était [SECRET_1]"},
		{"a password recalled, two tries", "jme souviens plus du mdp, jcrois c etait kevin69lyon ou kevin69lyon! jsais plus",
			"jme souviens plus du mdp, jcrois c etait [SECRET_1] ou [SECRET_2] jsais plus"},
		{"a password to log in with", "essayez kl13kl13 pour vous connecter", "essayez [SECRET_1] pour vous connecter"},
		{"an eight-digit code after mon code c", "mon code c 05121997 (ma date de naissance)", "mon code c [SECRET_1] (ma date de naissance)"},
		{"an amount recalled stays", "je crois que c'est 4821 euros", "je crois que c'est 4821 euros"},
		{"a recollection without a code stays", "je crois que c'est 2019 qu'on a déménagé", "je crois que c'est 2019 qu'on a déménagé"},
		{"a postal code stays", "le code postal 75011, je crois que c'est 75011", "le code postal 75011, je crois que c'est 75011"},
		{"a postal code after c'est stays", "le code c'est le 75011 pour la ville", "le code c'est le 75011 pour la ville"},
		{"public numbers stay", "appelez le 3939 ou le 3646", "appelez le 3939 ou le 3646"},
		{"the highway code stays", "le code de la route c'est compliqué", "le code de la route c'est compliqué"},
		{"a form's number stays", "le formulaire cerfa 12345*01", "le formulaire cerfa 12345*01"},
		{"an article stays", "article 4821 du code civil", "article 4821 du code civil"},
		{"a date after a code stays", "mon code secret est bloqué depuis le 12/03", "mon code secret est bloqué depuis le 12/03"},
		{"an hour after a code stays", "le code c'est 10:30 le rendez-vous", "le code c'est 10:30 le rendez-vous"},
		{"a try without logging in stays", "essayez kl13kl13 demain", "essayez kl13kl13 demain"},
		{"a password after a clause", "le mot de passe qu'elle a choisi est Tikaz-Mamie48, mais",
			"le mot de passe qu'elle a choisi est [SECRET_1], mais"},
		{"a password changed to", "mon mot de passe « Minou1941 » je l'ai changé en « Minou1941!chat » hier",
			"mon mot de passe « [SECRET_1] » je l'ai changé en « [SECRET_2] » hier"},
		{"a year after changé en stays", "j'ai changé en 2020 de banque, mot de passe oublié", "j'ai changé en 2020 de banque, mot de passe oublié"},
		{"a password from which it changed", "I changed the password from Tournesol!88 to something else",
			"I changed the password from [SECRET_1] to something else"},
		{"a code sent after a card", "I entered my card and then the code 884213 that my bank sent me",
			"I entered my card and then the code [SECRET_1] that my bank sent me"},
		// identifiers
		{"a NIR wrapped across lines", "mon numéro de sécu c'est le 2 36 08 33\n063 027 41 (comme sur ma carte)",
			"mon numéro de sécu c'est le [NIR_1] (comme sur ma carte)"},
		{"a phone wrapped across lines stays a phone", "mon numéro de sécu est sur la carte, tel 05 58 74\n12 30",
			"mon numéro de sécu est sur la carte, tel [TEL_1]"},
		{"a NIR's key after puis la clé", "mon num secu 2 97 12 59 350 118 puis la cle 27", "mon num secu [NIR_1]"},
		{"a passport's letters apart from its digits", "Her passport: FE 418273, mine: FT 902214.", "Her passport: [PASSEPORT_1], mine: [PASSEPORT_2]."},
		{"a passport spelled digit by digit", "My passport is Indian, Z 4 8 1 9 2 7 3.", "My passport is Indian, [PASSEPORT_1]."},
		{"a time and short groups after a passport stay", "passeport perdu, RDV le 12 à 14h, AB 12 34", "passeport perdu, RDV le 12 à 14h, AB 12 34"},
		{"an old plate near its word", "(immat ancien format 7431 QT 973)", "(immat ancien format [PLAQUE_1])"},
		{"a plate in lower case", "la plaque c fx 719 qb, la voiture", "la plaque c [PLAQUE_1], la voiture"},
		{"a plate before its word", "Berlingo gris, 1987 ZB 29 — vieille plaque", "Berlingo gris, [PLAQUE_1] — vieille plaque"},
		{"a Swiss plate", "Voiture immatriculée en Suisse GE 481 227, veut savoir", "Voiture immatriculée en Suisse [PLAQUE_1], veut savoir"},
		{"a year and a street number near a plate's word stay", "immatriculée en 2019 au 12 rue", "immatriculée en 2019 au 12 rue"},
		{"a date near a plate's word stays", "ma plaque est tombée le 12 mai 2024", "ma plaque est tombée le 12 mai 2024"},
		{"a reference with letters after num", "ma convention de stage num CS-2024-7781 avec", "ma convention de stage num [DOSSIER_1] avec"},
		{"a reference after n°", "carte professionnelle (n° CAR-075-2027-03-14-20190456789)", "carte professionnelle (n° [DOSSIER_1])"},
		{"a reference after c", "le num de ma candidature c CAND-2024-33817", "le num de ma candidature c [DOSSIER_1]"},
		{"a model's reference stays", "le modèle SM-G991B-2024 est en panne", "le modèle SM-G991B-2024 est en panne"},
		{"a Portuguese citizen card", "carte citoyen portugaise n° 12345678 9 ZZ1", "carte citoyen portugaise n° [CNI_1]"},
		{"an IBAN dictated one character at a time", "mon IBAN : F R 7 6 1 0 0 9 6 0 0 0 0 0 1 2 3 4 5 6 7 8 9 0 1 2 3", "mon IBAN : [IBAN_1]"},
		{"a Belgian national number", "numéro national belge 85.07.30-033.61", "numéro national belge [CNI_1]"},
		{"an Irish PPS number", "My PPS number is 1234567TA", "My PPS number is [NIR_1]"},
		{"a Swiss AVS number spaced", "N° AVS : 756 . 9217 . 4403 . 62.", "N° AVS : [ETRANGER_1]."},
		{"letters and digits without PPS stay", "le modèle 1234567TA est en rupture", "le modèle 1234567TA est en rupture"},
		{"a year after PPS stays", "PPS 2024 : le plan est prêt", "PPS 2024 : le plan est prêt"},
	})
}
