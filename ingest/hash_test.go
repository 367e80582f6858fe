package ingest

import (
	"testing"
	"time"
)

func TestContentHash(t *testing.T) {
	t.Parallel()
	base := Document{
		Source: "dila", ExternalID: "F1", Title: "Titre", Description: "Desc", URL: "https://a.fr",
		Audience: []string{"particuliers"}, Service: "caf", Tags: []string{"t"}, Breadcrumb: []string{"b"},
		UpdatedAt: time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC),
		Blocks:    []Block{{Heading: []string{"H"}, Text: "Texte."}},
	}
	h := base.ContentHash()
	if len(h) != 64 {
		t.Fatalf("hash %q is not sha256 hex", h)
	}
	// Pinned: changing the serialisation re-embeds every stored document.
	if want := "3e873fceae262c10d3632a6c31e4c7a7a06528bb61646834288dd8b33cbccca5"; h != want {
		t.Errorf("hash = %s, want %s", h, want)
	}
	same := base
	same.Source, same.ExternalID = "jsonl", "autre"
	same.UpdatedAt = base.UpdatedAt.In(time.FixedZone("CET", 3600))
	if same.ContentHash() != h {
		t.Error("identity or time zone changed the hash")
	}
	changes := map[string]func(d *Document){
		"title":       func(d *Document) { d.Title = "Autre" },
		"description": func(d *Document) { d.Description = "" },
		"url":         func(d *Document) { d.URL = "https://b.fr" },
		"audience":    func(d *Document) { d.Audience = append(d.Audience, "professionnels") },
		"service":     func(d *Document) { d.Service = "" },
		"tags":        func(d *Document) { d.Tags = nil },
		"breadcrumb":  func(d *Document) { d.Breadcrumb = []string{"c"} },
		"updated":     func(d *Document) { d.UpdatedAt = d.UpdatedAt.Add(time.Second) },
		"heading":     func(d *Document) { d.Blocks = []Block{{Heading: []string{"H2"}, Text: "Texte."}} },
		"text":        func(d *Document) { d.Blocks = []Block{{Heading: []string{"H"}, Text: "Texte!"}} },
		"extra block": func(d *Document) { d.Blocks = append(d.Blocks, Block{}) },
		"field shift": func(d *Document) { d.Title, d.Description = "TitreDesc", "" },
		"list shift":  func(d *Document) { d.Tags, d.Breadcrumb = []string{"t", "b"}, nil },
		"block split": func(d *Document) {
			d.Blocks = []Block{{Heading: []string{"H"}, Text: "Tex"}, {Heading: []string{"H"}, Text: "te."}}
		},
		"heading/text": func(d *Document) { d.Blocks = []Block{{Heading: []string{"H", "Texte."}}} },
	}
	seen := map[string]string{h: "base"}
	for name, change := range changes {
		d := base
		d.Audience = append([]string(nil), base.Audience...)
		d.Blocks = append([]Block(nil), base.Blocks...)
		change(&d)
		got := d.ContentHash()
		if prev, dup := seen[got]; dup {
			t.Errorf("%s gives the same hash as %s", name, prev)
		}
		seen[got] = name
	}
}
