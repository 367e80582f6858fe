package api

import (
	"fmt"
	"strings"
	"testing"

	"github.com/plume-sp/plume/ingest"
	"github.com/plume-sp/plume/redact"
)

// TestUploadedBreadcrumbChecked: a DILA file's breadcrumb, stored and shown
// with the document, is checked as its text is (black-box test, round 2: a
// NIR in a theme's name was stored).
func TestUploadedBreadcrumbChecked(t *testing.T) {
	t.Parallel()
	d := ingest.Document{Source: "dila", ExternalID: "F1028", Title: "Carte grise",
		Breadcrumb: []string{"Transports", "Dossier 1 85 05 78 006 084 36"},
		Blocks:     []ingest.Block{{Text: "Faites la démarche en ligne."}}}
	found, err := personalFindings(t.Context(), uploadedFields([]ingest.Document{d}))
	if err != nil {
		t.Fatal(err)
	}
	if len(found) != 1 || found[0].Field != "breadcrumb" || found[0].Type != redact.NIR || found[0].Document != "dila/F1028" {
		t.Errorf("findings %+v, want the NIR in the breadcrumb of dila/F1028", found)
	}
}

// BenchmarkUploadCheck measures the personal-data check of an uploaded
// document of 32 MiB (the largest upload before expansion): guidance
// text with phones, addresses and names, and the same text flooded with
// names that share a surname, the redactor's slowest shape.
func BenchmarkUploadCheck(b *testing.B) {
	guidance := "## Démarche\nDéclarez votre changement d'adresse en ligne ou au 3939. Mme Claire Martin, " +
		"conseillère, vous reçoit au 12 rue Victor Hugo, 69003 Lyon, du lundi au vendredi. " +
		"Délai : deux mois (article L. 262-2 du code de l'action sociale et des familles).\n\n"
	var names strings.Builder
	for i := 0; names.Len() < 32<<20; i++ {
		fmt.Fprintf(&names, "Mme Dupont %c%x, ", 'A'+i%26, i)
	}
	for _, bc := range []struct{ name, text string }{
		{"guidance", strings.Repeat(guidance, 32<<20/len(guidance))},
		{"surnames", names.String()},
	} {
		b.Run(bc.name, func(b *testing.B) {
			docs := []ingest.Document{{Source: "markdown", ExternalID: "grand", Title: "Grand", Blocks: []ingest.Block{{Text: bc.text}}}}
			b.SetBytes(int64(len(bc.text)))
			for b.Loop() {
				if _, err := personalFindings(b.Context(), uploadedFields(docs)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
