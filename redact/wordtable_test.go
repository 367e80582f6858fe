package redact

import "testing"

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
