package store

import (
	"context"
	"fmt"
	"math"
	"strings"

	"github.com/jackc/pgx/v5"
)

// indexDocumentTerms rebuilds d's rows of the document-level inverted index
// (document_terms, documents.term_count) from its chunks, in the caller's
// transaction: body counts come from the chunks' full-text vectors (their
// headings and text; the title, weight A, is copied in every chunk and
// counted once, from the document's title). Every posting carries the
// document's length, which BM25 needs.
func indexDocumentTerms(ctx context.Context, tx pgx.Tx, d *Document) error {
	if _, err := tx.Exec(ctx, "DELETE FROM document_terms WHERE document_id = $1", d.ID); err != nil {
		return fmt.Errorf("clear terms of %s/%s: %w", d.Source, d.ExternalID, err)
	}
	_, err := tx.Exec(ctx, `
		WITH x AS (
			SELECT lexeme, sum(tf_title) AS tf_title, sum(tf_body) AS tf_body FROM (
				SELECT u.lexeme, 0 AS tf_title,
					(SELECT count(*) FROM unnest(u.weights) AS w WHERE w <> 'A') AS tf_body
				FROM chunks c, unnest(c.tsv) AS u WHERE c.document_id = $1
				UNION ALL
				SELECT u.lexeme, coalesce(array_length(u.positions, 1), 1), 0
				FROM unnest(to_tsvector('plume_fr', $2)) AS u
			) y GROUP BY lexeme
		),
		n AS (SELECT coalesce(sum(tf_title + tf_body), 0)::integer AS terms, count(*) FILTER (WHERE tf_title > 0) AS title FROM x),
		t AS (
			INSERT INTO document_terms (lexeme, document_id, tf_title, tf_body, doc_terms)
			SELECT x.lexeme, $1, x.tf_title, x.tf_body, n.terms FROM x, n
		)
		UPDATE documents SET term_count = n.terms, title_terms = n.title FROM n WHERE id = $1`, d.ID, d.Title)
	if err != nil {
		return fmt.Errorf("index terms of %s/%s: %w", d.Source, d.ExternalID, err)
	}
	return nil
}

// DocTerm is one lexeme of a document-level search with its weight (its
// inverse document frequency times its weight in the query).
type DocTerm struct {
	Lexeme string
	Weight float64
	// Request marks a word of the message's request (not of its context).
	Request bool
}

// DocQuery is a BM25 search over whole documents (title and body).
type DocQuery struct {
	Terms  []DocTerm
	Filter SearchFilter
	K      int
	// K1 and B are BM25's term-frequency saturation and length
	// normalisation; TitleBoost multiplies the frequency of a lexeme in
	// the title (BM25F with two fields).
	K1, B, TitleBoost float64
	// AvgDocTerms is the mean document length in lexemes.
	AvgDocTerms float64
}

// DocHit is a document found by SearchDocuments.
type DocHit struct {
	DocumentID int64
	Score      float64
	// Matched is the sum of the weights of the query's terms the document
	// contains; RequestMatched, of the request's terms.
	Matched, RequestMatched float64
	// TitleShare is the share of the distinct words of the document's
	// title that the query contains.
	TitleShare float64
}

// SearchDocuments ranks the documents that contain one of q.Terms by BM25
// over their title and body and returns the K best.
func (s *Store) SearchDocuments(ctx context.Context, q DocQuery) ([]DocHit, error) {
	if len(q.Terms) == 0 || q.K <= 0 {
		return nil, nil
	}
	lexemes := make([]string, len(q.Terms))
	weights := make([]float64, len(q.Terms))
	request := make([]bool, len(q.Terms))
	for i, t := range q.Terms {
		lexemes[i], weights[i], request[i] = t.Lexeme, t.Weight, t.Request
	}
	// BM25 with the constants folded: w·(k1+1)·tf / (tf + k1·(1−b) +
	// k1·b/avgdl·length).
	avg := math.Max(q.AvgDocTerms, 1)
	args := []any{lexemes, weights, q.K, q.K1 + 1, q.K1 * (1 - q.B), q.K1 * q.B / avg, q.TitleBoost, request}
	conds, args := filterSQL(q.Filter, nil, args)
	// The postings alone give the scores; only the documents scored are
	// joined, for the filter and the length of their title.
	rows, err := s.pool.Query(ctx, `
		WITH q AS MATERIALIZED (
			SELECT lexeme, w, w * $4::float8 AS wk, CASE WHEN request THEN w ELSE 0 END AS wr
			FROM unnest($1::text[], $2::float8[], $8::bool[]) AS q(lexeme, w, request)),
		scored AS (
			SELECT t.document_id,
				sum(q.wk * f.tf / (f.tf + $5::float8 + $6::float8 * t.doc_terms)) AS score,
				sum(q.w) AS matched, sum(q.wr) AS request_matched,
				count(*) FILTER (WHERE t.tf_title > 0) AS title_words
			FROM q JOIN document_terms t ON t.lexeme = q.lexeme,
			LATERAL (SELECT t.tf_body + $7::float8 * t.tf_title AS tf) AS f
			GROUP BY t.document_id
		)
		SELECT s.document_id, s.score, s.matched, s.request_matched, s.title_words::float8 / greatest(d.title_terms, 1)
		FROM scored s JOIN documents d ON d.id = s.document_id
		WHERE `+strings.Join(conds, " AND ")+`
		ORDER BY s.score DESC, s.document_id LIMIT $3::int`, args...)
	if err != nil {
		return nil, fmt.Errorf("document search: %w", err)
	}
	hits, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (DocHit, error) {
		var h DocHit
		err := r.Scan(&h.DocumentID, &h.Score, &h.Matched, &h.RequestMatched, &h.TitleShare)
		return h, err
	})
	if err != nil {
		return nil, fmt.Errorf("document search: %w", err)
	}
	return hits, nil
}
