package store_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
)

// TestDraftAttention checks that a draft keeps its triage level and
// reasons, that recent drafts filter by level and that the statistics
// count levels per day.
func TestDraftAttention(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	reasons := json.RawMessage(`[{"code": "violence", "label": "Violences ou menaces", "level": "urgent", "start": 0, "end": 12}]`)
	key := int64(7)
	for _, d := range []store.Draft{
		{Channel: "email", Question: red(t, "q1"), Draft: "x", APIKeyID: &key, AttentionLevel: "urgent", AttentionReasons: reasons},
		{Channel: "email", Question: red(t, "q2"), Draft: "x", APIKeyID: &key, AttentionLevel: "attention"},
		{Channel: "telephone", Question: red(t, "q3"), Draft: "x", APIKeyID: &key},
	} {
		if err := st.SaveDraft(ctx, &d); err != nil {
			t.Fatal(err)
		}
		got, err := st.GetDraft(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.AttentionLevel != d.AttentionLevel || !jsonEqual(t, got.AttentionReasons, d.AttentionReasons) {
			t.Errorf("GetDraft level %q reasons %s, want %q %s", got.AttentionLevel, got.AttentionReasons, d.AttentionLevel, d.AttentionReasons)
		}
	}
	page, err := st.ListDrafts(ctx, store.DraftFilter{APIKeyID: &key, AttentionLevel: "urgent"})
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != 1 || len(page.Drafts) != 1 || page.Drafts[0].AttentionLevel != "urgent" {
		t.Errorf("ListDrafts(urgent) = %+v", page)
	}
	if err := st.SaveDraft(ctx, &store.Draft{Channel: "email", Question: red(t, "q"), Draft: "x", AttentionLevel: "panic"}); err == nil {
		t.Error("SaveDraft with an unknown level succeeded")
	}
	stats, err := st.Stats(ctx, store.StatsFilter{Since: time.Now().Add(-time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	day := time.Now().UTC().Format("2006-01-02")
	want := []store.LevelCount{{Day: day, Level: "attention", Drafts: 1}, {Day: day, Level: "routine", Drafts: 1},
		{Day: day, Level: "urgent", Drafts: 1}}
	if diff := cmp.Diff(want, stats.AttentionPerDay); diff != "" {
		t.Errorf("AttentionPerDay (-want +got):\n%s", diff)
	}
}

func jsonEqual(t *testing.T, a, b json.RawMessage) bool {
	t.Helper()
	var x, y any
	if err := json.Unmarshal(a, &x); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &y); err != nil {
		t.Fatal(err)
	}
	return cmp.Equal(x, y)
}
