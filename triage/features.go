package triage

import (
	"math"
	"slices"
	"strings"
)

// featureBits is the size of the hashed feature space: 2^featureBits
// buckets.
const featureBits = 18

// The character n-grams taken from each word, in bytes.
const (
	ngramMin = 4
	ngramMax = 5
)

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// eachFeature calls add with the hashed features of a folded text (see
// fold): every word, every pair of adjacent words, and the character
// n-grams of every word with a space on each side. Digits are read as 0,
// so that "48 h" and "72 h" share features.
func eachFeature(folded string, add func(uint32)) {
	words := strings.Fields(folded)
	for i, w := range words {
		add(hashOf('w', w, ""))
		if i > 0 {
			add(hashOf('b', words[i-1], w))
		}
		padded := " " + w + " "
		for n := ngramMin; n <= ngramMax; n++ {
			for j := 0; j+n <= len(padded); j++ {
				add(hashOf('c', padded[j:j+n], ""))
			}
		}
	}
}

// hashOf is the FNV-1a hash of kind, a and b (digits as 0), in the
// feature space.
func hashOf(kind byte, a, b string) uint32 {
	h := uint32(fnvOffset)
	h = (h ^ uint32(kind)) * fnvPrime
	for _, s := range [2]string{a, b} {
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c >= '0' && c <= '9' {
				c = '0'
			}
			h = (h ^ uint32(c)) * fnvPrime
		}
		h = (h ^ ' ') * fnvPrime
	}
	return h & (1<<featureBits - 1)
}

// vector is a sparse feature vector: rows of a model's vocabulary and
// their values, in row order.
type vector struct {
	rows []int32
	vals []float32
}

// minFeatureMass is the least squared length a text's feature counts are
// scaled by: about that of the shortest training message. A shorter text
// (a lone sentence) is read as if padded with neutral text, not with its
// few features made heavier than any training message's.
const minFeatureMass = 100

// vectorize counts the features of folded that have a row in rows (one
// entry per feature hash, -1 for none; rows ascend with hashes) and
// scales them by the length of all its features, known or not: a text in
// words the model never saw weighs little.
func vectorize(folded string, rows []int32) vector {
	hashes := make([]uint32, 0, 4*len(folded))
	eachFeature(folded, func(h uint32) { hashes = append(hashes, h) })
	slices.Sort(hashes)
	var v vector
	var mass float64
	for i := 0; i < len(hashes); {
		j := i + 1
		for j < len(hashes) && hashes[j] == hashes[i] {
			j++
		}
		c := float32(j - i)
		mass += float64(c * c)
		if r := rows[hashes[i]]; r >= 0 {
			v.rows = append(v.rows, r)
			v.vals = append(v.vals, c)
		}
		i = j
	}
	scale := float32(1 / math.Sqrt(max(mass, minFeatureMass)))
	for i := range v.vals {
		v.vals[i] *= scale
	}
	return v
}

// newRows returns the row table of sorted feature hashes: row i for the
// i-th hash.
func newRows(hashes []uint32) []int32 {
	rows := make([]int32, 1<<featureBits)
	for i := range rows {
		rows[i] = -1
	}
	for i, h := range hashes {
		rows[h] = int32(i)
	}
	return rows
}
