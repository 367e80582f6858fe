package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// DocumentFilter selects documents for curation. Empty fields select all.
type DocumentFilter struct {
	Source string
	// Service keeps the documents of one service ("" with ServiceSet for
	// the shared documents).
	Service    string
	ServiceSet bool
	Status     Status
	// Title keeps documents whose title contains it, case-insensitively.
	Title string
	// StaleBefore, when set, keeps the documents last updated before it:
	// their updated_at, or their modified_at when updated_at is unknown.
	StaleBefore time.Time
	// Limit bounds the page (default 50, at most 500); Offset skips rows.
	Limit  int
	Offset int
}

// DocumentPage is one page of documents and the total that match.
type DocumentPage struct {
	Documents []Document
	Total     int64
}

// ListDocuments returns the documents that match f, newest changes first.
func (s *Store) ListDocuments(ctx context.Context, f DocumentFilter) (DocumentPage, error) {
	var err error
	if f.Limit, err = pageLimit(f.Limit, f.Offset); err != nil {
		return DocumentPage{}, fmt.Errorf("list documents: %w", err)
	}
	if f.Status != "" && !f.Status.Valid() {
		return DocumentPage{}, fmt.Errorf("list documents: status %q: %w", f.Status, ErrInvalid)
	}
	var conds []string
	var args []any
	add := func(cond string, v any) {
		args = append(args, v)
		conds = append(conds, strings.ReplaceAll(cond, "$?", "$"+strconv.Itoa(len(args))))
	}
	if f.Source != "" {
		add("source = $?", f.Source)
	}
	if f.Service != "" || f.ServiceSet {
		add("service = $?", f.Service)
	}
	if f.Status != "" {
		add("status = $?", string(f.Status))
	}
	if f.Title != "" {
		add("lower(title) LIKE $?", "%"+escapeLike(strings.ToLower(f.Title))+"%")
	}
	if !f.StaleBefore.IsZero() {
		add("coalesce(updated_at, modified_at) < $?", f.StaleBefore)
	}
	where := ""
	if len(conds) > 0 {
		where = " WHERE " + strings.Join(conds, " AND ")
	}
	var page DocumentPage
	if err := s.pool.QueryRow(ctx, "SELECT count(*) FROM documents"+where, args...).Scan(&page.Total); err != nil {
		return DocumentPage{}, fmt.Errorf("count documents: %w", err)
	}
	args = append(args, f.Limit, f.Offset)
	rows, err := s.pool.Query(ctx, "SELECT "+documentColumns+" FROM documents"+where+
		fmt.Sprintf(" ORDER BY modified_at DESC, id DESC LIMIT $%d OFFSET $%d", len(args)-1, len(args)), args...)
	if err != nil {
		return DocumentPage{}, fmt.Errorf("list documents: %w", err)
	}
	page.Documents, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (Document, error) { return scanDocument(r) })
	if err != nil {
		return DocumentPage{}, fmt.Errorf("list documents: %w", err)
	}
	return page, nil
}

// escapeLike escapes the wildcards of a LIKE pattern.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(s)
}

// DocumentByKey returns the document of key: of its service ("" for a
// shared one), source and external id.
func (s *Store) DocumentByKey(ctx context.Context, key DocKey) (Document, error) {
	d, err := scanDocument(s.pool.QueryRow(ctx, "SELECT "+documentColumns+
		" FROM documents WHERE service = $1 AND source = $2 AND external_id = $3", key.Service, key.Source, key.ExternalID))
	if errors.Is(err, pgx.ErrNoRows) {
		return Document{}, fmt.Errorf("document %s/%s: %w", key.Source, key.ExternalID, ErrNotFound)
	}
	if err != nil {
		return Document{}, fmt.Errorf("get document %s/%s: %w", key.Source, key.ExternalID, err)
	}
	return d, nil
}

// SetDocumentStatus changes a document's status and returns the document.
func (s *Store) SetDocumentStatus(ctx context.Context, id int64, status Status) (Document, error) {
	if !status.Valid() {
		return Document{}, fmt.Errorf("set document status: %q: %w", status, ErrInvalid)
	}
	var d Document
	err := s.Transact(ctx, func(tx pgx.Tx) error {
		var err error
		d, err = scanDocument(tx.QueryRow(ctx, "UPDATE documents SET status = $2, modified_at = now() WHERE id = $1 RETURNING "+
			documentColumns, id, status))
		if errors.Is(err, pgx.ErrNoRows) {
			return fmt.Errorf("document %d: %w", id, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("set status of document %d: %w", id, err)
		}
		return flagAnswersOfDocument(ctx, tx, id)
	})
	if err != nil {
		return Document{}, err
	}
	return d, nil
}

// pageLimit checks a listing's page: limit 0 gives the default of 50, at
// most 500; the offset is not negative.
func pageLimit(limit, offset int) (int, error) {
	if limit <= 0 {
		limit = 50
	}
	if limit > 500 || offset < 0 {
		return 0, fmt.Errorf("limit at most 500, offset not negative: %w", ErrInvalid)
	}
	return limit, nil
}
