package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/pgvector/pgvector-go"
)

// Chunk is a passage of a document, the unit of retrieval.
type Chunk struct {
	ID         int64
	DocumentID int64
	Ordinal    int
	// Title is the document's title; Heading the heading path joined by " > ".
	Title      string
	Heading    string
	Text       string
	Embedding  []float32
	EmbedModel string
}

// copyChunks writes chunks of d with COPY, in the caller's transaction.
func copyChunks(ctx context.Context, tx pgx.Tx, d *Document, chunks []Chunk) error {
	if len(chunks) == 0 {
		return nil
	}
	rows := make([][]any, len(chunks))
	for i, c := range chunks {
		var emb any
		var model any
		if c.Embedding != nil {
			emb = pgvector.NewVector(c.Embedding)
			model = c.EmbedModel
		}
		rows[i] = []any{d.ID, c.Ordinal, d.Title, c.Heading, c.Text, emb, model}
	}
	_, err := tx.CopyFrom(ctx, pgx.Identifier{"chunks"},
		[]string{"document_id", "ordinal", "title", "heading", "text", "embedding", "embed_model"},
		pgx.CopyFromRows(rows))
	if err != nil {
		return fmt.Errorf("copy chunks of %s/%s: %w", d.Source, d.ExternalID, err)
	}
	return nil
}

// Chunks returns the chunks of a document in order, without their vectors.
func (s *Store) Chunks(ctx context.Context, documentID int64) ([]Chunk, error) {
	rows, err := s.pool.Query(ctx, `SELECT id, document_id, ordinal, title, heading, text, coalesce(embed_model, '')
		FROM chunks WHERE document_id = $1 ORDER BY ordinal`, documentID)
	if err != nil {
		return nil, fmt.Errorf("list chunks of document %d: %w", documentID, err)
	}
	chunks, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (Chunk, error) {
		var c Chunk
		err := r.Scan(&c.ID, &c.DocumentID, &c.Ordinal, &c.Title, &c.Heading, &c.Text, &c.EmbedModel)
		return c, err
	})
	if err != nil {
		return nil, fmt.Errorf("list chunks of document %d: %w", documentID, err)
	}
	return chunks, nil
}

// EmbedModel is a model whose vectors the store holds.
type EmbedModel struct {
	Model  string
	Dim    int
	Chunks int64
}

// embedIndexName derives the name of the partial HNSW index for a model.
func embedIndexName(model string, dim int) string {
	sum := sha256.Sum256([]byte(fmt.Sprintf("%s/%d", model, dim)))
	return "chunks_embedding_" + hex.EncodeToString(sum[:6]) + "_idx"
}

