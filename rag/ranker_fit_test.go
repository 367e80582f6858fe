package rag

import (
	"math"
	"sort"
)

// RankCandidate is a ranked document of an evaluated search.
type RankCandidate = rankCandidate

// RankVector is the ranker's features of a document.
type RankVector = rankVector

// Candidates returns the documents the search of o ranked, in their final
// order, with their features.
func (o EvalOutcome) Candidates() []RankCandidate { return o.candidates }

// Sources returns the reliability features of the documents of a draft's
// sources on the search of o.
func (o EvalOutcome) Sources() []Features { return o.sources }

// RankList is one search's candidates (in fused order) and which of them
// answer.
type RankList struct {
	IDs      []string
	Vecs     []RankVector
	Relevant []bool
}

// NewRankList returns candidates in fused order, the expected documents
// marked.
func NewRankList(candidates []RankCandidate, expected []string) RankList {
	cs := append([]rankCandidate(nil), candidates...)
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].Place < cs[j].Place })
	var l RankList
	for _, c := range cs {
		l.IDs, l.Vecs = append(l.IDs, c.DocID), append(l.Vecs, c.Vec)
		l.Relevant = append(l.Relevant, FirstRank([]string{c.DocID}, expected) == 1)
	}
	return l
}

// FirstRelevant is the 1-based place, among distinct document ids (two
// sources may share one), of the first relevant candidate once r orders
// the list's first rankDepth, then the others (0: none).
func (r Ranker) FirstRelevant(l RankList) int {
	docs := make([]rankedDoc, len(l.Vecs))
	for i, v := range l.Vecs {
		docs[i] = rankedDoc{cand: docCandidate{id: int64(i)}, vec: v}
	}
	seen := map[string]bool{}
	for _, i := range r.Order(l) {
		seen[l.IDs[i]] = true
		if l.Relevant[i] {
			return len(seen)
		}
	}
	return 0
}

// Order returns the indexes of the list's candidates once r orders its
// first rankDepth, then the others.
func (r Ranker) Order(l RankList) []int {
	docs := make([]rankedDoc, len(l.Vecs))
	for i, v := range l.Vecs {
		docs[i] = rankedDoc{cand: docCandidate{id: int64(i)}, vec: v}
	}
	r.order(docs)
	out := make([]int, len(docs))
	for i, d := range docs {
		out[i] = int(d.cand.id)
	}
	return out
}

// Score is r's score of v.
func (r Ranker) Score(v RankVector) float64 { return r.score(v) }

// FitRanker fits the ranker's weights on lists by a listwise logistic
// loss (the softmax of the scores of a list's first rankDepth candidates
// should put its mass on the relevant ones) with an L2 penalty; lists
// with no relevant candidate among those, or only relevant ones, are left
// out.
func FitRanker(lists []RankList, l2 float64, steps int) Ranker {
	var use []RankList
	for _, l := range lists {
		n := min(len(l.Vecs), rankDepth)
		pos := 0
		for _, rel := range l.Relevant[:n] {
			pos += int(b2f(rel))
		}
		if pos > 0 && pos < n {
			use = append(use, RankList{IDs: l.IDs[:n], Vecs: l.Vecs[:n], Relevant: l.Relevant[:n]})
		}
	}
	var r Ranker
	if len(use) == 0 {
		return r
	}
	const rate = 1.0
	for range steps {
		var g rankVector
		for _, l := range use {
			listGradient(r, l, &g)
		}
		for j := range r.Weights {
			r.Weights[j] -= rate * (g[j]/float64(len(use)) + l2*r.Weights[j])
		}
	}
	return r
}

// listGradient adds the gradient of one list's loss to g.
func listGradient(r Ranker, l RankList, g *rankVector) {
	s := make([]float64, len(l.Vecs))
	top := math.Inf(-1)
	for i, v := range l.Vecs {
		s[i] = r.score(v)
		top = math.Max(top, s[i])
	}
	var all, pos float64
	for i := range s {
		s[i] = math.Exp(s[i] - top)
		all += s[i]
		if l.Relevant[i] {
			pos += s[i]
		}
	}
	for i, v := range l.Vecs {
		d := s[i] / all
		if l.Relevant[i] {
			d -= s[i] / pos
		}
		for j := range g {
			g[j] += d * v[j]
		}
	}
}

// SetRanker makes the searcher order its first documents with r (a zero
// ranker keeps the fused order).
func (s *Searcher) SetRanker(r Ranker) { s.ranker = r }

// SetRankDepth sets how many first documents rankers order, for
// experiments; it returns the former depth.
func SetRankDepth(n int) int {
	old := rankDepth
	rankDepth = n
	return old
}
