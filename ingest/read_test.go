package ingest

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDetect(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		head string
		want format
	}{
		{"a.xml", `<?xml version="1.0"?><Publication ID="F1">`, formatDILA},
		{"a.txt", `<?xml version="1.0"?><Publication ID="F1">`, formatDILA},
		{"a.xml", `<!DOCTYPE html><html>`, formatHTML},
		{"a.xml", `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">`, formatHTML},
		{"a.md", "\ufeff<!doctype html>", formatHTML},
		{"a.html", "%PDF-1.4\n", formatPDF},
		{"a.pdf", "PK\x03\x04", formatZip},
		{"A.JSONL", `{"id": 1}`, formatJSONL},
		{"noext", `{"id": 1}`, formatJSONL},
		{"noext", `<div><body>`, formatHTML},
		{"noext", `Du texte`, formatUnknown},
		{"a.md", "# Titre", formatMarkdown},
		{"a.markdown", "Titre", formatMarkdown},
		{"a.txt", "caf\xe9 cr\xe8me", formatText},
		{"a.htm", "", formatHTML},
		{"a.docx", "PK\x03\x04", formatZip},
		{"a.png", "\x89PNG\r\n\x1a\n\x00\x00", formatUnknown},
		{"a.txt", "\xff\xfeT\x00i\x00", formatUnknown},
		{"a.pdf", "\x00\x01garbage", formatPDF},
	}
	for _, tt := range tests {
		if got := detect(tt.name, []byte(tt.head)); got != tt.want {
			t.Errorf("detect(%q, %q) = %v, want %v", tt.name, tt.head, got, tt.want)
		}
	}
}

func TestReadUnsupported(t *testing.T) {
	t.Parallel()
	for name, content := range map[string]string{
		"image.png": "\x89PNG\r\n\x1a\n\x00\x00\x00",
		"notes":     "texte sans extension",
		"flux.xml":  `<?xml version="1.0"?><rss/>`,
	} {
		_, err := Read(context.Background(), name, strings.NewReader(content), int64(len(content)))
		if !errors.Is(err, ErrUnsupportedFormat) {
			t.Errorf("%s: err = %v, want ErrUnsupportedFormat", name, err)
		}
		if err != nil && !strings.HasPrefix(err.Error(), name+": ") {
			t.Errorf("%s: error %q does not start with the file name", name, err)
		}
	}
}

func TestReadLimits(t *testing.T) {
	t.Parallel()
	rd := Reader{MaxFileBytes: 100}
	ctx := context.Background()
	exact := "Titre\n\n" + strings.Repeat("x", 93)
	if _, err := rd.Read(ctx, "a.txt", strings.NewReader(exact), -1); err != nil {
		t.Errorf("file of exactly the limit: %v", err)
	}
	big := exact + "y"
	if _, err := rd.Read(ctx, "a.txt", strings.NewReader(big), -1); !errors.Is(err, ErrTooLarge) {
		t.Errorf("unknown size over the limit: err = %v, want ErrTooLarge", err)
	}
	if _, err := rd.Read(ctx, "a.txt", strings.NewReader("petit"), 1000); !errors.Is(err, ErrTooLarge) {
		t.Errorf("announced size over the limit: err = %v, want ErrTooLarge", err)
	}
	xml := pub("", "<Texte><Paragraphe>"+strings.Repeat("x", 200)+"</Paragraphe></Texte>")
	if _, err := rd.Read(ctx, "a.xml", strings.NewReader(xml), -1); !errors.Is(err, ErrTooLarge) {
		t.Errorf("streamed XML over the limit: err = %v, want ErrTooLarge", err)
	}
	jsonl := `{"id": "a", "text": "` + strings.Repeat("x", 200) + `"}`
	if _, err := rd.Read(ctx, "a.jsonl", strings.NewReader(jsonl), -1); !errors.Is(err, ErrTooLarge) {
		t.Errorf("streamed JSONL over the limit: err = %v, want ErrTooLarge", err)
	}
	if _, err := rd.Read(ctx, "a.pdf", bytes.NewReader(append([]byte("%PDF-1.4\n"), make([]byte, 200)...)), -1); !errors.Is(err, ErrTooLarge) {
		t.Errorf("PDF over the limit: err = %v, want ErrTooLarge", err)
	}
}

