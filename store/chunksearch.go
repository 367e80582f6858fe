package store

import (
	"context"
	mathbits "math/bits"
	"slices"
	"sort"
)

// textPlan is a search as the chunk index runs it: the selection's terms
// and its ts_rank query, the ranking terms with their queries and
// weights, and the terms whose weights sum into the matched weight.
type textPlan struct {
	selects   []phrase
	selection rankQuery
	ranks     []phrase
	rankQs    []rankQuery
	weights   []float64
	terms     []phrase
	termWs    []float64
}

// newTextPlan returns the plan of q's lean full-text search; ok is false
// when the chunk index cannot run it: a sample of the selection (whose
// chunks the database's scan order picks) or a term that is not a lexeme
// or a phrase.
func newTextPlan(q HybridQuery) (p textPlan, ok bool) {
	if q.Sample > 0 {
		return textPlan{}, false
	}
	var ok1, ok2 bool
	p.selects, _, ok1 = parseTerms(q.Select)
	p.ranks, p.weights, ok2 = parseTerms(q.Rank)
	if !ok1 || !ok2 {
		return textPlan{}, false
	}
	p.selection = newRankQuery(p.selects)
	for _, ph := range p.ranks {
		p.rankQs = append(p.rankQs, newRankQuery([]phrase{ph}))
	}
	return p, true
}

// newPassagePlan returns the plan of the text ranks and matched weights
// of q's passages; ok is false when a term is not a lexeme or a phrase.
func newPassagePlan(q HybridQuery) (p textPlan, ok bool) {
	var ok1, ok2 bool
	p.ranks, p.weights, ok1 = parseTerms(q.Rank)
	p.terms, p.termWs, ok2 = parseTerms(q.Terms)
	if !ok1 || !ok2 {
		return textPlan{}, false
	}
	for _, ph := range p.ranks {
		p.rankQs = append(p.rankQs, newRankQuery([]phrase{ph}))
	}
	return p, true
}

// parseTerms returns the phrases and weights of terms; ok is false when
// one is not a lexeme or a phrase.
func parseTerms(terms []Term) (phrases []phrase, weights []float64, ok bool) {
	for _, t := range terms {
		ph, ok := parsePhrase(t.tsquery())
		if !ok {
			return nil, nil, false
		}
		phrases, weights = append(phrases, ph), append(weights, t.Weight)
	}
	return phrases, weights, true
}

// searchTextInMemory is the lean searchText run on the chunk index; ok is
// false when there is no index of the current vectors version or it
// cannot run q: the caller searches the database.
func (s *Store) searchTextInMemory(ctx context.Context, q HybridQuery) (hits []Hit, ok bool, err error) {
	p, ok := newTextPlan(q)
	if !ok {
		return nil, false, nil
	}
	x, err := s.chunkIndexAt(ctx, q.version)
	if err != nil || x == nil {
		return nil, false, err
	}
	return x.searchText(p, q.Filter, q.K), true, nil
}

// searchText is searchText's two stages: the preRanked chunks of the
// selection that pass f, best by the rank of the whole selection, ordered
// by the weighted rank of each ranking term; the k best.
func (x *chunkIndex) searchText(p textPlan, f SearchFilter, k int) []Hit {
	cands := x.selectChunks(p.selects, f)
	var ranks []float32
	if p.selection.and {
		ranks = x.rankEach(p.selection, cands)
	} else {
		ranks = x.rankOr(p.selection, cands)
	}
	top := bestPlaces(cands, ranks, preRanked)
	slices.Sort(top)
	best := bestPlaces(top, x.textRanks(p, top), k)
	hits := make([]Hit, len(best))
	for i, c := range best {
		hits[i] = Hit{ChunkID: x.ids[c], DocumentID: x.docs.ids[x.doc[c]]}
	}
	return hits
}

// bestPlaces returns the n places of highest score, ties by place
// (chunk id); places and scores are parallel.
func bestPlaces[S float32 | float64](places []int32, scores []S, n int) []int32 {
	order := make([]int, len(places))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool {
		i, j := order[a], order[b]
		if scores[i] != scores[j] {
			return scores[i] > scores[j]
		}
		return places[i] < places[j]
	})
	out := make([]int32, min(n, len(order)))
	for i := range out {
		out[i] = places[order[i]]
	}
	return out
}

// selectChunks returns, ascending, the places of the chunks that hold one
// of terms (tsvector @@ the terms' disjunction) and whose document passes f.
func (x *chunkIndex) selectChunks(terms []phrase, f SearchFilter) []int32 {
	chosen := make([]uint64, (len(x.ids)+63)/64)
	for _, t := range terms {
		x.eachMatch(t, func(c int32) { chosen[c/64] |= 1 << (c % 64) })
	}
	var out []int32
	for w, bits := range chosen {
		for bits != 0 {
			c := int32(w*64 + mathbits.TrailingZeros64(bits))
			bits &= bits - 1
			if f.admits(x.docs.infos[x.doc[c]]) {
				out = append(out, c)
			}
		}
	}
	return out
}

