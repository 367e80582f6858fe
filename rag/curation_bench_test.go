package rag_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/redact"
	"github.com/plume-sp/plume/store"
	"golang.org/x/sync/errgroup"
)

// BenchmarkCuration builds the curation work list over 10,000 stored
// drafts of four services (benchCurationStore): for one service's admin
// (the CAF's, 40 % of the drafts) and for a global admin (all of them).
// The goal is under 300 ms an operation.
func BenchmarkCuration(b *testing.B) {
	ctx := context.Background()
	st := benchCurationStore(b)
	for _, tc := range []struct {
		name string
		sc   store.CurationScope
	}{
		{"service", store.CurationScope{Service: "caf", ServiceSet: true}},
		{"global", store.CurationScope{}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			var rep rag.CurationReport
			var err error
			for b.Loop() {
				if rep, err = rag.Curation(ctx, st, tc.sc, rag.CurationOptions{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(rep.Unanswered)), "groups")
			if len(rep.Unanswered) == 0 || len(rep.LowRated) == 0 || len(rep.MostCited) == 0 {
				b.Fatalf("empty report: %d groups, %d low rated, %d cited", len(rep.Unanswered), len(rep.LowRated), len(rep.MostCited))
			}
		})
	}
}

// BenchmarkCurationConcurrent is a few administrators opening the work
// list at once (curationCallers global lists at a time) while agents
// draft: it reports the most pool connections in use, and how long a
// one-row query (a draft's read, probed every millisecond) took in all at
// the 95th percentile, and waited for a connection at most and how often
// over a millisecond, and how many acquisitions found every connection
// taken (pool-empty, any caller's: the one figure the machine's load does
// not blur). The
// goal: the lists hold at most store.CurationSlots connections, whatever
// the callers, and leave the rest of the pool to drafting.
func BenchmarkCurationConcurrent(b *testing.B) {
	ctx := context.Background()
	st := benchCurationStore(b)
	var probes poolProbes
	empty := st.Pool().Stat().EmptyAcquireCount()
	for b.Loop() {
		stop := make(chan struct{})
		done := make(chan struct{})
		go func() { probes.run(ctx, st.Pool(), stop); close(done) }()
		var g errgroup.Group
		for range curationCallers {
			g.Go(func() error {
				_, err := rag.Curation(ctx, st, store.CurationScope{}, rag.CurationOptions{})
				return err
			})
		}
		err := g.Wait()
		close(stop)
		<-done
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(probes.peak), "peak-conns")
	b.ReportMetric(float64(st.Pool().Stat().EmptyAcquireCount()-empty)/float64(b.N), "pool-empty/op")
	b.ReportMetric(p95ms(probes.queries), "query-p95-ms")
	if len(probes.waits) == 0 {
		b.Fatal("no probe ran")
	}
	b.ReportMetric(float64(slices.Max(probes.waits).Microseconds())/1000, "wait-max-ms")
	waited := 0
	for _, w := range probes.waits {
		if w > time.Millisecond {
			waited++
		}
	}
	b.ReportMetric(100*float64(waited)/float64(len(probes.waits)), "%waited>1ms")
}

// curationCallers is how many administrators BenchmarkCurationConcurrent
// has open the work list at once.
const curationCallers = 4

// poolProbes are the waits for a connection and the durations of one-row
// queries, and the most connections acquired at any probe (the probe's
// own excluded).
type poolProbes struct {
	waits, queries []time.Duration
	peak           int32
}

// run probes pool every millisecond until stop.
func (p *poolProbes) run(ctx context.Context, pool *pgxpool.Pool, stop chan struct{}) {
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-stop:
			return
		case <-tick.C:
		}
		p.peak = max(p.peak, pool.Stat().AcquiredConns())
		start := time.Now()
		conn, err := pool.Acquire(ctx)
		if err != nil {
			return
		}
		p.waits = append(p.waits, time.Since(start))
		var one int
		err = conn.QueryRow(ctx, "SELECT 1").Scan(&one)
		conn.Release()
		if err != nil {
			return
		}
		p.queries = append(p.queries, time.Since(start))
	}
}

// p95ms is the 95th percentile of ds, in milliseconds.
func p95ms(ds []time.Duration) float64 {
	if len(ds) == 0 {
		return 0
	}
	ds = slices.Clone(ds)
	slices.Sort(ds)
	return float64(ds[len(ds)*95/100].Microseconds()) / 1000
}

