package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files and generated fixtures under testdata")

// sharedData returns the path of a file of the project's shared real data
// (../shared/data from the repository root), skipping the test when it is
// absent.
func sharedData(tb testing.TB, name string) string {
	tb.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		tb.Skip("cannot locate the test file")
	}
	repo := filepath.Dir(filepath.Dir(file))
	p := filepath.Join(repo, "..", "shared", "data", name)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("shared data %s absent: %v", name, err)
	}
	return p
}

// goldenDoc is what golden files record of a document: the document, its
// content hash and its chunks.
type goldenDoc struct {
	Document
	Hash   string
	Pieces []Piece
}

type goldenFile struct {
	Documents []goldenDoc
	Error     string   `json:",omitempty"`
	Records   []string `json:",omitempty"`
}

func goldenOf(docs []Document, err error) goldenFile {
	g := goldenFile{Documents: []goldenDoc{}}
	for _, d := range docs {
		g.Documents = append(g.Documents, goldenDoc{Document: d, Hash: d.ContentHash(), Pieces: Chunk(d, ChunkOptions{})})
	}
	if err != nil {
		g.Error = err.Error()
		var p *PartialError
		if errors.As(err, &p) {
			for _, e := range p.Errs {
				g.Records = append(g.Records, e.Error())
			}
		}
	}
	return g
}

// checkGolden compares got, as indented JSON, with testdata/golden/name,
// rewriting the file with -update.
func checkGolden(tb testing.TB, name string, got any) {
	tb.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(got); err != nil {
		tb.Fatalf("encode %s: %v", name, err)
	}
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			tb.Fatalf("write golden: %v", err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("read golden (run with -update to create it): %v", err)
	}
	if diff := cmp.Diff(string(want), buf.String()); diff != "" {
		tb.Errorf("%s mismatch (-want +got), run with -update if intended:\n%s", name, diff)
	}
}
