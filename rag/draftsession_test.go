package rag_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/plume-sp/plume/llm/llmtest"
	"github.com/plume-sp/plume/rag"
)

// TestRestoredValuesMaskedAgain covers the black-box finding: a value put
// back into a draft (a bare CAF number, its cue « allocataire » left in
// the question) came back unmasked in the feedback's final text and in the
// answer promoted from the draft, whether from that final text or from a
// text the reviewer wrote; every value of the draft is masked there.
func TestRestoredValuesMaskedAgain(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := newDraftEnv(t)
	srv := llmtest.New(t, fixedReply("Bonjour [NOM_1] [CAF_1] [TEL_1], vous pouvez renouveler votre passeport en ligne [1]."))
	d := e.drafter(fakeChat(t, srv, 30*time.Second))
	draft, err := writeDraft(ctx, d, rag.Request{Channel: "email",
		Question: "Bonjour, je suis M. Karim Benali, allocataire 7654321, tel 07 98 76 54 32. Comment renouveler mon passeport ?"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(draft.Draft, "7654321") {
		t.Fatalf("the restored draft lacks the number:\n%s", draft.Draft)
	}
	row := storedDraft(t, e.store, draft.ID)
	fb, err := d.Feedback(ctx, row, rag.FeedbackRequest{Outcome: "accepted", FinalText: draft.Draft})
	if err != nil {
		t.Fatal(err)
	}
	values := []string{"7654321", "Benali", "07 98 76 54 32"}
	noValues(t, "feedback final text", fb.FinalText.String(), values)
	answers := rag.NewAnswers(e.store, nil, nil)
	final, _, err := e.store.FinalText(ctx, draft.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{final, "Pour le dossier 76 54 321 de M. Benali : le passeport se renouvelle en ligne."} {
		ans, err := answers.FromDraft(ctx, row, text, "", "", nil)
		if err != nil {
			t.Fatal(err)
		}
		noValues(t, "promoted answer", ans.Text.String(), values)
	}
}

func noValues(t *testing.T, what, text string, values []string) {
	t.Helper()
	for _, v := range values {
		if strings.Contains(text, v) {
			t.Errorf("%s holds %q:\n%s", what, v, text)
		}
	}
}
