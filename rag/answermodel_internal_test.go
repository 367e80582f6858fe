package rag

import (
	"math"
	"testing"

	"github.com/plume-sp/plume/store"
)

func TestAnswerModelScore(t *testing.T) {
	t.Parallel()
	words := AnswerModel{Intercept: -1, QuestionWords: 2}
	search := AnswerModel{Intercept: -2, SourceFound: 1, First: 1, Second: 0.5, Further: 0.25, FirstReliable: 1, Reliable: 0.5,
		QuestionWordsFirst: 2}
	sem := AnswerModels{Semantic: AnswerModel{Intercept: -1, SemanticSource: 2}, Plain: AnswerModel{Intercept: 1}}
	sigmoid := func(z float64) float64 { return 1 / (1 + math.Exp(-z)) }
	for _, tc := range []struct {
		name string
		m    AnswerModel
		f    answerFeatures
		z    float64
	}{
		{"intercept alone", words, answerFeatures{}, -1},
		{"the question's words", words, answerFeatures{questionWords: 1}, 1},
		{"vectors ignored without them", AnswerModel{TextCosine: 3}, answerFeatures{textCosine: 1}, 0},
		{"vectors weigh with them", AnswerModel{TextCosine: 3}, answerFeatures{textCosine: 1, vectors: true}, 3},
		{"search ignored when not searched", search, answerFeatures{sourceFound: 1, sourcePlace: 1, reliable: true}, -2},
		{"source first, reliable", search, answerFeatures{searched: true, sourceFound: 1, sourcePlace: 1, reliable: true, questionWords: 0.5},
			-2 + 1 + 1 + 1 + 0.5 + 2*0.5},
		{"source first, not reliable", search, answerFeatures{searched: true, sourceFound: 1, sourcePlace: 1}, -2 + 1 + 1},
		{"source second: no first-place terms", search, answerFeatures{searched: true, sourceFound: 0.8, sourcePlace: 2, reliable: true,
			questionWords: 1}, -2 + 0.8 + 0.5 + 0.5},
		{"source further down", search, answerFeatures{searched: true, sourcePlace: 5}, -2 + 0.25},
		{"source not found", search, answerFeatures{searched: true}, -2},
	} {
		if got, want := tc.m.score(tc.f), sigmoid(tc.z); math.Abs(got-want) > 1e-12 {
			t.Errorf("%s: score %v, want %v", tc.name, got, want)
		}
	}
	if got := sem.score(answerFeatures{semantic: true, semSource: 1}); math.Abs(got-sigmoid(1)) > 1e-12 {
		t.Errorf("with the semantic signals: %v, want the semantic model's %v", got, sigmoid(1))
	}
	if got := sem.score(answerFeatures{semSource: 1}); math.Abs(got-sigmoid(1)) > 1e-12 || sem.Plain.score(answerFeatures{}) != got {
		t.Errorf("without them: %v, want the plain model's %v", got, sigmoid(1))
	}
	if got := (AnswerMatch{QuestionWords: 1, Model: &sem}).score(answerFeatures{questionWords: 1}); got != sigmoid(1) {
		t.Errorf("a matching with models scores %v with the weights' mean, want the model's %v", got, sigmoid(1))
	}
}

func TestAnswerModelSemanticWant(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		m    AnswerMatch
		want semanticWant
	}{
		{"weighted mean without semantic weights", AnswerMatch{QuestionWords: 1}, semanticNone},
		{"models without semantic weights", AnswerMatch{SemanticText: 1, Model: &AnswerModels{}}, semanticNone},
		{"the source's place", AnswerMatch{Model: &AnswerModels{Semantic: AnswerModel{SemanticSource: 1}}}, semanticQuestion},
		{"the text", AnswerMatch{Model: &AnswerModels{Semantic: AnswerModel{SemanticText: 1}}}, semanticAll},
		{"the defaults: none", DefaultAnswerMatch, semanticNone},
	} {
		if got := tc.m.semanticWant(); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

// A short request's first answer is shown only when the search put its
// source first; a longer request, or a matching without the rule, is
// unchanged.
func TestShortRequestRule(t *testing.T) {
	t.Parallel()
	m := AnswerMatch{QuestionWords: 1, Threshold: 0.3, ShortRequest: 5, Max: 3}
	cand := func(id int64, words float64, request, place int) answerCandidate {
		return answerCandidate{answer: store.Answer{ID: id}, features: answerFeatures{questionWords: words, requestWords: request,
			sourcePlace: place, searched: true}}
	}
	for _, tc := range []struct {
		name  string
		m     AnswerMatch
		cands []answerCandidate
		want  int64
	}{
		{"short, source not found", m, []answerCandidate{cand(1, 0.9, 3, 0)}, 0},
		{"short, source second", m, []answerCandidate{cand(1, 0.9, 5, 2)}, 0},
		{"short, the first blocked leaves none, not the second", m, []answerCandidate{cand(1, 0.9, 4, 0), cand(2, 0.5, 4, 1)}, 0},
		{"short, source first", m, []answerCandidate{cand(1, 0.9, 3, 1)}, 1},
		{"long request, source not found", m, []answerCandidate{cand(1, 0.9, 6, 0)}, 1},
		{"not searched", m, []answerCandidate{{answer: store.Answer{ID: 1}, features: answerFeatures{questionWords: 0.9, requestWords: 2}}}, 1},
		{"without the rule", AnswerMatch{QuestionWords: 1, Threshold: 0.3, Max: 3}, []answerCandidate{cand(1, 0.9, 3, 0)}, 1},
	} {
		got := int64(0)
		if shown := tc.m.shown(tc.cands); len(shown) > 0 {
			got = shown[0].ID
		}
		calibrated := tc.m.topsOf(AnswerExample{cands: tc.cands}).first(tc.m.Threshold, tc.m.Threshold, 0)
		if got != tc.want || calibrated.ok != (tc.want != 0) || calibrated.ok && calibrated.id != tc.want {
			t.Errorf("%s: shown first %d, calibration's first %+v; want %d", tc.name, got, calibrated, tc.want)
		}
	}
}

// TestShortRequestShowsOnlyBackedAnswers checks that a short request whose
// first answer the search backs is shown no other answer the search does
// not back (final review of session 22: the rule read the first only).
func TestShortRequestShowsOnlyBackedAnswers(t *testing.T) {
	t.Parallel()
	m := AnswerMatch{QuestionWords: 1, Threshold: 0.3, ShortRequest: 5, Max: 3}
	cands := []answerCandidate{
		{answer: store.Answer{ID: 1}, features: answerFeatures{questionWords: 0.9, requestWords: 3, sourcePlace: 1, searched: true}},
		{answer: store.Answer{ID: 2}, features: answerFeatures{questionWords: 0.8, requestWords: 3, sourcePlace: 3, searched: true}},
	}
	var got []int64
	for _, a := range m.shown(cands) {
		got = append(got, a.ID)
	}
	if len(got) != 1 || got[0] != 1 {
		t.Errorf("shown %v; want only the backed answer 1", got)
	}
}
