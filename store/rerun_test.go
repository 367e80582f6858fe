package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/jackc/pgx/v5"
	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
)

// abortOnce returns a beforeCommit hook that, on its first call only, runs
// change on another connection (a colleague's write between two attempts)
// and then makes PostgreSQL abort the attempt with a serialization failure
// (40001), which transact runs again.
func abortOnce(t *testing.T, st *store.Store, change string) func(context.Context, pgx.Tx) error {
	t.Helper()
	calls := 0
	return func(ctx context.Context, tx pgx.Tx) error {
		if calls++; calls > 1 {
			return nil
		}
		if _, err := st.Pool().Exec(ctx, change); err != nil {
			t.Errorf("change between attempts: %v", err)
		}
		_, err := tx.Exec(ctx, `DO $$ BEGIN RAISE EXCEPTION 'test conflict' USING ERRCODE = 'serialization_failure'; END $$`)
		return err
	}
}

// TestStatsRerunStartsAfresh: statistics read again after a serialization
// failure (a read replica cancels a snapshot in conflict with recovery with
// 40001) hold the second reading only: a rating or a tag counted by the
// aborted reading and changed meanwhile is not left in the maps.
func TestStatsRerunStartsAfresh(t *testing.T) {
	ctx := context.Background()
	st := storetest.NewStore(t)
	d := &store.Draft{Channel: "email", Question: red(t, "carte grise"), Draft: "x"}
	if err := st.SaveDraft(ctx, d); err != nil {
		t.Fatal(err)
	}
	five := 5
	if err := st.SaveFeedback(ctx, &store.Feedback{DraftID: d.ID, Outcome: store.OutcomeEdited, Rating: &five,
		Tags: reds(t, "incomplet")}); err != nil {
		t.Fatal(err)
	}
	st.SetBeforeCommit(abortOnce(t, st, "UPDATE feedback SET rating = 3, tags = '{clair}'"))
	got, err := st.Stats(ctx, store.StatsFilter{Since: time.Now().Add(-time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	want := store.FeedbackStats{Ratings: map[string]int64{"3": 1}, Tags: map[string]int64{"clair": 1}}
	if diff := cmp.Diff(want, store.FeedbackStats{Ratings: got.Feedback.Ratings, Tags: got.Feedback.Tags}); diff != "" {
		t.Errorf("ratings and tags after a rerun (-want +got):\n%s", diff)
	}
}

// TestSaveDocumentRerunKeepsItsInput: a save run again after a
// serialization failure saves what it was given, not the row the aborted
// attempt read back: here the document it updated was deleted between the
// attempts (the other transaction of the conflict), so the second attempt
// creates it, with the status asked for (published), not the deleted
// one's (draft).
func TestSaveDocumentRerunKeepsItsInput(t *testing.T) {
	ctx := context.Background()
	st := storetest.NewStore(t)
	doc := func(status store.Status) *store.Document {
		return &store.Document{Source: "test", ExternalID: "rerun", Title: "Relance", Status: status}
	}
	old := doc(store.StatusDraft)
	if err := st.SaveDocument(ctx, old, nil); err != nil {
		t.Fatal(err)
	}
	deleted := make(chan error, 1)
	calls := 0
	st.SetBeforeCommit(func(ctx context.Context, tx pgx.Tx) error {
		if calls++; calls > 1 {
			return nil
		}
		// The delete waits for this attempt's lock on the row, and runs as
		// soon as the attempt is rolled back.
		go func() {
			_, err := st.DeleteDocuments(context.Background(), []int64{old.ID})
			deleted <- err
		}()
		waitForDeleteWait(t, st)
		_, err := tx.Exec(ctx, `DO $$ BEGIN RAISE EXCEPTION 'test conflict' USING ERRCODE = 'serialization_failure'; END $$`)
		return err
	})
	d := doc(store.StatusPublished)
	if err := st.SaveDocument(ctx, d, nil); err != nil {
		t.Fatal(err)
	}
	if err := <-deleted; err != nil {
		t.Fatal(err)
	}
	got, err := st.GetDocument(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != store.StatusPublished || got.ID == old.ID || d.Status != got.Status {
		t.Errorf("saved again after the deletion: id %d (deleted %d), status %q (returned %q), want a new published document",
			got.ID, old.ID, got.Status, d.Status)
	}
}

// waitForDeleteWait waits until a deletion of documents waits for a lock.
func waitForDeleteWait(t *testing.T, st *store.Store) {
	t.Helper()
	waitForQuery(t, st, `SELECT EXISTS (SELECT 1 FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
		WHERE NOT l.granted AND a.datname = current_database() AND a.query LIKE 'DELETE FROM documents%')`,
		"the deletion never waited for the save's lock")
}
