// Package semantic trains word vectors from the knowledge base itself and
// ranks documents by their similarity to a message: a PPMI-weighted term ×
// document matrix over the published documents' lexeme counts, reduced by a
// randomized truncated SVD (Halko et al.); a text is the SIF-weighted mean
// of its lexemes' vectors. Training is deterministic: the same corpus gives
// the same model, byte for byte.
package semantic

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// Dims is the number of dimensions of the trained vectors.
const Dims = 300

// oversample is how many more directions than Dims the range finder keeps.
const oversample = 20

// powerIterations sharpens the range finder on a slowly decaying spectrum.
const powerIterations = 2

// MinDocuments is the number of published documents from which a corpus
// is trained: fewer give word vectors that mostly repeat the documents'
// own words.
const MinDocuments = 200

// MaxOwnTerms is how many lexemes found in no other document a document
// brings to the model at most, its most frequent: one document made of
// thousands of unique words would otherwise multiply the vocabulary, the
// model's size and the training's time and memory. Real documents bring
// far fewer (319 at most, 53 for 99 % of them, on the 4,519 documents of
// the whole corpus), so their model is as it was.
const MaxOwnTerms = 500

// ErrTooSmall marks a corpus with fewer than MinDocuments documents.
var ErrTooSmall = errors.New("semantic: too few documents to train")

// cell is one non-zero entry of a sparse row.
type cell struct {
	col int32
	val float64
}

// Corpus is the lexeme counts of documents, gathered with Add in any order
// and frozen by Train in a fixed one (documents by id, lexemes sorted).
type Corpus struct {
	vocab  map[string]int32
	counts []count
	docs   map[int64]bool
}

// count is one Add: n occurrences of a term (by its place in vocab) in a
// document.
type count struct {
	doc  int64
	term int32
	n    float64
}

// Add counts n occurrences of lexeme in document doc.
func (c *Corpus) Add(doc int64, lexeme string, n float64) {
	if c.vocab == nil {
		c.vocab, c.docs = map[string]int32{}, map[int64]bool{}
	}
	t, ok := c.vocab[lexeme]
	if !ok {
		t = int32(len(c.vocab))
		c.vocab[lexeme] = t
	}
	c.docs[doc] = true
	c.counts = append(c.counts, count{doc, t, n})
}

// Documents is the number of documents counted.
func (c *Corpus) Documents() int { return len(c.docs) }

// matrix is a corpus frozen in order: terms sorted, documents by id, the
// counts by term.
type matrix struct {
	terms  []string
	ids    []int64
	rows   [][]cell // by term: the documents containing it
	docLen []float64
	total  float64
}

// freeze orders the corpus.
func (c *Corpus) freeze() *matrix {
	m := &matrix{terms: make([]string, 0, len(c.vocab)), ids: make([]int64, 0, len(c.docs))}
	for id := range c.docs {
		m.ids = append(m.ids, id)
	}
	sort.Slice(m.ids, func(i, j int) bool { return m.ids[i] < m.ids[j] })
	for lex := range c.vocab {
		m.terms = append(m.terms, lex)
	}
	sort.Strings(m.terms)
	place := make([]int32, len(c.vocab)) // by Add's term index
	for t, lex := range m.terms {
		place[c.vocab[lex]] = int32(t)
	}
	docAt := make(map[int64]int32, len(m.ids))
	for d, id := range m.ids {
		docAt[id] = int32(d)
	}
	sort.Slice(c.counts, func(i, j int) bool {
		a, b := c.counts[i], c.counts[j]
		if place[a.term] != place[b.term] {
			return place[a.term] < place[b.term]
		}
		return a.doc < b.doc
	})
	m.rows = make([][]cell, len(m.terms))
	m.docLen = make([]float64, len(m.ids))
	for _, x := range c.counts {
		t, d := place[x.term], docAt[x.doc]
		if r := m.rows[t]; len(r) > 0 && r[len(r)-1].col == d {
			r[len(r)-1].val += x.n // the same lexeme added twice
		} else {
			m.rows[t] = append(r, cell{d, x.n})
		}
	}
	m.dropRare()
	for _, r := range m.rows {
		for _, x := range r {
			m.docLen[x.col] += x.val
			m.total += x.val
		}
	}
	return m
}

// dropRare drops the lexemes of a single document past its MaxOwnTerms
// most frequent (ties by lexeme), keeping the others in their order.
func (m *matrix) dropRare() {
	own := map[int32][]int{} // by document: its lexemes found in no other
	for t, r := range m.rows {
		if len(r) == 1 {
			own[r[0].col] = append(own[r[0].col], t)
		}
	}
	drop := map[int]bool{}
	for _, ts := range own {
		if len(ts) <= MaxOwnTerms {
			continue
		}
		sort.SliceStable(ts, func(i, j int) bool { return m.rows[ts[i]][0].val > m.rows[ts[j]][0].val })
		for _, t := range ts[MaxOwnTerms:] {
			drop[t] = true
		}
	}
	if len(drop) == 0 {
		return
	}
	kept := 0
	for t, r := range m.rows {
		if !drop[t] {
			m.terms[kept], m.rows[kept] = m.terms[t], r
			kept++
		}
	}
	m.terms, m.rows = m.terms[:kept], m.rows[:kept]
}

// ppmi returns the positive pointwise mutual information of every count,
// the documents' distribution smoothed by the power 0.75 (as word2vec).
func (m *matrix) ppmi() [][]cell {
	smoothed := make([]float64, len(m.docLen))
	var mass float64
	for d, l := range m.docLen {
		smoothed[d] = math.Pow(l, 0.75)
		mass += smoothed[d]
	}
	out := make([][]cell, len(m.rows))
	for t, cells := range m.rows {
		var tTotal float64
		for _, x := range cells {
			tTotal += x.val
		}
		for _, x := range cells {
			pmi := math.Log((x.val / m.total) / ((tTotal / m.total) * (smoothed[x.col] / mass)))
			if pmi > 0 {
				out[t] = append(out[t], cell{x.col, pmi})
			}
		}
	}
	return out
}

