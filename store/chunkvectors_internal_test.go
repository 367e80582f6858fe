package store

import "testing"

// TestVectorSlabsShareTheCap checks that the slabs set aside for two
// models count together against maxIndexedFloats: each under the cap
// alone, the second would pass it, so its vectors are not kept.
func TestVectorSlabsShareTheCap(t *testing.T) {
	t.Parallel()
	const dim = 4
	n := maxIndexedFloats * 6 / 10 / dim
	x := newChunkIndex(chunkSizes{chunks: 2, vectors: map[string]int{"a": n, "b": n}})
	one := make([]byte, 4*dim)
	if !x.addVector(0, []byte("a"), one) {
		t.Fatal("the first model's vector was refused under the cap")
	}
	if x.addVector(1, []byte("b"), one) {
		t.Errorf("the second model's vector was kept: its slab and the first's pass the cap of %d components", maxIndexedFloats)
	}
}
