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

// monthStart returns the first instant of the month (UTC) months after t's.
func monthStart(t time.Time, months int) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month()+time.Month(months), 1, 0, 0, 0, 0, time.UTC)
}

// partitionOf names the partition of parent holding the month of t.
func partitionOf(parent string, t time.Time) string {
	return parent + "_" + t.UTC().Format("2006_01")
}

// rowsAsJSON returns the rows of a query, one JSON text each.
func rowsAsJSON(t *testing.T, st *store.Store, sql string) []string {
	t.Helper()
	rows, err := st.Pool().Query(context.Background(), sql)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestMigrationPartitionsDraftsInPlace: drafts, feedback and answers written
// by the schema before 0016 keep every value, each draft lands in its month's
// partition with its feedback, and the store works on them.
func TestMigrationPartitionsDraftsInPlace(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := secondStore(t, emptySchema(t))
	if _, err := st.MigrateTo(ctx, 15); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO drafts (id, created_at, channel, service, audience, question, draft, sources, attention_level)
		 VALUES ('d_old', now() - interval '70 days', 'email', 'caf', '{particulier}', 'Question [NOM_1] ?', 'Réponse.',
		         '[{"n": 1, "document_id": 3}]', 'attention'),
		        ('d_mid', now() - interval '35 days', 'spp', '', '{}', 'Autre question ?', 'Autre réponse.', '[]', 'routine'),
		        ('d_new', now(), 'email', 'ants', '{}', 'Dernière question ?', 'Dernière réponse.', '[]', 'urgent')`,
		`INSERT INTO feedback (draft_id, outcome, rating, final_text, tags)
		 VALUES ('d_old', 'rejected', 1, '', '{faux}'), ('d_old', 'edited', 4, 'Réponse corrigée.', '{}'),
		        ('d_new', 'accepted', 5, 'Dernière réponse.', '{}')`,
		// an answer to review, which the migrations keep as it is.
		`INSERT INTO answers (question, text, draft_id, status) VALUES ('Autre question ?', 'Réponse type.', 'd_mid', 'to_review')`,
	} {
		if _, err := st.Pool().Exec(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	draftsSQL := "SELECT to_jsonb(d)::text FROM drafts d ORDER BY id"
	feedbackSQL := "SELECT (to_jsonb(f) - 'draft_created_at')::text FROM feedback f ORDER BY id"
	answersSQL := "SELECT to_jsonb(a)::text FROM answers a ORDER BY id"
	drafts, feedback, answers := rowsAsJSON(t, st, draftsSQL), rowsAsJSON(t, st, feedbackSQL), rowsAsJSON(t, st, answersSQL)

	if n, err := st.MigrateTo(ctx, 16); err != nil || n == 0 {
		t.Fatalf("migrate: %d, %v", n, err)
	}
	for what, c := range map[string]struct {
		sql  string
		want []string
	}{"drafts": {draftsSQL, drafts}, "feedback": {feedbackSQL, feedback}, "answers": {answersSQL, answers}} {
		if diff := cmp.Diff(c.want, rowsAsJSON(t, st, c.sql)); diff != "" {
			t.Errorf("%s after the migration (-before +after):\n%s", what, diff)
		}
	}
	checkRowsInTheirMonths(t, st)

	// 0025 keeps one feedback per draft, the latest.
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(feedback[1:], rowsAsJSON(t, st, feedbackSQL)); diff != "" {
		t.Errorf("feedback after 0025 (-want +got):\n%s", diff)
	}

	// The store works on the rows moved: a lookup, and new feedback numbered
	// after the old.
	if d, err := st.GetDraft(ctx, "d_old"); err != nil || d.AttentionLevel != "attention" {
		t.Errorf("GetDraft(d_old) = %+v, %v", d, err)
	}
	f := store.Feedback{DraftID: "d_mid", Outcome: store.OutcomeAccepted}
	if err := st.SaveFeedback(ctx, &f); err != nil || f.ID != 4 {
		t.Errorf("new feedback: id %d, %v; want 4", f.ID, err)
	}
	checkRowsInTheirMonths(t, st)
}

// checkRowsInTheirMonths checks that every draft is in its month's
// partition, every feedback in its draft's month, and the default
// partitions empty.
func checkRowsInTheirMonths(t *testing.T, st *store.Store) {
	t.Helper()
	rows, err := st.Pool().Query(context.Background(), `SELECT d.tableoid::regclass::text, d.created_at, 'drafts' FROM drafts d
		UNION ALL
		SELECT f.tableoid::regclass::text, d.created_at, 'feedback' FROM feedback f JOIN drafts d ON d.id = f.draft_id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var partition, parent string
		var at time.Time
		if err := rows.Scan(&partition, &at, &parent); err != nil {
			t.Fatal(err)
		}
		if want := partitionOf(parent, at); partition != want {
			t.Errorf("a row of %s made %s is in %s, want %s", parent, at, partition, want)
		}
		n++
	}
	if n == 0 {
		t.Error("no drafts")
	}
}

