// Package rag finds the passages of official guidance that answer a message
// (hybrid retrieval: BM25 over whole documents, French full text and pgvector
// over passages, fused by document with reciprocal rank) and turns them into
// checked, cited drafts.
package rag

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/store"
)

// ErrInvalid marks a request that cannot be served as asked.
var ErrInvalid = errors.New("invalid request")

// ErrNoWords marks a text with no word to search for: punctuation, or only
// words too common to index (« le », « de »).
var ErrNoWords = fmt.Errorf("no word to search for: %w", ErrInvalid)

// Searcher runs hybrid searches over the knowledge base.
type Searcher struct {
	store    *store.Store
	embedder llm.Embedder
	lexicon  *Lexicon
	log      *slog.Logger
	opts     SearchOptions
	// reliability decides which results are reliable (see LoadReliability).
	reliability Reliability
}

// SearchOptions tunes retrieval. The zero value gives the defaults.
type SearchOptions struct {
	// Candidates is how many chunks each of the two passage searches
	// (full text, vectors) returns before fusion (default 40).
	Candidates int
	// RRFK is the constant of reciprocal rank fusion (default 20).
	RRFK float64
	// MaxPerDocument caps the passages of one document in the results
	// (default 2), so that one long fiche does not crowd out the others.
	MaxPerDocument int
	// ReliableScore, when positive, replaces the calibrated threshold
	// from which a result counts as reliable.
	ReliableScore float64
	// BM25K1, BM25B and TitleBoost tune the document search (defaults
	// 1.2, 0.75 and 2).
	BM25K1, BM25B, TitleBoost float64
	// Documents is how many documents the document search returns before
	// fusion (default 30).
	Documents int
	// Rewriter, when set, turns each message into search queries with a
	// chat model (see QueryRewriter); nil searches the message alone.
	Rewriter *QueryRewriter `json:"-"`
	// Fusion weighs the three rankings of documents in the reciprocal
	// rank fusion: by BM25 over the whole document, by its best
	// full-text passage, by its best vector passage (default 2, 1, 0.5).
	Fusion [3]float64
}

