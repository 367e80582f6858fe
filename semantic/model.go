package semantic

import (
	"container/heap"
	"math"
	"sort"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas32"
	"gonum.org/v1/gonum/floats"
)

// sifA smooths the SIF weights a/(a+p(w)) of a text's lexemes.
const sifA = 1e-3

// Model is a trained model: a vector per lexeme and per document.
type Model struct {
	dims  int
	vocab map[string]int32
	terms []string
	// vecs holds the vector of term t at vecs[t*dims:(t+1)*dims].
	vecs []float32
	// sif is each term's weight in a text's mean.
	sif []float32
	// docIDs are the documents by id; docVecs their normalized vectors,
	// dims each (zeros for a document with no known term).
	docIDs  []int64
	docVecs []float32
}

// Dims is the size of the model's vectors.
func (m *Model) Dims() int { return m.dims }

// Documents is the number of documents the model ranks.
func (m *Model) Documents() int { return len(m.docIDs) }

// Terms is the size of the model's vocabulary.
func (m *Model) Terms() int { return len(m.terms) }

// Embed returns the normalized SIF-weighted mean of the vectors of the
// lexemes counted in counts (nil when none is known). Lexemes are summed in
// sorted order so that the result does not depend on the map's order.
func (m *Model) Embed(counts map[string]float64) []float32 {
	lexemes := make([]string, 0, len(counts))
	for lex := range counts {
		lexemes = append(lexemes, lex)
	}
	sort.Strings(lexemes)
	sum := make([]float64, m.dims)
	known := false
	for _, lex := range lexemes {
		t, ok := m.vocab[lex]
		if !ok || counts[lex] <= 0 {
			continue
		}
		known = true
		w := counts[lex] * float64(m.sif[t])
		for j, v := range m.vecs[int(t)*m.dims : int(t+1)*m.dims] {
			sum[j] += w * float64(v)
		}
	}
	if !known {
		return nil
	}
	return normalized(sum)
}

// normalized returns v scaled to unit length, as float32 (nil for zero).
func normalized(v []float64) []float32 {
	var norm float64
	for _, x := range v {
		norm += x * x
	}
	if norm == 0 {
		return nil
	}
	norm = math.Sqrt(norm)
	out := make([]float32, len(v))
	for j, x := range v {
		out[j] = float32(x / norm)
	}
	return out
}

// embedDocuments sets the vector of every document of the frozen corpus.
func (m *Model) embedDocuments(c *matrix) {
	sums := make([]float64, len(c.ids)*m.dims)
	vec := make([]float64, m.dims)
	for t, cells := range c.rows {
		for j, v := range m.vecs[t*m.dims : (t+1)*m.dims] {
			vec[j] = float64(v)
		}
		for _, x := range cells {
			w := x.val * float64(m.sif[t])
			floats.AddScaled(sums[int(x.col)*m.dims:int(x.col+1)*m.dims], w, vec)
		}
	}
	m.docIDs = c.ids
	m.docVecs = make([]float32, len(c.ids)*m.dims)
	for d := range c.ids {
		copy(m.docVecs[d*m.dims:], normalized(sums[d*m.dims:(d+1)*m.dims]))
	}
}

// Scored is a document with its cosine similarity to a text.
type Scored struct {
	DocumentID int64
	Cosine     float64
}

// Rank returns the n documents most similar to the vector v (from Embed),
// best first, ties by id; none for a nil v.
func (m *Model) Rank(v []float32, n int) []Scored {
	if v == nil || n <= 0 {
		return nil
	}
	cos := make([]float32, len(m.docIDs))
	blas32.Implementation().Sgemv(blas.NoTrans, len(m.docIDs), m.dims, 1, m.docVecs, m.dims, v, 1, 0, cos, 1)
	best := make(scoredHeap, 0, n+1) // the n best so far, worst first
	for d, id := range m.docIDs {
		c := Scored{id, float64(cos[d])}
		if len(best) == n && !better(c, best[0]) {
			continue
		}
		heap.Push(&best, c)
		if len(best) > n {
			heap.Pop(&best)
		}
	}
	out := make([]Scored, len(best))
	for i := len(best) - 1; i >= 0; i-- {
		out[i] = heap.Pop(&best).(Scored)
	}
	return out
}

// better orders the documents: higher cosine first, then lower id.
func better(a, b Scored) bool {
	if a.Cosine != b.Cosine {
		return a.Cosine > b.Cosine
	}
	return a.DocumentID < b.DocumentID
}

// scoredHeap is a heap of documents, the worst on top.
type scoredHeap []Scored

func (h scoredHeap) Len() int           { return len(h) }
func (h scoredHeap) Less(i, j int) bool { return better(h[j], h[i]) }
func (h scoredHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *scoredHeap) Push(x any)        { *h = append(*h, x.(Scored)) }
func (h *scoredHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