// BenchmarkCurationHolds is the check a closure makes over the same
// drafts (rag.CurationHolds): one item of each kind that the global work
// list holds, for a global admin, against the whole list it replaced
// (BenchmarkCuration/global). Every document counts as stale here (the
// demo corpus is recent).
func BenchmarkCurationHolds(b *testing.B) {
	ctx := context.Background()
	st := benchCurationStore(b)
	opts := rag.CurationOptions{StaleAfter: time.Nanosecond}
	rep, err := rag.Curation(ctx, st, store.CurationScope{}, opts)
	if err != nil {
		b.Fatal(err)
	}
	if len(rep.Unanswered) == 0 || len(rep.LowRated) == 0 || len(rep.Stale) == 0 {
		b.Fatalf("empty report: %d groups, %d low rated, %d stale", len(rep.Unanswered), len(rep.LowRated), len(rep.Stale))
	}
	for _, it := range []struct{ kind, key string }{
		{rag.ItemUnanswered, rep.Unanswered[0].Key}, {rag.ItemLowRated, rep.LowRated[0].Key}, {rag.ItemStale, rep.Stale[0].Key},
	} {
		b.Run(it.kind, func(b *testing.B) {
			for b.Loop() {
				ok, err := rag.CurationHolds(ctx, st, store.CurationScope{}, opts, it.kind, it.key)
				if err != nil || !ok {
					b.Fatalf("%s %s: %v, %v", it.kind, it.key, ok, err)
				}
			}
		})
	}
}

// benchServices are the services of the benchmark's drafts and their
// shares, out of 20.
var benchServices = []struct {
	name  string
	share int
}{{"caf", 8}, {"france-travail", 5}, {"ants", 4}, {"impots", 3}}

// benchCurationStore is the demo corpus with 10,000 drafts spread over
// four services and 90 days (benchDrafts) and feedback on 60 % of them
// (benchFeedback).
func benchCurationStore(b *testing.B) *store.Store { return curationStore(b, 10000) }

// curationStore is the demo corpus with n drafts as benchCurationStore
// spreads them, and their feedback.
func curationStore(b testing.TB, n int) *store.Store {
	ctx := context.Background()
	st, _ := ingested(b, filepath.Join(repoRoot, "demo", "corpus"))
	page, err := st.ListDocuments(ctx, store.DocumentFilter{Limit: 100})
	if err != nil {
		b.Fatal(err)
	}
	var docs []int64
	for _, d := range page.Documents {
		docs = append(docs, d.ID)
	}
	rnd := rand.New(rand.NewPCG(2026, 12))
	d := benchDrafts(rnd, curationQuestions(b), docs, n)
	_, err = st.Pool().Exec(ctx, `INSERT INTO drafts (id, created_at, channel, service, question, draft, reliable, sources)
		SELECT id, created_at, 'email', service, question, 'Brouillon', reliable, sources::jsonb
		FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::text[], $5::bool[], $6::text[])
			AS t(id, created_at, service, question, reliable, sources)`, d.ids, d.created, d.services, d.questions, d.reliable, d.sources)
	if err != nil {
		b.Fatal(err)
	}
	f := benchFeedback(rnd, d)
	_, err = st.Pool().Exec(ctx, `INSERT INTO feedback (draft_id, draft_created_at, outcome, rating, tags)
		SELECT id, created_at, outcome, rating, string_to_array(tags, ',')
		FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::int[], $5::text[]) AS t(id, created_at, outcome, rating, tags)`,
		f.ids, f.created, f.outcomes, f.ratings, f.tags)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := st.Pool().Exec(ctx, "ANALYZE drafts; ANALYZE feedback"); err != nil {
		b.Fatal(err)
	}
	return st
}

// curationQuestions are the questions drafts are asked from: the short
// questions of the test sets and the realistic messages, redacted as
// drafts store them.
func curationQuestions(b testing.TB) []string {
	var out []string
	for _, set := range []string{"testdata/spf-questions.jsonl", "testdata/vosdroits-questions.jsonl"} {
		for _, q := range loadQuestions(b, set) {
			out = append(out, q.Q)
		}
	}
	for _, m := range loadUserMessages(b) {
		red, err := redact.Redact(context.Background(), m.Question, redact.DefaultPolicy())
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, red.Text.String())
	}
	return out
}

