package ingest_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/plume-sp/plume/ingest"
	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
)

// TestSaveOutOfTime: a document that cannot be written in its time fails
// with ErrSaveTimeout (too large, not a fault to retry), and nothing of it
// is stored.
func TestSaveOutOfTime(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	local, _ := llm.NewLocalEmbedder(0)
	p := ingest.NewPipeline(st, local, nil, ingest.Options{SkipSemantic: true, SaveTimeout: time.Nanosecond, SaveBytesPerSecond: 1 << 30})
	doc := ingest.Document{Source: "test", ExternalID: "grand", Title: "Un grand document",
		Blocks: []ingest.Block{{Text: "Un texte que la base n'a pas le temps d'écrire."}}}
	_, err := p.IngestDocuments(ctx, "upload", []ingest.Document{doc})
	if !errors.Is(err, ingest.ErrSaveTimeout) {
		t.Fatalf("IngestDocuments = %v, want ErrSaveTimeout", err)
	}
	if _, err := st.DocumentByKey(ctx, store.DocKey{Source: "test", ExternalID: "grand"}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("the document after its failed write: %v, want not found", err)
	}
}

// TestSaveOutOfTimeSmall: a small document that misses its time (the size
// gave almost none of it: a slow or locked database) is not called too
// large, which would tell the client to split it rather than retry, and
// nothing of it is stored.
func TestSaveOutOfTimeSmall(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	local, _ := llm.NewLocalEmbedder(0)
	p := ingest.NewPipeline(st, local, nil, ingest.Options{SkipSemantic: true, SaveTimeout: time.Nanosecond, SaveBytesPerSecond: 1 << 62})
	doc := ingest.Document{Source: "test", ExternalID: "petit", Title: "Un petit document",
		Blocks: []ingest.Block{{Text: "Un texte court que la base, lente, n'écrit pas à temps."}}}
	_, err := p.IngestDocuments(ctx, "upload", []ingest.Document{doc})
	if err == nil || errors.Is(err, ingest.ErrSaveTimeout) {
		t.Fatalf("IngestDocuments = %v, want a deadline error that is not ErrSaveTimeout", err)
	}
	if _, err := st.DocumentByKey(ctx, store.DocKey{Source: "test", ExternalID: "petit"}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("the document after its failed write: %v, want not found", err)
	}
}
