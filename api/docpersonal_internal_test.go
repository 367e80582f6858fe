package api

import (
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
