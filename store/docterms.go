package store

import (
	"context"
	"fmt"
	"math"
	"slices"
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
// over their title and body and returns the K best. It scores in memory
// from the postings and documents the store keeps (docCache), and in the
// database when the corpus has just changed.
func (s *Store) SearchDocuments(ctx context.Context, q DocQuery) ([]DocHit, error) {
	if len(q.Terms) == 0 || q.K <= 0 {
		return nil, nil
	}
	if s.docs != nil {
		hits, ok, err := s.searchDocumentsCached(ctx, q)
		if err != nil || ok {
			return hits, err
		}
	}
	return s.searchDocumentsSQL(ctx, q)
}

// bm25Constants are BM25's constants folded, as the document search uses
// them: w·(k1+1)·tf / (tf + k1·(1−b) + k1·b/avgdl·length).
func (q DocQuery) bm25Constants() (k1p1, base, perTerm float64) {
	avg := math.Max(q.AvgDocTerms, 1)
	return q.K1 + 1, q.K1 * (1 - q.B), q.K1 * q.B / avg
}

// searchDocumentsSQL is SearchDocuments in the database.
func (s *Store) searchDocumentsSQL(ctx context.Context, q DocQuery) ([]DocHit, error) {
	lexemes := make([]string, len(q.Terms))
	weights := make([]float64, len(q.Terms))
	request := make([]bool, len(q.Terms))
	for i, t := range q.Terms {
		lexemes[i], weights[i], request[i] = t.Lexeme, t.Weight, t.Request
	}
	k1p1, base, perTerm := q.bm25Constants()
	args := []any{lexemes, weights, q.K, k1p1, base, perTerm, q.TitleBoost, request}
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

// docScore is the BM25 score of a document being summed, with its
// matched weights and title words.
type docScore struct {
	score, matched, request float64
	titleWords              int32
	seen                    bool
}

// scoreDocuments ranks documents as searchDocumentsSQL does, from
// postings[i], the postings of q.Terms[i], and docs: the same sums in the
// same order (term by term), the same filter, the same order of ties.
func scoreDocuments(q DocQuery, postings [][]posting, docs *docTable) []DocHit {
	k1p1, base, perTerm := q.bm25Constants()
	scores := docs.scoreBuffer()
	var touched []int32
	for i, t := range q.Terms {
		wk, wr := t.Weight*k1p1, 0.0
		if t.Request {
			wr = t.Weight
		}
		for _, p := range postings[i] {
			d := &scores[p.doc]
			if !d.seen {
				d.seen = true
				touched = append(touched, p.doc)
			}
			tf := float64(p.tfBody) + float64(q.TitleBoost*float64(p.tfTitle))
			den := float64(tf+base) + float64(perTerm*float64(p.docTerms))
			d.score += float64(wk*tf) / den
			d.matched += t.Weight
			d.request += wr
			if p.tfTitle > 0 {
				d.titleWords++
			}
		}
	}
	top := topHits{k: q.K, hits: make([]DocHit, 0, q.K)}
	for _, at := range touched {
		info := docs.infos[at]
		if !q.Filter.admits(info) {
			continue
		}
		d := scores[at]
		top.offer(DocHit{DocumentID: docs.ids[at], Score: d.score, Matched: d.matched, RequestMatched: d.request,
			TitleShare: float64(d.titleWords) / float64(max(info.titleTerms, 1))})
	}
	docs.release(scores, touched)
	return top.hits
}

// topHits keeps the k best hits offered, best first: by score, then by
// document id.
type topHits struct {
	k    int
	hits []DocHit
}

// before reports whether a ranks before b.
func before(a, b DocHit) bool {
	if a.Score != b.Score {
		return a.Score > b.Score
	}
	return a.DocumentID < b.DocumentID
}

// offer keeps h if it is among the k best so far.
func (t *topHits) offer(h DocHit) {
	if len(t.hits) == t.k && !before(h, t.hits[t.k-1]) {
		return
	}
	at, _ := slices.BinarySearchFunc(t.hits, h, func(e, h DocHit) int {
		if before(e, h) {
			return -1
		}
		return 1
	})
	t.hits = slices.Insert(t.hits, at, h)
	if len(t.hits) > t.k {
		t.hits = t.hits[:t.k]
	}
}
