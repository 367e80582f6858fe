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
	got, err := redactTags(t.Context(), []string{"cafe\u0301", "caf\u00e9", "tre\u0300s clair"}, redact.NewSession(redact.DefaultPolicy()))
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

// TestValidateFeedbackNamesTheTag: a tag refused for its form is named by
// its place, and an invisible character in it by its code point
// (black-box test: « clair » with a zero-width space was refused with a
// message naming neither).
func TestValidateFeedbackNamesTheTag(t *testing.T) {
	t.Parallel()
	tests := []struct {
		tags []string
		want string
	}{
		{[]string{"utile", "clair\u200b"}, "feedback: tag 2: a tag holds an invisible character (U+200B): invalid request"},
		{[]string{"\u202eclair"}, "feedback: tag 1: a tag holds an invisible character (U+202E): invalid request"},
		{[]string{"utile", "<b>clair</b>"}, "feedback: tag 2: a tag is a short label of letters, digits, spaces and ' - _ . , ! ?: invalid request"},
		{[]string{"utile", "  "}, "feedback: tag 2: empty tag: invalid request"},
	}
	for _, tt := range tests {
		_, err := validateFeedback(&FeedbackRequest{Outcome: "accepted", Tags: tt.tags})
		if err == nil || err.Error() != tt.want {
			t.Errorf("tags %q: error %v, want %q", tt.tags, err, tt.want)
		}
	}
}
