package rag

import (
	"fmt"
	"slices"
	"strings"
)

// Internals returns what a search computed besides its results, with all
// their digits: the reliability features of the best document and the
// fused share of every document found, for TestSearchDigestDB.
func (r Results) Internals() string {
	var b strings.Builder
	fmt.Fprintf(&b, "top=%+v found=", r.top)
	ids := make([]int64, 0, len(r.found))
	for id := range r.found {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		fmt.Fprintf(&b, "%d:%v,", id, r.found[id])
	}
	return b.String()
}
