package rag

import (
	"fmt"
	"testing"

	"github.com/plume-sp/plume/semantic"
	"github.com/plume-sp/plume/store"
)

// SemanticTopics are the themes of synthetic corpora for the semantic
// model's tests: each document draws its words from one.
var SemanticTopics = [][]string{
	{"passeport", "mairie", "photo", "timbre", "biométrique", "rendez-vous", "identité"},
	{"loyer", "bail", "locataire", "propriétaire", "caution", "préavis", "logement"},
	{"chômage", "allocation", "employeur", "licenciement", "indemnité", "emploi", "travail"},
	{"impôt", "déclaration", "revenus", "foyer", "fiscal", "prélèvement", "avis"},
	{"retraite", "pension", "trimestres", "carrière", "liquidation", "cotisations", "âge"},
}

// smallSemanticModel trains a model on semantic.MinDocuments synthetic
// documents (ids 1…n), document d on theme d mod 5.
func smallSemanticModel(t *testing.T) *semantic.Model {
	t.Helper()
	var c semantic.Corpus
	for d := range semantic.MinDocuments {
		topic := SemanticTopics[d%len(SemanticTopics)]
		for i, w := range topic {
			if (i+d)%3 != 0 { // most of the theme's words, not all
				c.Add(int64(d+1), w, float64(1+(i*d)%3))
			}
		}
		c.Add(int64(d+1), fmt.Sprintf("mot%d", d), 1)
	}
	m, err := semantic.Train(&c)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestSemanticFeatures(t *testing.T) {
	t.Parallel()
	model := smallSemanticModel(t)
	search := semanticSearch{model: model, ranking: []int64{5, 1, 9}}
	focus := []string{"bail", "préavis", "locataire"}
	sem, ok := newSemanticMatch(search, focus, append(focus, "caution"), true)
	if !ok {
		t.Fatal("newSemanticMatch: no match with a model")
	}
	var same, other answerFeatures
	sem.setFeatures(&same, store.AnswerCandidate{Lexemes: []string{"loyer", "propriétaire"},
		TextLexemes: []string{"logement", "bail"}, Documents: []int64{9, 1}})
	sem.setFeatures(&other, store.AnswerCandidate{Lexemes: []string{"passeport", "photo"},
		TextLexemes: []string{"mairie", "timbre"}, Documents: []int64{7}})
	if !same.semantic || !other.semantic {
		t.Fatalf("semantic not set: %+v, %+v", same, other)
	}
	if same.semQuestion <= other.semQuestion+0.05 || same.semText <= other.semText+0.05 {
		t.Errorf("a question of the message's theme is not closer: same %+v, other %+v", same, other)
	}
	if same.semQuestion > 1 || other.semQuestion < 0 || other.semText < 0 {
		t.Errorf("cosines out of [0, 1]: same %+v, other %+v", same, other)
	}
	if same.semSource != 0.5 || other.semSource != 0 {
		t.Errorf("semSource = %v, %v; want 0.5 (second ranked) and 0 (not ranked)", same.semSource, other.semSource)
	}
	if _, ok := newSemanticMatch(semanticSearch{ranking: []int64{1}}, focus, focus, true); ok {
		t.Error("newSemanticMatch without a model: ok, want none")
	}
}

func TestSemanticPlace(t *testing.T) {
	t.Parallel()
	ranking := []int64{4, 8, 2, 6}
	for _, tc := range []struct {
		name    string
		sources []int64
		want    float64
	}{
		{"first", []int64{4}, 1},
		{"the best placed source counts", []int64{6, 8}, 0.5},
		{"not ranked", []int64{3}, 0},
		{"no source", nil, 0},
	} {
		if got := semanticPlace(tc.sources, ranking); got != tc.want {
			t.Errorf("%s: semanticPlace = %v, want %v", tc.name, got, tc.want)
		}
	}
	if got := semanticPlace([]int64{4}, nil); got != 0 {
		t.Errorf("empty ranking: semanticPlace = %v, want 0", got)
	}
}

func TestSemanticWant(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		m    AnswerMatch
		want semanticWant
	}{
		{"no semantic weight", AnswerMatch{QuestionWords: 1, TextCosine: 2}, semanticNone},
		{"the question", AnswerMatch{QuestionWords: 1, SemanticQuestion: 1}, semanticQuestion},
		{"the sources", AnswerMatch{SemanticSource: 2}, semanticQuestion},
		{"the text", AnswerMatch{SemanticText: 1}, semanticAll},
	} {
		if got := tc.m.semanticWant(); got != tc.want {
			t.Errorf("%s: semanticWant = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// BenchmarkSemanticFeatures measures the semantic signals of 200
// candidates (the most a message is compared with), questions of 12
// lexemes and texts of 60, with and without the texts compared.
func BenchmarkSemanticFeatures(b *testing.B) {
	for _, withText := range []bool{false, true} {
		b.Run(fmt.Sprintf("text=%v", withText), func(b *testing.B) { benchmarkSemanticFeatures(b, withText) })
	}
}

func benchmarkSemanticFeatures(b *testing.B, withText bool) {
	var c semantic.Corpus
	for d := range semantic.MinDocuments {
		for i := range 60 {
			c.Add(int64(d+1), fmt.Sprintf("mot%d", (d*7+i*13)%400), 1)
		}
	}
	model, err := semantic.Train(&c)
	if err != nil {
		b.Fatal(err)
	}
	cands := make([]store.AnswerCandidate, 200)
	for i := range cands {
		for j := range 60 {
			w := fmt.Sprintf("mot%d", (i*11+j*3)%400)
			cands[i].Lexemes, cands[i].TextLexemes = append(cands[i].Lexemes, w), append(cands[i].TextLexemes, w)
		}
		cands[i].Lexemes, cands[i].Documents = cands[i].Lexemes[:12], []int64{int64(i)}
	}
	focus := []string{"mot1", "mot2", "mot3", "mot40", "mot50"}
	search := semanticSearch{model: model, ranking: []int64{3, 5, 8, 13, 21}}
	b.ResetTimer()
	for range b.N {
		sem, _ := newSemanticMatch(search, focus, append(focus, "mot7", "mot9"), withText)
		for _, c := range cands {
			var f answerFeatures
			sem.setFeatures(&f, c)
		}
	}
}

func TestSemanticFeaturesWithoutText(t *testing.T) {
	t.Parallel()
	sem, _ := newSemanticMatch(semanticSearch{model: smallSemanticModel(t)}, []string{"bail"}, []string{"bail", "loyer"}, false)
	var f answerFeatures
	sem.setFeatures(&f, store.AnswerCandidate{Lexemes: []string{"bail"}, TextLexemes: []string{"bail", "loyer"}})
	if f.semText != 0 || f.semQuestion < 0.99 {
		t.Errorf("without the text: %+v, want semText 0 and the question's cosine", f)
	}
}
