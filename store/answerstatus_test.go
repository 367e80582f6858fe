package store_test

import (
	"context"
	"testing"

	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
)

// TestUpdateAnswerKeepsStatus checks that an edit keeps the answer's
// status and its reason: an archived answer or one to review is not made
// active again by a new text (only SetAnswerStatus changes a status).
func TestUpdateAnswerKeepsStatus(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	doc := saveDoc(t, st, "K-1", "h1")
	for _, status := range []store.AnswerStatus{store.AnswerArchived, store.AnswerToReview, store.AnswerActive} {
		a := newAnswer(t, st, "caf", doc.ID)
		set, err := st.SetAnswerStatus(ctx, a.ID, status, red(t, "motif"))
		if err != nil {
			t.Fatal(err)
		}
		a.Text = red(t, "Vous déclarez votre nouvelle adresse en ligne, sur le site de la CAF ("+string(status)+").")
		if err := st.UpdateAnswer(ctx, &a, store.AnswerWrite{DocumentIDs: []int64{doc.ID}, MatchText: a.Question}, set.Version); err != nil {
			t.Fatalf("update the %s answer: %v", status, err)
		}
		got, err := st.GetAnswer(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != status || a.Status != status || got.StatusReason != set.StatusReason || got.Version != set.Version+1 {
			t.Errorf("%s answer after an edit: status %s (returned %s), reason %q, version %d; want %s, %q, %d",
				status, got.Status, a.Status, got.StatusReason.String(), got.Version, status, set.StatusReason.String(), set.Version+1)
		}
	}
}
