package rag

import (
	"context"
	"math"
	"regexp"
	"sort"
	"strconv"

	"github.com/plume-sp/plume/store"
)

// maxRankedDocuments bounds the documents whose passages are loaded and
// scored for one search.
const maxRankedDocuments = 20

// docCandidate is a document found by one of the searches, with its ranks
// (0 when a search did not find it) and its features.
type docCandidate struct {
	id                int64
	bm25Rank          int
	textRank, vecRank int
	// semRank is its rank by the semantic model (0: not among its
	// candidates).
	semRank int
	// plainRank is its rank by plain BM25 (0: not among its first
	// documents), which only the ranker reads.
	plainRank      int
	bm25, matched  float64
	requestMatched float64
	title          float64
	// fused is the fusion of the three base rankings; margin is how far
	// ahead of the next document it is by that score (the reliability
	// model's feature, which the semantic ranking leaves as it was).
	fused, margin float64
	// baseRank is its place by fused (1-based; 0 for a document only the
	// semantic ranking found); score, fused plus the semantic ranking's
	// part, orders the documents.
	baseRank int
	score    float64
}

// rank loads the passages of the best documents (best first), orders the
// first five of them again with the ranker, then the others among
// themselves (Ranker.order), and returns the k best passages, at most
// MaxPerDocument per page (results), each scored by the reliability model, the
// features of the document the base fusion puts first among those
// with passages (the reliability decision is the one calibrated without
// the semantic ranking and the ranker, which only order), and the
// documents ranked, in their final order.
func (s *Searcher) rank(ctx context.Context, plan queryPlan, docs []docCandidate, k int) ([]Result, Features, []rankedDoc, error) {
	if len(docs) == 0 {
		return nil, Features{}, nil, nil
	}
	docs = docs[:min(len(docs), max(k, 10), maxRankedDocuments)]
	byDoc, err := s.passagesOf(ctx, plan, docs)
	if err != nil {
		return nil, Features{}, nil, err
	}
	maxScore := bm25Ceiling(plan.query.Documents)
	var ranked []rankedDoc
	var top Features
	topRank := 0
	for _, d := range docs {
		hits := byDoc[d.id]
		if len(hits) == 0 {
			continue
		}
		feat := documentFeatures(plan, d, hits[0], maxScore)
		if d.baseRank > 0 && (topRank == 0 || d.baseRank < topRank) {
			top, topRank = feat, d.baseRank
		}
		ranked = append(ranked, rankedDoc{cand: d, hits: hits, feat: feat})
	}
	rankFeatures(ranked, s.opts.RRFK)
	s.ranker.order(ranked)
	return s.results(ranked, k), top, ranked, nil
}

// results returns the k best passages of the ranked documents, in order,
// at most MaxPerDocument per page (pageOf): over the whole corpus a page is often
// stored twice (its fiche and its 2020 version, one external id), and its
// second document's passages would only repeat the first's while taking
// the places of other pages.
func (s *Searcher) results(ranked []rankedDoc, k int) []Result {
	var out []Result
	perPage := map[string]int{}
	for _, d := range ranked {
		if len(out) == k {
			break
		}
		page := pageOf(d.hits[0])
		n := min(len(d.hits), s.opts.MaxPerDocument-perPage[page], k-len(out))
		if n <= 0 {
			continue
		}
		perPage[page] += n
		score := s.reliability.Score(d.feat)
		for _, h := range d.hits[:n] {
			out = append(out, resultOf(h, score, decide(score, s.threshold(), d.feat)))
		}
	}
	return out
}

// pageOf names the page a passage belongs to: its service-public.fr id
// (F1234, N19775, R…) for a fiche, which DILA gives once across sources,
// so that a fiche and its 2020 version are one page; its document for any
// other id, which two sources may share for different pages (« faq-1 »;
// the final review of session 20).
func pageOf(h store.Hit) string {
	if dilaID.MatchString(h.ExternalID) {
		return h.ExternalID
	}
	return "doc " + strconv.FormatInt(h.DocumentID, 10)
}

// dilaID is the id of a service-public.fr page.
var dilaID = regexp.MustCompile(`^[FNR][0-9]+$`)

