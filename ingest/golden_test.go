package ingest

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// TestGolden reads every fixture under testdata (one folder per format)
// and compares the documents, their hashes and their chunks with
// testdata/golden/<format>-<file>.golden.
func TestGolden(t *testing.T) {
	t.Parallel()
	for _, dir := range []string{"dila", "jsonl", "markdown", "html", "text", "pdf"} {
		files, err := filepath.Glob(filepath.Join("testdata", dir, "*"))
		if err != nil {
			t.Fatal(err)
		}
		if len(files) == 0 {
			t.Fatalf("no fixture in testdata/%s", dir)
		}
		for _, f := range files {
			name := dir + "-" + strings.TrimSuffix(filepath.Base(f), filepath.Ext(f)) + ".golden"
			t.Run(name, func(t *testing.T) {
				rel := dir + "/" + filepath.Base(f)
				docs, err := readFixture(t, f, rel)
				checkGolden(t, name, goldenOf(docs, err))
			})
		}
	}
}

// readFixture reads a fixture naming its documents after rel, as Walk
// would from testdata.
func readFixture(t *testing.T, path, rel string) ([]Document, error) {
	t.Helper()
	var rd Reader
	return rd.readPath(context.Background(), path, rel)
}
