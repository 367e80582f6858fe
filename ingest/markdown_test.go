package ingest

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestMDInline(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"du **gras**, de l'*italique* et du ***deux***":   "du gras, de l'italique et du deux",
		"__souligné__ et _penché_ mais snake_case_reste":  "souligné et penché mais snake_case_reste",
		"~~barré~~ et ~tilde~":                            "barré et ~tilde~",
		"2 * 3 = 6 et 2*3":                                "2 * 3 = 6 et 2*3",
		"`code *pas emphase*`":                            "code *pas emphase*",
		"[la Caf](https://www.caf.fr) verse":              "la Caf (https://www.caf.fr) verse",
		"[https://a.fr](https://a.fr)":                    "https://a.fr",
		"[ancre](#section) et [réf][1]":                   "ancre et réf",
		`[titre](https://a.fr "Titre du lien")`:           "titre (https://a.fr)",
		"[lien (parenthèse)](https://a.fr/x_(y))":         "lien (parenthèse) (https://a.fr/x_(y))",
		"![photo d'identité](photo.png) fournie":          "photo d'identité fournie",
		"<https://www.service-public.fr> et <a@b.fr>":     "https://www.service-public.fr et a@b.fr",
		"a <b>gras</b> &amp; &eacute;t&eacute; &#233; <3": "a gras & été é <3",
		`\*pas d'emphase\* et \[crochets\]`:               "*pas d'emphase* et [crochets]",
		"[non fermé et (rien":                             "[non fermé et (rien",
		"[mail](mailto:a@b.fr) [a@b.fr](mailto:a@b.fr)":   "mail (mailto:a@b.fr) a@b.fr",
	}
	for in, want := range tests {
		if got := mdInline(in); got != want {
			t.Errorf("mdInline(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMarkdownDocument(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		md   string
		want Document
	}{
		{
			name: "front matter fields, quoted and listed",
			md: "---\nid: 'x-1'\ntitle: \"Titre : avec deux-points\"\naudience: Particuliers, Professionnels\n" +
				"tags: [a, \"b\"]\nservice: CAF\nupdated_at: 2024-02-03T04:05:06+01:00\nurl: pas une url\ninconnu: ignoré\n---\nCorps.\n",
			want: Document{Source: "markdown", ExternalID: "x-1", Title: "Titre : avec deux-points",
				Audience: []string{"particuliers", "professionnels"}, Tags: []string{"a", "b"}, Service: "caf",
				UpdatedAt: time.Date(2024, 2, 3, 3, 5, 6, 0, time.UTC), Blocks: []Block{{Text: "Corps."}}},
		},
		{
			name: "unterminated front matter is text; title from the first heading",
			md:   "---\nid: x\n\n# Titre\n\nTexte.\n",
			want: Document{Source: "markdown", ExternalID: "doc.md", Title: "Titre", Blocks: []Block{{Text: "id: x"}, {Text: "Texte."}}},
		},
		{
			name: "heading levels relative to the shallowest section level",
			md:   "# Titre\n\n### Trois\n\nA.\n\n#### Quatre\n\nB.\n\n### Autre\n\nC.\n",
			want: Document{Source: "markdown", ExternalID: "doc.md", Title: "Titre", Blocks: []Block{
				{Heading: []string{"Trois"}, Text: "A."},
				{Heading: []string{"Trois", "Quatre"}, Text: "B."},
				{Heading: []string{"Autre"}, Text: "C."},
			}},
		},
		{
			name: "several level-one headings after a front matter title are sections",
			md:   "---\ntitle: T\n---\n# Un\nA.\n# Deux\n## Deux bis\nB.\n",
			want: Document{Source: "markdown", ExternalID: "doc.md", Title: "T", Blocks: []Block{
				{Heading: []string{"Un"}, Text: "A."},
				{Heading: []string{"Deux", "Deux bis"}, Text: "B."},
			}},
		},
		{
			name: "lists, wrapped paragraphs, rules and code",
			md:   "Une phrase\ncoupée en deux.\n\n* un\n* deux\n    suite\n\n---\n\n~~~\nbloc  de   code\n~~~\n",
			want: Document{Source: "markdown", ExternalID: "doc.md", Title: "doc.md", Blocks: []Block{
				{Text: "Une phrase coupée en deux."},
				{Text: "- un\n- deux suite"},
				{Text: "bloc  de   code"},
			}},
		},
		{
			name: "Windows-1252 text and CRLF",
			md:   "# Pi\xe8ces\r\n\r\nCarte d'identit\xe9.\r\n",
			want: Document{Source: "markdown", ExternalID: "doc.md", Title: "Pièces", Blocks: []Block{{Text: "Carte d'identité."}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := readMarkdown("doc.md", []byte(tt.md))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTextDocument(t *testing.T) {
	t.Parallel()
	txt := "\ufeff  Titre du document  \nsuite du titre en corps\n\nParagraphe  un\ncoupé.\n\nDémarche\n\n1) première étape\n2. deuxième étape\n\nDernier paragraphe.\n"
	got := readText("note.txt", []byte(txt))
	want := Document{Source: "text", ExternalID: "note.txt", Title: "Titre du document", Blocks: []Block{
		{Text: "suite du titre en corps"},
		{Text: "Paragraphe un coupé."},
		{Heading: []string{"Démarche"}, Text: "1. première étape\n2. deuxième étape"},
		{Heading: []string{"Démarche"}, Text: "Dernier paragraphe."},
	}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
	if got := readText("vide.txt", []byte(" \n\n")); got.Title != "vide.txt" || len(got.Blocks) != 0 {
		t.Errorf("empty text: %+v", got)
	}
	if got := readText("nul.txt", []byte("Ti\x00tre\n\nTexte.")); got.Title != "Titre" || strings.Contains(got.Blocks[0].Text, "\x00") {
		t.Errorf("NUL bytes kept: %+v", got)
	}
}
