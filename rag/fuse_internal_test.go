package rag

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/plume-sp/plume/store"
)

// TestKeepInTop checks that the base fusion's first documents keep a place
// in the first five, the others in order around them.
func TestKeepInTop(t *testing.T) {
	tests := []struct {
		name      string
		order     []int64
		protected []int64
		want      []int64
	}{
		{"already in place", []int64{1, 2, 3, 4, 5, 6}, []int64{1, 2}, []int64{1, 2, 3, 4, 5, 6}},
		{"one pushed out", []int64{9, 8, 7, 6, 5, 1}, []int64{1}, []int64{9, 8, 7, 6, 1, 5}},
		{"two pushed out", []int64{9, 8, 7, 6, 5, 2, 1}, []int64{1, 2}, []int64{9, 8, 7, 2, 1, 6, 5}},
		{"three, one in place", []int64{1, 9, 8, 7, 6, 3, 2}, []int64{1, 2, 3}, []int64{1, 9, 8, 3, 2, 7, 6}},
		{"fewer than five", []int64{9, 1}, []int64{1}, []int64{9, 1}},
		{"none protected", []int64{3, 2, 1}, nil, []int64{3, 2, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			order := make([]*docCandidate, len(tt.order))
			for i, id := range tt.order {
				order[i] = &docCandidate{id: id}
			}
			protected := map[int64]bool{}
			for _, id := range tt.protected {
				protected[id] = true
			}
			var got []int64
			for _, d := range keepInTop(order, protected, keptPlaces) {
				got = append(got, d.id)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("keepInTop (-want +got):\n%s", diff)
			}
		})
	}
}

// fusedDoc is what the fusion tests read of a candidate: its id, base
// rank, margin and fused score (rounded), and its share of the words.
type fusedDoc struct {
	ID       int64
	BaseRank int
	Margin   float64
	Fused    float64
	Matched  float64
}

// fusedDocs returns the fusion tests' view of docs, in order.
func fusedDocs(docs []docCandidate) []fusedDoc {
	out := make([]fusedDoc, len(docs))
	for i, d := range docs {
		out[i] = fusedDoc{d.id, d.baseRank, math.Round(d.margin*1000) / 1000, math.Round(d.fused*1000) / 1000, d.matched}
	}
	return out
}

// TestFuseWithSemantic checks that the semantic ranking reorders the
// documents and brings new ones, while each document's base rank and
// margin (which the reliability decision reads) stay those of the three
// base rankings.
func TestFuseWithSemantic(t *testing.T) {
	s := NewSearcher(nil, nil, nil, nil, SearchOptions{})
	found := store.Found{Documents: []store.DocHit{{DocumentID: 1}, {DocumentID: 2}, {DocumentID: 3}}}
	base := fusedDocs(s.fuseDocuments(found, nil, nil))
	want := []fusedDoc{{1, 1, 0.045, 0.095, 0}, {2, 2, 0.043, 0.091, 0}, {3, 3, 1, 0.087, 0}}
	if diff := cmp.Diff(want, base); diff != "" {
		t.Fatalf("base fusion (-want +got):\n%s", diff)
	}
	got := fusedDocs(s.fuseDocuments(found, nil, []int64{3, 9}))
	want = []fusedDoc{{3, 3, 1, 0.087, 0}, {1, 1, 0.045, 0.095, 0}, {2, 2, 0.043, 0.091, 0}, {9, 0, 0, 0, 0}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("with the semantic ranking (-want +got):\n%s", diff)
	}
}

// TestFuseWithOrder checks that the ordering document search reorders the
// documents and brings new ones (with their words' shares), while each
// document's base rank, margin and fused score (which the reliability
// decision and the validated answers read) stay those of the base fusion.
func TestFuseWithOrder(t *testing.T) {
	s := NewSearcher(nil, nil, nil, nil, SearchOptions{})
	found := store.Found{
		Documents: []store.DocHit{{DocumentID: 1, Matched: 3}, {DocumentID: 2, Matched: 2}, {DocumentID: 3, Matched: 1}},
		Text:      []store.Hit{{DocumentID: 2}},
	}
	tests := []struct {
		name  string
		order []store.DocHit
		want  []fusedDoc
	}{
		{"none", nil, []fusedDoc{{2, 1, 0.313, 0.139, 2}, {1, 2, 0.087, 0.095, 3}, {3, 3, 1, 0.087, 1}}},
		{"the same order", []store.DocHit{{DocumentID: 1}, {DocumentID: 2}, {DocumentID: 3}},
			[]fusedDoc{{2, 1, 0.313, 0.139, 2}, {1, 2, 0.087, 0.095, 3}, {3, 3, 1, 0.087, 1}}},
		{"reordered, one new", []store.DocHit{{DocumentID: 3}, {DocumentID: 7, Matched: 5}, {DocumentID: 2}},
			[]fusedDoc{{2, 1, 0.313, 0.139, 2}, {3, 3, 1, 0.087, 1}, {7, 0, 0, 0, 5}, {1, 2, 0.087, 0.095, 3}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, fusedDocs(s.fuseDocuments(found, tt.order, nil))); diff != "" {
				t.Errorf("fusion ordered by %v (-want +got):\n%s", tt.order, diff)
			}
		})
	}
}
