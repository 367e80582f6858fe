package semantic_test

import (
	"context"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/plume-sp/plume/semantic"
	"github.com/plume-sp/plume/store"
)

// TestTrainTime trains on PLUME_SEM_TIME_DB (read only) and reports the
// time and memory training takes, and the time a model takes to decode;
// run by hand on the whole corpus.
func TestTrainTime(t *testing.T) {
	url := os.Getenv("PLUME_SEM_TIME_DB")
	if url == "" {
		t.Skip("set PLUME_SEM_TIME_DB to time training on a database")
	}
	ctx := context.Background()
	st, err := store.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	start := time.Now()
	var c semantic.Corpus
	if _, err := st.EachDocumentTerm(ctx, c.Add); err != nil {
		t.Fatal(err)
	}
	read := time.Since(start)
	m, err := semantic.Train(&c)
	if err != nil {
		t.Fatal(err)
	}
	trained := time.Since(start) - read
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	data := m.Encode()
	decoding := time.Now()
	if _, err := semantic.Decode(data); err != nil {
		t.Fatal(err)
	}
	t.Logf("read %s, trained in %s: %d documents, %d terms, %d dims, %d bytes (decoded in %s); total alloc %d MB, sys %d MB",
		read.Round(time.Millisecond), trained.Round(time.Millisecond), m.Documents(), m.Terms(), m.Dims(),
		len(data), time.Since(decoding).Round(time.Millisecond), ms.TotalAlloc>>20, ms.Sys>>20)
}