// quoteLiteral quotes s as an SQL string literal. Model names are inlined in
// the SQL of vector searches so that the planner can match the partial index.
func quoteLiteral(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// EnsureEmbedModel records a model and its vector size and creates its
// partial HNSW index (cosine distance) if it does not exist. A model
// already recorded with another size is an error: a different size means a
// different model, which needs a name of its own.
func (s *Store) EnsureEmbedModel(ctx context.Context, model string, dim int) error {
	if model == "" || dim <= 0 || dim > 16000 {
		return fmt.Errorf("embedding model %q of size %d: %w", model, dim, ErrInvalid)
	}
	var known int
	err := s.pool.QueryRow(ctx, "SELECT dim FROM embed_models WHERE model = $1", model).Scan(&known)
	switch {
	case err == nil && known != dim:
		return fmt.Errorf("embedding model %q is stored with vectors of size %d, not %d: %w", model, known, dim, ErrInvalid)
	case err == nil:
		// Known: make sure its index exists (a bulk load may have been
		// interrupted after dropping it).
		return s.BuildEmbedIndex(ctx, model)
	case err != pgx.ErrNoRows:
		return fmt.Errorf("look up embedding model %q: %w", model, err)
	}
	err = s.Transact(ctx, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `INSERT INTO embed_models (model, dim, index_name) VALUES ($1, $2, $3)
			ON CONFLICT (model) DO NOTHING`, model, dim, embedIndexName(model, dim))
		if err != nil {
			return fmt.Errorf("record embedding model %q: %w", model, err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	return s.BuildEmbedIndex(ctx, model)
}

// embedIndex returns the name and vector size of a model's index.
func (s *Store) embedIndex(ctx context.Context, model string) (string, int, error) {
	var index string
	var dim int
	err := s.pool.QueryRow(ctx, "SELECT index_name, dim FROM embed_models WHERE model = $1", model).Scan(&index, &dim)
	if err == pgx.ErrNoRows {
		return "", 0, fmt.Errorf("embedding model %q: %w", model, ErrNotFound)
	}
	if err != nil {
		return "", 0, fmt.Errorf("look up embedding model %q: %w", model, err)
	}
	return index, dim, nil
}

// DropEmbedIndex drops a model's HNSW index, before a bulk load: building
// the index once at the end is several times faster than updating it row
// by row. Searches still work without it, by a sequential scan.
func (s *Store) DropEmbedIndex(ctx context.Context, model string) error {
	index, _, err := s.embedIndex(ctx, model)
	if err != nil {
		return err
	}
	if _, err := s.pool.Exec(ctx, "DROP INDEX IF EXISTS "+pgx.Identifier{index}.Sanitize()); err != nil {
		return fmt.Errorf("drop index of embedding model %q: %w", model, err)
	}
	return nil
}

// BuildEmbedIndex creates a model's partial HNSW index (cosine distance)
// unless it exists, with memory and workers enough for a quick build.
func (s *Store) BuildEmbedIndex(ctx context.Context, model string) error {
	index, dim, err := s.embedIndex(ctx, model)
	if err != nil {
		return err
	}
	// Most calls find the index there: check without taking the lock that
	// CREATE INDEX takes on chunks, which waits for autovacuum.
	var exists bool
	if err := s.pool.QueryRow(ctx, "SELECT to_regclass($1) IS NOT NULL", pgx.Identifier{index}.Sanitize()).Scan(&exists); err != nil {
		return fmt.Errorf("look up index of embedding model %q: %w", model, err)
	}
	if exists {
		return nil
	}
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("acquire connection: %w", err)
	}
	defer conn.Release()
	// Serialise with other ingests building the same index (in this
	// schema: other schemas have their own chunks).
	return pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock(hashtext($1 || '.' || current_schema()))", index); err != nil {
			return fmt.Errorf("lock embedding index: %w", err)
		}
		if _, err := tx.Exec(ctx, "SET LOCAL maintenance_work_mem = '1GB'; SET LOCAL max_parallel_maintenance_workers = 2"); err != nil {
			return fmt.Errorf("set index build parameters: %w", err)
		}
		_, err := tx.Exec(ctx, fmt.Sprintf(
			`CREATE INDEX IF NOT EXISTS %s ON chunks USING hnsw ((embedding::vector(%d)) vector_cosine_ops) WHERE embed_model = %s`,
			pgx.Identifier{index}.Sanitize(), dim, quoteLiteral(model)))
		if err != nil {
			return fmt.Errorf("create index for embedding model %q: %w", model, err)
		}
		return nil
	})
}

// EmbedModels lists the models with stored vectors and how many chunks each
// has embedded.
func (s *Store) EmbedModels(ctx context.Context) ([]EmbedModel, error) {
	rows, err := s.pool.Query(ctx, `SELECT m.model, m.dim, (SELECT count(*) FROM chunks c WHERE c.embed_model = m.model)
		FROM embed_models m ORDER BY m.created_at`)
	if err != nil {
		return nil, fmt.Errorf("list embedding models: %w", err)
	}
	models, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (EmbedModel, error) {
		var m EmbedModel
		err := r.Scan(&m.Model, &m.Dim, &m.Chunks)
		return m, err
	})
	if err != nil {
		return nil, fmt.Errorf("list embedding models: %w", err)
	}
	return models, nil
}

// ChunksToEmbed returns up to limit chunks with an id above afterID whose
// vector was not made by model, in id order, for a re-embed.
func (s *Store) ChunksToEmbed(ctx context.Context, model string, afterID int64, limit int) ([]Chunk, error) {
	rows, err := s.pool.Query(ctx, `SELECT id, document_id, ordinal, title, heading, text
		FROM chunks WHERE id > $1 AND embed_model IS DISTINCT FROM $2 ORDER BY id LIMIT $3`, afterID, model, limit)
	if err != nil {
		return nil, fmt.Errorf("list chunks to embed: %w", err)
	}
	chunks, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (Chunk, error) {
		var c Chunk
		err := r.Scan(&c.ID, &c.DocumentID, &c.Ordinal, &c.Title, &c.Heading, &c.Text)
		return c, err
	})
	if err != nil {
		return nil, fmt.Errorf("list chunks to embed: %w", err)
	}
	return chunks, nil
}

