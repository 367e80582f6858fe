package store

import (
	"encoding/binary"
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/blas/blas32"
)

// maxIndexedFloats bounds the vector components the chunk index of one
// process holds (4 bytes each: the 2020 corpus and the fiches, 51,178
// chunks of 256 dimensions, hold 13.1 million). Past it the vector search
// stays in the database's HNSW index, whose results change a little from
// one build of the index to the next; scanning every vector also takes
// time in proportion (about 3 ms for 13 million on a quiet machine).
const maxIndexedFloats = 16_000_000

// chunkVectors are the vectors one embedding model made of the chunks of
// a chunkIndex, for an exact nearest-neighbour search: the same rows give
// the same results, however the HNSW index was built.
type chunkVectors struct {
	dim int
	// places are the chunks' places in the index, ascending; data holds
	// their vectors one after the other; norms their Euclidean norms.
	places []int32
	data   []float32
	norms  []float64
}

// vectorComponents returns the components of a vector in pgvector's
// binary form (vector_send: its size in two bytes, two unused, then its
// components as big-endian float4).
func vectorComponents(b []byte) ([]byte, error) {
	if len(b) < 4 || len(b) != 4+4*int(binary.BigEndian.Uint16(b)) {
		return nil, fmt.Errorf("vector of %d bytes: not pgvector's binary form", len(b))
	}
	return b[4:], nil
}

// addVector records the vector model made of the chunk at place, its
// components as vectorComponents returns them; false when its size
// differs from the model's others, or the model's vectors would pass
// maxIndexedFloats (the model's vectors are then not kept: the search goes
// to the database). A model's first vector makes its slab, of the size
// counted (x.expected).
func (x *chunkIndex) addVector(place int32, model, components []byte) bool {
	dim := len(components) / 4
	cv := x.vectors[string(model)]
	if cv == nil {
		n := x.expected[string(model)]
		if x.reserved+n*dim > maxIndexedFloats {
			return false
		}
		x.reserved += n * dim
		cv = &chunkVectors{dim: dim, places: make([]int32, 0, n), data: make([]float32, 0, n*dim), norms: make([]float64, 0, n)}
		x.vectors[string(model)] = cv
	}
	if dim != cv.dim {
		return false
	}
	var sq float64
	for i := 0; i < len(components); i += 4 {
		f := math.Float32frombits(binary.BigEndian.Uint32(components[i:]))
		sq += float64(f) * float64(f)
		cv.data = append(cv.data, f)
	}
	cv.places, cv.norms = append(cv.places, place), append(cv.norms, math.Sqrt(sq))
	x.nfloats += dim
	return true
}

// dropVectors forgets every vector: past maxIndexedFloats, or on a model
// whose vectors differ in size, vector searches stay in the database.
func (x *chunkIndex) dropVectors() {
	x.vectors, x.nfloats, x.reserved, x.noVectors = nil, 0, 0, true
}

// nearest returns the k chunks embedded by model (vectors of size dim)
// whose documents pass f, nearest to q by cosine similarity, ties by
// chunk id; ok is false when the index holds no vectors of that model
// and size.
func (x *chunkIndex) nearest(model string, dim int, q []float32, f SearchFilter, k int) (hits []Hit, ok bool) {
	cv := x.vectors[model]
	if cv == nil || cv.dim != dim || len(q) != dim {
		return nil, false
	}
	admitted := make([]bool, len(x.docs.infos))
	for i, d := range x.docs.infos {
		admitted[i] = f.admits(d)
	}
	best := newTopK(k)
	qv := blas32.Vector{N: dim, Inc: 1, Data: q}
	qnorm := math.Sqrt(float64(blas32.Dot(qv, qv)))
	for i, c := range cv.places {
		if !admitted[x.doc[c]] {
			continue
		}
		dot := blas32.Dot(blas32.Vector{N: dim, Inc: 1, Data: cv.data[i*dim : (i+1)*dim]}, qv)
		best.add(c, cosine(float64(dot), cv.norms[i]*qnorm))
	}
	hits = make([]Hit, len(best.places))
	for i, c := range best.places {
		hits[i] = Hit{ChunkID: x.ids[c], DocumentID: x.docs.ids[x.doc[c]]}
	}
	return hits, true
}

// cosine is dot over the product of the norms, and the lowest similarity
// for a zero vector (whose cosine distance pgvector leaves undefined).
func cosine(dot, norms float64) float64 {
	if norms == 0 {
		return math.Inf(-1)
	}
	return dot / norms
}

// topK keeps the k places of highest score seen, best first; of equal
// scores, the place seen first (the chunks are seen by ascending id).
type topK struct {
	k      int
	places []int32
	scores []float64
}

func newTopK(k int) *topK {
	return &topK{k: k, places: make([]int32, 0, k+1), scores: make([]float64, 0, k+1)}
}

// add offers a place and its score.
func (t *topK) add(place int32, score float64) {
	n := len(t.scores)
	if t.k <= 0 || n == t.k && score <= t.scores[n-1] {
		return
	}
	i := sort.Search(n, func(i int) bool { return t.scores[i] < score })
	t.places, t.scores = append(t.places, 0), append(t.scores, 0)
	copy(t.places[i+1:], t.places[i:])
	copy(t.scores[i+1:], t.scores[i:])
	t.places[i], t.scores[i] = place, score
	if len(t.scores) > t.k {
		t.places, t.scores = t.places[:t.k], t.scores[:t.k]
	}
}

// searchVectorInMemory is the lean searchVector run exactly on the chunk
// index; ok is false when the caller read no vectors version, or the
// index is not of that version or holds no vectors of q's model: the
// caller searches the database. It never starts reading an index (the
// full-text search of the same query does).
func (s *Store) searchVectorInMemory(q HybridQuery) (hits []Hit, ok bool) {
	if q.version == 0 {
		return nil, false
	}
	x := s.chunks.at(q.version)
	if x == nil {
		return nil, false
	}
	return x.nearest(q.Model, q.Dim, q.Vector, q.Filter, q.K)
}
