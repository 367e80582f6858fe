package rag

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestKeepInTop checks that the base fusion's first documents keep a place
// in the first five, the others in order around them.
func TestKeepInTop(t *testing.T) {
	tests := []struct {
		name      string
		order     []int64
		protected []int64
		want      []int64
	}{
		{"already in place", []int64{1, 2, 3, 4, 5, 6}, []int64{1, 2}, []int64{1, 2, 3, 4, 5, 6}},
		{"one pushed out", []int64{9, 8, 7, 6, 5, 1}, []int64{1}, []int64{9, 8, 7, 6, 1, 5}},
		{"two pushed out", []int64{9, 8, 7, 6, 5, 2, 1}, []int64{1, 2}, []int64{9, 8, 7, 2, 1, 6, 5}},
		{"three, one in place", []int64{1, 9, 8, 7, 6, 3, 2}, []int64{1, 2, 3}, []int64{1, 9, 8, 3, 2, 7, 6}},
		{"fewer than five", []int64{9, 1}, []int64{1}, []int64{9, 1}},
		{"none protected", []int64{3, 2, 1}, nil, []int64{3, 2, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			order := make([]*docCandidate, len(tt.order))
			for i, id := range tt.order {
				order[i] = &docCandidate{id: id}
			}
			protected := map[int64]bool{}
			for _, id := range tt.protected {
				protected[id] = true
			}
			var got []int64
			for _, d := range keepInTop(order, protected, keptPlaces) {
				got = append(got, d.id)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("keepInTop (-want +got):\n%s", diff)
			}
		})
	}
}
