package store_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
)

func TestDraftsAndFeedback(t *testing.T) {
	ctx := context.Background()
	st := storetest.NewStore(t)
	d := store.Draft{Channel: "email", Question: "Bonjour, je suis [NOM_1]", Draft: "Madame [NOM_1], …",
		Sources: json.RawMessage(`[{"n":1,"doc_id":"F1"}]`), Warnings: []string{"uncited"},
		RedactionCounts: map[string]int{"NOM": 1}, Timings: map[string]float64{"search_ms": 3.5}, PromptTokens: 12}
	if err := st.SaveDraft(ctx, &d); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(d.ID, "d_") || len(d.ID) != 26 {
		t.Errorf("draft id %q", d.ID)
	}
	got, err := st.GetDraft(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(d, got, cmpopts.EquateEmpty(), cmpopts.IgnoreFields(store.Draft{}, "CreatedAt", "Sources")); diff != "" {
		t.Errorf("GetDraft (-want +got):\n%s", diff)
	}
	if _, err := st.GetDraft(ctx, "d_unknown"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("GetDraft(unknown) = %v, want ErrNotFound", err)
	}

	four := 4
	f := store.Feedback{DraftID: d.ID, FinalText: "Madame [NOM_1], …", Outcome: store.OutcomeEdited, Rating: &four,
		Tags: []string{"clair"}, EditDistance: 0.1}
	if err := st.SaveFeedback(ctx, &f); err != nil {
		t.Fatal(err)
	}
	if f.ID == 0 {
		t.Error("feedback id not set")
	}
	bad := []store.Feedback{
		{DraftID: d.ID, Outcome: "perhaps"},
		{DraftID: d.ID, Outcome: store.OutcomeAccepted, Rating: new(int)},
	}
	for _, b := range bad {
		if err := st.SaveFeedback(ctx, &b); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("SaveFeedback(%+v) = %v, want ErrInvalid", b, err)
		}
	}
	if err := st.SaveFeedback(ctx, &store.Feedback{DraftID: "d_none", Outcome: store.OutcomeAccepted}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("feedback on unknown draft = %v, want ErrNotFound", err)
	}
	if err := st.SaveDraft(ctx, &store.Draft{Channel: "email"}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("SaveDraft without question = %v, want ErrInvalid", err)
	}
}
