package store_test

import (
	"context"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/plume-sp/plume/store"
)

// BenchmarkChunkIndexLoad reads the chunk index of an already ingested
// database (PLUME_BENCH_DB, e.g. the whole corpus) and reports how long
// it took, the heap it holds once read (measured after a collection) and
// the index's own estimate.
func BenchmarkChunkIndexLoad(b *testing.B) {
	url := os.Getenv("PLUME_BENCH_DB")
	if url == "" {
		b.Skip("set PLUME_BENCH_DB to the URL of an ingested database")
	}
	ctx := context.Background()
	var took time.Duration
	var heap float64
	var stats store.ChunkIndexStats
	for b.Loop() {
		st, err := store.Open(ctx, url)
		if err != nil {
			b.Fatal(err)
		}
		before := heapInUse()
		start := time.Now()
		if err := st.LoadChunkIndex(ctx); err != nil {
			b.Fatal(err)
		}
		took += time.Since(start)
		heap += heapInUse() - before
		stats = st.ChunkIndexStats()
		st.Close()
	}
	n := float64(b.N)
	b.ReportMetric(float64(took.Milliseconds())/n, "load-ms")
	b.ReportMetric(heap/n/1e6, "heap-MB")
	b.ReportMetric(float64(stats.Bytes)/1e6, "estimate-MB")
	b.ReportMetric(float64(stats.Positions), "positions")
	b.ReportMetric(0, "ns/op")
}

// heapInUse returns the bytes of live heap after a collection.
func heapInUse() float64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc)
}