// NewSearcher returns a searcher over st that embeds queries with embedder
// and expands them with lexicon (which may be nil).
func NewSearcher(st *store.Store, embedder llm.Embedder, lexicon *Lexicon, log *slog.Logger, opts SearchOptions) *Searcher {
	opts.Candidates = orDefault(opts.Candidates, 40)
	opts.RRFK = orDefault(opts.RRFK, 20)
	opts.MaxPerDocument = orDefault(opts.MaxPerDocument, 2)
	opts.BM25K1 = orDefault(opts.BM25K1, 1.2)
	opts.BM25B = orDefault(opts.BM25B, 0.75)
	opts.TitleBoost = orDefault(opts.TitleBoost, 2)
	opts.Documents = orDefault(opts.Documents, 30)
	if opts.Fusion == [3]float64{} {
		opts.Fusion = [3]float64{2, 1, 0.5}
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Searcher{store: st, embedder: embedder, lexicon: lexicon, log: log, opts: opts, reliability: DefaultReliability}
}

// Query is a search request.
type Query struct {
	Text string
	// K is the number of results wanted (default 5, at most 50).
	K        int
	Audience []string
	// Services restricts the search to these services' documents; "" stands
	// for documents shared by all services.
	Services []string
	Tags     []string
}

// Result is one passage found.
type Result struct {
	DocID      string  `json:"doc_id"`
	DocumentID int64   `json:"document_id"`
	ChunkID    int64   `json:"chunk_id"`
	Source     string  `json:"source"`
	Title      string  `json:"title"`
	URL        string  `json:"url"`
	Service    string  `json:"service,omitempty"`
	Heading    string  `json:"heading"`
	Text       string  `json:"text"`
	Score      float64 `json:"score"`
	Reliable   bool    `json:"reliable"`
}

// Results is the answer to a search.
type Results struct {
	Results []Result `json:"results"`
	// Reliable says whether the best result is reliable.
	Reliable bool `json:"reliable"`
	// Warnings explain a degraded search (e.g. vector search unavailable).
	Warnings []string      `json:"warnings,omitempty"`
	Took     time.Duration `json:"-"`
	// Rewritten are the search queries the chat model wrote for the
	// message, when query rewrite is on and worked.
	Rewritten []string `json:"rewritten,omitempty"`
	// top holds the reliability features of the best document, for
	// evaluation and calibration.
	top Features
	// found holds, for each document the three searches found, its fused
	// score as a share of the first document's: how well the message's
	// search found a validated answer's sources.
	found map[int64]float64
}

// Warning texts of a degraded search.
const (
	WarnVectorUnavailable = "vector_search_unavailable"
	WarnNoEmbeddings      = "no_embeddings_for_model"
)

// orDefault returns v, or def when v is not positive.
func orDefault[T int | float64](v, def T) T {
	if v <= 0 {
		return def
	}
	return v
}

// Search finds the passages that answer a message: it weighs the message's
// sentences (SplitMessage), then runs three searches at once (BM25 over
// whole documents, full text and vectors over passages), fuses them by
// document, picks each document's best passages and scores them with the
// reliability model.
func (s *Searcher) Search(ctx context.Context, q Query) (Results, error) {
	start := time.Now()
	q.Text = strings.TrimSpace(q.Text)
	if q.Text == "" {
		return Results{}, fmt.Errorf("search: empty query: %w", ErrInvalid)
	}
	if q.K <= 0 {
		q.K = 5
	}
	if q.K > 50 {
		return Results{}, fmt.Errorf("search: k=%d is over 50: %w", q.K, ErrInvalid)
	}
	sentences := SplitMessage(q.Text)
	if len(sentences) == 0 {
		sentences = []Sentence{{Text: q.Text, Weight: requestWeight}}
	}
	var res Results
	if s.opts.Rewriter != nil {
		sentences, res.Rewritten = s.rewrite(ctx, q.Text, sentences)
	}
	expansions := s.lexicon.Expand(q.Text)
	texts, weights := searchTexts(sentences, expansions)
	repair := make([]bool, len(weights))
	for i, w := range weights {
		repair[i] = w >= requestWeight
	}
	stats, err := s.store.AnalyzeQuery(ctx, texts, repair, expansions)
	if err != nil {
		return Results{}, fmt.Errorf("search: %w", err)
	}
	if !hasSearchableWord(stats) {
		return Results{}, fmt.Errorf("search: %w", ErrNoWords)
	}
	plan := planQuery(stats, weights, s.opts)
	filter := store.SearchFilter{Audience: q.Audience, Services: q.Services, Tags: q.Tags}
	plan.chunks.Filter, plan.chunks.K = filter, s.opts.Candidates
	plan.docs.Filter, plan.docs.K = filter, s.opts.Documents

	vec, err := s.embedQuery(ctx, focusText(sentences), expansions)
	if err != nil {
		if ctx.Err() != nil {
			return Results{}, fmt.Errorf("search: %w", ctx.Err())
		}
		s.log.Warn("query embedding failed, searching full text only", "err", err)
		res.Warnings = append(res.Warnings, WarnVectorUnavailable)
	} else {
		plan.chunks.Model, plan.chunks.Dim, plan.chunks.Vector = s.embedder.Model(), s.embedder.Dim(), vec
	}
	found, err := s.runSearches(ctx, plan)
	if err != nil {
		return Results{}, fmt.Errorf("search: %w", err)
	}
	if plan.chunks.Vector != nil && len(found.vector) == 0 && len(found.text)+len(found.docs) > 0 {
		// Chunks exist but none was embedded by this model: a re-embed is due.
		res.Warnings = append(res.Warnings, WarnNoEmbeddings)
	}
	docs := s.fuseDocuments(found)
	res.found = fusedShares(docs)
	res.Results, res.top, err = s.rank(ctx, plan, docs, q.K)
	if err != nil {
		return Results{}, fmt.Errorf("search: %w", err)
	}
	res.Reliable = len(res.Results) > 0 && res.Results[0].Reliable
	res.Took = time.Since(start)
	return res, nil
}

// rewrite asks the rewriter for the message's search queries and returns
// them as the request, the message's sentences as its context. On failure
// the sentences are returned unchanged: the search goes on without.
func (s *Searcher) rewrite(ctx context.Context, text string, sentences []Sentence) ([]Sentence, []string) {
	queries, err := s.opts.Rewriter.Rewrite(ctx, text)
	if err != nil {
		if ctx.Err() == nil {
			s.log.Warn("query rewrite failed, searching the message alone", "err", err)
		}
		return sentences, nil
	}
	out := make([]Sentence, 0, len(queries)+len(sentences))
	for _, q := range queries {
		out = append(out, Sentence{Text: q, Weight: requestWeight})
	}
	for _, st := range sentences {
		out = append(out, Sentence{Text: st.Text, Weight: min(st.Weight, contextWeight)})
	}
	return out, queries
}

// hasSearchableWord reports whether a query holds a word that tells
// passages apart: one found in at most half of the chunks, or in none (a
// word the knowledge base does not know still deserves an answer, if only
// "no reliable source"). « le » (from « les ») and « a » are in more.
func hasSearchableWord(qs store.QueryStats) bool {
	for _, t := range qs.Terms {
		if float64(t.DF) <= 0.5*float64(qs.Chunks) {
			return true
		}
	}
	return false
}

// found holds what the three searches of a message returned.
type found struct {
	text, vector []store.Hit
	docs         []store.DocHit
}

// runSearches runs the full-text, vector and document searches at once.
func (s *Searcher) runSearches(ctx context.Context, plan queryPlan) (found, error) {
	var f found
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() (err error) { f.vector, err = s.store.SearchVector(gctx, plan.chunks); return err })
	g.Go(func() (err error) { f.docs, err = s.store.SearchDocuments(gctx, plan.docs); return err })
	g.Go(func() (err error) { f.text, err = s.store.SearchText(gctx, plan.chunks); return err })
	return f, g.Wait()
}

// focusText is the text to embed: the request's sentences, or the whole
// message when they are all of one weight.
func focusText(sentences []Sentence) string {
	var parts []string
	for _, s := range sentences {
		if s.Weight >= requestWeight {
			parts = append(parts, s.Text)
		}
	}
	return strings.Join(parts, "\n")
}

func (s *Searcher) embedQuery(ctx context.Context, text string, expansions []string) ([]float32, error) {
	if len(expansions) > 0 {
		text += "\n" + strings.Join(expansions, "\n")
	}
	vecs, err := s.embedder.Embed(ctx, []string{text})
	if err != nil {
		return nil, fmt.Errorf("embed query: %w", err)
	}
	if len(vecs) != 1 || len(vecs[0]) != s.embedder.Dim() {
		return nil, fmt.Errorf("embed query: want one vector of size %d", s.embedder.Dim())
	}
	return vecs[0], nil
}