// benchRows are drafts (or their feedback) as columns.
type benchRows struct {
	ids, services, questions, sources, outcomes, tags []string
	created                                           []time.Time
	reliable                                          []bool
	ratings                                           []*int32
}

// benchDrafts draws n drafts: a question drawn with a long tail (a few
// asked often, most rarely), written again half the time as people write
// the same question (benchVariant); a service by benchServices' shares; a
// day in the last 90; a reliable source two times in three, one to three
// cited documents.
func benchDrafts(rnd *rand.Rand, questions []string, docs []int64, n int) benchRows {
	var d benchRows
	zipf := rand.NewZipf(rnd, 1.1, 4, uint64(len(questions)-1))
	now := time.Now()
	for i := range n {
		q := questions[zipf.Uint64()]
		if rnd.IntN(2) == 0 {
			q = benchVariant(rnd, q)
		}
		d.ids = append(d.ids, fmt.Sprintf("d_bench%d", i))
		d.services = append(d.services, benchService(rnd))
		d.questions = append(d.questions, q)
		d.created = append(d.created, now.Add(-time.Duration(rnd.Float64()*90*24)*time.Hour))
		d.reliable = append(d.reliable, rnd.IntN(3) != 0)
		d.sources = append(d.sources, benchSources(rnd, docs))
	}
	return d
}

func benchService(rnd *rand.Rand) string {
	r := rnd.IntN(20)
	for _, s := range benchServices {
		if r < s.share {
			return s.name
		}
		r -= s.share
	}
	return benchServices[0].name
}

// benchSources are one to three cited documents, as a draft's citations.
func benchSources(rnd *rand.Rand, docs []int64) string {
	var cites []string
	for n := range 1 + rnd.IntN(3) {
		cites = append(cites, fmt.Sprintf(`{"n": %d, "document_id": %d, "cited": true, "title": "Titre"}`, n+1, docs[rnd.IntN(len(docs))]))
	}
	return "[" + strings.Join(cites, ", ") + "]"
}

// benchVariant writes q again as another person would: a greeting or
// thanks added, lower case, accents dropped, a word left out, two letters
// swapped.
func benchVariant(rnd *rand.Rand, q string) string {
	switch rnd.IntN(5) {
	case 0:
		return []string{"Bonjour, ", "Bonjour [NOM_1], ", "slt ", "Madame, Monsieur, "}[rnd.IntN(4)] + q
	case 1:
		return strings.ToLower(q) + []string{" merci", " Merci d'avance.", " svp", ""}[rnd.IntN(4)]
	case 2:
		return strings.NewReplacer("é", "e", "è", "e", "ê", "e", "à", "a", "ç", "c", "ô", "o", "û", "u", "'", " ").Replace(q)
	case 3:
		words := strings.Fields(q)
		if len(words) < 4 {
			return q
		}
		i := rnd.IntN(len(words))
		return strings.Join(append(words[:i:i], words[i+1:]...), " ")
	}
	r := []rune(q)
	if len(r) > 3 {
		i := 1 + rnd.IntN(len(r)-2)
		r[i], r[i+1] = r[i+1], r[i]
	}
	return string(r)
}

// benchFeedback gives 60 % of the drafts feedback: accepted (rated 4 or 5,
// or not rated), edited (rated 2 to 4), or rejected (rated 1 or 2), more
// often rejected when no reliable source was found; tags as agents give
// them.
func benchFeedback(rnd *rand.Rand, d benchRows) benchRows {
	var f benchRows
	tags := []string{"", "clair", "incomplet", "hors sujet", "ton", "incomplet,source"}
	for i, id := range d.ids {
		if rnd.IntN(10) >= 6 {
			continue
		}
		outcome, lo, hi := "accepted", 4, 5
		switch r := rnd.IntN(20); {
		case r < 3 || !d.reliable[i] && r < 8:
			outcome, lo, hi = "rejected", 1, 2
		case r < 11:
			outcome, lo, hi = "edited", 2, 4
		}
		var rating *int32
		if rnd.IntN(5) != 0 {
			v := int32(lo + rnd.IntN(hi-lo+1))
			rating = &v
		}
		f.ids, f.created, f.outcomes = append(f.ids, id), append(f.created, d.created[i]), append(f.outcomes, outcome)
		f.ratings, f.tags = append(f.ratings, rating), append(f.tags, tags[rnd.IntN(len(tags))])
	}
	return f
}
