package ingest

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
	"unicode/utf8"
)

// The fuzz targets call the readers directly, below Read's recover, so that
// a panic in plume's code fails. (The PDF reader's own recover is its
// boundary with the third-party parser, so FuzzPDF goes through it.)

func addSeeds(f *testing.F, glob string) {
	f.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", glob))
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		f.Add(data[:len(data)/2])
	}
}

// hangGuard crashes the fuzzing process, which records the input, when
// one input takes more than 10 seconds: hostile input must not hang a
// reader.
func hangGuard(data []byte) (stop func() bool) {
	return time.AfterFunc(10*time.Second, func() {
		panic(fmt.Sprintf("input took more than 10s: %q", data))
	}).Stop
}

// checkDocs asserts what every reader guarantees and chunks the result.
func checkDocs(t *testing.T, docs []Document) {
	t.Helper()
	for _, d := range docs {
		if !utf8.ValidString(d.Title) {
			t.Errorf("invalid UTF-8 title %q", d.Title)
		}
		for _, b := range d.Blocks {
			if !utf8.ValidString(b.Text) {
				t.Errorf("invalid UTF-8 text %q", b.Text)
			}
		}
		opts := ChunkOptions{TargetChars: 120, MaxChars: 200, MinChars: 40}
		for _, p := range Chunk(d, opts) {
			if n := utf8.RuneCountInString(p.Text); n == 0 || n > 200 {
				t.Errorf("piece of %d characters", n)
			}
		}
		_ = d.ContentHash()
	}
}

func FuzzDILA(f *testing.F) {
	addSeeds(f, "dila/*.xml")
	f.Add([]byte(`<?xml version="1.0" encoding="ISO-8859-1"?><Publication ID="F1"><Texte><Paragraphe>caf` + "\xe9" + `</Paragraphe></Texte></Publication>`))
	f.Add([]byte(`<Publication ID="F1"><Texte><![CDATA[<b>x</b>]]>&eacute;&#0;</Texte></Publication>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		defer hangGuard(data)()
		doc, err := readDILA(context.Background(), bytes.NewReader(data))
		if err != nil {
			return
		}
		checkDocs(t, []Document{doc})
	})
}

func FuzzHTML(f *testing.F) {
	addSeeds(f, "html/*.html")
	f.Add([]byte("<table><tr><td><ul><li><table><tr><td>x"))
	f.Add([]byte("<meta charset=utf-16><p>\xff\xfe"))
	f.Fuzz(func(t *testing.T, data []byte) {
		defer hangGuard(data)()
		doc, err := readHTML("f.html", data)
		if err != nil {
			return
		}
		checkDocs(t, []Document{doc})
	})
}

func FuzzMarkdown(f *testing.F) {
	addSeeds(f, "markdown/*.md")
	f.Add([]byte("---\ntags:\n- a\n---\n[[[](((](<>)\n|a|\n|-|\n* * *\n```"))
	f.Fuzz(func(t *testing.T, data []byte) {
		defer hangGuard(data)()
		checkDocs(t, []Document{readMarkdown("f.md", data)})
	})
}

func FuzzText(f *testing.F) {
	addSeeds(f, "text/*.txt")
	f.Fuzz(func(t *testing.T, data []byte) {
		defer hangGuard(data)()
		checkDocs(t, []Document{readText("f.txt", data)})
	})
}

func FuzzJSONL(f *testing.F) {
	addSeeds(f, "jsonl/*.jsonl")
	f.Add([]byte(`{"id":1e999,"text":"x","audience":[null],"tags":"\u0000"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		defer hangGuard(data)()
		docs, _ := readJSONL(context.Background(), "f.jsonl", bytes.NewReader(data))
		checkDocs(t, docs)
	})
}

func FuzzPDF(f *testing.F) {
	addSeeds(f, "pdf/*.pdf")
	f.Add(buildRawPDF(f, "", []string{"q 1 0 0 1 5 5 cm BT /F1 9 Tf 12 TL [(a)-300(b)] TJ T* (c) ' 1 2 (d) \" ET Q Q"}))
	f.Fuzz(func(t *testing.T, data []byte) {
		defer hangGuard(data)()
		doc, err := readPDF(context.Background(), "f.pdf", bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return
		}
		checkDocs(t, []Document{doc})
	})
}

func FuzzZip(f *testing.F) {
	f.Add(buildZip(f, map[string]string{"a.txt": "T\n\nx", "b.xml": "<Publication ID='F1'/>"}))
	f.Fuzz(func(t *testing.T, data []byte) {
		defer hangGuard(data)()
		rd := Reader{MaxFileBytes: 1 << 20, MaxArchiveBytes: 4 << 20, MaxArchiveMembers: 100}
		budget := &archiveBudget{left: rd.maxArchive(), members: rd.maxMembers()}
		docs, _ := rd.readZip(context.Background(), "f.zip", bytes.NewReader(data), int64(len(data)), 1, budget)
		checkDocs(t, docs)
	})
}

func FuzzChunk(f *testing.F) {
	f.Add("Titre", "Une phrase. M. Dupont arrive.\n- un\n- deux", "Autre", 20)
	f.Fuzz(func(t *testing.T, h1, text, h2 string, target int) {
		if !utf8.ValidString(text) {
			return
		}
		opts := ChunkOptions{TargetChars: target%500 + 1, MaxChars: target%700 + 1, MinChars: target % 50}
		d := Document{Blocks: []Block{{Heading: []string{h1}, Text: text}, {Heading: []string{h1, h2}, Text: text}, {Text: text}}}
		checkPieces(t, d, opts)
	})
}
