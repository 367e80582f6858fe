package rag

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/plume-sp/plume/redact"
)

// TestRedactTagsNFC: a tag typed in NFD is stored in NFC, one with its
// twin typed in NFC.
func TestRedactTagsNFC(t *testing.T) {
	t.Parallel()
	got, err := redactTags(t.Context(), []string{"cafe\u0301", "caf\u00e9", "tre\u0300s clair"}, redact.DefaultPolicy())
	if err != nil {
		t.Fatal(err)
	}
	var tags []string
	for _, tag := range got {
		tags = append(tags, tag.String())
	}
	if diff := cmp.Diff([]string{"caf\u00e9", "tr\u00e8s clair"}, tags); diff != "" {
		t.Errorf("tags (-want +got):\n%s", diff)
	}
}
