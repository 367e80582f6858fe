package store_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
)

// agedDraft stores a draft with feedback, both made age ago.
func agedDraft(t *testing.T, st *store.Store, age time.Duration) string {
	t.Helper()
	ctx := t.Context()
	d := store.Draft{Channel: "email", Question: red(t, "Question [NOM_1] ?"), Draft: "Réponse."}
	if err := st.SaveDraft(ctx, &d); err != nil {
		t.Fatal(err)
	}
	f := store.Feedback{DraftID: d.ID, Outcome: store.OutcomeAccepted, FinalText: red(t, "Réponse.")}
	if err := st.SaveFeedback(ctx, &f); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"UPDATE drafts SET created_at = now() - $2::interval WHERE id = $1",
		"UPDATE feedback SET created_at = now() - $2::interval WHERE draft_id = $1"} {
		if _, err := st.Pool().Exec(ctx, q, d.ID, age.String()); err != nil {
			t.Fatal(err)
		}
	}
	return d.ID
}

// TestPurge deletes drafts and feedback older than the cut-off, and only
// them.
func TestPurge(t *testing.T) {
	t.Parallel()
	st := storetest.NewStore(t)
	ctx := t.Context()
	day := 24 * time.Hour
	old := agedDraft(t, st, 400*day)
	agedDraft(t, st, 366*day)
	recent := agedDraft(t, st, 10*day)
	fresh := agedDraft(t, st, 0)
	got, err := st.Purge(ctx, time.Now().Add(-365*day))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(store.PurgeReport{Drafts: 2, Feedback: 2}, got); diff != "" {
		t.Errorf("purge (-want +got):\n%s", diff)
	}
	var ids []string
	rows, err := st.Pool().Query(ctx, "SELECT d.id FROM drafts d JOIN feedback f ON f.draft_id = d.id ORDER BY d.created_at")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id string
		rows.Scan(&id) //nolint:errcheck
		ids = append(ids, id)
	}
	if diff := cmp.Diff([]string{recent, fresh}, ids); diff != "" {
		t.Errorf("kept (-want +got):\n%s (purged %s)", diff, old)
	}
	if got, err := st.Purge(ctx, time.Now().Add(-365*day)); err != nil || got != (store.PurgeReport{}) {
		t.Errorf("second purge: %+v %v", got, err)
	}
}
