package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
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
