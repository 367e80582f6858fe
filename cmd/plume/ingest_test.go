package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
)

// TestIngestExitCode ingests a folder where one file cannot be read: the
// others land, and the command exits 1 unless --keep-going, whose summary
// still counts the failure. A file read with a repair is named on stderr.
func TestIngestExitCode(t *testing.T) {
	t.Parallel()
	_, url := storetest.NewStoreURL(t)
	getenv := envWith(map[string]string{"DATABASE_URL": url})
	dir := t.TempDir()
	files := map[string]string{
		"bon.md":      "---\nid: bon\ntitle: Carte grise\n---\nLe changement d'adresse se fait en ligne.\n",
		"abime.md":    "---\nid: abime\ntitle: Passeport\n---\nLa démarche se fait en mairie \xff.\n",
		"casse.jsonl": "{pas du json\n",
	}
	writeFiles(t, dir, files)
	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"ingest", "--quiet", dir}, 1},
		{[]string{"ingest", "--quiet", "--keep-going", dir}, 0},
	} {
		var out, errw bytes.Buffer
		code := run(context.Background(), tc.args, strings.NewReader(""), &out, &errw, getenv)
		if code != tc.code {
			t.Errorf("%v: exit code %d, want %d; stderr:\n%s", tc.args, code, tc.code, errw.String())
		}
		if !strings.Contains(out.String(), "1 files failed") || !strings.Contains(out.String(), "1 files with warnings") {
			t.Errorf("%v: summary %q, want the failure and the warning counted", tc.args, out.String())
		}
		for _, want := range []string{"skipped " + filepath.Join(dir, "casse.jsonl"), "warning: " + filepath.Join(dir, "abime.md") + ": 1 invalid UTF-8 byte"} {
			if !strings.Contains(errw.String(), want) {
				t.Errorf("%v: stderr lacks %q:\n%s", tc.args, want, errw.String())
			}
		}
	}
}

// TestIngestInvalidService: the reviewer's case. A file whose service is
// free text (« France Travail ») is stored normalised next to a valid
// one; a file whose service is no identifier even normalised is skipped
// and named, with --keep-going (exit 0) or without (exit 1, its path and
// the reason in the error).
func TestIngestInvalidService(t *testing.T) {
	t.Parallel()
	st, url := storetest.NewStoreURL(t)
	getenv := envWith(map[string]string{"DATABASE_URL": url})
	dir := t.TempDir()
	files := map[string]string{
		"ft.md":  "---\nid: ft\ntitle: Inscription\nservice: France Travail\n---\nL'inscription se fait en ligne.\n",
		"bon.md": "---\nid: bon\ntitle: Carte grise\n---\nLe changement d'adresse se fait en ligne.\n",
		"bad.md": "---\nid: bad\ntitle: Aides\nservice: caf/paris\n---\nLes aides au logement.\n",
	}
	writeFiles(t, dir, files)
	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"ingest", "--quiet", "--keep-going", dir}, 0},
		{[]string{"ingest", "--quiet", dir}, 1},
	} {
		var out, errw bytes.Buffer
		code := run(context.Background(), tc.args, strings.NewReader(""), &out, &errw, getenv)
		if code != tc.code {
			t.Errorf("%v: exit code %d, want %d; stderr:\n%s", tc.args, code, tc.code, errw.String())
		}
		want := "skipped " + filepath.Join(dir, "bad.md") + ": bad.md: service \"caf/paris\""
		if !strings.Contains(errw.String(), want) {
			t.Errorf("%v: stderr lacks %q:\n%s", tc.args, want, errw.String())
		}
		if tc.code == 1 && !strings.Contains(errw.String(), "the first, "+filepath.Join(dir, "bad.md")) {
			t.Errorf("%v: the error does not name the file:\n%s", tc.args, errw.String())
		}
	}
	for id, service := range map[string]string{"ft": "france-travail", "bon": ""} {
		d, err := st.DocumentByKey(context.Background(), store.DocKey{Service: service, Source: "markdown", ExternalID: id})
		if err != nil || d.Service != service {
			t.Errorf("document %s: service %q (%v), want %q", id, d.Service, err, service)
		}
	}
}

// writeFiles writes files (name to content) into dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
