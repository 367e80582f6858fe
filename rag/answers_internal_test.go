package rag

import (
	"testing"

	"github.com/plume-sp/plume/store"
)

func TestAnswerScore(t *testing.T) {
	t.Parallel()
	m := AnswerMatch{QuestionWords: 1, MessageWords: 2, QuestionCosine: 1, TextCosine: 2}
	for _, tc := range []struct {
		name string
		m    AnswerMatch
		f    answerFeatures
		want float64
	}{
		{"all signals full", m, answerFeatures{1, 1, 1, 1, 1, true}, 1},
		{"nothing shared", m, answerFeatures{0, 0, 0, 0, 0, true}, 0},
		{"words only without vectors", m, answerFeatures{0.5, 0, 0.5, 1, 1, false}, 0.5},
		{"weighted mean", m, answerFeatures{1, 0, 0, 0, 1, true}, 3.0 / 6},
		{"no weight", AnswerMatch{}, answerFeatures{1, 1, 1, 1, 1, true}, 0},
	} {
		if got := tc.m.score(tc.f); got != tc.want {
			t.Errorf("%s: score %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestBestExample(t *testing.T) {
	t.Parallel()
	answers := []ValidatedAnswer{
		{ID: 1, Status: string(store.AnswerToReview), Text: "À revoir"},
		{ID: 2, Status: string(store.AnswerActive), Text: "Madame [NOM_1], écrivez au [EMAIL_2]."},
	}
	if got := bestExample(answers); got != "Madame …, écrivez au …." {
		t.Errorf("bestExample = %q: want the active one, placeholders blanked", got)
	}
	if got := bestExample(answers[:1]); got != "" {
		t.Errorf("an answer to review was given as example: %q", got)
	}
}

func TestMatchable(t *testing.T) {
	t.Parallel()
	got := matchable("Bonjour Madame,\nJe voudrais changer l'adresse de ma carte grise.\nMerci d'avance,\nCordialement")
	if got != "Je voudrais changer l'adresse de ma carte grise." {
		t.Errorf("matchable = %q: want the request without courtesy", got)
	}
}
