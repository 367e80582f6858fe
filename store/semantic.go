package store

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
)

// SemanticModel is a trained semantic model as stored.
type SemanticModel struct {
	ID int64
	// CorpusVersion is the corpus version the model was trained at.
	CorpusVersion int64
	Documents     int
	Dims          int
	// Data is the encoded model (semantic.Model.Encode); empty when only
	// the model's description was read.
	Data []byte
}

// EachDocumentTerm calls fn with every lexeme count (title and body) of
// every published document, by document id then lexeme, all read in one
// snapshot, and returns the corpus version of that snapshot.
func (s *Store) EachDocumentTerm(ctx context.Context, fn func(doc int64, lexeme string, n float64)) (int64, error) {
	var version int64
	err := pgx.BeginTxFunc(ctx, s.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		if err := tx.QueryRow(ctx, "SELECT version FROM corpus_version").Scan(&version); err != nil {
			return err
		}
		rows, err := tx.Query(ctx, `SELECT t.document_id, t.lexeme, (t.tf_title + t.tf_body)::float8
			FROM document_terms t JOIN documents d ON d.id = t.document_id
			WHERE d.status = 'published' ORDER BY t.document_id, t.lexeme`)
		if err != nil {
			return err
		}
		var doc int64
		var lexeme string
		var n float64
		_, err = pgx.ForEachRow(rows, []any{&doc, &lexeme, &n}, func() error {
			fn(doc, lexeme, n)
			return nil
		})
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("read document terms: %w", err)
	}
	return version, nil
}

// SaveSemanticModel stores m as the latest model and deletes the older
// ones; it sets m.ID.
func (s *Store) SaveSemanticModel(ctx context.Context, m *SemanticModel) error {
	return s.Transact(ctx, func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `INSERT INTO semantic_models (corpus_version, documents, dims, model)
			VALUES ($1, $2, $3, $4) RETURNING id`, m.CorpusVersion, m.Documents, m.Dims, m.Data).Scan(&m.ID)
		if err != nil {
			return fmt.Errorf("save semantic model: %w", err)
		}
		if _, err := tx.Exec(ctx, "DELETE FROM semantic_models WHERE id < $1", m.ID); err != nil {
			return fmt.Errorf("delete older semantic models: %w", err)
		}
		return nil
	})
}

// DeleteSemanticModels deletes every stored model (a corpus too small to
// train one searches without).
func (s *Store) DeleteSemanticModels(ctx context.Context) error {
	if _, err := s.pool.Exec(ctx, "DELETE FROM semantic_models"); err != nil {
		return fmt.Errorf("delete semantic models: %w", err)
	}
	return nil
}

// LatestSemanticModel describes the latest model, without its data; ok is
// false when there is none.
func (s *Store) LatestSemanticModel(ctx context.Context) (m SemanticModel, ok bool, err error) {
	err = s.pool.QueryRow(ctx, `SELECT id, corpus_version, documents, dims FROM semantic_models
		ORDER BY id DESC LIMIT 1`).Scan(&m.ID, &m.CorpusVersion, &m.Documents, &m.Dims)
	if errors.Is(err, pgx.ErrNoRows) {
		return SemanticModel{}, false, nil
	}
	if err != nil {
		return SemanticModel{}, false, fmt.Errorf("read semantic model: %w", err)
	}
	return m, true, nil
}

// LoadSemanticModel reads the model id with its data; ok is false when it
// is gone (replaced meanwhile).
func (s *Store) LoadSemanticModel(ctx context.Context, id int64) (m SemanticModel, ok bool, err error) {
	err = s.pool.QueryRow(ctx, `SELECT id, corpus_version, documents, dims, model FROM semantic_models
		WHERE id = $1`, id).Scan(&m.ID, &m.CorpusVersion, &m.Documents, &m.Dims, &m.Data)
	if errors.Is(err, pgx.ErrNoRows) {
		return SemanticModel{}, false, nil
	}
	if err != nil {
		return SemanticModel{}, false, fmt.Errorf("read semantic model: %w", err)
	}
	return m, true, nil
}

// SemanticModelStale reports whether the semantic model should be
// trained again: the documents changed since the latest model (the corpus
// version is past the one it was trained at; saving a model moves only
// corpus_version.models), or there is none and at least minDocuments
// documents are published.
func (s *Store) SemanticModelStale(ctx context.Context, minDocuments int) (bool, error) {
	var stale bool
	err := s.pool.QueryRow(ctx, `SELECT CASE WHEN m.id IS NULL
			THEN (SELECT count(*) FROM documents WHERE status = 'published') >= $1
			ELSE v.version > m.corpus_version END
		FROM corpus_version v LEFT JOIN (SELECT id, corpus_version FROM semantic_models ORDER BY id DESC LIMIT 1) m ON true`,
		minDocuments).Scan(&stale)
	if err != nil {
		return false, fmt.Errorf("semantic model stale: %w", err)
	}
	return stale, nil
}

// CachedCorpusVersion is the corpus version the document search last read (0
// before the first search), without asking the database.
func (s *Store) CachedCorpusVersion() int64 {
	s.docs.mu.Lock()
	defer s.docs.mu.Unlock()
	return s.docs.version
}

// AdmittedDocuments returns those of ids (kept in order) whose documents
// pass f: as of the version the document search last read when it holds
// the documents of that version (the search that asks has just checked
// it), from the database otherwise.
func (s *Store) AdmittedDocuments(ctx context.Context, f SearchFilter, ids []int64) ([]int64, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	if docs := s.docs.table(); docs != nil {
		return docs.admitted(f, ids), nil
	}
	conds, args := filterSQL(f, []string{"d.id = ANY($1::bigint[])"}, []any{ids})
	rows, err := s.pool.Query(ctx, "SELECT d.id FROM documents d WHERE "+strings.Join(conds, " AND "), args...)
	if err != nil {
		return nil, fmt.Errorf("filter documents: %w", err)
	}
	found, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return nil, fmt.Errorf("filter documents: %w", err)
	}
	in := make(map[int64]bool, len(found))
	for _, id := range found {
		in[id] = true
	}
	out := make([]int64, 0, len(found))
	for _, id := range ids {
		if in[id] {
			out = append(out, id)
		}
	}
	return out, nil
}
