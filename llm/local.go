package llm

import (
	"context"
	"fmt"
	"math"
)

// LocalEmbedder is the embedder plume uses when no embedding endpoint is
// configured. It needs no network and no model file and is deterministic: a
// text is accent-folded, stripped of stop words and lightly stemmed, and its
// words, word pairs and character 3- and 4-grams are hashed into a signed
// vector (the "hashing trick"), damped and L2-normalised. Character n-grams
// make it tolerant of typos and inflections, which suits users' questions.
type LocalEmbedder struct {
	dim int
}

// LocalEmbedderDim is the default vector size of the local embedder.
const LocalEmbedderDim = 256

// NewLocalEmbedder returns a local embedder making vectors of size dim
// (LocalEmbedderDim when dim is 0).
func NewLocalEmbedder(dim int) (*LocalEmbedder, error) {
	if dim == 0 {
		dim = LocalEmbedderDim
	}
	if dim < 16 || dim > 4096 {
		return nil, fmt.Errorf("local embedder: vector size %d out of range 16..4096", dim)
	}
	return &LocalEmbedder{dim: dim}, nil
}

// Model returns "local:ngram-v1-<dim>".
func (e *LocalEmbedder) Model() string { return fmt.Sprintf("local:ngram-v1-%d", e.dim) }

// Dim returns the vector size.
func (e *LocalEmbedder) Dim() int { return e.dim }

// Embed returns the vector of each text. It only fails when ctx is done.
func (e *LocalEmbedder) Embed(ctx context.Context, texts []Text) ([][]float32, error) {
	out := make([][]float32, len(texts))
	for i, t := range texts {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("local embedder: %w", err)
			}
		}
		out[i] = e.embed(t.s)
	}
	return out, nil
}

// Feature weights, chosen on the retrieval tests: whole words dominate,
// n-grams bridge spelling variants, word pairs reward phrases.
const (
	wordWeight  = 1.0
	pairWeight  = 0.5
	gramWeight  = 0.25
	gramSizeMin = 3
	gramSizeMax = 4
)

func (e *LocalEmbedder) embed(text string) []float32 {
	acc := make([]float64, e.dim)
	add := func(h uint64, w float64) {
		idx := int(h % uint64(e.dim))
		if h>>63 == 1 {
			w = -w
		}
		acc[idx] += w
	}
	prev := ""
	var gram [64]byte
	frenchWords(text, func(stem string) {
		add(hashString(1, stem), wordWeight)
		if prev != "" {
			add(hashPair(prev, stem), pairWeight)
		}
		prev = stem
		// Character n-grams of "<stem>", bounded for very long tokens.
		if len(stem)+2 > len(gram) {
			return
		}
		n := copy(gram[1:], stem) + 2
		gram[0], gram[n-1] = '<', '>'
		for size := gramSizeMin; size <= gramSizeMax; size++ {
			for i := 0; i+size <= n; i++ {
				add(hashBytes(uint64(size), gram[i:i+size]), gramWeight)
			}
		}
	})
	var norm float64
	for i, v := range acc {
		// Damp repeated features (a square root keeps the sign).
		d := math.Sqrt(math.Abs(v))
		if v < 0 {
			d = -d
		}
		acc[i] = d
		norm += d * d
	}
	out := make([]float32, e.dim)
	if norm == 0 {
		return out
	}
	norm = math.Sqrt(norm)
	for i, v := range acc {
		out[i] = float32(v / norm)
	}
	return out
}

// FNV-1a, seeded so that words, pairs and n-grams of each size use
// different hash functions.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashString(seed uint64, s string) uint64 {
	h := uint64(fnvOffset) ^ seed*0x9e3779b97f4a7c15
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return mix(h)
}

func hashBytes(seed uint64, b []byte) uint64 {
	h := uint64(fnvOffset) ^ seed*0x9e3779b97f4a7c15
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return mix(h)
}

func hashPair(a, b string) uint64 {
	return mix(hashString(7, a) ^ hashString(11, b)*31)
}

// mix spreads the bits of an FNV hash (the finaliser of SplitMix64).
func mix(h uint64) uint64 {
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}
