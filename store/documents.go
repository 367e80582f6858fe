package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
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

// DocKey identifies a document: its service ("" for a shared one), its
// source and its own identifier. Each service has its own namespace: two
// services may hold documents of the same source and identifier.
type DocKey struct {
	Service    string
	Source     string
	ExternalID string
}

// Key returns d's key.
func (d *Document) Key() DocKey {
	return DocKey{Service: d.Service, Source: d.Source, ExternalID: d.ExternalID}
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
	rows, err := s.pool.Query(ctx, "SELECT service, source, external_id, id, content_hash, origin FROM documents")
	if err != nil {
		return nil, fmt.Errorf("list document states: %w", err)
	}
	defer rows.Close()
	states := map[DocKey]DocState{}
	for rows.Next() {
		var k DocKey
		var st DocState
		if err := rows.Scan(&k.Service, &k.Source, &k.ExternalID, &st.ID, &st.ContentHash, &st.Origin); err != nil {
			return nil, fmt.Errorf("scan document state: %w", err)
		}
		states[k] = st
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list document states: %w", err)
	}
	return states, nil
}

// SaveGuard limits which existing document a save may overwrite; the zero
// guard overwrites any of the same key.
type SaveGuard struct {
	// New refuses to overwrite any document.
	New bool
	// ID, when not zero, makes the save an update of the document with
	// this id, whatever its key: the document keeps its source and
	// identifier and takes the saved document's service (ErrNotFound when
	// there is no such document, ErrDuplicate when the service already
	// holds a document of that key).
	ID int64
	// Service, when not empty, refuses to overwrite a document of another
	// service or a shared one.
	Service string
	// ModifiedAt, when set, refuses to overwrite a document modified since
	// (ErrStaleVersion): the version its editor read.
	ModifiedAt *time.Time
}

// SaveDocument inserts d, or updates the document with the same key
// (service, source and external id), and replaces its chunks, all in one
// transaction. An updated document keeps its status; a new one gets
// d.Status (published when empty). It sets d.ID and the timestamps.
func (s *Store) SaveDocument(ctx context.Context, d *Document, chunks []Chunk) error {
	return s.SaveDocumentGuarded(ctx, d, chunks, SaveGuard{})
}

// SaveDocumentGuarded is SaveDocument (d's title, description, tags and
// audiences put in NFC), but returns ErrDuplicate, changing
// nothing, when a document with the same key exists that g refuses to
// overwrite, and updates the document g.ID when it is set. The check and
// the write are one statement, so two concurrent saves cannot both pass it.
func (s *Store) SaveDocumentGuarded(ctx context.Context, d *Document, chunks []Chunk, g SaveGuard) error {
	if err := checkSavedDocument(d); err != nil {
		return err
	}
	// The closure leaves d as given until the commit: a second attempt
	// (Transact) saves d again, not the row the first one read back.
	var saved Document
	err := s.Transact(ctx, func(tx pgx.Tx) error {
		var err error
		if saved, err = writeDocumentRow(ctx, tx, d, g); err != nil {
			return err
		}
		return replaceChunks(ctx, tx, &saved, chunks)
	})
	if err != nil {
		return err
	}
	*d = saved
	return nil
}

// checkSavedDocument puts d's labels in NFC and its status' default, and
// refuses a document without a key or a title, or with an invalid status
// or service.
func checkSavedDocument(d *Document) error {
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
	return nil
}

// upsertDocument inserts d, or updates the document of its key when g
// allows it ($14 to $16); its service is its key's.
const upsertDocument = `
	INSERT INTO documents (source, external_id, title, description, url, audience, service, tags,
		breadcrumb, status, content_hash, origin, updated_at)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
	ON CONFLICT (service, source, external_id) DO UPDATE SET
		title = excluded.title, description = excluded.description, url = excluded.url,
		audience = excluded.audience, tags = excluded.tags,
		breadcrumb = excluded.breadcrumb, content_hash = excluded.content_hash,
		origin = excluded.origin, updated_at = excluded.updated_at, modified_at = now()
	WHERE NOT $14::boolean AND ($15::text = '' OR documents.service = $15::text)
		AND ($16::timestamptz IS NULL OR documents.modified_at = $16::timestamptz)
	RETURNING ` + documentColumns

// updateDocumentByID updates the document $11, keeping its source,
// identifier and status, when g allows it ($12, $13).
const updateDocumentByID = `
	UPDATE documents SET title = $1, description = $2, url = $3, audience = $4, service = $5, tags = $6,
		breadcrumb = $7, content_hash = $8, origin = $9, updated_at = $10, modified_at = now()
	WHERE id = $11 AND ($12::text = '' OR documents.service = $12::text)
		AND ($13::timestamptz IS NULL OR documents.modified_at = $13::timestamptz)
	RETURNING ` + documentColumns

// writeDocumentRow writes d's row as g allows, and returns it as stored.
func writeDocumentRow(ctx context.Context, tx pgx.Tx, d *Document, g SaveGuard) (Document, error) {
	query, args := upsertDocument, []any{d.Source, d.ExternalID, d.Title, d.Description, d.URL, nonNil(d.Audience),
		d.Service, nonNil(d.Tags), nonNil(d.Breadcrumb), d.Status, d.ContentHash, d.Origin, d.UpdatedAt,
		g.New, g.Service, g.ModifiedAt}
	if g.ID != 0 {
		query, args = updateDocumentByID, []any{d.Title, d.Description, d.URL, nonNil(d.Audience), d.Service,
			nonNil(d.Tags), nonNil(d.Breadcrumb), d.ContentHash, d.Origin, d.UpdatedAt, g.ID, g.Service, g.ModifiedAt}
	}
	saved, err := scanDocument(tx.QueryRow(ctx, query, args...))
	var pe *pgconn.PgError
	switch {
	case err == nil:
		return saved, nil
	case errors.As(err, &pe) && pe.Code == "23505":
		return Document{}, fmt.Errorf("the service %q already holds a document %s/%s: %w", d.Service, d.Source, d.ExternalID, ErrDuplicate)
	case errors.Is(err, pgx.ErrNoRows) && g.ModifiedAt != nil:
		return Document{}, fmt.Errorf("document %s/%s was changed meanwhile: %w", d.Source, d.ExternalID, ErrStaleVersion)
	case errors.Is(err, pgx.ErrNoRows) && g.ID != 0:
		return Document{}, fmt.Errorf("document %d: %w", g.ID, ErrNotFound)
	case errors.Is(err, pgx.ErrNoRows):
		return Document{}, fmt.Errorf("the id %s/%s is taken: %w", d.Source, d.ExternalID, ErrDuplicate)
	}
	return Document{}, fmt.Errorf("save document %s/%s: %w", d.Source, d.ExternalID, err)
}

// replaceChunks replaces the chunks of saved, flags the answers citing it
// and indexes its terms.
func replaceChunks(ctx context.Context, tx pgx.Tx, saved *Document, chunks []Chunk) error {
	if _, err := tx.Exec(ctx, "DELETE FROM chunks WHERE document_id = $1", saved.ID); err != nil {
		return fmt.Errorf("delete old chunks of %s/%s: %w", saved.Source, saved.ExternalID, err)
	}
	if err := copyChunks(ctx, tx, saved, chunks); err != nil {
		return err
	}
	if err := flagAnswersOfDocument(ctx, tx, saved.ID); err != nil {
		return err
	}
	return indexDocumentTerms(ctx, tx, saved)
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
