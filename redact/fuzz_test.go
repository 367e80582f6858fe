package redact

import (
	"context"
	"fmt"
	"testing"
	"time"
	"unicode/utf8"
)

var fuzzSeeds = []string{
	"",
	"Bonjour, je m'appelle Marie Dupont, né le 3 avril 1990, NIR 2 84 12 76 451 089 46, tel 06 12 34 56 78.",
	"[NOM_1] et NOM_2, puis Jean Dupont et [ nom 3 ]",
	"NOM_1+33 6 12 34 56 78 x[TEL_1]y [NOM_12345678] FRANCE_TRAVAIL_1",
	"12 bis rue Victor Hugo, 69003 Lyon\nCordialement,\nJean-Pierre DURAND",
	"FR76 3000 6000 0112 3456 7890 189 4970 1012 3456 7894 jean.dupont@example.fr",
	"https://x.fr/a?token=abc123def456ghi789&id=NOM_1",
	"Mme N'Diaye\u00a006\u202f12 34 56 78 \u2028 [ TEL_1 ]",
	"a@b.c@d.e NOM_1@x.fr",
	// A birth cue ending the text (the final diff review of session 14:
	// a rule read the token past the last one).
	"Je suis né le 12/03/1985 (le",
	"date de naissance : 12 mars 1985 (soit",
	"mon frère est né le 21/06/1988 à Angers, moi le",
	// Labels glued to their values (issue 10, session 16): the view holds
	// a space that stands for no character.
	"NIR185057511542357 tel\u200b06 12 34 56 78 IBANFR7630006000011234567890189 0612345678svp ＮＩＲ184122A45108946",
}

// FuzzRedact checks, for any input: no panic, output valid UTF-8, and
// Restore(Redact(x)) == x (nothing is masked without restore by default).
func FuzzRedact(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		watchdog := time.AfterFunc(10*time.Second, func() { panic(fmt.Sprintf("Redact hangs on %q", in)) })
		defer watchdog.Stop()
		res, err := Redact(context.Background(), in, DefaultPolicy())
		if !utf8.ValidString(in) {
			if err == nil {
				t.Fatalf("invalid UTF-8 accepted")
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		if !utf8.ValidString(res.Text.String()) {
			t.Fatalf("output is not valid UTF-8: %q", res.Text.String())
		}
		if got := Restore(res.Text.String(), res.Mapping, DefaultPolicy()); got != in {
			t.Fatalf("Restore(Redact(x)) != x\n x: %q\nred: %q\ngot: %q", in, res.Text.String(), got)
		}
		for _, e := range res.Entities {
			if e.Start < 0 || e.End > len(in) || e.Start >= e.End {
				t.Fatalf("bad entity offsets %+v for %d bytes", e, len(in))
			}
		}
	})
}

// FuzzRestore checks that Restore never panics and never changes a text
// that holds no placeholder of the mapping.
func FuzzRestore(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, draft string) {
		m, err := NewMapping([]MappingEntry{{Placeholder: "[NOM_1]", Type: NOM, Value: "Marie", Restore: true}})
		if err != nil {
			t.Fatal(err)
		}
		got := Restore(draft, m, nil)
		if len(Placeholders(draft)) == 0 && got != draft {
			t.Fatalf("Restore changed a draft without placeholders: %q -> %q", draft, got)
		}
		_ = MissingPlaceholders(draft, m)
		_ = UnknownPlaceholders(draft, m)
	})
}
