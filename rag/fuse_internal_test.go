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

// TestFuseMarksPlainPlaces checks that plain BM25's ranking only marks
// the places of the documents the rankings found (0 for those it does not
// find; the documents it alone finds are no candidates) and leaves their
// fused order as it was.
func TestFuseMarksPlainPlaces(t *testing.T) {
	found := store.Found{Documents: []store.DocHit{{DocumentID: 1}, {DocumentID: 2}, {DocumentID: 3}, {DocumentID: 4}}}
	plain := []store.DocHit{{DocumentID: 4}, {DocumentID: 9}, {DocumentID: 2}}
	s := NewSearcher(nil, nil, nil, nil, SearchOptions{})
	type place struct{ ID, Base, Plain int64 }
	var got []place
	for _, d := range s.fuseDocuments(found, nil, plain) {
		got = append(got, place{d.id, int64(d.baseRank), int64(d.plainRank)})
	}
	want := []place{{1, 1, 0}, {2, 2, 3}, {3, 3, 0}, {4, 4, 1}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("places (-want +got):\n%s", diff)
	}
}

// TestResultsCapPassagesPerPage checks that a page stored twice (a fiche
// and its 2020 version, one external id) gives at most MaxPerDocument
// passages, its second document's leaving the places to other pages.
func TestResultsCapPassagesPerPage(t *testing.T) {
	doc := func(id int64, page string, chunks ...int64) rankedDoc {
		d := rankedDoc{cand: docCandidate{id: id}}
		for _, c := range chunks {
			d.hits = append(d.hits, store.Hit{DocumentID: id, ExternalID: page, ChunkID: c})
		}
		return d
	}
	// Two sources' « faq-1 » are two pages: only service-public.fr ids
	// name one page across sources.
	ranked := []rankedDoc{doc(1, "F1", 11, 12, 13), doc(2, "F1", 21, 22), doc(3, "F2", 31), doc(4, "F3", 41, 42),
		doc(5, "faq-1", 51), doc(6, "faq-1", 61)}
	for _, tc := range []struct {
		name string
		k    int
		want []int64
	}{
		{"every page", 10, []int64{11, 12, 31, 41, 42, 51, 61}},
		{"first k", 4, []int64{11, 12, 31, 41}},
		{"one", 1, []int64{11}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := NewSearcher(nil, nil, nil, nil, SearchOptions{})
			var got []int64
			for _, r := range s.results(ranked, tc.k) {
				got = append(got, r.ChunkID)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("chunks (-want +got):\n%s", diff)
			}
		})
	}
}
