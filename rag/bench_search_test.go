package rag_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/plume-sp/plume/ingest"
	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/store/storetest"
)

// benchSearch runs every question once per iteration and reports the p50
// and p95 latency of one search.
func benchSearch(b *testing.B, s *rag.Searcher, questions []string) {
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
}

func questionTexts(b *testing.B, file string) []string {
	var out []string
	for _, q := range loadQuestions(b, filepath.Join("testdata", file)) {
		out = append(out, q.Q)
	}
	return out
}

// BenchmarkSearchSPF searches the 535 real fiches.
func BenchmarkSearchSPF(b *testing.B) {
	_, s := ingested(b, sharedData(b, "spf-fiches.jsonl"))
	benchSearch(b, s, questionTexts(b, "spf-questions.jsonl"))
}

// BenchmarkSearchFullCorpus searches the whole 2020 corpus and the fiches.
func BenchmarkSearchFullCorpus(b *testing.B) {
	_, s := ingested(b, sharedData(b, "spf-fiches.jsonl"), sharedData(b, "vosdroits-2020.zip"))
	benchSearch(b, s, append(questionTexts(b, "spf-questions.jsonl"), questionTexts(b, "vosdroits-questions.jsonl")...))
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
	_, s := ingested(b, sharedData(b, "spf-fiches.jsonl"))
	benchSearch(b, s, messageTexts(b))
}

// BenchmarkSearchMessagesFullCorpus searches the long realistic messages
// over the whole 2020 corpus and the fiches (no query rewrite).
func BenchmarkSearchMessagesFullCorpus(b *testing.B) {
	_, s := ingested(b, sharedData(b, "spf-fiches.jsonl"), sharedData(b, "vosdroits-2020.zip"))
	benchSearch(b, s, messageTexts(b))
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
	s := rag.NewSearcher(st, embedder, rag.DefaultLexicon(), nil, rag.SearchOptions{})
	benchSearch(b, s, append(questionTexts(b, "spf-questions.jsonl")[:60], "renouveler ma carte d'identité", "RSA montant"))
}

func readDemo(ctx context.Context) ([]ingest.Document, error) {
	var docs []ingest.Document
	err := ingest.Walk(ctx, filepath.Join(repoRoot, "demo", "corpus"), func(path string, d []ingest.Document, err error) error {
		docs = append(docs, d...)
		return err
	})
	return docs, err
}
