package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
)

// A draft saved while the statistics are being read is in all of their
// figures or in none. The test holds the feedback table locked, so that
// Stats stops after it has counted the drafts and before it lists the
// gaps, saves a draft without a reliable source in between, then lets
// Stats go on: read in two snapshots, the gaps would count one more draft
// than NoReliable. Stats runs on a store of one connection whose
// statements are already prepared, so that the lock stops it at the
// feedback query itself, not while preparing the batch (which would stop
// it before its first query).
func TestStatsReadOneSnapshot(t *testing.T) {
	ctx := context.Background()
	st, url := storetest.NewStoreURL(t)
	stats, err := store.Open(ctx, url+"&pool_max_conns=1")
	if err != nil {
		t.Fatal(err)
	}
	defer stats.Close()
	filter := store.StatsFilter{Since: time.Now().Add(-time.Hour)}
	if _, err := stats.Stats(ctx, filter); err != nil {
		t.Fatal(err)
	}
	save := func() {
		t.Helper()
		if err := st.SaveDraft(ctx, &store.Draft{Channel: "email", Question: red(t, "trou"), Draft: "x"}); err != nil {
			t.Fatal(err)
		}
	}
	save()
	lock, err := st.Pool().Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Rollback(ctx) //nolint:errcheck // released below; a no-op then
	if _, err := lock.Exec(ctx, "LOCK TABLE feedback IN ACCESS EXCLUSIVE MODE"); err != nil {
		t.Fatal(err)
	}
	type result struct {
		stats store.Stats
		err   error
	}
	done := make(chan result, 1)
	go func() {
		s, err := stats.Stats(ctx, filter)
		done <- result{s, err}
	}()
	waitForLockWait(t, st)
	save()
	if err := lock.Rollback(ctx); err != nil {
		t.Fatal(err)
	}
	r := <-done
	if r.err != nil {
		t.Fatal(r.err)
	}
	var perDay, gaps int64
	for _, d := range r.stats.DraftsPerDay {
		perDay += d.Drafts
	}
	for _, g := range r.stats.Gaps {
		gaps += g.Count
	}
	if r.stats.Drafts != perDay || r.stats.NoReliable != gaps || r.stats.Drafts != r.stats.NoReliable {
		t.Errorf("drafts %d, per day %d, without a reliable source %d, in the gaps %d: want one figure",
			r.stats.Drafts, perDay, r.stats.NoReliable, gaps)
	}
}

// waitForLockWait waits until a query of the test's schema waits for a
// lock on the feedback table.
func waitForLockWait(t *testing.T, st *store.Store) {
	t.Helper()
	waitForQuery(t, st, "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE NOT granted AND relation = 'feedback'::regclass)",
		"Stats never waited for the feedback table")
}

// waitForQuery waits until query, returning a boolean, is true; it fails
// the test with failure after 10 s.
func waitForQuery(t *testing.T, st *store.Store, query, failure string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		var ok bool
		if err := st.Pool().QueryRow(context.Background(), query).Scan(&ok); err != nil {
			t.Fatal(err)
		}
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal(failure)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
