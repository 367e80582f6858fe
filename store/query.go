package store

import (
	"context"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"
)

// Term is a term of a search with its weight: a lexeme (a word as the French
// full-text configuration analyses it, such as "identit"), or a phrase of the
// lexicon whose lexemes must follow each other. Callers name lexemes; only
// AnalyzeQuery makes phrases, and only the store writes full-text queries.
type Term struct {
	// Lexeme is the term's lexeme ("" for a phrase).
	Lexeme string
	Weight float64
	// phrase is a phrase's tsquery as the database wrote it ("" for a
	// lexeme).
	phrase string
}

// String returns the term as a full-text query ('identit', or 'cart' <->
// 'grise' for a phrase), for logs and tests.
func (t Term) String() string { return t.tsquery() }

// tsquery returns the term as the text of a tsquery.
func (t Term) tsquery() string {
	if t.phrase != "" {
		return t.phrase
	}
	return lexemeQuery(t.Lexeme)
}

// lexemeQuery quotes a lexeme as a tsquery of that lexeme alone: quotes and
// backslashes doubled, so that no lexeme reads as an operator.
func lexemeQuery(lexeme string) string {
	return "'" + tsqueryQuoter.Replace(lexeme) + "'"
}

// tsqueryQuoter doubles quotes and backslashes (built once: a long message
// quotes hundreds of lexemes).
var tsqueryQuoter = strings.NewReplacer(`\`, `\\`, `'`, `''`)

// Query is one search of the knowledge base for a message, as lexemes and
// weights: the full-text and vector searches of passages and the BM25
// search of whole documents, which Search runs at once.
type Query struct {
	Passages  HybridQuery
	Documents DocQuery
	// VectorsVersion, when set, is the vectors version the query's
	// analysis read (QueryStats.VectorsVersion): the full-text search
	// takes the chunk index of that version without reading the version
	// again.
	VectorsVersion int64
}

// Found is what the three searches of a Query returned, each best first.
// The passages' hits hold only their ChunkID and DocumentID: they rank
// documents, whose passages are loaded afterwards (SearchPassages).
type Found struct {
	Text, Vector []Hit
	Documents    []DocHit
	// Took is how long each search took, for the searcher's log.
	Took SearchTimes
}

// SearchTimes are how long the three searches of a Query took.
type SearchTimes struct {
	Text, Vector, Documents time.Duration
}

// timed runs search and stores its duration in *took.
func timed(took *time.Duration, search func() error) func() error {
	return func() error {
		start := time.Now()
		err := search()
		*took = time.Since(start)
		return err
	}
}

// Search runs the full-text, vector and document searches of q at once, on
// connections of their own. Its full-text and vector hits are those of
// SearchText and SearchVector, with their ids only.
func (s *Store) Search(ctx context.Context, q Query) (Found, error) {
	var f Found
	q.Passages.version = q.VectorsVersion
	g, gctx := errgroup.WithContext(ctx)
	g.Go(timed(&f.Took.Vector, func() (err error) { f.Vector, err = s.searchVector(gctx, q.Passages, true); return err }))
	g.Go(timed(&f.Took.Documents, func() (err error) { f.Documents, err = s.SearchDocuments(gctx, q.Documents); return err }))
	g.Go(timed(&f.Took.Text, func() (err error) { f.Text, err = s.searchText(gctx, q.Passages, true); return err }))
	if err := g.Wait(); err != nil {
		return Found{}, err
	}
	return f, nil
}
