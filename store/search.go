package store

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/pgvector/pgvector-go"
)

// SearchFilter restricts a search to some documents. Empty fields restrict
// nothing, except Statuses, which defaults to published documents only.
type SearchFilter struct {
	// Audience keeps documents for any of these audiences, and documents
	// that name no audience.
	Audience []string
	// Services keeps documents of any of these services; "" stands for
	// the documents shared by all services.
	Services []string
	// Tags keeps documents with at least one of these tags.
	Tags     []string
	Statuses []Status
}

// RefreshLexemeStats recounts, for every lexeme, how many chunks and how
// many documents contain it, and the total length of the documents,
// and refreshes the planner's statistics of the documents and chunks: after
// a bulk load, stale statistics make PostgreSQL pick plans that are
// thousands of times slower than the index scans searches need. It also
// merges the chunks' new full-text postings into their index.
func (s *Store) RefreshLexemeStats(ctx context.Context) error {
	if _, err := s.pool.Exec(ctx, "ANALYZE documents, chunks"); err != nil {
		return fmt.Errorf("analyze: %w", err)
	}
	err := s.Transact(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "LOCK TABLE lexeme_stats IN EXCLUSIVE MODE"); err != nil {
			return fmt.Errorf("lock lexeme stats: %w", err)
		}
		if _, err := tx.Exec(ctx, "DELETE FROM lexeme_stats"); err != nil {
			return fmt.Errorf("clear lexeme stats: %w", err)
		}
		_, err := tx.Exec(ctx, `INSERT INTO lexeme_stats (lexeme, df, ddf, terms)
			SELECT s.word, s.ndoc, coalesce(t.ddf, 0), 0
			FROM ts_stat('SELECT tsv FROM chunks') AS s
			LEFT JOIN (SELECT lexeme, count(*) AS ddf FROM document_terms GROUP BY lexeme) AS t ON t.lexeme = s.word
			UNION ALL SELECT '', (SELECT count(*) FROM chunks), count(*), coalesce(sum(term_count), 0) FROM documents`)
		if err != nil {
			return fmt.Errorf("count lexemes: %w", err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	// VACUUM sets the visibility map that lets document searches read
	// postings and documents from their indexes alone.
	if _, err := s.pool.Exec(ctx, "VACUUM (ANALYZE) lexeme_stats, document_terms, documents"); err != nil {
		return fmt.Errorf("analyze lexeme stats: %w", err)
	}
	// New chunks wait in the full-text index's pending list, which every
	// full-text search reads whole (after ingesting the 2020 corpus: 200
	// pages, a third of a long message's search) until autovacuum merges
	// it; merge it now.
	if _, err := s.pool.Exec(ctx, "SELECT gin_clean_pending_list('chunks_tsv_idx'::regclass)"); err != nil {
		return fmt.Errorf("merge the full-text index's pending list: %w", err)
	}
	return nil
}

// filterSQL appends the WHERE conditions of f to conds, with their arguments
// numbered from len(args)+1, and returns both.
func filterSQL(f SearchFilter, conds []string, args []any) ([]string, []any) {
	statuses := f.Statuses
	if len(statuses) == 0 {
		statuses = []Status{StatusPublished}
	}
	args = append(args, statuses)
	conds = append(conds, fmt.Sprintf("d.status = ANY($%d)", len(args)))
	if len(f.Audience) > 0 {
		args = append(args, f.Audience)
		conds = append(conds, fmt.Sprintf("(cardinality(d.audience) = 0 OR d.audience && $%d)", len(args)))
	}
	if len(f.Services) > 0 {
		args = append(args, f.Services)
		conds = append(conds, fmt.Sprintf("d.service = ANY($%d)", len(args)))
	}
	if len(f.Tags) > 0 {
		args = append(args, f.Tags)
		conds = append(conds, fmt.Sprintf("d.tags && $%d", len(args)))
	}
	return conds, args
}

// termArgs splits terms into the parallel arrays the search queries unnest:
// their tsqueries and their weights.
func termArgs(terms []Term) ([]string, []float64) {
	qs := make([]string, len(terms))
	ws := make([]float64, len(terms))
	for i, t := range terms {
		qs[i], ws[i] = t.tsquery(), t.Weight
	}
	return qs, ws
}

// HybridQuery is what the full-text and the vector searches of one question
// share.
type HybridQuery struct {
	// Select lists the terms of which a chunk must contain one to be a
	// full-text candidate (their weights are not used).
	Select []Term
	// Rank weighs the full-text rank of each candidate: the sum over these
	// terms of weight × ts_rank.
	Rank []Term
	// Sample, when positive, ranks only that many of the chunks Select
	// matches (any of them), for questions made of words so common that
	// ranking every match would be slow.
	Sample int
	// Terms are the question's words, whose weights sum into Hit.Matched.
	Terms  []Term
	Filter SearchFilter
	K      int
	// Model, Dim and Vector are the question's embedding. Without one the
	// vector search returns nothing and Hit.Similarity is -1.
	Model  string
	Dim    int
	Vector []float32
	// version is the vectors version the caller read (0: none), with
	// which the full-text search picks the chunk index
	// (Query.VectorsVersion).
	version int64
}

// Hit is a chunk found by a search.
type Hit struct {
	ChunkID    int64
	DocumentID int64
	Source     string
	ExternalID string
	URL        string
	Service    string
	Title      string
	Heading    string
	Text       string
	// TextRank is the weighted full-text rank (0 when no term matches).
	TextRank float64
	// Similarity is the cosine similarity between the chunk's vector and
	// the question's, or -1 when either is missing.
	Similarity float64
	// Matched is the sum of the weights of the question's terms the chunk
	// contains.
	Matched float64
}

// pick is how a search chooses its chunks: the common table expressions
// it needs, and the query of the chosen chunks' ids and their documents'
// (id, document_id), best first.
type pick struct {
	ctes []string
	sel  string
	// order, if set, orders the loaded chunks (ORDER BY …).
	order string
	// direct, if set, replaces sel and order when the chunks are loaded:
	// the FROM clause onwards of a query that reads them (as c, their
	// documents as d) in one scan, for a search that picks by filter
	// only, where joining its ids back to the chunks would read every
	// chunk and document twice.
	direct string
	// textless leaves the chunks' text out of the hits (empty), for a
	// search of many passages of which few are shown (PassageTexts).
	textless bool
}

// searchShape is what a search returns of each hit.
type searchShape int

const (
	// idsOnly: the chunk's id and its document's, best first.
	idsOnly searchShape = iota
	// withScores: the chunk and its document with its text rank,
	// similarity and matched weight.
	withScores
	// withVersion: the chunk and its document with its similarity (text
	// rank and matched weight 0, for the chunk index to compute), and the
	// vectors version read in the same statement.
	withVersion
)

// shapeOf is the shape of a search whose hits hold only their ids when
// lean.
func shapeOf(lean bool) searchShape {
	if lean {
		return idsOnly
	}
	return withScores
}

// searchSQL builds a search: choose, given the filter conditions, picks
// the chunks. A search of ids returns the picked ids and document ids,
// best first; otherwise an outer query loads the picked chunks (or, if
// the pick is direct, reads them itself) with their similarity and,
// withScores, their text rank and matched weight, computed for those few
// chunks only. Arguments: $1 terms, $2 weights, $3
// rank terms, $4 rank weights, $5 k, $6 the vector if any.
func searchSQL(q HybridQuery, where []string, choose func(conds string) pick, args []any, shape searchShape) (string, []any) {
	conds, args := filterSQL(q.Filter, where, args)
	p := choose(strings.Join(conds, " AND "))
	ctes := append([]string{
		"terms AS MATERIALIZED (SELECT t.q::tsquery AS tq, t.w FROM unnest($1::text[], $2::float8[]) AS t(q, w))",
		"cterms AS MATERIALIZED (SELECT t.q::tsquery AS tq, t.w FROM unnest($3::text[], $4::float8[]) AS t(q, w))",
	}, p.ctes...)
	if shape == idsOnly {
		return "WITH " + strings.Join(ctes, ",\n") + "\n" + p.sel, args
	}
	sim := "-1::float8"
	if q.Vector != nil {
		sim = fmt.Sprintf(`CASE WHEN c.embed_model = %s THEN 1 - (c.embedding::vector(%d) <=> $6::vector(%d)) ELSE -1 END`,
			quoteLiteral(q.Model), q.Dim, q.Dim)
	}
	textRank := "coalesce((SELECT sum(t.w * ts_rank('{0.1, 0.2, 0.4, 1.0}', c.tsv, t.tq)) FROM cterms t), 0)"
	matched, version := "coalesce((SELECT sum(t.w) FROM terms t WHERE c.tsv @@ t.tq), 0)", ""
	if shape == withVersion {
		textRank, matched, version = "0", "0", ", (SELECT vectors FROM corpus_version)"
	}
	text := "c.text"
	if p.textless {
		text = "''"
	}
	from := "picked JOIN chunks c ON c.id = picked.id JOIN documents d ON d.id = c.document_id " + p.order
	if p.direct != "" {
		from = p.direct
	} else {
		ctes = append(ctes, "picked AS ("+p.sel+")")
	}
	return "WITH " + strings.Join(ctes, ",\n") + `
		SELECT c.id, c.document_id, d.source, d.external_id, d.url, d.service, c.title, c.heading, ` + text + `,
			` + textRank + `::float8, (` + sim + `)::float8, ` + matched + `::float8` + version + `
		FROM ` + from, args
}

// runSearch runs a search built by searchSQL and returns its hits, as
// shape has them, and the vectors version withVersion.
func (s *Store) runSearch(ctx context.Context, kind, sql string, args []any, shape searchShape) ([]Hit, int64, error) {
	rows, err := s.pool.Query(ctx, sql, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("%s search: %w", kind, err)
	}
	var version int64
	hits, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (Hit, error) {
		var h Hit
		if shape == idsOnly {
			return h, r.Scan(&h.ChunkID, &h.DocumentID)
		}
		dest := []any{&h.ChunkID, &h.DocumentID, &h.Source, &h.ExternalID, &h.URL, &h.Service, &h.Title, &h.Heading,
			&h.Text, &h.TextRank, &h.Similarity, &h.Matched}
		if shape == withVersion {
			dest = append(dest, &version)
		}
		return h, r.Scan(dest...)
	})
	if err != nil {
		return nil, 0, fmt.Errorf("%s search: %w", kind, err)
	}
	return hits, version, nil
}

func (q HybridQuery) baseArgs() []any {
	qs, ws := termArgs(q.Terms)
	cqs, cws := termArgs(q.Rank)
	args := []any{qs, ws, cqs, cws, q.K}
	if q.Vector != nil {
		args = append(args, pgvector.NewVector(q.Vector))
	}
	return args
}

// preRanked is how many chunks the first stage of a full-text search keeps
// for the second.
const preRanked = 150

// SearchText returns up to K chunks that match one of q.Select, best first
// by the weighted sum of the full-text rank of each of q.Rank (the title
// counts most, then the headings, then the text).
func (s *Store) SearchText(ctx context.Context, q HybridQuery) ([]Hit, error) {
	return s.searchText(ctx, q, false)
}

// searchText is SearchText, whose hits hold only their ids when lean.
func (s *Store) searchText(ctx context.Context, q HybridQuery, lean bool) ([]Hit, error) {
	if len(q.Select) == 0 || q.K <= 0 {
		return nil, nil
	}
	if lean {
		q.Vector = nil // no similarity to compute
	}
	if lean {
		if hits, ok, err := s.searchTextInMemory(ctx, q); err != nil || ok {
			return hits, err
		}
	}
	return s.searchTextSQL(ctx, q, lean)
}

// searchTextSQL is searchText in the database.
func (s *Store) searchTextSQL(ctx context.Context, q HybridQuery, lean bool) ([]Hit, error) {
	if lean && q.Filter.statusesOnly() {
		hits, exact, err := s.searchTextRankFirst(ctx, q)
		if err != nil || exact {
			return hits, err
		}
	}
	args := append(q.baseArgs(), q.selection())
	where := []string{q.selectCond(len(args))}
	// Two stages: one full-text rank of the whole selection per chunk keeps
	// the best preRanked, then the weighted rank of each term orders those.
	sel := len(args)
	choose := func(conds string) pick {
		return pick{ctes: []string{fmt.Sprintf(`pre AS (
			SELECT c.id, c.document_id, c.tsv FROM chunks c JOIN documents d ON d.id = c.document_id
			WHERE %s
			ORDER BY ts_rank('{0.1, 0.2, 0.4, 1.0}', c.tsv, $%d::tsquery) DESC, c.id
			LIMIT %d)`, conds, sel, preRanked)},
			sel: `SELECT pre.id, pre.document_id FROM pre
			ORDER BY (SELECT sum(t.w * ts_rank('{0.1, 0.2, 0.4, 1.0}', pre.tsv, t.tq)) FROM cterms t) DESC, pre.id
			LIMIT $5`}
	}
	sql, args := searchSQL(q, where, choose, args, shapeOf(lean))
	hits, _, err := s.runSearch(ctx, "full-text", sql, args, shapeOf(lean))
	if err != nil || lean {
		return hits, err
	}
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].TextRank != hits[j].TextRank {
			return hits[i].TextRank > hits[j].TextRank
		}
		return hits[i].ChunkID < hits[j].ChunkID
	})
	return hits, nil
}

