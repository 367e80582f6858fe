package store

import (
	"context"
	"time"
)

// MigrateTo applies the migrations numbered up to last, for tests that
// write rows as an earlier schema had them.
func (s *Store) MigrateTo(ctx context.Context, last int) (int, error) { return s.migrateTo(ctx, last) }

// InsertDraft is SaveDraft's insert under a given id and d.CreatedAt.
func (s *Store) InsertDraft(ctx context.Context, id string, d *Draft) error {
	return s.insertDraft(ctx, id, d)
}

// NewDraftID is the id SaveDraft gives a draft created at.
func NewDraftID(at time.Time) (string, error) { return newDraftID(at) }

// DraftByIDSQL is GetDraft's statement for id.
func DraftByIDSQL(id string) string { return draftByIDSQL(id) }

// SearchDocumentsSQL is SearchDocuments in the database, without the
// store's cache.
func (s *Store) SearchDocumentsSQL(ctx context.Context, q DocQuery) ([]DocHit, error) {
	return s.searchDocumentsSQL(ctx, q)
}

// CorpusVersion is the corpus version the document cache checks.
func (s *Store) CorpusVersion(ctx context.Context) (int64, error) {
	version, _, err := s.fetchPostings(ctx, nil, nil)
	return version, err
}
