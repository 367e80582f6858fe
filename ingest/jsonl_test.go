package ingest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestJSONLFields(t *testing.T) {
	t.Parallel()
	line := `{"id": "A1", "title": " Titre ", "text": "Intro.\nDémarche\nFaire la demande.", "url": "https://x.fr/a",
		"audience": ["Particuliers", "particuliers"], "service": "CAF", "tags": ["Famille", " aides "],
		"updated_at": "2024-05-06T07:08:09Z", "description": "Résumé."}`
	docs, err := readJSONL(context.Background(), "f.jsonl", strings.NewReader(strings.ReplaceAll(line, "\n\t\t", " ")))
	if err != nil {
		t.Fatal(err)
	}
	want := []Document{{
		Source: "jsonl", ExternalID: "A1", Title: "Titre", Description: "Résumé.", URL: "https://x.fr/a",
		Audience: []string{"particuliers"}, Service: "caf", Tags: []string{"Famille", "aides"},
		UpdatedAt: time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC),
		Blocks:    []Block{{Text: "Intro."}, {Heading: []string{"Démarche"}, Text: "Faire la demande."}},
	}}
	if diff := cmp.Diff(want, docs); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

func TestJSONLLineErrors(t *testing.T) {
	t.Parallel()
	input := strings.Join([]string{
		`{"id": "A", "text": "Bon."}`,
		`pas du JSON`,
		`{"id": "", "text": "x"}`,
		`{"id": "B"}`,
		`{"id": "C", "text": "x", "audience": 3}`,
		`{"id": "D", "text": "x", "tags": {"a": 1}}`,
		`{"id": "E", "text": "x", "updated_at": "2024-13-45"}`,
		`{"id": "F", "text": "x", "url": "javascript:alert(1)"}`,
		`{"id": ["G"], "text": "x"}`,
		`{"id": "A", "text": "Doublon."}`,
		`   `,
		`{"id": "H", "text": "Dernier."}`,
	}, "\r\n")
	docs, err := readJSONL(context.Background(), "f.jsonl", strings.NewReader(input))
	var ids []string
	for _, d := range docs {
		ids = append(ids, d.ExternalID)
	}
	if diff := cmp.Diff([]string{"A", "H"}, ids); diff != "" {
		t.Errorf("documents mismatch (-want +got):\n%s", diff)
	}
	var p *PartialError
	if !errors.As(err, &p) {
		t.Fatalf("err = %v, want a *PartialError", err)
	}
	var lines []int
	for _, e := range p.Errs {
		var re *RecordError
		if !errors.As(e, &re) || re.Name != "f.jsonl" {
			t.Errorf("record error %v", e)
			continue
		}
		lines = append(lines, re.Line)
	}
	if diff := cmp.Diff([]int{2, 3, 4, 5, 6, 7, 8, 9, 10}, lines); diff != "" {
		t.Errorf("error lines mismatch (-want +got):\n%s", diff)
	}
	for _, want := range []string{"f.jsonl:2: invalid JSON", `f.jsonl:4: id "B": missing "text"`, "f.jsonl:10: duplicate id \"A\" (first on line 1)", "f.jsonl:7:", "YYYY-MM-DD"} {
		if !strings.Contains(fmt.Sprint(p.Errs), want) {
			t.Errorf("errors %v do not mention %q", p.Errs, want)
		}
	}
}

func TestJSONLAllBad(t *testing.T) {
	t.Parallel()
	docs, err := readJSONL(context.Background(), "f.jsonl", strings.NewReader("{}\n[]\n"))
	if err == nil || docs != nil {
		t.Fatalf("docs %v err %v, want an error and no document", docs, err)
	}
	if isPartial(err) {
		t.Errorf("a file with no valid line is a plain error, got %v", err)
	}
}

