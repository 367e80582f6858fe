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
		{"TEL", true},
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
