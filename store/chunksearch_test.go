package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
)

// textWords are the words of the random corpus, few enough that chunks
// share many and ranks often tie.
var textWords = strings.Fields(`carte grise identité titre séjour allocation logement famille
	enfant retraite impôt revenu mairie préfecture permis conduire adresse changement demande
	délai renouvellement perte vol passeport naissance mariage décès emploi chômage aide`)

// seedRandomCorpus saves n documents of random text, of every status,
// audience, service and tag the filters test, and returns the lexemes
// their chunks hold.
func seedRandomCorpus(t *testing.T, st *store.Store, r *rand.Rand, n int) []string {
	t.Helper()
	ctx := context.Background()
	sentence := func(words int) string {
		out := make([]string, words)
		for i := range out {
			out[i] = textWords[r.IntN(len(textWords))]
		}
		return strings.Join(out, " ")
	}
	for i := range n {
		d := store.Document{Source: "r", ExternalID: fmt.Sprintf("d%d", i), Title: sentence(3), ContentHash: "h",
			Status:   []store.Status{store.StatusPublished, store.StatusPublished, store.StatusDraft, store.StatusArchived}[i%4],
			Audience: [][]string{nil, {"particuliers"}, {"professionnels"}}[i%3],
			Service:  []string{"", "caf", "ants"}[i%3], Tags: [][]string{nil, {"t1"}, {"t1", "t2"}}[i%5%3]}
		chunks := make([]store.Chunk, 1+r.IntN(3))
		for k := range chunks {
			chunks[k] = store.Chunk{Ordinal: k, Title: d.Title, Heading: sentence(r.IntN(3)), Text: sentence(5 + r.IntN(40))}
		}
		if err := st.SaveDocument(ctx, &d, chunks); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := st.Pool().Query(ctx, "SELECT DISTINCT (unnest(tsv)).lexeme FROM chunks ORDER BY 1")
	if err != nil {
		t.Fatal(err)
	}
	var lexemes []string
	for rows.Next() {
		var l string
		if err := rows.Scan(&l); err != nil {
			t.Fatal(err)
		}
		lexemes = append(lexemes, l)
	}
	if err := rows.Err(); err != nil || len(lexemes) < 20 {
		t.Fatalf("%d lexemes, %v", len(lexemes), err)
	}
	return lexemes
}

// randomTerm is a lexeme of the corpus, now and then one it does not
// hold, or a phrase of two or three of them.
func randomTerm(r *rand.Rand, lexemes []string, weight float64) store.Term {
	word := func() string { return lexemes[r.IntN(len(lexemes))] }
	switch r.IntN(6) {
	case 0:
		return store.PhraseTerm(fmt.Sprintf("'%s' <-> '%s'", word(), word()), weight)
	case 1:
		return store.PhraseTerm(fmt.Sprintf("'%s' <2> '%s' <-> '%s'", word(), word(), word()), weight)
	case 2:
		if r.IntN(4) == 0 {
			return store.Term{Lexeme: "absent", Weight: weight}
		}
	}
	return store.Term{Lexeme: word(), Weight: weight}
}

// searchFilters are the filters the equality tests search with.
var searchFilters = []store.SearchFilter{{},
	{Statuses: []store.Status{store.StatusDraft, store.StatusPublished}},
	{Audience: []string{"particuliers"}}, {Services: []string{"", "caf"}}, {Tags: []string{"t2"}}}

// randomTextQuery is a full-text search of a few terms selected and
// ranked, with one of searchFilters.
func randomTextQuery(r *rand.Rand, lexemes []string) store.HybridQuery {
	q := store.HybridQuery{K: 1 + r.IntN(40), Filter: searchFilters[r.IntN(len(searchFilters))]}
	for range 1 + r.IntN(5) {
		q.Select = append(q.Select, randomTerm(r, lexemes, 0))
	}
	for range r.IntN(8) {
		q.Rank = append(q.Rank, randomTerm(r, lexemes, r.Float64()*3))
	}
	return q
}

// checkTextInMemory fails t unless the search of q runs on the chunk
// index and gives the database's hits.
func checkTextInMemory(t *testing.T, st *store.Store, q store.HybridQuery) {
	t.Helper()
	ctx := context.Background()
	want, err := st.SearchTextIDsSQL(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	got, ok, err := st.SearchTextInMemory(ctx, q)
	if err != nil || !ok {
		t.Fatalf("in memory: ran %v, %v", ok, err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("select %v, rank %v, filter %+v, k %d (-database +memory):\n%s", q.Select, q.Rank, q.Filter, q.K, diff)
	}
}

func TestSearchTextInMemoryIsTheDatabases(t *testing.T) {
	t.Parallel()
	st := storetest.NewStore(t)
	r := rand.New(rand.NewPCG(4, 2))
	lexemes := seedRandomCorpus(t, st, r, 200)
	if err := st.LoadChunkIndex(context.Background()); err != nil {
		t.Fatal(err)
	}
	if s := st.ChunkIndexStats(); s.Chunks < 200 || s.Lexemes < 20 || s.Positions < s.Chunks || s.Bytes <= 0 {
		t.Fatalf("chunk index %+v, want every chunk", s)
	}
	for range 300 {
		checkTextInMemory(t, st, randomTextQuery(r, lexemes))
	}
	for range 100 {
		checkPassagesInMemory(t, st, randomTextQuery(r, lexemes), r)
	}
	// A sample of the selection is the database's to draw.
	q := randomTextQuery(r, lexemes)
	q.Sample = 10
	if _, ok, err := st.SearchTextInMemory(context.Background(), q); ok || err != nil {
		t.Errorf("a sampled search ran in memory (%v, %v)", ok, err)
	}
}

// checkPassagesInMemory fails t unless the passages of a few random
// documents, with the text ranks and matched weights of the chunk index,
// are the database's.
func checkPassagesInMemory(t *testing.T, st *store.Store, q store.HybridQuery, r *rand.Rand) {
	t.Helper()
	ctx := context.Background()
	q.Terms = append(q.Select, q.Rank...)
	for i := range q.Terms {
		q.Terms[i].Weight = r.Float64() * 2
	}
	q.K = 2000
	ids := make([]int64, 1+r.IntN(12))
	for i := range ids {
		ids[i] = int64(1 + r.IntN(220))
	}
	var row int64
	if err := st.Pool().QueryRow(ctx, "SELECT min(id) - 1 FROM documents").Scan(&row); err != nil {
		t.Fatal(err)
	}
	for i := range ids {
		ids[i] += row
	}
	want, err := st.SearchPassagesSQL(ctx, q, ids)
	if err != nil {
		t.Fatal(err)
	}
	got, ok, err := st.SearchPassagesInMemory(ctx, q, ids)
	if err != nil || !ok {
		t.Fatalf("in memory: ran %v, %v", ok, err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("terms %v, rank %v, documents %v (-database +memory):\n%s", q.Terms, q.Rank, ids, diff)
	}
}

// waitInMemory searches until the chunk index of the current version is
// read (in the background, once two searches saw that version).
func waitInMemory(t *testing.T, st *store.Store, q store.HybridQuery) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if _, ok, err := st.SearchTextInMemory(context.Background(), q); err != nil || ok {
			if err != nil {
				t.Fatal(err)
			}
			return
		}
	}
	t.Fatal("the chunk index was never read")
}

// twoStores returns two stores on one database of n random documents, as
// two replicas of plume, and the lexemes of the documents.
func twoStores(t *testing.T, r *rand.Rand, n int) (a, b *store.Store, lexemes []string) {
	t.Helper()
	a, url := storetest.NewStoreURL(t)
	lexemes = seedRandomCorpus(t, a, r, n)
	b, err := store.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(b.Close)
	return a, b, lexemes
}

// TestSearchTextSeesChanges changes the documents through one store and
// searches through another on the same database, as replicas do: the
// first search after a change searches the database, and the index read
// afterwards gives the database's hits again.
func TestSearchTextSeesChanges(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	a, b, lexemes := twoStores(t, rand.New(rand.NewPCG(7, 7)), 40)
	q := store.HybridQuery{K: 10, Select: []store.Term{{Lexeme: "nouveau"}, {Lexeme: lexemes[3]}},
		Rank: []store.Term{{Lexeme: "nouveau", Weight: 5}, {Lexeme: lexemes[3], Weight: 1}}}
	waitInMemory(t, a, q)
	doc := store.Document{Source: "r", ExternalID: "new", Title: "Nouveau nouveau", ContentHash: "h"}
	changes := []struct {
		name   string
		change func() error
	}{
		{"document added", func() error {
			return b.SaveDocument(ctx, &doc, []store.Chunk{{Title: doc.Title, Text: "Nouveau texte."}})
		}},
		{"document archived", func() error { _, err := b.SetDocumentStatus(ctx, doc.ID, store.StatusArchived); return err }},
		{"document published", func() error { _, err := b.SetDocumentStatus(ctx, doc.ID, store.StatusPublished); return err }},
		{"document deleted", func() error { _, err := b.DeleteDocuments(ctx, []int64{doc.ID}); return err }},
	}
	for _, c := range changes {
		if err := c.change(); err != nil {
			t.Fatal(err)
		}
		if _, ok, err := a.SearchTextInMemory(ctx, q); ok || err != nil {
			t.Errorf("%s: the first search ran on the old index (%v, %v)", c.name, ok, err)
		}
		got, err := a.SearchTextIDs(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		published := c.name == "document added" || c.name == "document published"
		if has := len(got) > 0 && got[0].DocumentID == doc.ID; has != published {
			t.Errorf("%s: hits %v, new document first: %v, want %v", c.name, got, has, published)
		}
		checkPassages(t, a, q, c.name+", corpus changed")
		waitInMemory(t, a, q)
		checkTextInMemory(t, a, q)
		checkPassages(t, a, q, c.name+", index read")
	}
}

// checkPassages fails t unless SearchPassages gives, for every document,
// the database's passages.
func checkPassages(t *testing.T, st *store.Store, q store.HybridQuery, name string) {
	t.Helper()
	ctx := context.Background()
	var ids []int64
	if err := st.Pool().QueryRow(ctx, "SELECT array_agg(id ORDER BY id) FROM documents").Scan(&ids); err != nil {
		t.Fatal(err)
	}
	q.Terms, q.K = q.Rank, 2000
	want, err := st.SearchPassagesSQL(ctx, q, ids)
	if err != nil {
		t.Fatal(err)
	}
	got, err := st.SearchPassages(ctx, q, ids)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" || len(got) == 0 {
		t.Errorf("%s: %d passages (-database +SearchPassages):\n%s", name, len(got), diff)
	}
}

// TestSearchTextConcurrently searches from many goroutines while another
// store changes the documents (run with -race), then checks the index
// against the database.
func TestSearchTextConcurrently(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	r := rand.New(rand.NewPCG(5, 5))
	a, b, lexemes := twoStores(t, r, 60)
	queries := make([]store.HybridQuery, 40)
	for i := range queries {
		queries[i] = randomTextQuery(r, lexemes)
	}
	var wg sync.WaitGroup
	for g := range 6 {
		wg.Go(func() {
			for i := range 60 {
				if _, err := a.SearchTextIDs(ctx, queries[(g*7+i)%len(queries)]); err != nil {
					t.Error(err)
					return
				}
				_ = a.ChunkIndexStats()
			}
		})
	}
	wg.Go(func() {
		for i := range 10 {
			d := store.Document{Source: "r", ExternalID: fmt.Sprintf("c%d", i), Title: "Carte", ContentHash: "h"}
			if err := b.SaveDocument(ctx, &d, []store.Chunk{{Title: d.Title, Text: "carte grise " + lexemes[i]}}); err != nil {
				t.Error(err)
				return
			}
			time.Sleep(10 * time.Millisecond)
		}
	})
	wg.Wait()
	waitInMemory(t, a, queries[0])
	for _, q := range queries {
		checkTextInMemory(t, a, q)
	}
}

// TestChunkIndexReadOnce: two first loads at once (LoadChunkIndex, which
// Warm and the test helpers call) and searches during the load (the
// second starts a reading in the background) read the index once.
func TestChunkIndexReadOnce(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	_, b, lexemes := twoStores(t, rand.New(rand.NewPCG(9, 9)), 300)
	q := store.HybridQuery{K: 10, Select: []store.Term{{Lexeme: lexemes[0]}, {Lexeme: lexemes[1]}}}
	start := make(chan struct{})
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			<-start
			if err := b.LoadChunkIndex(ctx); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Go(func() {
		<-start
		for range 3 {
			if _, err := b.SearchTextIDs(ctx, q); err != nil {
				t.Error(err)
				return
			}
		}
	})
	close(start)
	wg.Wait()
	checkTextInMemory(t, b, q)
	b.Close() // waits for a reading in the background
	if got := b.ChunkIndexStats().Reads; got != 1 {
		t.Errorf("the chunk index was read %d times, want once", got)
	}
}