// datedDraft stores a draft made at, with a feedback given now.
func datedDraft(t *testing.T, st *store.Store, at time.Time) string {
	t.Helper()
	ctx := context.Background()
	d := store.Draft{Channel: "email", Question: red(t, "Question [NOM_1] ?"), Draft: "Réponse.",
		CreatedAt: at.Truncate(time.Microsecond)}
	id, err := store.NewDraftID(d.CreatedAt)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.InsertDraft(ctx, id, &d); err != nil {
		t.Fatal(err)
	}
	d.ID = id
	if err := st.SaveFeedback(ctx, &store.Feedback{DraftID: d.ID, Outcome: store.OutcomeAccepted}); err != nil {
		t.Fatal(err)
	}
	return d.ID
}

// TestPurgeDropsWholeMonths: the months wholly before the cut-off go as
// partitions, drafts and feedback; in the month of the cut-off and in the
// default partition rows go one by one; an answer written from a purged
// draft loses the reference.
func TestPurgeDropsWholeMonths(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	now := time.Now()
	for _, m := range []int{-3, -1} { // each with the month after
		if _, err := st.EnsurePartitions(ctx, monthStart(now, m)); err != nil {
			t.Fatal(err)
		}
	}
	cutoff := monthStart(now, -1).Add(10 * 24 * time.Hour)
	old := datedDraft(t, st, monthStart(now, -3).Add(5*24*time.Hour))
	datedDraft(t, st, monthStart(now, -2).Add(time.Hour))
	datedDraft(t, st, monthStart(now, -1).Add(2*24*time.Hour))
	datedDraft(t, st, monthStart(now, -30)) // no partition: the default one
	kept := []string{datedDraft(t, st, cutoff.Add(time.Minute)), datedDraft(t, st, now)}
	answer := store.Answer{Question: red(t, "Question [NOM_1] ?"), Text: red(t, "Réponse type."), DraftID: &old}
	if err := st.CreateAnswer(ctx, &answer, store.AnswerWrite{}); err != nil {
		t.Fatal(err)
	}

	got, err := st.Purge(ctx, cutoff)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(store.PurgeReport{Drafts: 4, Feedback: 4, Months: 2}, got); diff != "" {
		t.Errorf("purge (-want +got):\n%s", diff)
	}
	left := rowsAsJSON(t, st, "SELECT to_json(d.id)::text FROM drafts d JOIN feedback f ON f.draft_id = d.id ORDER BY d.created_at")
	if diff := cmp.Diff([]string{`"` + kept[0] + `"`, `"` + kept[1] + `"`}, left); diff != "" {
		t.Errorf("drafts kept (-want +got):\n%s", diff)
	}
	for _, name := range []string{"drafts", "feedback"} {
		for m, exists := range map[int]bool{-3: false, -2: false, -1: true, 0: true, 1: true} {
			var found bool
			if err := st.Pool().QueryRow(ctx, "SELECT to_regclass($1) IS NOT NULL", partitionOf(name, monthStart(now, m))).Scan(&found); err != nil {
				t.Fatal(err)
			}
			if found != exists {
				t.Errorf("partition %s: exists %v, want %v", partitionOf(name, monthStart(now, m)), found, exists)
			}
		}
	}
	if a, err := st.GetAnswer(ctx, answer.ID); err != nil || a.DraftID != nil {
		t.Errorf("answer of a purged draft: draft %v, %v; want none", a.DraftID, err)
	}
	if got, err := st.Purge(ctx, cutoff); err != nil || got != (store.PurgeReport{}) {
		t.Errorf("second purge: %+v %v", got, err)
	}
}

// TestPurgeDropsMonthsLeftDetached: a month detached by a purge that
// stopped before dropping it is dropped by the next.
func TestPurgeDropsMonthsLeftDetached(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	month := monthStart(time.Now(), -40)
	if _, err := st.EnsurePartitions(ctx, month); err != nil {
		t.Fatal(err)
	}
	datedDraft(t, st, month)
	left := partitionOf("drafts", month)
	if _, err := st.Pool().Exec(ctx, "ALTER TABLE drafts DETACH PARTITION "+left); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Purge(ctx, time.Now().AddDate(-1, 0, 0)); err != nil {
		t.Fatal(err)
	}
	var found bool
	if err := st.Pool().QueryRow(ctx, "SELECT to_regclass($1) IS NOT NULL", left).Scan(&found); err != nil || found {
		t.Errorf("%s left detached: still there %v, %v", left, found, err)
	}
}

