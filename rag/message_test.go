package rag_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/plume-sp/plume/rag"
)

func TestSplitMessage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		text string
		want []rag.Sentence
	}{
		{"greeting, story, question, thanks",
			"Bonjour Madame,\nJ'ai déménagé à Lyon en mars avec mes deux enfants. Comment changer l'adresse de ma carte grise ?\nMerci d'avance, cordialement.",
			[]rag.Sentence{{Text: "J'ai déménagé Lyon en mars avec mes deux enfants.", Weight: 0.5},
				{Text: "Comment changer l'adresse de ma carte grise ?", Weight: 1}}},
		{"request without a question mark",
			"slt jai perdu mon permis hier soir. je voudrais savoir si je peux conduire en attendant",
			[]rag.Sentence{{Text: "jai perdu mon permis hier soir.", Weight: 0.5},
				{Text: "je voudrais savoir si je peux conduire en attendant", Weight: 1}}},
		{"no request told apart: every sentence counts fully",
			"Carte d'identité perdue. Renouvellement urgent.",
			[]rag.Sentence{{Text: "Carte d'identité perdue.", Weight: 1}, {Text: "Renouvellement urgent.", Weight: 1}}},
		{"abbreviations do not cut a sentence; sentences of one word say nothing",
			"M. Dupont a écrit à la préf. en mai. Est-ce normal ?",
			[]rag.Sentence{{Text: "M. Dupont écrit la préf.", Weight: 0.5}, {Text: "Est-ce normal ?", Weight: 1}}},
		{"courtesy and English function words dropped (French ones are stop words already)",
			"Hello, I lost my passport in Paris. How can I get a new one? Thanks, Sent from my iPhone",
			[]rag.Sentence{{Text: "lost passport Paris.", Weight: 0.5}, {Text: "How new one?", Weight: 1}}},
		{"only courtesy", "Bonjour, merci beaucoup !", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, rag.SplitMessage(tt.text)); diff != "" {
				t.Errorf("sentences (-want +got):\n%s", diff)
			}
		})
	}
}
