package ingest_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plume-sp/plume/ingest"
	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
)

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func guide(id, title, body string) string {
	return markdownFiche(id, title, "", "## Qui est concerné ?\n"+body+"\n")
}

// markdownFiche is a Markdown file with front matter: its id, title and,
// unless empty, its service, then body.
func markdownFiche(id, title, service, body string) string {
	front := "---\nid: " + id + "\ntitle: " + title + "\n"
	if service != "" {
		front += "service: " + service + "\n"
	}
	return front + "---\n" + body
}

// counts is the part of a report the tests compare.
type counts struct {
	Files, Documents, Added, Updated, Unchanged, Pruned, Failed int
}

func countsOf(r ingest.Report) counts {
	return counts{r.Files, r.Documents, r.Added, r.Updated, r.Unchanged, r.Pruned, len(r.Failed)}
}

func TestPipelineIsIncremental(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	embedder, _ := llm.NewLocalEmbedder(0)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.md"), guide("a", "Carte d'identité", "Toute personne de nationalité française."))
	writeFile(t, filepath.Join(dir, "sous", "b.md"), guide("b", "Passeport", "Toute personne qui voyage."))
	writeFile(t, filepath.Join(dir, "c.jsonl"), `{"id": "F1", "title": "RSA", "text": "Le RSA est versé par la Caf."}`+"\n"+
		`{"id": "F2", "title": "APL", "text": "L'aide au logement."}`+"\n")
	ingestDir := func(prune bool) ingest.Report {
		t.Helper()
		r, err := ingest.NewPipeline(st, embedder, nil, ingest.Options{Prune: prune}).IngestPaths(ctx, []string{dir})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	steps := []struct {
		name   string
		change func()
		prune  bool
		want   counts
	}{
		{"first", func() {}, false, counts{Files: 3, Documents: 4, Added: 4}},
		{"again, nothing changed", func() {}, false, counts{Files: 3, Documents: 4, Unchanged: 4}},
		{"one document edited", func() {
			writeFile(t, filepath.Join(dir, "a.md"), guide("a", "Carte d'identité", "Toute personne, même mineure."))
		}, false, counts{Files: 3, Documents: 4, Updated: 1, Unchanged: 3}},
		{"one line removed, without prune", func() {
			writeFile(t, filepath.Join(dir, "c.jsonl"), `{"id": "F1", "title": "RSA", "text": "Le RSA est versé par la Caf."}`+"\n")
		}, false, counts{Files: 3, Documents: 3, Unchanged: 3}},
		{"with prune", func() {}, true, counts{Files: 3, Documents: 3, Unchanged: 3, Pruned: 1}},
		{"a bad file is skipped and loses nothing", func() {
			writeFile(t, filepath.Join(dir, "sous", "b.md"), guide("b", "Passeport", "Toute personne qui voyage loin."))
			writeFile(t, filepath.Join(dir, "c.jsonl"), "{not json\n")
		}, true, counts{Files: 3, Documents: 2, Updated: 1, Unchanged: 1, Failed: 1}},
		{"a file deleted", func() {
			if err := os.Remove(filepath.Join(dir, "sous", "b.md")); err != nil {
				t.Fatal(err)
			}
		}, true, counts{Files: 2, Documents: 1, Unchanged: 1, Pruned: 1, Failed: 1}},
	}
	for _, step := range steps {
		step.change()
		got := countsOf(ingestDir(step.prune))
		if diff := cmp.Diff(step.want, got); diff != "" {
			t.Fatalf("%s (-want +got):\n%s", step.name, diff)
		}
	}
	// F1 survived the broken JSONL file: bad input loses nothing.
	states, err := st.DocumentStates(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range states {
		keys = append(keys, k.Source+"/"+k.ExternalID)
	}
	if len(keys) != 2 || states[store.DocKey{Source: "jsonl", ExternalID: "F1"}].ID == 0 {
		t.Errorf("stored documents %v, want a and F1", keys)
	}
}

func TestPipelineStoresChunksWithVectors(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	embedder, _ := llm.NewLocalEmbedder(0)
	dir := t.TempDir()
	body := strings.Repeat("La demande se fait en ligne sur le site officiel. ", 80)
	writeFile(t, filepath.Join(dir, "long.md"), guide("long", "Démarche longue", body))
	r, err := ingest.NewPipeline(st, embedder, nil, ingest.Options{}).IngestPaths(ctx, []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if r.Chunks < 2 {
		t.Fatalf("%d chunks for a %d-byte document, want several", r.Chunks, len(body))
	}
	states, _ := st.DocumentStates(ctx)
	chunks, err := st.Chunks(ctx, states[store.DocKey{Source: "markdown", ExternalID: "long"}].ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range chunks {
		if c.EmbedModel != embedder.Model() || c.Heading != "Qui est concerné ?" || c.Title != "Démarche longue" {
			t.Errorf("chunk %d: model %q heading %q title %q", c.Ordinal, c.EmbedModel, c.Heading, c.Title)
		}
	}
	models, _ := st.EmbedModels(ctx)
	if len(models) != 1 || models[0].Chunks != int64(len(chunks)) {
		t.Errorf("embed models %+v, want one with %d chunks", models, len(chunks))
	}
}

// otherEmbedder is a second local model, as a remote model would be.
type otherEmbedder struct{ *llm.LocalEmbedder }

func (otherEmbedder) Model() string { return "local:other" }

func TestModelChangeNeedsReembed(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	first, _ := llm.NewLocalEmbedder(0)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.md"), guide("a", "Carte d'identité", "Toute personne de nationalité française."))
	if _, err := ingest.NewPipeline(st, first, nil, ingest.Options{}).IngestPaths(ctx, []string{dir}); err != nil {
		t.Fatal(err)
	}
	small, _ := llm.NewLocalEmbedder(64)
	second := otherEmbedder{small}
	_, err := ingest.NewPipeline(st, second, nil, ingest.Options{}).IngestPaths(ctx, []string{dir})
	if !errors.Is(err, ingest.ErrModelMismatch) {
		t.Fatalf("ingest with another model: %v, want ErrModelMismatch", err)
	}
	// A re-embed moves the vectors version once (each move makes every
	// process read its chunk index again), whatever its batches; none when
	// it has nothing to do. It never moves the corpus version: the text
	// did not change.
	for _, step := range []struct{ chunks, move int }{{1, 1}, {0, 0}} {
		corpus, before := storetest.CorpusVersion(t, st), storetest.VectorsVersion(t, st)
		n, err := ingest.Reembed(ctx, st, second, nil, nil)
		if err != nil || n != step.chunks {
			t.Fatalf("Reembed = %d, %v; want %d chunks", n, err, step.chunks)
		}
		if moved := storetest.VectorsVersion(t, st) - before; moved != int64(step.move) {
			t.Errorf("Reembed of %d chunks moved the vectors version by %d, want %d", step.chunks, moved, step.move)
		}
		if moved := storetest.CorpusVersion(t, st) - corpus; moved != 0 {
			t.Errorf("Reembed of %d chunks moved the corpus version by %d, want 0", step.chunks, moved)
		}
	}
	models, _ := st.EmbedModels(ctx)
	if diff := cmp.Diff([]store.EmbedModel{{Model: "local:other", Dim: 64, Chunks: 1}}, models); diff != "" {
		t.Errorf("models after reembed (-want +got):\n%s", diff)
	}
	// Now the new model ingests; the old one is refused.
	if _, err := ingest.NewPipeline(st, second, nil, ingest.Options{}).IngestPaths(ctx, []string{dir}); err != nil {
		t.Errorf("ingest with the new model after reembed: %v", err)
	}
	if _, err := ingest.NewPipeline(st, first, nil, ingest.Options{}).IngestPaths(ctx, []string{dir}); !errors.Is(err, ingest.ErrModelMismatch) {
		t.Errorf("ingest with the old model after reembed: %v, want ErrModelMismatch", err)
	}
}

// TestPipelineSameDocumentInTwoFiles gives the same fiche in two files: the
// first file in walk order wins, the copy is reported, and re-ingesting
// rewrites nothing, whether the copies agree or not.
func TestPipelineSameDocumentInTwoFiles(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	embedder, _ := llm.NewLocalEmbedder(0)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a", "cni.md"), guide("cni", "Carte d'identité", "Toute personne de nationalité française."))
	writeFile(t, filepath.Join(dir, "b", "cni.md"), guide("cni", "Carte d'identité", "Toute personne de nationalité française."))
	ingestDir := func() ingest.Report {
		t.Helper()
		r, err := ingest.NewPipeline(st, embedder, nil, ingest.Options{}).IngestPaths(ctx, []string{dir})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	check := func(step string, want counts, duplicates int) {
		t.Helper()
		r := ingestDir()
		if diff := cmp.Diff(want, countsOf(r)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", step, diff)
		}
		if len(r.Duplicates) != duplicates {
			t.Errorf("%s: duplicates %v, want %d", step, r.Duplicates, duplicates)
		} else if duplicates > 0 && (!strings.HasSuffix(r.Duplicates[0].Path, filepath.Join("b", "cni.md")) ||
			!strings.Contains(r.Duplicates[0].Err.Error(), filepath.Join("a", "cni.md"))) {
			t.Errorf("%s: duplicate %v, want b/cni.md named as a copy of a/cni.md", step, r.Duplicates[0])
		}
		if !strings.Contains(r.String(), fmt.Sprintf("%d duplicates skipped", duplicates)) && duplicates > 0 {
			t.Errorf("%s: summary %q does not count the duplicates", step, r.String())
		}
	}
	check("first", counts{Files: 2, Documents: 1, Added: 1}, 1)
	check("again", counts{Files: 2, Documents: 1, Unchanged: 1}, 1)
	check("and again", counts{Files: 2, Documents: 1, Unchanged: 1}, 1)
	writeFile(t, filepath.Join(dir, "b", "cni.md"), guide("cni", "Carte d'identité", "Une autre version."))
	check("copies differ", counts{Files: 2, Documents: 1, Unchanged: 1}, 1)
	check("copies differ, again", counts{Files: 2, Documents: 1, Unchanged: 1}, 1)
	if err := os.RemoveAll(filepath.Join(dir, "a")); err != nil {
		t.Fatal(err)
	}
	check("the first file removed", counts{Files: 1, Documents: 1, Updated: 1}, 0)
	check("then stable", counts{Files: 1, Documents: 1, Unchanged: 1}, 0)
}

// TestPipelineReportsDecodingWarnings ingests a UTF-8 file with one bad
// byte: it is read as UTF-8 (the bad byte becomes U+FFFD) and the report
// names the file.
func TestPipelineReportsDecodingWarnings(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	embedder, _ := llm.NewLocalEmbedder(0)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "cni.md"), guide("cni", "Carte d'identité", "Toute personne de nationalité française, \xff même mineure."))
	r, err := ingest.NewPipeline(st, embedder, nil, ingest.Options{}).IngestPaths(ctx, []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if r.Added != 1 || len(r.Failed) != 0 || len(r.Warnings) != 1 || !strings.HasSuffix(r.Warnings[0].Path, "cni.md") ||
		!strings.Contains(r.Warnings[0].Err.Error(), "UTF-8") {
		t.Fatalf("report %+v, want the file added with one decoding warning", r)
	}
	if !strings.Contains(r.String(), "1 files with warnings") {
		t.Errorf("summary %q does not count the warning", r.String())
	}
	// Until the file is fixed, each ingest reads it again and warns again,
	// without rewriting the document.
	r, err = ingest.NewPipeline(st, embedder, nil, ingest.Options{}).IngestPaths(ctx, []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if r.Unchanged != 1 || len(r.Warnings) != 1 {
		t.Errorf("second ingest %+v, want the document unchanged and the warning again", r)
	}
}
