package rag_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/store"
)

// BenchmarkCuration builds the curation work list over 10,000 stored
// drafts of one service: a third without a reliable source (questions of
// the test sets, so that groups form), a tenth rejected or rated low, every
// draft citing demo documents. The goal is under 300 ms an operation.
func BenchmarkCuration(b *testing.B) {
	ctx := context.Background()
	st := benchCurationStore(b)
	sc := store.CurationScope{Service: "caf", ServiceSet: true}
	var rep rag.CurationReport
	var err error
	for b.Loop() {
		if rep, err = rag.Curation(ctx, st, sc, rag.CurationOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(rep.Unanswered)), "groups")
	if len(rep.Unanswered) == 0 || len(rep.LowRated) == 0 || len(rep.MostCited) == 0 {
		b.Fatalf("empty report: %d groups, %d low rated, %d cited", len(rep.Unanswered), len(rep.LowRated), len(rep.MostCited))
	}
}

// benchCurationStore is the demo corpus with 10,000 drafts of the CAF.
func benchCurationStore(b *testing.B) *store.Store {
	ctx := context.Background()
	st, _ := ingested(b, filepath.Join(repoRoot, "demo", "corpus"))
	var questions []string
	for _, q := range loadQuestions(b, "testdata/spf-questions.jsonl") {
		questions = append(questions, "Bonjour [NOM_1], "+q.Q+" Merci.")
	}
	page, err := st.ListDocuments(ctx, store.DocumentFilter{Limit: 100})
	if err != nil {
		b.Fatal(err)
	}
	var ids []int64
	for _, d := range page.Documents {
		ids = append(ids, d.ID)
	}
	_, err = st.Pool().Exec(ctx, `INSERT INTO drafts (id, created_at, channel, service, question, draft, reliable, sources)
		SELECT 'd_bench' || i, now() - (i % 90) * interval '1 day', 'email', 'caf', ($1::text[])[1 + i % cardinality($1::text[])],
			'Brouillon', i % 3 <> 0,
			jsonb_build_array(jsonb_build_object('n', 1, 'document_id', ($2::bigint[])[1 + i % cardinality($2::bigint[])], 'cited', true,
				'title', 'Titre'))
		FROM generate_series(1, 10000) i`, questions, ids)
	if err != nil {
		b.Fatal(err)
	}
	_, err = st.Pool().Exec(ctx, `INSERT INTO feedback (draft_id, draft_created_at, outcome, rating, tags)
		SELECT d.id, d.created_at, CASE WHEN i % 20 = 0 THEN 'rejected' ELSE 'edited' END, 1 + i % 5, '{incomplet}'
		FROM generate_series(1, 10000, 5) i JOIN drafts d ON d.id = 'd_bench' || i`)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := st.Pool().Exec(ctx, "ANALYZE drafts; ANALYZE feedback"); err != nil {
		b.Fatal(err)
	}
	return st
}
