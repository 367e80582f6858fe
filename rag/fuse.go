package rag

import (
	"context"
	"math"
	"sort"

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
	bm25, matched     float64
	requestMatched    float64
	title             float64
	fused             float64
}

// rank loads the passages of the best documents (fused, best first) and
// returns the k best passages, at most MaxPerDocument per document, each
// scored by the reliability model.
func (s *Searcher) rank(ctx context.Context, plan queryPlan, docs []docCandidate, k int) ([]Result, Features, error) {
	if len(docs) == 0 {
		return nil, Features{}, nil
	}
	n := min(len(docs), max(k, 10), maxRankedDocuments)
	ids := make([]int64, n)
	for i := range ids {
		ids[i] = docs[i].id
	}
	// Passages are chosen by the words they contain and their
	// similarity: no full-text rank is needed.
	pq := plan.query.Passages
	pq.K, pq.Rank = 2000, nil
	passages, err := s.store.SearchPassages(ctx, pq, ids)
	if err != nil {
		return nil, Features{}, err
	}
	byDoc := map[int64][]store.Hit{}
	for _, h := range passages {
		byDoc[h.DocumentID] = append(byDoc[h.DocumentID], h)
	}
	maxScore := bm25Ceiling(plan.query.Documents)
	var out []Result
	var top Features
	for i, d := range docs[:n] {
		hits := byDoc[d.id]
		if len(hits) == 0 {
			continue
		}
		sort.SliceStable(hits, func(i, j int) bool {
			return passageScore(hits[i], plan.totalWeight) > passageScore(hits[j], plan.totalWeight)
		})
		feat := documentFeatures(plan, docs, i, hits[0], maxScore)
		if len(out) == 0 {
			top = feat
		}
		score := s.reliability.Score(feat)
		for _, h := range hits[:min(len(hits), s.opts.MaxPerDocument)] {
			out = append(out, resultOf(h, score, score >= s.threshold()))
			if len(out) == k {
				return out, top, nil
			}
		}
	}
	return out, top, nil
}

// documentFeatures are the reliability features of document i of docs,
// whose best passage is best; maxScore is the query's BM25 ceiling.
func documentFeatures(plan queryPlan, docs []docCandidate, i int, best store.Hit, maxScore float64) Features {
	d := docs[i]
	return Features{
		Passage:   share(best.Matched, plan.totalWeight),
		Document:  share(d.matched, plan.docWeight),
		Cosine:    similarity(best),
		BM25:      share(d.bm25, maxScore),
		Request:   share(d.requestMatched, plan.requestWeight),
		Title:     d.title,
		Agreement: (b2f(d.bm25Rank > 0) + b2f(d.textRank > 0) + b2f(d.vecRank > 0)) / 3,
		Unknown:   plan.unknown,
		Margin:    margin(docs, i),
		OwnCase:   plan.ownCase,
		Outside:   plan.outside,
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
// reciprocal rank fusion, best first.
func (s *Searcher) fuseDocuments(f store.Found) []docCandidate {
	byID := map[int64]*docCandidate{}
	var order []*docCandidate
	get := func(id int64) *docCandidate {
		d, ok := byID[id]
		if !ok {
			d = &docCandidate{id: id}
			byID[id] = d
			order = append(order, d)
		}
		return d
	}
	for i, h := range f.Documents {
		d := get(h.DocumentID)
		d.bm25Rank, d.bm25, d.matched = i+1, h.Score, h.Matched
		d.requestMatched, d.title = h.RequestMatched, h.TitleShare
	}
	for i, h := range f.Text {
		if d := get(h.DocumentID); d.textRank == 0 {
			d.textRank = i + 1
		}
	}
	for i, h := range f.Vector {
		if d := get(h.DocumentID); d.vecRank == 0 {
			d.vecRank = i + 1
		}
	}
	w := s.opts.Fusion
	for _, d := range order {
		d.fused = w[0]*s.rrf(d.bm25Rank) + w[1]*s.rrf(d.textRank) + w[2]*s.rrf(d.vecRank)
	}
	sort.SliceStable(order, func(i, j int) bool { return order[i].fused > order[j].fused })
	out := make([]docCandidate, len(order))
	for i, d := range order {
		out[i] = *d
	}
	return out
}

// fusedShares returns each document's fused score as a share of the first
// one's (docs best first).
func fusedShares(docs []docCandidate) map[int64]float64 {
	out := make(map[int64]float64, len(docs))
	for _, d := range docs {
		out[d.id] = share(d.fused, docs[0].fused)
	}
	return out
}

// margin is how far ahead of the next document docs[i] is, as a share of
// its fused score (1 for the last one).
func margin(docs []docCandidate, i int) float64 {
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
