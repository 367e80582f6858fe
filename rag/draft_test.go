package rag_test

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	openai "github.com/sashabaranov/go-openai"

	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/llm/llmtest"
	"github.com/plume-sp/plume/plumetest"
	"github.com/plume-sp/plume/prompts"
	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/redact"
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

// greetingReply greets [NOM_1] when the prompt holds it, as a model keeping
// the placeholders would, and cites source 1.
func greetingReply(req openai.ChatCompletionRequest) (string, error) {
	if strings.Contains(userText(req), "[NOM_1]") {
		return "Bonjour [NOM_1],\n\nNous avons bien reçu votre message. Votre situation est examinée selon les règles en vigueur [1].\n\nCordialement,\nLe service", nil
	}
	return "Bonjour,\n\nNous avons bien reçu votre message. Votre situation est examinée selon les règles en vigueur [1].\n\nCordialement,\nLe service", nil
}

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

// labelledMessage is one line of redact/testdata/messages.jsonl.
type labelledMessage struct {
	ID       string `json:"id"`
	Text     string `json:"text"`
	Entities []struct {
		Type  string `json:"type"`
		Value string `json:"value"`
	} `json:"entities"`
}

// loadMessages reads the labelled messages with the given ids.
func loadMessages(tb testing.TB, ids ...string) []labelledMessage {
	tb.Helper()
	f, err := os.Open(filepath.Join(repoRoot, "redact", "testdata", "messages.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []labelledMessage
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		var m labelledMessage
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			tb.Fatal(err)
		}
		if slices.Contains(ids, m.ID) {
			out = append(out, m)
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	if len(out) != len(ids) {
		tb.Fatalf("found %d of the %d messages %v", len(out), len(ids), ids)
	}
	return out
}

// TestDraftKeepsPersonalDataLocal drafts replies to messages full of personal
// data through a recording fake: no labelled value may reach the model or
// the database, and the agent gets the name back in the draft.
func TestDraftKeepsPersonalDataLocal(t *testing.T) {
	t.Parallel()
	env := newDraftEnv(t)
	srv := llmtest.New(t, llmtest.WithReply(greetingReply))
	d := env.drafter(fakeChat(t, srv, 10*time.Second))
	ctx := context.Background()
	msgs := loadMessages(t, "m001", "m003", "m005", "m006", "m009", "m013", "m024", "m037", "m038", "m044", "m073", "m076")
	for _, m := range msgs {
		t.Run(m.ID, func(t *testing.T) {
			srv.Reset()
			question := strings.TrimSpace(m.Text)
			got, err := d.Draft(ctx, rag.Request{Question: question, Channel: "email"})
			if err != nil {
				t.Fatal(err)
			}
			if got.Extractive {
				t.Fatalf("extractive draft, warnings %v", warningCodes(got))
			}
			if n := srv.Calls(llmtest.ChatCompletions); n != 1 {
				t.Fatalf("%d chat requests, want 1", n)
			}
			bodies := srv.AllBodies()
			row, err := env.store.GetDraft(ctx, got.ID)
			if err != nil {
				t.Fatal(err)
			}
			stored := strings.Join([]string{row.Question, row.Draft, string(row.Sources), strings.Join(row.Warnings, " ")}, "\n")
			checked := 0
			for _, e := range m.Entities {
				if redact.Type(e.Type).Special() || len(e.Value) < 4 {
					continue
				}
				if !strings.Contains(question, e.Value) {
					t.Fatalf("labelled %s value %q is not in the message", e.Type, e.Value)
				}
				checked++
				if strings.Contains(bodies, e.Value) {
					t.Errorf("%s value %q reached the model", e.Type, e.Value)
				}
				if strings.Contains(stored, e.Value) {
					t.Errorf("%s value %q was stored", e.Type, e.Value)
				}
			}
			if checked < 3 {
				t.Fatalf("only %d values checked", checked)
			}
			// The model saw [NOM_1]; the agent sees the name it stands for.
			var name string
			for _, r := range got.Redactions {
				if r.Placeholder == "[NOM_1]" {
					name = question[r.Start:r.End]
				}
			}
			if name == "" {
				t.Fatalf("no [NOM_1] among the redactions %+v", got.Redactions)
			}
			if !strings.Contains(bodies, "[NOM_1]") {
				t.Errorf("the prompt lacks [NOM_1]")
			}
			if want := "Bonjour " + name + ","; !strings.HasPrefix(got.Draft, want) {
				t.Errorf("draft starts %q, want %q", firstLine(got.Draft), want)
			}
			if !strings.HasPrefix(row.Draft, "Bonjour [NOM_1],") {
				t.Errorf("stored draft starts %q, want the placeholder", firstLine(row.Draft))
			}
			if _, ok := findWarning(got, rag.WarnPlaceholderInvent); ok {
				t.Errorf("unexpected %s: %+v", rag.WarnPlaceholderInvent, got.Warnings)
			}
		})
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// TestDraftModelOutputChecks feeds the drafter model replies that the checks
// must catch: unknown citations, invented contacts and placeholders.
func TestDraftModelOutputChecks(t *testing.T) {
	t.Parallel()
	env := newDraftEnv(t)
	ctx := context.Background()
	const question = "Bonjour, je suis Marie Dupont. Comment renouveler ma carte d'identité qui expire le mois prochain ? Mon téléphone : 06 12 34 56 78."
	res, err := env.searcher.Search(ctx, rag.Query{Text: "Bonjour, je suis [NOM_1]. Comment renouveler ma carte d'identité qui expire le mois prochain ? Mon téléphone : [TEL_1].", K: 5})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Results) == 0 || !res.Results[0].Reliable {
		t.Fatalf("no reliable passage for the question: %+v", res)
	}
	first := res.Results[0]

	tests := []struct {
		name string
		// reply is the model's answer.
		reply string
		// want is the restored draft.
		want string
		// warnings are the warnings expected, with their values.
		warnings map[string][]string
		// cited lists the source numbers marked as cited.
		cited []int
		// channel is the request's channel (default spp).
		channel string
	}{
		{
			name:     "citations",
			reply:    "Bonjour [NOM_1], la demande se fait en ligne puis en mairie [1]. Un délai s'applique [9]. Voir aussi [1, 9] et [2]. Nous vous rappelons au [TEL_1].",
			want:     "Bonjour Marie Dupont, la demande se fait en ligne puis en mairie [1]. Un délai s'applique . Voir aussi [1] et [2]. Nous vous rappelons au 06 12 34 56 78.",
			warnings: map[string][]string{rag.WarnInvalidCitation: {"[9]", "[9]"}},
			cited:    []int{1, 2},
			channel:  "email",
		},
		{
			name: "invisible characters hide nothing",
			reply: "Bonjour [NOM_1], appelez le 01\u200b45 67\u00ad89 12 ou écrivez sur ｗｗｗ．aides-rapides.com/cni [1]. " +
				"Nous vous rappelons au [TEL_1].",
			want: "Bonjour Marie Dupont, appelez le [coordonnée à vérifier] ou écrivez sur [coordonnée à vérifier] [1]. " +
				"Nous vous rappelons au 06 12 34 56 78.",
			warnings: map[string][]string{rag.WarnContactMasked: {"0145 6789 12", "www.aides-rapides.com/cni"}},
			cited:    []int{1},
			channel:  "email",
		},
		{
			name: "invented contacts",
			reply: "Bonjour [NOM_1], appelez le 01 45 67 89 12 ou remplissez le formulaire sur https://www.aides-rapides.com/cni [1]. " +
				"La fiche https://www.service-public.fr/particuliers/vosdroits/F1341 détaille la démarche. Nous vous rappelons au [TEL_1].",
			want: "Bonjour Marie Dupont, appelez le [coordonnée à vérifier] ou remplissez le formulaire sur [coordonnée à vérifier] [1]. " +
				"La fiche https://www.service-public.fr/particuliers/vosdroits/F1341 détaille la démarche. Nous vous rappelons au 06 12 34 56 78.",
			warnings: map[string][]string{rag.WarnContactMasked: {"01 45 67 89 12", "https://www.aides-rapides.com/cni"}},
			cited:    []int{1},
			channel:  "email",
		},
		{
			name:     "invented and dropped placeholders",
			reply:    "Bonjour [NOM_1], votre fils [NOM_7] peut faire sa demande en mairie [1].",
			want:     "Bonjour Marie Dupont, votre fils [NOM_7] peut faire sa demande en mairie [1].",
			warnings: map[string][]string{rag.WarnPlaceholderInvent: {"[NOM_7]"}, rag.WarnPlaceholderDropped: {"[TEL_1]"}},
			cited:    []int{1},
			channel:  "email",
		},
		{
			// A public reply must not repeat personal data: dropping it
			// is what the prompt asks, not something to warn about.
			name:     "dropped placeholders in a public reply",
			reply:    "Bonjour, votre fils [NOM_7] peut faire sa demande en mairie [1].",
			want:     "Bonjour, votre fils [NOM_7] peut faire sa demande en mairie [1].",
			warnings: map[string][]string{rag.WarnPlaceholderInvent: {"[NOM_7]"}},
			cited:    []int{1},
			channel:  "spp",
		},
		{
			name:     "uncited",
			reply:    "Bonjour [NOM_1], nous vous rappelons au [TEL_1].",
			want:     "Bonjour Marie Dupont, nous vous rappelons au 06 12 34 56 78.",
			warnings: map[string][]string{rag.WarnUncited: nil},
			channel:  "email",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := llmtest.New(t, fixedReply(tt.reply))
			got, err := env.drafter(fakeChat(t, srv, 10*time.Second)).Draft(ctx, rag.Request{Question: question, Channel: tt.channel})
			if err != nil {
				t.Fatal(err)
			}
			if got.Extractive {
				t.Fatalf("extractive draft, warnings %+v", got.Warnings)
			}
			if diff := cmp.Diff(tt.want, got.Draft); diff != "" {
				t.Errorf("draft (-want +got):\n%s", diff)
			}
			gotWarnings := map[string][]string{}
			for _, w := range got.Warnings {
				gotWarnings[w.Code] = w.Values
			}
			if diff := cmp.Diff(tt.warnings, gotWarnings, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
			var cited []int
			for _, c := range got.Citations {
				if c.Cited {
					cited = append(cited, c.N)
				}
			}
			if diff := cmp.Diff(tt.cited, cited, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("cited sources (-want +got):\n%s", diff)
			}
			// Citations are the passages given to the model, in order.
			if len(got.Citations) == 0 {
				t.Fatal("no citation")
			}
			c1 := got.Citations[0]
			if c1.N != 1 || c1.DocID != first.DocID || c1.URL != first.URL || c1.ChunkID != first.ChunkID {
				t.Errorf("citation 1 = {%d %s %s %d}, want {1 %s %s %d}", c1.N, c1.DocID, c1.URL, c1.ChunkID,
					first.DocID, first.URL, first.ChunkID)
			}
			reqs := srv.Requests()
			if len(reqs) != 1 {
				t.Fatalf("%d requests, want 1", len(reqs))
			}
			chat, err := reqs[0].Chat()
			if err != nil {
				t.Fatal(err)
			}
			prompt := userText(chat)
			for _, c := range got.Citations {
				if c.URL != "" && !strings.Contains(prompt, c.URL) {
					t.Errorf("citation %d (%s) was not given to the model", c.N, c.URL)
				}
			}
			if strings.Contains(srv.AllBodies(), "Dupont") || strings.Contains(srv.AllBodies(), "06 12 34 56 78") {
				t.Error("personal data reached the model")
			}
			// The stored draft keeps the placeholders and the masked contacts.
			row, err := env.store.GetDraft(ctx, got.ID)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(row.Draft, "Dupont") || strings.Contains(row.Draft, "01 45 67 89 12") {
				t.Errorf("stored draft %q holds personal data or a masked contact", row.Draft)
			}
			if diff := cmp.Diff(warningCodes(got), row.Warnings, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("stored warnings (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDraftModelFailures checks retries, the extractive fallback and the
// warning when the model fails.
func TestDraftModelFailures(t *testing.T) {
	t.Parallel()
	env := newDraftEnv(t)
	ctx := context.Background()
	const question = "Comment faire une demande de prime d'activité auprès de la Caf ?"
	tests := []struct {
		name       string
		opts       []llmtest.Option
		timeout    time.Duration
		calls      int
		extractive bool
		warning    string
		message    string
	}{
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
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := llmtest.New(t, tt.opts...)
			start := time.Now()
			got, err := env.drafter(fakeChat(t, srv, tt.timeout)).Draft(ctx, rag.Request{Question: question})
			if err != nil {
				t.Fatal(err)
			}
			if tt.name == "timeout" && time.Since(start) > 4*time.Second {
				t.Errorf("the draft waited %s for a model that timed out after %s", time.Since(start), tt.timeout)
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
			row, err := env.store.GetDraft(ctx, got.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !row.Extractive || !slices.Contains(row.Warnings, rag.WarnModelFailed) {
				t.Errorf("stored draft: extractive %v, warnings %v", row.Extractive, row.Warnings)
			}
		})
	}
}

// TestDraftWithoutModel checks the extractive drafts: a useful reply when
// the sources answer, a holding reply when none does.
func TestDraftWithoutModel(t *testing.T) {
	t.Parallel()
	env := newDraftEnv(t)
	d := env.drafter(nil)
	ctx := context.Background()

	t.Run("answered", func(t *testing.T) {
		// The placeholders of the redacted question must not hide the
		// passages that answer it.
		got, err := d.Draft(ctx, rag.Request{Service: "mairie",
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
		if strings.Contains(row.Draft+row.Question, "Martin") || !strings.Contains(row.Draft, "Bonjour Madame [NOM_1],") ||
			!strings.Contains(row.Question, "[EMAIL_1]") {
			t.Errorf("stored draft is not redacted:\n%s", row.Draft)
		}
	})

	t.Run("off topic", func(t *testing.T) {
		got, err := d.Draft(ctx, rag.Request{Question: "Quelle est la meilleure recette de gâteau au chocolat pour un anniversaire ?"})
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

	t.Run("invalid", func(t *testing.T) {
		for _, req := range []rag.Request{{Question: "  "}, {Question: "Bonjour", Channel: "fax"},
			{Question: strings.Repeat("a", rag.MaxQuestionBytes+1)}} {
			if _, err := d.Draft(ctx, req); !errorsIsInvalid(err) {
				t.Errorf("Draft(%.20q, %q) = %v, want ErrInvalid", req.Question, req.Channel, err)
			}
		}
	})
}

// screen applies stream events as the page does, keeping every state.
type screen struct {
	text    string
	states  []string
	replace int
}

func (s *screen) apply(ev rag.StreamEvent) error {
	if ev.Replace {
		s.text = ""
		s.replace++
	}
	s.text += ev.Text
	s.states = append(s.states, s.text)
	return nil
}

// everShown reports whether some state of the screen contained sub.
func (s *screen) everShown(sub string) bool {
	return slices.ContainsFunc(s.states, func(st string) bool { return strings.Contains(st, sub) })
}

// TestDraftStream checks that streaming shows checked text only, sentence
// by sentence, and ends with the same draft as a plain call.
func TestDraftStream(t *testing.T) {
	t.Parallel()
	env := newDraftEnv(t)
	ctx := context.Background()
	const question = "Bonjour, je suis Paul Moreau, comment m'inscrire à France Travail après mon licenciement ?"
	const reply = "Bonjour [NOM_1],\n\nVous pouvez vous inscrire en ligne [1]. Une fausse piste [7] ; appelez le 01 99 88 77 66 " +
		"ou voyez evil.example/pay.\n\nCordialement."
	srv := llmtest.New(t, fixedReply(reply), llmtest.WithStreamChunks(3, 0))
	d := env.drafter(fakeChat(t, srv, 10*time.Second))

	var sc screen
	streamed, err := d.DraftStream(ctx, rag.Request{Question: question}, sc.apply)
	if err != nil {
		t.Fatal(err)
	}
	if len(sc.states) < 4 {
		t.Errorf("%d events, want the reply sentence by sentence", len(sc.states))
	}
	if sc.text != streamed.Draft || sc.replace != 0 {
		t.Errorf("screen after %d replacements:\n%s\nwant the draft:\n%s", sc.replace, sc.text, streamed.Draft)
	}
	for _, unchecked := range []string{"[NOM_1]", "[7]", "01 99 88 77 66", "evil.example", "01 9", "Une fausse piste [", "Cordialement"} {
		if unchecked == "Cordialement" {
			// The last line comes with the final text only.
			if sc.everShown(unchecked) && !strings.Contains(sc.states[len(sc.states)-2], unchecked) &&
				!strings.HasSuffix(sc.states[len(sc.states)-1], unchecked+".") {
				t.Errorf("%q shown before it was checked", unchecked)
			}
			continue
		}
		if sc.everShown(unchecked) {
			t.Errorf("the screen showed unchecked text %q", unchecked)
		}
	}
	plain, err := d.Draft(ctx, rag.Request{Question: question})
	if err != nil {
		t.Fatal(err)
	}
	if streamed.Extractive || !strings.HasPrefix(streamed.Draft, "Bonjour Paul Moreau,") {
		t.Errorf("streamed draft (extractive %v):\n%s", streamed.Extractive, streamed.Draft)
	}
	ignore := cmpopts.IgnoreFields(rag.Draft{}, "ID", "CreatedAt", "Timings", "Tokens")
	if diff := cmp.Diff(plain, streamed, ignore); diff != "" {
		t.Errorf("streamed draft differs from the plain one (-plain +streamed):\n%s", diff)
	}
	if streamed.ID == plain.ID {
		t.Error("both drafts have the same id")
	}

	t.Run("broken stream", func(t *testing.T) {
		broken := llmtest.New(t, fixedReply(reply), llmtest.WithStreamChunks(3, 0), llmtest.WithStreamAbortAfter(12))
		var sc screen
		draft, err := env.drafter(fakeChat(t, broken, 10*time.Second)).DraftStream(ctx, rag.Request{Question: question}, sc.apply)
		if err != nil {
			t.Fatal(err)
		}
		// The first line was shown, then the extractive draft.
		if !sc.everShown("Bonjour Paul Moreau,") || sc.everShown("Vous pouvez") || sc.text != draft.Draft {
			t.Errorf("screen states %q, want the first line then the draft", sc.states)
		}
		if n := broken.Calls(llmtest.ChatCompletions); n != 1 {
			t.Errorf("%d chat requests, want 1: a stream that delivered text is never resent", n)
		}
		if _, ok := findWarning(draft, rag.WarnModelFailed); !ok || !draft.Extractive {
			t.Errorf("extractive %v, warnings %v: want an extractive draft with %s", draft.Extractive, warningCodes(draft), rag.WarnModelFailed)
		}
	})

	t.Run("cut stream", func(t *testing.T) {
		// The connection closes cleanly, without finish reason or [DONE]:
		// half a reply must not pass for a model draft.
		cut := llmtest.New(t, fixedReply(reply), llmtest.WithStreamChunks(3, 0), llmtest.WithStreamCutAfter(6))
		var sc screen
		draft, err := env.drafter(fakeChat(t, cut, 10*time.Second)).DraftStream(ctx, rag.Request{Question: question}, sc.apply)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := findWarning(draft, rag.WarnModelFailed); !ok || !draft.Extractive {
			t.Errorf("extractive %v, warnings %v: want an extractive draft with %s", draft.Extractive, warningCodes(draft), rag.WarnModelFailed)
		}
		row, err := env.store.GetDraft(ctx, draft.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !row.Extractive || !slices.Contains(row.Warnings, rag.WarnModelFailed) || strings.HasPrefix(row.Draft, "Bonjour [NOM_1],\n\nVous") {
			t.Errorf("stored draft: extractive %v, warnings %v, text %q", row.Extractive, row.Warnings, firstLine(row.Draft))
		}
		if sc.text != draft.Draft {
			t.Errorf("the screen ends with %q, want the extractive draft", sc.text)
		}
	})

	t.Run("nil callback", func(t *testing.T) {
		if _, err := d.DraftStream(ctx, rag.Request{Question: question}, nil); !errorsIsInvalid(err) {
			t.Errorf("DraftStream(nil) = %v, want ErrInvalid", err)
		}
	})
}

// TestDraftPromptLeak checks that a reply reproducing the system prompt is
// discarded for an extractive draft.
func TestDraftPromptLeak(t *testing.T) {
	t.Parallel()
	env := newDraftEnv(t)
	ctx := context.Background()
	channels := env.prompts.Channels()
	systems := env.prompts.SystemTexts()
	for i, ch := range channels {
		t.Run(ch, func(t *testing.T) {
			words := strings.Fields(systems[i])
			leak := strings.Join(words[len(words)/3:min(len(words), len(words)/3+40)], " ")
			srv := llmtest.New(t, fixedReply("Bonjour, voici mes consignes : "+leak+" [1]"))
			got, err := env.drafter(fakeChat(t, srv, 10*time.Second)).Draft(ctx,
				rag.Request{Question: "Comment demander la carte Vitale ?", Channel: ch})
			if err != nil {
				t.Fatal(err)
			}
			// Streamed, the leak never reaches the screen: what was shown
			// before it is replaced, and the screen ends with the draft.
			var sc screen
			streamed, err := env.drafter(fakeChat(t, srv, 10*time.Second)).DraftStream(ctx,
				rag.Request{Question: "Comment demander la carte Vitale ?", Channel: ch}, sc.apply)
			if err != nil {
				t.Fatal(err)
			}
			lw := strings.Fields(leak)
			for i := 0; i+10 <= len(lw); i++ {
				if run := strings.Join(lw[i:i+10], " "); sc.everShown(run) {
					t.Errorf("the screen showed the prompt: %q", run)
				}
			}
			if !streamed.Extractive || sc.text != streamed.Draft {
				t.Errorf("streamed: extractive %v, screen %q", streamed.Extractive, sc.text)
			}
			if !got.Extractive {
				t.Errorf("the leaking reply was kept:\n%s", got.Draft)
			}
			if _, ok := findWarning(got, rag.WarnPromptLeak); !ok {
				t.Errorf("no %s warning: %v", rag.WarnPromptLeak, warningCodes(got))
			}
			if strings.Contains(got.Draft, leak) {
				t.Error("the draft holds the system prompt")
			}
		})
	}
}

// errorsIsInvalid reports whether err wraps rag.ErrInvalid.
func errorsIsInvalid(err error) bool { return errors.Is(err, rag.ErrInvalid) }

// TestDraftNoReliableSourceWithModel checks that a question the corpus does
// not answer reaches the model without sources, and that the draft says so.
func TestDraftNoReliableSourceWithModel(t *testing.T) {
	t.Parallel()
	env := newDraftEnv(t)
	const reply = "À VÉRIFIER PAR L'AGENT : aucune source trouvée.\n\nBonjour, merci pour votre message : votre demande est examinée.\n\nLe service"
	srv := llmtest.New(t, fixedReply(reply))
	got, err := env.drafter(fakeChat(t, srv, 10*time.Second)).Draft(context.Background(),
		rag.Request{Question: "Quelle est la meilleure recette de gâteau au chocolat pour un anniversaire ?"})
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
	sources := func(contextTokens int) (int, int) {
		t.Helper()
		srv.Reset()
		d := rag.NewDrafter(env.searcher, env.store, fakeChat(t, srv, 5*time.Second), env.prompts, nil,
			rag.DraftOptions{Model: llmtest.DefaultChatModel, ContextTokens: contextTokens, MaxTokens: 300})
		draft, err := d.Draft(context.Background(), rag.Request{Question: question, Channel: "email"})
		if err != nil {
			t.Fatal(err)
		}
		reqs := srv.Requests()
		if len(reqs) != 1 {
			t.Fatalf("%d model requests, want 1", len(reqs))
		}
		chat, err := reqs[0].Chat()
		if err != nil {
			t.Fatal(err)
		}
		user := ""
		for _, m := range chat.Messages {
			if m.Role == openai.ChatMessageRoleUser {
				user += m.Content
			}
		}
		inPrompt := 0
		for n := 1; n <= 10; n++ {
			if strings.Contains(user, "["+strconv.Itoa(n)+"] ") {
				inPrompt = n
			}
		}
		return inPrompt, len(draft.Citations)
	}
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
	if _, err := d.Draft(context.Background(), rag.Request{Question: question}); !errors.Is(err, rag.ErrInvalid) {
		t.Errorf("a context smaller than the answer: %v, want ErrInvalid", err)
	}
}

// TestDraftPublicReplyRestoresNameOnly checks that a public Services
// Publics+ reply gets back the person's name only: identifiers, the
// address and special-category data stay masked, and a warning says so.
// Other channels restore everything.
func TestDraftPublicReplyRestoresNameOnly(t *testing.T) {
	t.Parallel()
	env := newDraftEnv(t)
	ctx := context.Background()
	const question = "Bonjour, je suis Marie Dupont, j'habite 12 rue des Lilas 75011 Paris. Mon numéro de sécurité sociale est " +
		"2 84 05 75 123 456 72 et mon IBAN FR76 3000 6000 0112 3456 7890 189. Je suis diabétique. Comment obtenir ma carte Vitale ?"
	const reply = "Bonjour [NOM_1], nous avons noté votre adresse [ADRESSE_1], votre numéro [NIR_1], votre IBAN [IBAN_1] " +
		"et votre situation ([SANTE_1]). La carte Vitale se demande en ligne [1]."
	secrets := []string{"12 rue des Lilas", "2 84 05 75 123 456 72", "FR76 3000 6000 0112 3456 7890 189", "diabétique"}
	srv := llmtest.New(t, fixedReply(reply), llmtest.WithStreamChunks(7, 0))
	d := env.drafter(fakeChat(t, srv, 10*time.Second))
	for _, stream := range []bool{false, true} {
		t.Run(fmt.Sprintf("stream=%v", stream), func(t *testing.T) {
			var shown strings.Builder
			req := rag.Request{Question: question, Channel: "spp"}
			var got rag.Draft
			var err error
			if stream {
				var sc screen
				got, err = d.DraftStream(ctx, req, sc.apply)
				shown.WriteString(strings.Join(sc.states, "\n"))
			} else {
				got, err = d.Draft(ctx, req)
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Extractive || !strings.HasPrefix(got.Draft, "Bonjour Marie Dupont,") {
				t.Fatalf("draft (extractive %v): %s", got.Extractive, got.Draft)
			}
			for _, s := range secrets {
				if strings.Contains(got.Draft, s) || strings.Contains(shown.String(), s) {
					t.Errorf("the public reply carries %q:\n%s", s, got.Draft)
				}
			}
			w, ok := findWarning(got, rag.WarnPublicWithheld)
			if !ok {
				t.Fatalf("no %s warning: %v", rag.WarnPublicWithheld, warningCodes(got))
			}
			if diff := cmp.Diff([]string{"[ADRESSE_1]", "[IBAN_1]", "[NIR_1]", "[SANTE_1]"}, w.Values); diff != "" {
				t.Errorf("withheld placeholders (-want +got):\n%s", diff)
			}
		})
	}
	t.Run("email", func(t *testing.T) {
		got, err := d.Draft(ctx, rag.Request{Question: question, Channel: "email"})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range secrets {
			if !strings.Contains(got.Draft, s) {
				t.Errorf("the e-mail draft lacks %q:\n%s", s, got.Draft)
			}
		}
		if _, ok := findWarning(got, rag.WarnPublicWithheld); ok {
			t.Errorf("unexpected %s on an e-mail draft", rag.WarnPublicWithheld)
		}
	})
}
