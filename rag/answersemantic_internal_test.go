package rag

import (
	"fmt"
	"testing"

	"github.com/plume-sp/plume/semantic"
	"github.com/plume-sp/plume/store"
)

// semanticTopics are the themes of a synthetic corpus: each document draws
// its words from one.
var semanticTopics = [][]string{
	{"passeport", "mairi", "photo", "timbr", "biometr", "rendez-vous", "identit"},
	{"loyer", "bail", "locatair", "propriétair", "caution", "préavis", "logement"},
	{"chômag", "allocat", "employeur", "licenci", "indemn", "travail", "inscript"},
	{"impôt", "déclar", "revenu", "foyer", "fiscal", "prélev", "avis"},
}

// smallSemanticModel trains a model on semantic.MinDocuments synthetic
// documents (ids 1…n), document d on theme d mod 4.
func smallSemanticModel(t *testing.T) *semantic.Model {
	t.Helper()
	var c semantic.Corpus
	for d := range semantic.MinDocuments {
		topic := semanticTopics[d%len(semanticTopics)]
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
	focus := []string{"bail", "préavis", "locatair"}
	sem, ok := newSemanticMatch(search, focus, append(focus, "caution"))
	if !ok {
		t.Fatal("newSemanticMatch: no match with a model")
	}
	var same, other answerFeatures
	sem.setFeatures(&same, store.AnswerCandidate{Lexemes: []string{"loyer", "propriétair"},
		TextLexemes: []string{"logement", "bail"}, Documents: []int64{9, 1}})
	sem.setFeatures(&other, store.AnswerCandidate{Lexemes: []string{"passeport", "photo"},
		TextLexemes: []string{"mairi", "timbr"}, Documents: []int64{7}})
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
	if _, ok := newSemanticMatch(semanticSearch{ranking: []int64{1}}, focus, focus); ok {
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
