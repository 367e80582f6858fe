package rag_test

import (
	"context"
	"errors"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	openai "github.com/sashabaranov/go-openai"

	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/llm/llmtest"
	"github.com/plume-sp/plume/prompts"
	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/redact"
)

// checkBlock is the block of an answer check's prompt holding the
// answer's question: it tells a check from a draft's prompt.
const checkBlock = "<<<QUESTION_TYPE\n"

// isCheck reports whether req is an answer check.
func isCheck(req openai.ChatCompletionRequest) bool {
	return strings.Contains(userText(req), checkBlock)
}

// checksIn counts the answer checks srv received.
func checksIn(t *testing.T, srv *llmtest.Server) int {
	t.Helper()
	n := 0
	for _, r := range srv.Requests() {
		req, err := r.Chat()
		if err != nil {
			t.Fatal(err)
		}
		if isCheck(req) {
			n++
		}
	}
	return n
}

// redactedMessage is personalQuestion redacted, as a draft passes it:
// its text and the mapping that numbered it.
func redactedMessage(t *testing.T) redact.Result {
	t.Helper()
	red, err := redact.Redact(context.Background(), personalQuestion, redact.DefaultPolicy())
	if err != nil {
		t.Fatal(err)
	}
	return red
}

// newChecker returns a checker over a fake answering reply, each call
// bounded by timeout.
func newChecker(t *testing.T, timeout time.Duration, reply llmtest.ReplyFunc) (*rag.AnswerChecker, *llmtest.Server) {
	t.Helper()
	ps, err := prompts.Load("")
	if err != nil {
		t.Fatal(err)
	}
	srv := llmtest.New(t, llmtest.WithReply(reply))
	return rag.NewAnswerChecker(fakeChat(t, srv, 10*time.Second), ps, nil, timeout, nil), srv
}

var carteGrise = rag.ValidatedAnswer{ID: 1, Question: "Comment changer l'adresse de ma carte grise après un déménagement ?",
	Text: "Madame [NOM_1],\nVous déclarez votre nouvelle adresse sur le site de l'ANTS.\nCordialement", Status: "active"}

func TestAnswerCheck(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, reply string
		delay       time.Duration
		want        bool
		wantErr     bool
	}{
		{"yes", `{"repond": true}`, 0, true, false},
		{"no", `{"repond":false}`, 0, false, false},
		{"in a code fence", "```json\n{\"repond\": true}\n```", 0, true, false},
		{"a word", "Oui, elle répond.", 0, false, true},
		{"yes as a string", `{"repond": "oui"}`, 0, false, true},
		{"no verdict", `{}`, 0, false, true},
		{"another field", `{"repond": true, "raison": "même démarche"}`, 0, false, true},
		{"text after", `{"repond": true} car la démarche est la même`, 0, false, true},
		{"two objects", `{"repond": false}{"repond": true}`, 0, false, true},
		{"empty", ``, 0, false, true},
		{"timeout", `{"repond": true}`, 2 * time.Second, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, _ := newChecker(t, 200*time.Millisecond, func(openai.ChatCompletionRequest) (string, error) {
				time.Sleep(tc.delay)
				return tc.reply, nil
			})
			start := time.Now()
			msg := redactedMessage(t)
			got, err := c.Check(context.Background(), msg.Text, msg.Mapping, carteGrise)
			if (err != nil) != tc.wantErr || got != tc.want {
				t.Errorf("Check = %v, %v; want %v, error %v", got, err, tc.want, tc.wantErr)
			}
			if tc.wantErr && tc.delay == 0 && !errors.Is(err, llm.ErrBadResponse) {
				t.Errorf("Check = %v, want ErrBadResponse", err)
			}
			if elapsed := time.Since(start); elapsed > time.Second {
				t.Errorf("Check took %v, past its timeout", elapsed)
			}
		})
	}
}