// passagesOf returns the passages of docs by document, each document's
// best first.
func (s *Searcher) passagesOf(ctx context.Context, plan queryPlan, docs []docCandidate) (map[int64][]store.Hit, error) {
	ids := make([]int64, len(docs))
	for i, d := range docs {
		ids[i] = d.id
	}
	// Passages are chosen by the words they contain and their
	// similarity: no full-text rank is needed.
	pq := plan.query.Passages
	pq.K, pq.Rank = 2000, nil
	passages, err := s.store.SearchPassages(ctx, pq, ids)
	if err != nil {
		return nil, err
	}
	byDoc := map[int64][]store.Hit{}
	for _, h := range passages {
		byDoc[h.DocumentID] = append(byDoc[h.DocumentID], h)
	}
	for _, hits := range byDoc {
		sort.SliceStable(hits, func(i, j int) bool {
			return passageScore(hits[i], plan.totalWeight) > passageScore(hits[j], plan.totalWeight)
		})
	}
	return byDoc, nil
}

// documentFeatures are the reliability features of document d, whose best
// passage is best; maxScore is the query's BM25 ceiling.
func documentFeatures(plan queryPlan, d docCandidate, best store.Hit, maxScore float64) Features {
	return Features{
		Passage:   share(best.Matched, plan.totalWeight),
		Document:  share(d.matched, plan.docWeight),
		Cosine:    similarity(best),
		BM25:      share(d.bm25, maxScore),
		Request:   share(d.requestMatched, plan.requestWeight),
		Title:     d.title,
		Agreement: (b2f(d.bm25Rank > 0) + b2f(d.textRank > 0) + b2f(d.vecRank > 0)) / 3,
		Unknown:   plan.unknown,
		Margin:    d.margin,
		OwnCase:   plan.ownCase,
		Outside:   plan.outside,
		Entity:    plan.entity,
	}
}

// threshold is the score from which a result is reliable.
func (s *Searcher) threshold() float64 {
	if s.opts.ReliableScore > 0 {
		return s.opts.ReliableScore
	}
	return s.reliability.Threshold
}

// fuseDocuments merges the three rankings by document with weighted
// reciprocal rank fusion, then adds the semantic ranking (sem, best
// first) and the plain BM25 ranking (plain), which only order (see
// withOrdering); best first.
func (s *Searcher) fuseDocuments(f store.Found, sem []int64, plain []store.DocHit) []docCandidate {
	fu := fusion{byID: map[int64]*docCandidate{}}
	for i, h := range f.Documents {
		d := fu.get(h.DocumentID)
		d.bm25Rank, d.bm25, d.matched = i+1, h.Score, h.Matched
		d.requestMatched, d.title = h.RequestMatched, h.TitleShare
	}
	for i, h := range f.Text {
		if d := fu.get(h.DocumentID); d.textRank == 0 {
			d.textRank = i + 1
		}
	}
	for i, h := range f.Vector {
		if d := fu.get(h.DocumentID); d.vecRank == 0 {
			d.vecRank = i + 1
		}
	}
	w := s.opts.Fusion
	for _, d := range fu.order {
		d.fused = w[0]*s.rrf(d.bm25Rank) + w[1]*s.rrf(d.textRank) + w[2]*s.rrf(d.vecRank)
	}
	sort.SliceStable(fu.order, func(i, j int) bool { return fu.order[i].fused > fu.order[j].fused })
	for i, d := range fu.order {
		d.margin, d.baseRank = margin(fu.order, i), i+1
		d.score = d.fused
	}
	return copyCandidates(s.withOrdering(&fu, sem, plain))
}

// markPlain sets the rank by plain BM25 (plain, best first) of the
// documents found.
func markPlain(f *fusion, plain []store.DocHit) {
	for i, h := range plain {
		if d, ok := f.byID[h.DocumentID]; ok {
			d.plainRank = i + 1
		}
	}
}

// fusion gathers the documents the rankings found, in the order first
// found.
type fusion struct {
	byID  map[int64]*docCandidate
	order []*docCandidate
}

// get returns the candidate of document id, added when new.
func (f *fusion) get(id int64) *docCandidate {
	d, ok := f.byID[id]
	if !ok {
		d = &docCandidate{id: id}
		f.byID[id] = d
		f.order = append(f.order, d)
	}
	return d
}

