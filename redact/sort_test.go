package redact

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestCandSorterStable checks that candSorter sorts as a stable sort by
// start, the longest first, does: candidates of the same start and end
// keep their order, which decides what resolve keeps. The lists are a few
// sorted runs, as the detectors make them, or shuffled, with many ties.
func TestCandSorterStable(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var cs candSorter
	for trial := 0; trial < 100; trial++ {
		n := 64 + rng.IntN(3000)
		cands := make([]cand, n)
		runs := 1 + rng.IntN(40)
		for i := range cands {
			start := rng.IntN(n / 2)
			cands[i] = cand{start: start, end: start + 1 + rng.IntN(8), conf: float64(i)} // conf tells them apart
		}
		if trial%3 != 0 {
			for lo := 0; lo < n; lo += n/runs + 1 {
				run := cands[lo:min(n, lo+n/runs+1)]
				slices.SortStableFunc(run, cmpCands)
			}
		}
		want := slices.Clone(cands)
		slices.SortStableFunc(want, cmpCands)
		cs.sort(cands)
		if diff := cmp.Diff(want, cands, cmp.AllowUnexported(cand{})); diff != "" {
			t.Fatalf("trial %d (%d candidates): sort differs from a stable sort (-want +got):\n%s", trial, n, diff)
		}
	}
}
