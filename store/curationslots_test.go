package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
	"golang.org/x/sync/errgroup"
)

// TestCurationSlotsBoundTheReads: the curation work list's five reads run
// at most CurationSlots at once in a process, whoever asks (a quarter of
// the pool): with every turn taken, each waits without holding a
// connection and gives up when its context ends; with one turn free, many
// at once all pass through it.
func TestCurationSlotsBoundTheReads(t *testing.T) {
	t.Parallel()
	st := storetest.NewStore(t)
	if want := max(1, int(st.Pool().Config().MaxConns)/4); st.CurationSlots() != want {
		t.Fatalf("%d curation slots for a pool of %d, want %d", st.CurationSlots(), st.Pool().Config().MaxConns, want)
	}
	sc := store.CurationScope{Since: time.Now().Add(-time.Hour)}
	reads := map[string]func(context.Context) error{
		"closures":   func(ctx context.Context) error { _, err := st.CurationClosures(ctx, sc); return err },
		"unreliable": func(ctx context.Context) error { _, err := st.UnreliableQuestions(ctx, sc, 10); return err },
		"low rated":  func(ctx context.Context) error { _, err := st.LowRatedDrafts(ctx, sc, 10); return err },
		"uses":       func(ctx context.Context) error { _, _, err := st.DocumentUses(ctx, sc, 10); return err },
		"stale":      func(ctx context.Context) error { _, err := st.StaleDocuments(ctx, sc, time.Now(), 10); return err },
	}
	release := st.HoldCurationSlots(st.CurationSlots())
	for name, read := range reads {
		ctx, cancel := context.WithTimeout(t.Context(), 30*time.Millisecond)
		err := read(ctx)
		cancel()
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("%s with every turn taken: %v, want it to wait until its deadline", name, err)
		}
		if n := st.Pool().Stat().AcquiredConns(); n != 0 {
			t.Errorf("%s waited holding %d connections", name, n)
		}
	}
	release()
	release = st.HoldCurationSlots(st.CurationSlots() - 1)
	defer release()
	g, ctx := errgroup.WithContext(t.Context())
	for range 4 {
		for _, read := range reads {
			g.Go(func() error { return read(ctx) })
		}
	}
	if err := g.Wait(); err != nil {
		t.Errorf("20 reads through one turn: %v", err)
	}
}
