package rag_test

import (
	"context"
	"slices"
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
	checkTelephoneSaysNothing(t, env)
}

// checkTelephoneSaysNothing drafts for the telephone channel with a model
// whose reply has nothing to say aloud, only headings and a follow-up: the
// extractive telephone draft is given instead, flagged as a failed model.
func checkTelephoneSaysNothing(t *testing.T, env *draftEnv) {
	t.Run("nothing to say", func(t *testing.T) {
		srv := llmtest.New(t, llmtest.WithReply(func(openai.ChatCompletionRequest) (string, error) {
			return "À dire au téléphone :\n\nMessage de suivi (SMS ou courriel) :\nVoici le lien.", nil
		}))
		d := env.drafter(fakeChat(t, srv, 10*time.Second))
		got, err := writeDraft(context.Background(), d, rag.Request{Question: telephoneQuestion, Channel: "telephone"})
		if err != nil {
			t.Fatal(err)
		}
		spoken, _, _ := strings.Cut(got.Draft, "Message de suivi (SMS ou courriel) :")
		if _, ok := findWarning(got, rag.WarnModelFailed); !ok || !got.Extractive || !strings.Contains(spoken, "1. ") {
			t.Errorf("extractive %v, warnings %v, draft:\n%s", got.Extractive, warningCodes(got), got.Draft)
		}
	})
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
	checkTelephoneRepaired(t, env)
}

// checkTelephoneRepaired drafts for the telephone channel with a model
// that reads a source's link and an invented one aloud and leaves out the
// follow-up text (issue 16): the source's link leaves the spoken part for
// the follow-up text, the invented one is masked where it was said (a
// pointer to a follow-up text that cannot hold it would send the agent
// looking for nothing), and the follow-up text is written from the cited
// sources, streamed or not.
func checkTelephoneRepaired(t *testing.T, env *draftEnv) {
	ctx := context.Background()
	const invented = "https://www.service-public.fr/particuliers/vosdroits/F1234"
	const source = "https://www.service-public.fr/particuliers/vosdroits/F1636"
	srv := llmtest.New(t, llmtest.WithReply(func(openai.ChatCompletionRequest) (string, error) {
		return "À dire au téléphone :\n1. Vous vous inscrivez en ligne sur " + source + " [1].\n2. Consultez " + invented + " pour le détail.\n", nil
	}))
	d := env.drafter(fakeChat(t, srv, 10*time.Second))
	for _, stream := range []bool{false, true} {
		t.Run(map[bool]string{false: "repaired", true: "repaired streamed"}[stream], func(t *testing.T) {
			var got rag.Draft
			var err error
			var shown string
			if stream {
				got, err = streamDraft(ctx, d, rag.Request{Question: telephoneQuestion, Channel: "telephone"}, func(e rag.StreamEvent) error {
					shown = map[bool]string{false: shown + e.Text, true: e.Text}[e.Replace]
					return nil
				})
			} else {
				got, err = writeDraft(ctx, d, rag.Request{Question: telephoneQuestion, Channel: "telephone"})
			}
			if err != nil {
				t.Fatal(err)
			}
			if stream && shown != got.Draft {
				t.Errorf("the stream ended on\n%s\nnot the draft\n%s", shown, got.Draft)
			}
			spoken, followUp, ok := strings.Cut(got.Draft, "Message de suivi (SMS ou courriel) :")
			if !ok || got.Extractive || strings.Contains(spoken, "http") ||
				!strings.Contains(spoken, "en ligne sur (le lien est dans le message de suivi) [1]") ||
				!strings.Contains(spoken, "Consultez [coordonnée à vérifier] pour le détail") {
				t.Fatalf("telephone draft:\n%s", got.Draft)
			}
			if strings.Contains(got.Draft, invented) || !strings.Contains(followUp, "Sources :\n[1] ") ||
				got.Citations[0].URL != source || !strings.Contains(followUp, source) {
				t.Errorf("follow-up text:\n%s", followUp)
			}
			codes := map[string][]string{}
			for _, w := range got.Warnings {
				codes[w.Code] = w.Values
			}
			if !slices.Contains(codes[rag.WarnContactMasked], invented) || len(codes[rag.WarnTelephoneRepaired]) != 2 {
				t.Errorf("warnings %v", codes)
			}
		})
	}
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
