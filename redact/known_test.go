package redact

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSessionFromMasksKnownValues covers a text redacted in a session
// that goes on from a message's: the message's values are masked by
// value, whatever their form, where no detector would find them.
func TestSessionFromMasksKnownValues(t *testing.T) {
	ctx := context.Background()
	msg, err := Redact(ctx, "Bonjour, je suis M. Karim Benali, allocataire 7654321, tel 07 98 76 54 32", DefaultPolicy())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, in, want string }{
		{"a bare number", "Bonjour Karim Benali 7654321 07 98 76 54 32", "Bonjour [NOM_1] [CAF_1] [TEL_1]"},
		{"grouped otherwise", "votre numéro 76 54 321 et le 07.98.76.54.32", "votre numéro [CAF_1] et le [TEL_1]"},
		{"a name in capitals, hyphenated", "KARIM-BENALI a écrit", "[NOM_1] a écrit"},
		{"a surname alone", "le dossier de benali", "le dossier de [NOM_2]"},
		{"part of a longer number stays", "le 876543210 et Benalis", "le 876543210 et Benalis"},
		{"a new value is numbered after", "et Paul Durand, 06 11 22 33 44", "et [NOM_2], [TEL_2]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := NewSessionFrom(DefaultPolicy(), msg.Mapping).Redact(ctx, tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, res.Text.String()); diff != "" {
				t.Errorf("Redact(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}