// onlyReader hides the io.ReaderAt of its reader.
type onlyReader struct{ r io.Reader }

func (o onlyReader) Read(p []byte) (int, error) { return o.r.Read(p) }

func TestReadWithoutReaderAt(t *testing.T) {
	t.Parallel()
	pdf := guidePDF(t)
	docs, err := Read(context.Background(), "upload.pdf", onlyReader{bytes.NewReader(pdf)}, -1)
	if err != nil || len(docs) != 1 || docs[0].Title != "Guide du RSA" {
		t.Fatalf("docs %+v err %v", docs, err)
	}
	z := buildZip(t, map[string]string{"a.txt": "Titre A\n\nTexte."})
	docs, err = Read(context.Background(), "upload.zip", onlyReader{bytes.NewReader(z)}, int64(len(z)))
	if err != nil || len(docs) != 1 || docs[0].ExternalID != "upload.zip/a.txt" {
		t.Fatalf("docs %+v err %v", docs, err)
	}
}

func TestReadCanceled(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Read(ctx, "a.txt", strings.NewReader("x"), 1); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestReadFileAndWalk(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("b/fiche.md", "# Fiche\n\nTexte.\n")
	write("a.txt", "Note\n\nTexte.\n")
	write("b/c/page.html", "<main><h1>Page</h1><p>x</p></main>")
	write("b/cassé.xml", "<Publication ID='F1'><Texte>")
	write("image.png", "\x89PNG")
	write(".git/config", "[core]")
	write(".cache.txt", "caché")
	write("lignes.jsonl", `{"id": "L1", "text": "Un."}`+"\n"+`{"id": "L2"}`+"\n")

	type call struct {
		Path string
		IDs  []string
		Err  string
	}
	var calls []call
	err := Walk(context.Background(), root, func(path string, docs []Document, err error) error {
		rel, _ := filepath.Rel(root, path)
		c := call{Path: filepath.ToSlash(rel)}
		for _, d := range docs {
			c.IDs = append(c.IDs, d.Source+":"+d.ExternalID)
		}
		switch {
		case errors.Is(err, ErrUnsupportedFormat):
			c.Err = "unsupported"
		case isPartial(err):
			c.Err = "partial"
		case err != nil:
			c.Err = "error"
		}
		calls = append(calls, c)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []call{
		{Path: "a.txt", IDs: []string{"text:a.txt"}},
		{Path: "b/c/page.html", IDs: []string{"html:b/c/page.html"}},
		{Path: "b/cassé.xml", Err: "error"},
		{Path: "b/fiche.md", IDs: []string{"markdown:b/fiche.md"}},
		{Path: "image.png", Err: "unsupported"},
		{Path: "lignes.jsonl", IDs: []string{"jsonl:L1"}, Err: "partial"},
	}
	if diff := cmp.Diff(want, calls); diff != "" {
		t.Errorf("walk mismatch (-want +got):\n%s", diff)
	}

	// A file root names its documents after the base name; ReadFile after the path.
	var ids []string
	if err := Walk(context.Background(), filepath.Join(root, "b", "fiche.md"), func(_ string, docs []Document, err error) error {
		for _, d := range docs {
			ids = append(ids, d.ExternalID)
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	docs, err := ReadFile(context.Background(), filepath.Join(root, "b", "fiche.md"))
	if err != nil {
		t.Fatal(err)
	}
	ids = append(ids, docs[0].ExternalID)
	if diff := cmp.Diff([]string{"fiche.md", filepath.ToSlash(filepath.Join(root, "b", "fiche.md"))}, ids); diff != "" {
		t.Errorf("ids mismatch (-want +got):\n%s", diff)
	}

	// fn's error stops the walk; a missing root is an error.
	stop := errors.New("stop")
	n := 0
	if err := Walk(context.Background(), root, func(string, []Document, error) error { n++; return stop }); !errors.Is(err, stop) || n != 1 {
		t.Errorf("err = %v after %d calls, want stop after 1", err, n)
	}
	if err := Walk(context.Background(), filepath.Join(root, "absent"), func(string, []Document, error) error { return nil }); err == nil {
		t.Error("no error for a missing root")
	}
	if _, err := ReadFile(context.Background(), root); !errors.Is(err, ErrUnsupportedFormat) {
		t.Errorf("ReadFile(dir) err = %v, want ErrUnsupportedFormat", err)
	}
}
