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

// tailRow is one message's search on one corpus, for the study of the
// places after the first five pages (TestTailStudy): the documents plume
// ranked (Final, in their final order, with the ranker's features), every
// candidate of the fusion in its order before the ranker (Cands, with
// their scores and places by plain BM25) and the plain BM25 list (Plain).
type tailRow struct {
	ID, File, Corpus string
	Expected         []string
	Final            []string
	Vecs             []rankVector
	Cands            []string
	Scores           []float64
	PlainRanks       []int
	Plain            []string
}

// tailRows searches the messages of one half (PLUME_TUNE_HALF=test: the
// test half, for a report only) on every corpus of PLUME_TUNE_CORPUS, or
// reads the rows from PLUME_TAIL_ROWS when that file exists (written there
// otherwise).
func tailRows(t *testing.T) []tailRow {
	parity := uint32(0)
	if os.Getenv("PLUME_TUNE_HALF") == "test" {
		parity = 1
	}
	return tuneRows(t, os.Getenv("PLUME_TAIL_ROWS"), func(url, corpus string) []tailRow { return corpusTailRows(t, url, corpus, parity) })
}

func corpusTailRows(t *testing.T, url, corpus string, parity uint32) []tailRow {
	ctx := context.Background()
	st, s, tr := tracedSearcher(t, url, SearchOptions{})
	var rows []tailRow
	for _, q := range halfMessageFiles(t, orderFiles, corpus, parity) {
		*tr = searchTrace{}
		o, err := s.evalOne(ctx, q.EvalQuestion, 10)
		if err != nil {
			t.Fatal(err)
		}
		row := tailRow{ID: q.ID, File: q.file, Corpus: corpus, Expected: q.Expected, Final: candIDs(o.candidates)}
		for _, c := range o.candidates {
			row.Vecs = append(row.Vecs, c.Vec)
		}
		if len(tr.docs) > 0 {
			hits, err := st.SearchDocuments(ctx, tr.plan.plain)
			if err != nil {
				t.Fatal(err)
			}
			row.Plain = hitIDs(t, st, hits)
			row.Cands = externalIDs(t, st, docIDs(tr.docs))
		}
		for _, d := range tr.docs {
			row.Scores = append(row.Scores, d.score)
			row.PlainRanks = append(row.PlainRanks, d.plainRank)
		}
		rows = append(rows, row)
	}
	return rows
}

func docIDs(docs []docCandidate) []int64 {
	out := make([]int64, len(docs))
	for i, d := range docs {
		out[i] = d.id
	}
	return out
}

// tailVariant orders the places after plume's first five pages.
type tailVariant struct {
	name string
	tail func(r tailRow) []string
}

// depthFigures counts, for depths 1 to 10, the answerable rows whose
// expected document is among the first d distinct documents.
type depthFigures struct {
	n  int
	at [10]int
}

func (f *depthFigures) add(rank int) {
	f.n++
	for d := range f.at {
		if rank > 0 && rank <= d+1 {
			f.at[d]++
		}
	}
}

func (f depthFigures) String() string {
	var b strings.Builder
	for _, c := range f.at {
		fmt.Fprintf(&b, " %.3f", float64(c)/float64(max(f.n, 1)))
	}
	return b.String()
}

// withTail is a row's documents up to plume's first five pages, then the
// variant's order of the others.
func withTail(r tailRow, v tailVariant) []string {
	head := map[string]bool{}
	var out []string
	for _, id := range r.Final {
		if !head[id] && len(head) == 5 {
			break
		}
		head[id] = true
		out = append(out, id)
	}
	for _, id := range v.tail(r) {
		if !head[id] {
			head[id] = true
			out = append(out, id)
		}
	}
	return out
}

// tailByScore orders the candidates by their score plus w times plain
// BM25's reciprocal rank (k 20).
func tailByScore(w float64) func(tailRow) []string {
	return func(r tailRow) []string {
		score := map[string]float64{}
		for i, id := range r.Cands {
			score[id] = r.Scores[i]
			if r.PlainRanks[i] > 0 {
				score[id] += w / (20 + float64(r.PlainRanks[i]))
			}
		}
		out := append([]string(nil), r.Cands...)
		sort.SliceStable(out, func(i, j int) bool { return score[out[i]] > score[out[j]] })
		return out
	}
}

// tailInterleave alternates plain BM25's best candidate not yet placed and
// the fusion's, plain BM25's first.
func tailInterleave(r tailRow) []string {
	inCands := map[string]bool{}
	for _, id := range r.Cands {
		inCands[id] = true
	}
	var plain []string
	for _, id := range r.Plain {
		if inCands[id] {
			plain = append(plain, id)
		}
	}
	var out []string
	for i := 0; i < max(len(plain), len(r.Cands)); i++ {
		if i < len(plain) {
			out = append(out, plain[i])
		}
		if i < len(r.Cands) {
			out = append(out, r.Cands[i])
		}
	}
	return out
}

// TestTailStudy prints, on the tuning halves (PLUME_TUNE_HALF=test: the
// test halves, figures only), recall at depths 1 to 10 of plain BM25 and
// plume by file and corpus, beside ways of ordering plume's places after
// its first five pages with plain BM25 (tried, not kept: README,
// "Retrieval", session 17).
func TestTailStudy(t *testing.T) {
	rows := tailRows(t)
	vs := []tailVariant{
		{"plume", func(r tailRow) []string { return r.Final }},
		{"fused", func(r tailRow) []string { return r.Cands }},
		{"plain w1", tailByScore(1)},
		{"plain w5", tailByScore(5)},
		{"interleave", tailInterleave},
	}
	type key struct{ file, corpus string }
	figs := map[key][]depthFigures{}
	var keys []key
	for _, r := range rows {
		if len(r.Expected) == 0 {
			continue
		}
		for _, k := range []key{{"all", r.Corpus}, {r.File, r.Corpus}} {
			if figs[k] == nil {
				figs[k] = make([]depthFigures, len(vs)+1)
				keys = append(keys, k)
			}
			figs[k][0].add(FirstRank(r.Plain[:min(10, len(r.Plain))], r.Expected))
			for i, v := range vs {
				docs := withTail(r, v)
				figs[k][i+1].add(FirstRank(docs[:min(10, len(docs))], r.Expected))
			}
		}
	}
	for _, k := range keys {
		t.Logf("%s %s n=%d r@1..10", k.file, k.corpus, figs[k][0].n)
		t.Logf("  %-12s%s", "plain BM25", figs[k][0])
		for i, v := range vs {
			t.Logf("  %-12s%s", v.name, figs[k][i+1])
		}
	}
}

// hitIDs returns the external ids of documents found, in order.
func hitIDs(t *testing.T, st *store.Store, hits []store.DocHit) []string {
	if len(hits) == 0 {
		return nil
	}
	ids := make([]int64, len(hits))
	for i, h := range hits {
		ids[i] = h.DocumentID
	}
	return externalIDs(t, st, ids)
}