// SetEmbeddings stores the vectors made by model for the chunks, in one
// transaction; vectors[i] belongs to chunks[i]. The chunk index, which
// the vector search reads, keeps the vectors it read until the caller
// calls EmbeddingsChanged: once, when its re-embed ends, so that a re-embed
// of many batches does not make every process read the corpus again at
// each batch.
func (s *Store) SetEmbeddings(ctx context.Context, model string, chunks []Chunk, vectors [][]float32) error {
	if len(chunks) != len(vectors) {
		return fmt.Errorf("set embeddings: %d chunks but %d vectors: %w", len(chunks), len(vectors), ErrInvalid)
	}
	return s.Transact(ctx, func(tx pgx.Tx) error {
		batch := &pgx.Batch{}
		for i, c := range chunks {
			batch.Queue("UPDATE chunks SET embedding = $1, embed_model = $2 WHERE id = $3",
				pgvector.NewVector(vectors[i]), model, c.ID)
		}
		if err := tx.SendBatch(ctx, batch).Close(); err != nil {
			return fmt.Errorf("set embeddings: %w", err)
		}
		return nil
	})
}

// EmbeddingsChanged counts the vectors stored by SetEmbeddings as a change
// to the vectors (corpus_version.vectors): every process reads the chunk
// index, which holds them, again. The corpus version stays: what depends
// on the text alone (the document search's cache, the semantic model) is
// still current. A re-embed calls it once, when it ends.
func (s *Store) EmbeddingsChanged(ctx context.Context) error {
	return s.Transact(ctx, func(tx pgx.Tx) error { return bumpVectorsVersion(ctx, tx) })
}

// bumpVectorsVersion counts a change to the chunks' vectors that changed
// no text: the chunk index, which holds them, is then read again.
func bumpVectorsVersion(ctx context.Context, tx pgx.Tx) error {
	if _, err := tx.Exec(ctx, "UPDATE corpus_version SET vectors = vectors + 1"); err != nil {
		return fmt.Errorf("bump the vectors version: %w", err)
	}
	return nil
}

// DropEmbedModel forgets a model: its vectors are cleared, its index dropped.
func (s *Store) DropEmbedModel(ctx context.Context, model string) error {
	return s.Transact(ctx, func(tx pgx.Tx) error {
		var index string
		err := tx.QueryRow(ctx, "DELETE FROM embed_models WHERE model = $1 RETURNING index_name", model).Scan(&index)
		if err == pgx.ErrNoRows {
			return fmt.Errorf("embedding model %q: %w", model, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("forget embedding model %q: %w", model, err)
		}
		if _, err := tx.Exec(ctx, "DROP INDEX IF EXISTS "+pgx.Identifier{index}.Sanitize()); err != nil {
			return fmt.Errorf("drop index of embedding model %q: %w", model, err)
		}
		if _, err := tx.Exec(ctx, "UPDATE chunks SET embedding = NULL, embed_model = NULL WHERE embed_model = $1", model); err != nil {
			return fmt.Errorf("clear vectors of embedding model %q: %w", model, err)
		}
		return bumpVectorsVersion(ctx, tx)
	})
}

// ModelsInUse returns the models that embedded at least one chunk. It is
// cheap (it stops at the first chunk of each model), unlike counting them.
func (s *Store) ModelsInUse(ctx context.Context) (map[string]bool, error) {
	rows, err := s.pool.Query(ctx, `SELECT m.model FROM embed_models m
		WHERE EXISTS (SELECT 1 FROM chunks c WHERE c.embed_model = m.model)`)
	if err != nil {
		return nil, fmt.Errorf("list embedding models in use: %w", err)
	}
	models, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("list embedding models in use: %w", err)
	}
	inUse := make(map[string]bool, len(models))
	for _, m := range models {
		inUse[m] = true
	}
	return inUse, nil
}

// PassageTexts returns the text of each of the chunks (by id) that still
// exist; a chunk removed since it was found (its document changed) is
// left out.
func (s *Store) PassageTexts(ctx context.Context, chunkIDs []int64) (map[int64]string, error) {
	out := make(map[int64]string, len(chunkIDs))
	if len(chunkIDs) == 0 {
		return out, nil
	}
	rows, err := s.pool.Query(ctx, "SELECT id, text FROM chunks WHERE id = ANY($1::bigint[])", chunkIDs)
	if err != nil {
		return nil, fmt.Errorf("passage texts: %w", err)
	}
	var id int64
	var text string
	_, err = pgx.ForEachRow(rows, []any{&id, &text}, func() error {
		out[id] = text
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("passage texts: %w", err)
	}
	return out, nil
}
