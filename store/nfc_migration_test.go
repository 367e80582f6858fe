package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/plume-sp/plume/store"
)

// nfdDocument is a document whose title, description, tags and audiences
// are in NFD (combining accents), and a tag twice, in NFD and NFC.
func nfdDocument(id string) store.Document {
	return store.Document{Source: "dila", ExternalID: id, Title: "Fe\u0302te de la musique et se\u0301curite\u0301",
		Description: "Une fe\u0302te", Tags: []string{"e\u0301te\u0301", "caf\u00e9", "cafe\u0301"},
		Audience: []string{"e\u0301tudiant", "salarie\u0301"}, ContentHash: "h"}
}

// nfcFields are what nfdDocument's fields are in NFC.
var nfcFields = []string{
	"{\"title\" : \"F\u00eate de la musique et s\u00e9curit\u00e9\", \"description\" : \"Une f\u00eate\", " +
		"\"tags\" : [\"\u00e9t\u00e9\",\"caf\u00e9\"], \"audience\" : [\"\u00e9tudiant\",\"salari\u00e9\"]}",
}

// documentFields returns a document's title, description, tags and
// audiences as JSON.
func documentFields(t *testing.T, st *store.Store, id int64) []string {
	t.Helper()
	return rowsAsJSON(t, st, `SELECT json_build_object('title', title, 'description', description, 'tags', tags,
		'audience', audience)::text FROM documents WHERE id = `+fmt.Sprint(id))
}

// TestSaveDocumentNFC: a document written with its title, description,
// tags and audiences in NFD is stored in NFC, and found by a filter typed
// in NFC.
func TestSaveDocumentNFC(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := secondStore(t, emptySchema(t))
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	d := nfdDocument("F1")
	if err := st.SaveDocument(ctx, &d, []store.Chunk{{Ordinal: 0, Text: "Le 21 juin."}}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(nfcFields, documentFields(t, st, d.ID)); diff != "" {
		t.Errorf("stored fields (-want +got):\n%s", diff)
	}
	if got := rowsAsJSON(t, st, "SELECT title FROM chunks"); !cmp.Equal(got, []string{"F\u00eate de la musique et s\u00e9curit\u00e9"}) {
		t.Errorf("chunk titles = %q, want NFC", got)
	}
	ids, err := st.AdmittedDocuments(ctx, store.SearchFilter{Audience: []string{"\u00e9tudiant"}, Tags: []string{"caf\u00e9"}}, []int64{d.ID})
	if err != nil || len(ids) != 1 {
		t.Errorf("filter typed in NFC admits %v (%v), want the document", ids, err)
	}
}

// TestMigrationNFCTitlesLabels: migration 0031 puts in NFC the titles,
// descriptions, tags and audiences of documents, the audiences of drafts
// and the tags of feedback stored in NFD; a document whose title changes
// gets the chunk titles (so full-text vectors) and postings of the same
// document saved in NFC. Running it again changes nothing.
func TestMigrationNFCTitlesLabels(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := secondStore(t, emptySchema(t))
	if _, err := st.MigrateTo(ctx, 30); err != nil {
		t.Fatal(err)
	}
	chunks := []store.Chunk{{Ordinal: 0, Heading: "Date", Text: "La fête a lieu le 21 juin, partout."}}
	twin, old := nfdDocument("F1"), nfdDocument("F2")
	savedBeforeServiceKeys(t, st, func() {
		for _, d := range []*store.Document{&twin, &old} {
			if err := st.SaveDocument(ctx, d, chunks); err != nil {
				t.Fatal(err)
			}
		}
	})
	nfd := nfdDocument("")
	d, f := draftWithFeedback(t, st)
	// The rows as written before: NFD, the postings of the NFD title.
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{"UPDATE documents SET title = $2, description = $3, tags = $4, audience = $5 WHERE id = $1",
			[]any{old.ID, nfd.Title, nfd.Description, nfd.Tags, nfd.Audience}},
		{"UPDATE chunks SET title = $2 WHERE document_id = $1", []any{old.ID, nfd.Title}},
		{"UPDATE document_terms SET tf_title = 0 WHERE document_id = $1", []any{old.ID}},
		{"UPDATE documents SET term_count = 0, title_terms = 0 WHERE id = $1", []any{old.ID}},
		{"UPDATE drafts SET audience = $2 WHERE id = $1", []any{d.ID, nfd.Audience}},
		{"UPDATE feedback SET tags = $2 WHERE id = $1", []any{f.ID, nfd.Tags}},
	} {
		if _, err := st.Pool().Exec(ctx, q.sql, q.args...); err != nil {
			t.Fatal(err)
		}
	}
	terms := func(id int64) []string {
		return rowsAsJSON(t, st, `SELECT json_build_object('lexeme', t.lexeme, 'tf_title', t.tf_title, 'tf_body', t.tf_body,
			'doc_terms', t.doc_terms, 'term_count', d.term_count, 'title_terms', d.title_terms)::text
			FROM document_terms t JOIN documents d ON d.id = t.document_id WHERE d.id = `+fmt.Sprint(id)+` ORDER BY t.lexeme`)
	}
	tsv := "SELECT c.tsv::text FROM chunks c WHERE c.document_id = "
	for range 2 {
		if _, err := st.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(nfcFields, documentFields(t, st, old.ID)); diff != "" {
			t.Errorf("document fields (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(terms(twin.ID), terms(old.ID)); diff != "" {
			t.Errorf("postings (-saved in NFC +migrated):\n%s", diff)
		}
		if diff := cmp.Diff(rowsAsJSON(t, st, tsv+fmt.Sprint(twin.ID)), rowsAsJSON(t, st, tsv+fmt.Sprint(old.ID))); diff != "" {
			t.Errorf("chunk vectors (-saved in NFC +migrated):\n%s", diff)
		}
		labels := rowsAsJSON(t, st, "SELECT audience::text FROM drafts UNION ALL SELECT tags::text FROM feedback")
		if diff := cmp.Diff([]string{"{\u00e9tudiant,salari\u00e9}", "{\u00e9t\u00e9,caf\u00e9}"}, labels); diff != "" {
			t.Errorf("draft audiences and feedback tags (-want +got):\n%s", diff)
		}
		if _, err := st.Pool().Exec(ctx, "DELETE FROM schema_migrations WHERE version = 31"); err != nil {
			t.Fatal(err)
		}
	}
}
