package store

import (
	"math"
	"slices"
	"strconv"
	"strings"
)

// This file computes in Go what the full-text search asks of PostgreSQL 15
// (src/backend/utils/adt/tsrank.c and tsvector_op.c): ts_rank with the
// weights {0.1, 0.2, 0.4, 1.0} and no normalisation, and @@, for the
// queries the store writes (lexemes, and phrases of lexemes). The float32
// and float64 operations follow the C code's one by one, with explicit
// conversions (which forbid fused multiply-adds), so that the ranks are
// PostgreSQL's to the bit and the orders they give are the same.

// rankWeights are the weights of the positions labelled D, C, B and A, as
// the searches pass them to ts_rank ('{0.1, 0.2, 0.4, 1.0}', float4).
var rankWeights = [4]float32{0.1, 0.2, 0.4, 1.0}

// wpos is the weight of a position (a WordEntryPos: weight in its two
// high bits, the position in the others).
func wpos(p uint16) float32 { return rankWeights[p>>14] }

// posOf is the position of a WordEntryPos.
func posOf(p uint16) int { return int(p & 0x3fff) }

// phrase is a term as the searches write it: one lexeme, or a phrase of
// lexemes, each at dists[i] positions after the one before.
type phrase struct {
	words []string
	dists []int
}

// parsePhrase reads a term's tsquery: 'a', or 'a' <-> 'b' <2> 'c' (left
// associative, as PostgreSQL prints phraseto_tsquery's queries). ok is
// false for any other query, which the database must then rank.
func parsePhrase(text string) (p phrase, ok bool) {
	rest := strings.TrimSpace(text)
	for {
		word, after, ok := cutQuoted(rest)
		if !ok || word == "" {
			return phrase{}, false
		}
		p.words = append(p.words, word)
		rest = strings.TrimSpace(after)
		if rest == "" {
			return p, true
		}
		dist, after, ok := cutDistance(rest)
		if !ok {
			return phrase{}, false
		}
		p.dists = append(p.dists, dist)
		rest = strings.TrimSpace(after)
	}
}

// cutQuoted reads a quoted lexeme at the start of s (a doubled quote, or
// one after a backslash, stands for a quote) and returns it and what
// follows.
func cutQuoted(s string) (word, rest string, ok bool) {
	if !strings.HasPrefix(s, "'") {
		return "", "", false
	}
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' && i+1 < len(s):
			i++
			b.WriteByte(s[i])
		case c == '\'' && i+1 < len(s) && s[i+1] == '\'':
			i++
			b.WriteByte('\'')
		case c == '\'':
			return b.String(), s[i+1:], true
		default:
			b.WriteByte(c)
		}
	}
	return "", "", false
}

// cutDistance reads a phrase operator, <-> or <N>, at the start of s.
func cutDistance(s string) (dist int, rest string, ok bool) {
	if strings.HasPrefix(s, "<->") {
		return 1, s[3:], true
	}
	inner, rest, found := strings.Cut(strings.TrimPrefix(s, "<"), ">")
	if !strings.HasPrefix(s, "<") || !found {
		return 0, "", false
	}
	n, err := strconv.Atoi(inner)
	if err != nil || n < 0 || n > 16384 {
		return 0, "", false
	}
	return n, rest, true
}

// offsets are the positions of p's words after its first one's.
func (p phrase) offsets() []int {
	out := make([]int, len(p.words))
	for i, d := range p.dists {
		out[i+1] = out[i] + d
	}
	return out
}

// matches reports whether a text holds the phrase (tsvector @@ phrase):
// every word at its offset from one position of the first. positions
// holds the positions of each of p.words in the text (nil: absent).
func (p phrase) matches(positions [][]uint16) bool {
	if len(positions[0]) == 0 {
		return false
	}
	if len(p.words) == 1 {
		return true
	}
	offsets := p.offsets()
	for _, first := range positions[0] {
		if phraseAt(posOf(first), offsets, positions) {
			return true
		}
	}
	return false
}

// phraseAt reports whether every word k is at start+offsets[k].
func phraseAt(start int, offsets []int, positions [][]uint16) bool {
	for k := 1; k < len(offsets); k++ {
		if !slices.ContainsFunc(positions[k], func(q uint16) bool { return posOf(q) == start+offsets[k] }) {
			return false
		}
	}
	return true
}

// rankQuery is a tsquery as ts_rank reads it: its distinct lexemes in
// byte order (SortAndUniqItems), and whether its top operator is & or a
// phrase (calc_rank_and) rather than | or a lexeme (calc_rank_or).
type rankQuery struct {
	items []string
	and   bool
}

// newRankQuery is the ts_rank view of the query (t1) | (t2) | … of terms,
// or of the term alone when there is one.
func newRankQuery(terms []phrase) rankQuery {
	var q rankQuery
	for _, t := range terms {
		q.items = append(q.items, t.words...)
	}
	slices.Sort(q.items)
	q.items = slices.Compact(q.items)
	q.and = len(terms) == 1 && len(terms[0].words) > 1
	return q
}

// rank is ts_rank(weights, tsvector, query) (calc_rank), given the
// positions in the text of each of q.items (nil: absent).
func (q rankQuery) rank(positions [][]uint16) float32 {
	var res float32
	if q.and && len(q.items) >= 2 {
		res = rankAnd(positions)
	} else {
		res = rankOr(positions)
	}
	if res < 0 {
		res = 1e-20
	}
	return res
}

// rankOr is calc_rank_or.
func rankOr(positions [][]uint16) float32 {
	var res float32
	for _, pos := range positions {
		res = addOrItem(res, pos)
	}
	if len(positions) > 0 {
		res = res / float32(len(positions))
	}
	return res
}

// addOrItem adds to calc_rank_or's running sum the part of one item
// found at pos (none when pos is empty).
func addOrItem(res float32, pos []uint16) float32 {
	if len(pos) == 0 {
		return res
	}
	var resj float32
	wjm := float32(-1)
	jm := 0
	for j, p := range pos {
		w := wpos(p)
		resj = float32(resj + float32(w/float32((j+1)*(j+1))))
		if w > wjm {
			wjm, jm = w, j
		}
	}
	x := float32(float32(wjm+resj) - float32(wjm/float32((jm+1)*(jm+1))))
	return float32(float64(res) + float64(x)/1.64493406685)
}

// rankAnd is calc_rank_and for two items or more.
func rankAnd(positions [][]uint16) float32 {
	res := float32(-1)
	for i, post := range positions {
		if len(post) == 0 {
			continue
		}
		for k := range i {
			ct := positions[k]
			if len(ct) == 0 {
				continue
			}
			for _, l := range post {
				for _, p := range ct {
					dist := posOf(l) - posOf(p)
					if dist < 0 {
						dist = -dist
					}
					if dist == 0 {
						continue
					}
					curw := float32(math.Sqrt(float64(float32(float32(wpos(l)*wpos(p)) * wordDistance(dist)))))
					if res < 0 {
						res = curw
					} else {
						res = float32(1.0 - float64((1.0-float64(res))*(1.0-float64(curw))))
					}
				}
			}
		}
	}
	return res
}

// wordDistance is tsrank.c's word_distance.
func wordDistance(w int) float32 {
	if w > 100 {
		return 1e-30
	}
	return float32(1.0 / (1.005 + float64(0.05*math.Exp(float64(float32(w))/1.5-2))))
}
