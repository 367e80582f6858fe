package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
)

// typoWords are the words of the typo corpus: near neighbours, accents,
// hyphens, digits and a few non-ASCII letters, whose trigrams pg_trgm
// hashes.
var typoWords = strings.Fields(`carte cartes carton grise gris identité identification titre titres séjour
	allocation allocations location logement logements famille familial enfant enfance retraite retraité
	impôt impôts revenu revenus mairie maire préfecture permis permission conduire conduite adresse
	changement changer demande demandeur délai renouvellement perte vol passeport naissance mariage
	décès emploi chômage aide aidant saint-amand 12/09 2024 a1b2 vierzon dunkerque montluçon œuvre ß
	cœur naïve straße müller jean-pierre rendez-vous quatre-vingt`)

// TestTypoIndexMatchesDatabase checks that typo repair in memory picks the
// lexeme the database's trigram search picks for misspelt words, or
// hands the word back to it (ties, words outside ASCII).
func TestTypoIndexMatchesDatabase(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	r := rand.New(rand.NewPCG(3, 9))
	for i := range 60 {
		words := make([]string, 20)
		for k := range words {
			words[k] = typoWords[r.IntN(len(typoWords))]
		}
		d := store.Document{Source: "t", ExternalID: fmt.Sprint(i), Title: words[0], ContentHash: "h"}
		if err := st.SaveDocument(ctx, &d, []store.Chunk{{Text: strings.Join(words, " ")}}); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.RefreshLexemeStats(ctx); err != nil {
		t.Fatal(err)
	}
	in := checkTypoRepairs(t, st, misspell(r, typoWords, 600))
	if in < 300 {
		t.Errorf("%d of 600 words repaired in memory, want most", in)
	}
}

// TestTypoIndexMatchesDatabaseDB is TestTypoIndexMatchesDatabase over an
// already ingested database (PLUME_DIGEST_DB, e.g. the whole corpus),
// with misspellings of its own lexemes; it only reads.
func TestTypoIndexMatchesDatabaseDB(t *testing.T) {
	ctx := context.Background()
	st := storetest.Ingested(t, "PLUME_DIGEST_DB")
	var lexemes []string
	// Words of a message's length: the trigram search of a long one
	// (an address) takes the database a second.
	rows, err := st.Pool().Query(ctx, "SELECT lexeme FROM lexeme_stats WHERE length(lexeme) BETWEEN 3 AND 14 ORDER BY lexeme")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var l string
		if err := rows.Scan(&l); err != nil {
			t.Fatal(err)
		}
		lexemes = append(lexemes, l)
	}
	in := checkTypoRepairs(t, st, misspell(rand.New(rand.NewPCG(5, 5)), lexemes, 400))
	t.Logf("%d of 400 words repaired in memory", in)
}

// checkTypoRepairs fails t unless each word is repaired in memory as in
// the database, or handed back to it; it returns how many were repaired
// in memory.
func checkTypoRepairs(t *testing.T, st *store.Store, words []string) (inMemory int) {
	t.Helper()
	ctx := context.Background()
	x, err := st.LoadTypoIndex(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range words {
		want, err := st.FixTyposSQL(ctx, []string{w})
		if err != nil {
			t.Fatal(err)
		}
		got, ok := x.FixTypos([]string{w})
		if !ok {
			continue
		}
		inMemory++
		if diff := cmp.Diff(fixes(want), fixes(got)); diff != "" {
			t.Errorf("word %q (-database +memory):\n%s", w, diff)
		}
	}
	return inMemory
}

// fixes shows typo repairs as word → lexeme, frequencies.
func fixes(m map[string]store.TermStat) map[string]string {
	out := map[string]string{}
	for w, s := range m {
		out[w] = fmt.Sprintf("%s df=%d ddf=%d lexemes=%d", s.Lexeme, s.DF, s.DDF, s.Lexemes)
	}
	return out
}

// misspell returns n words, each one of words with one to three letters
// dropped, doubled, swapped or replaced, or a random string.
func misspell(r *rand.Rand, words []string, n int) []string {
	out := make([]string, n)
	for i := range out {
		w := []byte(words[r.IntN(len(words))])
		for range 1 + r.IntN(3) {
			if len(w) < 2 {
				break
			}
			at := r.IntN(len(w) - 1)
			switch r.IntN(5) {
			case 0:
				w = append(w[:at:at], w[at+1:]...)
			case 1:
				w = append(w[:at+1:at+1], w[at:]...)
			case 2:
				w[at], w[at+1] = w[at+1], w[at]
			case 3:
				w[at] = "abcdefghijklmnopqrstuvwxyz-0"[r.IntN(28)]
			default:
				w = []byte(fmt.Sprintf("%s%d", w, r.IntN(100)))
			}
		}
		out[i] = strings.ToValidUTF8(string(w), "e")
	}
	return out
}
