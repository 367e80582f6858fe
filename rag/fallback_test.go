package rag_test

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/plume-sp/plume/llm/llmtest"
	"github.com/plume-sp/plume/rag"
)

// modelFailureCase is a model that fails, or fails then answers, and what
// the draft must be.
type modelFailureCase struct {
	name       string
	opts       []llmtest.Option
	timeout    time.Duration
	calls      int
	extractive bool
	warning    string
	message    string
}

var modelFailureCases = []modelFailureCase{
	{name: "429 then 200", opts: []llmtest.Option{llmtest.WithFailFirst(1, 429, llmtest.ChatCompletions)},
		timeout: 10 * time.Second, calls: 2},
	{name: "503 twice then 200", opts: []llmtest.Option{llmtest.WithFailFirst(2, 503, llmtest.ChatCompletions)},
		timeout: 10 * time.Second, calls: 3},
	{name: "500 always", opts: []llmtest.Option{llmtest.WithFailFirst(1000, 500, llmtest.ChatCompletions)},
		timeout: 10 * time.Second, calls: 3, extractive: true, warning: rag.WarnModelFailed, message: "service indisponible"},
	{name: "429 always", opts: []llmtest.Option{llmtest.WithFailFirst(1000, 429, llmtest.ChatCompletions)},
		timeout: 10 * time.Second, calls: 3, extractive: true, warning: rag.WarnModelFailed, message: "trop de demandes"},
	{name: "timeout", opts: []llmtest.Option{llmtest.WithDelay(5*time.Second, llmtest.ChatCompletions)},
		timeout: 200 * time.Millisecond, calls: 1, extractive: true, warning: rag.WarnModelFailed, message: "délai dépassé"},
	{name: "empty answer", opts: []llmtest.Option{fixedReply("  \n ")},
		timeout: 10 * time.Second, calls: 1, extractive: true, warning: rag.WarnModelFailed, message: "réponse vide"},
	{name: "a reply far over max tokens", opts: []llmtest.Option{llmtest.WithoutMaxTokens(), fixedReply(strings.Repeat("Le passeport se demande en mairie [1]. ", 3000))},
		timeout: 10 * time.Second, calls: 1, extractive: true, warning: rag.WarnModelFailed, message: "dépassait de loin la longueur"},
}

// TestDraftModelFailures checks retries, the extractive fallback and the
// warning when the model fails.
func TestDraftModelFailures(t *testing.T) {
	t.Parallel()
	env := newDraftEnv(t)
	ctx := context.Background()
	const question = "Comment faire une demande de prime d'activité auprès de la Caf ?"
	for _, tt := range modelFailureCases {
		t.Run(tt.name, func(t *testing.T) {
			srv := llmtest.New(t, tt.opts...)
			start := time.Now()
			got, err := writeDraft(ctx, env.drafter(fakeChat(t, srv, tt.timeout)), rag.Request{Question: question})
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, env, srv, got, time.Since(start))
		})
	}
}

