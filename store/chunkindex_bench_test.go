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
// database (PLUME_BENCH_DB, e.g. the whole corpus; it only reads) and
// reports how long it took, the heap it holds once read (measured after a
// collection), the highest heap seen while it was read (garbage not yet
// collected included, sampled every millisecond), the bytes allocated
// meanwhile, and the index's own estimate.
func BenchmarkChunkIndexLoad(b *testing.B) {
	url := os.Getenv("PLUME_BENCH_DB")
	if url == "" {
		b.Skip("set PLUME_BENCH_DB to the URL of an ingested database")
	}
	ctx := context.Background()
	var took time.Duration
	var heap, peak, allocated float64
	var stats store.ChunkIndexStats
	for b.Loop() {
		st, err := store.Open(ctx, url)
		if err != nil {
			b.Fatal(err)
		}
		before, allocBefore := heapInUse()
		stop := make(chan struct{})
		highest := sampleHeap(stop)
		start := time.Now()
		if err := st.LoadChunkIndex(ctx); err != nil {
			b.Fatal(err)
		}
		took += time.Since(start)
		close(stop)
		peak += <-highest - before
		after, allocAfter := heapInUse()
		heap += after - before
		allocated += allocAfter - allocBefore
		stats = st.ChunkIndexStats()
		st.Close()
	}
	n := float64(b.N)
	b.ReportMetric(float64(took.Milliseconds())/n, "load-ms")
	b.ReportMetric(heap/n/1e6, "heap-MB")
	b.ReportMetric(peak/n/1e6, "peak-MB")
	b.ReportMetric(allocated/n/1e6, "alloc-MB")
	b.ReportMetric(float64(stats.Bytes)/1e6, "estimate-MB")
	b.ReportMetric(float64(stats.Positions), "positions")
	b.ReportMetric(0, "ns/op")
}

// heapInUse returns the bytes of live heap after a collection, and the
// bytes allocated so far.
func heapInUse() (live, allocated float64) {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc), float64(m.TotalAlloc)
}

// sampleHeap reads the heap in use (HeapAlloc) every millisecond until
// stop is closed, then sends the highest reading.
func sampleHeap(stop <-chan struct{}) <-chan float64 {
	out := make(chan float64, 1)
	go func() {
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		var m runtime.MemStats
		var highest float64
		for {
			runtime.ReadMemStats(&m)
			highest = max(highest, float64(m.HeapAlloc))
			select {
			case <-stop:
				out <- highest
				return
			case <-tick.C:
			}
		}
	}()
	return out
}
