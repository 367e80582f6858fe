package rag_test

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/plume-sp/plume/llm/llmtest"
	"github.com/plume-sp/plume/rag"
)

// The message and note of TestNoteSharesTheQuestionsNumbering: the note
// names the author again and two values of its own.
const (
	noteQuestion = "Bonjour, je suis Mme Claire Martin, comment changer l'adresse de ma carte grise ? " +
		"Mon voisin Paul Durand a le même souci."
	agentNote = "Rappeler Mme Claire Martin, puis M. Jean Dupont, son avocat, au 06 12 34 56 78"
)

// anyPlaceholderRe finds canonical placeholders.
var anyPlaceholderRe = regexp.MustCompile(`\[[A-Z][A-Z_]*_\d+\]`)

// echoPlaceholders answers with every placeholder of the prompt, as a model
// that keeps the message's and the note's data would.
func echoPlaceholders(req openai.ChatCompletionRequest) (string, error) {
	var seen []string
	for _, ph := range anyPlaceholderRe.FindAllString(userText(req), -1) {
		if !strings.Contains(strings.Join(seen, " "), ph) {
			seen = append(seen, ph)
		}
	}
	return "Bonjour, voyez la source [1]. Données : " + strings.Join(seen, ", ") + ".", nil
}

// block returns the text of the prompt between <<<name and name>>>.
func block(prompt, name string) string {
	_, after, _ := strings.Cut(prompt, "<<<"+name+"\n")
	inside, _, _ := strings.Cut(after, "\n"+name+">>>")
	return inside
}

// TestNoteSharesTheQuestionsNumbering checks that the question and the
// agent's note, which share the prompt, share one numbering: a value
// repeated in the note keeps its placeholder, a value of the note's own
// never takes one the question uses, and the draft gets each value back.
func TestNoteSharesTheQuestionsNumbering(t *testing.T) {
	t.Parallel()
	env := newDraftEnv(t)
	srv := llmtest.New(t, llmtest.WithReply(echoPlaceholders))
	d := env.drafter(fakeChat(t, srv, 10*time.Second))
	got, err := writeDraft(context.Background(), d, rag.Request{Question: noteQuestion, AgentNote: agentNote, Channel: "email"})
	if err != nil {
		t.Fatal(err)
	}
	prompt := onlyPrompt(t, srv)
	message, note := block(prompt, "MESSAGE_USAGER"), block(prompt, "CONSIGNE_AGENT")
	if message != "Bonjour, je suis Mme [NOM_1], comment changer l'adresse de ma carte grise ? Mon voisin [NOM_2] a le même souci." {
		t.Errorf("message block %q", message)
	}
	if note != "Rappeler Mme [NOM_1], puis M. [NOM_3], son avocat, au [TEL_1]" {
		t.Errorf("note block %q: the note's values must keep the question's numbering", note)
	}
	for _, v := range []string{"Claire Martin", "Paul Durand", "Jean Dupont", "06 12 34 56 78"} {
		if !strings.Contains(got.Draft, v) {
			t.Errorf("the draft lacks %q:\n%s", v, got.Draft)
		}
	}
	if w, ok := findWarning(got, rag.WarnPlaceholderInvent); ok {
		t.Errorf("unexpected %s: %v", rag.WarnPlaceholderInvent, w.Values)
	}
}

// TestNoteNamesTheMessagesSurname checks that a surname the message gives
// alone, which the message alone does not tell as a name, is masked when
// the agent's note names the person in full (black-box round of session
// 22: « je suis Veuve Chassagne » reached the model while the note's
// « Gérard Chassagne » was masked), and that the draft gets it back.
func TestNoteNamesTheMessagesSurname(t *testing.T) {
	t.Parallel()
	env := newDraftEnv(t)
	srv := llmtest.New(t, llmtest.WithReply(echoPlaceholders))
	d := env.drafter(fakeChat(t, srv, 10*time.Second))
	question := "Bonjour, j'ai appelé Lefebvre hier à la CAF pour ma carte grise, sans réponse."
	note := "Dossier suivi par Paul Lefebvre, rappeler jeudi."
	got, err := writeDraft(context.Background(), d, rag.Request{Question: question, AgentNote: note, Channel: "email"})
	if err != nil {
		t.Fatal(err)
	}
	prompt := onlyPrompt(t, srv)
	if strings.Contains(prompt, "Lefebvre") {
		t.Errorf("the prompt holds the surname:\n%s", prompt)
	}
	if message := block(prompt, "MESSAGE_USAGER"); message != "Bonjour, j'ai appelé [NOM_1] hier à la CAF pour ma carte grise, sans réponse." {
		t.Errorf("message block %q", message)
	}
	if !strings.Contains(got.Draft, "Lefebvre") {
		t.Errorf("the draft lacks the surname back:\n%s", got.Draft)
	}
}
