package triage

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSession11Families checks, with the lexicon alone, the families of
// false alarms of session 11 and the cues added beside them.
func TestSession11Families(t *testing.T) {
	checkLexicon(t, []lexiconCase{
		{"a greeting", "Salam, bonjour, je veux inscrire ma fille à la cantine, où trouver le quotient familial ?", Routine, nil},
		{"Arabizi", "salam 3alikoum, smahli ma n3refch nekteb mzyan, j'ai une lettre de la CAF.", Attention, []string{CodeLanguage}},
		{"one delay", "Je n'ai toujours pas reçu l'indemnité inflation, est-ce automatique ?", Routine, nil},
		{"a delay reminded", "Je n'ai toujours rien reçu malgré trois relances.", Attention, []string{CodeRepeatedFailure}},
		{"a debt avoided", "Je ne veux pas me retrouver avec un indu dans un an, comment déclarer ?", Routine, nil},
		{"nothing clicked", "J'ai reçu un SMS pour un colis, j'ai rien cliqué, c'est une arnaque ?", Routine, nil},
		{"a dog without water", "Mon voisin laisse son chien sans eau au fond du jardin.", Routine, nil},
		{"an estate planned", "Je voudrais mettre mes affaires en ordre tant que j'ai toute ma tête et donner ma maison.", Routine, nil},
		{"a bridge", "Je pense à me jeter du pont ce soir.", Urgent, []string{CodeSuicide}},
		{"a friend without French", "I'm writing for my friend because she doesn't speak French.", Attention, []string{CodeLanguage}},
		{"a menu in French", "I can pay, but I can't follow the phone menu in French.", Attention, []string{CodeLanguage}},
	})
}

// TestArabiziWord checks which words read as Arabic in Latin letters.
func TestArabiziWord(t *testing.T) {
	words := []string{"3alikoum", "n3refch", "9bel", "ma3andhach", "3eme", "9h30", "24h", "3", "h24", "bonjour", "7j"}
	var got []string
	for _, w := range words {
		if arabiziWord(w) {
			got = append(got, w)
		}
	}
	if d := cmp.Diff([]string{"3alikoum", "n3refch", "9bel", "ma3andhach"}, got); d != "" {
		t.Errorf("arabizi words (-want +got):\n%s", d)
	}
}
