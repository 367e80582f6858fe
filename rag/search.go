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
	"github.com/plume-sp/plume/redact"
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
	// answerMatch is how drafts match validated answers, with the
	// thresholds calibrated for the embedding model (LoadAnswerCalibration).
	answerMatch AnswerMatch
	// semantic holds the corpus's semantic model (semanticModel).
	semantic semanticModels
	// ranker orders the first documents of the fusion (see Ranker).
	ranker Ranker
	// probe, when set (tests only), receives what each search computed.
	probe func(searchTrace)
}

// searchTrace is what one search computed, for tests that study new
// evidence of reliability.
type searchTrace struct {
	stats   store.QueryStats
	texts   []store.Sentence
	weights []float64
	// sentences is how many of texts are the message's (the lexicon's
	// expansions follow).
	sentences int
	plan      queryPlan
	found     store.Found
	docs      []docCandidate
	ranked    []rankedDoc
}

// SearchOptions tunes retrieval. The zero value gives the defaults.
type SearchOptions struct {
	// Candidates is how many chunks each of the two passage searches
	// (full text, vectors) returns before fusion (default 40).
	Candidates int
	// RRFK is the constant of reciprocal rank fusion (default 20).
	RRFK float64
	// MaxPerDocument caps the passages of one page in the results
	// (default 2), so that one long fiche, or a fiche and its 2020
	// version (one external id), does not crowd out the others.
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
	// SemanticWeight weighs the ranking of documents by the corpus's
	// semantic model in the fusion (default 1; negative: not used);
	// SemanticCandidates is how many documents it gives (default 20);
	// SemanticKeep is how many of the first documents of the three other
	// rankings' fusion keep a place in the first five (default none).
	// The defaults were chosen on the tuning half (README, "Retrieval").
	SemanticWeight     float64
	SemanticCandidates int
	SemanticKeep       int
	// Redaction is the policy of the queries people type (RedactQuery),
	// of the queries the rewriter writes, and by default of drafts
	// (default redact.DefaultPolicy()).
	Redaction redact.Policy `json:"-"`
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
	if opts.SemanticWeight == 0 {
		opts.SemanticWeight = 1
	}
	opts.SemanticCandidates = orDefault(opts.SemanticCandidates, 20)
	if opts.Redaction == nil {
		opts.Redaction = redact.DefaultPolicy()
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Searcher{store: st, embedder: embedder, lexicon: lexicon, log: log, opts: opts, reliability: DefaultReliability, ranker: DefaultRanker,
		answerMatch: DefaultAnswerMatch}
}

// Prepare reads what a searcher needs before its first search: the
// reliability model and the answers' thresholds calibrated for its
// embedding model (LoadReliability, LoadAnswerCalibration) and the store's
// chunk index (store.LoadChunkIndex). Before the index is
// read, vectors are searched through the approximate HNSW index, whose
// results depend on its build: the server, plume eval and the tuning
// tests all prepare their searchers this way, so that they rank alike.
func (s *Searcher) Prepare(ctx context.Context) error {
	if err := s.LoadReliability(ctx); err != nil {
		return err
	}
	if err := s.LoadAnswerCalibration(ctx); err != nil {
		return err
	}
	if err := s.store.LoadChunkIndex(ctx); err != nil {
		return fmt.Errorf("prepare the searcher: %w", err)
	}
	return nil
}

// Query is a search request.
type Query struct {
	// Text is what to search for: redacted text only (see RedactQuery).
	// Its placeholders are removed before it is searched; those that
	// follow a label (« tel [TEL_1] ») tell it names no subject.
	Text redact.Text
	// K is the number of results wanted (default 5, at most 50).
	K        int
	Audience []string
	// Services restricts the search to these services' documents; "" stands
	// for documents shared by all services.
	Services []string
	Tags     []string
	// noSubject is set by normalized when Text names no subject.
	noSubject bool
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
	// RewriteTook is how long the chat model took to write the search
	// queries, when query rewrite is on: part of Took spent waiting for
	// the model.
	RewriteTook time.Duration `json:"-"`
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
	// semantic is the semantic model's part of the search (none without
	// a model): validated answers are compared in its space too.
	semantic semanticSearch
	// ranked are the documents whose passages were loaded, in their
	// final order, with what the ranker and the reliability model know
	// of each: for evaluation and for fitting the ranker.
	ranked []rankCandidate
}

// Warning texts of a degraded search.
const (
	WarnVectorUnavailable = "vector_search_unavailable"
	WarnNoEmbeddings      = "no_embeddings_for_model"
)

// orDefault returns v, or def when v is not positive.
func orDefault[T int | float64 | time.Duration](v, def T) T {
	if v <= 0 {
		return def
	}
	return v
}

// Search finds the passages that answer a message: it weighs the message's
// sentences (SplitMessage), then runs three searches at once (BM25 over
// whole documents, full text and vectors over passages), fuses them by
// document, picks each document's best passages and scores them with the
// reliability model. With a rewriter, the message is searched alone and
// with the rewriter's queries, and the two merged (searchRewritten).
func (s *Searcher) Search(ctx context.Context, q Query) (Results, error) {
	q, err := q.normalized()
	if err != nil {
		return Results{}, err
	}
	if s.opts.Rewriter != nil {
		return s.searchRewritten(ctx, q)
	}
	return s.searchQueries(ctx, q, nil)
}

// searchQueries searches a normalized query: its message alone, or, with
// queries (the rewriter's, redacted), those queries as the request and
// the message as its context.
func (s *Searcher) searchQueries(ctx context.Context, q Query, queries []redact.Text) (Results, error) {
	start := time.Now()
	var took stageTimes
	mark := start
	a, err := s.analyse(ctx, q, queries)
	took.analyse = lap(&mark)
	if err != nil {
		return Results{}, err
	}
	res := Results{Rewritten: a.rewritten}
	found, err := s.runSearches(ctx, &a, &res, &took, &mark)
	if err != nil {
		return Results{}, err
	}
	if err := s.rankFound(ctx, q, a, found, &res); err != nil {
		return Results{}, fmt.Errorf("search: %w", err)
	}
	took.passages = lap(&mark)
	res.Took = time.Since(start)
	s.logStages(ctx, took, res.Took)
	return res, nil
}

// analysis is a message analysed for search: its weighted sentences, the
// lexicon's expansions, the texts analysed and their weights, the
// analysis's statistics, the plan of the searches and the text to embed.
type analysis struct {
	sentences  []part
	rewritten  []string
	expansions []string
	texts      []store.Sentence
	weights    []float64
	stats      store.QueryStats
	filter     store.SearchFilter
	plan       queryPlan
	focus      redact.Text
}

// analyse weighs the sentences of a normalized query (with the rewriter's
// queries, when given), analyses its words in the store and plans the
// searches; ErrNoWords when no word tells passages apart.
func (s *Searcher) analyse(ctx context.Context, q Query, queries []redact.Text) (analysis, error) {
	var a analysis
	a.sentences, a.rewritten = sentences(q.Text, queries)
	a.expansions = s.lexicon.Expand(q.Text.String())
	a.texts, a.weights = searchTexts(a.sentences, a.expansions)
	stats, err := s.store.AnalyzeQuery(ctx, a.texts, a.expansions)
	if err != nil {
		return analysis{}, fmt.Errorf("search: %w", err)
	}
	if !hasSearchableWord(stats) {
		return analysis{}, fmt.Errorf("search: %w", ErrNoWords)
	}
	a.stats = stats
	a.filter = store.SearchFilter{Audience: store.NFCLabels(q.Audience), Services: q.Services, Tags: store.NFCLabels(q.Tags)}
	a.plan = planQuery(stats, a.weights, len(a.sentences), a.filter, s.opts)
	a.plan.query.VectorsVersion = stats.VectorsVersion
	a.focus = focusText(a.sentences)
	request := cueRequest(a.sentences)
	a.plan.ownCase, a.plan.outside = askCues(q.Text.String(), request)
	a.plan.entity = rareEntity(request, stats, a.weights)
	return a, nil
}

// runSearches embeds the query and runs the three searches of a's plan at
// once, adding to res the warnings of a degraded search and to took the
// stages' times (from *mark on).
func (s *Searcher) runSearches(ctx context.Context, a *analysis, res *Results, took *stageTimes, mark *time.Time) (found, error) {
	vec, err := s.queryVector(ctx, a.focus, a.expansions)
	if err != nil {
		return found{}, err
	}
	if vec == nil {
		res.Warnings = append(res.Warnings, WarnVectorUnavailable)
	} else {
		passages := &a.plan.query.Passages
		passages.Model, passages.Dim, passages.Vector = s.embedder.Model(), s.embedder.Dim(), vec
	}
	took.embed = lap(mark)
	f, err := s.search(ctx, a.plan)
	if err != nil {
		return found{}, fmt.Errorf("search: %w", err)
	}
	took.searches, took.each = lap(mark), f.Took
	if a.plan.query.Passages.Vector != nil && len(f.Vector) == 0 && len(f.Text)+len(f.Documents) > 0 {
		// Chunks exist but none was embedded by this model: a re-embed is due.
		res.Warnings = append(res.Warnings, WarnNoEmbeddings)
	}
	return f, nil
}

// found is what the searches of a message returned: the store's three
// searches and the plain BM25 search of documents.
type found struct {
	store.Found
	plain []store.DocHit
}

// search runs the plan's searches: the store's three and, beside them,
// the plain BM25 search of documents.
func (s *Searcher) search(ctx context.Context, plan queryPlan) (found, error) {
	var f found
	g, gctx := errgroup.WithContext(ctx)
	goSafe(g, func() (err error) { f.Found, err = s.store.Search(gctx, plan.query); return err })
	goSafe(g, func() (err error) { f.plain, err = s.store.SearchDocuments(gctx, plan.plain); return err })
	if err := g.Wait(); err != nil {
		return found{}, err
	}
	return f, nil
}

// rankFound adds the semantic ranking to what the searches found, fuses
// them by document, picks the best documents' passages into res and
// decides whether the best is reliable.
func (s *Searcher) rankFound(ctx context.Context, q Query, a analysis, f found, res *Results) error {
	sem, model, err := s.semanticRanking(ctx, a.stats, len(a.sentences), a.filter)
	if err != nil {
		return err
	}
	res.semantic = semanticSearch{model: model, ranking: sem}
	docs := s.fuseDocuments(f.Found, sem, f.plain)
	res.found = fusedShares(docs)
	var ranked []rankedDoc
	res.Results, res.top, ranked, err = s.bestPassages(ctx, a.plan, docs, q.K)
	if err != nil {
		return err
	}
	res.ranked = rankedCandidates(ranked)
	if s.probe != nil {
		s.probe(searchTrace{stats: a.stats, texts: a.texts, weights: a.weights, sentences: len(a.sentences), plan: a.plan, found: f.Found, docs: docs, ranked: ranked})
	}
	res.Reliable = len(res.Results) > 0 && decide(s.reliability.Score(res.top), s.threshold(), res.top)
	if q.noSubject {
		res.withoutSubject()
	}
	return nil
}

// stageTimes are how long the stages of one search took: the query's
// analysis, its embedding, the three searches at once (and each of them),
// the passages of the best documents.
type stageTimes struct {
	analyse, embed, searches, passages time.Duration
	each                               store.SearchTimes
}

// lap returns the time since *mark and moves the mark to now.
func lap(mark *time.Time) time.Duration {
	now := time.Now()
	d := now.Sub(*mark)
	*mark = now
	return d
}

// logStages logs, at debug level, where the time of a search went.
func (s *Searcher) logStages(ctx context.Context, t stageTimes, total time.Duration) {
	if !s.log.Enabled(ctx, slog.LevelDebug) {
		return
	}
	s.log.LogAttrs(ctx, slog.LevelDebug, "search stages", slog.Duration("total", total),
		slog.Duration("analyse", t.analyse), slog.Duration("embed", t.embed), slog.Duration("searches", t.searches),
		slog.Duration("text", t.each.Text), slog.Duration("vector", t.each.Vector),
		slog.Duration("documents", t.each.Documents), slog.Duration("passages", t.passages))
}

// sentences are the weighted sentences of a redacted message and, with
// the rewriter's queries, those queries first (withQueries); rewritten
// are those queries.
func sentences(text redact.Text, queries []redact.Text) (sentences []part, rewritten []string) {
	sentences = splitRedacted(text)
	if len(sentences) == 0 {
		sentences = []part{{text: text, weight: requestWeight}}
	}
	if len(queries) > 0 {
		sentences, rewritten = withQueries(queries, sentences)
	}
	return sentences, rewritten
}

// queryVector embeds a query (see embedQuery); nil when embedding failed
// (logged: the search goes on with full text only), an error only when
// ctx is done.
func (s *Searcher) queryVector(ctx context.Context, focus redact.Text, expansions []string) ([]float32, error) {
	vec, err := s.embedQuery(ctx, focus, expansions)
	if err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("search: %w", ctx.Err())
		}
		s.log.Warn("query embedding failed, searching full text only", "err", err)
		return nil, nil
	}
	return vec, nil
}

