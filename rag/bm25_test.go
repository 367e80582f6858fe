package rag_test

import (
	"context"
	"math"
	"sort"
	"testing"

	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/store"
)

// bm25Index is the textbook baseline every retrieval figure is printed
// beside: Okapi BM25 (k1 1.2, b 0.75) over each document's title and text as
// one field, with the same French analysis (unaccent + Snowball stemmer)
// as plume, and nothing else: no lexicon, no typo repair, no vectors, no
// weighing of the message's sentences.
type bm25Index struct {
	postings map[string][]posting
	length   map[int64]float64
	extID    map[int64]string
	avg      float64
}

type posting struct {
	doc int64
	tf  float64
}

const bm25K1, bm25B = 1.2, 0.75

// loadBM25 reads the term counts of every published document.
func loadBM25(tb testing.TB, st *store.Store) *bm25Index {
	tb.Helper()
	ctx := context.Background()
	ix := &bm25Index{postings: map[string][]posting{}, length: map[int64]float64{}, extID: map[int64]string{}}
	rows, err := st.Pool().Query(ctx, `SELECT t.lexeme, t.document_id, t.tf_title + t.tf_body, d.external_id
		FROM document_terms t JOIN documents d ON d.id = t.document_id WHERE d.status = 'published'`)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var lex, ext string
		var doc int64
		var tf float64
		if err := rows.Scan(&lex, &doc, &tf, &ext); err != nil {
			tb.Fatal(err)
		}
		ix.postings[lex] = append(ix.postings[lex], posting{doc, tf})
		ix.length[doc] += tf
		ix.extID[doc] = ext
	}
	if err := rows.Err(); err != nil {
		tb.Fatal(err)
	}
	for _, l := range ix.length {
		ix.avg += l
	}
	ix.avg /= math.Max(1, float64(len(ix.length)))
	return ix
}

// search returns the k best documents for text by BM25.
func (ix *bm25Index) search(tb testing.TB, st *store.Store, text string, k int) []string {
	tb.Helper()
	var lexemes []string
	err := st.Pool().QueryRow(context.Background(),
		`SELECT coalesce(array_agg(w), '{}') FROM unnest(tsvector_to_array(to_tsvector('plume_fr', $1))) AS w`, text).Scan(&lexemes)
	if err != nil {
		tb.Fatal(err)
	}
	n := float64(len(ix.length))
	scores := map[int64]float64{}
	for _, lex := range lexemes {
		ps := ix.postings[lex]
		if len(ps) == 0 {
			continue
		}
		df := float64(len(ps))
		idf := math.Log(1 + (n-df+0.5)/(df+0.5))
		for _, p := range ps {
			norm := bm25K1 * (1 - bm25B + bm25B*ix.length[p.doc]/ix.avg)
			scores[p.doc] += idf * p.tf * (bm25K1 + 1) / (p.tf + norm)
		}
	}
	docs := make([]int64, 0, len(scores))
	for d := range scores {
		docs = append(docs, d)
	}
	sort.Slice(docs, func(i, j int) bool {
		if scores[docs[i]] != scores[docs[j]] {
			return scores[docs[i]] > scores[docs[j]]
		}
		return docs[i] < docs[j]
	})
	out := make([]string, 0, k)
	for _, d := range docs[:min(k, len(docs))] {
		out = append(out, ix.extID[d])
	}
	return out
}

// evaluate runs the baseline on the questions as plume receives them
// (redacted, placeholders removed) and returns the same report as plume's.
func (ix *bm25Index) evaluate(tb testing.TB, st *store.Store, qs []rag.EvalQuestion, k int) rag.EvalReport {
	tb.Helper()
	var outs []rag.EvalOutcome
	for _, q := range qs {
		_, red, err := rag.NewSearcher(st, nil, nil, nil, rag.SearchOptions{}).RedactQuery(context.Background(), q.Question)
		if err != nil {
			tb.Fatal(err)
		}
		docs := ix.search(tb, st, red.Text.WithoutPlaceholders(red.Mapping).String(), k)
		outs = append(outs, rag.EvalOutcome{Question: q, Docs: docs, Rank: rag.FirstRank(docs, q.Expected)})
	}
	return rag.Summarize(outs)
}

// recallAt is recallAt's figure for the baseline: the share of questions
// with an expected document among the first k (Also counted when withAlso).
func (ix *bm25Index) recallAt(tb testing.TB, st *store.Store, qs []question, k int, withAlso bool) float64 {
	tb.Helper()
	found := 0
	for _, q := range qs {
		want := append([]string(nil), q.IDs...)
		if withAlso {
			want = append(want, q.Also...)
		}
		if rag.FirstRank(ix.search(tb, st, q.Q, k), want) > 0 {
			found++
		}
	}
	return float64(found) / float64(len(qs))
}
