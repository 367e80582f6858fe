package rag_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/plume-sp/plume/llm/llmtest"
	"github.com/plume-sp/plume/rag"
)

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
// The question and reply of TestDraftStream: the reply cites a source the
// draft does not have and gives contacts no source gives.
const (
	streamQuestion = "Bonjour, je suis Paul Moreau, comment m'inscrire à France Travail après mon licenciement ?"
	streamReply    = "Bonjour [NOM_1],\n\nVous pouvez vous inscrire en ligne [1]. Une fausse piste [7] ; appelez le 01 99 88 77 66 " +
		"ou voyez evil.example/pay.\n\nCordialement."
)

func TestDraftStream(t *testing.T) {
	t.Parallel()
	env := newDraftEnv(t)
	ctx := context.Background()
	srv := llmtest.New(t, fixedReply(streamReply), llmtest.WithStreamChunks(3, 0))
	d := env.drafter(fakeChat(t, srv, 10*time.Second))

	var sc screen
	streamed, err := streamDraft(ctx, d, rag.Request{Question: streamQuestion}, sc.apply)
	if err != nil {
		t.Fatal(err)
	}
	if len(sc.states) < 4 {
		t.Errorf("%d events, want the reply sentence by sentence", len(sc.states))
	}
	if sc.text != streamed.Draft || sc.replace != 0 {
		t.Errorf("screen after %d replacements:\n%s\nwant the draft:\n%s", sc.replace, sc.text, streamed.Draft)
	}
	sc.checkNoUncheckedText(t)
	plain, err := writeDraft(ctx, d, rag.Request{Question: streamQuestion})
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
	checkBrokenStream(t, env)
	checkCutStream(t, env)
	t.Run("nil callback", func(t *testing.T) {
		if _, err := streamDraft(ctx, d, rag.Request{Question: streamQuestion}, nil); !errorsIsInvalid(err) {
			t.Errorf("DraftStream(nil) = %v, want ErrInvalid", err)
		}
	})
}

// checkNoUncheckedText checks that the screen never showed the reply's
// text before the checks ran on it.
func (sc *screen) checkNoUncheckedText(t *testing.T) {
	t.Helper()
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
}

// checkBrokenStream streams a reply broken off after its first line.
func checkBrokenStream(t *testing.T, env *draftEnv) {
	ctx := context.Background()
	t.Run("broken stream", func(t *testing.T) {
		broken := llmtest.New(t, fixedReply(streamReply), llmtest.WithStreamChunks(3, 0), llmtest.WithStreamAbortAfter(12))
		var sc screen
		draft, err := streamDraft(ctx, env.drafter(fakeChat(t, broken, 10*time.Second)), rag.Request{Question: streamQuestion}, sc.apply)
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

}

// checkCutStream streams a reply whose connection closes cleanly half-way.
func checkCutStream(t *testing.T, env *draftEnv) {
	ctx := context.Background()
	t.Run("cut stream", func(t *testing.T) {
		// The connection closes cleanly, without finish reason or [DONE]:
		// half a reply must not pass for a model draft.
		cut := llmtest.New(t, fixedReply(streamReply), llmtest.WithStreamChunks(3, 0), llmtest.WithStreamCutAfter(6))
		var sc screen
		draft, err := streamDraft(ctx, env.drafter(fakeChat(t, cut, 10*time.Second)), rag.Request{Question: streamQuestion}, sc.apply)
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

}
