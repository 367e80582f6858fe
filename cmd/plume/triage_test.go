package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	openai "github.com/sashabaranov/go-openai"

	"github.com/plume-sp/plume/llm/llmtest"
	"github.com/plume-sp/plume/triage"
)

func TestTriageCommand(t *testing.T) {
	t.Parallel()
	const message = "Bonjour, je suis Claire Martin. Mon mari me frappe depuis des mois. Que faire ?"
	noEnv := func(string) string { return "" }
	var out, errw bytes.Buffer
	if code := run(context.Background(), []string{"triage", "--json", message}, strings.NewReader(""), &out, &errw, noEnv); code != 0 {
		t.Fatalf("exit code %d, stderr: %s", code, errw.String())
	}
	var a triage.Assessment
	if err := json.Unmarshal(out.Bytes(), &a); err != nil {
		t.Fatal(err)
	}
	if a.Level != triage.Urgent || len(a.Reasons) != 1 || message[a.Reasons[0].Start:a.Reasons[0].End] != "Mon mari me frappe depuis des mois." {
		t.Errorf("triage --json = %s", out.String())
	}

	out.Reset()
	code := run(context.Background(), []string{"triage"}, strings.NewReader("Merci beaucoup pour votre aide !"), &out, &errw, noEnv)
	if code != 0 || out.String() != "routine\n" {
		t.Errorf("triage of thanks on stdin: exit %d, %q", code, out.String())
	}
	out.Reset()
	code = run(context.Background(), []string{"triage", message}, strings.NewReader(""), &out, &errw, noEnv)
	if want := "urgent\n- Violences ou menaces (violence, urgent) : « Mon mari me frappe depuis des mois. »\n"; code != 0 || out.String() != want {
		t.Errorf("triage text output (exit %d):\n%s\nwant:\n%s", code, out.String(), want)
	}
	for _, empty := range []string{"  ", "\u200b\ufeff\u00ad\n"} {
		if code := run(context.Background(), []string{"triage"}, strings.NewReader(empty), &out, &errw, noEnv); code != 2 {
			t.Errorf("empty message %q: exit code %d, want 2", empty, code)
		}
	}
	// Bytes that are not UTF-8 are refused, as plume redact refuses them
	// (black-box test: they were triaged routine, exit 0), on stdin and
	// as an argument, and the error says where.
	for _, args := range [][]string{{"triage", "--json"}, {"triage", "ok \xff"}} {
		errw.Reset()
		code := run(context.Background(), args, strings.NewReader("\xff\xfe"), &out, &errw, noEnv)
		if code != 2 || !strings.Contains(errw.String(), "not valid UTF-8 (first bad byte at offset") {
			t.Errorf("%q with bytes that are not UTF-8: exit code %d, stderr %q; want 2 and where", args, code, errw.String())
		}
	}
	errw.Reset()
	if code := run(context.Background(), []string{"triage"}, strings.NewReader("carte grise \x00 nul"), &out, &errw, noEnv); code != 2 ||
		!strings.Contains(errw.String(), "NUL byte (at offset 12)") {
		t.Errorf("a NUL byte: exit code %d, stderr %q; want 2 and where", code, errw.String())
	}
	// A message wrapped at a fixed width, on stdin: the line break inside
	// the sentence hides nothing.
	out.Reset()
	code = run(context.Background(), []string{"triage"}, strings.NewReader("Bonjour,\nje n en peux plus, je veux me\nsuicider. Merci\n"), &out, &errw, noEnv)
	if want := "urgent\n- "; code != 0 || !strings.HasPrefix(out.String(), want) || !strings.Contains(out.String(), "je veux me\nsuicider. »") {
		t.Errorf("triage of a wrapped message (exit %d):\n%s", code, out.String())
	}
}

// TestTriageCommandSecondOpinion checks that the configured model raises
// a level from the redacted message only.
func TestTriageCommandSecondOpinion(t *testing.T) {
	t.Parallel()
	srv := llmtest.New(t, llmtest.WithReply(func(openai.ChatCompletionRequest) (string, error) { return "attention", nil }))
	env := map[string]string{"OPENAI_BASE_URL": srv.URL(), "PLUME_CHAT_MODEL": llmtest.DefaultChatModel,
		"PLUME_TRIAGE_SECOND_OPINION": "true"}
	var out, errw bytes.Buffer
	code := run(context.Background(), []string{"triage", "--json", "Bonjour, je suis Paul Moreau, quels papiers pour un passeport ?"},
		strings.NewReader(""), &out, &errw, func(k string) string { return env[k] })
	if code != 0 {
		t.Fatalf("exit code %d, stderr: %s", code, errw.String())
	}
	var a triage.Assessment
	if err := json.Unmarshal(out.Bytes(), &a); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{triage.CodeModel}, a.Codes()); a.Level != triage.Attention || diff != "" {
		t.Errorf("assessment %+v", a)
	}
	if body := srv.AllBodies(); strings.Contains(body, "Moreau") || !strings.Contains(body, "[NOM_1]") {
		t.Errorf("the model saw personal data:\n%.300s", body)
	}
}

// TestDraftCommandTelephoneUrgent drafts on the telephone channel for an
// urgent message: the note starts with the contacts to give.
func TestDraftCommandTelephoneUrgent(t *testing.T) {
	t.Parallel()
	env := ingestedEnv(t)
	getenv := env(map[string]string{"PLUME_EMERGENCY_CONTACTS": "3919|Violences Femmes Info|violence"})
	d, _, stderr := runDraftJSON(t, getenv, "", "--channel", "telephone",
		"Mon mari me frappe, comment demander une aide au logement pour partir ?")
	want := "À traiter en priorité : Violences ou menaces.\nContacts à donner à la personne dès maintenant :\n- le 3919 (Violences Femmes Info).\n\nÀ dire au téléphone :\n"
	if !strings.HasPrefix(d.Draft, want) {
		t.Errorf("draft:\n%s\nstderr: %s", d.Draft, stderr)
	}
}
