package redact

import (
	"context"
	"testing"
)

func TestScratch(t *testing.T) {
	for _, s := range []string{
		"née le premier mars quarante-huit, à Lyon",
		"né le vingt-sept juin mille neuf cent soixante-quatorze à Oran",
		"born on April 3, 1990 in Kyiv; date of birth: 1990-04-03; DOB 3rd of April 1990",
		"nacido el 3 de abril de 1990 en Madrid, fecha de nacimiento 03.04.1990",
		"j'ai 45 ans, délai de deux mois, rendez-vous le 3 avril 2025",
	} {
		res, _ := Redact(context.Background(), s, nil)
		t.Log(res.Text)
	}
}
