package rag

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plume-sp/plume/store"
)

// docsWith returns ranked documents 1..n whose first feature is given.
func docsWith(first ...float64) []rankedDoc {
	out := make([]rankedDoc, len(first))
	for i, f := range first {
		out[i] = rankedDoc{cand: docCandidate{id: int64(i + 1)}}
		out[i].vec[0] = f
	}
	return out
}

// withPages gives docs passages of these pages, in order.
func withPages(docs []rankedDoc, pages ...string) []rankedDoc {
	for i, p := range pages {
		docs[i].hits = []store.Hit{{ExternalID: p}}
	}
	return docs
}

// withRanks gives docs their places by plume's weighted BM25 and by plain
// BM25, in order.
func withRanks(docs []rankedDoc, ranks ...[2]int) []rankedDoc {
	for i, r := range ranks {
		docs[i].cand.bm25Rank, docs[i].cand.plainRank = r[0], r[1]
	}
	return docs
}

func ids(docs []rankedDoc) []int64 {
	out := make([]int64, len(docs))
	for i, d := range docs {
		out[i] = d.cand.id
	}
	return out
}

func TestRankerOrder(t *testing.T) {
	one := Ranker{}
	one.Weights[0] = 1
	for _, tc := range []struct {
		name   string
		ranker Ranker
		docs   []rankedDoc
		want   []int64
	}{
		{"zero ranker keeps the fused order", Ranker{}, docsWith(0.1, 0.9, 0.5), []int64{1, 2, 3}},
		{"orders by score", one, docsWith(0.1, 0.9, 0.5), []int64{2, 3, 1}},
		{"ties keep the fused order", one, docsWith(0.5, 0.9, 0.5), []int64{2, 1, 3}},
		{"the first five, then the others apart", one, docsWith(0, 0, 0, 0, 0.1, 0.5, 0.9, 0.2), []int64{5, 1, 2, 3, 4, 7, 6, 8}},
		{"the others after the first five pages", one, withPages(docsWith(0, 0.1, 0, 0, 0, 0.2, 0.5, 0.9), "a", "b", "b", "c", "d", "e", "f", "g"), []int64{2, 1, 3, 4, 5, 6, 8, 7}},
		{"both whole-document searches' first three first in the tail, in plain BM25's order", one,
			withRanks(docsWith(0, 0, 0, 0, 0, 0.9, 0.1, 0.5, 0.3, 0.8), [2]int{}, [2]int{}, [2]int{}, [2]int{}, [2]int{}, [2]int{}, [2]int{3, 2}, [2]int{2, 4}, [2]int{1, 1}, [2]int{4, 3}),
			[]int64{1, 2, 3, 4, 5, 9, 7, 6, 10, 8}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.ranker.order(tc.docs)
			if diff := cmp.Diff(tc.want, ids(tc.docs)); diff != "" {
				t.Errorf("order (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDefaultRankerPrefersEvidence checks the fitted weights' direction: of
// two documents alike but for one piece of evidence, the one with more
// comes first.
func TestDefaultRankerPrefersEvidence(t *testing.T) {
	base := rankVector{0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.3, 0.5, 0.5, 0.5, 0.3, 0.4, -0.05, 0.3, 0.4}
	for _, tc := range []struct {
		name    string
		feature int
		more    float64
	}{
		{"the semantic model's place", 3, 0.9},
		{"BM25 against the best's", 7, 1},
		{"the best passage's share of the words", 11, 0.8},
		{"the best passage's cosine", 12, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			better := base
			better[tc.feature] = tc.more
			if DefaultRanker.score(better) <= DefaultRanker.score(base) {
				t.Errorf("score with more %s = %.3f, want over %.3f", tc.name, DefaultRanker.score(better), DefaultRanker.score(base))
			}
		})
	}
}

func TestRankFeatures(t *testing.T) {
	docs := []rankedDoc{
		{cand: docCandidate{id: 1, bm25Rank: 1, score: 0.2, bm25: 4}, feat: Features{Cosine: 0.6, Passage: 0.5},
			hits: []store.Hit{{Matched: 1}, {}, {Matched: 2}}},
		{cand: docCandidate{id: 2, vecRank: 20, score: 0.1}, feat: Features{Cosine: 0.8},
			hits: []store.Hit{{}}},
	}
	rankFeatures(docs, 20)
	got := [][]float64{docs[0].vec[:8], docs[1].vec[:8]}
	want := [][]float64{{20.0 / 21, 0, 0, 0, 20.0 / 21, 1, 0, 1}, {0, 0, 0.5, 0, 20.0 / 22, 0.5, 0, 0}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("features (-want +got):\n%s", diff)
	}
	if math.Abs(docs[0].vec[12]+0.2) > 1e-9 || docs[1].vec[12] != 0 || docs[0].place != 1 || docs[1].place != 2 {
		t.Errorf("cosine against the best's %v, %v, places %d, %d", docs[0].vec[12], docs[1].vec[12], docs[0].place, docs[1].place)
	}
}

// TestFitRankerLearns fits the ranker on lists where the relevant
// document is the one with the larger second feature, whatever its place.
func TestFitRankerLearns(t *testing.T) {
	var lists []RankList
	for n := range 40 {
		l := RankList{}
		for i := range 5 {
			var v rankVector
			v[0] = float64(5-i) / 5
			v[1] = float64((i*7+n)%5) / 5
			l.IDs = append(l.IDs, string(rune('a'+i)))
			l.Vecs = append(l.Vecs, v)
			l.Relevant = append(l.Relevant, (i*7+n)%5 == 4)
		}
		lists = append(lists, l)
	}
	r := FitRanker(lists, 1e-3, 500)
	for _, l := range lists {
		if got := r.FirstRelevant(l); got != 1 {
			t.Fatalf("relevant document at %d, want 1 (weights %v)", got, r.Weights)
		}
	}
}

// BenchmarkRanker measures what the ranker adds to a search: the features
// of 20 documents of 30 passages each and the order of the first five.
func BenchmarkRanker(b *testing.B) {
	docs := make([]rankedDoc, 20)
	for i := range docs {
		docs[i] = rankedDoc{cand: docCandidate{id: int64(i), bm25Rank: i + 1, score: 1 / float64(i+1)},
			hits: make([]store.Hit, 30), feat: Features{Cosine: float64(i%7) / 7}}
	}
	for b.Loop() {
		rankFeatures(docs, 20)
		DefaultRanker.order(docs)
	}
}
