package redact

import (
	"context"
	"testing"
)

// TestCueEndingTheText: a rule that reads the tokens after a cue finds
// none when the cue ends the text, and neither panics nor masks the cue
// (the final diff review of session 14: « 12/03/1985 (le » read past the
// last token).
func TestCueEndingTheText(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"Je suis né le 12/03/1985 (le",
		"Je suis né le 12 mars 1985 (le",
		"date de naissance : 12/03/1985 (soit",
		"née le 3 février 1989 (ie",
		"mon frère est né le 21/06/1988 à Angers, moi le",
		"né le",
		"née en 1987 le",
	} {
		res, err := Redact(context.Background(), text, DefaultPolicy())
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		for _, e := range res.Entities {
			if e.Type != NAISSANCE && e.Type != NOM && e.Type != ADRESSE {
				t.Errorf("%q: %s masked at %d–%d", text, e.Type, e.Start, e.End)
			}
		}
	}
}
