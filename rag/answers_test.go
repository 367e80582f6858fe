package rag_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	openai "github.com/sashabaranov/go-openai"

	"github.com/plume-sp/plume/llm/llmtest"
	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/redact/redacttest"
	"github.com/plume-sp/plume/store"
)

// personal are labelled personal values: none may be stored in an answer,
// a question group or a curation item.
var personal = []string{"Claire", "Martin", "claire.martin@example.org", "06 12 34 56 78", "2 84 12 76 451 089 46",
	"FR76 3000 6000 0112 3456 7890 189"}

const personalQuestion = "Bonjour, je suis Mme Claire Martin (claire.martin@example.org, 06 12 34 56 78, sécu 2 84 12 76 451 089 46). " +
	"J'ai déménagé : comment changer l'adresse de ma carte grise ?"

// docID returns the id of a demo document, whatever its service (the
// demo has one document of each id).
func docID(t *testing.T, st *store.Store, ext string) int64 {
	t.Helper()
	states, err := st.DocumentStates(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for k, s := range states {
		if k.Source == "markdown" && k.ExternalID == ext {
			return s.ID
		}
	}
	t.Fatalf("no demo document %s", ext)
	return 0
}

// promptRecorder keeps the user messages the fake model received.
type promptRecorder struct {
	mu      sync.Mutex
	prompts []string
}

func (p *promptRecorder) reply(req openai.ChatCompletionRequest) (string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.prompts = append(p.prompts, userText(req))
	return "Bonjour,\n\nVous changez l'adresse de votre certificat en ligne [1].\n\nCordialement,\nLe service", nil
}

func (p *promptRecorder) last() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.prompts[len(p.prompts)-1]
}

// answerParaphrase asks, in other words, the question of the validated
// answer of TestValidatedAnswersInDraft.
const answerParaphrase = "Bonjour, je suis M. Paul Durand. Je viens de déménager, comment je mets à jour l'adresse sur ma carte grise ?"

