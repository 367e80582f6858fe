package ingest

import (
	"strings"
	"testing"
)

// TestDecodeText checks the choice of encoding: UTF-8 when valid; UTF-8
// with U+FFFD and a warning when the file is UTF-8 with some bad bytes;
// Windows-1252 when no byte sequence is UTF-8.
func TestDecodeText(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want string
		warn           string
	}{
		{"UTF-8", "Démarche à l'accueil", "Démarche à l'accueil", ""},
		{"UTF-8 with a BOM and a NUL", "\ufeffDémar\x00che", "Démarche", ""},
		{"Windows-1252", "D\xe9marche \xe0 l\x92accueil", "Démarche à l’accueil", ""},
		{"UTF-8 with one bad byte", "Démarche à l'accueil, \xff même mineure, née à Évreux",
			"Démarche à l'accueil, \uFFFD même mineure, née à Évreux", "1 invalid UTF-8 byte (first at byte 24) replaced by U+FFFD"},
		{"UTF-8 cut in a character", "Démarche \xc3", "Démarche \uFFFD", "1 invalid UTF-8 byte (first at byte 10)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, warn := decodeText([]byte(tt.in))
			if got != tt.want {
				t.Errorf("text %q, want %q", got, tt.want)
			}
			if (tt.warn == "") != (warn == "") || !strings.Contains(warn, tt.warn) {
				t.Errorf("warning %q, want %q", warn, tt.warn)
			}
		})
	}
	doc := readText("note.txt", []byte("Titre\n\nLa carte d'identit\xc3\xa9 est valable dix ans \xe9.\n"))
	if len(doc.Warnings) != 1 || !strings.Contains(doc.Blocks[0].Text, "identité est valable dix ans \uFFFD.") {
		t.Errorf("text document %+v, want UTF-8 with a warning", doc)
	}
	md := readMarkdown("note.md", []byte("# Titre\n\nLa carte d'identit\xc3\xa9 \xe9.\n"))
	if len(md.Warnings) != 1 || !strings.Contains(md.Blocks[0].Text, "identité \uFFFD.") {
		t.Errorf("markdown document %+v, want UTF-8 with a warning", md)
	}
}

// TestHTMLDecoding checks that an HTML page without a declared charset is
// decoded as other text files are, and that a declared one is obeyed.
func TestHTMLDecoding(t *testing.T) {
	t.Parallel()
	page := func(head, body string) []byte {
		return []byte("<html><head>" + head + "<title>Titre</title></head><body><main><p>" + body + "</p></main></body></html>")
	}
	tests := []struct {
		name  string
		data  []byte
		want  string
		warns int
	}{
		{"UTF-8 with a bad byte", page("", "La carte d'identit\xc3\xa9 \xff est valable."), "La carte d'identité \uFFFD est valable.", 1},
		{"Windows-1252 sniffed", page("", "La carte d'identit\xe9 est valable."), "La carte d'identité est valable.", 0},
		{"Windows-1252 declared", page(`<meta charset="windows-1252">`, "identit\xc3\xa9"), "identitÃ©", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := readHTML("page.html", tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Blocks) == 0 || doc.Blocks[0].Text != tt.want || len(doc.Warnings) != tt.warns {
				t.Errorf("document %+v, want %q with %d warnings", doc, tt.want, tt.warns)
			}
		})
	}
}