// TestAnswerCheckCache: a verdict is asked once per message, answer and
// prompt; a failure is not kept.
func TestAnswerCheckCache(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	reply := `{"repond": true}`
	c, srv := newChecker(t, 5*time.Second, func(openai.ChatCompletionRequest) (string, error) {
		mu.Lock()
		defer mu.Unlock()
		return reply, nil
	})
	ctx, msg := context.Background(), redactedMessage(t)
	edited := carteGrise
	edited.Text += "\nVoyez aussi la fiche de l'ANTS."
	for i, step := range []struct {
		answer rag.ValidatedAnswer
		reply  string
		want   bool
		calls  int
	}{
		{carteGrise, `{"repond": true}`, true, 1},
		{carteGrise, `{"repond": false}`, true, 1}, // cached
		{edited, `{"repond": false}`, false, 2},    // another text, another prompt
		{edited, `{"repond": true}`, false, 2},
	} {
		mu.Lock()
		reply = step.reply
		mu.Unlock()
		got, err := c.Check(ctx, msg.Text, msg.Mapping, step.answer)
		if err != nil || got != step.want || srv.Calls(llmtest.ChatCompletions) != step.calls {
			t.Errorf("step %d: %v, %v after %d calls; want %v after %d", i, got, err, srv.Calls(llmtest.ChatCompletions), step.want, step.calls)
		}
	}
	other := carteGrise
	other.Text = "Autre réponse."
	mu.Lock()
	reply = "peut-être"
	mu.Unlock()
	for range 2 {
		if _, err := c.Check(ctx, msg.Text, msg.Mapping, other); err == nil {
			t.Error("a garbage reply gave a verdict")
		}
	}
	if n := srv.Calls(llmtest.ChatCompletions); n != 4 {
		t.Errorf("%d calls, want 4: a failed check is asked again", n)
	}
}

// TestAnswerCheckFilter: of the matching's answers, the first two are
// checked; a no drops one, a failure keeps it, the third is not shown;
// when every check fails the matching's list is kept.
func TestAnswerCheckFilter(t *testing.T) {
	t.Parallel()
	verdict := func(req openai.ChatCompletionRequest) (string, error) {
		q := between(userText(req), checkBlock, "\nQUESTION_TYPE>>>")
		switch {
		case strings.Contains(q, "OUI"):
			return `{"repond": true}`, nil
		case strings.Contains(q, "NON"):
			return `{"repond": false}`, nil
		}
		return "", &llmtest.StatusError{Status: 400, Message: "refused"}
	}
	c, _ := newChecker(t, 5*time.Second, verdict)
	answers := func(questions ...string) []rag.ValidatedAnswer {
		out := []rag.ValidatedAnswer{}
		for i, q := range questions {
			a := carteGrise
			a.ID, a.Question = int64(i+1), q+" carte grise ?"
			out = append(out, a)
		}
		return out
	}
	for _, tc := range []struct {
		name  string
		found []rag.ValidatedAnswer
		want  []int64
	}{
		{"yes, no, unchecked", answers("OUI", "NON", "OUI"), []int64{1}},
		{"no, yes", answers("NON", "OUI"), []int64{2}},
		{"no, no", answers("NON", "NON", "OUI"), []int64{}},
		{"failed, no", answers("ERREUR", "NON"), []int64{1}},
		{"every check failed", answers("ERREUR", "ERREUR", "OUI"), []int64{1, 2, 3}},
		{"none found", answers(), []int64{}},
	} {
		got := []int64{}
		msg := redactedMessage(t)
		for _, a := range c.Filter(context.Background(), msg.Text, msg.Mapping, tc.found) {
			got = append(got, a.ID)
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.name, diff)
		}
	}
}

