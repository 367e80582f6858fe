package store_test

import (
	"context"
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gonum.org/v1/gonum/blas/blas32"

	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
)

// vectorCorpus is a corpus of random vectors and what an exact search
// needs of it.
type vectorCorpus struct {
	model string
	dim   int
	// vectors by chunk id, and each chunk's document's service and
	// status.
	vectors  map[int64][]float32
	services map[int64]string
	drafts   map[int64]bool
}

// seedVectors saves n documents of three chunks each with random vectors
// (many of them repeated, so that similarities tie), of two services,
// one in five a draft, and builds the model's HNSW index.
func seedVectors(t *testing.T, st *store.Store, r *rand.Rand, n int) vectorCorpus {
	t.Helper()
	ctx := context.Background()
	c := vectorCorpus{model: "rand-48", dim: 48, vectors: map[int64][]float32{}, services: map[int64]string{}, drafts: map[int64]bool{}}
	if err := st.EnsureEmbedModel(ctx, c.model, c.dim); err != nil {
		t.Fatal(err)
	}
	var repeated [][]float32
	for i := range n {
		d := store.Document{Source: "v", ExternalID: fmt.Sprintf("v%d", i), Title: "fiche", ContentHash: "h",
			Status:  []store.Status{store.StatusPublished, store.StatusPublished, store.StatusPublished, store.StatusPublished, store.StatusDraft}[i%5],
			Service: []string{"caf", "ants"}[i%2]}
		chunks := make([]store.Chunk, 3)
		for k := range chunks {
			v := randomVector(r, c.dim)
			if len(repeated) > 0 && r.IntN(8) == 0 {
				v = repeated[r.IntN(len(repeated))]
			}
			repeated = append(repeated, v)
			chunks[k] = store.Chunk{Ordinal: k, Text: "texte", Embedding: v, EmbedModel: c.model}
		}
		if err := st.SaveDocument(ctx, &d, chunks); err != nil {
			t.Fatal(err)
		}
		saved, err := st.Chunks(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		for k, ch := range saved {
			c.vectors[ch.ID], c.services[ch.ID], c.drafts[ch.ID] = chunks[k].Embedding, d.Service, d.Status == store.StatusDraft
		}
	}
	return c
}

func randomVector(r *rand.Rand, dim int) []float32 {
	v := make([]float32, dim)
	for i := range v {
		v[i] = float32(r.NormFloat64())
	}
	return v
}

// exactNearest is the vector search done by hand: the k published chunks
// (of service, if set) nearest to q by cosine similarity, ties by id.
func (c vectorCorpus) exactNearest(q []float32, service string, k int) []int64 {
	type scored struct {
		id  int64
		sim float64
	}
	var all []scored
	for id, v := range c.vectors {
		if c.drafts[id] || service != "" && c.services[id] != service {
			continue
		}
		// As the store computes it: the float32 dot product of gonum,
		// over the norms in float64.
		var nv float64
		for _, f := range v {
			nv += float64(f) * float64(f)
		}
		dot := blas32.Dot(blas32.Vector{N: c.dim, Inc: 1, Data: v}, blas32.Vector{N: c.dim, Inc: 1, Data: q})
		nq := math.Sqrt(float64(blas32.Dot(blas32.Vector{N: c.dim, Inc: 1, Data: q}, blas32.Vector{N: c.dim, Inc: 1, Data: q})))
		all = append(all, scored{id, float64(dot) / (math.Sqrt(nv) * nq)})
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].sim != all[j].sim {
			return all[i].sim > all[j].sim
		}
		return all[i].id < all[j].id
	})
	out := make([]int64, 0, k)
	for _, s := range all[:min(k, len(all))] {
		out = append(out, s.id)
	}
	return out
}

// vectorIDs searches q's vector as Search does and returns the chunks'
// ids, best first.
func vectorIDs(t *testing.T, st *store.Store, c vectorCorpus, q []float32, service string, k int) []int64 {
	t.Helper()
	ctx := context.Background()
	version := storetest.VectorsVersion(t, st)
	hq := store.HybridQuery{K: k, Model: c.model, Dim: c.dim, Vector: q}
	if service != "" {
		hq.Filter.Services = []string{service}
	}
	found, err := st.Search(ctx, store.Query{Passages: hq, VectorsVersion: version})
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]int64, len(found.Vector))
	for i, h := range found.Vector {
		ids[i] = h.ChunkID
	}
	return ids
}

// vectorStore returns a fresh store holding n documents of random vectors
// (seedVectors, drawn from seed), its chunk index read, and the random
// source to go on with.
func vectorStore(t *testing.T, seed uint64, n int) (*store.Store, vectorCorpus, *rand.Rand) {
	t.Helper()
	st := storetest.NewStore(t)
	r := rand.New(rand.NewPCG(seed, 1))
	c := seedVectors(t, st, r, n)
	if err := st.LoadChunkIndex(context.Background()); err != nil {
		t.Fatal(err)
	}
	return st, c, r
}

