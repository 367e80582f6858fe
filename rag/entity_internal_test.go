package rag

import (
	"slices"
	"testing"

	"github.com/plume-sp/plume/store"
)

func TestInSentenceCapitals(t *testing.T) {
	t.Parallel()
	cases := []struct {
		text string
		want []string
	}{
		{"pharmacie de garde ce soir Toulouse", []string{"Toulouse"}},
		{"Ikea livre-t-il le dimanche ? Et Darty aussi ?", []string{"Darty"}},
		{"le ferry Marseille-Ajaccio est-il annulé", []string{"Marseille-Ajaccio"}},
		{"Combien coûte l'État ? La CAF et le RER", []string{"État"}},
		{"première ligne\nToulouse seconde ligne. Lyon", nil},
		{"prix du pass Navigo", []string{"Navigo"}},
		{"le marché de [NOM_1] est-il ouvert", nil},
		{"à Ré ou à Montréal", []string{"Montréal"}},
	}
	for _, c := range cases {
		if got := inSentenceCapitals(c.text); !slices.Equal(got, c.want) {
			t.Errorf("inSentenceCapitals(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestRareEntity(t *testing.T) {
	t.Parallel()
	term := func(lexeme string, ddf int) store.TermStat {
		return store.TermStat{Lexeme: lexeme, Lexemes: 1, DF: ddf, DDF: ddf, Sentences: []int{0}}
	}
	short := []store.TermStat{term("pharmac", 45), term("gard", 397), term("soir", 15)}
	long := slices.Clone(short)
	for i := range shortTerms {
		long = append(long, term(string(rune('a'+i))+"mot", 100))
	}
	weights := []float64{requestWeight}
	cases := []struct {
		name    string
		request string
		terms   []store.TermStat
		want    float64
	}{
		{"a town the corpus barely knows", "pharmacie de garde ce soir Toulouse", append(slices.Clone(short), term("toulous", 16)), 1},
		{"a brand no document holds", "pharmacie de garde ce soir Ikea", append(slices.Clone(short), term("ikea", 0)), 1},
		{"a word the analysis dropped", "pharmacie de garde ce soir Zorglub", short, 1},
		{"a capitalised courtesy word", "Merci de Votre aide pour la pharmacie de garde ce soir", short, 0},
		{"a capitalised polite verb", "pharmacie de garde ce soir, Pourriez-Vous m'aider", short, 0},
		{"a name many documents hold", "pharmacie de garde ce soir en France", append(slices.Clone(short), term("franc", 1432)), 0},
		{"no capital inside a sentence", "Toulouse pharmacie de garde ce soir", append(slices.Clone(short), term("toulous", 16)), 0},
		{"an acronym", "pharmacie de garde ce soir SNCF", append(slices.Clone(short), term("sncf", 3)), 0},
		{"a long message", "pharmacie de garde ce soir Toulouse", append(long, term("toulous", 16)), 0},
		{"a context word only", "pharmacie de garde ce soir Toulouse", append(slices.Clone(short), store.TermStat{Lexeme: "toulous", Lexemes: 1, DDF: 4000, Sentences: []int{1}}), 1},
	}
	for _, c := range cases {
		qs := store.QueryStats{Terms: c.terms, Documents: 4519}
		if got := rareEntity(c.request, qs, append(weights, contextWeight)); got != c.want {
			t.Errorf("%s: rareEntity(%q) = %v, want %v", c.name, c.request, got, c.want)
		}
	}
}

func TestDecide(t *testing.T) {
	t.Parallel()
	const threshold = 0.632
	cases := []struct {
		name   string
		score  float64
		entity float64
		want   bool
	}{
		{"under the threshold", 0.6, 0, false},
		{"over the threshold", 0.7, 0, true},
		{"a rare name, just over the threshold", 0.7, 1, false},
		{"a rare name, far over the threshold", 0.9, 1, true},
		{"a rare name, under the threshold", 0.5, 1, false},
	}
	for _, c := range cases {
		if got := decide(c.score, threshold, Features{Entity: c.entity}); got != c.want {
			t.Errorf("%s: decide(%v) = %v, want %v", c.name, c.score, got, c.want)
		}
	}
}
