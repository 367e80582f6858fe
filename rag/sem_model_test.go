package rag_test

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/jackc/pgx/v5"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"

	"github.com/plume-sp/plume/store"
)

// semModel is a word-vector model trained from the corpus alone (the
// experiment of sem_experiment_test.go): a PPMI-weighted term × document
// matrix over every published document of a database, reduced by a
// randomized truncated SVD; a text is the SIF-weighted mean of its
// lexemes' vectors.
type semModel struct {
	vocab map[string]int
	// vecs[t] is the vector of term t: a row of U_k·S_k^power.
	vecs [][]float64
	// prob[t] is the term's share of every term occurrence (SIF).
	prob []float64
	// fiches are the vectors of the 535 fiches (source jsonl) by external id.
	fiches map[string][]float64
}

// semCell is one non-zero term count of a document.
type semCell struct {
	doc int
	tf  float64
}

// semCorpus is the term × document counts of a database.
type semCorpus struct {
	vocab  map[string]int
	rows   [][]semCell // by term
	docs   []string    // external id, or "" for a document that is no fiche
	docLen []float64
	total  float64
}

// loadSemCorpus reads the term counts of every published document.
func loadSemCorpus(tb testing.TB, ctx context.Context, st *store.Store) *semCorpus {
	tb.Helper()
	c := &semCorpus{vocab: map[string]int{}}
	docIdx := map[int64]int{}
	rows, err := st.Pool().Query(ctx, `SELECT t.lexeme, t.document_id, t.tf_title + t.tf_body, d.source, d.external_id
		FROM document_terms t JOIN documents d ON d.id = t.document_id WHERE d.status = 'published'`)
	if err != nil {
		tb.Fatal(err)
	}
	var lex, source, ext string
	var id int64
	var tf float64
	_, err = pgx.ForEachRow(rows, []any{&lex, &id, &tf, &source, &ext}, func() error {
		d, ok := docIdx[id]
		if !ok {
			d = len(c.docs)
			docIdx[id] = d
			c.docs = append(c.docs, map[bool]string{true: ext}[source == "jsonl"])
			c.docLen = append(c.docLen, 0)
		}
		t, ok := c.vocab[lex]
		if !ok {
			t = len(c.rows)
			c.vocab[lex] = t
			c.rows = append(c.rows, nil)
		}
		c.rows[t] = append(c.rows[t], semCell{d, tf})
		c.docLen[d] += tf
		c.total += tf
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// ppmi returns the matrix's positive pointwise mutual information weights,
// with the document distribution smoothed by alpha (0.75 as in word2vec).
func (c *semCorpus) ppmi(alpha float64) [][]semCell {
	var docMass float64
	smoothed := make([]float64, len(c.docLen))
	for d, l := range c.docLen {
		smoothed[d] = math.Pow(l, alpha)
		docMass += smoothed[d]
	}
	out := make([][]semCell, len(c.rows))
	for t, cells := range c.rows {
		var tTotal float64
		for _, x := range cells {
			tTotal += x.tf
		}
		for _, x := range cells {
			pmi := math.Log((x.tf / c.total) / ((tTotal / c.total) * (smoothed[x.doc] / docMass)))
			if pmi > 0 {
				out[t] = append(out[t], semCell{x.doc, pmi})
			}
		}
	}
	return out
}

// mulDense returns A·B for the sparse A (rows) and dense B (docs × k).
func mulDense(a [][]semCell, b *mat.Dense) *mat.Dense {
	_, k := b.Dims()
	out := mat.NewDense(len(a), k, nil)
	for t, cells := range a {
		row := out.RawRowView(t)
		for _, x := range cells {
			for j, v := range b.RawRowView(x.doc) {
				row[j] += x.tf * v
			}
		}
	}
	return out
}

// mulTDense returns Aᵀ·B for the sparse A (rows) and dense B (terms × k).
func mulTDense(a [][]semCell, docs int, b *mat.Dense) *mat.Dense {
	_, k := b.Dims()
	out := mat.NewDense(docs, k, nil)
	for t, cells := range a {
		brow := b.RawRowView(t)
		for _, x := range cells {
			row := out.RawRowView(x.doc)
			for j, v := range brow {
				row[j] += x.tf * v
			}
		}
	}
	return out
}

// orthonormal returns an orthonormal basis of m's columns (modified
// Gram-Schmidt, twice for stability).
func orthonormal(m *mat.Dense) *mat.Dense {
	r, k := m.Dims()
	cols := make([][]float64, k)
	for j := range k {
		cols[j] = mat.Col(nil, j, m)
	}
	for range 2 {
		for j := range k {
			for i := range j {
				d := floats.Dot(cols[i], cols[j])
				floats.AddScaled(cols[j], -d, cols[i])
			}
			floats.Scale(1/floats.Norm(cols[j], 2), cols[j])
		}
	}
	out := mat.NewDense(r, k, nil)
	for j, c := range cols {
		out.SetCol(j, c)
	}
	return out
}

// randomizedSVD returns U_k and the k largest singular values of A (terms ×
// docs) by the range finder of Halko et al. with two power iterations.
func randomizedSVD(a [][]semCell, docs, k int) (*mat.Dense, []float64) {
	p := k + 20
	rng := rand.New(rand.NewPCG(1, 2))
	omega := mat.NewDense(docs, p, nil)
	for i := range docs {
		for j := range p {
			omega.Set(i, j, rng.NormFloat64())
		}
	}
	q := orthonormal(mulDense(a, omega))
	for range 2 {
		z := orthonormal(mulTDense(a, docs, q))
		q = orthonormal(mulDense(a, z))
	}
	bt := mulTDense(a, docs, q) // Bᵀ = Aᵀ·Q, docs × p
	var svd mat.SVD
	svd.Factorize(bt.T(), mat.SVDThin)
	var ub mat.Dense
	svd.UTo(&ub)
	var u mat.Dense
	u.Mul(q, ub.Slice(0, p, 0, k))
	return &u, svd.Values(nil)[:k]
}

// trainSem trains the model with k dimensions, word vectors U_k·S_k^power.
func trainSem(c *semCorpus, k int, power float64) *semModel {
	u, s := randomizedSVD(c.ppmi(0.75), len(c.docs), k)
	m := &semModel{vocab: c.vocab, vecs: make([][]float64, len(c.rows)), prob: make([]float64, len(c.rows)), fiches: map[string][]float64{}}
	for t, cells := range c.rows {
		v := make([]float64, k)
		for j := range k {
			v[j] = u.At(t, j) * math.Pow(s[j], power)
		}
		m.vecs[t] = v
		for _, x := range cells {
			m.prob[t] += x.tf / c.total
		}
	}
	byDoc := make([]map[string]float64, len(c.docs))
	for lex, t := range c.vocab {
		for _, x := range c.rows[t] {
			if c.docs[x.doc] != "" {
				if byDoc[x.doc] == nil {
					byDoc[x.doc] = map[string]float64{}
				}
				byDoc[x.doc][lex] = x.tf
			}
		}
	}
	for d, ext := range c.docs {
		if ext != "" {
			m.fiches[ext] = m.embed(byDoc[d])
		}
	}
	return m
}

// sifA is the smoothing of the SIF weights a/(a+p(w)).
const sifA = 1e-3

// embed returns the SIF-weighted mean of the vectors of counts' lexemes,
// normalized (nil when none is known).
func (m *semModel) embed(counts map[string]float64) []float64 {
	var out []float64
	for lex, n := range counts {
		t, ok := m.vocab[lex]
		if !ok {
			continue
		}
		if out == nil {
			out = make([]float64, len(m.vecs[t]))
		}
		w := n * sifA / (sifA + m.prob[t])
		for j, v := range m.vecs[t] {
			out[j] += w * v
		}
	}
	var norm float64
	for _, v := range out {
		norm += v * v
	}
	if norm == 0 {
		return nil
	}
	for j := range out {
		out[j] /= math.Sqrt(norm)
	}
	return out
}

// cosine of two normalized vectors (0 when either is nil).
func cosine(a, b []float64) float64 {
	if a == nil || b == nil {
		return 0
	}
	var s float64
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}
