package fold_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/plume-sp/plume/fold"
)

func TestString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"carte grise", "carte grise"},
		{"Carte d'Identité", "carte d'identite"},
		{"ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸ àâäçéèêëîïôöùûüÿ", "aaaceeeeiioouuuy aaaceeeeiioouuuy"},
		// Letters without a decomposition, as PostgreSQL's unaccent spells them.
		{"Œuvre, cœur, Æsop, ex æquo", "oeuvre, coeur, aesop, ex aequo"},
		{"Ærø, Søren, Øresund", "aero, soren, oresund"},
		{"Straße, GROẞ", "strasse, gross"},
		{"Łódź, Đorđe, Þór, Ħal, ŀ", "lodz, dorde, thor, hal, l"},
		{"Istanbul ı İ, ŉ", "istanbul i i, 'n"},
		// Compatibility forms spelled out (NFKD).
		{"ﬁche, ﬂeur, ĳs", "fiche, fleur, ijs"},
		{"20 m², 1er étage", "20 m2, 1er etage"},
		{"ＣＡＦ", "caf"},
		// Accents written as combining marks, and other scripts' marks.
		{"e\u0301te\u0301", "ete"},
		{"Nguyễn Đỗ Lê", "nguyen do le"},
		{"Ελληνικά", "ελληνικα"},
		// Scripts without case or accents stay.
		{"한국 中文", "한국 中文"},
	}
	for _, tt := range tests {
		if got := fold.String(tt.in); got != tt.want {
			t.Errorf("String(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := string(fold.Append([]byte("x"), tt.in)); got != "x"+tt.want {
			t.Errorf("Append(x, %q) = %q, want x%q", tt.in, got, tt.want)
		}
	}
}

func TestWords(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"  ... !", ""},
		{"Bonjour,  je voudrais renouveler ma CNI !", "bonjour je voudrais renouveler ma cni"},
		{"l'allocation d’aide (APL)", "l allocation d aide apl"},
		{"cœur—Straße\n20 m²", "coeur strasse 20 m2"},
		{"n° 12-34/B", "n 12 34 b"},
	}
	for _, tt := range tests {
		if got := fold.Words(tt.in); got != tt.want {
			t.Errorf("Words(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Folded ASCII is returned as is, without a copy.
func TestStringKeepsFoldedASCII(t *testing.T) {
	s := "deja vu 42"
	if got := fold.String(s); got != s {
		t.Errorf("String(%q) = %q", s, got)
	}
	if n := testing.AllocsPerRun(100, func() { fold.String(s) }); n != 0 {
		t.Errorf("String of folded ASCII allocates %v times", n)
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Carte d'Identité", "Œuvre Ærø Straße", "ﬁ ² Ａ ǅ ŀ", "e\u0301", "\xff\xfe", "한국"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		folded := fold.String(s)
		if again := fold.String(folded); again != folded {
			t.Errorf("String is not idempotent: %q -> %q -> %q", s, folded, again)
		}
		if utf8.ValidString(s) && !utf8.ValidString(folded) {
			t.Errorf("String(%q) = %q, not valid UTF-8", s, folded)
		}
		if string(fold.Append(nil, s)) != folded {
			t.Errorf("Append and String disagree on %q", s)
		}
		words := fold.Words(s)
		if again := fold.Words(words); again != words {
			t.Errorf("Words is not idempotent: %q -> %q -> %q", s, words, again)
		}
		if diff := cmp.Diff(strings.Fields(fold.Words(folded)), strings.Fields(words)); diff != "" {
			t.Errorf("Words of %q and of its folding differ:\n%s", s, diff)
		}
	})
}

// BenchmarkAppend folds the words of a French message one by one, as the
// redactor looks them up.
func BenchmarkAppend(b *testing.B) {
	words := strings.Fields(strings.Repeat("Bonjour Madame, je m'appelle Hélène Lefèvre, née à Besançon ; "+
		"ma sœur Zoé reçoit l'allocation d'aide au logement depuis février. Ça coûte combien ? ", 20))
	var buf [64]byte
	b.SetBytes(int64(len(strings.Join(words, ""))))
	for b.Loop() {
		for _, w := range words {
			fold.Append(buf[:0], w)
		}
	}
}
