package rag_test

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/store"
)

// TestSemExperiment measures, on the tuning half of the messages over the
// 535 fiches only, whether word vectors trained from the corpus itself
// (semModel: PPMI + truncated SVD over the documents of PLUME_SEM_TRAIN_DB,
// e.g. the whole 2020 corpus and the fiches) help plume: recall by their
// cosine alone beside BM25 and plume, recall when their ranking is fused
// with plume's, and how well their cosine separates answerable messages
// from out-of-corpus ones (AUC) beside the reliability features. It is an
// experiment, run only with PLUME_SEM_EXPERIMENT=1; it never reads the test
// half.
func TestSemExperiment(t *testing.T) {
	train := os.Getenv("PLUME_SEM_TRAIN_DB")
	if os.Getenv("PLUME_SEM_EXPERIMENT") != "1" || train == "" {
		t.Skip("set PLUME_SEM_EXPERIMENT=1 and PLUME_SEM_TRAIN_DB to run the word-vector experiment")
	}
	ctx := context.Background()
	tst, err := store.Open(ctx, train)
	if err != nil {
		t.Fatal(err)
	}
	defer tst.Close()
	start := time.Now()
	c := loadSemCorpus(t, ctx, tst)
	t.Logf("corpus: %d documents, %d terms, read in %s", len(c.docs), len(c.rows), time.Since(start).Round(time.Millisecond))
	st, s := ingested(t, sharedData(t, "spf-fiches.jsonl"))
	qs := messageSet(loadUserMessages(t), "spf", "tuning")
	plume, err := s.Evaluate(ctx, qs, 20)
	if err != nil {
		t.Fatal(err)
	}
	bm25 := loadBM25(t, st).evaluate(t, st, qs, 20)
	texts := messageLexemes(t, ctx, st, s, qs)
	t.Logf("%s\n%s", rankLine("BM25", bm25.Outcomes), rankLine("plume", plume.Outcomes))
	// The grid tried on the tuning half: dimensions, and the power of the
	// singular values scaling the word vectors.
	for _, g := range []struct{ k, power float64 }{{300, 0}, {500, 0}, {500, 0.5}, {800, 0}} {
		start := time.Now()
		m := trainSem(c, int(g.k), g.power)
		took := time.Since(start).Round(time.Millisecond)
		t.Logf("k %d, U·S^%.1f, trained in %s:\n%s", int(g.k), g.power, took, semReport(m, plume.Outcomes, texts))
	}
}

// messageLexemes returns each question's lexemes with their counts, from
// the message as plume searches it (redacted, placeholders removed).
func messageLexemes(tb testing.TB, ctx context.Context, st *store.Store, s *rag.Searcher, qs []rag.EvalQuestion) []map[string]float64 {
	tb.Helper()
	out := make([]map[string]float64, len(qs))
	for i, q := range qs {
		text, _, err := s.RedactQuery(ctx, q.Question)
		if err != nil {
			tb.Fatal(err)
		}
		rows, err := st.Pool().Query(ctx, `SELECT lexeme, coalesce(array_length(positions, 1), 1) FROM unnest(to_tsvector('plume_fr', $1))`, text.String())
		if err != nil {
			tb.Fatal(err)
		}
		out[i] = map[string]float64{}
		for rows.Next() {
			var lex string
			var n float64
			if err := rows.Scan(&lex, &n); err != nil {
				tb.Fatal(err)
			}
			out[i][lex] = n
		}
		rows.Close()
	}
	return out
}

// semRanking returns the fiches by cosine with v, best first, and every
// fiche's cosine.
func semRanking(m *semModel, v []float64) ([]string, map[string]float64) {
	cos := make(map[string]float64, len(m.fiches))
	for id, f := range m.fiches {
		cos[id] = cosine(v, f)
	}
	return byScore(cos), cos
}

// fuseRanks merges plume's documents with the cosine ranking by reciprocal
// rank fusion (plume's constant, 20), the cosine weighing w.
func fuseRanks(plume, sem []string, w float64) []string {
	score := map[string]float64{}
	for i, id := range plume {
		score[id] += 1 / (20 + float64(i+1))
	}
	for i, id := range sem[:min(len(sem), 20)] {
		score[id] += w / (20 + float64(i+1))
	}
	return byScore(score)
}

// byScore returns the ids best first (ties by id).
func byScore(score map[string]float64) []string {
	ids := make([]string, 0, len(score))
	for id := range score {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		if score[ids[i]] != score[ids[j]] {
			return score[ids[i]] > score[ids[j]]
		}
		return ids[i] < ids[j]
	})
	return ids
}

