package rag

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/plume-sp/plume/store"
)

// TestCandidateStudy prints, on the tuning halves of every message file,
// where plume loses the expected document from its first ten (or five)
// while plain BM25 keeps it: never a candidate of the fusion, a candidate
// past the documents whose passages are loaded, or loaded and ordered
// past them; and how often plume keeps one plain BM25 loses.
func TestCandidateStudy(t *testing.T) {
	url, corpora := os.Getenv("PLUME_TUNE_DB"), os.Getenv("PLUME_TUNE_CORPUS")
	if url == "" || corpora == "" {
		t.Skip("set PLUME_TUNE_DB and PLUME_TUNE_CORPUS")
	}
	for _, corpus := range strings.Split(corpora, ",") {
		st, s, tr := tracedSearcher(t, strings.ReplaceAll(url, "{corpus}", corpus), SearchOptions{})
		counts := map[string]int{}
		for _, q := range halfMessageFiles(t, orderFiles, corpus, 0) {
			if len(q.Expected) == 0 {
				continue
			}
			*tr = searchTrace{}
			o, err := s.evalOne(context.Background(), q.EvalQuestion, 10)
			if err != nil {
				t.Fatal(err)
			}
			for _, l := range candidateLosses(t, st, *tr, q.Expected, o.Rank) {
				counts[l]++
			}
		}
		keys := make([]string, 0, len(counts))
		for k := range counts {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			t.Logf("%s %s: %d", corpus, k, counts[k])
		}
	}
}

// candidateLosses names, at five and at ten, what became of the expected
// document of a search (tr, plume's rank) that plain BM25 (its first 100
// documents) keeps and plume loses, or "won" when plume keeps it and plain
// BM25 does not.
func candidateLosses(t *testing.T, st *store.Store, tr searchTrace, expected []string, rank int) []string {
	pq := tr.plan.plain
	pq.K = 100
	hits, err := st.SearchDocuments(context.Background(), pq)
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]int64, len(hits))
	for i, h := range hits {
		ids[i] = h.DocumentID
	}
	plainRank := FirstRank(externalIDs(t, st, ids), expected)
	cids := make([]int64, len(tr.docs))
	for i, d := range tr.docs {
		cids[i] = d.id
	}
	candRank := FirstRank(externalIDs(t, st, cids), expected)
	var out []string
	for _, depth := range []int{5, 10} {
		plainHas, plumeHas := plainRank > 0 && plainRank <= depth, rank > 0 && rank <= depth
		switch {
		case plumeHas && !plainHas:
			out = append(out, fmt.Sprintf("@%d won", depth))
		case plainHas && !plumeHas && candRank == 0:
			out = append(out, fmt.Sprintf("@%d not a candidate", depth))
		case plainHas && !plumeHas && candRank > maxRankedDocuments:
			out = append(out, fmt.Sprintf("@%d not loaded", depth))
		case plainHas && !plumeHas:
			d := tr.docs[candRank-1]
			t.Logf("@%d: plain %d, plume %d, candidate %d (bm25 %d, text %d, vector %d, semantic %d, base %d)",
				depth, plainRank, rank, candRank, d.bm25Rank, d.textRank, d.vecRank, d.semRank, d.baseRank)
			out = append(out, fmt.Sprintf("@%d ordered", depth))
		}
	}
	return out
}
