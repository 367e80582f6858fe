package rag_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	openai "github.com/sashabaranov/go-openai"

	"github.com/plume-sp/plume/llm/llmtest"
	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/store"
)

// TestAnswerCheckSkipsToReview: an answer to review (its source changed)
// is never checked, never in a check's prompt, and takes no check's
// place: the first two active answers are checked; it stays shown, with
// its mark, where the matching put it.
func TestAnswerCheckSkipsToReview(t *testing.T) {
	t.Parallel()
	c, srv := newChecker(t, 5*time.Second, func(req openai.ChatCompletionRequest) (string, error) {
		if strings.Contains(between(userText(req), checkBlock, "\nQUESTION_TYPE>>>"), "NON") {
			return `{"repond": false}`, nil
		}
		return `{"repond": true}`, nil
	})
	answer := func(id int64, status, question string) rag.ValidatedAnswer {
		a := carteGrise
		a.ID, a.Status, a.Question = id, status, question+" REVUEMARQUE carte grise ?"
		if status == "active" {
			a.Question = question + " carte grise ?"
		}
		return a
	}
	msg := redactedMessage(t)
	found := []rag.ValidatedAnswer{answer(1, "to_review", "OUI"), answer(2, "active", "OUI"), answer(3, "to_review", "NON"),
		answer(4, "active", "NON"), answer(5, "active", "OUI")}
	var got []int64
	for _, a := range c.Filter(context.Background(), msg.Text, msg.Mapping, found) {
		got = append(got, a.ID)
	}
	if diff := cmp.Diff([]int64{1, 2, 3}, got); diff != "" {
		t.Errorf("shown (-want +got):\n%s", diff)
	}
	if n := checksIn(t, srv); n != 2 {
		t.Errorf("%d checks, want 2: the two first active answers", n)
	}
	onlyReview := found[:1]
	if out := c.Filter(context.Background(), msg.Text, msg.Mapping, onlyReview); len(out) != 1 || checksIn(t, srv) != 2 {
		t.Errorf("an answer to review alone: %+v after %d checks; want it shown, unchecked", out, checksIn(t, srv))
	}
	if _, err := c.Check(context.Background(), msg.Text, msg.Mapping, found[0]); !errors.Is(err, rag.ErrInvalid) {
		t.Errorf("Check of an answer to review = %v, want ErrInvalid", err)
	}
	if strings.Contains(srv.AllBodies(), "REVUEMARQUE") {
		t.Error("an answer to review reached the model")
	}
}

