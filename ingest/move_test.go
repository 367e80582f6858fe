package ingest_test

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plume-sp/plume/ingest"
	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
)

// TestIngestMovesAServiceChange: a file read again whose front matter gives
// its document another service moves that document (the same stored id,
// answers and drafts citing it follow) rather than storing a second one
// under the new service until a --prune, and the report says so; when the
// file gave the same id under two services before, nothing tells which
// one moved: both are kept with a warning naming them, and --prune
// deletes them.
func TestIngestMovesAServiceChange(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	embedder, _ := llm.NewLocalEmbedder(0)
	dir := t.TempDir()
	fiche := func(service string) string {
		return markdownFiche("fiche", "Changement de situation", service, "## Démarche\nDéclarez-le en ligne.\n")
	}
	// An archive is one origin: it may give one id under two services.
	archive := func(services ...string) string {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for i, s := range services {
			w, err := zw.Create(fmt.Sprintf("m%d.md", i))
			if err == nil {
				_, err = io.WriteString(w, markdownFiche("ligne", "Aide au logement", s, "L'aide se demande en ligne.\n"))
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	stored := func() map[string]string { // "external id#id" → service
		t.Helper()
		page, err := st.ListDocuments(ctx, store.DocumentFilter{Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, d := range page.Documents {
			out[fmt.Sprint(d.ExternalID, "#", d.ID)] = d.Service
		}
		return out
	}
	ingestDir := func(prune bool) ingest.Report {
		t.Helper()
		r, err := ingest.NewPipeline(st, embedder, nil, ingest.Options{Prune: prune, SkipSemantic: true}).IngestPaths(ctx, []string{dir})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	messages := func(fs []ingest.FileError) []string {
		var out []string
		for _, f := range fs {
			out = append(out, filepath.Base(f.Path)+": "+f.Err.Error())
		}
		return out
	}
	writeFile(t, filepath.Join(dir, "fiche.md"), fiche("caf"))
	writeFile(t, filepath.Join(dir, "lignes.zip"), archive("caf", "ants"))
	ingestDir(false)
	var ficheKey string
	for k := range stored() {
		if strings.HasPrefix(k, "fiche#") {
			ficheKey = k
		}
	}
	for _, step := range []struct {
		name            string
		fiche, archive  string
		prune           bool
		moved, warnings []string
		ficheService    string
		lignes          int
	}{
		{name: "to another service", fiche: fiche("france-travail"), archive: archive("caf", "ants"),
			moved:        []string{"fiche.md: document markdown/fiche moved from the service caf to france-travail"},
			ficheService: "france-travail", lignes: 2},
		{name: "to the shared documents", fiche: fiche(""), archive: archive("caf", "ants"),
			moved:        []string{"fiche.md: document markdown/fiche moved from the service france-travail to (shared)"},
			ficheService: "", lignes: 2},
		{name: "two services before: none moved, a warning", fiche: fiche(""), archive: archive("impots"),
			warnings: []string{"lignes.zip: document markdown/ligne, now of the service impots, is also stored under the service " +
				"ants, caf from an earlier read of this file: kept until an ingest with --prune deletes it"},
			ficheService: "", lignes: 3},
		{name: "--prune deletes them", fiche: fiche(""), archive: archive("impots"), prune: true, ficheService: "", lignes: 1},
		// The final review: two documents now giving the id under two
		// services both claimed the one left behind, and the stored row
		// moved twice (one of them reported stored, and missing).
		{name: "one service before, two now: none moved, a warning each", fiche: fiche(""), archive: archive("ants", "caf"),
			warnings: []string{
				"lignes.zip: document markdown/ligne, now of the service ants, is also stored under the service " +
					"impots from an earlier read of this file: kept until an ingest with --prune deletes it",
				"lignes.zip: document markdown/ligne, now of the service caf, is also stored under the service " +
					"impots from an earlier read of this file: kept until an ingest with --prune deletes it"},
			ficheService: "", lignes: 3},
	} {
		writeFile(t, filepath.Join(dir, "fiche.md"), step.fiche)
		writeFile(t, filepath.Join(dir, "lignes.zip"), step.archive)
		r := ingestDir(step.prune)
		if diff := cmp.Diff(step.moved, messages(r.Moved)); diff != "" {
			t.Errorf("%s: moves (-want +got):\n%s", step.name, diff)
		}
		if diff := cmp.Diff(step.warnings, messages(r.Warnings)); diff != "" {
			t.Errorf("%s: warnings (-want +got):\n%s", step.name, diff)
		}
		now := stored()
		if got, ok := now[ficheKey]; !ok || got != step.ficheService {
			t.Errorf("%s: the fiche %s is of the service %q (stored: %t), want %q; stored: %v",
				step.name, ficheKey, got, ok, step.ficheService, now)
		}
		lignes, fiches := 0, 0
		for k := range now {
			switch {
			case strings.HasPrefix(k, "ligne#"):
				lignes++
			case strings.HasPrefix(k, "fiche#"):
				fiches++
			}
		}
		if lignes != step.lignes || fiches != 1 {
			t.Errorf("%s: %d lines' and %d fiches' documents, want %d and 1: %v", step.name, lignes, fiches, step.lignes, now)
		}
		if step.moved != nil && (r.Added != 0 || r.Updated != 1) {
			t.Errorf("%s: %d added, %d updated, want the move counted as one update", step.name, r.Added, r.Updated)
		}
	}
}