// TestVectorSearchIsExact checks that the vector search returns exactly
// the nearest chunks, ties by id, so that two builds of the HNSW index
// (drawn at random by pgvector) give the same results: the HNSW index
// alone missed some of them and changed with a REINDEX.
func TestVectorSearchIsExact(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st, c, r := vectorStore(t, 10, 700)
	queries := make([][]float32, 60)
	for i := range queries {
		queries[i] = randomVector(r, c.dim)
		if i%6 == 0 { // a stored vector: itself and its copies tie first
			queries[i] = c.vectors[slices.Sorted(maps.Keys(c.vectors))[r.IntN(len(c.vectors))]]
		}
	}
	search := func() [][]int64 {
		var out [][]int64
		for i, q := range queries {
			service := []string{"", "caf"}[i%2]
			got := vectorIDs(t, st, c, q, service, 40)
			if diff := cmp.Diff(c.exactNearest(q, service, 40), got); diff != "" {
				t.Fatalf("query %d (service %q): nearest chunks (-exact +got):\n%s", i, service, diff)
			}
			out = append(out, got)
		}
		return out
	}
	before := search()
	var index string
	if err := st.Pool().QueryRow(ctx, "SELECT index_name FROM embed_models WHERE model = $1", c.model).Scan(&index); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Pool().Exec(ctx, fmt.Sprintf("REINDEX INDEX %q", index)); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(before, search()); diff != "" {
		t.Errorf("after a REINDEX (-before +after):\n%s", diff)
	}
}

// TestVectorSearchSeesNewEmbeddings checks that vectors stored by a
// re-embed are searched once it ends (EmbeddingsChanged), not those the
// chunk index read before, that its batches (SetEmbeddings) leave the
// vectors version alone (each move makes every process read the chunk
// index again), and that it leaves the corpus version alone (a move makes
// the semantic model stale).
func TestVectorSearchSeesNewEmbeddings(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st, c, r := vectorStore(t, 11, 30)
	q := randomVector(r, c.dim)
	if diff := cmp.Diff(c.exactNearest(q, "", 10), vectorIDs(t, st, c, q, "", 10)); diff != "" {
		t.Fatalf("before the re-embed (-exact +got):\n%s", diff)
	}
	var chunks []store.Chunk
	var vectors [][]float32
	for id := range c.vectors {
		v := randomVector(r, c.dim)
		chunks, vectors, c.vectors[id] = append(chunks, store.Chunk{ID: id}), append(vectors, v), v
	}
	corpus, before := storetest.CorpusVersion(t, st), storetest.VectorsVersion(t, st)
	for i := 0; i < len(chunks); i += 7 { // batches, as a re-embed stores them
		end := min(i+7, len(chunks))
		if err := st.SetEmbeddings(ctx, c.model, chunks[i:end], vectors[i:end]); err != nil {
			t.Fatal(err)
		}
	}
	if got := storetest.VectorsVersion(t, st); got != before {
		t.Errorf("vectors version after the batches = %d, want %d (unchanged)", got, before)
	}
	if err := st.EmbeddingsChanged(ctx); err != nil {
		t.Fatal(err)
	}
	if got := storetest.VectorsVersion(t, st); got != before+1 {
		t.Errorf("vectors version after EmbeddingsChanged = %d, want %d", got, before+1)
	}
	if got := storetest.CorpusVersion(t, st); got != corpus {
		t.Errorf("corpus version after EmbeddingsChanged = %d, want %d (unchanged)", got, corpus)
	}
	if err := st.LoadChunkIndex(ctx); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(c.exactNearest(q, "", 10), vectorIDs(t, st, c, q, "", 10)); diff != "" {
		t.Errorf("after the re-embed (-exact +got):\n%s", diff)
	}
}

