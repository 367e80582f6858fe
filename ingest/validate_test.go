package ingest

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCheckDocument(t *testing.T) {
	t.Parallel()
	ok := func() Document {
		return Document{ExternalID: "F1", Title: "Carte grise", URL: "https://www.service-public.fr/x", Tags: []string{"auto"}}
	}
	tests := []struct {
		name string
		edit func(*Document)
		want Document // zero: refused
		err  string   // what the refusal names
	}{
		{"valid", func(*Document) {}, ok(), ""},
		{"café NFD is NFC", func(d *Document) { d.ExternalID, d.Title = "cafe\u0301", "Cafe\u0301  du\tcoin " },
			Document{ExternalID: "café", Title: "Café du coin", URL: "https://www.service-public.fr/x", Tags: []string{"auto"}}, ""},
		{"tags trimmed and deduplicated", func(d *Document) { d.Tags = []string{" auto ", "auto", "moto"} },
			Document{ExternalID: "F1", Title: "Carte grise", URL: "https://www.service-public.fr/x", Tags: []string{"auto", "moto"}}, ""},
		{"id of 5,000 characters", func(d *Document) { d.ExternalID = strings.Repeat("a", 5000) }, Document{}, "id is 5000 characters long, over 300"},
		{"empty id", func(d *Document) { d.ExternalID = "  " }, Document{}, "id is required"},
		{"title of 50,000 characters", func(d *Document) { d.Title = strings.Repeat("a", 50000) }, Document{}, "title is 50000 characters long, over 300"},
		{"ANSI escape in the title", func(d *Document) { d.Title = "\x1b[31mrouge" }, Document{}, "title holds the character U+001B"},
		{"bidi override in the id", func(d *Document) { d.ExternalID = "fiche\u202etxt.exe" }, Document{}, "id holds the character U+202E"},
		{"bidi override in a tag", func(d *Document) { d.Tags = []string{"a\u202eb"} }, Document{}, "tag 1 holds the character U+202E"},
		{"empty tag", func(d *Document) { d.Tags = []string{"auto", " "} }, Document{}, "tag 2 is empty"},
		{"tag too long", func(d *Document) { d.Tags = []string{strings.Repeat("t", 101)} }, Document{}, "tag 1 is 101 characters long"},
		{"too many tags", func(d *Document) { d.Tags = make([]string, 51) }, Document{}, "51 tags, over 50"},
		{"empty audience", func(d *Document) { d.Audience = []string{""} }, Document{}, "audience 1 is empty"},
		{"javascript URL", func(d *Document) { d.URL = "javascript:alert(document.cookie)" }, Document{}, "want an absolute http(s) URL"},
		{"URL with a line break", func(d *Document) { d.URL = "not a url \n x" }, Document{}, "want an absolute http(s) URL"},
		{"URL with a space", func(d *Document) { d.URL = "https://a.fr/x y" }, Document{}, "want an absolute http(s) URL"},
		{"relative URL", func(d *Document) { d.URL = "/particuliers/F1" }, Document{}, "want an absolute http(s) URL"},
		{"description too long", func(d *Document) { d.Description = strings.Repeat("d ", 1500) }, Document{}, "description is 2999 characters long"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			d := ok()
			tc.edit(&d)
			err := CheckDocument(&d)
			if tc.err == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				if diff := cmp.Diff(tc.want, d); diff != "" {
					t.Errorf("normalised (-want +got):\n%s", diff)
				}
				return
			}
			if !errors.Is(err, ErrInvalidDocument) || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("err = %v, want ErrInvalidDocument saying %q", err, tc.err)
			}
		})
	}
}

// TestReadRefusesInvalidFields: a record or a member whose fields
// CheckDocument refuses fails alone, with its reason; the others are read.
func TestReadRefusesInvalidFields(t *testing.T) {
	t.Parallel()
	jsonl := `{"id": "ok", "text": "Un."}
{"id": "js", "text": "Deux.", "url": "javascript:alert(1)"}
{"id": "esc", "title": "\u001b[2J efface", "text": "Trois."}
{"id": "cafe\u0301", "text": "Quatre."}
`
	z := buildZip(t, map[string]string{
		"bon.md":            "# Bon\n\nTexte.",
		"fiche\u202etxt.md": "# Inversé\n\nTexte.",
		"long.txt":          strings.Repeat("mot ", 200) + "\n\nTexte.",
	})
	tests := []struct {
		name, file string
		content    []byte
		ids        []string
		errs       []string
	}{
		{"jsonl", "f.jsonl", []byte(jsonl), []string{"ok", "café"},
			[]string{`f.jsonl:2: id "js": url "javascript:alert(1)": want an absolute http(s) URL`,
				`f.jsonl: document "esc": title holds the character U+001B (control or bidirectional formatting), not allowed: invalid document`}},
		{"zip", "z.zip", z, []string{"z.zip/bon.md", "z.zip/long.txt"},
			[]string{`z.zip: document "z.zip/fiche\u202etxt.md": id holds the character U+202E (control or bidirectional formatting), not allowed: invalid document`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			docs, err := Read(context.Background(), tc.file, bytes.NewReader(tc.content), int64(len(tc.content)))
			var ids, errs []string
			for _, d := range docs {
				ids = append(ids, d.ExternalID)
			}
			var p *PartialError
			if errors.As(err, &p) {
				for _, e := range p.Errs {
					errs = append(errs, e.Error())
				}
			} else if err != nil {
				t.Fatalf("err = %v, want a *PartialError", err)
			}
			if diff := cmp.Diff(tc.ids, ids); diff != "" {
				t.Errorf("documents (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.errs, errs); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

// TestFileTitle: a file's title that is missing becomes its id, one too
// long is cut at a word, with a warning.
func TestFileTitle(t *testing.T) {
	t.Parallel()
	d := Document{ExternalID: "x", Title: strings.Repeat("mot ", 100)}
	fileTitle(&d)
	if n := len([]rune(d.Title)); n > MaxTitleRunes || !strings.HasSuffix(d.Title, "mot…") || len(d.Warnings) != 1 {
		t.Errorf("title %q (%d characters), warnings %q", d.Title, n, d.Warnings)
	}
	d = Document{ExternalID: "x"}
	if fileTitle(&d); d.Title != "x" {
		t.Errorf("no title gives %q, want the id", d.Title)
	}
}
