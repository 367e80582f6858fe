package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// Status is a document's publication status. Only published documents are
// retrieved for drafts.
type Status string

// The publication statuses.
const (
	StatusDraft     Status = "draft"
	StatusPublished Status = "published"
	StatusArchived  Status = "archived"
)

// Valid reports whether s is one of the known statuses.
func (s Status) Valid() bool {
	return s == StatusDraft || s == StatusPublished || s == StatusArchived
}

// Document is one piece of guidance in the knowledge base.
type Document struct {
	ID          int64
	Source      string
	ExternalID  string
	Title       string
	Description string
	URL         string
	Audience    []string
	Service     string
	Tags        []string
	Breadcrumb  []string
	Status      Status
	ContentHash string
	// Origin is the file, folder or archive the document was ingested from.
	Origin     string
	UpdatedAt  *time.Time
	VerifiedAt *time.Time
	CreatedAt  time.Time
	ModifiedAt time.Time
}

// DocKey identifies a document by its source and its own identifier.
type DocKey struct {
	Source     string
	ExternalID string
}

// DocState is what incremental ingest needs to know of a stored document.
type DocState struct {
	ID          int64
	ContentHash string
	Origin      string
}

const documentColumns = `id, source, external_id, title, description, url, audience, service, tags,
	breadcrumb, status, content_hash, origin, updated_at, verified_at, created_at, modified_at`

func scanDocument(row pgx.Row) (Document, error) {
	var d Document
	err := row.Scan(&d.ID, &d.Source, &d.ExternalID, &d.Title, &d.Description, &d.URL, &d.Audience,
		&d.Service, &d.Tags, &d.Breadcrumb, &d.Status, &d.ContentHash, &d.Origin, &d.UpdatedAt,
		&d.VerifiedAt, &d.CreatedAt, &d.ModifiedAt)
	return d, err
}

// DocumentStates returns the key, id, content hash and origin of every
// stored document.
func (s *Store) DocumentStates(ctx context.Context) (map[DocKey]DocState, error) {
	rows, err := s.pool.Query(ctx, "SELECT source, external_id, id, content_hash, origin FROM documents")
	if err != nil {
		return nil, fmt.Errorf("list document states: %w", err)
	}
	defer rows.Close()
	states := map[DocKey]DocState{}
	for rows.Next() {
		var k DocKey
		var st DocState
		if err := rows.Scan(&k.Source, &k.ExternalID, &st.ID, &st.ContentHash, &st.Origin); err != nil {
			return nil, fmt.Errorf("scan document state: %w", err)
		}
		states[k] = st
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list document states: %w", err)
	}
	return states, nil
}

// DocumentServices returns the service of each of keys that names a stored
// document ("" for a shared one); keys of no document are absent.
func (s *Store) DocumentServices(ctx context.Context, keys []DocKey) (map[DocKey]string, error) {
	sources, ids := make([]string, len(keys)), make([]string, len(keys))
	for i, k := range keys {
		sources[i], ids[i] = k.Source, k.ExternalID
	}
	rows, err := s.pool.Query(ctx, `SELECT d.source, d.external_id, d.service
		FROM documents d JOIN unnest($1::text[], $2::text[]) AS k(source, external_id)
			ON d.source = k.source AND d.external_id = k.external_id`, sources, ids)
	if err != nil {
		return nil, fmt.Errorf("look up document services: %w", err)
	}
	defer rows.Close()
	out := map[DocKey]string{}
	for rows.Next() {
		var k DocKey
		var service string
		if err := rows.Scan(&k.Source, &k.ExternalID, &service); err != nil {
			return nil, fmt.Errorf("scan document service: %w", err)
		}
		out[k] = service
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("look up document services: %w", err)
	}
	return out, nil
}

// SaveGuard limits which existing document a save may overwrite; the zero
// guard overwrites any.
type SaveGuard struct {
	// New refuses to overwrite any document.
	New bool
	// Service, when not empty, refuses to overwrite a document of another
	// service or a shared one.
	Service string
	// ModifiedAt, when set, refuses to overwrite a document modified since
	// (ErrStaleVersion): the version its editor read.
	ModifiedAt *time.Time
}

// SaveDocument inserts d, or updates the document with the same source and
// external id, and replaces its chunks, all in one transaction. An updated
// document keeps its status; a new one gets d.Status (published when empty).
// It sets d.ID and the timestamps.
func (s *Store) SaveDocument(ctx context.Context, d *Document, chunks []Chunk) error {
	return s.SaveDocumentGuarded(ctx, d, chunks, SaveGuard{})
}

