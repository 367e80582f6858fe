package rag_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/plume-sp/plume/llm/llmtest"
	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/redact/redacttest"
)

// outputQuestion is the question of TestDraftModelOutputChecks.
const outputQuestion = "Bonjour, je suis Marie Dupont. Comment renouveler ma carte d'identité qui expire le mois prochain ? Mon téléphone : 06 12 34 56 78."

// outputCase is a model reply the checks must catch.
type outputCase struct {
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
}

var outputCases = []outputCase{
	{
		// Figures no passage and no text of the person's holds are
		// named for the agent to check (black-box session 21).
		name:     "invented figures",
		reply:    "Bonjour [NOM_1], le montant est de 1 234 euros [1]. Le délai est de 12 jours, soit 2,5 % de plus [1]. Nous vous rappelons au [TEL_1].",
		want:     "Bonjour Marie Dupont, le montant est de 1 234 euros [1]. Le délai est de 12 jours, soit 2,5 % de plus [1]. Nous vous rappelons au 06 12 34 56 78.",
		warnings: map[string][]string{rag.WarnUnsupportedFigure: {"1 234 euros", "12 jours", "2,5 %"}},
		cited:    []int{1},
		channel:  "email",
	},
	{
		name:     "citations",
		reply:    "Bonjour [NOM_1], la demande se fait en ligne puis en mairie [1]. Un délai s'applique [9]. Voir aussi [1, 9] et [2]. Nous vous rappelons au [TEL_1].",
		want:     "Bonjour Marie Dupont, la demande se fait en ligne puis en mairie [1]. Un délai s'applique. Voir aussi [1] et [2]. Nous vous rappelons au 06 12 34 56 78.",
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
			"La fiche [coordonnée à vérifier] détaille la démarche. Nous vous rappelons au 06 12 34 56 78.",
		warnings: map[string][]string{rag.WarnContactMasked: {"01 45 67 89 12", "https://www.aides-rapides.com/cni",
			"https://www.service-public.fr/particuliers/vosdroits/F1341"}},
		cited:   []int{1},
		channel: "email",
	},
	{
		// A bank account or NIR the model writes could divert a payment
		// or be anyone's; the NIR is masked whole, not read as a phone.
		name: "invented bank account and NIR",
		reply: "Bonjour [NOM_1], versez la somme sur l'IBAN FR76 3000 6000 0112 3456 7890 189 et rappelez votre NIR 1 85 03 75 123 456 78 [1]. " +
			"Nous vous rappelons au [TEL_1].",
		want: "Bonjour Marie Dupont, versez la somme sur l'IBAN [coordonnée à vérifier] et rappelez votre NIR [coordonnée à vérifier] [1]. " +
			"Nous vous rappelons au 06 12 34 56 78.",
		warnings: map[string][]string{rag.WarnContactMasked: {"1 85 03 75 123 456 78", "FR76 3000 6000 0112 3456 7890 189"}},
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

// TestDraftModelOutputChecks feeds the drafter model replies that the checks
// must catch: unknown citations, invented contacts and placeholders.
func TestDraftModelOutputChecks(t *testing.T) {
	t.Parallel()
	env := newDraftEnv(t)
	ctx := context.Background()
	res, err := env.searcher.Search(ctx, rag.Query{Text: redacttest.Text(t, "Bonjour, je suis [NOM_1]. Comment renouveler ma carte d'identité qui expire le mois prochain ? Mon téléphone : [TEL_1]."), K: 5})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Results) == 0 || !res.Results[0].Reliable {
		t.Fatalf("no reliable passage for the question: %+v", res)
	}
	first := res.Results[0]
	for _, tt := range outputCases {
		t.Run(tt.name, func(t *testing.T) {
			srv := llmtest.New(t, fixedReply(tt.reply))
			got, err := writeDraft(ctx, env.drafter(fakeChat(t, srv, 10*time.Second)), rag.Request{Question: outputQuestion, Channel: tt.channel})
			if err != nil {
				t.Fatal(err)
			}
			if got.Extractive {
				t.Fatalf("extractive draft, warnings %+v", got.Warnings)
			}
			tt.check(t, got, first)
			checkModelSawSources(t, srv, got)
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

// check compares a draft with the case: its text, warnings and cited
// sources, and its first citation with the first passage found.
func (tt outputCase) check(t *testing.T, got rag.Draft, first rag.Result) {
	t.Helper()
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
}

// checkModelSawSources checks that the one model request held every cited
// source and no personal data.
func checkModelSawSources(t *testing.T, srv *llmtest.Server, got rag.Draft) {
	t.Helper()
	prompt := onlyPrompt(t, srv)
	for _, c := range got.Citations {
		if c.URL != "" && !strings.Contains(prompt, c.URL) {
			t.Errorf("citation %d (%s) was not given to the model", c.N, c.URL)
		}
	}
	if strings.Contains(srv.AllBodies(), "Dupont") || strings.Contains(srv.AllBodies(), "06 12 34 56 78") {
		t.Error("personal data reached the model")
	}
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
			got, err := writeDraft(ctx, env.drafter(fakeChat(t, srv, 10*time.Second)), rag.Request{Question: "Comment demander la carte Vitale ?", Channel: ch})
			if err != nil {
				t.Fatal(err)
			}
			// Streamed, the leak never reaches the screen: what was shown
			// before it is replaced, and the screen ends with the draft.
			var sc screen
			streamed, err := streamDraft(ctx, env.drafter(fakeChat(t, srv, 10*time.Second)), rag.Request{Question: "Comment demander la carte Vitale ?", Channel: ch}, sc.apply)
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