// TestEnsurePartitionsMovesWaitingRows: a draft made in a month without a
// partition waits in the default one, and moves, with its feedback, into
// the month's partition once it is added.
func TestEnsurePartitionsMovesWaitingRows(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	if n, err := st.EnsurePartitions(ctx, time.Now()); err != nil || n != 0 {
		t.Errorf("after Migrate: added %d months, %v; want 0", n, err)
	}
	later := monthStart(time.Now(), 4).Add(3 * time.Hour)
	id := datedDraft(t, st, later)
	where := func() []string {
		return rowsAsJSON(t, st, `SELECT to_json(tableoid::regclass::text)::text FROM drafts WHERE id = '`+id+`'
			UNION ALL SELECT to_json(tableoid::regclass::text)::text FROM feedback WHERE draft_id = '`+id+`'`)
	}
	if diff := cmp.Diff([]string{`"drafts_default"`, `"feedback_default"`}, where()); diff != "" {
		t.Errorf("before (-want +got):\n%s", diff)
	}
	if n, err := st.EnsurePartitions(ctx, later); err != nil || n != 2 {
		t.Fatalf("added %d months, %v; want 2", n, err)
	}
	want := []string{`"` + partitionOf("drafts", later) + `"`, `"` + partitionOf("feedback", later) + `"`}
	if diff := cmp.Diff(want, where()); diff != "" {
		t.Errorf("after (-want +got):\n%s", diff)
	}
	checkRowsInTheirMonths(t, st)
}

// TestSaveDraftTwiceKeepsOne: a save retried under the same id and time,
// after a first attempt that was committed, stores the draft once.
func TestSaveDraftTwiceKeepsOne(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	d := store.Draft{Channel: "email", Question: red(t, "Question ?"), Draft: "Réponse.",
		CreatedAt: time.Now().Truncate(time.Microsecond)}
	for range 2 {
		if err := st.InsertDraft(ctx, "d_twice", &d); err != nil {
			t.Fatal(err)
		}
	}
	var n int
	if err := st.Pool().QueryRow(ctx, "SELECT count(*) FROM drafts WHERE id = 'd_twice'").Scan(&n); err != nil || n != 1 {
		t.Errorf("%d rows, %v; want 1", n, err)
	}
}

// TestLookupsByDraftIDUseAnIndex: with the drafts partitioned, a draft and
// its feedback are still found by id through an index of each partition.
func TestLookupsByDraftIDUseAnIndex(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	for _, q := range []string{
		`INSERT INTO drafts (id, created_at, channel, question, draft)
		 SELECT 'd_' || i, now(), 'email', 'Question ' || i || ' ?', repeat('Réponse. ', 50) FROM generate_series(1, 3000) i`,
		`INSERT INTO feedback (draft_id, draft_created_at, outcome, final_text)
		 SELECT id, created_at, 'edited', draft FROM drafts`,
		"ANALYZE drafts", "ANALYZE feedback",
	} {
		if _, err := st.Pool().Exec(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	month := time.Now()
	for table, q := range map[string]string{
		partitionOf("drafts", month): "SELECT * FROM drafts WHERE id = 'd_1500'",
		partitionOf("feedback", month): `SELECT final_text FROM feedback WHERE draft_id = 'd_1500' AND final_text <> ''
			AND outcome <> 'rejected' ORDER BY created_at DESC, id DESC LIMIT 1`,
	} {
		var plan []byte
		if err := st.Pool().QueryRow(ctx, "EXPLAIN (FORMAT JSON) "+q).Scan(&plan); err != nil {
			t.Fatal(err)
		}
		var root []struct{ Plan planNode }
		if err := json.Unmarshal(plan, &root); err != nil || len(root) != 1 {
			t.Fatalf("plan %s: %v", plan, err)
		}
		if got := root[0].Plan.scanOf(table); got != "Index Scan" && got != "Index Only Scan" {
			t.Errorf("%s reads %s by %q, want an index scan:\n%s", q, table, got, plan)
		}
	}
}

// planNode is a node of an EXPLAIN (FORMAT JSON) plan.
type planNode struct {
	NodeType string     `json:"Node Type"`
	Relation string     `json:"Relation Name"`
	Plans    []planNode `json:"Plans"`
}

// scanOf returns the type of the node that reads relation, "" if none does.
func (n planNode) scanOf(relation string) string {
	if n.Relation == relation {
		return n.NodeType
	}
	for _, c := range n.Plans {
		if s := c.scanOf(relation); s != "" {
			return s
		}
	}
	return ""
}