// SaveDocumentGuarded is SaveDocument (d's title, description, tags and
// audiences put in NFC), but returns ErrDuplicate, changing
// nothing, when a document with the same key exists that g refuses to
// overwrite. The check and the write are one statement, so two concurrent
// saves cannot both pass it.
func (s *Store) SaveDocumentGuarded(ctx context.Context, d *Document, chunks []Chunk, g SaveGuard) error {
	nfcDocument(d)
	if d.Source == "" || d.ExternalID == "" || d.Title == "" {
		return fmt.Errorf("save document: source, external id and title are required: %w", ErrInvalid)
	}
	if d.Status == "" {
		d.Status = StatusPublished
	}
	if !d.Status.Valid() {
		return fmt.Errorf("save document: status %q: %w", d.Status, ErrInvalid)
	}
	if err := CheckService(d.Service); err != nil {
		return fmt.Errorf("save document %s: %w", d.ExternalID, err)
	}
	// The closure leaves d as given until the commit: a second attempt
	// (Transact) saves d again, not the row the first one read back.
	var saved Document
	err := s.Transact(ctx, func(tx pgx.Tx) error {
		row := tx.QueryRow(ctx, `
			INSERT INTO documents (source, external_id, title, description, url, audience, service, tags,
				breadcrumb, status, content_hash, origin, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
			ON CONFLICT (source, external_id) DO UPDATE SET
				title = excluded.title, description = excluded.description, url = excluded.url,
				audience = excluded.audience, service = excluded.service, tags = excluded.tags,
				breadcrumb = excluded.breadcrumb, content_hash = excluded.content_hash,
				origin = excluded.origin, updated_at = excluded.updated_at, modified_at = now()
			WHERE NOT $14::boolean AND ($15::text = '' OR documents.service = $15::text)
				AND ($16::timestamptz IS NULL OR documents.modified_at = $16::timestamptz)
			RETURNING `+documentColumns,
			d.Source, d.ExternalID, d.Title, d.Description, d.URL, nonNil(d.Audience), d.Service,
			nonNil(d.Tags), nonNil(d.Breadcrumb), d.Status, d.ContentHash, d.Origin, d.UpdatedAt, g.New, g.Service, g.ModifiedAt)
		var err error
		saved, err = scanDocument(row)
		if errors.Is(err, pgx.ErrNoRows) && g.ModifiedAt != nil {
			return fmt.Errorf("document %s/%s was changed meanwhile: %w", d.Source, d.ExternalID, ErrStaleVersion)
		}
		if errors.Is(err, pgx.ErrNoRows) {
			return fmt.Errorf("the id %s/%s is taken: %w", d.Source, d.ExternalID, ErrDuplicate)
		}
		if err != nil {
			return fmt.Errorf("save document %s/%s: %w", d.Source, d.ExternalID, err)
		}
		if _, err := tx.Exec(ctx, "DELETE FROM chunks WHERE document_id = $1", saved.ID); err != nil {
			return fmt.Errorf("delete old chunks of %s/%s: %w", d.Source, d.ExternalID, err)
		}
		if err := copyChunks(ctx, tx, &saved, chunks); err != nil {
			return err
		}
		if err := flagAnswersOfDocument(ctx, tx, saved.ID); err != nil {
			return err
		}
		return indexDocumentTerms(ctx, tx, &saved)
	})
	if err != nil {
		return err
	}
	*d = saved
	return nil
}

// GetDocument returns the document with the given id.
func (s *Store) GetDocument(ctx context.Context, id int64) (Document, error) {
	d, err := scanDocument(s.pool.QueryRow(ctx, "SELECT "+documentColumns+" FROM documents WHERE id = $1", id))
	if errors.Is(err, pgx.ErrNoRows) {
		return Document{}, fmt.Errorf("document %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Document{}, fmt.Errorf("get document %d: %w", id, err)
	}
	return d, nil
}

// DeleteDocuments deletes the documents with the given ids and their chunks,
// and returns how many it deleted.
func (s *Store) DeleteDocuments(ctx context.Context, ids []int64) (int64, error) {
	tag, err := s.pool.Exec(ctx, "DELETE FROM documents WHERE id = ANY($1)", ids)
	if err != nil {
		return 0, fmt.Errorf("delete documents: %w", err)
	}
	return tag.RowsAffected(), nil
}

// CountDocuments returns the number of documents and of chunks.
func (s *Store) CountDocuments(ctx context.Context) (docs, chunks int64, err error) {
	err = s.pool.QueryRow(ctx, "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM chunks)").Scan(&docs, &chunks)
	if err != nil {
		return 0, 0, fmt.Errorf("count documents: %w", err)
	}
	return docs, chunks, nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
