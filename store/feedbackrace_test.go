package store_test

import (
	"context"
	"sync"
	"testing"

	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
)

// TestConcurrentFeedbackOneNew: of feedbacks on one draft saved at once,
// exactly one is new (Replaced false), as one after the other would be.
func TestConcurrentFeedbackOneNew(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	const n = 12
	for round := range 5 {
		d := store.Draft{Channel: "email", Question: red(t, "Bonjour"), Draft: "Bonjour."}
		if err := st.SaveDraft(ctx, &d); err != nil {
			t.Fatal(err)
		}
		start := make(chan struct{})
		replaced := make([]bool, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				f := store.Feedback{DraftID: d.ID, Outcome: store.OutcomeAccepted}
				if err := st.SaveFeedback(ctx, &f); err != nil {
					t.Error(err)
				}
				replaced[i] = f.Replaced
			}()
		}
		close(start)
		wg.Wait()
		fresh := 0
		for _, r := range replaced {
			if !r {
				fresh++
			}
		}
		if fresh != 1 {
			t.Errorf("round %d: %d of %d feedbacks at once are new, want 1", round, fresh, n)
		}
	}
}
