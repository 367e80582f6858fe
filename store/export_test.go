package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
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

// RankInGo returns ts_rank('{0.1, 0.2, 0.4, 1.0}', tsv, query) and
// tsv @@ query as the chunk index computes them, for a tsvector in binary
// (tsvectorsend) and a query (t1) | (t2) | … of terms written as
// tsqueries.
func RankInGo(tsv []byte, terms []string) (rank float32, match bool, err error) {
	byLexeme := map[string][]uint16{}
	err = decodeTSVector(tsv, func(lexeme, positions []byte) {
		byLexeme[string(lexeme)] = appendPositions(nil, positions)
	})
	if err != nil || len(byLexeme) == 0 {
		return 0, false, err // ts_rank of an empty tsvector is 0 (the index ranks none)
	}
	phrases := make([]phrase, len(terms))
	for i, t := range terms {
		var ok bool
		if phrases[i], ok = parsePhrase(t); !ok {
			return 0, false, fmt.Errorf("term %q: not a lexeme or phrase", t)
		}
		positions := make([][]uint16, len(phrases[i].words))
		for k, w := range phrases[i].words {
			positions[k] = byLexeme[w]
		}
		match = match || phrases[i].matches(positions)
	}
	q := newRankQuery(phrases)
	positions := make([][]uint16, len(q.items))
	for k, w := range q.items {
		positions[k] = byLexeme[w]
	}
	return q.rank(positions), match, nil
}

// PhraseTerm is a term of the phrase written as a tsquery.
func PhraseTerm(tsquery string, weight float64) Term { return Term{Weight: weight, phrase: tsquery} }

// SearchTextIDs is the lean full-text search of a Search: in memory when
// the chunk index is of the corpus's version.
func (s *Store) SearchTextIDs(ctx context.Context, q HybridQuery) ([]Hit, error) {
	return s.searchText(ctx, q, true)
}

// SearchTextInMemory is the lean full-text search on the chunk index; ok
// is false when it could not run there.
func (s *Store) SearchTextInMemory(ctx context.Context, q HybridQuery) ([]Hit, bool, error) {
	return s.searchTextInMemory(ctx, q)
}

// SearchTextIDsSQL is the lean full-text search in the database.
func (s *Store) SearchTextIDsSQL(ctx context.Context, q HybridQuery) ([]Hit, error) {
	return s.searchTextSQL(ctx, q, true)
}

// SearchPassagesInMemory is SearchPassages with the text ranks and
// matched weights of the chunk index; ok is false when it has none of the
// version of the chunks read.
func (s *Store) SearchPassagesInMemory(ctx context.Context, q HybridQuery, ids []int64) (hits []Hit, ok bool, err error) {
	x := s.chunks.latest()
	p, ok := newPassagePlan(q)
	if x == nil || !ok {
		return nil, false, nil
	}
	hits, version, err := s.searchPassages(ctx, q, ids, withVersion)
	if err != nil {
		return nil, false, err
	}
	return hits, x.scorePassages(version, p, hits), nil
}

// SearchPassagesSQL is SearchPassages in the database.
func (s *Store) SearchPassagesSQL(ctx context.Context, q HybridQuery, ids []int64) ([]Hit, error) {
	hits, _, err := s.searchPassages(ctx, q, ids, withScores)
	return hits, err
}

// SearchTextRankFirst is the rank-first full-text search in the
// database; exact says whether its hits are the full search's.
func (s *Store) SearchTextRankFirst(ctx context.Context, q HybridQuery) (hits []Hit, exact bool, err error) {
	return s.searchTextRankFirst(ctx, q)
}

// FixTyposSQL is typo repair in the database.
func (s *Store) FixTyposSQL(ctx context.Context, words []string) (map[string]TermStat, error) {
	return s.fixTypos(ctx, words, 0)
}

// TypoIndex is the typo index of a store, read by LoadTypoIndex.
type TypoIndex struct{ x *typoIndex }

// LoadTypoIndex reads the typo index now.
func (s *Store) LoadTypoIndex(ctx context.Context) (TypoIndex, error) {
	x, err := s.loadTypoIndex(ctx)
	return TypoIndex{x}, err
}

// FixTypos is typo repair in the index; ok is false when a word needs
// the database (a tie, or a word outside ASCII).
func (x TypoIndex) FixTypos(words []string) (fixed map[string]TermStat, ok bool) {
	return x.x.fixAll(words)
}

// SetTxAttempts sets how many times a transaction aborted by a deadlock or
// a serialization failure is run: 1 tests the lock order alone. It must be
// called before the store is used concurrently.
func (s *Store) SetTxAttempts(n int) { s.attempts = n }

// SetBeforeCommit makes every transaction of the store run f once its
// closure has returned nil, before the commit; an error f returns aborts
// that attempt (a serialization failure is then run again). It must be
// called before the store is used concurrently.
func (s *Store) SetBeforeCommit(f func(ctx context.Context, tx pgx.Tx) error) { s.beforeCommit = f }

// HoldCurationSlots takes n of the curation reads' turns, as n reads
// running would, until release.
func (s *Store) HoldCurationSlots(n int) (release func()) {
	for range n {
		s.curation <- struct{}{}
	}
	return func() {
		for range n {
			<-s.curation
		}
	}
}
