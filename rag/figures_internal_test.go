package rag

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCheckFigures(t *testing.T) {
	t.Parallel()
	sources := []string{"La demande est instruite en deux mois. Le montant forfaitaire est de 1.234,50 € par mois ; il augmente de 10 %.",
		"Bonjour, je suis [NOM_1], tel [TEL_2], je touche 635 euros depuis 3 ans, né le [DATE_3]."}
	cases := []struct {
		name, draft string
		want        []string
	}{
		{"figures of the sources, written otherwise", "Comptez 2 mois. Le montant est de 1 234,5 euros, soit 10 pour cent de plus.", nil},
		{"the person's own figures", "Vous touchez 635 € depuis 3 ans.", nil},
		{"invented figures, each once", "Le délai est de 12 jours, puis 12 jours encore ; 4 000 euros.", []string{"12 jours", "4 000 euros"}},
		{"a number without a unit is no figure", "Rappelez le 3939 ou consultez l'article 12.", nil},
		{"a rate and years", "Un taux de 3,5 % pendant 7 ans.", []string{"3,5 %", "7 ans"}},
		{"a non-breaking space", "Un montant de 2\u00a0000\u00a0€.", []string{"2\u00a0000\u00a0€"}},
		{"a year before an amount", "Depuis avril 2025 200 euros vous sont versés ; 635 € aussi.", []string{"200 euros"}},
		{"a decimal point", "Un taux de 1.5 % s'applique.", []string{"1.5 %"}},
		{"placeholders' indexes and « un » are no source", "Vous avez 1 an, 2 mois, 7 semaines pour agir.", []string{"1 an", "7 semaines"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, w := range checkFigures(c.draft, sources) {
				if w.Code != WarnUnsupportedFigure {
					t.Fatalf("code %q", w.Code)
				}
				got = w.Values
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("checkFigures(%q) (-want +got):\n%s", c.draft, diff)
			}
		})
	}
}
