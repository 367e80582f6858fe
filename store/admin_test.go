package store_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
)

func TestListDocuments(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	for _, d := range []store.Document{
		{Source: "dila", ExternalID: "F1", Title: "Carte d'identité", Service: ""},
		{Source: "dila", ExternalID: "F2", Title: "Passeport", Service: "", Status: store.StatusDraft},
		{Source: "api", ExternalID: "caf-1", Title: "Prime d'activité 100%", Service: "caf"},
	} {
		d.ContentHash = "h"
		if err := st.SaveDocument(ctx, &d, nil); err != nil {
			t.Fatal(err)
		}
	}
	ids := func(p store.DocumentPage) []string {
		var out []string
		for _, d := range p.Documents {
			out = append(out, d.ExternalID)
		}
		return out
	}
	for _, tc := range []struct {
		name  string
		f     store.DocumentFilter
		want  []string
		total int64
	}{
		{"all", store.DocumentFilter{}, []string{"caf-1", "F2", "F1"}, 3},
		{"source", store.DocumentFilter{Source: "dila"}, []string{"F2", "F1"}, 2},
		{"service", store.DocumentFilter{Service: "caf"}, []string{"caf-1"}, 1},
		{"shared", store.DocumentFilter{ServiceSet: true}, []string{"F2", "F1"}, 2},
		{"status", store.DocumentFilter{Status: store.StatusDraft}, []string{"F2"}, 1},
		{"title", store.DocumentFilter{Title: "CARTE"}, []string{"F1"}, 1},
		{"title wildcard is literal", store.DocumentFilter{Title: "100%"}, []string{"caf-1"}, 1},
		{"page", store.DocumentFilter{Limit: 1, Offset: 1}, []string{"F2"}, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := st.ListDocuments(ctx, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, ids(p)); diff != "" || p.Total != tc.total {
				t.Errorf("ids (-want +got):\n%s total %d want %d", diff, p.Total, tc.total)
			}
		})
	}
	// Stale since a date: updated_at, or modified_at when it is unknown.
	old := time.Date(2020, 3, 1, 0, 0, 0, 0, time.UTC)
	if _, err := st.Pool().Exec(ctx, "UPDATE documents SET updated_at = $1 WHERE external_id = 'F1'", old); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Pool().Exec(ctx, "UPDATE documents SET updated_at = now(), modified_at = $1 WHERE external_id = 'F2'", old); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Pool().Exec(ctx, "UPDATE documents SET modified_at = $1 WHERE external_id = 'caf-1'", old.AddDate(0, 0, 1)); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		before time.Time
		want   []string
	}{
		{old, nil},
		{old.AddDate(0, 0, 1), []string{"F1"}},
		{old.AddDate(0, 0, 2), []string{"caf-1", "F1"}},
		{time.Now().Add(time.Hour), []string{"caf-1", "F2", "F1"}},
	} {
		p, err := st.ListDocuments(ctx, store.DocumentFilter{StaleBefore: tc.before})
		if err != nil {
			t.Fatal(err)
		}
		slices.Sort(tc.want)
		got := ids(p)
		slices.Sort(got)
		if diff := cmp.Diff(tc.want, got); diff != "" || p.Total != int64(len(tc.want)) {
			t.Errorf("stale before %s (-want +got):\n%s total %d", tc.before.Format(time.DateOnly), diff, p.Total)
		}
	}
	if _, err := st.ListDocuments(ctx, store.DocumentFilter{Status: "gone"}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("bad status: %v", err)
	}

	d, err := st.DocumentByKey(ctx, store.DocKey{Source: "dila", ExternalID: "F2"})
	if err != nil {
		t.Fatal(err)
	}
	d, err = st.SetDocumentStatus(ctx, d.ID, store.StatusArchived)
	if err != nil || d.Status != store.StatusArchived {
		t.Fatalf("SetDocumentStatus = %v, %v", d.Status, err)
	}
	if _, err := st.SetDocumentStatus(ctx, d.ID+1000, store.StatusPublished); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown document: %v", err)
	}
	if _, err := st.SetDocumentStatus(ctx, d.ID, "gone"); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("bad status: %v", err)
	}
	if _, err := st.DocumentByKey(ctx, store.DocKey{Source: "dila", ExternalID: "nope"}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("DocumentByKey unknown: %v", err)
	}
}

