package api_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/plume-sp/plume/api"
	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/llm/llmtest"
	"github.com/plume-sp/plume/rag"
)

// faultReply is a model reply of several sentences, so that a stream shows
// some of it before a fault.
const faultReply = "Bonjour,\n\nVotre changement d'adresse se signale en ligne [1]. La Caf met ensuite vos droits à jour. " +
	"Aucune pièce n'est demandée dans la plupart des cas.\n\nCordialement."

// streamDraft asks for a streamed draft and returns what the agent's screen
// ends with, every state it went through, and the final draft.
func (e *env) streamDraft(t *testing.T, body map[string]any) (string, []string, *rag.Draft) {
	t.Helper()
	r := e.must(http.StatusOK, request{method: "POST", path: "/v1/drafts", key: "agent-caf", body: body,
		header: map[string]string{"Accept": "text/event-stream"}})
	events := parseEvents(t, r.body)
	var states []string
	for i := range events {
		if screen, _, _, _ := streamed(t, events[:i+1]); len(states) == 0 || states[len(states)-1] != screen {
			states = append(states, screen)
		}
	}
	screen, _, final, code := streamed(t, events)
	if final == nil {
		t.Fatalf("no draft event (error %q): %s", code, r.body)
	}
	return screen, states, final
}

// checkExtractiveFallback checks that the agent got an extractive draft
// with a model_failed warning saying why, on screen and stored so.
func (e *env) checkExtractiveFallback(t *testing.T, screen string, d *rag.Draft, why string) {
	t.Helper()
	w := warning(d, rag.WarnModelFailed)
	if !d.Extractive || w == nil || !strings.Contains(w.Message, why) {
		t.Errorf("extractive %v, warnings %+v: want an extractive draft whose warning says %q", d.Extractive, d.Warnings, why)
	}
	if screen != d.Draft {
		t.Errorf("the screen ends with %q, want the draft %q", screen, d.Draft)
	}
	var stored struct {
		Extractive bool
		Warnings   []string
	}
	e.must(http.StatusOK, request{method: "GET", path: "/v1/drafts/" + d.ID, key: "agent-caf"}).decode(t, &stored)
	if !stored.Extractive || !slices.Contains(stored.Warnings, rag.WarnModelFailed) {
		t.Errorf("stored draft %+v, want extractive with %s", stored, rag.WarnModelFailed)
	}
}

func warning(d *rag.Draft, code string) *rag.Warning {
	for i := range d.Warnings {
		if d.Warnings[i].Code == code {
			return &d.Warnings[i]
		}
	}
	return nil
}

// TestFaultModelStreamCut cuts the model's stream cleanly (no finish
// reason, no [DONE]) after two sentences: the agent saw them, then gets the
// extractive draft in their place, with the warning.
func TestFaultModelStreamCut(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{}, llmtest.WithReply(func(openai.ChatCompletionRequest) (string, error) { return faultReply, nil }),
		llmtest.WithStreamChunks(4, 0), llmtest.WithStreamCutAfter(30))
	screen, states, d := e.streamDraft(t, map[string]any{"question": question, "channel": "email"})
	if !slices.ContainsFunc(states, func(s string) bool { return strings.Contains(s, "se signale en ligne [1].") }) {
		t.Errorf("screen states %q: want the checked first sentences shown before the cut", states)
	}
	e.checkExtractiveFallback(t, screen, d, "service indisponible")
}

// TestFaultModelHang makes the model answer nothing: the agent gets the
// extractive draft once the model's time is up, over a stream or not.
func TestFaultModelHang(t *testing.T) {
	t.Parallel()
	e := newEnvWith(t, api.Config{}, envOptions{chatTimeout: 300 * time.Millisecond,
		model: []llmtest.Option{llmtest.WithDelay(time.Minute, llmtest.ChatCompletions)}})
	start := time.Now()
	screen, _, d := e.streamDraft(t, map[string]any{"question": question, "channel": "email"})
	e.checkExtractiveFallback(t, screen, d, "délai dépassé")
	plain := e.draft("agent-caf", question)
	e.checkExtractiveFallback(t, plain.Draft, &plain, "délai dépassé")
	if took := time.Since(start); took > 20*time.Second {
		t.Errorf("two drafts took %s with a model timeout of 300ms", took)
	}
}

// TestFaultEmbeddingsDown makes the embedding endpoint answer 503: drafts
// are written from a full-text search, say so, and after the first one no
// request reaches the endpoint while the breaker remembers the outage.
func TestFaultEmbeddingsDown(t *testing.T) {
	t.Parallel()
	e := newEnvWith(t, api.Config{}, envOptions{queryEmbedder: func(url string) llm.Embedder {
		remote, err := llm.NewOpenAIEmbedder(llm.OpenAIEmbedderConfig{BaseURL: url, Model: llmtest.DefaultEmbedModel,
			Dim: 16, MaxRetries: 1, BackoffBase: time.Millisecond, BackoffMax: 2 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		return llm.NewEmbedBreaker(remote, time.Minute)
	}, model: []llmtest.Option{llmtest.WithFailFirst(1000, 503, llmtest.Embeddings)}})
	var first int
	for i := range 3 {
		var d *rag.Draft
		if i == 1 {
			_, _, d = e.streamDraft(t, map[string]any{"question": question, "channel": "email"})
		} else {
			plain := e.draft("agent-caf", question)
			d = &plain
		}
		if warning(d, rag.WarnFullTextOnly) == nil || !d.Reliable || d.Extractive {
			t.Errorf("draft %d: reliable %v, extractive %v, warnings %+v; want a model draft from full text, saying so",
				i, d.Reliable, d.Extractive, d.Warnings)
		}
		if i == 0 {
			first = e.model.Calls(llmtest.Embeddings)
		}
	}
	if n := e.model.Calls(llmtest.Embeddings); first != 2 || n != first {
		t.Errorf("%d embedding requests for 3 drafts (%d for the first), want 2 (one retry) for the first and none after", n, first)
	}
}
