package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
)

// TestAnswerActivationRacesArchive archives a document in a transaction
// left open (its flag of the active answers has already run, so it
// skipped an answer to review), then makes an answer citing it active:
// the activation must wait for the archive and refuse the answer, instead
// of reading the document as it was and leaving an active answer on an
// archived source once both commit.
func TestAnswerActivationRacesArchive(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	for _, tt := range []struct {
		name     string
		activate func(doc int64) (int64, error)
	}{
		{"reactivation", func(doc int64) (int64, error) {
			a := newAnswer(t, st, "caf", doc)
			if _, err := st.SetAnswerStatus(ctx, a.ID, store.AnswerToReview, store.Text{}); err != nil {
				return 0, err
			}
			return a.ID, nil
		}},
		{"creation", func(int64) (int64, error) { return 0, nil }},
		{"update", func(doc int64) (int64, error) {
			a := newAnswer(t, st, "caf", doc)
			_, err := st.SetAnswerStatus(ctx, a.ID, store.AnswerToReview, store.Text{})
			return a.ID, err
		}},
	} {
		doc := saveDoc(t, st, "F-"+tt.name, "h1")
		id, err := tt.activate(doc.ID)
		if err != nil {
			t.Fatal(err)
		}
		err = raceArchive(t, st, doc.ID, func() error {
			switch tt.name {
			case "reactivation":
				_, err := st.SetAnswerStatus(ctx, id, store.AnswerActive, red(t, "relu"))
				return err
			case "update":
				a, err := st.GetAnswer(ctx, id)
				if err != nil {
					return err
				}
				return st.UpdateAnswer(ctx, &a, store.AnswerWrite{DocumentIDs: []int64{doc.ID}, MatchText: a.Question}, 0)
			}
			a := store.Answer{Service: "caf", Question: red(t, "Comment déclarer un déménagement ?"), Text: red(t, "En ligne, course.")}
			err := st.CreateAnswer(ctx, &a, store.AnswerWrite{DocumentIDs: []int64{doc.ID}, MatchText: a.Question})
			id = a.ID
			return err
		})
		if !errors.Is(err, store.ErrSourceNotPublished) {
			t.Errorf("%s during an archive: %v, want ErrSourceNotPublished", tt.name, err)
		}
		if id == 0 {
			continue // the creation stored nothing
		}
		if a, err := st.GetAnswer(ctx, id); err != nil || a.Status == store.AnswerActive {
			t.Errorf("%s: answer %+v (%v) left active on an archived document", tt.name, a.Status, err)
		}
	}
}

// raceArchive archives doc in a transaction, runs activate meanwhile,
// waits until activate is blocked by the transaction (or done), commits
// and returns activate's error.
func raceArchive(t *testing.T, st *store.Store, doc int64, activate func() error) error {
	t.Helper()
	ctx := context.Background()
	tx, err := st.Pool().Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx) //nolint:errcheck // committed below
	var pid int
	if err := tx.QueryRow(ctx, "SELECT pg_backend_pid()").Scan(&pid); err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(ctx, "UPDATE documents SET status = 'archived', modified_at = now() WHERE id = $1", doc); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- activate() }()
	var result error
	finished := false
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		select {
		case result = <-done:
			finished = true
		default:
		}
		var blocked bool
		if err := st.Pool().QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid)))",
			pid).Scan(&blocked); err != nil {
			t.Fatal(err)
		}
		if finished || blocked {
			break
		}
	}
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	if !finished {
		result = <-done
	}
	return result
}
