package rag_test

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	openai "github.com/sashabaranov/go-openai"

	"github.com/plume-sp/plume/llm/llmtest"
	"github.com/plume-sp/plume/prompts"
	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/triage"
)

const (
	urgentQuestion  = "Bonjour, je suis Claire Martin. Mon mari me frappe depuis des mois et je voudrais savoir comment demander une aide au logement pour partir."
	routineQuestion = "Bonjour, je suis Paul Moreau. C'est urgent : je pars dans trois semaines, comment changer l'adresse de ma carte grise ?"
	personFacing    = "Votre message a retenu toute notre attention"
	agentFacingHead = "À traiter en priorité : Violences ou menaces."
)

// TestDraftAttention checks the triage a draft carries and what it
// changes: an urgent message's draft starts with the contacts to call,
// which the checks keep; a routine one never does.
func TestDraftAttention(t *testing.T) {
	t.Parallel()
	env := newDraftEnv(t)
	ctx := context.Background()
	d := env.drafter(nil)

	urgent, err := writeDraft(ctx, d, rag.Request{Question: urgentQuestion, Channel: "email"})
	if err != nil {
		t.Fatal(err)
	}
	if urgent.Attention.Level != triage.Urgent || !strings.HasPrefix(urgent.Draft, personFacing) ||
		!strings.Contains(urgent.Draft, "- le 3919 (Violences Femmes Info") || !strings.Contains(urgent.Draft, "- le 17 (") {
		t.Errorf("urgent draft (%s):\n%s", urgent.Attention.Level, urgent.Draft)
	}
	if w, ok := findWarning(urgent, rag.WarnContactMasked); ok {
		t.Errorf("the emergency numbers were masked: %v", w.Values)
	}
	r := urgent.Attention.Reasons[0]
	if r.Code != triage.CodeViolence || urgentQuestion[r.Start:r.End] != "Mon mari me frappe depuis des mois et je voudrais savoir comment demander une aide au logement pour partir." {
		t.Errorf("reason %+v", r)
	}
	checkStoredAttention(t, env.store, urgent)

	note, err := writeDraft(ctx, d, rag.Request{Question: urgentQuestion, Channel: "conseiller"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(note.Draft, agentFacingHead+"\nContacts à donner à la personne dès maintenant :\n- le 3919") {
		t.Errorf("adviser's note:\n%s", note.Draft)
	}

	checkRoutineDrafts(t, d)
}

// checkStoredAttention checks that the urgent draft is stored with its
// level and reasons (codes and offsets, no text) and no personal data.
func checkStoredAttention(t *testing.T, st *store.Store, urgent rag.Draft) {
	t.Helper()
	stored, err := st.GetDraft(context.Background(), urgent.ID)
	if err != nil {
		t.Fatal(err)
	}
	var reasons []triage.Reason
	if err := json.Unmarshal(stored.AttentionReasons, &reasons); err != nil {
		t.Fatal(err)
	}
	if stored.AttentionLevel != "urgent" || !cmp.Equal(reasons, urgent.Attention.Reasons) ||
		strings.Contains(string(stored.AttentionReasons), "frappe") || strings.Contains(stored.Question.String(), "Claire") {
		t.Errorf("stored level %q reasons %s", stored.AttentionLevel, stored.AttentionReasons)
	}
}

// checkRoutineDrafts checks that a routine message's drafts, on every
// channel, start with no emergency contact.
func checkRoutineDrafts(t *testing.T, d *rag.Drafter) {
	t.Helper()
	ctx := context.Background()
	for _, ch := range []string{"spp", "email", "conseiller", "telephone"} {
		routine, err := writeDraft(ctx, d, rag.Request{Question: routineQuestion, Channel: ch})
		if err != nil {
			t.Fatal(err)
		}
		if routine.Attention.Level != triage.Routine || len(routine.Attention.Reasons) != 0 ||
			strings.Contains(routine.Draft, personFacing) || strings.Contains(routine.Draft, "À traiter en priorité") ||
			strings.Contains(routine.Draft, "3919") {
			t.Errorf("routine draft on %s (%s):\n%s", ch, routine.Attention.Level, routine.Draft)
		}
	}
}

// TestDraftStreamUrgent checks that a streamed urgent draft shows the
// contacts first and ends as the plain draft does.
func TestDraftStreamUrgent(t *testing.T) {
	t.Parallel()
	env := newDraftEnv(t)
	ctx := context.Background()
	srv := llmtest.New(t, llmtest.WithReply(greetingReply), llmtest.WithStreamChunks(4, 0))
	d := env.drafter(fakeChat(t, srv, 10*time.Second))
	var sc screen
	streamed, err := streamDraft(ctx, d, rag.Request{Question: urgentQuestion, Channel: "email"}, sc.apply)
	if err != nil {
		t.Fatal(err)
	}
	if len(sc.states) < 2 || !strings.HasPrefix(sc.states[0], personFacing) || strings.Contains(sc.states[0], "Bonjour") {
		t.Errorf("first state %q, want the contacts alone", sc.states[0])
	}
	if sc.text != streamed.Draft || sc.replace != 0 || !strings.Contains(streamed.Draft, "Bonjour Claire Martin,") {
		t.Errorf("screen after %d replacements:\n%s\nwant the draft:\n%s", sc.replace, sc.text, streamed.Draft)
	}
	plain, err := writeDraft(ctx, d, rag.Request{Question: urgentQuestion, Channel: "email"})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(plain, streamed, cmpopts.IgnoreFields(rag.Draft{}, "ID", "CreatedAt", "Timings", "Tokens")); diff != "" {
		t.Errorf("streamed draft differs from the plain one (-plain +streamed):\n%s", diff)
	}
}

// TestTriageSecondOpinion checks the model's second opinion: it sees the
// redacted text only, can raise a level and never lowers one.
func TestTriageSecondOpinion(t *testing.T) {
	t.Parallel()
	env := newDraftEnv(t)
	ctx := context.Background()
	opinion := "urgent"
	srv := llmtest.New(t, llmtest.WithReply(func(req openai.ChatCompletionRequest) (string, error) {
		if strings.HasPrefix(req.Messages[0].Content, "Vous triez") {
			return opinion + ".", nil
		}
		return greetingReply(req)
	}))
	d := rag.NewDrafter(env.searcher, env.store, fakeChat(t, srv, 10*time.Second), env.prompts, nil,
		rag.DraftOptions{Model: llmtest.DefaultChatModel, SecondOpinion: true})

	a, err := d.Triage(ctx, routineQuestion, "")
	if err != nil {
		t.Fatal(err)
	}
	if a.Level != triage.Urgent || len(a.Reasons) != 1 || a.Reasons[0].Code != triage.CodeModel || a.SecondOpinion != triage.OpinionGiven {
		t.Errorf("raised assessment %+v", a)
	}
	if body := srv.AllBodies(); strings.Contains(body, "Paul") || strings.Contains(body, "Moreau") || !strings.Contains(body, "[NOM_1]") {
		t.Errorf("the model saw personal data or not the redacted text:\n%.400s", body)
	}
	opinion = "routine"
	a, err = d.Triage(ctx, urgentQuestion, "")
	if err != nil || a.Level != triage.Urgent {
		t.Errorf("a routine opinion lowered an urgent message: %+v, %v", a, err)
	}
	draft, err := writeDraft(ctx, d, rag.Request{Question: urgentQuestion})
	if err != nil || draft.Attention.Level != triage.Urgent {
		t.Errorf("draft attention %+v, %v", draft.Attention, err)
	}
	opinion = "je ne sais pas"
	a, err = d.Triage(ctx, routineQuestion, "")
	if err != nil || a.Level != triage.Routine || a.SecondOpinion != triage.OpinionFailed {
		t.Errorf("an unreadable opinion changed the level or was not reported: %+v, %v", a, err)
	}
	for _, bad := range []string{"", " ", "\u200b\u200d\ufeff\u00ad \u2060", "\xff", strings.Repeat("a", rag.MaxQuestionBytes+1)} {
		if _, err := d.Triage(ctx, bad, ""); !errorsIsInvalid(err) {
			t.Errorf("Triage(%.10q) = %v, want ErrInvalid", bad, err)
		}
	}
}

// TestSlowSecondOpinion: a model that hangs costs the triage its second
// opinion's own limit only, not the model's, and the answer says the
// second opinion failed; a draft then keeps its time for the model (here
// failing too: an extractive draft) instead of running out of the
// request's (black-box test: a note's draft ended in 504 after 120 s).
func TestSlowSecondOpinion(t *testing.T) {
	t.Parallel()
	env := newDraftEnv(t)
	srv := llmtest.New(t, llmtest.WithDelay(time.Minute, llmtest.ChatCompletions))
	const modelTimeout = 6 * time.Second
	d := rag.NewDrafter(env.searcher, env.store, fakeChat(t, srv, modelTimeout), env.prompts, nil,
		rag.DraftOptions{Model: llmtest.DefaultChatModel, SecondOpinion: true, SecondOpinionTimeout: 200 * time.Millisecond})

	start := time.Now()
	a, err := d.Triage(context.Background(), routineQuestion, "Elle dit que tout va bien.")
	if err != nil {
		t.Fatal(err)
	}
	if a.Level != triage.Routine || a.SecondOpinion != triage.OpinionFailed {
		t.Errorf("triage with a hanging model = %+v, want routine with second_opinion failed", a)
	}
	if took := time.Since(start); took >= modelTimeout {
		t.Errorf("triage took %s, the model's limit: the second opinion has no limit of its own", took)
	}

	// The request's own limit: one model call and some, not two.
	ctx, cancel := context.WithTimeout(context.Background(), modelTimeout*3/2)
	defer cancel()
	draft, err := writeDraft(ctx, d, rag.Request{Question: routineQuestion, AgentNote: "Elle dit que tout va bien."})
	if err != nil {
		t.Fatalf("draft with a hanging model: %v", err)
	}
	if draft.Attention.SecondOpinion != triage.OpinionFailed || !draft.Extractive ||
		!slices.Contains(warningCodes(draft), rag.WarnSecondOpinionFailed) {
		t.Errorf("draft: extractive %v, attention %+v, warnings %v", draft.Extractive, draft.Attention, warningCodes(draft))
	}
}

// TestSecondOpinionSource: the model's reason points into the text behind
// it as far as plume can tell: the question when there is no note, or when
// the question alone is not routine; the note when the question alone is
// routine (it was reported on the question, black-box test).
func TestSecondOpinionSource(t *testing.T) {
	t.Parallel()
	srv := llmtest.New(t, llmtest.WithReply(func(openai.ChatCompletionRequest) (string, error) { return "urgent", nil }))
	ps, err := prompts.Load("")
	if err != nil {
		t.Fatal(err)
	}
	d := rag.NewDrafter(nil, nil, fakeChat(t, srv, 10*time.Second), ps, nil, rag.DraftOptions{SecondOpinion: true})
	const note = "Elle demande à quelle adresse envoyer le formulaire de sa carte grise."
	const attentionQuestion = "Bonjour, cela fait trois fois que j'envoie mon dossier et personne ne me répond, je vais porter plainte."
	for _, tt := range []struct {
		name, question, note string
		want                 triage.Reason
	}{
		{"no note", routineQuestion, "", triage.Reason{Start: 0, End: len(routineQuestion), Source: triage.SourceQuestion}},
		{"routine question and a note", routineQuestion, note, triage.Reason{Start: 0, End: len(note), Source: triage.SourceNote}},
		{"question of its own level and a note", attentionQuestion, note,
			triage.Reason{Start: 0, End: len(attentionQuestion), Source: triage.SourceQuestion}},
	} {
		a, err := d.Triage(context.Background(), tt.question, tt.note)
		if err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(a.Reasons, func(r triage.Reason) bool { return r.Code == triage.CodeModel })
		if a.Level != triage.Urgent || i < 0 {
			t.Errorf("%s: %+v, want urgent by the model", tt.name, a)
			continue
		}
		got := triage.Reason{Start: a.Reasons[i].Start, End: a.Reasons[i].End, Source: a.Reasons[i].Source}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: the model's reason (-want +got):\n%s", tt.name, diff)
		}
	}
}
