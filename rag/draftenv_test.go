package rag_test

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/llm/llmtest"
	"github.com/plume-sp/plume/plumetest"
	"github.com/plume-sp/plume/prompts"
	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/store"
)

// draftEnv is a drafter over the ingested demo corpus.
type draftEnv struct {
	store    *store.Store
	searcher *rag.Searcher
	prompts  *prompts.Set
}

func newDraftEnv(tb testing.TB) *draftEnv {
	tb.Helper()
	st, s := ingested(tb, filepath.Join(repoRoot, "demo", "corpus"))
	ps, err := prompts.Load("")
	if err != nil {
		tb.Fatal(err)
	}
	return &draftEnv{store: st, searcher: s, prompts: ps}
}

// drafter returns a drafter whose model is chat (nil: extractive only).
func (e *draftEnv) drafter(chat llm.Chatter) *rag.Drafter {
	return rag.NewDrafter(e.searcher, e.store, chat, e.prompts, nil, rag.DraftOptions{Model: llmtest.DefaultChatModel})
}

// fakeChat returns a chat client pointed at srv, with quick retries and the
// given timeout for a whole call.
func fakeChat(tb testing.TB, srv *llmtest.Server, timeout time.Duration) *llm.OpenAIChat {
	tb.Helper()
	return plumetest.Chat(tb, srv.URL(), timeout, 2)
}

// fixedReply makes the fake answer text to every request.
func fixedReply(text string) llmtest.Option {
	return llmtest.WithReply(func(openai.ChatCompletionRequest) (string, error) { return text, nil })
}

// userText returns the last user message of a chat request.
func userText(req openai.ChatCompletionRequest) string {
	for i := len(req.Messages) - 1; i >= 0; i-- {
		if req.Messages[i].Role == openai.ChatMessageRoleUser {
			return req.Messages[i].Content
		}
	}
	return ""
}

// onlyPrompt returns the user text of the one chat request srv received.
func onlyPrompt(t *testing.T, srv *llmtest.Server) string {
	t.Helper()
	reqs := srv.Requests()
	if len(reqs) != 1 {
		t.Fatalf("%d model requests, want 1", len(reqs))
	}
	chat, err := reqs[0].Chat()
	if err != nil {
		t.Fatal(err)
	}
	return userText(chat)
}

// greetingReply greets [NOM_1] when the prompt holds it, as a model keeping
// the placeholders would, and cites source 1, or, when the prompt holds
// no source, starts with the line the prompt asks for and cites nothing.
func greetingReply(req openai.ChatCompletionRequest) (string, error) {
	greeting, cited, line := "Bonjour,", " selon les règles en vigueur [1]", ""
	if strings.Contains(userText(req), "[NOM_1]") {
		greeting = "Bonjour [NOM_1],"
	}
	if strings.Contains(userText(req), noSourceLine) {
		cited, line = "", noSourceLine+"\n\n"
	}
	return line + greeting + "\n\nNous avons bien reçu votre message. Votre situation est examinée" + cited + ".\n\nCordialement,\nLe service", nil
}

// noSourceLine is the line the prompts ask a reply without sources to
// start with.
const noSourceLine = "À VÉRIFIER PAR L'AGENT : aucune source trouvée."

func warningCodes(d rag.Draft) []string {
	codes := make([]string, len(d.Warnings))
	for i, w := range d.Warnings {
		codes[i] = w.Code
	}
	return codes
}

func findWarning(d rag.Draft, code string) (rag.Warning, bool) {
	for _, w := range d.Warnings {
		if w.Code == code {
			return w, true
		}
	}
	return rag.Warning{}, false
}

// errorsIsInvalid reports whether err wraps rag.ErrInvalid.
func errorsIsInvalid(err error) bool { return errors.Is(err, rag.ErrInvalid) }

// answers returns validated answers over the environment's store, matched
// with the local embedder.
func (e *draftEnv) answers(tb testing.TB) *rag.Answers {
	tb.Helper()
	embedder, err := llm.NewLocalEmbedder(0)
	if err != nil {
		tb.Fatal(err)
	}
	return rag.NewAnswers(e.store, embedder, nil)
}
