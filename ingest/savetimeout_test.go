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

// TestSaveOutOfTime: a document that cannot be written in its time is not
// stored. When its size gave most of that time it fails with
// ErrSaveTimeout (too large: split it, not a fault to retry); a small one
// (a slow or locked database) keeps the store's deadline error, which a
// retry can cure.
func TestSaveOutOfTime(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		id          string
		bytesPerSec int
		tooLarge    bool
	}{
		{"grand", 1 << 30, true},
		{"petit", 1 << 62, false},
	} {
		t.Run(tc.id, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			st := storetest.NewStore(t)
			local, _ := llm.NewLocalEmbedder(0)
			p := ingest.NewPipeline(st, local, nil, ingest.Options{SkipSemantic: true, SaveTimeout: time.Nanosecond, SaveBytesPerSecond: tc.bytesPerSec})
			doc := ingest.Document{Source: "test", ExternalID: tc.id, Title: "Un document",
				Blocks: []ingest.Block{{Text: "Un texte que la base n'a pas le temps d'écrire."}}}
			_, err := p.IngestDocuments(ctx, "upload", []ingest.Document{doc})
			if err == nil || errors.Is(err, ingest.ErrSaveTimeout) != tc.tooLarge {
				t.Fatalf("IngestDocuments = %v, want an error that is ErrSaveTimeout: %v", err, tc.tooLarge)
			}
			if _, err := st.DocumentByKey(ctx, store.DocKey{Source: "test", ExternalID: tc.id}); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("the document after its failed write: %v, want not found", err)
			}
		})
	}
}
