package ingest

import (
	"context"
	"os"
	"testing"
	"time"
)

// BenchmarkReadZip parses the whole 2020 corpus (4,111 XML pages, 86 MB
// uncompressed) and reports documents and uncompressed megabytes per
// second.
func BenchmarkReadZip(b *testing.B) {
	path := sharedData(b, "vosdroits-2020.zip")
	const xmlBytes = 86e6
	var docs []Document
	start := time.Now()
	for i := 0; i < b.N; i++ {
		var err error
		docs, err = ReadFile(context.Background(), path)
		if err != nil {
			b.Fatal(err)
		}
	}
	sec := time.Since(start).Seconds() / float64(b.N)
	b.ReportMetric(float64(len(docs)), "docs")
	b.ReportMetric(float64(len(docs))/sec, "docs/s")
	b.ReportMetric(xmlBytes/1e6/sec, "MB/s")
}

// BenchmarkChunkZip chunks every document of the 2020 corpus.
func BenchmarkChunkZip(b *testing.B) {
	docs, err := ReadFile(context.Background(), sharedData(b, "vosdroits-2020.zip"))
	if err != nil {
		b.Fatal(err)
	}
	textBytes := 0
	for _, d := range docs {
		for _, bl := range d.Blocks {
			textBytes += len(bl.Text)
		}
	}
	b.ResetTimer()
	pieces := 0
	start := time.Now()
	for i := 0; i < b.N; i++ {
		pieces = 0
		for _, d := range docs {
			pieces += len(Chunk(d, ChunkOptions{}))
		}
	}
	sec := time.Since(start).Seconds() / float64(b.N)
	b.ReportMetric(float64(pieces), "chunks")
	b.ReportMetric(float64(len(docs))/sec, "docs/s")
	b.ReportMetric(float64(textBytes)/1e6/sec, "MB/s")
}

// BenchmarkReadJSONL parses the 535 real fiches (2.7 MB).
func BenchmarkReadJSONL(b *testing.B) {
	path := sharedData(b, "spf-fiches.jsonl")
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(st.Size())
	for i := 0; i < b.N; i++ {
		if _, err := ReadFile(context.Background(), path); err != nil {
			b.Fatal(err)
		}
	}
}