// TestToReviewNeverReachesModel drafts the paraphrase of an answer whose
// source changed, with the answer check on: the answer is shown to
// review, and no prompt, draft or check, holds it.
func TestToReviewNeverReachesModel(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := newDraftEnv(t)
	a, err := e.answers(t).Create(ctx, rag.AnswerInput{
		Question:    "Comment changer l'adresse de ma carte grise après un déménagement ?",
		Text:        "Madame,\nVous déclarez votre nouvelle adresse sur le site de l'ANTS, en ligne (REVUEMARQUE).\nCordialement",
		DocumentIDs: []int64{docID(t, e.store, "demo-carte-grise-changement-adresse")}, Service: "ants"}, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.store.SetAnswerStatus(ctx, a.ID, store.AnswerToReview, store.Text{}); err != nil {
		t.Fatal(err)
	}
	srv := llmtest.New(t, llmtest.WithReply(func(req openai.ChatCompletionRequest) (string, error) {
		if isCheck(req) {
			return `{"repond": true}`, nil
		}
		return (&promptRecorder{}).reply(req)
	}))
	d := rag.NewDrafter(e.searcher, e.store, fakeChat(t, srv, 10*time.Second), e.prompts, nil,
		rag.DraftOptions{Model: llmtest.DefaultChatModel, AnswerCheck: true, AnswerCheckTimeout: 5 * time.Second})
	got, err := writeDraft(ctx, d, rag.Request{Question: answerParaphrase, Channel: "email"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.ValidatedAnswers) == 0 || got.ValidatedAnswers[0].ID != a.ID || got.ValidatedAnswers[0].Status != "to_review" {
		t.Fatalf("answers %+v, want answer %d shown to review", got.ValidatedAnswers, a.ID)
	}
	bodies := srv.AllBodies()
	if n := checksIn(t, srv); n != 0 || strings.Contains(bodies, "REVUEMARQUE") || strings.Contains(bodies, "<<<REPONSE_TYPE") {
		t.Errorf("%d checks; the answer to review in a prompt: %v; want none", n, strings.Contains(bodies, "REVUEMARQUE"))
	}
}

// TestAnswerOneNumbering: an answer's question and text are redacted in
// one session (they are stored and given to a model together): two
// people never share a placeholder; an edit sending back the stored text
// changes none of its placeholders.
func TestAnswerOneNumbering(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := newDraftEnv(t)
	answers := e.answers(t)
	doc := docID(t, e.store, "demo-carte-grise-changement-adresse")
	in := rag.AnswerInput{Question: "Comment changer l'adresse de ma carte grise ? Je suis Goulven Morvan, 0688991122",
		Text: "Bonjour Madame Bérangère Pellerin,\nVous déclarez votre nouvelle adresse sur le site de l'ANTS. " +
			"Rappel au zéro sept onze vingt-deux trente-trois quarante-quatre.\nCordialement",
		DocumentIDs: []int64{doc}, Service: "ants"}
	a, err := answers.Create(ctx, in, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Comment changer l'adresse de ma carte grise ? Je suis [NOM_1], [TEL_1]",
		"Bonjour Madame [NOM_2],\nVous déclarez votre nouvelle adresse sur le site de l'ANTS. Rappel au [TEL_2].\nCordialement"}
	if diff := cmp.Diff(want, []string{a.Question.String(), a.Text.String()}); diff != "" {
		t.Errorf("created (-want +got):\n%s", diff)
	}
	in.Question, in.Text = a.Question.String(), a.Text.String()
	if a, err = answers.Update(ctx, a.ID, in, "", a.Version); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, []string{a.Question.String(), a.Text.String()}); diff != "" {
		t.Errorf("redacted again (-want +got):\n%s", diff)
	}
	in.Text += "\nMme Claire Martin"
	if a, err = answers.Update(ctx, a.ID, in, "", a.Version); err != nil {
		t.Fatal(err)
	}
	if got := a.Text.String(); !strings.HasSuffix(got, "Cordialement\nMme [NOM_3]") || a.Question.String() != want[0] {
		t.Errorf("edited with a new name: %q, %q; want it [NOM_3], the rest as it was", a.Question, got)
	}
}

// TestPromotedAnswerKeepsPlaceholders promotes a draft whose final text
// names its asker (as the draft restored it) and another person: the
// draft's redacted question keeps its placeholders, the text gives the
// asker the question's and the other person a new one.
func TestPromotedAnswerKeepsPlaceholders(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := newDraftEnv(t)
	srv := llmtest.New(t, fixedReply("Bonjour Madame [NOM_1],\n\nVous changez l'adresse de votre certificat en ligne [1].\n\nCordialement"))
	draft, err := writeDraft(ctx, e.drafter(fakeChat(t, srv, 10*time.Second)),
		rag.Request{Question: personalQuestion, Channel: "email", Service: "ants", Services: []string{"ants", ""}})
	if err != nil {
		t.Fatal(err)
	}
	stored := storedDraft(t, e.store, draft.ID)
	final := "Bonjour Madame Claire Martin,\n\nVous changez l'adresse de votre certificat en ligne.\n\n" +
		"Vu avec Mme Bérangère Pellerin.\n\nCordialement"
	a, err := e.answers(t).FromDraft(ctx, stored, final, "", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.Question.String() != stored.Question.String() || !strings.Contains(stored.Draft, "[NOM_1]") {
		t.Errorf("question %q, want the draft's as stored %q (draft %q)", a.Question, stored.Question, stored.Draft)
	}
	want := "Bonjour Madame [NOM_1],\n\nVous changez l'adresse de votre certificat en ligne.\n\nVu avec Mme [NOM_2].\n\nCordialement"
	if diff := cmp.Diff(want, a.Text.String()); diff != "" || !strings.Contains(a.Question.String(), "[NOM_1]") {
		t.Errorf("text (-want +got):\n%s\nquestion %q", diff, a.Question)
	}
}
