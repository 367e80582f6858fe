package ingest

import (
	"context"
	"fmt"
	"log/slog"
	"strings"

	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/store"
)

// reembedBatch is how many chunks are embedded and written at once.
const reembedBatch = 256

// Reembed gives every chunk a vector from embedder, then forgets the vectors
// and indexes of every other model. Until it ends, searches with the new
// model see only the chunks already done; it can be stopped and run again,
// and goes on where it stopped. It returns the number of chunks embedded.
// The chunk index, which the vector search reads, sees the new vectors
// when it ends (stopped or not), not at every batch.
func Reembed(ctx context.Context, st *store.Store, embedder llm.Embedder, log *slog.Logger, progress func(done int)) (n int, err error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	// changed: vectors were stored that no bump of the vectors version
	// (EmbeddingsChanged, DropEmbedModel) has counted yet.
	changed := false
	defer func() {
		if !changed {
			return
		}
		if bumpErr := st.EmbeddingsChanged(context.WithoutCancel(ctx)); bumpErr != nil && err == nil {
			err = fmt.Errorf("reembed: %w", bumpErr)
		}
	}()
	model := embedder.Model()
	if err := st.EnsureEmbedModel(ctx, model, embedder.Dim()); err != nil {
		return 0, err
	}
	done := 0
	var after int64
	for {
		chunks, err := st.ChunksToEmbed(ctx, model, after, reembedBatch)
		if err != nil {
			return done, err
		}
		if len(chunks) == 0 {
			break
		}
		texts := make([]llm.Text, len(chunks))
		for i, c := range chunks {
			var heading []string
			if c.Heading != "" {
				heading = strings.Split(c.Heading, headingSeparator)
			}
			texts[i] = EmbeddingText(c.Title, heading, c.Text)
		}
		vecs, err := embedder.Embed(ctx, texts)
		if err != nil {
			return done, fmt.Errorf("reembed: %w", err)
		}
		if err := st.SetEmbeddings(ctx, model, chunks, vecs); err != nil {
			return done, fmt.Errorf("reembed: %w", err)
		}
		changed = true
		done += len(chunks)
		after = chunks[len(chunks)-1].ID
		if progress != nil {
			progress(done)
		}
	}
	models, err := st.EmbedModels(ctx)
	if err != nil {
		return done, err
	}
	for _, m := range models {
		if m.Model == model {
			continue
		}
		if err := st.DropEmbedModel(ctx, m.Model); err != nil {
			return done, err
		}
		changed = false // the drop bumped the version, after every batch
		log.Info("dropped vectors of the previous embedding model", "model", m.Model)
	}
	return done, nil
}