// TestAnswerCheckRedacted: the model gets the message's placeholders and
// never a personal value, even one left in an answer's text (redacted
// again on its way, numbered after the message: a value of the message
// keeps its placeholder, the answer's own and its other values get new
// ones).
func TestAnswerCheckRedacted(t *testing.T) {
	t.Parallel()
	c, srv := newChecker(t, 5*time.Second, func(openai.ChatCompletionRequest) (string, error) { return `{"repond": true}`, nil })
	leaky := carteGrise
	leaky.Text = "M. Paul Durand, agent, répond à [NOM_1].\n" +
		"Madame Claire Martin, rappelez-nous au 06 12 34 56 78 ou à claire.martin@example.org."
	msg := redactedMessage(t)
	if _, err := c.Check(context.Background(), msg.Text, msg.Mapping, leaky); err != nil {
		t.Fatal(err)
	}
	bodies := srv.AllBodies()
	for _, v := range personal {
		if strings.Contains(bodies, v) {
			t.Errorf("the answer check sent %q to the model", v)
		}
	}
	req, err := srv.Requests()[0].Chat()
	if err != nil {
		t.Fatal(err)
	}
	got := between(userText(req), "<<<TEXTE_TYPE\n", "\nTEXTE_TYPE>>>")
	want := "[NOM_2], agent, répond à [NOM_3].\nMadame [NOM_1], rappelez-nous au [TEL_1] ou à [EMAIL_1]."
	if diff := cmp.Diff(want, got); diff != "" || !strings.Contains(msg.Text.String(), "Mme [NOM_1] ([EMAIL_1], [TEL_1]") ||
		!strings.Contains(bodies, "carte grise") {
		t.Errorf("the answer's text as checked (-want +got):\n%s\nmessage: %s", diff, msg.Text)
	}
}

// TestAnswerCheckInDraft drafts the paraphrase of a validated answer's
// question without the check, then with it as the model says yes, no, or
// something else: the answer is shown and given as an example unless the
// model says no; the check sees only redacted text and is asked once per
// message and answer.
func TestAnswerCheckInDraft(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := newDraftEnv(t)
	a, err := e.answers(t).Create(ctx, rag.AnswerInput{
		Question:    "Comment changer l'adresse de ma carte grise après un déménagement ?",
		Text:        "Madame Claire Martin,\nVous déclarez votre nouvelle adresse sur le site de l'ANTS, en ligne.\nCordialement",
		DocumentIDs: []int64{docID(t, e.store, "demo-carte-grise-changement-adresse")}, Service: "ants"}, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, verdict string
		check         bool
		shown         bool
		checks        int // checks asked over two drafts of the message
	}{
		{"without the check", `{"repond": false}`, false, true, 0},
		{"yes", `{"repond": true}`, true, true, 1},
		{"no", `{"repond": false}`, true, false, 1},
		{"garbage", "Oui.", true, true, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := &promptRecorder{}
			srv := llmtest.New(t, llmtest.WithReply(func(req openai.ChatCompletionRequest) (string, error) {
				if isCheck(req) {
					return tc.verdict, nil
				}
				return rec.reply(req)
			}))
			d := rag.NewDrafter(e.searcher, e.store, fakeChat(t, srv, 10*time.Second), e.prompts, nil,
				rag.DraftOptions{Model: llmtest.DefaultChatModel, AnswerCheck: tc.check, AnswerCheckTimeout: 5 * time.Second})
			for range 2 {
				got, err := writeDraft(ctx, d, rag.Request{Question: answerParaphrase, Channel: "email"})
				if err != nil {
					t.Fatal(err)
				}
				shown := len(got.ValidatedAnswers) > 0 && got.ValidatedAnswers[0].ID == a.ID
				example := strings.Contains(rec.last(), "<<<REPONSE_TYPE")
				if shown != tc.shown || example != tc.shown || (!tc.shown && len(got.ValidatedAnswers) != 0) {
					t.Errorf("answers %+v, example given %v; want shown and given: %v", got.ValidatedAnswers, example, tc.shown)
				}
				tm := got.Timings
				if _, ok := tm["answer_check_ms"]; ok != tc.check ||
					tm["plume_ms"] > tm["total_ms"]-tm["model_ms"]-tm["answer_check_ms"]+0.01 {
					t.Errorf("timings %v: want answer_check_ms there (%v), outside plume_ms as the model's time", tm, tc.check)
				}
			}
			if n := checksIn(t, srv); n != tc.checks {
				t.Errorf("%d answer checks asked, want %d", n, tc.checks)
			}
			for _, v := range []string{"Paul", "Durand", "Claire", "Martin"} {
				if strings.Contains(srv.AllBodies(), v) {
					t.Errorf("%q reached the model", v)
				}
			}
		})
	}
	// Answers.Match, as the evaluation runs it, checks as a draft does.
	srv := llmtest.New(t, fixedReply(`{"repond": false}`))
	answers := e.answers(t).WithSearcher(e.searcher)
	checked := answers.WithChecker(rag.NewAnswerChecker(fakeChat(t, srv, 10*time.Second), e.prompts, nil, 5*time.Second, nil))
	plain, err := answers.Match(ctx, answerParaphrase, nil)
	if err != nil || len(plain) == 0 || plain[0].ID != a.ID {
		t.Fatalf("Match = %+v, %v; want answer %d first", plain, err, a.ID)
	}
	if got, err := checked.Match(ctx, answerParaphrase, nil); err != nil || len(got) != 0 || checksIn(t, srv) == 0 {
		t.Errorf("Match checked, the model saying no: %+v, %v after %d checks; want none after a check", got, err, checksIn(t, srv))
	}
}

