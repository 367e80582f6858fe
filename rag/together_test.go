package rag_test

import (
	"context"
	"strings"
	"testing"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/llm/llmtest"
	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/triage"
)

// TestTriageAndSearchAtOnce: the triage's second opinion and the query
// rewrite wait for the model at the same time, not one after the other
// (black-box test: a model taking 8 s made a draft of 19 s). The fake
// model answers each of the two only once the other has arrived: run one
// after the other, the first would time out. The timings keep both waits
// out of plume's own time.
func TestTriageAndSearchAtOnce(t *testing.T) {
	t.Parallel()
	env := newDraftEnv(t)
	opinion, rewrite := make(chan struct{}), make(chan struct{})
	meet := func(arrived, other chan struct{}) bool {
		close(arrived)
		select {
		case <-other:
			return true
		case <-time.After(10 * time.Second):
			return false
		}
	}
	srv := llmtest.New(t, llmtest.WithReply(func(req openai.ChatCompletionRequest) (string, error) {
		switch system := req.Messages[0].Content; {
		case strings.HasPrefix(system, "Vous triez"):
			if !meet(opinion, rewrite) {
				return "", &llmtest.StatusError{Status: 500, Message: "the rewrite never came"}
			}
			return "routine.", nil
		case strings.HasPrefix(system, "Tu aides un agent public à retrouver"):
			if !meet(rewrite, opinion) {
				return "", &llmtest.StatusError{Status: 500, Message: "the second opinion never came"}
			}
			return "changer l'adresse du certificat d'immatriculation", nil
		}
		return greetingReply(req)
	}))
	chat := fakeChat(t, srv, 20*time.Second)
	embedder, err := llm.NewLocalEmbedder(0)
	if err != nil {
		t.Fatal(err)
	}
	searcher := rag.NewSearcher(env.store, embedder, rag.DefaultLexicon(), nil,
		rag.SearchOptions{Rewriter: rag.NewQueryRewriter(chat, 5*time.Second)})
	d := rag.NewDrafter(searcher, env.store, chat, env.prompts, nil,
		rag.DraftOptions{Model: llmtest.DefaultChatModel, SecondOpinion: true, SecondOpinionTimeout: 5 * time.Second})

	draft, err := writeDraft(context.Background(), d, rag.Request{Question: routineQuestion, Channel: "email"})
	if err != nil {
		t.Fatal(err)
	}
	if draft.Attention.SecondOpinion != triage.OpinionGiven {
		t.Fatalf("second opinion %q: the triage and the search did not wait for the model together", draft.Attention.SecondOpinion)
	}
	tm := draft.Timings
	for _, k := range []string{"triage_ms", "search_ms", "second_opinion_ms", "rewrite_ms", "model_ms", "plume_ms"} {
		if _, ok := tm[k]; !ok {
			t.Errorf("timings lack %s: %v", k, tm)
		}
	}
	// plume's own time leaves out the longest of the two waits, not both.
	wait := min(max(tm["second_opinion_ms"], tm["rewrite_ms"]), max(tm["triage_ms"], tm["search_ms"]))
	if got, want := tm["plume_ms"], tm["total_ms"]-tm["model_ms"]-tm["answer_check_ms"]-wait; got < want-0.01 || got > want+0.01 {
		t.Errorf("plume_ms %.3f, want total less the model's waits %.3f (%v)", got, want, tm)
	}
}
