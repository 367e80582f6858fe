package redact

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSessionExpect checks that a value only a later text tells as one
// (an agent's note redacted after the message) is masked in the texts
// before it once the session expects that text, numbered where it is
// first masked, and that expecting a text changes nothing else.
func TestSessionExpect(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name        string
		expect      []string
		texts, want []string
	}{
		{
			name:   "a widow's surname the note names",
			expect: []string{"Vu avec Mme Gérard Chassagne hier, veuve depuis mars."},
			texts:  []string{"je suis Veuve Chassagne depuis mars, comment toucher la réversion ?", "Vu avec Mme Gérard Chassagne hier, veuve depuis mars."},
			want:   []string{"je suis Veuve [NOM_1] depuis mars, comment toucher la réversion ?", "Vu avec Mme [NOM_2] hier, veuve depuis mars."},
		},
		{
			name:   "an agent's surname the note names in full",
			expect: []string{"Dossier suivi par Paul Lefebvre (CAF)."},
			texts:  []string{"j'ai appelé Lefebvre hier à la CAF, rien", "Dossier suivi par Paul Lefebvre (CAF)."},
			want:   []string{"j'ai appelé [NOM_1] hier à la CAF, rien", "Dossier suivi par [NOM_2] (CAF)."},
		},
		{
			name:   "a surname that is a common word, written in lower case",
			expect: []string{"Vu avec Mme Rose Justice ce matin."},
			texts:  []string{"Je demande justice pour mon fils.", "Vu avec Mme Rose Justice ce matin."},
			want:   []string{"Je demande justice pour mon fils.", "Vu avec Mme [NOM_1] ce matin."},
		},
		{
			name:  "nothing expected",
			texts: []string{"j'ai appelé Lefebvre hier à la CAF, rien", "Dossier suivi par Paul Lefebvre (CAF)."},
			want:  []string{"j'ai appelé Lefebvre hier à la CAF, rien", "Dossier suivi par [NOM_1] (CAF)."},
		},
		{
			name:   "a note without names changes nothing",
			expect: []string{"Rappeler mardi, dossier complet."},
			texts:  []string{"Bonjour, M. Martin de la mairie m'a dit de vous écrire.", "Rappeler mardi, dossier complet."},
			want:   []string{"Bonjour, M. [NOM_1] de la mairie m'a dit de vous écrire.", "Rappeler mardi, dossier complet."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewSession(DefaultPolicy())
			if err := s.Expect(ctx, tt.expect...); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, text := range tt.texts {
				r, err := s.Redact(ctx, text)
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, r.Text.String())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("redacted (-want +got):\n%s", diff)
			}
		})
	}
}
