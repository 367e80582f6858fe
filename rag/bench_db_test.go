package rag_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/store"
)

// BenchmarkSearchMessagesDB searches the long realistic messages over an
// already ingested database (PLUME_BENCH_DB, e.g. the whole corpus), with
// no ingest before, and reports beside the latencies and stages the CPU
// time of one search: PostgreSQL's (its backends', from /proc) and Go's.
// CPU time counts work, which a shared machine's load disturbs less than
// it does wall-clock time. PLUME_BENCH_OPTS, JSON, sets search options
// (as PLUME_TUNE_OPTS does for TestTuneMessages).
func BenchmarkSearchMessagesDB(b *testing.B) {
	url := os.Getenv("PLUME_BENCH_DB")
	if url == "" {
		b.Skip("set PLUME_BENCH_DB to the URL of an ingested database")
	}
	ctx := context.Background()
	app := fmt.Sprintf("plume-bench-%d", os.Getpid())
	st, err := store.Open(ctx, url+sep(url)+"application_name="+app)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	embedder, err := llm.NewLocalEmbedder(0)
	if err != nil {
		b.Fatal(err)
	}
	stages := newStageLog()
	var opts rag.SearchOptions
	if o := os.Getenv("PLUME_BENCH_OPTS"); o != "" {
		if err := json.Unmarshal([]byte(o), &opts); err != nil {
			b.Fatal(err)
		}
	}
	s := rag.NewSearcher(st, embedder, rag.DefaultLexicon(), slog.New(stages), opts)
	texts := messageTexts(b)
	for _, q := range texts[:40] { // opens the connections, warms the caches
		if _, err := s.Search(ctx, rag.Query{Text: query(b, s, q), K: 5}); err != nil {
			b.Fatal(err)
		}
	}
	index := waitChunkIndex(b, st)
	stages.reset()
	pg, goCPU := backendsCPU(b, st, app), processCPU()
	benchSearch(b, s, stages, texts)
	n := float64(stages.searches())
	b.ReportMetric((backendsCPU(b, st, app)-pg)/n, "pg-cpu-ms")
	b.ReportMetric((processCPU()-goCPU)/n, "go-cpu-ms")
	b.ReportMetric(float64(index.Bytes)/1e6, "chunk-index-MB")
}

// waitChunkIndex waits until the store has read its chunk index (in the
// background, after the searches that warm it) and returns its size.
func waitChunkIndex(b *testing.B, st *store.Store) store.ChunkIndexStats {
	b.Helper()
	start := time.Now()
	for st.ChunkIndexStats().Version == 0 {
		if time.Since(start) > time.Minute {
			b.Fatal("the chunk index was not read within a minute")
		}
		time.Sleep(50 * time.Millisecond)
	}
	s := st.ChunkIndexStats()
	b.Logf("chunk index: %d chunks, %d lexemes, %d positions, %.1f MB, ready %v after the warm-up",
		s.Chunks, s.Lexemes, s.Positions, float64(s.Bytes)/1e6, time.Since(start).Round(time.Millisecond))
	return s
}

// sep is the separator before one more parameter of a connection URL.
func sep(url string) string {
	if strings.Contains(url, "?") {
		return "&"
	}
	return "?"
}

// backendsCPU returns the CPU time, in milliseconds, that the database
// backends of the connections named app have spent (user and system).
func backendsCPU(b *testing.B, st *store.Store, app string) float64 {
	b.Helper()
	rows, err := st.Pool().Query(context.Background(), "SELECT pid FROM pg_stat_activity WHERE application_name = $1", app)
	if err != nil {
		b.Fatal(err)
	}
	defer rows.Close()
	ticks := 0.0
	for rows.Next() {
		var pid int
		if err := rows.Scan(&pid); err != nil {
			b.Fatal(err)
		}
		raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
		if err != nil {
			b.Skipf("backends' CPU time unavailable (not on the database's machine?): %v", err)
		}
		// Fields after the command's closing parenthesis: utime and
		// stime are the 12th and 13th.
		fields := strings.Fields(string(raw[strings.LastIndexByte(string(raw), ')')+2:]))
		var user, system float64
		fmt.Sscan(fields[11], &user)
		fmt.Sscan(fields[12], &system)
		ticks += user + system
	}
	return ticks * 10 // clock ticks of 10 ms
}

// processCPU returns the CPU time this process has spent, in milliseconds.
func processCPU() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e6
}