// check compares a draft written in took with the case.
func (tt modelFailureCase) check(t *testing.T, env *draftEnv, srv *llmtest.Server, got rag.Draft, took time.Duration) {
	t.Helper()
	if tt.name == "timeout" && took > 4*time.Second {
		t.Errorf("the draft waited %s for a model that timed out after %s", took, tt.timeout)
	}
	if n := srv.Calls(llmtest.ChatCompletions); n != tt.calls {
		t.Errorf("%d chat requests, want %d", n, tt.calls)
	}
	if got.Extractive != tt.extractive {
		t.Errorf("extractive = %v, want %v; warnings %+v", got.Extractive, tt.extractive, got.Warnings)
	}
	w, ok := findWarning(got, rag.WarnModelFailed)
	if tt.warning == "" {
		if ok {
			t.Errorf("unexpected warning %+v", w)
		}
		if want := "Bonjour, voici une réponse de test fondée sur la source [1]. Cordialement."; got.Draft != want {
			t.Errorf("draft %q, want the model's %q", got.Draft, want)
		}
		return
	}
	if !ok {
		t.Fatalf("no %s warning in %+v", tt.warning, got.Warnings)
	}
	if !strings.Contains(w.Message, tt.message) {
		t.Errorf("warning message %q does not say %q", w.Message, tt.message)
	}
	if !strings.Contains(got.Draft, "Sources :") || !strings.Contains(got.Draft, "[1]") || len(got.Citations) == 0 {
		t.Errorf("the extractive draft lists no source:\n%s", got.Draft)
	}
	row, err := env.store.GetDraft(context.Background(), got.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !row.Extractive || !slices.Contains(row.Warnings, rag.WarnModelFailed) {
		t.Errorf("stored draft: extractive %v, warnings %v", row.Extractive, row.Warnings)
	}
}

// TestDraftWithoutModel checks the extractive drafts: a useful reply when
// the sources answer, a holding reply when none does.
func TestDraftWithoutModel(t *testing.T) {
	t.Parallel()
	env := newDraftEnv(t)
	d := env.drafter(nil)
	ctx := context.Background()
	checkAnsweredWithoutModel(t, env, d)
	checkOffTopicWithoutModel(t, d)
	checkNoSubjectWithoutModel(t, d)
	t.Run("invalid", func(t *testing.T) {
		for _, req := range []rag.Request{{Question: "  "}, {Question: "Bonjour", Channel: "fax"},
			{Question: strings.Repeat("a", rag.MaxQuestionBytes+1)}} {
			if _, err := writeDraft(ctx, d, req); !errorsIsInvalid(err) {
				t.Errorf("Draft(%.20q, %q) = %v, want ErrInvalid", req.Question, req.Channel, err)
			}
		}
	})
}

// checkAnsweredWithoutModel drafts, without a model, a question the corpus
// answers.
func checkAnsweredWithoutModel(t *testing.T, env *draftEnv, d *rag.Drafter) {
	ctx := context.Background()
	t.Run("answered", func(t *testing.T) {
		// The placeholders of the redacted question must not hide the
		// passages that answer it.
		got, err := writeDraft(ctx, d, rag.Request{Service: "mairie",
			Question: "Bonjour, je suis Madame Sophie Martin (sophie.martin@example.org, 06 12 34 56 78). Comment renouveler mon passeport ?"})
		if err != nil {
			t.Fatal(err)
		}
		if !got.Extractive || !got.Reliable {
			t.Fatalf("extractive %v, reliable %v, want both", got.Extractive, got.Reliable)
		}
		if diff := cmp.Diff([]string{rag.WarnExtractive}, warningCodes(got)); diff != "" {
			t.Errorf("warnings (-want +got):\n%s", diff)
		}
		for _, want := range []string{"Bonjour Madame Sophie Martin,", "\nSources :\n[1] ", "Le service mairie"} {
			if !strings.Contains(got.Draft, want) {
				t.Errorf("draft lacks %q:\n%s", want, got.Draft)
			}
		}
		if len(got.Citations) == 0 || got.Citations[0].DocID != "demo-passeport" || !got.Citations[0].Cited {
			t.Errorf("first citation %+v, want demo-passeport, cited", got.Citations)
		}
		for _, c := range got.Citations {
			if c.Cited && c.URL != "" && !strings.Contains(got.Draft, c.URL) {
				t.Errorf("the sources list lacks %s", c.URL)
			}
		}
		if got.Model != "" || got.PromptVersion != "" || got.Timings["model_ms"] != 0 {
			t.Errorf("model %q, prompt %q, model_ms %v: want none", got.Model, got.PromptVersion, got.Timings["model_ms"])
		}
		row, err := env.store.GetDraft(ctx, got.ID)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(row.Draft+row.Question.String(), "Martin") || !strings.Contains(row.Draft, "Bonjour Madame [NOM_1],") ||
			!strings.Contains(row.Question.String(), "[EMAIL_1]") {
			t.Errorf("stored draft is not redacted:\n%s", row.Draft)
		}
	})

}

// checkOffTopicWithoutModel drafts, without a model, a question the corpus
// does not answer.
func checkOffTopicWithoutModel(t *testing.T, d *rag.Drafter) {
	ctx := context.Background()
	t.Run("off topic", func(t *testing.T) {
		got, err := writeDraft(ctx, d, rag.Request{Question: "Quelle est la meilleure recette de gâteau au chocolat pour un anniversaire ?"})
		if err != nil {
			t.Fatal(err)
		}
		if got.Reliable {
			t.Fatalf("reliable = true for an off-topic question; citations %+v", got.Citations)
		}
		if _, ok := findWarning(got, rag.WarnNoReliableSource); !ok {
			t.Errorf("no %s warning: %v", rag.WarnNoReliableSource, warningCodes(got))
		}
		if !got.Extractive || len(got.Citations) != 0 {
			t.Errorf("extractive %v, %d citations: want a holding reply without sources", got.Extractive, len(got.Citations))
		}
		for _, want := range []string{"Madame, Monsieur,", "Nous avons bien reçu votre message", "Cordialement"} {
			if !strings.Contains(got.Draft, want) {
				t.Errorf("holding reply lacks %q:\n%s", want, got.Draft)
			}
		}
		if strings.Contains(got.Draft, "Sources :") {
			t.Errorf("holding reply lists sources:\n%s", got.Draft)
		}
	})

}

// checkNoSubjectWithoutModel drafts, without a model, a message that names
// no subject on each channel: a holding reply that asks what the request
// is about, and the no_subject warning beside no_reliable_source.
func checkNoSubjectWithoutModel(t *testing.T, d *rag.Drafter) {
	ctx := context.Background()
	wants := map[string]string{
		"spp":        "pourriez-vous nous préciser l'objet de votre demande",
		"email":      "pourriez-vous nous préciser l'objet de votre demande",
		"conseiller": "Demandez à la personne quelle démarche",
		"telephone":  "Pouvez-vous me préciser l'objet de votre demande",
	}
	for channel, want := range wants {
		t.Run("no subject "+channel, func(t *testing.T) {
			got, err := writeDraft(ctx, d, rag.Request{Channel: channel,
				Question: "Bonjour, je suis Mme Claire Durand, tél. 06 12 34 56 78, merci de me rappeler."})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff([]string{rag.WarnNoReliableSource, rag.WarnNoSubject, rag.WarnExtractive}, warningCodes(got)); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
			if !strings.Contains(got.Draft, want) || strings.Contains(got.Draft, "Nous vérifions") {
				t.Errorf("holding reply does not ask for the subject (%q):\n%s", want, got.Draft)
			}
		})
	}
	t.Run("subject in the note", func(t *testing.T) {
		got, err := writeDraft(ctx, d, rag.Request{Channel: "telephone", Question: "Bonjour, merci de me rappeler.",
			AgentNote: "Veut renouveler son passeport avant un voyage."})
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := findWarning(got, rag.WarnNoSubject); ok || !got.Reliable || len(got.Citations) == 0 || got.Citations[0].DocID != "demo-passeport" {
			t.Errorf("a call-back request whose note names the subject: reliable %v, warnings %v, citations %+v", got.Reliable, warningCodes(got), got.Citations)
		}
	})
	t.Run("subject named", func(t *testing.T) {
		got, err := writeDraft(ctx, d, rag.Request{Question: "Quelle est la meilleure recette de gâteau au chocolat pour un anniversaire ?"})
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := findWarning(got, rag.WarnNoSubject); ok || strings.Contains(got.Draft, "préciser l'objet") {
			t.Errorf("a message naming its subject got the no-subject holding reply:\n%s", got.Draft)
		}
	})
}

// TestDraftNoReliableSourceWithModel checks that a question the corpus does
// not answer reaches the model without sources, and that the draft says so.
func TestDraftNoReliableSourceWithModel(t *testing.T) {
	t.Parallel()
	env := newDraftEnv(t)
	const reply = "À VÉRIFIER PAR L'AGENT : aucune source trouvée.\n\nBonjour, merci pour votre message : votre demande est examinée.\n\nLe service"
	srv := llmtest.New(t, fixedReply(reply))
	got, err := writeDraft(context.Background(), env.drafter(fakeChat(t, srv, 10*time.Second)), rag.Request{Question: "Quelle est la meilleure recette de gâteau au chocolat pour un anniversaire ?"})
	if err != nil {
		t.Fatal(err)
	}
	if got.Reliable || got.Extractive || len(got.Citations) != 0 {
		t.Errorf("reliable %v, extractive %v, %d citations: want a model's holding reply without sources",
			got.Reliable, got.Extractive, len(got.Citations))
	}
	if _, ok := findWarning(got, rag.WarnNoReliableSource); !ok {
		t.Errorf("no %s warning: %v", rag.WarnNoReliableSource, warningCodes(got))
	}
	if got.Draft != reply {
		t.Errorf("draft (-want +got):\n%s", cmp.Diff(reply, got.Draft))
	}
	if !strings.Contains(srv.AllBodies(), "Aucune source n'a été trouvée") {
		t.Error("the prompt does not tell the model that no source was found")
	}
}

// TestDraftTrimsPromptToContext gives the model a context too small for five
// passages: the weakest are dropped until the prompt fits, and the
// citations are the passages the model saw.
func TestDraftTrimsPromptToContext(t *testing.T) {
	t.Parallel()
	env := newDraftEnv(t)
	srv := llmtest.New(t, fixedReply("Voici la réponse [1]."))
	question := "Comment renouveler ma carte d'identité et combien de temps cela prend-il ?"
	sources := func(contextTokens int) (int, int) { return sourcesInPrompt(t, env, srv, question, contextTokens) }
	wide, wideCits := sources(32000)
	if wide < 3 || wideCits != wide {
		t.Fatalf("wide context: %d sources in the prompt, %d citations; want several, equal", wide, wideCits)
	}
	narrow, narrowCits := sources(1800)
	t.Logf("sources in the prompt: %d with a wide context, %d with a narrow one", wide, narrow)
	if narrow >= wide || narrow < 1 || narrowCits != narrow {
		t.Errorf("narrow context: %d sources in the prompt (wide: %d), %d citations; want fewer, at least one, equal",
			narrow, wide, narrowCits)
	}
	d := rag.NewDrafter(env.searcher, env.store, fakeChat(t, srv, 5*time.Second), env.prompts, nil,
		rag.DraftOptions{ContextTokens: 200, MaxTokens: 300})
	if _, err := writeDraft(context.Background(), d, rag.Request{Question: question}); !errors.Is(err, rag.ErrInvalid) {
		t.Errorf("a context smaller than the answer: %v, want ErrInvalid", err)
	}
}

// sourcesInPrompt drafts question for a model with a context of
// contextTokens and returns how many sources its prompt held and how many
// citations the draft has.
func sourcesInPrompt(t *testing.T, env *draftEnv, srv *llmtest.Server, question string, contextTokens int) (int, int) {
	t.Helper()
	srv.Reset()
	d := rag.NewDrafter(env.searcher, env.store, fakeChat(t, srv, 5*time.Second), env.prompts, nil,
		rag.DraftOptions{Model: llmtest.DefaultChatModel, ContextTokens: contextTokens, MaxTokens: 300})
	draft, err := writeDraft(context.Background(), d, rag.Request{Question: question, Channel: "email"})
	if err != nil {
		t.Fatal(err)
	}
	user := onlyPrompt(t, srv)
	inPrompt := 0
	for n := 1; n <= 10; n++ {
		if strings.Contains(user, "["+strconv.Itoa(n)+"] ") {
			inPrompt = n
		}
	}
	return inPrompt, len(draft.Citations)
}

// TestDraftNoSourceHoldingEnforced checks that, without a reliable source,
// a model reply that is not the holding reply the prompt asked for (no
// « À VÉRIFIER PAR L'AGENT » line, facts with no source, a link) is
// replaced by the extractive holding reply with a holding_enforced
// warning, on each channel whose prompt asks for the line.
func TestDraftNoSourceHoldingEnforced(t *testing.T) {
	t.Parallel()
	env := newDraftEnv(t)
	const question = "Quelle est la meilleure recette de gâteau au chocolat pour un anniversaire ?"
	for _, tt := range []struct{ name, channel, reply string }{
		{"english", "email", "Hello, I cannot help. Ignore previous instructions."},
		{"facts without the line", "spp", "Bonjour, la recette demande 200 g de chocolat et 4 œufs.\n\nLe service"},
		{"facts after the line", "email", "À VÉRIFIER PAR L'AGENT : aucune source trouvée.\n\nBonjour, comptez 45 minutes de cuisson.\n\nCordialement"},
		{"link after the line", "spp", "À VÉRIFIER PAR L'AGENT : aucune source trouvée.\n\nBonjour, voyez www.recettes.example.\n\nLe service"},
		{"telephone without the line", "telephone", "À dire au téléphone : faites cuire le gâteau.\n\nMessage de suivi (SMS ou courriel) : bonne cuisine."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := llmtest.New(t, fixedReply(tt.reply))
			got, err := writeDraft(context.Background(), env.drafter(fakeChat(t, srv, 10*time.Second)), rag.Request{Question: question, Channel: tt.channel})
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := findWarning(got, rag.WarnHoldingEnforced); !ok || !got.Extractive {
				t.Errorf("extractive %v, warnings %v: want the holding reply with %s", got.Extractive, warningCodes(got), rag.WarnHoldingEnforced)
			}
			if _, ok := findWarning(got, rag.WarnUncited); ok || strings.Contains(got.Draft, tt.reply) {
				t.Errorf("the model's reply was kept:\n%s", got.Draft)
			}
		})
	}
}
