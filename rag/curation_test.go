package rag_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jackc/pgx/v5"

	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/store"
)

// TestCurationHolds: the targeted check a closure makes says of every key
// what the whole work list says (every item of every kind, past the first
// items shown too), and no to a key of another service, to a key of
// nothing, to a draft not rated low and to a document not stale.
func TestCurationHolds(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("stores 600 drafts")
	}
	ctx := context.Background()
	st := curationStore(t, 600)
	all := rag.CurationOptions{Items: 100000}
	for _, sc := range []store.CurationScope{{Service: "caf", ServiceSet: true}, {Service: "ants", ServiceSet: true}, {}} {
		rep, err := rag.Curation(ctx, st, sc, all)
		if err != nil {
			t.Fatal(err)
		}
		want := reportKeys(rep)
		if len(want) < 3*5 {
			t.Fatalf("scope %+v: too few items to check: %v", sc, want)
		}
		// Keys the work list does not hold: of another service, of
		// nothing, a draft not rated low, a document not stale.
		other, err := rag.Curation(ctx, st, store.CurationScope{Service: "impots", ServiceSet: true}, all)
		if err != nil {
			t.Fatal(err)
		}
		for k := range reportKeys(other) {
			if _, ok := want[k]; !ok {
				want[k] = false
			}
		}
		want[rag.ItemUnanswered+" 0123456789abcdef"] = false
		want[rag.ItemStale+" 999999"] = false
		for _, k := range storedKeys(t, st) {
			if _, ok := want[k]; !ok {
				want[k] = false
			}
		}
		got := map[string]bool{}
		for k := range want {
			var kind, key string
			if _, err := fmt.Sscan(k, &kind, &key); err != nil {
				t.Fatal(err)
			}
			if got[k], err = rag.CurationHolds(ctx, st, sc, rag.CurationOptions{}, kind, key); err != nil {
				t.Fatal(err)
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("scope %+v: CurationHolds differs from the work list (-list +check):\n%s", sc, diff)
		}
	}
}

// reportKeys are the items of a work list, "kind key", each true.
func reportKeys(rep rag.CurationReport) map[string]bool {
	out := map[string]bool{}
	for _, g := range rep.Unanswered {
		out[rag.ItemUnanswered+" "+g.Key] = true
	}
	for _, l := range rep.LowRated {
		out[rag.ItemLowRated+" "+l.Key] = true
	}
	for _, s := range rep.Stale {
		out[rag.ItemStale+" "+s.Key] = true
	}
	return out
}

// storedKeys are low-rated and stale keys of every stored document and of
// the first 100 drafts, whatever their rating.
func storedKeys(t *testing.T, st *store.Store) []string {
	rows, err := st.Pool().Query(context.Background(), `SELECT $1 || ' ' || id FROM (SELECT id FROM drafts ORDER BY id LIMIT 100) d
		UNION ALL SELECT $2 || ' ' || id FROM documents`, rag.ItemLowRated, rag.ItemStale)
	if err != nil {
		t.Fatal(err)
	}
	keys, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	return keys
}
