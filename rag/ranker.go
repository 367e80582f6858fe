package rag

import (
	"math"
	"sort"

	"github.com/plume-sp/plume/store"
)

// numRankFeatures is the number of features of the ranker.
const numRankFeatures = 16

// rankDepth is how many of the fused order's first documents the ranker
// orders again apart from the others (ordered after them among
// themselves: none enters the first rankDepth): five, so that the
// documents a search of five results returns are the fusion's and only
// their order is learned. Ordering the first ten (cross-validated on the
// tuning halves: whole corpus r@5 0.693 → 0.716, the same r@1 and MRR)
// took documents of the short questions and of a held-out test half out
// of the first five. A variable for TestRankDepth only.
var rankDepth = 5

// rankVector is what the ranker knows of one candidate document: its
// places in the four rankings and by plain BM25, its document-level
// evidence and its passages'.
type rankVector [numRankFeatures]float64

// Ranker is a linear model that orders the first documents of the fusion
// by the evidence the fusion has of each (rankVector): its weights were
// fitted on the tuning halves of the message files by a listwise logistic
// loss (TestFitRanker).
type Ranker struct {
	Weights rankVector
}

// rankedDoc is a candidate document with its passages and features.
type rankedDoc struct {
	cand docCandidate
	hits []store.Hit
	// feat are its reliability features; vec its ranker's.
	feat Features
	vec  rankVector
	// place is its 1-based place in the fused order.
	place int
}

// rankFeatures sets the ranker's features of the documents (in fused
// order, each with its passages); rrfK is the fusion's constant.
func rankFeatures(docs []rankedDoc, rrfK float64) {
	var bestScore, bestBM25, bestCos float64
	for _, d := range docs {
		bestScore = math.Max(bestScore, d.cand.score)
		bestBM25 = math.Max(bestBM25, d.cand.bm25)
		bestCos = math.Max(bestCos, d.feat.Cosine)
	}
	place := func(r int) float64 {
		if r == 0 {
			return 0
		}
		return rrfK / (rrfK + float64(r))
	}
	for i := range docs {
		d := &docs[i]
		d.place = i + 1
		matching := 0
		for _, h := range d.hits {
			matching += int(b2f(h.Matched > 0))
		}
		d.vec = rankVector{
			place(d.cand.bm25Rank), place(d.cand.textRank), place(d.cand.vecRank), place(d.cand.semRank),
			place(i + 1), share(d.cand.score, bestScore),
			d.feat.BM25, share(d.cand.bm25, bestBM25),
			d.feat.Document, d.feat.Request, d.feat.Title,
			d.feat.Passage, d.feat.Cosine - bestCos,
			math.Log1p(float64(matching)) / math.Log(64), math.Log1p(float64(len(d.hits))) / math.Log(256),
			place(d.cand.plainRank),
		}
	}
}

// score is the ranker's score of a document.
func (r Ranker) score(v rankVector) float64 {
	z := 0.0
	for i, w := range r.Weights {
		z += w * v[i]
	}
	return z
}

// order sorts the first rankDepth documents by the ranker's score, then
// the documents after the first rankDepth pages (distinctPlaces) among
// themselves (ties in their fused order), those both searches of whole
// documents rank within their first agreedPlaces first (lexicalFirst); a
// zero ranker leaves the order as it is. No document enters the first rankDepth pages: over the whole
// corpus a page often has two documents (its fiche and its 2020 page,
// one id), and the first five pages stay the fusion's as ranked. The
// tail is where plume's weighted BM25 had left pages that plain BM25
// ranks within ten (README, "Retrieval", session 17).
func (r Ranker) order(docs []rankedDoc) {
	if r.Weights == (rankVector{}) {
		return
	}
	r.sortByScore(docs[:min(len(docs), rankDepth)])
	tail := docs[distinctPlaces(docs, rankDepth):]
	r.sortByScore(tail)
	lexicalFirst(tail, agreedPlaces)
}

// agreedPlaces is how many first places of both searches of whole
// documents (plume's weighted BM25 and plain BM25) a document must hold
// for lexicalFirst to put it first in the tail: chosen on the tuning
// halves (README, "Retrieval", session 20), where 3 and 4 recover the
// most and 5 or more push other pages out of the first ten.
const agreedPlaces = 3

// lexicalFirst moves to the front of docs (the places after the first
// pages), in plain BM25's order, the documents that both searches of
// whole documents rank within their first n: their words are in the
// document but spread over passages that neither passage search finds,
// and the ranker, which weighs those passages' evidence, put them past
// the tenth place where plain BM25 keeps them.
func lexicalFirst(docs []rankedDoc, n int) {
	agreed := func(d rankedDoc) bool {
		c := d.cand
		return c.bm25Rank > 0 && c.bm25Rank <= n && c.plainRank > 0 && c.plainRank <= n
	}
	sort.SliceStable(docs, func(i, j int) bool {
		ai, aj := agreed(docs[i]), agreed(docs[j])
		if ai != aj {
			return ai
		}
		return ai && docs[i].cand.plainRank < docs[j].cand.plainRank
	})
}

// distinctPlaces is how many of docs (in order) hold their first n pages:
// documents of one external id count as one page (a document with no
// passage, as its own).
func distinctPlaces(docs []rankedDoc, n int) int {
	type page struct {
		externalID string
		id         int64
	}
	seen := map[page]bool{}
	for i, d := range docs {
		key := page{id: d.cand.id}
		if len(d.hits) > 0 {
			key = page{externalID: d.hits[0].ExternalID}
		}
		if !seen[key] && len(seen) == n {
			return i
		}
		seen[key] = true
	}
	return len(docs)
}

// sortByScore sorts docs by the ranker's score, ties in their order.
func (r Ranker) sortByScore(docs []rankedDoc) {
	scores := make(map[int64]float64, len(docs))
	for _, d := range docs {
		scores[d.cand.id] = r.score(d.vec)
	}
	sort.SliceStable(docs, func(i, j int) bool { return scores[docs[i].cand.id] > scores[docs[j].cand.id] })
}

// rankCandidate is what a search keeps of a ranked document for
// evaluation: its id and features.
type rankCandidate struct {
	DocID string
	// id is its document's id in the store (DocID may name two documents
	// of two sources).
	id int64
	// Place is its 1-based place in the fused order.
	Place int
	Vec   rankVector
	Feat  Features
}

// rankedCandidates returns the ids and features of ranked documents.
func rankedCandidates(docs []rankedDoc) []rankCandidate {
	out := make([]rankCandidate, len(docs))
	for i, d := range docs {
		out[i] = rankCandidate{DocID: d.hits[0].ExternalID, id: d.cand.id, Place: d.place, Vec: d.vec, Feat: d.feat}
	}
	return out
}

// DefaultRanker is the ranker fitted by TestFitRanker on the tuning halves
// of the six message files, searched over the 535 fiches and over the
// whole corpus with the local embedder (the searches whose expected
// document is among the first five; L2 penalty 1e-3, chosen by five-fold
// cross-validation by message). Its features, in order: the places by
// BM25, full text, vectors and the semantic model, the place and score
// in the fusion, the BM25 share of its ceiling and of the best's, the
// shares of the message's and the request's words, the title's, the best
// passage's share and cosine (minus the best's), the passages holding a
// word and all of them (log), the place by plain BM25.
var DefaultRanker = Ranker{Weights: rankVector{
	-1.917, 1.152, 0.439, 2.550, 1.107, -0.483, 1.531, 4.240, -0.162, -0.255, 0.573, 2.835, 3.817, -2.651, -2.872, 2.362,
}}