// Train trains a model of Dims dimensions (fewer for a corpus with fewer
// documents or terms) from c; it fails with ErrTooSmall under MinDocuments
// documents.
func Train(c *Corpus) (*Model, error) {
	if c.Documents() < MinDocuments {
		return nil, fmt.Errorf("%d documents: %w", c.Documents(), ErrTooSmall)
	}
	m := c.freeze()
	k := min(Dims, len(m.ids)-oversample, len(m.terms)-oversample)
	if k < 1 {
		return nil, fmt.Errorf("%d terms: %w", len(m.terms), ErrTooSmall)
	}
	vecs, err := termVectors(m.ppmi(), len(m.ids), k)
	if err != nil {
		return nil, err
	}
	model := &Model{dims: k, vocab: make(map[string]int32, len(m.terms)), terms: m.terms,
		vecs: vecs, sif: make([]float32, len(m.terms))}
	for t, lex := range m.terms {
		model.vocab[lex] = int32(t)
		var n float64
		for _, x := range m.rows[t] {
			n += x.val
		}
		model.sif[t] = float32(sifA / (sifA + n/m.total))
	}
	model.embedDocuments(m)
	return model, nil
}

// termVectors returns the first k left singular vectors of the sparse
// terms × docs matrix a, a row of k values per term: a randomized range
// finder over the documents (the short side), then the eigenvectors of
// the small Gram matrix of a's projection.
func termVectors(a [][]cell, docs, k int) ([]float32, error) {
	p := k + oversample
	q, err := orthonormal(randomProjection(a, docs, p))
	if err != nil {
		return nil, err
	}
	w := mat.NewDense(len(a), p, nil) // terms × p, reused
	for range powerIterations {
		if q, err = orthonormal(mulT(a, docs, mul(w, a, q))); err != nil {
			return nil, err
		}
	}
	mul(w, a, q) // a's projection on the documents' range
	var gram mat.SymDense
	gram.SymOuterK(1, w.T())
	var eig mat.EigenSym
	if !eig.Factorize(&gram, true) {
		return nil, errors.New("semantic: eigen-decomposition failed")
	}
	values := eig.Values(nil) // ascending
	var v mat.Dense
	eig.VectorsTo(&v)
	// U_k = W·V_k·Σ_k⁻¹, the largest singular values first.
	basis := mat.NewDense(p, k, nil)
	for j := range k {
		col := p - 1 - j
		sigma := math.Sqrt(math.Max(values[col], 1e-12))
		for i := range p {
			basis.Set(i, j, v.At(i, col)/sigma)
		}
	}
	out := make([]float32, len(a)*k)
	row := mat.NewVecDense(k, nil)
	for t := range len(a) {
		row.MulVec(basis.T(), w.RowView(t))
		for j := range k {
			out[t*k+j] = float32(row.AtVec(j))
		}
	}
	return out, nil
}

// randomProjection returns Aᵀ·Ω for a Gaussian Ω (terms × p) drawn from a
// fixed seed, one row per term, without keeping Ω.
func randomProjection(a [][]cell, docs, p int) *mat.Dense {
	rng := rand.New(rand.NewPCG(0x706c756d, 0x73656d))
	omega := make([]float64, p)
	out := mat.NewDense(docs, p, nil)
	for _, cells := range a {
		for j := range omega {
			omega[j] = rng.NormFloat64()
		}
		for _, x := range cells {
			row := out.RawRowView(int(x.col))
			floats.AddScaled(row, x.val, omega)
		}
	}
	return out
}

// mul sets out (terms × n) to A·B for the sparse A (rows by term) and the
// dense B (docs × n), and returns it.
func mul(out *mat.Dense, a [][]cell, b *mat.Dense) *mat.Dense {
	for t, cells := range a {
		row := out.RawRowView(t)
		clear(row)
		for _, x := range cells {
			floats.AddScaled(row, x.val, b.RawRowView(int(x.col)))
		}
	}
	return out
}

// mulT returns Aᵀ·B for the sparse A (rows by term) and the dense B
// (terms × n).
func mulT(a [][]cell, docs int, b *mat.Dense) *mat.Dense {
	_, n := b.Dims()
	out := mat.NewDense(docs, n, nil)
	for t, cells := range a {
		brow := b.RawRowView(t)
		for _, x := range cells {
			row := out.RawRowView(int(x.col))
			floats.AddScaled(row, x.val, brow)
		}
	}
	return out
}

// orthonormal returns an orthonormal basis of m's columns: modified
// Gram-Schmidt, twice for stability (m has few rows: the documents).
func orthonormal(m *mat.Dense) (*mat.Dense, error) {
	r, c := m.Dims()
	if r < c {
		return nil, fmt.Errorf("semantic: %d rows for %d directions: %w", r, c, ErrTooSmall)
	}
	cols := make([][]float64, c)
	for j := range c {
		cols[j] = mat.Col(nil, j, m)
	}
	for range 2 {
		for j := range c {
			for i := range j {
				floats.AddScaled(cols[j], -floats.Dot(cols[i], cols[j]), cols[i])
			}
			norm := floats.Norm(cols[j], 2)
			if norm == 0 {
				return nil, errors.New("semantic: degenerate range")
			}
			floats.Scale(1/norm, cols[j])
		}
	}
	out := mat.NewDense(r, c, nil)
	for j, col := range cols {
		out.SetCol(j, col)
	}
	return out, nil
}
