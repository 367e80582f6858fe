package api

import (
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