// SearchVector returns the K chunks embedded by q.Model nearest to q.Vector
// by cosine distance, best first.
func (s *Store) SearchVector(ctx context.Context, q HybridQuery) ([]Hit, error) {
	return s.searchVector(ctx, q, false)
}

// searchVector is SearchVector, whose hits hold only their ids when lean.
func (s *Store) searchVector(ctx context.Context, q HybridQuery, lean bool) ([]Hit, error) {
	if q.Vector == nil || q.K <= 0 {
		return nil, nil
	}
	if len(q.Vector) != q.Dim {
		return nil, fmt.Errorf("vector search: query vector of size %d for a model of size %d: %w", len(q.Vector), q.Dim, ErrInvalid)
	}
	// The model and size are inlined so that the planner can use the
	// model's partial HNSW index.
	where := []string{"c.embed_model = " + quoteLiteral(q.Model)}
	if lean {
		if hits, ok := s.searchVectorInMemory(q); ok {
			return hits, nil
		}
		// Only the vector and the filter as parameters, the limit written
		// in: PostgreSQL then plans the search once per connection (with
		// LIMIT $n it planned every search anew).
		conds, args := filterSQL(q.Filter, where, []any{pgvector.NewVector(q.Vector)})
		hits, _, err := s.runSearch(ctx, "vector", nearestSQL(q.Dim, strings.Join(conds, " AND "), "$1", strconv.Itoa(q.K)), args, idsOnly)
		return hits, err
	}
	choose := func(conds string) pick { return pick{sel: nearestSQL(q.Dim, conds, "$6", "$5")} }
	sql, args := searchSQL(q, where, choose, q.baseArgs(), withScores)
	hits, _, err := s.runSearch(ctx, "vector", sql, args, withScores)
	if err != nil {
		return nil, err
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].Similarity > hits[j].Similarity })
	return hits, nil
}

