package rag

import (
	"context"
	"testing"

	"github.com/plume-sp/plume/redact"
)

func TestNamesSubject(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"Bonjour, je suis Marie Durand, tel 06 12 34 56 78, merci de me rappeler.", false},
		{"Bonjour, pouvez-vous m'aider ?", false},
		{"Mon mail : marie.durand@example.org, mon portable 06 12 34 56 78", false},
		{"Je m'appelle Marie Durand, née le 12/03/1980", false},
		{"Merci d'avance pour votre réponse. Cordialement, Marie Durand", false},
		{"mon numéro fiscal 3012345678901", false},
		{"Mon NIR 1 84 12 75 108 234 56 merci", false},
		{"Bonjour, voici mon numéro de sécurité sociale : 1 84 12 75 108 234 56. Cordialement", false},
		{"mon IBAN FR76 3000 6000 0112 3456 7890 189", false},
		{"mon numéro fiscal est le 1234567890123 et mon numéro CAF 7654321", false},
		// Black-box round 2 of session 20: typos, SMS greetings, a call
		// back in English, courtesy closings, « c'est important ».
		{"bonjour merci de me rapeler svp", false},
		{"Bjr, rappelez moi au 0611223344 merci", false},
		{"Bonjour, pouvez-vous me rappeler ? C'est important.", false},
		{"Merci pour votre réponse rapide, bonne journée !", false},
		{"allo? vous etes la? c'est pour mon dossier", false},
		{"Hello, can you call me back please?", false},
		{"Rappelez-moi lundi matin ou demain après-midi", false},
		// Black-box round 2 of session 22: a call back told as a story.
		{"Bonjour, c'est encore moi, vous m'aviez dit de rappeler lundi, alors je rappelle.", false},
		{"On m'a dit de rappeler pour ma carte grise.", true},
		{"La journée de solidarité est-elle payée ?", true},
		{"Où en est mon dossier de naturalisation ?", true},
		{"TEL", true},
		// The documents' own words ask about them (the session's final review).
		{"demande de passeport 18AB12345", true},
		{"aide passeport 18AB12345", true},
		{"Problème avec ma carte bancaire 4970 1012 3456 7890", true},
		{"info permis de conduire 123456789012", true},
		{"Urgent : mon titre de séjour 7501234567", true},
		{"Mon numéro fiscal 3012345678901 : comment payer ma taxe foncière ?", true},
		{"Quel est mon numéro fiscal ?", true},
		{"nom", true},
		{"Mon téléphone a été volé", true},
		{"Bonjour, je voudrais changer le nom de mon enfant, tel 06 12 34 56 78", true},
		{"Pouvez-vous m'aider à renouveler mon passeport ?", true},
	} {
		red, err := redact.Redact(context.Background(), tt.text, redact.DefaultPolicy())
		if err != nil {
			t.Fatal(err)
		}
		if got := namesSubject(red.Text); got != tt.want {
			t.Errorf("namesSubject(%q) = %v, want %v", red.Text, got, tt.want)
		}
	}
}

// TestHasWordEscapes checks that terminal escape sequences are no words:
// a question that is only one (« \x1b[31m », black-box round 1) is refused
// as holding no word rather than drafted.
func TestHasWordEscapes(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]bool{
		"\x1b[31m":                   false,
		"\x1b[1;31m\x1b[0m !":        false,
		"\x1b]0;titre\x07":           false,
		"\x1b]0;titre\x1b\\":         false,
		"\x1b[31mcarte grise\x1b[0m": true,
		"passeport":                  true,
	} {
		if got := hasWord(text); got != want {
			t.Errorf("hasWord(%q) = %v, want %v", text, got, want)
		}
	}
}
