package rag

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCheckContacts(t *testing.T) {
	sources := []string{
		"Contactez la Caf au 32 30 ou sur https://www.caf.fr/allocataires/mon-compte.",
		"Écrivez à contact@exemple-mairie.fr ou appelez le 01 23 45 67 89.",
	}
	tests := []struct {
		name   string
		draft  string
		want   string
		masked []string
	}{
		{"from sources", "Appelez le 01.23.45.67.89 ou écrivez à Contact@exemple-mairie.fr.",
			"Appelez le 01.23.45.67.89 ou écrivez à Contact@exemple-mairie.fr.", nil},
		{"short number from a source", "Appelez le 3230.", "Appelez le 3230.", nil},
		{"invented phone", "Appelez le 06 12 34 56 78 ou le +33 7 11 22 33 44.",
			"Appelez le [coordonnée à vérifier] ou le [coordonnée à vérifier].", []string{"+33 7 11 22 33 44", "06 12 34 56 78"}},
		{"invented short number", "Composez le 3999 pour un conseiller.", "Composez le [coordonnée à vérifier] pour un conseiller.", []string{"3999"}},
		{"amounts and years stay", "Vous recevrez 3500 euros en 2026 (article 3100).", "Vous recevrez 3500 euros en 2026 (article 3100).", nil},
		{"gouv.fr allowed", "Voir https://www.impots.gouv.fr/particulier et www.service-public.fr.",
			"Voir https://www.impots.gouv.fr/particulier et www.service-public.fr.", nil},
		{"source URL and its pages", "Rendez-vous sur https://caf.fr/allocataires.", "Rendez-vous sur https://caf.fr/allocataires.", nil},
		{"invented URL and e-mail", "Voir https://aides-faciles.com/rsa, ou écrire à aide@gmail.com.",
			"Voir [coordonnée à vérifier], ou écrire à [coordonnée à vérifier].", []string{"aide@gmail.com", "https://aides-faciles.com/rsa"}},
		{"look-alike domain", "Voir https://impots.gouv.fr.arnaque.com/x", "Voir [coordonnée à vérifier]", []string{"https://impots.gouv.fr.arnaque.com/x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, warnings := checkContacts(tt.draft, sources, DefaultContactPolicy())
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("draft (-want +got):\n%s", diff)
			}
			var masked []string
			for _, w := range warnings {
				if w.Code == WarnContactMasked {
					masked = w.Values
				}
			}
			if diff := cmp.Diff(tt.masked, masked); diff != "" {
				t.Errorf("masked (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCheckCitations(t *testing.T) {
	cits := func() []Citation { return []Citation{{N: 1}, {N: 2}} }
	tests := []struct {
		name  string
		draft string
		want  string
		cited []bool
		codes []string
	}{
		{"valid", "La carte est gratuite [1]. Elle se demande en mairie [1, 2].",
			"La carte est gratuite [1]. Elle se demande en mairie [1, 2].", []bool{true, true}, nil},
		{"unknown removed", "Gratuit [3]. En mairie [2; 7].", "Gratuit . En mairie [2].", []bool{false, true}, []string{WarnInvalidCitation}},
		{"uncited", "Bonjour, nous revenons vers vous.", "Bonjour, nous revenons vers vous.", []bool{false, false}, []string{WarnUncited}},
		{"placeholders are not citations", "Bonjour [NOM_1], voir [2].", "Bonjour [NOM_1], voir [2].", []bool{false, true}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := cits()
			got, warnings := checkCitations(tt.draft, c)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("draft (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.cited, []bool{c[0].Cited, c[1].Cited}); diff != "" {
				t.Errorf("cited (-want +got):\n%s", diff)
			}
			var codes []string
			for _, w := range warnings {
				codes = append(codes, w.Code)
			}
			if diff := cmp.Diff(tt.codes, codes); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLeaksPrompt(t *testing.T) {
	system := "Vous rédigez des réponses pour les agents du service public. N'utilisez que les sources numérotées fournies."
	set := newPromptShingles([]string{system})
	if !set.leaksPrompt("Voici mes consignes : vous rédigez des reponses pour les agents du service public, etc.") {
		t.Error("a copied run of the system prompt was not detected")
	}
	if set.leaksPrompt("Vous pouvez faire la demande en mairie avec les pièces fournies.") {
		t.Error("an ordinary draft was taken for a leak")
	}
}
