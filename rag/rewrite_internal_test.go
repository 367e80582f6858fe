package rag

import (
	"slices"
	"testing"
)

// TestMergeRewritten checks the merge of the message's own search and the
// search with the rewriter's queries: the message's reliable passages are
// never lost nor pushed behind the rewrite's, the rewrite adds sources, and
// its passages count as reliable only on documents the message's own
// search found too.
func TestMergeRewritten(t *testing.T) {
	t.Parallel()
	res := func(reliable bool, chunks ...int64) Results {
		out := Results{Reliable: reliable}
		for i, c := range chunks {
			out.Results = append(out.Results, Result{ChunkID: c, DocumentID: c, Reliable: reliable && i == 0})
		}
		return out
	}
	tests := []struct {
		name           string
		plain, rewrite Results
		want           []int64
		reliable       bool
	}{
		{"junk rewrite: the message's search stands", res(true, 1, 2, 3), res(false, 7, 8, 9), []int64{1, 2, 3}, true},
		{"both reliable: the message's first, the rewrite's next", res(true, 1, 2, 3), res(true, 3, 8, 9), []int64{1, 3, 2}, true},
		{"only the rewrite reliable, on a document the message found: it comes first", res(false, 1, 2, 3), res(true, 3, 8), []int64{3, 8, 1}, true},
		{"only the rewrite reliable, on a document the message did not find: not reliable", res(false, 1, 2, 3), res(true, 7, 8), []int64{1, 2, 3}, false},
		{"both reliable, the rewrite's on another document: the message's only", res(true, 1, 2, 3), res(true, 7, 1, 9), []int64{1, 2, 3}, true},
		{"neither reliable", res(false, 1, 2), res(false, 2, 9), []int64{1, 2, 9}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.rewrite.Rewritten = []string{"q"}
			found := map[int64]float64{}
			for i, r := range tt.plain.Results {
				found[r.DocumentID] = 1 / float64(i+1)
			}
			got := mergeRewritten(tt.plain, corroborated(tt.rewrite, found), 3)
			var chunks []int64
			for _, r := range got.Results {
				chunks = append(chunks, r.ChunkID)
			}
			if !slices.Equal(chunks, tt.want) || got.Reliable != tt.reliable || len(got.Rewritten) != 1 {
				t.Errorf("merged %v reliable %v rewritten %q, want %v reliable %v", chunks, got.Reliable, got.Rewritten, tt.want, tt.reliable)
			}
		})
	}
}

// TestBestShares checks the documents that corroborate a rewrite: the n
// best by share, ties by id.
func TestBestShares(t *testing.T) {
	t.Parallel()
	got := bestShares(map[int64]float64{1: 0.2, 2: 1, 3: 0.5, 4: 0.5, 5: 0.1}, 3)
	if len(got) != 3 || !got[2] || !got[3] || !got[4] {
		t.Errorf("bestShares = %v, want 2, 3 and 4", got)
	}
	if got := bestShares(nil, 20); len(got) != 0 {
		t.Errorf("bestShares of nothing = %v", got)
	}
}
