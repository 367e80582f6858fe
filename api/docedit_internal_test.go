package api

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plume-sp/plume/ingest"
	"github.com/plume-sp/plume/store"
)

// TestEditedBlocks: each paragraph of an edited text takes the heading of
// the passage holding it, a new one that of the paragraph before it.
func TestEditedBlocks(t *testing.T) {
	t.Parallel()
	chunks := []store.Chunk{{Heading: "A", Text: "Un.\nDeux."}, {Heading: "A > B", Text: "Trois.\n\nQuatre."}, {Text: "Cinq."}}
	for _, tc := range []struct {
		name, text string
		want       []ingest.Block
	}{
		{"unchanged", "Un.\nDeux.\n\nTrois.\n\nQuatre.\n\nCinq.", []ingest.Block{
			{Heading: []string{"A"}, Text: "Un.\nDeux."}, {Heading: []string{"A", "B"}, Text: "Trois."},
			{Heading: []string{"A", "B"}, Text: "Quatre."}, {Text: "Cinq."}}},
		{"new first and after a passage", "Zéro.\n\nUn.\nDeux.\n\nTrois.\n\n\n\nNeuf.\n\nCinq.", []ingest.Block{
			{Heading: []string{"A"}, Text: "Zéro."}, {Heading: []string{"A"}, Text: "Un.\nDeux."},
			{Heading: []string{"A", "B"}, Text: "Trois."}, {Heading: []string{"A", "B"}, Text: "Neuf."}, {Text: "Cinq."}}},
		{"edited", "Un.\nDeux !\n\nCinq.", []ingest.Block{{Heading: []string{"A"}, Text: "Un.\nDeux !"}, {Text: "Cinq."}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, editedBlocks(tc.text, chunks)); diff != "" {
				t.Errorf("blocks (-want +got):\n%s", diff)
			}
		})
	}
}
