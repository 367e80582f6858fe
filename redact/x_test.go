package redact

import (
	"context"
	"testing"
)

func TestScratch(t *testing.T) {
	for _, s := range []string{
		"call me on oh seven seven double oh nine zero zero one two three",
		"mon tel en Angleterre 07700 900123, au Maroc +212 6 61 23 45 67, Pologne +48 512 345 678",
		"US: (212) 555-1234 ou +1 (212) 555-1234, Russie +7 912 345-67-89, tel 0049 1512 3456789",
		"Montant 1234567890 €, décret 2023-1234, le 12/03/2024, page 12 - 14",
		"Ukraine: +380 67 123 4567; Chine +86 139 1234 5678; mon portable roumain 0721 234 567",
	} {
		res, _ := Redact(context.Background(), s, nil)
		t.Log(res.Text)
	}
}
