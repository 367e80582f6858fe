// Package rag finds the passages of official guidance that answer a question
// (hybrid retrieval: pgvector and French full-text search fused by reciprocal
// rank) and turns them into checked, cited drafts.
package rag

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/store"
)

// ErrInvalid marks a request that cannot be served as asked.
var ErrInvalid = errors.New("invalid request")

// Searcher runs hybrid searches over the knowledge base.
type Searcher struct {
	store    *store.Store
	embedder llm.Embedder
	lexicon  *Lexicon
	log      *slog.Logger
	opts     SearchOptions
}

// SearchOptions tunes retrieval. The zero value gives the defaults.
type SearchOptions struct {
	// Candidates is how many chunks each of the two searches returns
	// before fusion (default 40).
	Candidates int
	// RRFK is the constant of reciprocal rank fusion (default 60).
	RRFK float64
	// MaxPerDocument caps the passages of one document in the results
	// (default 2), so that one long fiche does not crowd out the others.
	MaxPerDocument int
	// ReliableScore is the score from which a result counts as reliable
	// (default DefaultReliableScore).
	ReliableScore float64
}

// DefaultReliableScore is the score above which a passage is taken to answer
// the question; below it, drafts warn that no reliable source was found. It
// was set on the retrieval tests (questions about the corpus against
// questions about nothing in it).
const DefaultReliableScore = 0.35

