package api

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plume-sp/plume/ingest"
	"github.com/plume-sp/plume/store"
)

// TestEditedBlocks: each paragraph of an edited text takes the heading of
// the passage holding it or, edited, the passage most like it; a new one
// that of the paragraph before it.
func TestEditedBlocks(t *testing.T) {
	t.Parallel()
	chunks := []store.Chunk{{Heading: "A", Text: "Un.\nDeux."}, {Heading: "A > B", Text: "Trois.\n\nQuatre."}, {Text: "Cinq."}}
	steps := []store.Chunk{{Heading: "Démarches", Text: "Vous pouvez faire la demande en ligne."},
		{Heading: "Démarches > En ligne", Text: "La demande se fait en 3 étapes.\n\nVous recevez un courriel."},
		{Heading: "Délais", Text: "Comptez deux semaines."}}
	for _, tc := range []struct {
		name, text string
		chunks     []store.Chunk // default chunks
		want       []ingest.Block
	}{
		{"unchanged", "Un.\nDeux.\n\nTrois.\n\nQuatre.\n\nCinq.", nil, []ingest.Block{
			{Heading: []string{"A"}, Text: "Un.\nDeux."}, {Heading: []string{"A", "B"}, Text: "Trois."},
			{Heading: []string{"A", "B"}, Text: "Quatre."}, {Text: "Cinq."}}},
		{"new first and after a passage", "Zéro.\n\nUn.\nDeux.\n\nTrois.\n\n\n\nNeuf.\n\nCinq.", nil, []ingest.Block{
			{Heading: []string{"A"}, Text: "Zéro."}, {Heading: []string{"A"}, Text: "Un.\nDeux."},
			{Heading: []string{"A", "B"}, Text: "Trois."}, {Heading: []string{"A", "B"}, Text: "Neuf."}, {Text: "Cinq."}}},
		{"edited", "Un.\nDeux !\n\nCinq.", nil, []ingest.Block{{Heading: []string{"A"}, Text: "Un.\nDeux !"}, {Text: "Cinq."}}},
		{"one word edited keeps its heading", "Vous pouvez faire la demande en ligne.\n\nLa demande se fait en trois étapes.\n\n" +
			"Vous recevez un courriel.\n\nComptez deux semaines.", steps, []ingest.Block{
			{Heading: []string{"Démarches"}, Text: "Vous pouvez faire la demande en ligne."},
			{Heading: []string{"Démarches", "En ligne"}, Text: "La demande se fait en trois étapes."},
			{Heading: []string{"Démarches", "En ligne"}, Text: "Vous recevez un courriel."},
			{Heading: []string{"Délais"}, Text: "Comptez deux semaines."}}},
		{"an edited paragraph matches no earlier passage", "Comptez deux semaines.\n\nLa demande se fait en trois étapes.", steps, []ingest.Block{
			{Heading: []string{"Délais"}, Text: "Comptez deux semaines."},
			{Heading: []string{"Délais"}, Text: "La demande se fait en trois étapes."}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cs := chunks
			if tc.chunks != nil {
				cs = tc.chunks
			}
			if diff := cmp.Diff(tc.want, editedBlocks(tc.text, cs)); diff != "" {
				t.Errorf("blocks (-want +got):\n%s", diff)
			}
		})
	}
}

// BenchmarkEditedBlocks edits a long document whose paragraphs are all
// new: every paragraph is compared with every passage's words, which must
// be read once per edit, not once per paragraph (review, 2026-12-01: 400
// passages and 4,000 new paragraphs took 2 min 20 s).
func BenchmarkEditedBlocks(b *testing.B) {
	chunks := make([]store.Chunk, 400)
	for i := range chunks {
		var words []string
		for j := range 120 {
			words = append(words, fmt.Sprintf("mot%d", (i*120+j)%5000))
		}
		chunks[i] = store.Chunk{Heading: fmt.Sprintf("Titre %d", i), Text: strings.Join(words, " ")}
	}
	var paras []string
	for i := range 4000 {
		paras = append(paras, fmt.Sprintf("nouveau paragraphe %d sans rien de commun avec les passages", i))
	}
	text := strings.Join(paras, passageSeparator)
	b.ResetTimer()
	for range b.N {
		editedBlocks(text, chunks)
	}
}
