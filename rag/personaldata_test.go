package rag_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/google/go-cmp/cmp"

	"github.com/plume-sp/plume/llm/llmtest"
	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/redact"
	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/triage"
)

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
	env, srv, d := greetingDrafter(t)
	ctx := context.Background()
	msgs := loadMessages(t, "m001", "m003", "m005", "m006", "m009", "m013", "m024", "m037", "m038", "m044", "m073", "m076")
	for _, m := range msgs {
		t.Run(m.ID, func(t *testing.T) {
			srv.Reset()
			question := strings.TrimSpace(m.Text)
			got, err := writeDraft(ctx, d, rag.Request{Question: question, Channel: "email"})
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
			stored := strings.Join([]string{row.Question.String(), row.Draft, string(row.Sources), strings.Join(row.Warnings, " ")}, "\n")
			checkValuesStayLocal(t, m, question, bodies, stored)
			checkNameRestored(t, got, row, question, bodies)
		})
	}
}

// checkValuesStayLocal checks that no labelled value of m, asked as
// question, is in what the model received (bodies) or what was stored.
func checkValuesStayLocal(t *testing.T, m labelledMessage, question, bodies, stored string) {
	t.Helper()
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
}

// checkNameRestored checks that the model saw the [NOM_1] placeholder, the
// stored draft kept it and the agent's draft greets the name it stands for.
func checkNameRestored(t *testing.T, got rag.Draft, row store.Draft, question, bodies string) {
	t.Helper()
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
	// An urgent message's draft opens with the priority notice and its
	// contacts, then a blank line, then the model's reply.
	draft, stored := got.Draft, row.Draft
	if got.Attention.Level == triage.Urgent {
		_, draft, _ = strings.Cut(draft, "\n\n")
		_, stored, _ = strings.Cut(stored, "\n\n")
	}
	// A reply without sources starts with the line the prompt asks for.
	draft, stored = strings.TrimPrefix(draft, noSourceLine+"\n\n"), strings.TrimPrefix(stored, noSourceLine+"\n\n")
	if want := "Bonjour " + name + ","; !strings.HasPrefix(draft, want) {
		t.Errorf("draft starts %q, want %q", firstLine(draft), want)
	}
	if !strings.HasPrefix(stored, "Bonjour [NOM_1],") {
		t.Errorf("stored draft starts %q, want the placeholder", firstLine(stored))
	}
	if _, ok := findWarning(got, rag.WarnPlaceholderInvent); ok {
		t.Errorf("unexpected %s: %+v", rag.WarnPlaceholderInvent, got.Warnings)
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// The question and reply of TestDraftPublicReplyRestoresNameOnly, and the
// values a public reply must not carry.
const (
	publicQuestion = "Bonjour, je suis Marie Dupont, j'habite 12 rue des Lilas 75011 Paris. Mon numéro de sécurité sociale est " +
		"2 84 05 75 123 456 72 et mon IBAN FR76 3000 6000 0112 3456 7890 189. Je suis diabétique. Comment obtenir ma carte Vitale ?"
	publicReply = "Bonjour [NOM_1], nous avons noté votre adresse [ADRESSE_1], votre numéro [NIR_1], votre IBAN [IBAN_1] " +
		"et votre situation ([SANTE_1]). La carte Vitale se demande en ligne [1]."
)

var publicSecrets = []string{"12 rue des Lilas", "2 84 05 75 123 456 72", "FR76 3000 6000 0112 3456 7890 189", "diabétique"}

// TestDraftPublicReplyRestoresNameOnly checks that a public Services
// Publics+ reply gets back the person's name only: identifiers, the
// address and special-category data stay masked, and a warning says so.
// Other channels restore everything.
func TestDraftPublicReplyRestoresNameOnly(t *testing.T) {
	t.Parallel()
	env := newDraftEnv(t)
	ctx := context.Background()
	const question = publicQuestion
	secrets := publicSecrets
	srv := llmtest.New(t, fixedReply(publicReply), llmtest.WithStreamChunks(7, 0))
	d := env.drafter(fakeChat(t, srv, 10*time.Second))
	for _, stream := range []bool{false, true} {
		t.Run(fmt.Sprintf("stream=%v", stream), func(t *testing.T) { checkPublicReply(t, d, stream) })
	}
	t.Run("email", func(t *testing.T) {
		got, err := writeDraft(ctx, d, rag.Request{Question: question, Channel: "email"})
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

// checkPublicReply drafts the public reply, streamed or not: the name is
// restored, every other value withheld, even from the screen.
func checkPublicReply(t *testing.T, d *rag.Drafter, stream bool) {
	ctx := context.Background()
	const question = publicQuestion
	secrets := publicSecrets
	var shown strings.Builder
	req := rag.Request{Question: question, Channel: "spp"}
	var got rag.Draft
	var err error
	if stream {
		var sc screen
		got, err = streamDraft(ctx, d, req, sc.apply)
		shown.WriteString(strings.Join(sc.states, "\n"))
	} else {
		got, err = writeDraft(ctx, d, req)
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
}

// greetingDrafter returns a drafting environment and a drafter whose
// recording fake model greets [NOM_1].
func greetingDrafter(t *testing.T) (*draftEnv, *llmtest.Server, *rag.Drafter) {
	t.Helper()
	env := newDraftEnv(t)
	srv := llmtest.New(t, llmtest.WithReply(greetingReply))
	return env, srv, env.drafter(fakeChat(t, srv, 10*time.Second))
}

// TestDraftKeepsOtherFormsLocal drafts a reply to a message whose values
// are typed in full-width or Arabic-Indic digits or hold invisible
// characters: none reaches the model or the database, as written or as
// the plain value it reads as, and the agent gets the name back as
// written.
func TestDraftKeepsOtherFormsLocal(t *testing.T) {
	t.Parallel()
	env, srv, d := greetingDrafter(t)
	ctx := context.Background()
	m := labelledMessage{ID: "other forms", Text: "Bonjour, je suis J\u200bean Dup\u00adont. Mon NIR ２８５０３７５１２３４５６７８, " +
		"tél ٠٦١٢٣٤٥٦٧٨ ou 07\u200b12\u200b34\u200b56\u200b78 ou ۰۶۹۸۷۶۵۴۳۲, mail jean.dupont\u200b@gmail.com. Comment obtenir ma carte Vitale ?"}
	for _, v := range []struct{ typ, value string }{
		{"NOM", "J\u200bean Dup\u00adont"}, {"NIR", "２８５０３７５１２３４５６７８"}, {"TEL", "٠٦١٢٣٤٥٦٧٨"},
		{"TEL", "07\u200b12\u200b34\u200b56\u200b78"}, {"TEL", "۰۶۹۸۷۶۵۴۳۲"}, {"EMAIL", "jean.dupont\u200b@gmail.com"},
	} {
		m.Entities = append(m.Entities, struct {
			Type  string `json:"type"`
			Value string `json:"value"`
		}{v.typ, v.value})
	}
	got, err := writeDraft(ctx, d, rag.Request{Question: m.Text, Channel: "email"})
	if err != nil {
		t.Fatal(err)
	}
	bodies := srv.AllBodies()
	row, err := env.store.GetDraft(ctx, got.ID)
	if err != nil {
		t.Fatal(err)
	}
	stored := strings.Join([]string{row.Question.String(), row.Draft, string(row.Sources), strings.Join(row.Warnings, " ")}, "\n")
	checkValuesStayLocal(t, m, m.Text, bodies, stored)
	visible := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.Is(unicode.Cf, r) {
				return -1
			}
			return r
		}, s)
	}
	for _, plain := range []string{"285037512345678", "0612345678", "0712345678", "0698765432", "jean.dupont@", "Dupont"} {
		if strings.Contains(visible(bodies), plain) || strings.Contains(visible(stored), plain) {
			t.Errorf("%q reached the model or the database", plain)
		}
	}
	checkNameRestored(t, got, row, m.Text, bodies)
}
