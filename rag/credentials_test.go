package rag_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/plume-sp/plume/llm/llmtest"
	"github.com/plume-sp/plume/rag"
)

// TestSearchCredentialClause checks that a clause giving the person's
// password or login does not change what a message is searched for
// (black-box round of session 20: « mon mot de passe est Castor!77,
// comment refaire ma carte d'identité ? » found the carte grise pages):
// the message finds the documents its question alone finds, as reliably.
func TestSearchCredentialClause(t *testing.T) {
	t.Parallel()
	env := newDraftEnv(t)
	for _, tt := range []struct{ message, question string }{
		{"mon mot de passe est Castor!77, comment refaire ma carte d'identité ?", "comment refaire ma carte d'identité ?"},
		{"Je vous donne mon identifiant et mon mot de passe : comment demander la prime d'activité ?", "comment demander la prime d'activité ?"},
		{"identifiant : jdupont, mot de passe : Soleil2024! Comment déclarer mes revenus ?", "Comment déclarer mes revenus ?"},
	} {
		want := searchDocs(t, env.searcher, tt.question)
		if got := searchDocs(t, env.searcher, tt.message); !cmp.Equal(got, want) {
			t.Errorf("%q: %s", tt.message, cmp.Diff(want, got))
		}
	}
}

// TestSearchOnlyCredentials checks that a message that only gives
// credentials names no subject: never reliable, with WarnNoSubject.
func TestSearchOnlyCredentials(t *testing.T) {
	t.Parallel()
	env := newDraftEnv(t)
	for _, q := range []string{
		"identifiant : jdupont, mot de passe : Soleil2024!",
		"Bonjour, mon mot de passe est Castor!77. Cordialement",
	} {
		res, err := env.searcher.Search(context.Background(), rag.Query{Text: query(t, env.searcher, q), K: 5})
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		if res.Reliable || !slices.Contains(res.Warnings, rag.WarnNoSubject) {
			t.Errorf("%q: reliable %v, warnings %v; want unreliable with %s", q, res.Reliable, res.Warnings, rag.WarnNoSubject)
		}
	}
}

// searchedDocs is what a search found: its documents in order and
// whether it is reliable.
type searchedDocs struct {
	Docs     []string
	Reliable bool
}

// searchDocs searches q as a person's query.
func searchDocs(t *testing.T, s *rag.Searcher, q string) searchedDocs {
	t.Helper()
	res, err := s.Search(context.Background(), rag.Query{Text: query(t, s, q), K: 5})
	if err != nil {
		t.Fatalf("%q: %v", q, err)
	}
	out := searchedDocs{Reliable: res.Reliable}
	for _, r := range res.Results {
		out.Docs = append(out.Docs, r.DocID)
	}
	return out
}

// TestAnswersCredentialClause checks that a clause giving the person's
// password does not match the validated answers about passwords: the
// message is matched as its question alone.
func TestAnswersCredentialClause(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := newDraftEnv(t)
	a, err := e.answers(t).Create(ctx, rag.AnswerInput{Question: "J'ai oublié mon mot de passe, comment le réinitialiser ?",
		Text:        "Bonjour,\nCliquez sur « mot de passe oublié » sur la page de connexion pour en choisir un nouveau.\nCordialement",
		DocumentIDs: []int64{docID(t, e.store, "demo-declaration-revenus")}, Service: "dgfip"}, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	srv := llmtest.New(t, llmtest.WithReply(greetingReply))
	d := e.drafter(fakeChat(t, srv, 10*time.Second))
	for _, q := range []string{
		"Mon mot de passe est Castor!77, comment déclarer mes revenus ?",
		"Je vous donne mon identifiant et mon mot de passe : comment déclarer mes revenus ?",
	} {
		got, err := writeDraft(ctx, d, rag.Request{Question: q, Channel: "email"})
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range got.ValidatedAnswers {
			if v.ID == a.ID {
				t.Errorf("%q: matched the answer on passwords %+v", q, v)
			}
		}
	}
}
