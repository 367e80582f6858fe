package ingest_test

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plume-sp/plume/ingest"
	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
)

// TestPipelineNormalizesServices: a service a file gives as free text
// (« France Travail ») is stored normalised; one that is no identifier
// even then fails its file only (a Markdown file, a JSONL line), reported
// with its path, and the other files land.
func TestPipelineNormalizesServices(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	embedder, _ := llm.NewLocalEmbedder(0)
	dir := t.TempDir()
	withService := func(id, service string) string {
		return markdownFiche(id, "Fiche "+id, service, "## Texte\nLa démarche se fait en ligne.\n")
	}
	writeFile(t, filepath.Join(dir, "ft.md"), withService("ft", "France Travail"))
	writeFile(t, filepath.Join(dir, "bad.md"), withService("bad", "caf/paris"))
	writeFile(t, filepath.Join(dir, "ok.md"), guide("ok", "Passeport", "Toute personne qui voyage."))
	writeFile(t, filepath.Join(dir, "lines.jsonl"), `{"id": "J1", "text": "Le RSA.", "service": " Caisse  d'allocations "}`+"\n"+
		`{"id": "J2", "text": "L'APL.", "service": "CAF"}`+"\n")
	r, err := ingest.NewPipeline(st, embedder, nil, ingest.Options{}).IngestPaths(ctx, []string{dir})
	if err != nil {
		t.Fatalf("ingest: %v", err)
	}
	var failed []string
	for _, f := range r.Failed {
		failed = append(failed, filepath.Base(f.Path))
		if !errors.Is(f.Err, store.ErrInvalid) || !strings.Contains(f.Err.Error(), "service") {
			t.Errorf("%s: %v, want an invalid service", f.Path, f.Err)
		}
	}
	slices.Sort(failed)
	if diff := cmp.Diff([]string{"bad.md", "lines.jsonl"}, failed); diff != "" {
		t.Errorf("failed files (-want +got):\n%s", diff)
	}
	got := map[string]string{}
	for _, k := range r.Stored {
		d, err := st.DocumentByKey(ctx, k)
		if err != nil {
			t.Fatal(err)
		}
		got[k.ExternalID] = d.Service
	}
	want := map[string]string{"ft": "france-travail", "ok": "", "J2": "caf"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("stored services (-want +got):\n%s", diff)
	}
}
