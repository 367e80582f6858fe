package store_test

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
)

// rankCase is a tsvector and a query of terms, as random as the searches'.
type rankCase struct {
	tsv   string
	terms []string
}

// randomRankCase draws a tsvector over a few lexemes (one with a quote)
// with positions near each other and far apart, weights A to D, and a
// query of one to three lexemes and phrases of two or three words.
func randomRankCase(r *rand.Rand) rankCase {
	words := []string{"cart", "gris", "sejour", "aid", "l'eau", "titr"}
	var tsv []string
	for _, w := range words {
		if r.IntN(3) == 0 {
			continue
		}
		var pos []string
		for range 1 + r.IntN(4) {
			p := 1 + r.IntN(12)
			if r.IntN(4) == 0 {
				p = 1 + r.IntN(300)
			}
			pos = append(pos, fmt.Sprintf("%d%s", p, []string{"A", "B", "C", ""}[r.IntN(4)]))
		}
		tsv = append(tsv, fmt.Sprintf("'%s':%s", strings.ReplaceAll(w, "'", "''"), strings.Join(pos, ",")))
	}
	var terms []string
	for range 1 + r.IntN(3) {
		term := quote(words[r.IntN(len(words))])
		for range r.IntN(3) {
			term += []string{" <-> ", " <2> ", " <3> "}[r.IntN(3)] + quote(words[r.IntN(len(words))])
		}
		terms = append(terms, term)
	}
	return rankCase{tsv: strings.Join(tsv, " "), terms: terms}
}

func quote(w string) string { return "'" + strings.ReplaceAll(w, "'", "''") + "'" }

// TestRankInGoIsPostgreSQLs checks, on random tsvectors and queries, that
// the chunk index's ts_rank and @@ are PostgreSQL's, to the bit.
func TestRankInGoIsPostgreSQLs(t *testing.T) {
	t.Parallel()
	st := storetest.NewStore(t)
	r := rand.New(rand.NewPCG(9, 20))
	var tsvs, queries []string
	for range 4000 {
		c := randomRankCase(r)
		tsvs = append(tsvs, c.tsv)
		queries = append(queries, "("+strings.Join(c.terms, ") | (")+")")
	}
	// Far-apart words, for every word distance.
	for d := 1; d <= 110; d++ {
		tsvs = append(tsvs, fmt.Sprintf("'cart':1A,%d 'gris':%dB", 3+d, 2+d))
		queries = append(queries, "'cart' <-> 'gris'")
	}
	rows, err := st.Pool().Query(context.Background(), `SELECT tsvectorsend(t::tsvector), q,
			ts_rank('{0.1, 0.2, 0.4, 1.0}', t::tsvector, q::tsquery), t::tsvector @@ q::tsquery
		FROM unnest($1::text[], $2::text[]) AS x(t, q)`, tsvs, queries)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n, matched := 0, 0
	for rows.Next() {
		var tsv []byte
		var query string
		var want float32
		var wantMatch bool
		if err := rows.Scan(&tsv, &query, &want, &wantMatch); err != nil {
			t.Fatal(err)
		}
		terms := strings.Split(strings.TrimSuffix(strings.TrimPrefix(query, "("), ")"), ") | (")
		got, match, err := store.RankInGo(tsv, terms)
		if err != nil {
			t.Fatal(err)
		}
		if math.Float32bits(got) != math.Float32bits(want) || match != wantMatch {
			t.Errorf("%s @@ %s: Go %v (%x), %v; PostgreSQL %v (%x), %v", tsv, query, got, math.Float32bits(got), match,
				want, math.Float32bits(want), wantMatch)
		}
		n++
		if wantMatch {
			matched++
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if n != len(tsvs) || matched < n/4 || matched > n*3/4 {
		t.Errorf("%d cases, %d matching: want %d, a quarter to three quarters matching", n, matched, len(tsvs))
	}
}
