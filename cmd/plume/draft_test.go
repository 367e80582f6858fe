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
	"github.com/plume-sp/plume/store/storetest"
)

// draftJSON is what "plume draft --json" prints, as far as the tests read it.
type draftJSON struct {
	ID        string `json:"id"`
	Draft     string `json:"draft"`
	Citations []struct {
		N     int    `json:"n"`
		DocID string `json:"doc_id"`
		URL   string `json:"url"`
		Cited bool   `json:"cited"`
	} `json:"citations"`
	Warnings []struct {
		Code string `json:"code"`
	} `json:"warnings"`
	Redactions []struct {
		Type        string `json:"type"`
		Placeholder string `json:"placeholder"`
	} `json:"redactions"`
	Extractive bool               `json:"extractive"`
	Reliable   bool               `json:"reliable"`
	Model      string             `json:"model"`
	Timings    map[string]float64 `json:"timings"`
}

func (d draftJSON) codes() []string {
	var out []string
	for _, w := range d.Warnings {
		out = append(out, w.Code)
	}
	return out
}

// ingestedEnv returns a getenv over a fresh schema holding the demo corpus,
// with the extra variables given.
func ingestedEnv(t *testing.T) func(extra map[string]string) func(string) string {
	t.Helper()
	_, url := storetest.NewStoreURL(t)
	env := func(extra map[string]string) func(string) string {
		return func(k string) string {
			if k == "DATABASE_URL" {
				return url
			}
			return extra[k]
		}
	}
	var out, errw bytes.Buffer
	if code := run(context.Background(), []string{"ingest", "--quiet", "../../demo/corpus"}, strings.NewReader(""), &out, &errw, env(nil)); code != 0 {
		t.Fatalf("ingest: exit code %d, stderr: %s", code, errw.String())
	}
	return env
}

// runDraftJSON runs "plume draft --json ARGS" and returns the decoded
// draft, stdout and stderr.
func runDraftJSON(t *testing.T, getenv func(string) string, stdin string, args ...string) (draftJSON, string, string) {
	t.Helper()
	var out, errw bytes.Buffer
	code := run(context.Background(), append([]string{"draft", "--json"}, args...), strings.NewReader(stdin), &out, &errw, getenv)
	if code != 0 {
		t.Fatalf("exit code %d, stderr: %s", code, errw.String())
	}
	var d draftJSON
	if err := json.Unmarshal(out.Bytes(), &d); err != nil {
		t.Fatalf("decode %s: %v", out.String(), err)
	}
	return d, out.String(), errw.String()
}

