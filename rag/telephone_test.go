package rag_test

import (
	"context"
	"strings"
	"testing"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/plume-sp/plume/llm/llmtest"
	"github.com/plume-sp/plume/rag"
)

// telephoneQuestion is the question of TestTelephoneChannel.
const telephoneQuestion = "Bonjour, je suis Paul Moreau, comment m'inscrire à France Travail après mon licenciement ?"

// TestTelephoneChannel checks the telephone channel with the fake model
// (its prompt, the checks on its reply) and without a model (the
// extractive spoken answer and follow-up text).
func TestTelephoneChannel(t *testing.T) {
	t.Parallel()
	env := newDraftEnv(t)
	checkTelephoneModel(t, env)
	checkTelephoneExtractive(t, env)
}

// checkTelephoneModel drafts for the telephone channel with a model.
func checkTelephoneModel(t *testing.T, env *draftEnv) {
	ctx := context.Background()
	const question = telephoneQuestion
	t.Run("model", func(t *testing.T) {
		var system string
		srv := llmtest.New(t, llmtest.WithReply(func(req openai.ChatCompletionRequest) (string, error) {
			system = req.Messages[0].Content
			return "À dire au téléphone :\n1. Vous vous inscrivez en ligne [1].\n2. Appelez le 01 99 88 77 66.\n\n" +
				"Message de suivi (SMS ou courriel) :\nInscription : voir la source [1].", nil
		}))
		d := env.drafter(fakeChat(t, srv, 10*time.Second))
		got, err := writeDraft(ctx, d, rag.Request{Question: question, Channel: "telephone"})
		if err != nil {
			t.Fatal(err)
		}
		if got.Extractive || got.Channel != "telephone" || !strings.HasPrefix(got.PromptVersion, "telephone-") ||
			!strings.Contains(system, "au téléphone") {
			t.Errorf("draft channel %s version %q extractive %v", got.Channel, got.PromptVersion, got.Extractive)
		}
		if strings.Contains(got.Draft, "01 99 88 77 66") {
			t.Errorf("an invented number passed the checks:\n%s", got.Draft)
		}
	})

}

// checkTelephoneExtractive drafts for the telephone channel without a
// model: spoken steps without addresses, then a follow-up text.
func checkTelephoneExtractive(t *testing.T, env *draftEnv) {
	ctx := context.Background()
	const question = telephoneQuestion
	t.Run("extractive", func(t *testing.T) {
		got, err := writeDraft(ctx, env.drafter(nil), rag.Request{Question: question, Channel: "telephone"})
		if err != nil {
			t.Fatal(err)
		}
		spoken, followUp, ok := strings.Cut(got.Draft, "Message de suivi (SMS ou courriel) :")
		if !ok || !strings.HasPrefix(spoken, "À dire au téléphone :\n1. ") || !got.Extractive {
			t.Fatalf("telephone draft:\n%s", got.Draft)
		}
		if strings.Contains(spoken, "http") || strings.Contains(spoken, "www.") || strings.Contains(spoken, "@") {
			t.Errorf("the spoken part reads an address aloud:\n%s", spoken)
		}
		for _, line := range strings.Split(strings.TrimSpace(spoken), "\n")[1:] {
			if len([]rune(line)) > 400 {
				t.Errorf("spoken line of %d characters: %q", len([]rune(line)), line)
			}
		}
		if !strings.Contains(followUp, "Sources :\n[1] ") || !strings.Contains(followUp, "https://") {
			t.Errorf("the follow-up text lacks the links and sources:\n%s", followUp)
		}
		if len(got.Citations) == 0 || !got.Citations[0].Cited {
			t.Errorf("citations %+v", got.Citations)
		}
	})
}
