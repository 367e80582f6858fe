package rag_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"testing"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/llm/llmtest"
	"github.com/plume-sp/plume/prompts"
	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/wire"
)

// fiche is one line of spf-fiches.jsonl.
type fiche struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Text  string `json:"text"`
}

func readFiches(tb testing.TB, path string) []fiche {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []fiche
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var fi fiche
		if err := json.Unmarshal(sc.Bytes(), &fi); err != nil {
			tb.Fatal(err)
		}
		out = append(out, fi)
	}
	return out
}

// answered says whether a fiche has a validated answer in the evaluation:
// a third of the fiches, by a fixed rule (FNV-1a of the id, modulo 3).
func answered(id string) bool { return thirdOf(id) == 0 }

// thirdOf is the third of the fiches a fiche falls in (FNV-1a of the id,
// modulo 3): the evaluation's answers are for third 0; tuning also uses
// the other two, each in turn, to have more messages with an answer.
func thirdOf(id string) int { return int(fnv32a(id) % 3) }

// answerEval is a knowledge base of the 535 fiches with validated answers
// for a third of them, and the messages to match.
type answerEval struct {
	answers  *rag.Answers
	searcher *rag.Searcher
	store    *store.Store
	// texts maps an answer's id to its text.
	texts map[int64]string
	// byFiche maps a fiche id to its answer's id.
	byFiche map[string]int64
	msgs    []message
	// pooled are the messages of every message file (messageFiles).
	pooled []message
	// third is the third of the fiches whose answers are active (-1: all
	// stored answers, see useThird).
	third int
}

