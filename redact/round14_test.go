package redact

import "testing"

// TestRedactRound14 covers session 11's rules on cards and dates of birth:
// a card's expiry date and security code are masked with it, sixteen
// digits after the word "carte" alone are a card even with a digit
// mistyped; dates of birth dictated in words with their article, with the
// month by its number or ordinal, and a second person's in the same
// sentence; identifiers dictated digit by digit, after « número », and a
// second person's of the same document; amounts, dates and years after a
// card stay, and so do the dates of another sentence.
func TestRedactRound14(t *testing.T) {
	checkRedactions(t, []redactCase{
		{"a card, its expiry and its code", "Mon numéro de carte 4970 1012 3456 7893 exp 09/27 cvv 123 merci", "Mon numéro de carte [CARTE_1] merci"},
		{"the details after their words", "carte n°4970101234567893 valable jusqu'au 09/27, cryptogramme 123. Merci", "carte n°[CARTE_1]. Merci"},
		{"the details run after the card", "ma cb 4970 1012 3456 7893 09/27 123", "ma cb [CARTE_1]"},
		{"the details between slashes", "CB: 4970101234567893 / 0927 / 123", "CB: [CARTE_1]"},
		{"the three digits on the back", "carte visa 4970 1012 3456 7893, expire fin 09/2027, les 3 chiffres derrière 123", "carte visa [CARTE_1]"},
		{"a card after « carte » alone, a digit mistyped", "voici le numéro de ma carte: 4970101234567892 voilà", "voici le numéro de ma carte: [CARTE_1] voilà"},
		// dates of birth
		{"a dictated date with its article", "je suis né le quatre mars mille neuf cent quarante-sept, voilà", "je suis né [NAISSANCE_1], voilà"},
		{"a dictated date, the year in two words", "née le douze mars quatre-vingt-sept point", "née [NAISSANCE_1] point"},
		{"a day du month de year", "je suis né le 17 du 9 de 1998 à Lyon", "je suis né le [NAISSANCE_1] à [NAISSANCE_2]"},
		{"a day du ordinal month", "née le 12 du septième mois 1975", "née le [NAISSANCE_1]"},
		{"a second person's birth in the sentence", "Julien est né le 21/06/1988 à Angers, moi le 9 septembre 1985 à Cholet. On se",
			"[NOM_1] est né le [NAISSANCE_1] à [NAISSANCE_2], moi le [NAISSANCE_3] à [NAISSANCE_4]. On se"},
		// identifiers
		{"a numéro fiscal dictated digit by digit", "mon numéro fiscal 0 1 9 8 7 6 5 4 3 2 1 0 9. Je vis", "mon numéro fiscal [FISCAL_1]. Je vis"},
		{"a récépissé's number after « número »", "Mi récépissé é o número 0 6 9 1 2 3 4 5 6 7, vence em 30 dias", "Mi récépissé é o número [ETRANGER_1], vence em 30 dias"},
		{"a second foreigner's number in the sentence", "numéro étranger 6 9 0 1 5 7 3 3 2 0 pour lui, 6 9 0 1 5 7 3 3 2 1 pour elle ; merci",
			"numéro étranger [ETRANGER_1] pour lui, [ETRANGER_2] pour elle ; merci"},
		{"a NIR after « numéro sécu » stays a NIR", "sur mon compte marocain. Mon numéro sécu 1 52 09 99 350 114 62. Je pars", "sur mon compte marocain. Mon numéro sécu [NIR_1]. Je pars"},
		// what must stay
		{"a phone after a foreigner's number stays a phone", "numéro étranger 6901573320, appelez le 06 12 34 56 78", "numéro étranger [ETRANGER_1], appelez le [TEL_1]"},
		{"an appointment after a birth stays", "né le 3 mai 1980 à Lyon. Moi le 12 mars 2025 j'ai rendez-vous", "né le [NAISSANCE_1] à [NAISSANCE_2]. Moi le 12 mars 2025 j'ai rendez-vous"},
		{"a month and year after a pronoun stays", "né le 3 mai 1980, lui le mois dernier", "né le [NAISSANCE_1], lui le mois dernier"},
		{"an amount after a card stays", "ma carte bancaire 4970 1012 3456 7893, je vous ai payé 123 € hier", "ma carte bancaire [CARTE_1], je vous ai payé 123 € hier"},
		{"a year and a date after a card stay", "carte bleue 4970 1012 3456 7893 depuis 2019 et 12/03/2024 le prélèvement", "carte bleue [CARTE_1] depuis 2019 et 12/03/2024 le prélèvement"},
		{"a payment's date stays", "Paiement par carte 4970101234567893 le 12/03 de 150 euros", "Paiement par carte [CARTE_1] le 12/03 de 150 euros"},
		{"a carte vitale's number is no card", "ma carte vitale 2 90 04 75 123 456 78", "ma carte vitale [NIR_1]"},
	})
}