func TestStats(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	since := time.Now().Add(-time.Hour)
	save := func(channel, service, question string, reliable bool) string {
		t.Helper()
		d := store.Draft{Channel: channel, Service: service, Question: red(t, question), Draft: "x", Reliable: reliable}
		if err := st.SaveDraft(ctx, &d); err != nil {
			t.Fatal(err)
		}
		return d.ID
	}
	a := save("spp", "caf", "q1", true)
	b := save("email", "caf", "trou [NOM_1]", false)
	save("email", "caf", "trou [NOM_1]", false)
	c := save("spp", "ants", "q3", true)
	rating := func(n int) *int { return &n }
	for _, f := range []store.Feedback{
		{DraftID: a, Outcome: store.OutcomeAccepted, Rating: rating(5), Tags: reds(t, "clair")},
		{DraftID: b, Outcome: store.OutcomeEdited, Rating: rating(3), EditDistance: 0.5, Tags: reds(t, "clair", "trop long")},
		{DraftID: c, Outcome: store.OutcomeRejected, EditDistance: 1},
	} {
		if err := st.SaveFeedback(ctx, &f); err != nil {
			t.Fatal(err)
		}
	}
	// The feedback on a came the day after the drafts: the series is by
	// feedback day.
	tomorrow := time.Now().UTC().Add(24 * time.Hour)
	if _, err := st.Pool().Exec(ctx, "UPDATE feedback SET created_at = $2 WHERE draft_id = $1", a, tomorrow); err != nil {
		t.Fatal(err)
	}
	got, err := st.Stats(ctx, store.StatsFilter{Since: since, Service: "caf", ServiceSet: true})
	if err != nil {
		t.Fatal(err)
	}
	day := time.Now().UTC().Format("2006-01-02")
	four, three, five := 4.0, 3.0, 5.0
	want := store.Stats{Drafts: 3, NoReliable: 2,
		DraftsPerDay: []store.DayCount{{Day: day, Channel: "email", Drafts: 2}, {Day: day, Channel: "spp", Drafts: 1}},
		Feedback: store.FeedbackStats{Count: 2, Accepted: 1, Edited: 1, AcceptanceRate: 0.5, EditRate: 0.5,
			MeanEditDistance: 0.25, MeanRating: &four, Ratings: map[string]int64{"3": 1, "5": 1},
			Tags: map[string]int64{"clair": 2, "trop long": 1}},
		FeedbackPerDay: []store.FeedbackDay{
			{Day: day, Edited: 1, MeanRating: &three, MeanEditDistance: 0.5},
			{Day: tomorrow.Format("2006-01-02"), Accepted: 1, MeanRating: &five},
		},
		Gaps:            []store.Gap{{Question: "trou [NOM_1]", Count: 2}},
		AttentionPerDay: []store.LevelCount{{Day: day, Level: "routine", Drafts: 3}},
	}
	got.Gaps[0].Last = time.Time{}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Stats(caf) (-want +got):\n%s", diff)
	}
	all, err := st.Stats(ctx, store.StatsFilter{Since: since})
	if err != nil {
		t.Fatal(err)
	}
	if all.Drafts != 4 || all.Feedback.Rejected != 1 || all.Feedback.RejectRate != 1.0/3 {
		t.Errorf("Stats(all) = %+v", all)
	}
	wantToday := store.FeedbackDay{Day: day, Edited: 1, Rejected: 1, MeanRating: &three, MeanEditDistance: 0.75}
	if len(all.FeedbackPerDay) != 2 || !cmp.Equal(wantToday, all.FeedbackPerDay[0]) {
		t.Errorf("Stats(all).FeedbackPerDay = %+v, want first %+v", all.FeedbackPerDay, wantToday)
	}
	later, err := st.Stats(ctx, store.StatsFilter{Since: time.Now().Add(time.Hour)})
	if err != nil || later.Drafts != 0 || later.Feedback.MeanRating != nil || later.FeedbackPerDay == nil || len(later.FeedbackPerDay) != 0 {
		t.Errorf("Stats(future) = %+v, %v", later, err)
	}
}
