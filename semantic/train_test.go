package semantic_test

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/plume-sp/plume/semantic"
)

// topics are the synthetic corpus's themes: each document draws most of
// its words from one theme, some from the shared ones.
var topics = [][]string{
	{"passeport", "mairie", "photo", "timbre", "biometr", "rendez-vous", "identit"},
	{"loyer", "bail", "locatair", "propriétair", "caution", "préavis", "logement"},
	{"chômag", "allocat", "employeur", "licenci", "indemn", "franc", "travail"},
	{"impôt", "déclar", "revenu", "foyer", "fiscal", "prélev", "avi"},
	{"retrait", "pension", "trimestr", "carrier", "liquid", "cotis", "âge"},
}

var shared = []string{"demand", "dossi", "servic", "public", "délai", "formulair", "pièc", "justif"}

// corpus returns n synthetic documents (ids 1..n), their words added in
// the order given by perm.
func corpus(n int, perm []int) *semantic.Corpus {
	var c semantic.Corpus
	for _, d := range perm {
		rng := rand.New(rand.NewPCG(uint64(d), 7))
		topic := topics[d%len(topics)]
		for range 40 {
			c.Add(int64(d+1), topic[rng.IntN(len(topic))], 1)
		}
		for range 15 {
			c.Add(int64(d+1), shared[rng.IntN(len(shared))], 1)
		}
		// A word of the document's own, as real documents have.
		c.Add(int64(d+1), fmt.Sprintf("mot%d", d), 1)
	}
	return &c
}

func order(n int, reverse bool) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
		if reverse {
			out[i] = n - 1 - i
		}
	}
	return out
}

// TestTrainDeterministic checks that the same corpus, whatever the order
// its counts came in, gives the same model, byte for byte, and that a
// model survives encoding.
func TestTrainDeterministic(t *testing.T) {
	a, err := semantic.Train(corpus(240, order(240, false)))
	if err != nil {
		t.Fatal(err)
	}
	b, err := semantic.Train(corpus(240, order(240, true)))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Encode(), b.Encode()) {
		t.Fatal("two trainings of the same corpus gave different models")
	}
	decoded, err := semantic.Decode(a.Encode())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(decoded.Encode(), a.Encode()) {
		t.Fatal("a decoded model encodes differently")
	}
	if _, err := semantic.Decode(a.Encode()[:100]); err == nil {
		t.Fatal("a truncated model decoded")
	}
}

// TestTrainTooSmall checks that a corpus under MinDocuments gets no model.
func TestTrainTooSmall(t *testing.T) {
	_, err := semantic.Train(corpus(semantic.MinDocuments-1, order(semantic.MinDocuments-1, false)))
	if !errors.Is(err, semantic.ErrTooSmall) {
		t.Fatalf("got %v, want ErrTooSmall", err)
	}
}

// TestRankByTopic checks that words of one theme rank that theme's
// documents first, although the message shares no document's own word.
func TestRankByTopic(t *testing.T) {
	m, err := semantic.Train(corpus(240, order(240, false)))
	if err != nil {
		t.Fatal(err)
	}
	for ti, topic := range topics {
		v := m.Embed(map[string]float64{topic[0]: 1, topic[1]: 1, shared[0]: 1, "inconnu": 3})
		ranked := m.Rank(v, 10)
		if len(ranked) != 10 {
			t.Fatalf("topic %d: %d documents ranked, want 10", ti, len(ranked))
		}
		for _, r := range ranked {
			if got := int(r.DocumentID-1) % len(topics); got != ti {
				t.Errorf("topic %d: document %d (topic %d) among the first ten", ti, r.DocumentID, got)
			}
		}
	}
	if m.Embed(map[string]float64{"inconnu": 1}) != nil {
		t.Error("a text of unknown words has a vector")
	}
}

// TestRankOrder checks that Rank returns the documents as a full sort
// would: cosine descending, ties by id.
func TestRankOrder(t *testing.T) {
	m, err := semantic.Train(corpus(240, order(240, false)))
	if err != nil {
		t.Fatal(err)
	}
	v := m.Embed(map[string]float64{"loyer": 2, "demand": 1})
	all := m.Rank(v, m.Documents())
	for i := 1; i < len(all); i++ {
		a, b := all[i-1], all[i]
		if a.Cosine < b.Cosine || (a.Cosine == b.Cosine && a.DocumentID > b.DocumentID) {
			t.Fatalf("places %d and %d out of order: %+v, %+v", i-1, i, a, b)
		}
	}
	if diff := cmp.Diff(all[:7], m.Rank(v, 7)); diff != "" {
		t.Errorf("the first seven differ from the full ranking's (-want +got):\n%s", diff)
	}
}

// BenchmarkEmbedRank measures what the semantic ranking adds to a search
// on a corpus the size of the whole 2020 one (4,500 documents): a
// message's vector and its 20 closest documents.
func BenchmarkEmbedRank(b *testing.B) {
	m, err := semantic.Train(corpus(4500, order(4500, false)))
	if err != nil {
		b.Fatal(err)
	}
	counts := map[string]float64{}
	for i, w := range append(append([]string{}, topics[1]...), shared...) {
		counts[w] = float64(1 + i%3)
	}
	b.ResetTimer()
	for b.Loop() {
		m.Rank(m.Embed(counts), 20)
	}
}

// TestTrainDropsRareTerms: a document brings at most MaxOwnTerms lexemes
// found in no other document, so that one document of thousands of unique
// words does not multiply the vocabulary (and the model's size); a corpus
// under the bound trains as before.
func TestTrainDropsRareTerms(t *testing.T) {
	base, err := semantic.Train(corpus(240, order(240, false)))
	if err != nil {
		t.Fatal(err)
	}
	c := corpus(240, order(240, false))
	for i := range 20000 {
		c.Add(1, fmt.Sprintf("unique%05d", i), 1)
	}
	m, err := semantic.Train(c)
	if err != nil {
		t.Fatal(err)
	}
	// The synthetic corpus has 43 words shared by documents, and one of
	// its own per document (kept: under the bound); the long document keeps
	// MaxOwnTerms of its own, its former one among them or not.
	if want := 283 - 1 + semantic.MaxOwnTerms; base.Terms() != 283 || m.Terms() != want {
		t.Errorf("terms: %d without the long document, %d with it, want 283 and %d", base.Terms(), m.Terms(), want)
	}
	if len(m.Encode()) > 4*len(base.Encode()) {
		t.Errorf("model of %d bytes with the long document, %d without", len(m.Encode()), len(base.Encode()))
	}
}
