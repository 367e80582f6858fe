package rag_test

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/plume-sp/plume/ingest"
	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/plumetest"
	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/store/storetest"
)

// stageLog sums the stage times that searches log at debug level
// ("search stages").
type stageLog struct {
	mu     sync.Mutex
	sums   map[string]time.Duration
	counts map[string]int
}

func newStageLog() *stageLog {
	return &stageLog{sums: map[string]time.Duration{}, counts: map[string]int{}}
}

func (l *stageLog) Enabled(_ context.Context, level slog.Level) bool { return level == slog.LevelDebug }

func (l *stageLog) Handle(_ context.Context, r slog.Record) error {
	if r.Message != "search stages" {
		return nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	r.Attrs(func(a slog.Attr) bool {
		l.sums[a.Key] += a.Value.Duration()
		l.counts[a.Key]++
		return true
	})
	return nil
}

// reset forgets the stages logged so far.
func (l *stageLog) reset() {
	l.mu.Lock()
	defer l.mu.Unlock()
	clear(l.sums)
	clear(l.counts)
}

// searches is the number of searches logged.
func (l *stageLog) searches() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.counts["total"]
}

func (l *stageLog) WithAttrs([]slog.Attr) slog.Handler { return l }
func (l *stageLog) WithGroup(string) slog.Handler      { return l }

// report adds the mean time of each stage to b's metrics.
func (l *stageLog) report(b *testing.B) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for stage, sum := range l.sums {
		b.ReportMetric(float64(sum.Microseconds())/1000/float64(l.counts[stage]), stage+"-ms")
	}
}

// stagedSearcher returns the searcher of a fresh plume holding paths, whose
// stage times go to the returned log.
func stagedSearcher(b *testing.B, paths ...string) (*rag.Searcher, *stageLog) {
	l := newStageLog()
	p := plumetest.New(b, plumetest.WithCorpus(paths...), plumetest.WithLog(slog.New(l)))
	return p.Searcher, l
}

// benchSearch runs every question once per iteration and reports the p50
// and p95 latency of one search, and the mean time of each of its stages
// (analyse, embed, searches — text, vector, documents at once —, passages).
func benchSearch(b *testing.B, s *rag.Searcher, stages *stageLog, questions []string) {
	b.Helper()
	var lat []time.Duration
	b.ResetTimer()
	for b.Loop() {
		for _, q := range questions {
			start := time.Now()
			if _, err := s.Search(context.Background(), rag.Query{Text: query(b, s, q), K: 5}); err != nil {
				b.Fatal(err)
			}
			lat = append(lat, time.Since(start))
		}
	}
	b.StopTimer()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*95/100].Microseconds())/1000, "p95-ms")
	b.ReportMetric(0, "ns/op")
	stages.report(b)
}

func questionTexts(tb testing.TB, file string) []string {
	var out []string
	for _, q := range loadQuestions(tb, filepath.Join("testdata", file)) {
		out = append(out, q.Q)
	}
	return out
}

// BenchmarkSearchSPF searches the 535 real fiches.
func BenchmarkSearchSPF(b *testing.B) {
	s, stages := stagedSearcher(b, sharedData(b, "spf-fiches.jsonl"))
	benchSearch(b, s, stages, questionTexts(b, "spf-questions.jsonl"))
}

// BenchmarkSearchFullCorpus searches the whole 2020 corpus and the fiches.
func BenchmarkSearchFullCorpus(b *testing.B) {
	s, stages := stagedSearcher(b, sharedData(b, "spf-fiches.jsonl"), sharedData(b, "vosdroits-2020.zip"))
	benchSearch(b, s, stages, append(questionTexts(b, "spf-questions.jsonl"), questionTexts(b, "vosdroits-questions.jsonl")...))
}

// messageTexts returns the realistic messages as a draft searches them:
// redacted, placeholders removed.
func messageTexts(b *testing.B) []string {
	var out []string
	for _, m := range loadUserMessages(b) {
		text, _, err := rag.NewSearcher(nil, nil, nil, nil, rag.SearchOptions{}).RedactQuery(context.Background(), m.Question)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, text.String())
	}
	return out
}

// BenchmarkSearchMessagesSPF searches the long realistic messages over the
// 535 fiches.
func BenchmarkSearchMessagesSPF(b *testing.B) {
	s, stages := stagedSearcher(b, sharedData(b, "spf-fiches.jsonl"))
	benchSearch(b, s, stages, messageTexts(b))
}

// BenchmarkSearchMessagesFullCorpus searches the long realistic messages
// over the whole 2020 corpus and the fiches (no query rewrite).
func BenchmarkSearchMessagesFullCorpus(b *testing.B) {
	s, stages := stagedSearcher(b, sharedData(b, "spf-fiches.jsonl"), sharedData(b, "vosdroits-2020.zip"))
	benchSearch(b, s, stages, messageTexts(b))
}

// BenchmarkSearchSynthetic100k searches 100,000 synthetic chunks made of
// the demo corpus's sentences shuffled into new passages.
func BenchmarkSearchSynthetic100k(b *testing.B) {
	ctx := context.Background()
	st := storetest.NewStore(b)
	embedder, _ := llm.NewLocalEmbedder(0)
	var sentences []string
	docs, err := readDemo(ctx)
	if err != nil {
		b.Fatal(err)
	}
	for _, d := range docs {
		for _, bl := range d.Blocks {
			sentences = append(sentences, strings.Split(bl.Text, ". ")...)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	const chunksPerDoc, total = 10, 100000
	var synthetic []ingest.Document
	for i := 0; i < total/chunksPerDoc; i++ {
		d := ingest.Document{Source: "synthetic", ExternalID: fmt.Sprintf("S%d", i), Title: sentences[rng.IntN(len(sentences))]}
		for j := 0; j < chunksPerDoc; j++ {
			var text []string
			for len(strings.Join(text, ". ")) < 1000 {
				text = append(text, sentences[rng.IntN(len(sentences))])
			}
			d.Blocks = append(d.Blocks, ingest.Block{Heading: []string{fmt.Sprintf("Partie %d", j)}, Text: strings.Join(text, ". ") + "."})
		}
		synthetic = append(synthetic, d)
	}
	start := time.Now()
	report, err := ingest.NewPipeline(st, embedder, nil, ingest.Options{}).IngestDocuments(ctx, "synthetic", synthetic)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("ingested %d synthetic chunks in %s", report.Chunks, time.Since(start).Round(time.Second))
	stages := newStageLog()
	s := rag.NewSearcher(st, embedder, rag.DefaultLexicon(), slog.New(stages), rag.SearchOptions{})
	benchSearch(b, s, stages, append(questionTexts(b, "spf-questions.jsonl")[:60], "renouveler ma carte d'identité", "RSA montant"))
}

func readDemo(ctx context.Context) ([]ingest.Document, error) {
	var docs []ingest.Document
	err := ingest.Walk(ctx, filepath.Join(repoRoot, "demo", "corpus"), func(path string, d []ingest.Document, err error) error {
		docs = append(docs, d...)
		return err
	})
	return docs, err
}