func TestDraftCommand(t *testing.T) {
	t.Parallel()
	env := ingestedEnv(t)
	const question = "Bonjour, je suis Madame Claire Fontaine, comment renouveler ma carte d'identité ? Mon numéro : 06 11 22 33 44."

	t.Run("extractive", func(t *testing.T) {
		d, stdout, stderr := runDraftJSON(t, env(nil), "", "--channel", "email", question)
		if !strings.HasPrefix(d.ID, "d_") || !d.Extractive || !d.Reliable {
			t.Errorf("id %q, extractive %v, reliable %v", d.ID, d.Extractive, d.Reliable)
		}
		if !strings.HasPrefix(d.Draft, "Bonjour Madame Claire Fontaine,") {
			t.Errorf("draft:\n%s", d.Draft)
		}
		if diff := cmp.Diff([]string{"extractive"}, d.codes()); diff != "" {
			t.Errorf("warnings (-want +got):\n%s", diff)
		}
		if len(d.Citations) == 0 || d.Citations[0].DocID != "demo-cni-renouvellement" || d.Citations[0].N != 1 {
			t.Errorf("citations %+v", d.Citations)
		}
		var types []string
		for _, r := range d.Redactions {
			types = append(types, r.Type)
		}
		if diff := cmp.Diff([]string{"NOM", "TEL"}, types); diff != "" {
			t.Errorf("redactions (-want +got):\n%s", diff)
		}
		if d.Timings["plume_ms"] <= 0 || d.Timings["total_ms"] < d.Timings["plume_ms"] {
			t.Errorf("timings %v", d.Timings)
		}
		// Only the draft itself shows the name: not the other fields, not
		// the logs.
		var fields map[string]json.RawMessage
		if err := json.Unmarshal([]byte(stdout), &fields); err != nil {
			t.Fatal(err)
		}
		delete(fields, "draft")
		rest, err := json.Marshal(fields)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(rest)+stderr, "Fontaine") {
			t.Errorf("the name appears outside the draft:\n%s\n%s", rest, stderr)
		}
	})

	t.Run("model", func(t *testing.T) {
		srv := llmtest.New(t, llmtest.WithReply(func(req openai.ChatCompletionRequest) (string, error) {
			return "Bonjour [NOM_1],\n\nLe renouvellement se demande en ligne puis en mairie [1].\n\nCordialement,\nLe service", nil
		}))
		getenv := env(map[string]string{"PLUME_CHAT_MODEL": llmtest.DefaultChatModel, "OPENAI_BASE_URL": srv.URL(), "OPENAI_API_KEY": "sk-test"})
		d, _, _ := runDraftJSON(t, getenv, question+"\n")
		if d.Extractive || d.Model != llmtest.DefaultChatModel {
			t.Errorf("extractive %v, model %q; warnings %v", d.Extractive, d.Model, d.codes())
		}
		if want := "Bonjour Claire Fontaine,\n\nLe renouvellement se demande en ligne puis en mairie [1].\n\nCordialement,\nLe service"; d.Draft != want {
			t.Errorf("draft (-want +got):\n%s", cmp.Diff(want, d.Draft))
		}
		if len(d.Citations) == 0 || !d.Citations[0].Cited {
			t.Errorf("citations %+v", d.Citations)
		}
		if n := srv.Calls(llmtest.ChatCompletions); n != 1 {
			t.Errorf("%d chat requests, want 1", n)
		}
		bodies := srv.AllBodies()
		for _, secret := range []string{"Fontaine", "06 11 22 33 44"} {
			if strings.Contains(bodies, secret) {
				t.Errorf("%q reached the model", secret)
			}
		}
	})

	t.Run("text", func(t *testing.T) {
		var out, errw bytes.Buffer
		args := []string{"draft", "--channel", "conseiller", "--service", "ants", "renouveler mon passeport"}
		if code := run(context.Background(), args, strings.NewReader(""), &out, &errw, env(nil)); code != 0 {
			t.Fatalf("exit code %d, stderr: %s", code, errw.String())
		}
		for _, want := range []string{"Note pour le conseiller France services", "\nSources:\n[1] ", "https://www.service-public.fr/particuliers/vosdroits/F14929"} {
			if !strings.Contains(out.String(), want) {
				t.Errorf("stdout lacks %q:\n%s", want, out.String())
			}
		}
		if !strings.Contains(errw.String(), "[extractive]") {
			t.Errorf("stderr lacks the warning:\n%s", errw.String())
		}
	})

	t.Run("errors", func(t *testing.T) {
		tests := []struct {
			name  string
			args  []string
			stdin string
			code  int
		}{
			{"no question", []string{"draft"}, "  \n", 2},
			{"unknown channel", []string{"draft", "--channel", "fax", "bonjour"}, "", 2},
			{"unknown flag", []string{"draft", "--k", "3", "bonjour"}, "", 2},
			{"too long", []string{"draft"}, strings.Repeat("a", 20001), 1},
		}
		for _, tt := range tests {
			var out, errw bytes.Buffer
			if code := run(context.Background(), tt.args, strings.NewReader(tt.stdin), &out, &errw, env(nil)); code != tt.code {
				t.Errorf("%s: exit code %d, want %d; stderr: %s", tt.name, code, tt.code, errw.String())
			}
		}
	})
}