func TestJSONLLongLines(t *testing.T) {
	t.Parallel()
	// A 5 MB line is fine; a line over the limit is reported and skipped.
	big := strings.Repeat("Une phrase de test. ", 250_000)
	input := `{"id": "big", "text": "` + big + `"}` + "\n" +
		`{"id": "huge", "text": "` + strings.Repeat("x", maxJSONLLine) + `"}` + "\n" +
		`{"id": "after", "text": "Suite."}`
	docs, err := readJSONL(context.Background(), "f.jsonl", strings.NewReader(input))
	if len(docs) != 2 || docs[0].ExternalID != "big" || docs[1].ExternalID != "after" {
		t.Fatalf("got %d documents", len(docs))
	}
	if err == nil || !strings.Contains(err.Error(), "f.jsonl:2: line longer than") {
		t.Errorf("err = %v, want line 2 too long", err)
	}
	if got := len(docs[0].Blocks[0].Text); got != len(big)-1 {
		t.Errorf("big text has %d bytes, want %d", got, len(big)-1)
	}
}

func TestJSONLContext(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	input := strings.Repeat(`{"id": "a", "text": "x"}`+"\n", 1000)
	if _, err := readJSONL(ctx, "f.jsonl", strings.NewReader(input)); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestStructureLines(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		lines []string
		want  []Block
	}{
		{
			name:  "question and noun headings",
			lines: []string{"Intro.", "Qui est concerné ?", "Les salariés.", "Démarche", "En ligne."},
			want: []Block{
				{Text: "Intro."},
				{Heading: []string{"Qui est concerné ?"}, Text: "Les salariés."},
				{Heading: []string{"Démarche"}, Text: "En ligne."},
			},
		},
		{
			name:  "two heading lines make a path",
			lines: []string{"Intro.", "Conditions", "Salariés concernés", "Un salarié peut :", "partir,"},
			want: []Block{
				{Text: "Intro."},
				{Heading: []string{"Conditions", "Salariés concernés"}, Text: "Un salarié peut :"},
				{Heading: []string{"Conditions", "Salariés concernés"}, Text: "partir,"},
			},
		},
		{
			name:  "list items after a list introduction are not headings",
			lines: []string{"Pièces à fournir :", "Carte d'identité", "Justificatif de domicile", "Fin."},
			want:  []Block{{Text: "Pièces à fournir :"}, {Text: "Carte d'identité"}, {Text: "Justificatif de domicile"}, {Text: "Fin."}},
		},
		{
			name:  "in a run of three or more only the first is a heading",
			lines: []string{"Fin.", "Qui est concerné ?", "Parents", "Grands-parents", "Héritiers", "la suite."},
			want: []Block{
				{Heading: []string{"Qui est concerné ?"}, Text: "Parents"},
				{Heading: []string{"Qui est concerné ?"}, Text: "Grands-parents"},
				{Heading: []string{"Qui est concerné ?"}, Text: "Héritiers"},
				{Heading: []string{"Qui est concerné ?"}, Text: "la suite."},
			},
		},
		{
			name:  "a heading needs text after it; debris is glued",
			lines: []string{"Voir le site", ".", "Dernière ligne"},
			want:  []Block{{Text: "Voir le site."}, {Text: "Dernière ligne"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := structureLines(tt.lines)
			if tt.name == "in a run of three or more only the first is a heading" {
				got = got[1:] // "Fin." has no heading
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLooksLikeHeading(t *testing.T) {
	t.Parallel()
	tests := map[string]bool{
		"Qui est concerné ?":                 true,
		"Définition":                         true,
		"Frais de garde (crédit d'impôt)":    true,
		"Faire la demande.":                  false,
		"un justificatif de domicile":        false,
		"Pièces à fournir :":                 false,
		"Carte d'identité,":                  false,
		"40 366 €":                           false,
		"1 personne":                         false,
		"Ab":                                 false,
		strings.Repeat("Mot ", 20) + "final": false,
	}
	for line, want := range tests {
		if got := looksLikeHeading(line); got != want {
			t.Errorf("looksLikeHeading(%q) = %v, want %v", line, got, want)
		}
	}
}