func TestValidatedAnswersInDraft(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := newDraftEnv(t)
	answers := e.answers(t)
	doc := docID(t, e.store, "demo-carte-grise-changement-adresse")
	a, err := answers.Create(ctx, rag.AnswerInput{Question: "Comment changer l'adresse de ma carte grise après un déménagement ?",
		Text:        "Madame Claire Martin,\nVous déclarez votre nouvelle adresse sur le site de l'ANTS, en ligne.\nCordialement",
		DocumentIDs: []int64{doc}, Service: "ants"}, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.Text.String(), "Claire") || !strings.Contains(a.Text.String(), "[NOM_1]") {
		t.Errorf("stored answer text not redacted: %q", a.Text)
	}
	rec := &promptRecorder{}
	srv := llmtest.New(t, llmtest.WithReply(rec.reply))
	d := e.drafter(fakeChat(t, srv, 10*time.Second))

	checkActiveAnswerInDraft(t, d, rec, a.ID)

	// An answer to review is shown with its mark, never given to the model.
	if _, err := e.store.SetAnswerStatus(ctx, a.ID, store.AnswerToReview, store.Redacted(redacttest.Text(t, "test"))); err != nil {
		t.Fatal(err)
	}
	got, err := writeDraft(ctx, d, rag.Request{Question: answerParaphrase, Channel: "email"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.ValidatedAnswers) == 0 || got.ValidatedAnswers[0].Status != "to_review" {
		t.Errorf("answer to review: %+v", got.ValidatedAnswers)
	}
	if strings.Contains(rec.last(), "REPONSE_TYPE") {
		t.Error("an answer to review reached the model")
	}

	// A question on another topic gets none.
	got, err = writeDraft(ctx, d, rag.Request{Question: "Comment obtenir une carte Vitale pour mon enfant ?", Channel: "email"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.ValidatedAnswers) != 0 {
		t.Errorf("off-topic question got %+v", got.ValidatedAnswers)
	}
}

// checkActiveAnswerInDraft drafts the paraphrase: the active answer id is
// listed first and given to the model as an example, its placeholders
// blanked.
func checkActiveAnswerInDraft(t *testing.T, d *rag.Drafter, rec *promptRecorder, id int64) {
	t.Helper()
	got, err := writeDraft(context.Background(), d, rag.Request{Question: answerParaphrase, Channel: "email"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.ValidatedAnswers) == 0 || got.ValidatedAnswers[0].ID != id || got.ValidatedAnswers[0].Status != "active" {
		t.Fatalf("validated answers %+v, want answer %d first", got.ValidatedAnswers, id)
	}
	prompt := rec.last()
	block := between(prompt, "<<<REPONSE_TYPE\n", "\nREPONSE_TYPE>>>")
	if !strings.Contains(block, "Vous déclarez votre nouvelle adresse") || strings.Contains(block, "[NOM_1]") {
		t.Errorf("the example block holds %q: want the answer, placeholders blanked", block)
	}
	for _, c := range got.Citations {
		if c.DocumentID == 0 || c.Passage == "" {
			t.Errorf("citation %+v does not name an official passage", c)
		}
	}
}

func between(s, open, close string) string {
	_, after, ok := strings.Cut(s, open)
	if !ok {
		return ""
	}
	in, _, _ := strings.Cut(after, close)
	return in
}

// TestNoPersonalDataStored promotes drafts and lists curation items from
// messages holding labelled personal data, and looks for the values in
// every stored answer, question group and curation item.
func TestNoPersonalDataStored(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := newDraftEnv(t)
	d := e.drafter(nil)
	answers := rag.NewAnswers(e.store, nil, nil)
	draft, err := writeDraft(ctx, d, rag.Request{Question: personalQuestion, Channel: "email", Service: "ants", Services: []string{"ants", ""}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.Feedback(ctx, storedDraft(t, e.store, draft.ID), rag.FeedbackRequest{Outcome: "edited",
		FinalText: "Madame Claire Martin, écrivez-nous à claire.martin@example.org ou au 06 12 34 56 78."}); err != nil {
		t.Fatal(err)
	}
	stored, err := e.store.GetDraft(ctx, draft.ID)
	if err != nil {
		t.Fatal(err)
	}
	final, _, err := e.store.FinalText(ctx, draft.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := answers.FromDraft(ctx, stored, final, "", "", nil); err != nil {
		t.Fatal(err)
	}
	if len(draft.Citations) == 0 {
		t.Fatal("the draft cites no source")
	}
	if _, err := answers.Create(ctx, rag.AnswerInput{Question: personalQuestion, DocumentIDs: []int64{draft.Citations[0].DocumentID},
		Text: "IBAN FR76 3000 6000 0112 3456 7890 189, Claire Martin", Service: "ants"}, "", nil); err != nil {
		t.Fatal(err)
	}
	draftUnreliable(t, e, d, 3)
	rejectWithPersonalTags(t, e, d)
	rep, err := rag.Curation(ctx, e.store, store.CurationScope{}, rag.CurationOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Unanswered) == 0 || len(rep.LowRated) == 0 {
		t.Fatalf("%d unanswered groups, %d low-rated drafts: want some of each", len(rep.Unanswered), len(rep.LowRated))
	}
	checkNoPersonalData(t, e.store, rep)
}

// rejectWithPersonalTags drafts a message holding labelled personal data
// and rejects it, rated 1, with tags an agent typed from the message: the
// curation list's low-rated item shows the question and the tags.
func rejectWithPersonalTags(t *testing.T, e *draftEnv, d *rag.Drafter) {
	t.Helper()
	ctx := context.Background()
	g, err := writeDraft(ctx, d, rag.Request{Question: personalQuestion, Channel: "email"})
	if err != nil {
		t.Fatal(err)
	}
	one := 1
	_, err = d.Feedback(ctx, storedDraft(t, e.store, g.ID), rag.FeedbackRequest{Outcome: "rejected", Rating: &one,
		Tags: []string{"incomplet", "Claire Martin", "rappeler 06 12 34 56 78"}})
	if errors.Is(err, rag.ErrInvalid) { // refused: the draft is rejected with a plain tag
		_, err = d.Feedback(ctx, storedDraft(t, e.store, g.ID), rag.FeedbackRequest{Outcome: "rejected", Rating: &one, Tags: []string{"incomplet"}})
	}
	if err != nil {
		t.Fatal(err)
	}
}

// draftUnreliable drafts n questions without a reliable source, for the
// curation list: drafted (so stored as the drafter stores them), then
// marked unreliable so that the test does not depend on the retrieval's
// threshold.
func draftUnreliable(t *testing.T, e *draftEnv, d *rag.Drafter, n int) {
	t.Helper()
	ctx := context.Background()
	for range n {
		g, err := writeDraft(ctx, d, rag.Request{Question: "Bonjour, je suis Claire Martin, 06 12 34 56 78 : " +
			"quelle est la meilleure recette de gâteau au chocolat pour un anniversaire ?", Channel: "email"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.store.Pool().Exec(ctx, "UPDATE drafts SET reliable = false WHERE id = $1", g.ID); err != nil {
			t.Fatal(err)
		}
	}
}

// checkNoPersonalData checks that the two stored answers and the curation
// report hold placeholders and no personal value.
func checkNoPersonalData(t *testing.T, st *store.Store, rep rag.CurationReport) {
	t.Helper()
	page, err := st.ListAnswers(context.Background(), store.AnswerFilter{})
	if err != nil || page.Total != 2 {
		t.Fatalf("answers %d %v", page.Total, err)
	}
	blob, err := json.Marshal(struct {
		A []store.Answer
		C rag.CurationReport
	}{page.Answers, rep})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range personal {
		if strings.Contains(string(blob), v) {
			t.Errorf("personal value %q stored in an answer or a curation item", v)
		}
	}
	if !strings.Contains(string(blob), "[NOM_1]") {
		t.Error("placeholders should stay in stored answers")
	}
}

func TestGroupQuestions(t *testing.T) {
	t.Parallel()
	t0 := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	q := func(id, service, text string, day int) store.QuestionRow {
		return store.QuestionRow{DraftID: id, Service: service, Question: text, CreatedAt: t0.AddDate(0, 0, day)}
	}
	groups := rag.GroupQuestions([]store.QuestionRow{
		q("d1", "caf", "Bonjour [NOM_1], comment déclarer mon chat à la mairie ?", 3),
		q("d2", "caf", "Comment déclarer un chat en mairie svp", 1),
		q("d3", "caf", "bonjour, déclaration de mon chat à la mairie, comment faire ?", 2),
		q("d4", "caf", "Quel est le tarif de la fourrière municipale pour un chien ?", 4),
		q("d5", "ants", "Comment déclarer mon chat à la mairie ?", 5),
		q("d6", "caf", "Bonjour, merci", 6),
		{DraftID: "d8", Service: "caf", Question: "déclarer son chat en mairie ?", CreatedAt: t0, Count: 2, FirstSeen: t0.AddDate(0, 0, -1),
			DraftIDs: []string{"d8", "d7"}},
	})
	type summary struct {
		Service string
		Count   int
		First   int
		Last    int
	}
	var got []summary
	for _, g := range groups {
		got = append(got, summary{g.Service, g.Count, g.FirstSeen.Day(), g.LastSeen.Day()})
		for _, text := range append([]string{g.Label}, g.Questions...) {
			if strings.Contains(text, "Claire") {
				t.Errorf("group text %q", text)
			}
		}
	}
	// The questions on declaring a cat merge (days -1 to 3, October 31st
	// to November 4th), the one asked by two drafts counting twice;
	// another service's stays apart; greetings alone make no group.
	want := []summary{{"caf", 5, 31, 4}, {"ants", 1, 6, 6}, {"caf", 1, 5, 5}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("groups (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"d1", "d2", "d3", "d8", "d7"}, groups[0].DraftIDs); diff != "" {
		t.Errorf("draft ids of the first group (-want +got):\n%s", diff)
	}
}
