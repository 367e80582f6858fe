package redact

import (
	"testing"

	"github.com/plume-sp/plume/fold"
)

// TestWordTableMatchesLexicon checks that tokenize's table finds every word
// of the lexicon's map, and nothing for words the map lacks.
func TestWordTableMatchesLexicon(t *testing.T) {
	for w, ent := range lex.words {
		if got := lex.table.lookup([]byte(w), wordHash([]byte(w))); got != ent {
			t.Errorf("lookup(%q) = %d, want %d", w, got, ent)
		}
	}
	for _, w := range []string{"", "zzqx", "plumeplume", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"} {
		if _, inMap := lex.words[w]; inMap {
			continue
		}
		if got := lex.table.lookup([]byte(w), wordHash([]byte(w))); got != 0 {
			t.Errorf("lookup(%q) = %d, want 0", w, got)
		}
	}
}

// TestTokenizeFoldsAsTheLexicon checks that tokenize's folding and hashing
// of ASCII words as it reads them gives what fold and wordHash give, and
// finds the same entries as the lexicon's map.
func TestTokenizeFoldsAsTheLexicon(t *testing.T) {
	text := "Bonjour MADAME Dupont, je m'appelle Élodie ÉCOLE école ecole rue RUE Rue xyzzy Straße " +
		"diabétique DIABETIQUE psychiatriques abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz"
	for _, tok := range tokenize(text, nil) {
		if tok.kind != kWord || tok.end-tok.start > 48 {
			continue
		}
		raw := text[tok.start:tok.end]
		w := fold.Append(nil, raw)
		if got, want := tok.val, wordHash(w); got != want {
			t.Errorf("%q: hash %d, want %d", raw, got, want)
		}
		if got, want := tok.ent, lex.words[string(w)]; got != want {
			t.Errorf("%q: entry %d, want %d", raw, got, want)
		}
	}
}
