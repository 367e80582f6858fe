package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
)

// preSpare is how many chunks past preRanked searchTextRankFirst ranks
// before filtering, for those of documents the filter leaves out.
const preSpare = 50

// selection is the full-text query of the chunks q.Select chooses: any of
// its terms.
func (q HybridQuery) selection() string {
	parts := make([]string, len(q.Select))
	for i, t := range q.Select {
		parts[i] = "(" + t.tsquery() + ")"
	}
	return strings.Join(parts, " | ")
}

// selectCond is the condition on a chunk c of q's selection, parameter n:
// it matches, and is among q.Sample of the matching chunks if set.
func (q HybridQuery) selectCond(n int) string {
	if q.Sample > 0 {
		return fmt.Sprintf("c.id IN (SELECT p.id FROM chunks p WHERE p.tsv @@ $%d::tsquery LIMIT %d)", n, q.Sample)
	}
	return fmt.Sprintf("c.tsv @@ $%d::tsquery", n)
}

// statusesOnly reports whether f restricts the documents by their status
// alone, which leaves out few of them (drafts and archived ones).
func (f SearchFilter) statusesOnly() bool {
	return len(f.Audience) == 0 && len(f.Services) == 0 && len(f.Tags) == 0
}

// searchTextRankFirst is the lean full-text search, which ranks the
// selected chunks before looking up their documents for the filter: it
// joins preRanked+preSpare chunks to their documents instead of every
// selected chunk (up to 2,000). Its hits are searchText's when exact is
// true: when the ranked chunks were all the selection (even when none
// passed the filter), or when at least preRanked of them passed it (every
// chunk it did not rank ranks below them). Otherwise the caller searches
// the other way.
func (s *Store) searchTextRankFirst(ctx context.Context, q HybridQuery) (hits []Hit, exact bool, err error) {
	cqs, cws := termArgs(q.Rank)
	conds, args := filterSQL(q.Filter, nil, []any{cqs, cws, q.selection()})
	sql := fmt.Sprintf(`WITH cterms AS MATERIALIZED (SELECT t.q::tsquery AS tq, t.w FROM unnest($1::text[], $2::float8[]) AS t(q, w)),
		top AS (
			SELECT c.id, c.document_id, c.tsv, ts_rank('{0.1, 0.2, 0.4, 1.0}', c.tsv, $3::tsquery) AS rank FROM chunks c
			WHERE %s
			ORDER BY rank DESC, c.id
			LIMIT %d),
		pre AS (
			SELECT top.id, top.document_id, top.tsv FROM top JOIN documents d ON d.id = top.document_id
			WHERE %s
			ORDER BY top.rank DESC, top.id
			LIMIT %d)
		SELECT p.id, p.document_id, (SELECT count(*) FROM top)::int, (SELECT count(*) FROM pre)::int
		FROM (SELECT) AS one LEFT JOIN LATERAL (
			SELECT pre.id, pre.document_id,
				(SELECT sum(t.w * ts_rank('{0.1, 0.2, 0.4, 1.0}', pre.tsv, t.tq)) FROM cterms t) AS rank
			FROM pre ORDER BY rank DESC, pre.id LIMIT %d) AS p ON true
		ORDER BY p.rank DESC, p.id`, q.selectCond(3), preRanked+preSpare, strings.Join(conds, " AND "), preRanked, q.K)
	rows, err := s.pool.Query(ctx, sql, args...)
	if err != nil {
		return nil, false, fmt.Errorf("full-text search: %w", err)
	}
	var ranked, kept int
	hits, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (Hit, error) {
		var id, doc *int64
		err := r.Scan(&id, &doc, &ranked, &kept)
		if id == nil {
			return Hit{}, err
		}
		return Hit{ChunkID: *id, DocumentID: *doc}, err
	})
	if err != nil {
		return nil, false, fmt.Errorf("full-text search: %w", err)
	}
	if len(hits) == 1 && hits[0].ChunkID == 0 {
		hits = hits[:0] // the row of the counts alone
	}
	return hits, ranked < preRanked+preSpare || kept == preRanked, nil
}
