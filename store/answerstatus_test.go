package store_test

import (
	"context"
	"testing"

	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
)

// TestUpdateAnswerKeepsStatus checks what an edit does to an answer's
// status: an archived answer stays archived with its reason (only
// SetAnswerStatus brings it back), an active one stays active with its
// reason, and one to review is reviewed by the edit: active, no reason.
func TestUpdateAnswerKeepsStatus(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	doc := saveDoc(t, st, "K-1", "h1")
	for _, tt := range []struct {
		status, want store.AnswerStatus
		reasonKept   bool
	}{
		{store.AnswerArchived, store.AnswerArchived, true},
		{store.AnswerToReview, store.AnswerActive, false},
		{store.AnswerActive, store.AnswerActive, true},
	} {
		a := newAnswer(t, st, "caf", doc.ID)
		set, err := st.SetAnswerStatus(ctx, a.ID, tt.status, red(t, "motif"))
		if err != nil {
			t.Fatal(err)
		}
		a.Text = red(t, "Vous déclarez votre nouvelle adresse en ligne, sur le site de la CAF ("+string(tt.status)+").")
		if err := st.UpdateAnswer(ctx, &a, store.AnswerWrite{DocumentIDs: []int64{doc.ID}, MatchText: a.Question}, set.Version); err != nil {
			t.Fatalf("update the %s answer: %v", tt.status, err)
		}
		got, err := st.GetAnswer(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		wantReason := ""
		if tt.reasonKept {
			wantReason = set.StatusReason.String()
		}
		if got.Status != tt.want || a.Status != tt.want || got.StatusReason.String() != wantReason || got.Version != set.Version+1 {
			t.Errorf("%s answer after an edit: status %s (returned %s), reason %q, version %d; want %s, %q, %d",
				tt.status, got.Status, a.Status, got.StatusReason.String(), got.Version, tt.want, wantReason, set.Version+1)
		}
	}
}
