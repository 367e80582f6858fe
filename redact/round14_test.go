package redact

import "testing"

// TestRedactRound14 covers session 11's rules on cards and on letters of
// other alphabets: a card's expiry date and security code are masked with
// it, sixteen digits after the word "carte" alone are a card even with a
// digit mistyped; amounts, dates and years after a card stay.
func TestRedactRound14(t *testing.T) {
	checkRedactions(t, []redactCase{
		{"a card, its expiry and its code", "Mon numéro de carte 4970 1012 3456 7893 exp 09/27 cvv 123 merci", "Mon numéro de carte [CARTE_1] merci"},
		{"the details after their words", "carte n°4970101234567893 valable jusqu'au 09/27, cryptogramme 123. Merci", "carte n°[CARTE_1]. Merci"},
		{"the details run after the card", "ma cb 4970 1012 3456 7893 09/27 123", "ma cb [CARTE_1]"},
		{"the details between slashes", "CB: 4970101234567893 / 0927 / 123", "CB: [CARTE_1]"},
		{"the three digits on the back", "carte visa 4970 1012 3456 7893, expire fin 09/2027, les 3 chiffres derrière 123", "carte visa [CARTE_1]"},
		{"a card after « carte » alone, a digit mistyped", "voici le numéro de ma carte: 4970101234567892 voilà", "voici le numéro de ma carte: [CARTE_1] voilà"},
		// what must stay
		{"an amount after a card stays", "ma carte bancaire 4970 1012 3456 7893, je vous ai payé 123 € hier", "ma carte bancaire [CARTE_1], je vous ai payé 123 € hier"},
		{"a year and a date after a card stay", "carte bleue 4970 1012 3456 7893 depuis 2019 et 12/03/2024 le prélèvement", "carte bleue [CARTE_1] depuis 2019 et 12/03/2024 le prélèvement"},
		{"a payment's date stays", "Paiement par carte 4970101234567893 le 12/03 de 150 euros", "Paiement par carte [CARTE_1] le 12/03 de 150 euros"},
		{"a carte vitale's number is no card", "ma carte vitale 2 90 04 75 123 456 78", "ma carte vitale [NIR_1]"},
	})
}
