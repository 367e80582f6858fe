package store_test

import (
	"context"
	"encoding/json"
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
)

// datedID is the form of the ids SaveDraft gives: the day of creation
// (UTC), then 120 random bits.
var datedID = regexp.MustCompile(`^d_(\d{8})_[a-z2-7]{24}$`)

// TestDraftIDsCarryTheirDay: a saved draft's id gives the UTC day of its
// creation time, and two ids made at the same instant differ.
func TestDraftIDsCarryTheirDay(t *testing.T) {
	t.Parallel()
	st := storetest.NewStore(t)
	d := store.Draft{Channel: "email", Question: red(t, "Question ?"), Draft: "Réponse."}
	if err := st.SaveDraft(t.Context(), &d); err != nil {
		t.Fatal(err)
	}
	m := datedID.FindStringSubmatch(d.ID)
	if m == nil || m[1] != d.CreatedAt.UTC().Format("20060102") {
		t.Errorf("draft id %q for a draft made at %s", d.ID, d.CreatedAt.UTC())
	}
	// The day is UTC's, as the partitions' months: half past midnight on
	// New Year's Day in Paris is still the 31st of December.
	at := time.Date(2027, 1, 1, 0, 30, 0, 0, time.FixedZone("Paris", 3600))
	a, errA := store.NewDraftID(at)
	b, errB := store.NewDraftID(at)
	if errA != nil || errB != nil || a == b || !strings.HasPrefix(a, "d_20261231_") || !datedID.MatchString(b) {
		t.Errorf("ids %q and %q (%v, %v) for %s", a, b, errA, errB, at)
	}
}

// TestOldDraftIDsStillResolve: drafts saved before ids carried their day
// (and ids that merely look dated) are found by id, with their feedback,
// in whichever month they sit; a dated id whose day is not its draft's
// finds nothing.
func TestOldDraftIDsStillResolve(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	twoMonthsAgo := monthStart(time.Now(), -2).Add(36 * time.Hour)
	if _, err := st.EnsurePartitions(ctx, twoMonthsAgo); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		id string
		at time.Time
	}{
		{"d_" + strings.Repeat("a", 24), time.Now()},
		{"d_" + strings.Repeat("b", 24), twoMonthsAgo},
		{"d_nosuchday_x", twoMonthsAgo}, // looks dated: its "day" does not parse
		{"d_20261399_x", twoMonthsAgo},  // nor does this one
	} {
		d := store.Draft{Channel: "email", Question: red(t, "Question ?"), Draft: "Réponse " + c.id,
			CreatedAt: c.at.Truncate(time.Microsecond)}
		if err := st.InsertDraft(ctx, c.id, &d); err != nil {
			t.Fatal(err)
		}
		got, err := st.GetDraft(ctx, c.id)
		if err != nil || got.Draft != d.Draft || !got.CreatedAt.Equal(d.CreatedAt) {
			t.Errorf("GetDraft(%s) = %q at %s, %v", c.id, got.Draft, got.CreatedAt, err)
		}
		f := store.Feedback{DraftID: c.id, Outcome: store.OutcomeEdited, FinalText: red(t, "Envoyé "+c.id)}
		if err := st.SaveFeedback(ctx, &f); err != nil {
			t.Errorf("SaveFeedback(%s): %v", c.id, err)
		}
		if final, rejected, err := st.FinalText(ctx, c.id); err != nil || final != "Envoyé "+c.id || rejected {
			t.Errorf("FinalText(%s) = %q, %v, %v", c.id, final, rejected, err)
		}
	}
	// A dated id made the day before its draft: the wrong month is read.
	d := store.Draft{Channel: "email", Question: red(t, "Question ?"), Draft: "Réponse.", CreatedAt: twoMonthsAgo}
	id, err := store.NewDraftID(twoMonthsAgo.AddDate(0, -1, 0))
	if err != nil {
		t.Fatal(err)
	}
	if err := st.InsertDraft(ctx, id, &d); err != nil {
		t.Fatal(err)
	}
	if _, err := st.GetDraft(ctx, id); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("GetDraft of an id dated a month before its draft: %v, want ErrNotFound", err)
	}
}

// TestDatedIDsReadOnePartition: the lookup of a dated id plans a read of
// its month's partition alone, that of an older id a read of every
// partition.
func TestDatedIDsReadOnePartition(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	lastMonth := monthStart(time.Now(), -1).Add(time.Hour)
	if _, err := st.EnsurePartitions(ctx, monthStart(time.Now(), -3)); err != nil {
		t.Fatal(err)
	}
	if _, err := st.EnsurePartitions(ctx, lastMonth); err != nil {
		t.Fatal(err)
	}
	dated, err := store.NewDraftID(lastMonth)
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string][]string{
		dated:                          {partitionOf("drafts", lastMonth)},
		"d_" + strings.Repeat("c", 24): nil, // every partition
	} {
		var plan []byte
		if err := st.Pool().QueryRow(ctx, "EXPLAIN (FORMAT JSON) "+store.DraftByIDSQL(id), id).Scan(&plan); err != nil {
			t.Fatal(err)
		}
		var root []struct{ Plan planNode }
		if err := json.Unmarshal(plan, &root); err != nil || len(root) != 1 {
			t.Fatalf("plan %s: %v", plan, err)
		}
		got := root[0].Plan.relations()
		if want == nil && len(got) < 6 || want != nil && !slices.Equal(got, want) {
			t.Errorf("lookup of %s reads %v, want %v", id, got, want)
		}
	}
}

// relations lists the relations a plan reads, sorted.
func (n planNode) relations() []string {
	var out []string
	if n.Relation != "" {
		out = append(out, n.Relation)
	}
	for _, c := range n.Plans {
		out = append(out, c.relations()...)
	}
	slices.Sort(out)
	return out
}

// TestImpossibleDraftDays: an id dated a day no draft was made on (year
// 0000, which PostgreSQL refuses; 9999-12, whose next month has five
// digits) finds nothing instead of failing.
func TestImpossibleDraftDays(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	for _, id := range []string{"d_00000101_" + strings.Repeat("a", 24), "d_99991231_" + strings.Repeat("a", 24),
		"d_19991231_" + strings.Repeat("a", 24)} {
		if _, err := st.GetDraft(ctx, id); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("GetDraft(%s): %v, want ErrNotFound", id, err)
		}
		f := store.Feedback{DraftID: id, Outcome: store.OutcomeEdited, FinalText: red(t, "Envoyé")}
		if err := st.SaveFeedback(ctx, &f); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("SaveFeedback(%s): %v, want ErrNotFound", id, err)
		}
		if _, _, err := st.FinalText(ctx, id); err != nil && !errors.Is(err, store.ErrNotFound) {
			t.Errorf("FinalText(%s): %v", id, err)
		}
	}
}
