package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/plume-sp/plume/redact"
	"github.com/plume-sp/plume/store"
)

// TestMigrationNFCKeys: migration 0029 puts in NFC the document keys
// stored in another form before ingest.CheckDocument, but for a key whose
// NFC form is taken: a row holding it keeps it, and of two old rows that
// normalise to one key the one modified last takes it; nothing is
// deleted. Running it again changes nothing.
func TestMigrationNFCKeys(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := secondStore(t, emptySchema(t))
	if _, err := st.MigrateTo(ctx, 28); err != nil {
		t.Fatal(err)
	}
	rows := []struct{ source, id, age string }{
		{"dila", "cafe\u0301", "1 day"},                             // NFD, alone
		{"dila", "e\u0301lection", "1 day"},                         // NFD, its NFC form taken
		{"dila", "\u00e9lection", "2 days"},                         // NFC
		{"dila", "f\u00ea\u0301te", "1 day"},                        // neither NFC nor NFD
		{"dila", "fe\u0302\u0301te", "1 hour"},                      // NFD of the same, modified last
		{"fichier-re\u0301sume\u0301", "pre\u0301fecture", "1 day"}, // source and id NFD
		{"dila", "F1234", "1 day"},
	}
	for i, r := range rows {
		if _, err := st.Pool().Exec(ctx, `INSERT INTO documents (source, external_id, title, content_hash, modified_at)
			VALUES ($1, $2, $3, 'h', now() - $4::interval)`, r.source, r.id, fmt.Sprintf("Fiche %d", i+1), r.age); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{
		"Fiche 1 dila/caf\u00e9",
		"Fiche 2 dila/e\u0301lection",
		"Fiche 3 dila/\u00e9lection",
		"Fiche 4 dila/f\u00ea\u0301te",
		"Fiche 5 dila/f\u1ebfte",
		"Fiche 6 fichier-r\u00e9sum\u00e9/pr\u00e9fecture",
		"Fiche 7 dila/F1234",
	}
	for range 2 {
		if _, err := st.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, rowsAsJSON(t, st, "SELECT title || ' ' || source || '/' || external_id FROM documents ORDER BY title")); diff != "" {
			t.Errorf("document keys after migration (-want +got):\n%s", diff)
		}
		if _, err := st.Pool().Exec(ctx, "DELETE FROM schema_migrations WHERE version = 29"); err != nil {
			t.Fatal(err)
		}
	}
}

// TestMigrationPlaceholderTags: migration 0029 drops the feedback tags
// holding a placeholder of any redaction type, stored before such tags
// were refused, and keeps the others in their order.
// addedAfterTagCleanup are the types redact added after migration 29,
// which knows redact.Types() of its day: feedback tags come from a closed
// vocabulary since (rag.CheckFeedbackTags), so that no stored tag can hold
// their placeholders.
var addedAfterTagCleanup = map[redact.Type]bool{redact.ORIGINE: true}

func TestMigrationPlaceholderTags(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := secondStore(t, emptySchema(t))
	if _, err := st.MigrateTo(ctx, 28); err != nil {
		t.Fatal(err)
	}
	var typed []string
	for _, ty := range redact.Types() {
		if addedAfterTagCleanup[ty] {
			continue
		}
		typed = append(typed, "rappeler ["+string(ty)+"_12]")
	}
	tags := [][]string{
		{"clair", "rappeler [NOM_1]", "incomplet", "[TEL_2]"},
		append([]string{"utile"}, typed...),
		{"clair", "[NOM]", "[nom_1]", "trop long"},
		{},
	}
	want := [][]string{{"clair", "incomplet"}, {"utile"}, {"clair", "[NOM]", "[nom_1]", "trop long"}, {}}
	ids := make([]int64, len(tags))
	for i, tt := range tags {
		_, f := draftWithFeedback(t, st)
		if _, err := st.Pool().Exec(ctx, "UPDATE feedback SET tags = $1 WHERE id = $2", tt, f.ID); err != nil {
			t.Fatal(err)
		}
		ids[i] = f.ID
	}
	for range 2 {
		if _, err := st.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		got := make([][]string, len(ids))
		for i, id := range ids {
			if err := st.Pool().QueryRow(ctx, "SELECT tags FROM feedback WHERE id = $1", id).Scan(&got[i]); err != nil {
				t.Fatal(err)
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("tags after migration (-want +got):\n%s", diff)
		}
		if _, err := st.Pool().Exec(ctx, "DELETE FROM schema_migrations WHERE version = 29"); err != nil {
			t.Fatal(err)
		}
	}
}

// draftWithFeedback saves a draft and its feedback.
func draftWithFeedback(t *testing.T, st *store.Store) (store.Draft, store.Feedback) {
	t.Helper()
	ctx := context.Background()
	d := store.Draft{Channel: "email", Question: red(t, "Question ?"), Draft: "x"}
	if err := st.SaveDraft(ctx, &d); err != nil {
		t.Fatal(err)
	}
	f := store.Feedback{DraftID: d.ID, Outcome: store.OutcomeAccepted}
	if err := st.SaveFeedback(ctx, &f); err != nil {
		t.Fatal(err)
	}
	return d, f
}