// checkBlocks returns the placeholders of the message and of the answer's
// question and text in every answer check srv received.
func checkBlocks(t *testing.T, srv *llmtest.Server) (message, answer []string) {
	t.Helper()
	for _, r := range srv.Requests() {
		req, err := r.Chat()
		if err != nil {
			t.Fatal(err)
		}
		if !isCheck(req) {
			continue
		}
		u := userText(req)
		message = append(message, placeholderRE.FindAllString(between(u, "<<<MESSAGE_USAGER\n", "\nMESSAGE_USAGER>>>"), -1)...)
		answer = append(answer, placeholderRE.FindAllString(between(u, checkBlock, "\nQUESTION_TYPE>>>"), -1)...)
		answer = append(answer, placeholderRE.FindAllString(between(u, "<<<TEXTE_TYPE\n", "\nTEXTE_TYPE>>>"), -1)...)
	}
	return message, answer
}

var placeholderRE = regexp.MustCompile(`\[[A-Z_]+_[0-9]+\]`)

// TestAnswerCheckOneNumbering: the answer check numbers the placeholders
// of the answer after the message's, as one redaction session does: the
// stored answer's « [NOM_1] » (the person it was written for) never
// reaches the model as the message's [NOM_1] (another person), in a
// draft as in Answers.Match.
func TestAnswerCheckOneNumbering(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := newDraftEnv(t)
	_, err := e.answers(t).Create(ctx, rag.AnswerInput{
		Question:    "Comment changer l'adresse de ma carte grise après un déménagement ?",
		Text:        "Madame Claire Martin,\nVous déclarez votre nouvelle adresse sur le site de l'ANTS, en ligne.\nCordialement",
		DocumentIDs: []int64{docID(t, e.store, "demo-carte-grise-changement-adresse")}, Service: "ants"}, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	draftSrv := llmtest.New(t, llmtest.WithReply(func(req openai.ChatCompletionRequest) (string, error) {
		if isCheck(req) {
			return `{"repond": true}`, nil
		}
		return (&promptRecorder{}).reply(req)
	}))
	d := rag.NewDrafter(e.searcher, e.store, fakeChat(t, draftSrv, 10*time.Second), e.prompts, nil,
		rag.DraftOptions{Model: llmtest.DefaultChatModel, AnswerCheck: true, AnswerCheckTimeout: 5 * time.Second})
	if _, err := writeDraft(ctx, d, rag.Request{Question: answerParaphrase, Channel: "email"}); err != nil {
		t.Fatal(err)
	}
	matchSrv := llmtest.New(t, fixedReply(`{"repond": true}`))
	answers := e.answers(t).WithSearcher(e.searcher).
		WithChecker(rag.NewAnswerChecker(fakeChat(t, matchSrv, 10*time.Second), e.prompts, nil, 5*time.Second, nil))
	if _, err := answers.Match(ctx, answerParaphrase, nil); err != nil {
		t.Fatal(err)
	}
	for name, srv := range map[string]*llmtest.Server{"draft": draftSrv, "match": matchSrv} {
		message, answer := checkBlocks(t, srv)
		if len(message) == 0 || len(answer) == 0 {
			t.Fatalf("%s: placeholders of the checks: message %v, answer %v; want both", name, message, answer)
		}
		for _, ph := range answer {
			if slices.Contains(message, ph) {
				t.Errorf("%s: the answer's other person is %s, as the message's (%v)", name, ph, message)
			}
		}
	}
}
