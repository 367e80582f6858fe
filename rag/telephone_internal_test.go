package rag

import (
	"strings"
	"testing"
)

// TestTelephoneHolding checks the extractive telephone draft with no
// reliable passage: a holding answer and follow-up, with nothing factual.
func TestTelephoneHolding(t *testing.T) {
	t.Parallel()
	got := telephoneDraft("Quelle est la recette du gâteau ?", nil)
	want := "À dire au téléphone :\nJe n'ai pas trouvé de fiche officielle qui réponde à votre question. " +
		"Je vérifie auprès du service concerné. Je vous rappelle ou je vous écris dès que j'ai la réponse.\n\n" +
		"Message de suivi (SMS ou courriel) :\nNous vérifions votre demande et revenons vers vous rapidement.\n"
	if got != want {
		t.Errorf("holding telephone draft:\n%s", got)
	}
}

func TestSpoken(t *testing.T) {
	t.Parallel()
	got := spoken("Payez 45 € sur https://www.ants.gouv.fr/payer ou écrivez à aide@exemple.fr, n° 3, 10 % de remise.")
	want := "Payez 45 euros sur (le lien est dans le message de suivi) ou écrivez à (l'adresse est dans le message de suivi), numéro 3, 10 pour cent de remise."
	if got != want || strings.Contains(got, "http") {
		t.Errorf("spoken = %q\nwant %q", got, want)
	}
}
