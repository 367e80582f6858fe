package rag

import (
	"strings"
	"testing"
)

func TestAskCues(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, message, request string
		ownCase, outside       float64
	}{
		{"own file, accents and capitals", "Bonjour, j'ai envoyé mes papiers en mai. Où en est mon dossier ?", "Où en est mon dossier ?", 1, 0},
		{"own file in the story", "Mon dossier est en cours d'instruction depuis trois mois. Que puis-je faire ?", "Que puis-je faire ?", 1, 0},
		{"file number", "Voici mon numéro de dossier, pouvez-vous regarder ?", "pouvez-vous regarder ?", 1, 0},
		{"a question on a procedure", "Comment demander une carte d'identité ? Il faut un rendez-vous ?", "Comment demander une carte d'identité ? Il faut un rendez-vous ?", 0, 0},
		{"town hall matter in the request", "Nous organisons un baptême.", "Combien coûte la salle des fêtes pour les habitants de la commune ?", 0, 1},
		{"town hall mentioned in the story only", "Je suis passée à la cantine de l'école hier.", "Quelles aides pour la rentrée scolaire ?", 0, 0},
		{"another country's card", "Je vis en France.", "Comment renouveler ma carte d'identité belge ?", 0, 1},
		{"another country's consulate", "Je pars vivre à Madrid.", "Faut-il passer au consulat d'Espagne ?", 0, 1},
		{"travel to another country", "Nous partons cet été.", "Quels papiers pour aller en Algérie avec un enfant ?", 0, 0},
		{"how to follow a procedure", "J'ai commandé ma carte.", "Comment savoir où en est la fabrication ?", 0, 0},
		{"private company", "Mon ex utilise mon compte.", "Comment changer le mot de passe Netflix ?", 0, 1},
		{"a word containing a cue", "Je travaille dans une enseigne.", "M. Turcotte a-t-il droit au RSA ?", 0, 0},
	}
	for _, c := range cases {
		own, out := askCues(c.message, c.request)
		if own != c.ownCase || out != c.outside {
			t.Errorf("%s: own case %v, outside %v; want %v, %v", c.name, own, out, c.ownCase, c.outside)
		}
	}
}

// BenchmarkAskCues measures the cues of a long message (about 1,500
// characters), which every search computes.
func BenchmarkAskCues(b *testing.B) {
	message := strings.Repeat("Bonjour, mon fils est né en février à Angers et je voudrais savoir quelles aides demander. ", 16)
	request := "Quelles aides demander pour mon fils ?"
	for b.Loop() {
		askCues(message, request)
	}
}
