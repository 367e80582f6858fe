package ingest_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/plume-sp/plume/ingest"
	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/store/storetest"
)

func sharedFile(tb testing.TB, name string) string {
	tb.Helper()
	path := filepath.Join("..", "..", "shared", "data", name)
	if _, err := os.Stat(path); err != nil {
		tb.Skipf("real data not available: %v", err)
	}
	return path
}

// benchIngest ingests path into a fresh store, from empty, then again
// unchanged, and reports both times and the chunks written.
func benchIngest(b *testing.B, path string) {
	ctx := context.Background()
	embedder, _ := llm.NewLocalEmbedder(0)
	var first, again time.Duration
	chunks := 0
	for b.Loop() {
		b.StopTimer()
		st := storetest.NewStore(b)
		b.StartTimer()
		p := ingest.NewPipeline(st, embedder, nil, ingest.Options{})
		r, err := p.IngestPaths(ctx, []string{path})
		if err != nil || len(r.Failed) > 0 {
			b.Fatalf("ingest: %v (%d files failed)", err, len(r.Failed))
		}
		first += r.Took
		chunks = r.Chunks
		r, err = p.IngestPaths(ctx, []string{path})
		if err != nil || r.Changed() {
			b.Fatalf("re-ingest: %v, changed %v", err, r.Changed())
		}
		again += r.Took
	}
	n := float64(b.N)
	b.ReportMetric(first.Seconds()/n, "first-s")
	b.ReportMetric(again.Seconds()/n, "unchanged-s")
	b.ReportMetric(100*again.Seconds()/first.Seconds(), "unchanged-%")
	b.ReportMetric(float64(chunks), "chunks")
	b.ReportMetric(0, "ns/op")
}

// BenchmarkIngestSPF ingests the 535 real fiches (JSONL).
func BenchmarkIngestSPF(b *testing.B) { benchIngest(b, sharedFile(b, "spf-fiches.jsonl")) }

// BenchmarkIngestVosdroits ingests the whole 2020 corpus (4,111 pages).
func BenchmarkIngestVosdroits(b *testing.B) { benchIngest(b, sharedFile(b, "vosdroits-2020.zip")) }
