package rag

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

// TestCandidateStudy prints, on the tuning halves of every message file,
// where plume loses the expected document from its first ten (or five)
// while plain BM25 keeps it: never a candidate of the fusion, a candidate
// past the documents whose passages are loaded, or loaded and ordered
// past ten.
func TestCandidateStudy(t *testing.T) {
	url, corpora := os.Getenv("PLUME_TUNE_DB"), os.Getenv("PLUME_TUNE_CORPUS")
	if url == "" || corpora == "" {
		t.Skip("set PLUME_TUNE_DB and PLUME_TUNE_CORPUS")
	}
	ctx := context.Background()
	for _, corpus := range strings.Split(corpora, ",") {
		st, s := OpenTuneSearcher(t, strings.ReplaceAll(url, "{corpus}", corpus), SearchOptions{})
		var tr searchTrace
		s.probe = func(x searchTrace) { tr = x }
		counts := map[string]int{}
		for _, q := range halfMessageFiles(t, orderFiles, corpus, 0) {
			if len(q.Expected) == 0 {
				continue
			}
			tr = searchTrace{}
			o, err := s.evalOne(ctx, q.EvalQuestion, 10)
			if err != nil {
				t.Fatal(err)
			}
			pq := tr.plan.plain
			pq.K = 100
			hits, err := st.SearchDocuments(ctx, pq)
			if err != nil {
				t.Fatal(err)
			}
			ids := make([]int64, len(hits))
			for i, h := range hits {
				ids[i] = h.DocumentID
			}
			plainRank := FirstRank(externalIDs(t, st, ids), q.Expected)
			cids := make([]int64, len(tr.docs))
			for i, d := range tr.docs {
				cids[i] = d.id
			}
			cands := externalIDs(t, st, cids)
			candRank := FirstRank(cands, q.Expected)
			for _, depth := range []int{5, 10} {
				if plainRank == 0 || plainRank > depth || (o.Rank > 0 && o.Rank <= depth) {
					continue
				}
				kind := "ordered"
				switch {
				case candRank == 0:
					kind = "not a candidate"
				case candRank > maxRankedDocuments:
					kind = "not loaded"
				}
				counts[fmt.Sprintf("@%d %s", depth, kind)]++
				d := docCandidate{}
				if candRank > 0 {
					d = tr.docs[candRank-1]
				}
				t.Logf("%s %s %s @%d: plain %d plume %d cand %d/%d (bm25 %d txt %d vec %d sem %d base %d) %s", corpus, q.file, q.ID, depth, plainRank, o.Rank, candRank, len(cands),
					d.bm25Rank, d.textRank, d.vecRank, d.semRank, d.baseRank, kind)
			}
			// The reverse: plume keeps it where plain BM25 loses it.
			for _, depth := range []int{5, 10} {
				if o.Rank > 0 && o.Rank <= depth && (plainRank == 0 || plainRank > depth) {
					counts[fmt.Sprintf("@%d won", depth)]++
				}
			}
		}
		var keys []string
		for k := range counts {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			t.Logf("%s %s: %d", corpus, k, counts[k])
		}
	}
}
