package llm_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/plume-sp/plume/llm"
)

func TestEstimateTokens(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"   ", 0},
		{"de", 1},
		{"carte", 2},              // 5 letters: ceil(5/3.5)
		{"administration", 4},     // 14 letters
		{"démarche", 3},           // accented letters count once
		{"75015", 2},              // digits by three
		{"[NOM_1]", 5},            // [ NOM _ 1 ]
		{"Bonjour,\nMadame", 6},   // 2 + , + \n + 2
		{"01 23 45 67 89", 5},     // five pairs
		{"la CAF verse l'APL", 7}, // la CAF verse l ' APL
		{"https://www.service-public.fr", 14},
	}
	for _, tt := range tests {
		if got := llm.EstimateTokens(tt.in); got != tt.want {
			t.Errorf("EstimateTokens(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

// TestEstimateTokensConservative checks the estimate on a French paragraph
// against two bounds: at least one token per word (BPE never does better on
// French), and at least the common "characters / 4" rule of thumb.
func TestEstimateTokensConservative(t *testing.T) {
	text := strings.Repeat("Vous pouvez demander le renouvellement de votre carte d'identité en mairie, "+
		"sur rendez-vous, avec une pré-demande en ligne sur le site de l'ANTS et un justificatif de domicile "+
		"de moins de 3 mois. ", 20)
	got := llm.EstimateTokens(text)
	if words := len(strings.Fields(text)); got < words {
		t.Errorf("estimate %d below the word count %d", got, words)
	}
	if quarter := utf8.RuneCountInString(text) / 4; got < quarter {
		t.Errorf("estimate %d below chars/4 = %d", got, quarter)
	}
	if third := utf8.RuneCountInString(text) / 2; got > third {
		t.Errorf("estimate %d above chars/2 = %d: too pessimistic to be useful", got, third)
	}
}

func TestEstimateMessagesTokens(t *testing.T) {
	msgs := []llm.Message{
		{Role: llm.RoleSystem, Content: llm.Official("Répondez en français.")},
		{Role: llm.RoleUser, Content: llm.Official("Bonjour")},
	}
	want := 3 + (4 + llm.EstimateTokens("system") + llm.EstimateTokens(msgs[0].Content.String())) +
		(4 + llm.EstimateTokens("user") + llm.EstimateTokens("Bonjour"))
	if got := llm.EstimateMessagesTokens(msgs); got != want {
		t.Errorf("EstimateMessagesTokens = %d, want %d", got, want)
	}
	if got := llm.EstimateMessagesTokens(nil); got != 0 {
		t.Errorf("EstimateMessagesTokens(nil) = %d, want 0", got)
	}
}

func FuzzEstimateTokens(f *testing.F) {
	for _, s := range []string{"", "é", "Bonjour [NOM_1] !", "\xff\xfe", "12345678901234567890"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := llm.EstimateTokens(s)
		if n < 0 || n > utf8.RuneCountInString(s)+1 {
			t.Fatalf("EstimateTokens(%q) = %d out of [0, runes]", s, n)
		}
		// Appending text never lowers the estimate.
		if m := llm.EstimateTokens(s + " mot"); m < n {
			t.Fatalf("EstimateTokens grew shorter: %d then %d", n, m)
		}
	})
}

func BenchmarkEstimateTokens(b *testing.B) {
	text := strings.Repeat("Pour refaire votre carte grise, connectez-vous sur le site de l'ANTS (https://ants.gouv.fr) "+
		"avec FranceConnect ; le certificat coûte 13,76 € par cheval fiscal. ", 30)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		llm.EstimateTokens(text)
	}
}
