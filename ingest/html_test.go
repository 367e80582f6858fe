package ingest

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestHTMLDocument(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		html string
		want Document
	}{
		{
			name: "article when there is no main; title from h1",
			html: `<html><body><nav>Menu</nav><article><h1>Titre</h1><p>Un.</p><h3>Sous</h3><p>Deux.</p></article><footer>Pied</footer></body></html>`,
			want: Document{Source: "html", ExternalID: "p.html", Title: "Titre", Blocks: []Block{{Text: "Un."}, {Heading: []string{"Sous"}, Text: "Deux."}}},
		},
		{
			name: "role=main",
			html: `<body><div role="navigation">Menu</div><div role="main"><p>Contenu.</p></div><div>Autre.</div></body>`,
			want: Document{Source: "html", ExternalID: "p.html", Title: "p.html", Blocks: []Block{{Text: "Contenu."}}},
		},
		{
			name: "body without chrome, hidden parts and scripts",
			html: `<title> Titre  de page </title><body><header>Haut</header><p>Texte <span hidden>caché</span><em>visible</em>.</p><div aria-hidden="true">non</div><script>x()</script><form>f</form><aside>a</aside></body>`,
			want: Document{Source: "html", ExternalID: "p.html", Title: "Titre de page", Blocks: []Block{{Text: "Texte visible."}}},
		},
		{
			name: "loose text, line breaks and nested blocks in paragraphs",
			html: `<main>Texte libre<br>suite<div><p>Para.</p>fin</div><dl><dt>Terme</dt><dd>Définition.</dd></dl><pre>  code  </pre></main>`,
			want: Document{Source: "html", ExternalID: "p.html", Title: "p.html", Blocks: []Block{
				{Text: "Texte libre suite"}, {Text: "Para."}, {Text: "fin"}, {Text: "Terme"}, {Text: "Définition."}, {Text: "code"},
			}},
		},
		{
			name: "heading levels skip and come back",
			html: `<main><h4>Profond</h4><p>A.</p><h2>Haut</h2><h3>Milieu</h3><p>B.</p></main>`,
			want: Document{Source: "html", ExternalID: "p.html", Title: "p.html", Blocks: []Block{
				{Heading: []string{"Profond"}, Text: "A."},
				{Heading: []string{"Haut", "Milieu"}, Text: "B."},
			}},
		},
		{
			name: "canonical must be an absolute http URL",
			html: `<head><link rel="canonical" href="/relatif"><meta name="DESCRIPTION" content=" Résumé "></head><main><p>x</p></main>`,
			want: Document{Source: "html", ExternalID: "p.html", Title: "p.html", Description: "Résumé", Blocks: []Block{{Text: "x"}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readHTML("p.html", []byte(tt.html))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