// nearestSQL selects the ids and document ids of the limit chunks (that
// pass conds) nearest to the vector parameter, nearest first.
func nearestSQL(dim int, conds, vector, limit string) string {
	return fmt.Sprintf(`SELECT c.id, c.document_id FROM chunks c JOIN documents d ON d.id = c.document_id
			WHERE %s
			ORDER BY c.embedding::vector(%d) <=> %s::vector(%d)
			LIMIT %s`, conds, dim, vector, dim, limit)
}

// SearchPassages returns every chunk of the given documents (those that
// pass q.Filter) with its text rank, similarity and matched weight, so that
// the best passages of documents found as a whole can be picked; q.K bounds
// the number of chunks loaded. The hits' Text is left empty: PassageTexts
// reads that of the few passages picked (the texts of every passage were
// most of the search's time in receiving them). The chunk index, when it is of the version
// the chunks are read at, gives the text ranks and matched weights; it is
// not tried when the corpus has changed since it was read (the query would
// run twice).
func (s *Store) SearchPassages(ctx context.Context, q HybridQuery, documentIDs []int64) ([]Hit, error) {
	if len(documentIDs) == 0 {
		return nil, nil
	}
	x, p, ok := s.chunks.fresh(), textPlan{}, false
	if x != nil {
		p, ok = newPassagePlan(q)
	}
	if ok {
		hits, version, err := s.searchPassages(ctx, q, documentIDs, withVersion)
		if err != nil || x.scorePassages(version, p, hits) {
			return hits, err
		}
	}
	hits, _, err := s.searchPassages(ctx, q, documentIDs, withScores)
	return hits, err
}

// searchPassages is SearchPassages in the database, as shape has it.
func (s *Store) searchPassages(ctx context.Context, q HybridQuery, documentIDs []int64, shape searchShape) ([]Hit, int64, error) {
	args := append(q.baseArgs(), documentIDs)
	where := []string{fmt.Sprintf("c.document_id = ANY($%d::bigint[])", len(args))}
	// In the order of the documents and their chunks, so that equal
	// passages keep the same order whatever the plan; read in one scan
	// (half the database time of picking the ids first).
	choose := func(conds string) pick {
		return pick{direct: `chunks c JOIN documents d ON d.id = c.document_id WHERE ` + conds +
			` ORDER BY c.document_id, c.ordinal LIMIT $5`, textless: true}
	}
	sql, args := searchSQL(q, where, choose, args, shape)
	return s.runSearch(ctx, "passage", sql, args, shape)
}