// semReport gives the model's recall alone and fused with plume's ranking,
// and the AUC of its cosines beside the reliability features.
func semReport(m *semModel, outs []rag.EvalOutcome, texts []map[string]float64) string {
	var alone []rag.EvalOutcome
	fused := map[float64][]rag.EvalOutcome{}
	weights := []float64{0.25, 0.5, 1}
	best, top := make([]float64, len(outs)), make([]float64, len(outs))
	for i, o := range outs {
		ids, cos := semRanking(m, m.embed(texts[i]))
		alone = append(alone, withRank(o, rag.FirstRank(ids, o.Question.Expected)))
		for _, w := range weights {
			f := fuseRanks(o.Docs, ids, w)
			fused[w] = append(fused[w], withRank(o, rag.FirstRank(f, o.Question.Expected)))
		}
		best[i] = cos[ids[0]]
		if len(o.Docs) > 0 {
			top[i] = cos[o.Docs[0]]
		}
	}
	var b strings.Builder
	b.WriteString(rankLine("cosine", alone) + "\n")
	for _, w := range weights {
		b.WriteString(rankLine(fmt.Sprintf("fused w%.2f", w), fused[w]) + "\n")
	}
	b.WriteString(aucLine(outs, best, top) + "\n")
	b.WriteString(crossValidated(outs, best))
	return b.String()
}

// withRank returns o with the rank another ranking gave its document.
func withRank(o rag.EvalOutcome, rank int) rag.EvalOutcome {
	o.Rank = rank
	return o
}

// rankLine formats recall at 1, 5 and 10 and MRR over the answerable ones
// (rag.Summarize).
func rankLine(name string, outs []rag.EvalOutcome) string {
	r := rag.Summarize(outs)
	return fmt.Sprintf("  %-12s r@1 %.3f  r@5 %.3f  r@10 %.3f  MRR %.3f  (%d answerable)", name, r.RecallAt1, r.RecallAt5,
		r.RecallAt10, r.MRR, r.Answerable)
}

// aucLine gives the AUC, answerable against out of corpus, of the best
// cosine, the cosine of plume's first fiche, each reliability feature and
// the reliability score.
func aucLine(outs []rag.EvalOutcome, best, top []float64) string {
	def := rag.DefaultReliability
	signals := []struct {
		name string
		of   func(i int) float64
	}{
		{"sem best", func(i int) float64 { return best[i] }},
		{"sem top", func(i int) float64 { return top[i] }},
		{"Cosine", func(i int) float64 { return outs[i].Top.Cosine }},
		{"Passage", func(i int) float64 { return outs[i].Top.Passage }},
		{"Request", func(i int) float64 { return outs[i].Top.Request }},
		{"BM25", func(i int) float64 { return outs[i].Top.BM25 }},
		{"Unknown", func(i int) float64 { return -outs[i].Top.Unknown }},
		{"score", func(i int) float64 { return def.Score(outs[i].Top) }},
	}
	var b strings.Builder
	b.WriteString("  AUC")
	for _, s := range signals {
		var pos, neg []float64
		for i, o := range outs {
			if o.Answerable() {
				pos = append(pos, s.of(i))
			} else {
				neg = append(neg, s.of(i))
			}
		}
		fmt.Fprintf(&b, "  %s %.3f", s.name, auc(pos, neg))
	}
	return b.String()
}

// auc is the probability that a positive scores above a negative (ties
// count a half).
func auc(pos, neg []float64) float64 {
	var s float64
	for _, p := range pos {
		for _, n := range neg {
			switch {
			case p > n:
				s++
			case p == n:
				s += 0.5
			}
		}
	}
	return s / float64(len(pos)*len(neg))
}

// crossValidated gives the reliability decision cross-validated on the
// outcomes (crossValidate), with plume's features and with the passage
// cosine of the local embedder replaced by the best cosine of the model,
// with every feature and without the own-case and outside cues.
func crossValidated(outs []rag.EvalOutcome, best []float64) string {
	replaced := make([]rag.EvalOutcome, len(outs))
	for i, o := range outs {
		o.Top.Cosine = best[i]
		replaced[i] = o
	}
	var b strings.Builder
	for _, v := range []struct {
		name  string
		strip func(*rag.Features)
	}{
		{"every feature", func(*rag.Features) {}},
		{"without cues", func(f *rag.Features) { f.OwnCase, f.Outside = 0, 0 }},
	} {
		for _, set := range []struct {
			name string
			outs []rag.EvalOutcome
		}{{"local cosine", outs}, {"sem cosine", replaced}} {
			cv, err := crossValidate(set.outs, v.strip)
			if err != nil {
				return err.Error()
			}
			fmt.Fprintf(&b, "  5-fold CV, %s, %s: found in top 5 %.3f, flagged %.3f\n", v.name, set.name, cv.ReliableFoundInTop5, cv.FlaggedOutOfCorpus)
		}
	}
	return b.String()
}
