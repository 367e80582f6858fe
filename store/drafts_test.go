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
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	d := store.Draft{Channel: "email", Question: red(t, "Bonjour, je suis [NOM_1]"), Draft: "Madame [NOM_1], …",
		Sources: json.RawMessage(`[{"n":1,"doc_id":"F1"}]`), Warnings: []string{"uncited"},
		RedactionCounts: map[string]int{"NOM": 1}, Timings: map[string]float64{"search_ms": 3.5}, PromptTokens: 12}
	if err := st.SaveDraft(ctx, &d); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(d.ID, "d_") || !datedID.MatchString(d.ID) {
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
	f := store.Feedback{DraftID: d.ID, FinalText: red(t, "Madame [NOM_1], …"), Outcome: store.OutcomeEdited, Rating: &four,
		Tags: reds(t, "clair"), EditDistance: 0.1}
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

func TestListDrafts(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	one, two := int64(1), int64(2)
	long := "Madame [NOM_1],\n\n" + strings.Repeat("Votre demande de changement d'adresse est enregistrée. ", 5)
	save := func(key *int64, service, text string, warnings ...string) string {
		t.Helper()
		d := store.Draft{Channel: "email", Service: service, APIKeyID: key, Question: red(t, "q"), Draft: text, Warnings: warnings,
			Reliable: len(warnings) == 0}
		if err := st.SaveDraft(ctx, &d); err != nil {
			t.Fatal(err)
		}
		return d.ID
	}
	a := save(&one, "caf", long)
	b := save(&one, "", "Bonjour,\n  court.", "no_reliable_source")
	c := save(&two, "caf", "Autre clé.")
	d := save(nil, "ants", "Ligne de commande.")
	ids := func(p store.DraftPage) []string {
		var out []string
		for _, d := range p.Drafts {
			out = append(out, d.ID)
		}
		return out
	}
	for _, tc := range []struct {
		name  string
		f     store.DraftFilter
		want  []string
		total int64
	}{
		{"all", store.DraftFilter{}, []string{d, c, b, a}, 4},
		{"key", store.DraftFilter{APIKeyID: &one}, []string{b, a}, 2},
		{"service", store.DraftFilter{Service: "caf", ServiceSet: true}, []string{c, a}, 2},
		{"key and service", store.DraftFilter{APIKeyID: &one, Service: "caf", ServiceSet: true}, []string{a}, 1},
		{"shared", store.DraftFilter{ServiceSet: true}, []string{b}, 1},
		{"page", store.DraftFilter{Limit: 1, Offset: 1}, []string{c}, 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := st.ListDrafts(ctx, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, ids(p)); diff != "" || p.Total != tc.total {
				t.Errorf("ids (-want +got):\n%s total %d want %d", diff, p.Total, tc.total)
			}
		})
	}
	p, err := st.ListDrafts(ctx, store.DraftFilter{APIKeyID: &one})
	if err != nil {
		t.Fatal(err)
	}
	short, cut := p.Drafts[0], p.Drafts[1]
	if diff := cmp.Diff(store.DraftSummary{ID: b, CreatedAt: short.CreatedAt, Channel: "email", APIKeyID: &one,
		Warnings: []string{"no_reliable_source"}, AttentionLevel: "routine", Excerpt: "Bonjour, court."}, short); diff != "" {
		t.Errorf("short draft (-want +got):\n%s", diff)
	}
	if r := []rune(cut.Excerpt); len(r) != store.ExcerptRunes+1 || r[len(r)-1] != '…' ||
		!strings.HasPrefix(cut.Excerpt, "Madame [NOM_1], Votre demande") || !cut.Reliable {
		t.Errorf("long draft excerpt %q (%d characters)", cut.Excerpt, len(r))
	}
	for _, f := range []store.DraftFilter{{Limit: 101}, {Offset: -1}} {
		if _, err := st.ListDrafts(ctx, f); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("ListDrafts(%+v) = %v, want ErrInvalid", f, err)
		}
	}
}
