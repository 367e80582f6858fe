package redact

import (
	"slices"
	"sort"
)

// spanCover answers, in logarithmic time, whether one of a set of spans
// covers a range of the text: the passes that ask it for every token they
// read stay linear however many spans there are.
type spanCover struct {
	spans  []cand // sorted by start
	maxEnd []int  // maxEnd[i]: the largest end of spans[:i+1]
}

// index sorts the spans and computes their running largest end.
func (sp *spanCover) index() {
	slices.SortFunc(sp.spans, func(a, b cand) int { return a.start - b.start })
	sp.maxEnd = make([]int, len(sp.spans))
	m := -1
	for i, c := range sp.spans {
		m = max(m, c.end)
		sp.maxEnd[i] = m
	}
}

// covers reports whether a span holds text[start:end]: one that starts at
// or before start and ends at or after end.
func (sp *spanCover) covers(start, end int) bool {
	n := sort.Search(len(sp.spans), func(i int) bool { return sp.spans[i].start > start })
	return n > 0 && sp.maxEnd[n-1] >= end
}
