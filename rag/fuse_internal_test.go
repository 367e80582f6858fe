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

// TestFuseWithSemantic checks that the semantic ranking reorders the
// documents and brings new ones, while each document's base rank and
// margin (which the reliability decision reads) stay those of the three
// base rankings.
func TestFuseWithSemantic(t *testing.T) {
	s := NewSearcher(nil, nil, nil, nil, SearchOptions{})
	found := store.Found{Documents: []store.DocHit{{DocumentID: 1}, {DocumentID: 2}, {DocumentID: 3}}}
	type doc struct {
		ID       int64
		BaseRank int
		Margin   float64
	}
	list := func(docs []docCandidate) []doc {
		out := make([]doc, len(docs))
		for i, d := range docs {
			out[i] = doc{d.id, d.baseRank, math.Round(d.margin*1000) / 1000}
		}
		return out
	}
	base := list(s.fuseDocuments(found, nil, nil))
	want := []doc{{1, 1, 0.045}, {2, 2, 0.043}, {3, 3, 1}}
	if diff := cmp.Diff(want, base); diff != "" {
		t.Fatalf("base fusion (-want +got):\n%s", diff)
	}
	got := list(s.fuseDocuments(found, []int64{3, 9}, nil))
	want = []doc{{3, 3, 1}, {1, 1, 0.045}, {2, 2, 0.043}, {9, 0, 0}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("with the semantic ranking (-want +got):\n%s", diff)
	}
}

// TestFusePlainFirst checks that plain BM25's ranking chooses the first
// PlainPlaces documents with the fused scores, the others keeping their
// fused order after them, and that no weight (the default) or a negative
// one leaves the order as it was.
func TestFusePlainFirst(t *testing.T) {
	found := store.Found{Documents: []store.DocHit{{DocumentID: 1}, {DocumentID: 2}, {DocumentID: 3}, {DocumentID: 4}}}
	tests := []struct {
		name  string
		opts  SearchOptions
		plain []int64
		want  []int64
	}{
		{"first place chosen with plain BM25", SearchOptions{PlainPlaces: 1, PlainWeight: 2}, []int64{4, 3}, []int64{4, 1, 2, 3}},
		{"first two chosen with it", SearchOptions{PlainPlaces: 2, PlainWeight: 2}, []int64{4, 3}, []int64{4, 3, 1, 2}},
		{"the rest in fused order", SearchOptions{PlainPlaces: 2, PlainWeight: 2}, []int64{4}, []int64{4, 1, 2, 3}},
		{"not used by default", SearchOptions{}, []int64{4, 3}, []int64{1, 2, 3, 4}},
		{"not used, negative", SearchOptions{PlainWeight: -1}, []int64{4, 3}, []int64{1, 2, 3, 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewSearcher(nil, nil, nil, nil, tt.opts)
			var plain []store.DocHit
			for _, id := range tt.plain {
				plain = append(plain, store.DocHit{DocumentID: id})
			}
			var got []int64
			for _, d := range s.fuseDocuments(found, nil, plain) {
				got = append(got, d.id)
				if d.baseRank != int(d.id) {
					t.Errorf("document %d: base rank %d, want its place in the base fusion", d.id, d.baseRank)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("order (-want +got):\n%s", diff)
			}
		})
	}
}
