package rag

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/plume-sp/plume/redact"
)

// TestCheckPlaceholdersWithANote checks the placeholder warnings of a draft
// whose request had a note: the note's placeholders are known (never
// invented) and, being instructions, never reported as dropped.
func TestCheckPlaceholdersWithANote(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := redact.NewSession(redact.DefaultPolicy())
	q, err := s.Redact(ctx, "Bonjour, je suis Mme Claire Martin, mon voisin Paul Durand a le même souci.")
	if err != nil {
		t.Fatal(err)
	}
	n, err := s.Redact(ctx, "Rappeler M. Jean Dupont au 06 12 34 56 78")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, draft       string
		invented, dropped []string
	}{
		{"the note's values kept", "Bonjour [NOM_1], nous rappellerons [NOM_3] au [TEL_1] ; [NOM_2] aussi.", nil, nil},
		{"the note's values left out", "Bonjour [NOM_1], [NOM_2] aussi.", nil, nil},
		{"a question's value left out", "Bonjour [NOM_1], nous rappellerons [NOM_3].", nil, []string{"[NOM_2]"}},
		{"a value invented", "Bonjour [NOM_1], [NOM_2] et [NOM_4].", []string{"[NOM_4]"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var invented, dropped []string
			for _, w := range checkPlaceholders(tt.draft, n.Mapping, q.Mapping, true) {
				switch w.Code {
				case WarnPlaceholderInvent:
					invented = w.Values
				case WarnPlaceholderDropped:
					dropped = w.Values
				}
			}
			if diff := cmp.Diff(tt.invented, invented); diff != "" {
				t.Errorf("invented (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.dropped, dropped); diff != "" {
				t.Errorf("dropped (-want +got):\n%s", diff)
			}
		})
	}
}
