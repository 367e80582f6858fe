package rag_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/redact"
)

// TestSearchPersonalDataOnly checks that a query holding nothing but
// personal data, or text shaped like a placeholder, is refused with
// ErrNoWords instead of searching the placeholder's words (« NOM »,
// « TEL »), by RedactQuery and by Search given the redacted text.
func TestSearchPersonalDataOnly(t *testing.T) {
	t.Parallel()
	env := newDraftEnv(t)
	ctx := context.Background()
	for _, q := range []string{"[NOM_1]", "06 12 34 56 78", "NOM_1", " marie.durand@example.org ", "[TEL_1] [EMAIL_2]"} {
		if _, _, err := env.searcher.RedactQuery(ctx, q); !errors.Is(err, rag.ErrNoWords) {
			t.Errorf("RedactQuery(%q): %v, want ErrNoWords", q, err)
		}
		red, err := redact.Redact(ctx, q, env.searcher.Policy())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := env.searcher.Search(ctx, rag.Query{Text: red.Text, K: 3}); !errors.Is(err, rag.ErrNoWords) {
			t.Errorf("Search(%q): %v, want ErrNoWords", red.Text, err)
		}
		if _, err := writeDraft(ctx, env.drafter(nil), rag.Request{Question: q}); !errors.Is(err, rag.ErrNoWords) {
			t.Errorf("draft of %q: %v, want ErrNoWords", q, err)
		}
	}
}

// TestSearchNoSubject checks that a message naming no subject (greetings,
// a request for help or a call back, personal data with their labels) is
// searched but never reliable, and drafted as a holding reply, while a
// word typed alone, even a placeholder's type, is searched as any word.
func TestSearchNoSubject(t *testing.T) {
	t.Parallel()
	env := newDraftEnv(t)
	ctx := context.Background()
	for _, q := range []string{
		"Bonjour, je suis Marie Durand, tel 06 12 34 56 78, merci de me rappeler.",
		"Bonjour, pouvez-vous m'aider ?",
		"Bonjour madame, j'ai une question urgente, merci de me contacter au 06 12 34 56 78. Cordialement",
	} {
		res, err := env.searcher.Search(ctx, rag.Query{Text: query(t, env.searcher, q), K: 5})
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		if res.Reliable || !slices.Contains(res.Warnings, rag.WarnNoSubject) {
			t.Errorf("%q: reliable %v, warnings %v; want unreliable with %s", q, res.Reliable, res.Warnings, rag.WarnNoSubject)
		}
		for _, r := range res.Results {
			if r.Reliable {
				t.Errorf("%q: %s reliable", q, r.DocID)
			}
		}
		d, err := writeDraft(ctx, env.drafter(nil), rag.Request{Question: q})
		if err != nil {
			t.Fatalf("draft of %q: %v", q, err)
		}
		if d.Reliable || len(d.Citations) > 0 {
			t.Errorf("draft of %q: reliable %v, %d citations; want a holding reply", q, d.Reliable, len(d.Citations))
		}
	}
	for _, q := range []string{"TEL", "nom", "tel 06 12 34 56 78 passeport"} {
		res, err := env.searcher.Search(ctx, rag.Query{Text: query(t, env.searcher, q), K: 5})
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		if slices.Contains(res.Warnings, rag.WarnNoSubject) {
			t.Errorf("%q: warnings %v; a word typed is a subject", q, res.Warnings)
		}
	}
}
