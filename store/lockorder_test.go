package store_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
	"golang.org/x/sync/errgroup"
)

// TestDocumentAndAnswerWritersDoNotDeadlock runs the writers of documents
// (status, text) and of an answer citing two of them (status, edit) at
// once, many times, with no retry of a deadlocked transaction: they lock
// in one order (documents before answers), so none may deadlock, and once
// all commit no active answer may cite a document that is not published
// (the tester's 40P01 of « flag answers of document » and « lock the
// sources of answer »).
func TestDocumentAndAnswerWritersDoNotDeadlock(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	st.SetTxAttempts(1)
	d1, d2 := saveDoc(t, st, "L-1", "h0"), saveDoc(t, st, "L-2", "h0")
	a := newAnswer(t, st, "caf", d1.ID, d2.ID)
	for round := range 40 {
		for _, d := range []store.Document{d1, d2} {
			if _, err := st.SetDocumentStatus(ctx, d.ID, store.StatusPublished); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := st.SetAnswerStatus(ctx, a.ID, store.AnswerActive, red(t, "relu")); err != nil {
			t.Fatal(err)
		}
		var g errgroup.Group
		g.Go(func() error {
			_, err := st.SetDocumentStatus(ctx, d1.ID, store.StatusArchived)
			return err
		})
		g.Go(func() error {
			d := d2
			d.ContentHash = fmt.Sprintf("h%d", round+1)
			return st.SaveDocument(ctx, &d, nil)
		})
		g.Go(func() error {
			_, err := st.SetAnswerStatus(ctx, a.ID, store.AnswerActive, red(t, "relu"))
			return allowRefusal(err)
		})
		g.Go(func() error {
			b, err := st.GetAnswer(ctx, a.ID)
			if err != nil {
				return err
			}
			err = st.UpdateAnswer(ctx, &b, store.AnswerWrite{DocumentIDs: []int64{d1.ID, d2.ID}, MatchText: b.Question}, 0)
			return allowRefusal(err)
		})
		if err := g.Wait(); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		if got, err := st.GetAnswer(ctx, a.ID); err != nil || got.Status == store.AnswerActive {
			t.Fatalf("round %d: answer %s (%v) active on an archived document", round, got.Status, err)
		}
	}
}

// allowRefusal is err, but nil for ErrSourceNotPublished: an answer made
// active or edited after its source's archive is refused.
func allowRefusal(err error) error {
	if errors.Is(err, store.ErrSourceNotPublished) {
		return nil
	}
	return err
}

// TestTransactRetriesDeadlock makes two transactions lock two rows in
// opposite orders: the database aborts one (40P01), which Transact runs
// again, so both commit.
func TestTransactRetriesDeadlock(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	if _, err := st.Pool().Exec(ctx, `CREATE TABLE deadlock_rows (id int PRIMARY KEY, n int NOT NULL);
		INSERT INTO deadlock_rows VALUES (1, 0), (2, 0)`); err != nil {
		t.Fatal(err)
	}
	var runs atomic.Int64
	var locked sync.WaitGroup
	locked.Add(2)
	write := func(first, second int) error {
		return st.Transact(ctx, func(tx pgx.Tx) error {
			retry := runs.Add(1) > 2
			if _, err := tx.Exec(ctx, "UPDATE deadlock_rows SET n = n + 1 WHERE id = $1", first); err != nil {
				return err
			}
			if !retry {
				locked.Done()
				locked.Wait() // each holds its first row
			}
			_, err := tx.Exec(ctx, "UPDATE deadlock_rows SET n = n + 1 WHERE id = $1", second)
			return err
		})
	}
	var g errgroup.Group
	g.Go(func() error { return write(1, 2) })
	g.Go(func() error { return write(2, 1) })
	if err := g.Wait(); err != nil {
		t.Fatalf("deadlocked transactions: %v", err)
	}
	var total int
	if err := st.Pool().QueryRow(ctx, "SELECT sum(n) FROM deadlock_rows").Scan(&total); err != nil {
		t.Fatal(err)
	}
	if total != 4 || runs.Load() != 3 {
		t.Errorf("rows changed %d times in %d runs, want 4 in 3", total, runs.Load())
	}
}
