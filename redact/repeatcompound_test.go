package redact

import (
	"context"
	"strings"
	"testing"
)

// TestRepeatedCompoundName checks that a hyphenated surname found once is
// masked where it is written again (black-box round 3 of session 20: « Le
// dossier de Kervella-Gourvès » kept it), while a compound that only holds
// a name's word stays (« Saint-Martin-de-Ré » after « Paul Martin »).
func TestRepeatedCompoundName(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		text, kept string
		gone       []string
	}{
		{"Mme Anne Kervella-Gourvès. Le dossier de Kervella-Gourvès est bloqué. Et kervella-gourves encore.", "", []string{"Kervella", "Gourvès", "kervella", "gourves"}},
		{"note : affaire de Mme Berthelot-Ngata, vue avec Berthelot-Ngata senior.", "", []string{"Berthelot", "Ngata"}},
		{"M. Paul Martin habite à Saint-Martin-de-Ré, Martin est venu.", "Saint-Martin-de-Ré", []string{"Paul", "Martin est"}},
	} {
		res, err := Redact(context.Background(), tt.text, DefaultPolicy())
		if err != nil {
			t.Fatal(err)
		}
		got := res.Text.String()
		for _, g := range tt.gone {
			if strings.Contains(got, g) {
				t.Errorf("%q left in %q", g, got)
			}
		}
		if tt.kept != "" && !strings.Contains(got, tt.kept) {
			t.Errorf("%q masked in %q", tt.kept, got)
		}
	}
}
