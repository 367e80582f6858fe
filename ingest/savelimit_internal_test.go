package ingest

import (
	"testing"
	"time"
)

// TestSaveLimitGrowsWithSize: the time given to a document's write grows
// with its size, so that a large document within the upload limits (20 MB
// of text, as much again of vectors) is not cut at a fixed 30 s.
func TestSaveLimitGrowsWithSize(t *testing.T) {
	t.Parallel()
	o := NewPipeline(nil, nil, nil, Options{}).opts
	for _, tc := range []struct {
		size     int
		min, max time.Duration
	}{
		{0, 30 * time.Second, 30 * time.Second},
		{1 << 20, 37 * time.Second, 39 * time.Second},
		{40 << 20, 5 * time.Minute, 6 * time.Minute},
	} {
		if got := o.saveLimit(tc.size); got < tc.min || got > tc.max {
			t.Errorf("saveLimit(%d) = %s, want between %s and %s", tc.size, got, tc.min, tc.max)
		}
	}
}
