package ingest_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/plume-sp/plume/ingest"
	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/store/storetest"
)

// slowFirstEmbedder embeds like the local model, but takes its time over
// texts that say « lent »: the documents given first end their embedding
// last.
type slowFirstEmbedder struct{ *llm.LocalEmbedder }

func (e slowFirstEmbedder) Embed(ctx context.Context, texts []llm.Text) ([][]float32, error) {
	for _, t := range texts {
		if strings.Contains(t.String(), "lent") {
			time.Sleep(50 * time.Millisecond)
		}
	}
	return e.LocalEmbedder.Embed(ctx, texts)
}

// TestPipelineWritesInGivenOrder gives documents whose embedding ends in
// the reverse order: they are written in the order given all the same, so
// that the same files give the same ids (and the same ties in search), and
// of a document given twice the last one given wins.
func TestPipelineWritesInGivenOrder(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	local, _ := llm.NewLocalEmbedder(0)
	var docs []ingest.Document
	var want []string
	for i := range 8 {
		body := "Un texte rapide."
		if i < 4 {
			body = "Un texte lent."
		}
		id := fmt.Sprintf("D%d", i)
		docs = append(docs, ingest.Document{Source: "test", ExternalID: id, Title: "Fiche " + id,
			Blocks: []ingest.Block{{Text: body}}})
		want = append(want, id)
	}
	docs = append(docs, ingest.Document{Source: "test", ExternalID: "D0", Title: "Fiche D0 corrigée",
		Blocks: []ingest.Block{{Text: "Le texte donné en dernier."}}})
	p := ingest.NewPipeline(st, slowFirstEmbedder{local}, nil, ingest.Options{Workers: 4, SkipSemantic: true})
	if _, err := p.IngestDocuments(ctx, "upload", docs); err != nil {
		t.Fatal(err)
	}
	rows, err := st.Pool().Query(ctx, `SELECT external_id FROM documents ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		got = append(got, id)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("documents in id order (-given +stored):\n%s", diff)
	}
	var title string
	if err := st.Pool().QueryRow(ctx, `SELECT title FROM documents WHERE external_id = 'D0'`).Scan(&title); err != nil {
		t.Fatal(err)
	}
	if title != "Fiche D0 corrigée" {
		t.Errorf("D0 given twice: stored %q, want the last one given", title)
	}
}