// newAnswerEval stores one validated answer per answered fiche: its
// question is a user's short question about the fiche when the question
// sets hold one, else the fiche's title; its text the fiche's opening.
func newAnswerEval(t *testing.T, keep func(id string) bool) *answerEval {
	path := sharedData(t, "spf-fiches.jsonl")
	st, searcher := ingested(t, path)
	ctx := context.Background()
	embedder, err := llm.NewLocalEmbedder(0)
	if err != nil {
		t.Fatal(err)
	}
	short := map[string]string{}
	for _, set := range []string{"testdata/spf-questions.jsonl", "testdata/vosdroits-questions.jsonl"} {
		for _, q := range loadQuestions(t, set) {
			short[q.IDs[0]] = q.Q
		}
	}
	docs, err := st.ListDocuments(ctx, store.DocumentFilter{Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for off := 0; off < int(docs.Total); off += 500 {
		page, err := st.ListDocuments(ctx, store.DocumentFilter{Limit: 500, Offset: off})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range page.Documents {
			ids[d.ExternalID] = d.ID
		}
	}
	e := &answerEval{answers: rag.NewAnswers(st, embedder, nil).WithSearcher(searcher), searcher: searcher, store: st, texts: map[int64]string{},
		byFiche: map[string]int64{}, msgs: loadUserMessages(t), pooled: loadAllMessages(t), third: -1}
	for _, f := range readFiches(t, path) {
		if !keep(f.ID) {
			continue
		}
		q := short[f.ID]
		if q == "" {
			q = f.Title
		}
		text := []rune(f.Text)
		a, err := e.answers.Create(ctx, rag.AnswerInput{Question: q, Text: string(text[:min(len(text), 600)]),
			DocumentIDs: []int64{ids[f.ID]}}, "", nil)
		if err != nil {
			t.Fatal(err)
		}
		e.byFiche[f.ID] = a.ID
		e.texts[a.ID] = a.Text.String()
	}
	return e
}

// answerScore is what a matching did on one half.
type answerScore struct {
	withAnswer, rightFirst, without, noneShown int
}

func (s answerScore) right() float64 { return float64(s.rightFirst) / float64(max(s.withAnswer, 1)) }
func (s answerScore) none() float64  { return float64(s.noneShown) / float64(max(s.without, 1)) }

func (s answerScore) String() string {
	return fmt.Sprintf("right answer first %d/%d = %.3f; none shown %d/%d = %.3f",
		s.rightFirst, s.withAnswer, s.right(), s.noneShown, s.without, s.none())
}

// evaluate matches every message of a half (every corpus: a message whose
// page has no validated answer, or out of corpus, must get none).
func (e *answerEval) evaluate(t *testing.T, m rag.AnswerMatch, half string) answerScore {
	return e.evaluateWith(t, e.answers.WithMatch(m), half)
}

// evaluateWith is evaluate with the answers' matching as set in as.
func (e *answerEval) evaluateWith(t *testing.T, as *rag.Answers, half string) answerScore {
	var s answerScore
	for _, msg := range e.msgs {
		if msg.Half() != half {
			continue
		}
		want := e.wantFor(msg)
		got, err := as.Match(context.Background(), msg.Question, nil)
		if err != nil {
			t.Fatal(err)
		}
		if want != 0 {
			s.withAnswer++
			if len(got) > 0 && got[0].ID == want {
				s.rightFirst++
			}
			continue
		}
		s.without++
		if len(got) == 0 {
			s.noneShown++
		}
	}
	return s
}

// TestValidatedAnswerMatching measures, on the test half of the realistic
// messages, how often the right validated answer comes first when one
// exists and how often none is shown when none fits, beside the textbook
// baseline. PLUME_TUNE_ANSWERS=1 also searches the weights on the tuning
// half, and PLUME_ANSWER_THIRDS=1 reports the test half with the answers of
// each third of the fiches in turn (74 messages with an answer rather than
// 19); both ingest the fiches a second time, with an answer for each.
func TestValidatedAnswerMatching(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("ingests the 535 fiches")
	}
	e := newAnswerEval(t, answered)
	if os.Getenv("PLUME_TUNE_ANSWERS") != "" || os.Getenv("PLUME_ANSWER_THIRDS") != "" || os.Getenv("PLUME_ANSWER_DUMP") != "" {
		all := newAnswerEval(t, func(string) bool { return true })
		if os.Getenv("PLUME_TUNE_ANSWERS") != "" {
			all.tune(t)
		}
		if os.Getenv("PLUME_ANSWER_THIRDS") != "" {
			all.eachThird(t)
		}
		if path := os.Getenv("PLUME_ANSWER_DUMP"); path != "" {
			all.dump(t, path)
		}
	}
	tuning, test := e.evaluate(t, rag.DefaultAnswerMatch, "tuning"), e.evaluate(t, rag.DefaultAnswerMatch, "test")
	t.Logf("%d validated answers; tuning half: %s (baseline %s)", len(e.byFiche), tuning, e.evaluate(t, baselineAnswerMatch, "tuning"))
	base := e.evaluate(t, baselineAnswerMatch, "test")
	t.Logf("test half: %s (baseline %s; without the short-request rule %s)", test, base, e.evaluate(t, weightedMeanMatch, "test"))
	if test.right() < base.right() {
		t.Errorf("test half: %s; the baseline does better: %s", test, base)
	}
	e.checkPooled(t)
	e.editDistances(t)
	if os.Getenv("PLUME_ANSWER_CHECK_EVAL") != "" {
		e.withCheck(t, tuning, test)
	}
	// A wrong validated answer is worse than none: the goal is 0.95. It was
	// met with one message to spare (130/136) until the redactor's special
	// categories changed what validated answers keep (129/136); with the
	// search's documents in the score it misses by two messages (128/136),
	// which the gate still lets through: one more fails. The right answer
	// first (goal 0.90, not met) is gated a little under its measure (11/19,
	// 12/19 since the search's agreement lowers the threshold: 128/136 none
	// shown) and at the goal with PLUME_ANSWER_GATES set.
	if test.none() < minNoneShown {
		t.Errorf("test half: %s; want none shown ≥ %.2f", test, minNoneShown)
	}
	if test.right() < minRightFirst {
		t.Errorf("test half: %s; want the right answer first ≥ %.2f", test, minRightFirst)
	}
	if test.none() < 0.95 {
		t.Logf("test half: none shown %.3f, under the goal of 0.95", test.none())
	}
	if os.Getenv("PLUME_ANSWER_GATES") != "" && test.right() < 0.90 {
		t.Errorf("test half: %s; want the right answer first ≥ 0.90", test)
	}
}

// withCheck reports both halves with the answers checked by the chat
// model of the environment's PLUME_CHAT_* settings (PLUME_ANSWER_CHECK_EVAL
// set), beside the matching alone: the measure of the check, which needs
// a real model (the fake answers what a test tells it).
func (e *answerEval) withCheck(t *testing.T, tuning, test answerScore) {
	cfg, err := wire.LoadConfig(os.Getenv)
	if err != nil {
		t.Fatal(err)
	}
	chat, err := wire.NewChat(cfg, slog.New(slog.DiscardHandler))
	if err != nil || chat == nil {
		t.Fatalf("PLUME_ANSWER_CHECK_EVAL needs a chat model (PLUME_CHAT_MODEL…): %v", err)
	}
	ps, err := prompts.Load(cfg.PromptsDir)
	if err != nil {
		t.Fatal(err)
	}
	checked := e.answers.WithChecker(rag.NewAnswerChecker(chat, ps, nil, cfg.AnswerCheckTimeout, nil))
	t.Logf("with the answer check by %s: tuning half %s (without %s); test half %s (without %s)", cfg.ChatModel,
		e.evaluateWith(t, checked, "tuning"), tuning, e.evaluateWith(t, checked, "test"), test)
}

// eachThird reports the test half with the answers of each third of the
// fiches in turn (e has an answer for every fiche): three times the
// messages with an answer, under the same rule.
func (e *answerEval) eachThird(t *testing.T) {
	var all, base answerScore
	for third := range 3 {
		e.useThird(t, third)
		s, b := e.evaluate(t, rag.DefaultAnswerMatch, "test"), e.evaluate(t, baselineAnswerMatch, "test")
		t.Logf("test half, answers for third %d: %s (baseline %s)", third, s, b)
		all, base = all.add(s), base.add(b)
	}
	t.Logf("test half, the three thirds in turn: %s (baseline %s)", all, base)
}

func (s answerScore) add(o answerScore) answerScore {
	return answerScore{s.withAnswer + o.withAnswer, s.rightFirst + o.rightFirst, s.without + o.without, s.noneShown + o.noneShown}
}

// wantFor is the answer a message should get, 0 for none.
func (e *answerEval) wantFor(msg message) int64 {
	if msg.Corpus != "spf" {
		return 0
	}
	for _, id := range msg.Expected {
		if a, ok := e.byFiche[id]; ok && (e.third < 0 || thirdOf(id) == e.third) {
			return a
		}
	}
	return 0
}

// useThird leaves active only the answers of one third of the fiches (an
// eval made with an answer for every fiche), archiving the others.
func (e *answerEval) useThird(t *testing.T, third int) {
	ctx := context.Background()
	for f, id := range e.byFiche {
		status := store.AnswerArchived
		if thirdOf(f) == third {
			status = store.AnswerActive
		}
		if _, err := e.store.SetAnswerStatus(ctx, id, status, store.Text{}); err != nil {
			t.Fatal(err)
		}
	}
	e.third = third
}

// imitatingReply is a fake model that follows the validated answer given as
// an example when there is one (as a model asked to imitate its tone and
// structure would, at most), and otherwise writes a generic reply citing
// source 1.
func imitatingReply(req openai.ChatCompletionRequest) (string, error) {
	if ex := between(userText(req), "<<<REPONSE_TYPE\n", "\nREPONSE_TYPE>>>"); ex != "" {
		return ex + " [1]", nil
	}
	return llmtest.DefaultReply, nil
}

// editDistances reports, on the test half's messages whose page has a
// validated answer, the edit distance to the final text (taken to be the
// service's validated answer for that page) of: the fake model's draft
// given the example (a model only gets it when retrieval found reliable
// sources), the draft without it, and the text an agent starts from with
// one click on the first validated answer shown (the draft when none is).
func (e *answerEval) editDistances(t *testing.T) {
	ctx := context.Background()
	srv := llmtest.New(t, llmtest.WithReply(imitatingReply))
	ps, err := prompts.Load("")
	if err != nil {
		t.Fatal(err)
	}
	d := rag.NewDrafter(e.searcher, e.store, fakeChat(t, srv, 10*time.Second), ps, nil, rag.DraftOptions{Model: llmtest.DefaultChatModel})
	var with, without, clicked float64
	n := 0
	for _, msg := range e.msgs {
		want := e.wantFor(msg)
		if msg.Half() != "test" || want == 0 {
			continue
		}
		final := e.texts[want]
		dr, err := writeDraft(ctx, d, rag.Request{Question: msg.Question, Channel: "email"})
		if err != nil {
			t.Fatal(err)
		}
		// Without validated answers the model gets no example: the same
		// message drafted with the example cut out of the prompt.
		plain := llmtest.DefaultReply
		if os.Getenv("PLUME_DEBUG") != "" {
			first := int64(0)
			if len(dr.ValidatedAnswers) > 0 {
				first = dr.ValidatedAnswers[0].ID
			}
			t.Logf("%s want %d first %d reliable %v extractive %v: %.80q", msg.ID, want, first, dr.Reliable, dr.Extractive, stored(t, e.store, dr.ID))
		}
		with += rag.EditDistance(stored(t, e.store, dr.ID), final)
		start := stored(t, e.store, dr.ID)
		if len(dr.ValidatedAnswers) > 0 {
			start = dr.ValidatedAnswers[0].Text // "Partir de cette réponse"
		}
		clicked += rag.EditDistance(start, final)
		without += rag.EditDistance(plain, final)
		n++
	}
	with, without, clicked = with/float64(max(n, 1)), without/float64(max(n, 1)), clicked/float64(max(n, 1))
	t.Logf("edit distance to the final text over %d test-half messages with a validated answer: model draft %.3f with the example, %.3f without; "+
		"starting from the first validated answer shown (else the draft) %.3f", n, with, without, clicked)
	// The goal: a draft started from a validated answer needs
	// less editing than one without.
	if with >= without || clicked >= without {
		t.Errorf("edit distance with a validated answer %.3f (the model's draft) and %.3f (one click), not under %.3f without", with, clicked, without)
	}
}

// stored returns a draft's stored (redacted) text.
func stored(t *testing.T, st *store.Store, id string) string {
	t.Helper()
	d, err := st.GetDraft(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return d.Draft
}

// minNoneShown gates how often no validated answer is shown when none fits
// (test half), minRightFirst how often the right one comes first when one
// exists; the goals are 0.95 and 0.90, see TestValidatedAnswerMatching.
const (
	minNoneShown  = 0.94
	minRightFirst = 0.55
)

// baselineAnswerMatch is the textbook baseline printed beside the figures:
// the answer question's words alone (rarity-weighted, as BM25 weighs
// them), threshold and margin chosen on the tuning half as for plume's.
var baselineAnswerMatch = rag.AnswerMatch{QuestionWords: 1, Threshold: 0.63, Margin: 0.08, Max: 3}