// eachMatch calls fn with every chunk that holds the term.
func (x *chunkIndex) eachMatch(t phrase, fn func(c int32)) {
	if len(t.words) == 1 {
		if p := x.lexemes[t.words[0]]; p != nil {
			for _, c := range p.chunks {
				fn(c)
			}
		}
		return
	}
	// The chunks of the rarest word, checked for the others.
	postings := make([]*chunkPostings, len(t.words))
	rarest := 0
	for i, w := range t.words {
		if postings[i] = x.lexemes[w]; postings[i] == nil {
			return
		}
		if len(postings[i].chunks) < len(postings[rarest].chunks) {
			rarest = i
		}
	}
	positions := make([][]uint16, len(t.words))
	for _, c := range postings[rarest].chunks {
		for i, p := range postings {
			positions[i] = p.positions(c)
		}
		if t.matches(positions) {
			fn(c)
		}
	}
}

// rankOr returns, for each chunk of places (ascending), ts_rank of q
// computed as calc_rank_or does: item by item, in q's order.
func (x *chunkIndex) rankOr(q rankQuery, places []int32) []float32 {
	ranks := make([]float32, len(places))
	for _, item := range q.items {
		x.eachIn(item, places, func(i int, pos []uint16) { ranks[i] = addOrItem(ranks[i], pos) })
	}
	for i, r := range ranks {
		if len(q.items) > 0 {
			r = r / float32(len(q.items))
		}
		ranks[i] = r
	}
	return ranks
}

// rankEach returns ts_rank of q for each chunk of places (ascending).
func (x *chunkIndex) rankEach(q rankQuery, places []int32) []float32 {
	positions := make([][]uint16, len(places)*len(q.items))
	for k, item := range q.items {
		x.eachIn(item, places, func(i int, pos []uint16) { positions[i*len(q.items)+k] = pos })
	}
	ranks := make([]float32, len(places))
	for i := range places {
		ranks[i] = q.rank(positions[i*len(q.items) : (i+1)*len(q.items)])
	}
	return ranks
}

// eachIn calls fn with the index in places (ascending) and the positions
// of every chunk there that holds the lexeme.
func (x *chunkIndex) eachIn(lexeme string, places []int32, fn func(i int, pos []uint16)) {
	p := x.lexemes[lexeme]
	if p == nil {
		return
	}
	if len(p.chunks) > 8*len(places) {
		for i, c := range places {
			if pos := p.positions(c); pos != nil {
				fn(i, pos)
			}
		}
		return
	}
	j := 0
	for i, c := range places {
		for j < len(p.chunks) && p.chunks[j] < c {
			j++
		}
		if j < len(p.chunks) && p.chunks[j] == c {
			fn(i, p.at(j))
		}
	}
}

// textRanks returns, for each chunk of places (ascending), the weighted
// sum of the ranks of p's ranking terms, added in their order as SQL's
// sum does.
func (x *chunkIndex) textRanks(p textPlan, places []int32) []float64 {
	sums := make([]float64, len(places))
	for i, rq := range p.rankQs {
		for j, r := range x.rankEach(rq, places) {
			sums[j] = sums[j] + float64(p.weights[i]*float64(r))
		}
	}
	return sums
}

// matchedWeights returns, for each chunk of places (ascending), the sum
// of the weights of p's terms it holds, added in their order.
func (x *chunkIndex) matchedWeights(p textPlan, places []int32) []float64 {
	sums := make([]float64, len(places))
	for i, t := range p.terms {
		positions := make([][]uint16, len(places)*len(t.words))
		for k, w := range t.words {
			x.eachIn(w, places, func(j int, pos []uint16) { positions[j*len(t.words)+k] = pos })
		}
		for j := range places {
			if t.matches(positions[j*len(t.words) : (j+1)*len(t.words)]) {
				sums[j] = sums[j] + p.termWs[i]
			}
		}
	}
	return sums
}

// scorePassages sets the text rank and matched weight of hits, read from
// the database at version (0 when there are none); false when the index
// is not of that version.
func (x *chunkIndex) scorePassages(version int64, p textPlan, hits []Hit) bool {
	if len(hits) == 0 {
		return true
	}
	if version != x.version {
		return false
	}
	places := make([]int32, 0, len(hits))
	for _, h := range hits {
		i, found := slices.BinarySearch(x.ids, h.ChunkID)
		if !found {
			return false
		}
		places = append(places, int32(i))
	}
	slices.Sort(places)
	places = slices.Compact(places)
	ranks, matched := x.textRanks(p, places), x.matchedWeights(p, places)
	for i := range hits {
		at, _ := slices.BinarySearch(x.ids, hits[i].ChunkID)
		j, _ := slices.BinarySearch(places, int32(at))
		hits[i].TextRank, hits[i].Matched = ranks[j], matched[j]
	}
	return true
}
