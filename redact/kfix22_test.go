package redact

import (
	"context"
	"math/bits"
	"strings"
	"testing"
)

// TestShopNameKnownPerson covers the review of session 22's [keep-name]
// rule: a value the session knows, or a person's cue in the message,
// that covers a shop's whole phrase keeps it masked; a known name that
// covers a part of it only still leaves the shop whole.
func TestShopNameKnownPerson(t *testing.T) {
	for _, tt := range []struct {
		name string
		msgs []string
		want string // the last message redacted
	}{
		{"a person introduced, then named alone", []string{"Je m'appelle Marie Blachère", "Marie Blachère n'a pas reçu sa carte vitale."}, "[NOM_1] n'a pas reçu sa carte vitale."},
		{"a neighbour, then named alone", []string{"M. Leroy Merlin est mon voisin", "Leroy Merlin a porté plainte contre moi"}, "[NOM_1] a [JUSTICE_1]"},
		{"a known surname leaves the shop whole", []string{"M. Leroy est mon voisin", "J'ai acheté chez Leroy Merlin."}, "J'ai acheté chez Leroy Merlin."},
		{"a known first name leaves the school whole", []string{"Ma fille s'appelle Marie.", "Elle est au lycée Jean Moulin, avec Marie Blachère comme boulangerie en face."}, "Elle est au lycée Jean Moulin, avec Marie Blachère comme boulangerie en face."},
		{"no person known: the shop stays", []string{"Bonjour.", "Marie Blachère n'a pas reçu ma commande."}, "Marie Blachère n'a pas reçu ma commande."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := NewSession(DefaultPolicy())
			var got string
			for _, m := range tt.msgs {
				res, err := s.Redact(context.Background(), m)
				if err != nil {
					t.Fatal(err)
				}
				got = res.Text.String()
			}
			if got != tt.want {
				t.Errorf("last Redact = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestShopNamePersonCues covers a shop's phrase set apart by commas (a
// person addressed) or followed by a relative in brackets; their twins,
// a shop followed by a comma or by brackets that name no relative, stay.
func TestShopNamePersonCues(t *testing.T) {
	checkRedactions(t, []redactCase{
		{"a person addressed between commas", "Votre dossier, Marie Blachère, est complet.", "Votre dossier, [NOM_1], est complet."},
		{"a relative in brackets after", "Marie Blachère (ma fille) est malade", "[NOM_1] (ma fille) est [SANTE_1]"},
		{"a relative in brackets, no possessive", "Leroy Merlin (voisin) a porté plainte", "[NOM_1] (voisin) a porté plainte"},
		{"a shop, then a comma", "Je travaille chez Leroy Merlin, à Nantes.", "Je travaille chez Leroy Merlin, à Nantes."},
		{"a shop between commas after chez", "J'ai acheté, chez Leroy Merlin, une perceuse.", "J'ai acheté, chez Leroy Merlin, une perceuse."},
		{"a shop, then brackets", "Je travaille à Marie Blachère (boulangerie) depuis mai.", "Je travaille à Marie Blachère (boulangerie) depuis mai."},
	})
}

// TestShopIndexLinear checks that the shops' spans are filtered with a
// sorted sweep: the comparisons made grow as n log n, not as n².
func TestShopIndexLinear(t *testing.T) {
	const n = 20000
	var shops, names []cand
	for i := 0; i < n; i++ {
		at := i * 22
		shops = append(shops, cand{start: at, end: at + 12, typ: typShop})
		names = append(names, cand{start: at, end: at + 5, typ: NOM}, cand{start: at + 16, end: at + 21, typ: NOM})
	}
	idx := newShopIndex(shops)
	kept := 0
	for _, c := range names {
		if !idx.drops(c) {
			kept++
		}
	}
	if kept != n {
		t.Errorf("kept %d names, want %d", kept, n)
	}
	limit := len(names) * (bits.Len(uint(n)) + 3)
	if idx.steps > limit {
		t.Errorf("%d comparisons for %d names and %d shops, want at most %d", idx.steps, len(names), n, limit)
	}
}

// TestShopNamesLargeInput checks the shops and the names of a long text
// written again and again: every shop kept, every name masked.
func TestShopNamesLargeInput(t *testing.T) {
	res, err := Redact(context.Background(), strings.Repeat("J'ai acheté chez Leroy Merlin. M. Leroy est venu. ", 2000), DefaultPolicy())
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Repeat("J'ai acheté chez Leroy Merlin. M. [NOM_1] est venu. ", 2000); res.Text.String() != want {
		t.Errorf("Redact = %.80q…, want %.80q…", res.Text.String(), want)
	}
}

// BenchmarkShopNames times a long text of shops and of the names
// written inside them.
func BenchmarkShopNames(b *testing.B) {
	text := strings.Repeat("Leroy Merlin M. Leroy ", 20000)
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		if _, err := Redact(context.Background(), text, DefaultPolicy()); err != nil {
			b.Fatal(err)
		}
	}
}
