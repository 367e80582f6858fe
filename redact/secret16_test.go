package redact

import "testing"

// TestSecrets16 covers the passwords after a filler, the one-time codes,
// the card security codes and a card's PIN, with the look-alikes that
// stay.
func TestSecrets16(t *testing.T) {
	tests := []redactCase{
		{"a password after cest", "mon mot de passe cest Chouquette!2022 voila", "mon mot de passe cest [SECRET_1] voila"},
		{"a password after c'est", "mon mdp c'est Lune77? merci", "mon mdp c'est [SECRET_1] merci"},
		{"a password I made", "the password I made is Hunter#67, maybe", "the password I made is [SECRET_1], maybe"},
		{"a password changed for", "j'ai changé mon mot de passe pour Kiwi-Tropik_77 mais", "j'ai changé mon mot de passe pour [SECRET_1] mais"},
		{"a password and its alternative", "mon mdp de lespace c etait kenzo94! ou Kenzo94! jsais plus", "mon mdp de lespace c etait [SECRET_1] ou [SECRET_2] jsais plus"},
		{"a password after a clause and a colon", "jai envoyé mon mdp ANEF a mon cousin : Rouen2024$$ c grave", "jai envoyé mon mdp ANEF a mon cousin : [SECRET_1] c grave"},
		{"a code received by sms", "le code recu par sms, 482913, je lai donné", "le code recu par sms, [SECRET_1], je lai donné"},
		{"a code received in groups", "le code reçu par sms pour débloquer : 481 207.", "le code reçu par sms pour débloquer : [SECRET_1]."},
		{"a bank's code in brackets", "le code reçu par SMS de ma banque (884 153)", "le code reçu par SMS de ma banque ([SECRET_1])"},
		{"a verification code", "they sent me a verification code 552109 but", "they sent me a verification code [SECRET_1] but"},
		{"a card's cryptogram", "le cryptogramme 731 au dos", "le cryptogramme [SECRET_1] au dos"},
		{"a security code", "the security code 318 on the back", "the security code [SECRET_1] on the back"},
		{"a CVV", "CVV 123 et date", "CVV [SECRET_1] et date"},
		{"a card's PIN", "ma carte ne marche plus et le code c'est 0412, je", "ma carte ne marche plus et le code c'est [SECRET_1], je"},
		{"a vehicle's transfer code", "il m a donné le code de cession 7H4K2P mais", "il m a donné le code de cession [SECRET_1] mais"},
		// look-alikes that stay
		{"a case's transfer reference stays a case", "Code de cession : CES-7741-2023", "Code de cession : [DOSSIER_1]"},
		{"a postal code stays", "code postal 75001", "code postal 75001"},
		{"the highway code stays", "le code de la route 2024", "le code de la route 2024"},
		{"the civil code stays", "le code civil 1240", "le code civil 1240"},
		{"an APE code stays", "code APE 5610A", "code APE 5610A"},
		{"a public number stays", "appelez le code 3949 demain", "appelez le code 3949 demain"},
		{"an amount after a card's code stays", "ma carte et le code 1200 euros", "ma carte et le code 1200 euros"},
		{"a long number after a card stays", "la carte et le code 123456", "la carte et le code 123456"},
		{"an sms code's length stays", "un code sms de 6 chiffres", "un code sms de 6 chiffres"},
	}
	checkRedactions(t, tests)
}