// withOrdering adds the semantic ranking sem to the base fusion (f.order,
// best first) with its weight and marks the documents' places by plain
// BM25 (plain); it returns the documents best first, the base fusion's
// first SemanticKeep documents keeping a place in the first five
// (keepInTop).
func (s *Searcher) withOrdering(f *fusion, sem []int64, plain []store.DocHit) []*docCandidate {
	protected := map[int64]bool{}
	for _, d := range f.order[:min(len(f.order), max(s.opts.SemanticKeep, 0))] {
		protected[d.id] = true
	}
	for i, id := range sem {
		d := f.get(id)
		d.semRank = i + 1
		d.score += s.opts.SemanticWeight * s.rrf(d.semRank)
	}
	sort.SliceStable(f.order, func(i, j int) bool { return f.order[i].score > f.order[j].score })
	markPlain(f, plain)
	if len(sem) == 0 {
		return f.order
	}
	return keepInTop(f.order, protected, keptPlaces)
}

// keptPlaces is how many first places the base fusion's first documents
// keep one of.
const keptPlaces = 5

// keepInTop returns order with every protected document within its first
// places (when order has that many), the others in order around them: a
// document the base fusion put first stays within reach however the
// semantic ranking judges it.
func keepInTop(order []*docCandidate, protected map[int64]bool, places int) []*docCandidate {
	out := make([]*docCandidate, 0, len(order))
	placed := map[int64]bool{}
	pending := 0
	for _, d := range order {
		if protected[d.id] {
			pending++
		}
	}
	for len(out) < min(places, len(order)) {
		free := places - len(out)
		for _, d := range order {
			if placed[d.id] || (pending >= free && !protected[d.id]) {
				continue
			}
			placed[d.id] = true
			if protected[d.id] {
				pending--
			}
			out = append(out, d)
			break
		}
	}
	for _, d := range order {
		if !placed[d.id] {
			out = append(out, d)
		}
	}
	return out
}

// copyCandidates returns the candidates by value.
func copyCandidates(order []*docCandidate) []docCandidate {
	out := make([]docCandidate, len(order))
	for i, d := range order {
		out[i] = *d
	}
	return out
}

// fusedShares returns each document's base fused score as a share of the
// best one's.
func fusedShares(docs []docCandidate) map[int64]float64 {
	best := 0.0
	for _, d := range docs {
		best = math.Max(best, d.fused)
	}
	out := make(map[int64]float64, len(docs))
	for _, d := range docs {
		out[d.id] = share(d.fused, best)
	}
	return out
}

// margin is how far ahead of the next document docs[i] is, as a share of
// its fused score (1 for the last one).
func margin(docs []*docCandidate, i int) float64 {
	if i+1 >= len(docs) || docs[i].fused <= 0 {
		return 1
	}
	return (docs[i].fused - docs[i+1].fused) / docs[i].fused
}

// rrf is the reciprocal-rank contribution of a 1-based rank (0: not found).
func (s *Searcher) rrf(rank int) float64 {
	if rank == 0 {
		return 0
	}
	return 1 / (s.opts.RRFK + float64(rank))
}

// bm25Ceiling is the BM25 score of a document that would contain every term
// of q with a saturated frequency.
func bm25Ceiling(q store.DocQuery) float64 {
	total := 0.0
	for _, t := range q.Terms {
		total += t.Weight * (q.K1 + 1)
	}
	return total
}

// passageScore orders the passages of one document: the share of the
// message's words they contain, and their similarity.
func passageScore(h store.Hit, totalWeight float64) float64 {
	return 0.6*share(h.Matched, totalWeight) + 0.4*similarity(h)
}

// similarity is a passage's cosine similarity, 0 when unknown (-1) or
// undefined (NaN: a query vector of zeros, from a text with no word).
func similarity(h store.Hit) float64 {
	if math.IsNaN(h.Similarity) || h.Similarity < 0 {
		return 0
	}
	return h.Similarity
}

// share is part/whole capped at 1 (0 when whole is 0).
func share(part, whole float64) float64 {
	if whole <= 0 {
		return 0
	}
	return math.Min(1, part/whole)
}

func resultOf(h store.Hit, score float64, reliable bool) Result {
	return Result{
		DocID: h.ExternalID, DocumentID: h.DocumentID, ChunkID: h.ChunkID,
		Source: h.Source, Title: h.Title, URL: h.URL, Service: h.Service, Heading: h.Heading,
		Text: h.Text, Score: math.Round(score*1000) / 1000, Reliable: reliable,
	}
}
