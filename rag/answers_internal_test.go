package rag

import (
	"context"
	"testing"

	"github.com/plume-sp/plume/redact"
	"github.com/plume-sp/plume/redact/redacttest"
	"github.com/plume-sp/plume/store"
)

func TestAnswerScore(t *testing.T) {
	t.Parallel()
	m := AnswerMatch{QuestionWords: 1, MessageWords: 2, QuestionCosine: 1, TextCosine: 2}
	searched := AnswerMatch{QuestionWords: 1, SourceFound: 3}
	semantic := AnswerMatch{QuestionWords: 1, SemanticQuestion: 1, SemanticText: 2, SemanticSource: 2}
	all := func(v float64, vectors bool) answerFeatures {
		return answerFeatures{questionWords: v, focusWords: v, messageWords: v, questionCosine: v, textCosine: v, vectors: vectors}
	}
	for _, tc := range []struct {
		name string
		m    AnswerMatch
		f    answerFeatures
		want float64
	}{
		{"all signals full", m, all(1, true), 1},
		{"nothing shared", m, all(0, true), 0},
		{"words only without vectors", m, answerFeatures{questionWords: 0.5, messageWords: 0.5, questionCosine: 1, textCosine: 1}, 0.5},
		{"weighted mean", m, answerFeatures{questionWords: 1, textCosine: 1, vectors: true}, 3.0 / 6},
		{"no weight", AnswerMatch{}, all(1, true), 0},
		{"search weighs when searched", searched, answerFeatures{questionWords: 1, sourceFound: 1.0 / 3, searched: true}, 2.0 / 4},
		{"search ignored when not searched", searched, answerFeatures{questionWords: 1, sourceFound: 1}, 1},
		{"semantic signals weigh with a model", semantic, answerFeatures{questionWords: 1, semQuestion: 0.5, semText: 0.5,
			semSource: 0, semantic: true}, 2.5 / 6},
		{"semantic signals ignored without a model", semantic, answerFeatures{questionWords: 1, semQuestion: 0.5, semSource: 1}, 1},
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
	d := &Drafter{opts: DraftOptions{Redaction: redact.DefaultPolicy()}}
	bestExample := func(answers []ValidatedAnswer) string { return d.example(context.Background(), answers).String() }
	if got := bestExample(answers); got != "Madame …, écrivez au …." {
		t.Errorf("bestExample = %q: want the active one, placeholders blanked", got)
	}
	if got := bestExample(answers[:1]); got != "" {
		t.Errorf("an answer to review was given as example: %q", got)
	}
}

func TestMatchable(t *testing.T) {
	t.Parallel()
	got := matchable(redacttest.Text(t, "Bonjour Madame,\nJe voudrais changer l'adresse de ma carte grise.\nMerci d'avance,\nCordialement")).String()
	if got != "Je voudrais changer l'adresse de ma carte grise." {
		t.Errorf("matchable = %q: want the request without courtesy", got)
	}
}

func TestBestFound(t *testing.T) {
	t.Parallel()
	found := map[int64]float64{1: 1, 2: 0.8, 3: 0.5}
	for _, tc := range []struct {
		name    string
		sources []int64
		want    float64
	}{
		{"the best placed source counts", []int64{3, 2}, 0.8},
		{"a source not found counts nothing", []int64{9, 3}, 0.5},
		{"no source found", []int64{9}, 0},
		{"no source", nil, 0},
	} {
		if got := bestFound(tc.sources, found); got != tc.want {
			t.Errorf("%s: bestFound = %v, want %v", tc.name, got, tc.want)
		}
	}
}