// TestReembedKeepsTextCaches checks that a re-embed, which changes no
// text, makes the chunk index be read again (its vectors are searched)
// but leaves the semantic model current and the document search's cache
// at its version, while a document change moves all three, and saving a
// semantic model, which changes no document, moves the models version
// alone (the document cache, which does not depend on the model, stays).
func TestReembedKeepsTextCaches(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st, c, r := vectorStore(t, 12, 30)
	trainedAt, err := st.EachDocumentTerm(ctx, func(int64, string, float64) {})
	if err != nil {
		t.Fatal(err)
	}
	// The model's bytes do not matter: only its corpus version is read.
	if err := st.SaveSemanticModel(ctx, &store.SemanticModel{CorpusVersion: trainedAt, Documents: 30, Dims: 1, Data: []byte{1}}); err != nil {
		t.Fatal(err)
	}
	type moved struct {
		SemanticStale      bool
		DocCache, ChunkIdx int64
	}
	for _, step := range []struct {
		name   string
		change func(*testing.T, *store.Store, *vectorCorpus, *rand.Rand)
		want   moved
	}{
		{"re-embed", reembedAll, moved{SemanticStale: false, DocCache: 0, ChunkIdx: 1}},
		{"document update", updateFirstDocument, moved{SemanticStale: true, DocCache: 1, ChunkIdx: 1}},
		{"model save", saveModel, moved{SemanticStale: false, DocCache: 0, ChunkIdx: 0}},
	} {
		docs, index := searchedVersions(t, st)
		step.change(t, st, &c, r)
		after, afterIndex := searchedVersions(t, st)
		stale, err := st.SemanticModelStale(ctx, 1)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(step.want, moved{stale, after - docs, afterIndex - index}); diff != "" {
			t.Errorf("%s: (-want +got):\n%s", step.name, diff)
		}
		q := randomVector(r, c.dim)
		if diff := cmp.Diff(c.exactNearest(q, "", 10), vectorIDs(t, st, c, q, "", 10)); diff != "" {
			t.Errorf("%s: nearest chunks (-exact +got):\n%s", step.name, diff)
		}
	}
}

// saveModel saves a semantic model trained at the current corpus version.
func saveModel(t *testing.T, st *store.Store, _ *vectorCorpus, _ *rand.Rand) {
	t.Helper()
	ctx := context.Background()
	trainedAt, err := st.EachDocumentTerm(ctx, func(int64, string, float64) {})
	if err != nil {
		t.Fatal(err)
	}
	before := modelsVersion(t, st)
	// The model's bytes do not matter: only its corpus version is read.
	if err := st.SaveSemanticModel(ctx, &store.SemanticModel{CorpusVersion: trainedAt, Documents: 30, Dims: 1, Data: []byte{1}}); err != nil {
		t.Fatal(err)
	}
	if after := modelsVersion(t, st); after == before {
		t.Errorf("models version %d after a model save, unchanged", after)
	}
}

// modelsVersion is the models version a query's analysis reads.
func modelsVersion(t *testing.T, st *store.Store) int64 {
	t.Helper()
	stats, err := st.AnalyzeQuery(context.Background(), []store.Sentence{{Text: "carte"}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return stats.ModelsVersion
}

// searchedVersions runs a document search and reads the chunk index, and
// returns the versions of the document cache and of the chunk index.
func searchedVersions(t *testing.T, st *store.Store) (docs, index int64) {
	t.Helper()
	ctx := context.Background()
	if _, err := st.SearchDocuments(ctx, docQuery(store.SearchFilter{})); err != nil {
		t.Fatal(err)
	}
	if err := st.LoadChunkIndex(ctx); err != nil {
		t.Fatal(err)
	}
	return st.CachedCorpusVersion(), st.ChunkIndexStats().Version
}

// reembedAll gives every chunk a new random vector, in batches, as a
// re-embed does, and ends the re-embed (EmbeddingsChanged).
func reembedAll(t *testing.T, st *store.Store, c *vectorCorpus, r *rand.Rand) {
	t.Helper()
	ctx := context.Background()
	var chunks []store.Chunk
	var vectors [][]float32
	for id := range c.vectors {
		v := randomVector(r, c.dim)
		chunks, vectors, c.vectors[id] = append(chunks, store.Chunk{ID: id}), append(vectors, v), v
	}
	if err := st.SetEmbeddings(ctx, c.model, chunks, vectors); err != nil {
		t.Fatal(err)
	}
	if err := st.EmbeddingsChanged(ctx); err != nil {
		t.Fatal(err)
	}
}

// updateFirstDocument replaces the text and chunks of the first seeded
// document (published, of the caf).
func updateFirstDocument(t *testing.T, st *store.Store, c *vectorCorpus, r *rand.Rand) {
	t.Helper()
	ctx := context.Background()
	states, err := st.DocumentStates(ctx)
	if err != nil {
		t.Fatal(err)
	}
	old, err := st.Chunks(ctx, states[store.DocKey{Service: "caf", Source: "v", ExternalID: "v0"}].ID)
	if err != nil || len(old) == 0 {
		t.Fatalf("chunks of v0: %v (%d)", err, len(old))
	}
	for _, ch := range old {
		delete(c.vectors, ch.ID)
	}
	d := store.Document{Source: "v", ExternalID: "v0", Title: "fiche revue", ContentHash: "h2", Service: "caf"}
	v := randomVector(r, c.dim)
	if err := st.SaveDocument(ctx, &d, []store.Chunk{{Text: "texte revu", Embedding: v, EmbedModel: c.model}}); err != nil {
		t.Fatal(err)
	}
	saved, err := st.Chunks(ctx, d.ID)
	if err != nil || len(saved) != 1 {
		t.Fatalf("chunks of v0 after the update: %v (%d)", err, len(saved))
	}
	c.vectors[saved[0].ID], c.services[saved[0].ID] = v, "caf"
}
