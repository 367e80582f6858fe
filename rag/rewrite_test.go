package rag_test

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sashabaranov/go-openai"

	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/llm/llmtest"
	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/redact"
)

// A story that never names what the person needs: the rewrite does.
const rewriteMessage = "Bonjour, je m'appelle Claire Martin (06 12 34 56 78). Mon fils part en voyage scolaire " +
	"en Italie en mai, son vieux document est périmé depuis l'hiver. Merci d'avance !"

func rewriteSearcher(t *testing.T, srv *llmtest.Server, timeout time.Duration) (*rag.Searcher, *rag.Searcher) {
	t.Helper()
	st, plain := ingested(t, filepath.Join(repoRoot, "demo", "corpus"))
	embedder, err := llm.NewLocalEmbedder(0)
	if err != nil {
		t.Fatal(err)
	}
	chat := fakeChat(t, srv, 5*time.Second)
	rw := rag.NewQueryRewriter(chat, timeout)
	return plain, rag.NewSearcher(st, embedder, rag.DefaultLexicon(), nil, rag.SearchOptions{Rewriter: rw})
}

func searchRedacted(t *testing.T, s *rag.Searcher, text string) rag.Results {
	t.Helper()
	red, _, err := s.RedactQuery(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	res, err := s.Search(context.Background(), rag.Query{Text: red, K: 3})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestQueryRewrite(t *testing.T) {
	t.Parallel()
	srv := llmtest.New(t, llmtest.WithReply(func(openai.ChatCompletionRequest) (string, error) {
		return "1. renouveler carte nationale d'identité mineur\n- [NOM_1] passeport\n\n", nil
	}))
	_, s := rewriteSearcher(t, srv, 2*time.Second)
	res := searchRedacted(t, s, rewriteMessage)
	want := []string{"renouveler carte nationale d'identité mineur", "passeport"}
	if strings.Join(res.Rewritten, "|") != strings.Join(want, "|") {
		t.Errorf("rewritten = %q, want %q", res.Rewritten, want)
	}
	if len(res.Results) == 0 || !strings.HasPrefix(res.Results[0].DocID, "demo-cni") && res.Results[0].DocID != "demo-passeport" {
		t.Errorf("first result %v, want an identity document page", res.Results)
	}
	reqs := srv.Requests()
	if len(reqs) != 1 {
		t.Fatalf("%d model requests, want 1", len(reqs))
	}
	body := string(reqs[0].Body)
	for _, personal := range []string{"Claire", "Martin", "06 12 34 56 78"} {
		if strings.Contains(body, personal) {
			t.Errorf("the rewrite request carries %q", personal)
		}
	}
	// The same message again is served from the cache.
	searchRedacted(t, s, rewriteMessage)
	if n := len(srv.Requests()); n != 1 {
		t.Errorf("%d model requests after the same message twice, want 1 (cached)", n)
	}
}

func TestQueryRewriteFailsSilently(t *testing.T) {
	t.Parallel()
	for name, opt := range map[string]llmtest.Option{
		"server error": llmtest.WithFailFirst(100, 500, llmtest.ChatCompletions),
		"hang":         llmtest.WithDelay(time.Minute, llmtest.ChatCompletions),
		"empty reply": llmtest.WithReply(func(openai.ChatCompletionRequest) (string, error) {
			return " \n - \n", nil
		}),
	} {
		t.Run(name, func(t *testing.T) {
			srv := llmtest.New(t, opt)
			plain, s := rewriteSearcher(t, srv, 300*time.Millisecond)
			start := time.Now()
			got := searchRedacted(t, s, rewriteMessage)
			if took := time.Since(start); took > 5*time.Second {
				t.Errorf("search took %s with a rewrite timeout of 300ms", took)
			}
			want := searchRedacted(t, plain, rewriteMessage)
			if len(got.Rewritten) != 0 || len(got.Results) != len(want.Results) {
				t.Fatalf("rewritten %q, %d results; want none and %d results", got.Rewritten, len(got.Results), len(want.Results))
			}
			for i := range want.Results {
				if got.Results[i].ChunkID != want.Results[i].ChunkID {
					t.Errorf("result %d: chunk %d, want %d as without rewrite", i, got.Results[i].ChunkID, want.Results[i].ChunkID)
				}
			}
		})
	}
}

// TestQueryRewriteJunk checks that a rewrite that has nothing to do with
// the message (issue 9) lowers nothing: the message is searched alone too,
// and what that search finds reliable stays first and reliable.
func TestQueryRewriteJunk(t *testing.T) {
	t.Parallel()
	srv := llmtest.New(t, llmtest.WithReply(func(openai.ChatCompletionRequest) (string, error) {
		return "recette gâteau chocolat\nmétéo plage vacances\nxqzv wpty", nil
	}))
	plain, s := rewriteSearcher(t, srv, 2*time.Second)
	const message = "Combien de temps est valable une carte d identité ?"
	want := searchRedacted(t, plain, message)
	if !want.Reliable || len(want.Results) == 0 {
		t.Fatalf("the message alone finds nothing reliable: the test tests nothing (%+v)", want.Results)
	}
	got := searchRedacted(t, s, message)
	if len(got.Rewritten) == 0 {
		t.Fatalf("the junk rewrite was not used: rewritten %q", got.Rewritten)
	}
	if !got.Reliable || len(got.Results) == 0 || got.Results[0].ChunkID != want.Results[0].ChunkID || !got.Results[0].Reliable {
		t.Errorf("with a junk rewrite: reliable %v, results %+v; want %s first and reliable as without rewrite",
			got.Reliable, got.Results, want.Results[0].DocID)
	}
	for _, w := range want.Results {
		if !w.Reliable {
			continue
		}
		if !slices.ContainsFunc(got.Results, func(r rag.Result) bool { return r.ChunkID == w.ChunkID && r.Reliable }) {
			t.Errorf("reliable passage of %s lost with the rewrite", w.DocID)
		}
	}
}

// TestQueryRewriteCannotVouch checks that an off-topic rewrite (black-box
// round 1 of session 19: « je veux me pacser » rewritten as the vehicle
// registration's change of address) does not make a search reliable on a
// document the message's own words do not lead to: its passages may be
// listed, never as reliable sources, and the draft keeps its holding reply.
func TestQueryRewriteCannotVouch(t *testing.T) {
	t.Parallel()
	srv := llmtest.New(t, llmtest.WithReply(func(openai.ChatCompletionRequest) (string, error) {
		return "certificat d'immatriculation changement adresse\ncarte grise nouvelle adresse", nil
	}))
	plain, s := rewriteSearcher(t, srv, 2*time.Second)
	const message = "Bonjour, je veux me pacser avec mon copain, on va où pour ça ? merci"
	alone := searchRedacted(t, plain, message)
	if alone.Reliable || slices.ContainsFunc(alone.Results, func(r rag.Result) bool { return strings.HasPrefix(r.DocID, "demo-carte-grise") }) {
		t.Fatalf("the message alone finds the vehicle's pages or a reliable source: the test tests nothing (%+v)", alone.Results)
	}
	if vouched := searchRedacted(t, plain, "certificat d'immatriculation changement adresse"); !vouched.Reliable {
		t.Fatalf("the rewrite's query alone finds nothing reliable: the test tests nothing (%+v)", vouched.Results)
	}
	got := searchRedacted(t, s, message)
	if len(got.Rewritten) == 0 {
		t.Fatalf("the off-topic rewrite was not used: rewritten %q", got.Rewritten)
	}
	if got.Reliable || slices.ContainsFunc(got.Results, func(r rag.Result) bool { return r.Reliable }) {
		t.Errorf("an off-topic rewrite made the search reliable: %+v", got.Results)
	}
}

// TestQueryRewriteSavesCommonWords checks that a message whose own words
// are all too common to search (here stop words: ErrNoWords alone) is searched with the
// rewrite's queries instead of failing, and still fails without them.
func TestQueryRewriteSavesCommonWords(t *testing.T) {
	t.Parallel()
	const message = "Et vous, je le suis ?" // stop words only: ErrNoWords alone
	srv := llmtest.New(t, llmtest.WithReply(func(openai.ChatCompletionRequest) (string, error) {
		return "renouveler carte nationale d'identité\npasseport\n", nil
	}))
	plain, s := rewriteSearcher(t, srv, 2*time.Second)
	ctx := context.Background()
	red, err := redact.Redact(ctx, message, s.Policy())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := plain.Search(ctx, rag.Query{Text: red.Text, K: 3}); !errors.Is(err, rag.ErrNoWords) {
		t.Fatalf("search without rewrite: %v, want ErrNoWords", err)
	}
	res, err := s.Search(ctx, rag.Query{Text: red.Text, K: 3})
	if err != nil {
		t.Fatalf("search with rewrite: %v, want the rewrite's results", err)
	}
	if len(res.Results) == 0 || len(res.Rewritten) == 0 {
		t.Errorf("rewritten %q, %d results; want the rewrite's queries and results", res.Rewritten, len(res.Results))
	}
}
