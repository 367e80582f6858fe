package redact

import "testing"

// TestLeaks17b covers the leaks a black-box tester found in round 17:
// codes without a possessive, a NIR partly in words, an IBAN in odd
// grouping, mobiles after their country's name, an address with "chez";
// and the amounts and public numbers that must stay.
func TestLeaks17b(t *testing.T) {
	checkRedactions(t, []redactCase{
		// SECRET: codes without a possessive
		{"an access code without a verb", "code d'accès 4471", "code d'accès [SECRET_1]"},
		{"an access code with a possessive", "mon code d'accès est 4471", "mon code d'accès est [SECRET_1]"},
		{"a service's space code", "le code de mon espace est 9X8Y7Z", "le code de mon espace est [SECRET_1]"},
		{"a named service's code", "code France Connect : 556677", "code France Connect : [SECRET_1]"},
		{"a code then the place it opens", "code 4471 pour le portail", "code [SECRET_1] pour le portail"},
		{"a building's digicode", "le digicode de l'immeuble est 45B12", "le digicode de l'immeuble est [SECRET_1]"},
		{"a digicode right after its word", "digicode 1234 au fond", "digicode [SECRET_1] au fond"},
		{"a door's code after a colon", "code de la porte : 7A21", "code de la porte : [SECRET_1]"},
		{"a German password", "mein Passwort ist Sonne123", "mein Passwort ist [SECRET_1]"},
		{"a Spanish password", "mi contraseña es Luna2024", "mi contraseña es [SECRET_1]"},
		{"a postcode stays", "code postal 75015", "code postal 75015"},
		{"an activity code stays", "code APE 5610A", "code APE 5610A"},
		{"a code's article stays", "article 12 du code civil", "article 12 du code civil"},
		{"the highway code stays", "code de la route", "code de la route"},
		{"a form's number stays", "CERFA 12345*01", "CERFA 12345*01"},
		{"a form's box stays", "code 1 du formulaire", "code 1 du formulaire"},
		{"an activity code by name stays", "code NAF 5610A", "code NAF 5610A"},
		{"a promotion code stays", "code promo NOEL20", "code promo NOEL20"},
		{"a service number after an access cue stays", "code d'accès 3949 puis tapez 1", "code d'accès 3949 puis tapez 1"},
		{"a place's code length stays", "le digicode de 4 chiffres", "le digicode de 4 chiffres"},
		{"a site's code in a sentence stays", "le code du site est en panne", "le code du site est en panne"},
		// NIR partly in words
		{"a NIR partly in words", "Ma sécu : un quatre-vingt-cinq douze 75 108 012 34.", "Ma sécu : [NIR_1]."},
		{"a NIR without its key after its cue", "Ma sécu : 1 85 douze 75 108 012", "Ma sécu : [NIR_1]"},
		{"numbers in words without a cue stay", "il a payé un quatre-vingt-cinq douze 75 108 012 34 fois", "il a payé un quatre-vingt-cinq douze 75 108 012 34 fois"},
		// IBAN in odd grouping
		{"an IBAN's country spelled apart", "IBAN F R 7 6 3000 6000 0112 3456 7890 189", "IBAN [IBAN_1]"},
		{"an IBAN's country in lower case", "compte fr 76 3000 6000 0112 3456 7890 189", "compte [IBAN_1]"},
		{"lower-case letters before an age stay", "il a fr 76 ans", "il a fr 76 ans"},
		// foreign mobiles after a country
		{"a Spanish mobile", "Espagne 612 34 56 78", "Espagne [TEL_1]"},
		{"a Senegalese mobile", "au Sénégal 77 123 45 67", "au Sénégal [TEL_1]"},
		{"a German mobile", "Allemagne 0151 23456789", "Allemagne [TEL_1]"},
		{"a Portuguese mobile", "Portugal 912 345 678", "Portugal [TEL_1]"},
		{"a Cameroonian mobile after a colon", "ma mère au Cameroun: 6 71 23 45 67", "ma mère au Cameroun: [TEL_1]"},
		{"a year after a country stays", "Espagne 2024", "Espagne 2024"},
		{"a duration after a country stays", "au Sénégal 3 mois", "au Sénégal 3 mois"},
		{"an amount after a country stays", "Portugal 12 345 €", "Portugal 12 345 €"},
		{"a mobile's digits as an amount stay", "en Espagne 612 34 56 78 euros", "en Espagne 612 34 56 78 euros"},
		// e-mail with "chez"
		{"an address with chez and spelled dots", "écrivez à jeandupont chez gmail point com", "écrivez à [EMAIL_1]"},
		{"an account at a provider stays", "j'ai un compte chez gmail point com", "j'ai un compte chez gmail point com"},
		{"a job at a firm stays", "il travaille chez orange point com", "il travaille chez orange point com"},
		// amounts are never a case number
		{"an amount with cents after avis", "Il a reçu un avis de 1 234,56 € à payer", "Il a reçu un avis de 1 234,56 € à payer"},
		{"a notice's number stays masked", "avis d'imposition n° 1234567", "avis d'imposition n° [DOSSIER_1]"},
		// public numbers
		{"a free number as printed", "0 800 00 12 34 (numéro vert)", "0 800 00 12 34 (numéro vert)"},
		{"a free number after a call", "Appelez le 0 800 00 12 34 (numéro vert)", "Appelez le 0 800 00 12 34 (numéro vert)"},
		{"a free number in threes", "le numéro vert 0 805 123 456", "le numéro vert 0 805 123 456"},
		{"a 09 69 service number", "appelez le 09 69 32 26 26 pour impots", "appelez le 09 69 32 26 26 pour impots"},
		{"a short number stays", "appelez le 3230 pour impots", "appelez le 3230 pour impots"},
		{"my own 09 69 line", "mon fixe 09 69 32 26 26", "mon fixe [TEL_1]"},
		{"my own 09 box line", "mon fixe 09 51 32 26 26", "mon fixe [TEL_1]"},
		{"a 09 box line after a call", "appelez le 09 51 32 26 26", "appelez le [TEL_1]"},
	})
}