// NewSearcher returns a searcher over st that embeds queries with embedder
// and expands them with lexicon (which may be nil).
func NewSearcher(st *store.Store, embedder llm.Embedder, lexicon *Lexicon, log *slog.Logger, opts SearchOptions) *Searcher {
	if opts.Candidates <= 0 {
		opts.Candidates = 40
	}
	if opts.RRFK <= 0 {
		opts.RRFK = 60
	}
	if opts.MaxPerDocument <= 0 {
		opts.MaxPerDocument = 2
	}
	if opts.ReliableScore <= 0 {
		opts.ReliableScore = DefaultReliableScore
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Searcher{store: st, embedder: embedder, lexicon: lexicon, log: log, opts: opts}
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
}

// Warning texts of a degraded search.
const (
	WarnVectorUnavailable = "vector_search_unavailable"
	WarnNoEmbeddings      = "no_embeddings_for_model"
)

// Search runs the query's full-text and vector searches, fuses their
// rankings and scores each result.
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
	expansions := s.lexicon.Expand(q.Text)
	stats, total, err := s.store.QueryTerms(ctx, q.Text, expansions)
	if err != nil {
		return Results{}, fmt.Errorf("search: %w", err)
	}
	terms, rank, sel, sample, totalWeight := weighTerms(stats, total)
	hq := store.HybridQuery{
		Select: sel, Rank: rank, Sample: sample, Terms: terms, K: s.opts.Candidates,
		Filter: store.SearchFilter{Audience: q.Audience, Services: q.Services, Tags: q.Tags},
	}
	var res Results
	vec, err := s.embedQuery(ctx, q.Text, expansions)
	if err != nil {
		if ctx.Err() != nil {
			return Results{}, fmt.Errorf("search: %w", ctx.Err())
		}
		s.log.Warn("query embedding failed, searching full text only", "err", err)
		res.Warnings = append(res.Warnings, WarnVectorUnavailable)
	} else {
		hq.Model, hq.Dim, hq.Vector = s.embedder.Model(), s.embedder.Dim(), vec
	}

	vecCh := make(chan []store.Hit, 1)
	var vecErr error
	go func() {
		hits, err := s.store.SearchVector(ctx, hq)
		vecErr = err
		vecCh <- hits
	}()
	textHits, textErr := s.store.SearchText(ctx, hq)
	vecHits := <-vecCh
	if textErr != nil {
		return Results{}, fmt.Errorf("search: %w", textErr)
	}
	if vecErr != nil {
		return Results{}, fmt.Errorf("search: %w", vecErr)
	}
	if hq.Vector != nil && len(vecHits) == 0 && len(textHits) > 0 {
		// Chunks exist but none was embedded by this model: a re-embed is due.
		res.Warnings = append(res.Warnings, WarnNoEmbeddings)
	}
	res.Results = s.fuse(textHits, vecHits, totalWeight, q.K)
	res.Reliable = len(res.Results) > 0 && res.Results[0].Reliable
	res.Took = time.Since(start)
	return res, nil
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

// Full-text candidate selection: a question's rarest words and lexicon
// phrases select chunks, rarest first, until about bodyBudget chunks are
// selected (the rarest always does). Ranking weighs every informative word
// (found in at most informativeShare of the chunks). Common words thus rank
// but do not select: selecting by them made searches over the whole corpus
// ten times slower for the same recall, the vector search covering them.
// When even the rarest word is in more than bodyBudget chunks, only a
// sample of textSample of them is ranked: such a question tells passages
// apart by meaning rather than by words, which is the vector search's part.
const (
	bodyBudget       = 2000
	textSample       = 1000
	informativeShare = 0.2
	phraseWeight     = 0.5
)

// weighTerms gives each query term an inverse document frequency weight and
// builds the full-text search: the terms that rank candidates (the
// informative ones, or all when none is) and the tsqueries that select
// them. Terms found in no chunk weigh as much as the rarest known term in
// totalWeight, so that a question about something absent scores low;
// lexicon phrases help find and rank passages but do not count there.
func weighTerms(stats []store.TermStat, total int) (terms, rank []store.Term, sel []string, sample int, totalWeight float64) {
	n := float64(max(total, 1))
	idf := func(df int) float64 {
		return math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
	}
	var selectors []store.TermStat
	var common []store.Term
	for _, st := range stats {
		w := idf(max(st.DF, 1))
		if st.Lexemes <= 1 {
			totalWeight += w
		}
		if st.DF == 0 {
			continue
		}
		selectors = append(selectors, st)
		t := store.Term{Query: st.Query, Weight: w}
		switch {
		case st.Lexemes > 1:
			t.Weight *= phraseWeight
			rank = append(rank, t)
		case float64(st.DF)/n <= informativeShare:
			terms = append(terms, t)
			rank = append(rank, t)
		default:
			terms = append(terms, t)
			common = append(common, t)
		}
	}
	if len(rank) == 0 {
		rank = common
	}
	sort.SliceStable(selectors, func(i, j int) bool { return selectors[i].DF < selectors[j].DF })
	budget := 0
	for i, st := range selectors {
		if i > 0 && budget+st.DF > bodyBudget {
			break
		}
		budget += st.DF
		sel = append(sel, st.Query)
	}
	if budget > bodyBudget {
		sample = textSample
	}
	return terms, rank, sel, sample, totalWeight
}

// fuse merges the two rankings by reciprocal rank, scores each chunk and
// keeps the k best, at most MaxPerDocument per document.
func (s *Searcher) fuse(textHits, vecHits []store.Hit, totalWeight float64, k int) []Result {
	type fused struct {
		hit store.Hit
		rrf float64
	}
	byID := map[int64]*fused{}
	var order []*fused
	add := func(hits []store.Hit) {
		for rank, h := range hits {
			f, ok := byID[h.ChunkID]
			if !ok {
				f = &fused{hit: h}
				byID[h.ChunkID] = f
				order = append(order, f)
			}
			f.rrf += 1 / (s.opts.RRFK + float64(rank+1))
		}
	}
	add(textHits)
	add(vecHits)
	sort.SliceStable(order, func(i, j int) bool { return order[i].rrf > order[j].rrf })

	perDoc := map[int64]int{}
	var out []Result
	for _, f := range order {
		if perDoc[f.hit.DocumentID] >= s.opts.MaxPerDocument {
			continue
		}
		perDoc[f.hit.DocumentID]++
		coverage := 0.0
		if totalWeight > 0 {
			coverage = math.Min(1, f.hit.Matched/totalWeight)
		}
		sim := f.hit.Similarity
		if math.IsNaN(sim) {
			sim = -1 // a query vector of zeros (no word): no similarity
		}
		score := relevance(coverage, sim)
		out = append(out, Result{
			DocID: f.hit.ExternalID, DocumentID: f.hit.DocumentID, ChunkID: f.hit.ChunkID,
			Source: f.hit.Source, Title: f.hit.Title, URL: f.hit.URL, Service: f.hit.Service, Heading: f.hit.Heading,
			Text: f.hit.Text, Score: math.Round(score*1000) / 1000, Reliable: score >= s.opts.ReliableScore,
		})
		if len(out) == k {
			break
		}
	}
	return out
}

// relevance combines the share of the question's informative words that a
// passage contains with its vector similarity (-1 when unknown) into a score
// from 0 to 1.
func relevance(coverage, cosine float64) float64 {
	if cosine < 0 {
		return coverage
	}
	sim := math.Min(1, cosine/0.6)
	return 0.6*coverage + 0.4*sim
}