// normalized returns q trimmed, without its clauses that only give
// credentials (withoutCredentials) nor its placeholders, with its default
// K, or an error wrapping ErrInvalid for an empty query or a K over 50.
func (q Query) normalized() (Query, error) {
	q.Text = q.Text.TrimSpace()
	if q.Text.IsEmpty() {
		return Query{}, fmt.Errorf("search: empty query: %w", ErrInvalid)
	}
	q.noSubject = onlyCredentials(q.Text)
	q.Text = withoutCredentials(q.Text)
	q.noSubject = q.noSubject || !namesSubject(q.Text)
	words, err := searchWords(q.Text)
	if err != nil {
		return Query{}, err
	}
	q.Text = words
	if q.K <= 0 {
		q.K = 5
	}
	if q.K > 50 {
		return Query{}, fmt.Errorf("search: k=%d is over 50: %w", q.K, ErrInvalid)
	}
	return q, nil
}

// Policy is the redaction policy of the searcher's queries.
func (s *Searcher) Policy() redact.Policy { return s.opts.Redaction }

// RedactQuery redacts a search typed by a person with the searcher's
// policy and returns the text to search with: redacted, placeholders kept
// (Search removes them). It is the one way from a person's query to a
// Query; the result says what was masked. A query that holds nothing but
// personal data fails with ErrNoWords.
func (s *Searcher) RedactQuery(ctx context.Context, text string) (redact.Text, redact.Result, error) {
	red, err := redact.Redact(ctx, text, s.opts.Redaction)
	if err != nil {
		return redact.Text{}, redact.Result{}, fmt.Errorf("redact query: %w", err)
	}
	if _, err := searchWords(red.Text); err != nil {
		return redact.Text{}, redact.Result{}, err
	}
	return red.Text, red, nil
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

// cueRequest is the request as the cues read it: the request's sentences
// as written (part.whole), or the whole message when they are all of one
// weight, one a line.
func cueRequest(sentences []part) string {
	var lines []string
	for _, s := range sentences {
		if s.weight < requestWeight {
			continue
		}
		if s.whole.IsEmpty() {
			lines = append(lines, s.text.String())
		} else {
			lines = append(lines, s.whole.String())
		}
	}
	return strings.Join(lines, "\n")
}

// focusText is the text to embed: the request's sentences, or the whole
// message when they are all of one weight.
func focusText(sentences []part) redact.Text {
	var parts []redact.Text
	for _, s := range sentences {
		if s.weight >= requestWeight {
			parts = append(parts, s.text)
		}
	}
	return redact.Join(parts, redact.Newline)
}

// embedQuery embeds the focus of a redacted query and the lexicon's
// expansions of it (plume's own terms).
func (s *Searcher) embedQuery(ctx context.Context, focus redact.Text, expansions []string) ([]float32, error) {
	text := llm.Redacted(focus)
	if len(expansions) > 0 {
		text = llm.Concat(text, llm.Official("\n"+strings.Join(expansions, "\n")))
	}
	vecs, err := s.embedder.Embed(ctx, []llm.Text{text})
	if err != nil {
		return nil, fmt.Errorf("embed query: %w", err)
	}
	if len(vecs) != 1 || len(vecs[0]) != s.embedder.Dim() {
		return nil, fmt.Errorf("embed query: want one vector of size %d", s.embedder.Dim())
	}
	return vecs[0], nil
}
