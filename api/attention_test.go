package api_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	openai "github.com/sashabaranov/go-openai"

	"github.com/plume-sp/plume/api"
	"github.com/plume-sp/plume/llm/llmtest"
	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/triage"
)

// The black-box tester's call: a routine question, and the agent's note of
// what the person said on the telephone.
const (
	rsaQuestion  = "Bonjour, comment demander le RSA ?"
	distressNote = "Au téléphone la personne dit qu elle va se suicider ce soir, son mari la frappe"
)

// TestTriageReadsTheNote: the agent's note is what the person said, on the
// telephone (or any channel): triage reads it beside the question, and each
// reason says which text its offsets point into (source), in the draft, in
// the stored draft and in POST /v1/triage.
func TestTriageReadsTheNote(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	var d rag.Draft
	e.must(http.StatusOK, request{method: "POST", path: "/v1/drafts", key: "agent-caf",
		body: map[string]any{"question": rsaQuestion, "channel": "telephone", "note": distressNote}}).decode(t, &d)
	checkNoteReasons(t, "draft", d.Attention)
	if !strings.HasPrefix(d.Draft, "À traiter en priorité : ") || !strings.Contains(d.Draft, "- le 3114 (") || !strings.Contains(d.Draft, "- le 3919 (") {
		t.Errorf("urgent draft from the note:\n%s", d.Draft)
	}
	var stored struct{ Attention triage.Assessment }
	e.must(http.StatusOK, request{method: "GET", path: "/v1/drafts/" + d.ID, key: "agent-caf"}).decode(t, &stored)
	checkNoteReasons(t, "stored draft", stored.Attention)
	// A draft stored before reasons had a source: its reasons were read in
	// the question.
	if _, err := e.st.Pool().Exec(t.Context(), `UPDATE drafts SET attention_reasons = '[{"code": "violence", "label": "Violences ou menaces", `+
		`"level": "urgent", "start": 0, "end": 9}]' WHERE id = $1`, d.ID); err != nil {
		t.Fatal(err)
	}
	e.must(http.StatusOK, request{method: "GET", path: "/v1/drafts/" + d.ID, key: "agent-caf"}).decode(t, &stored)
	if len(stored.Attention.Reasons) != 1 || stored.Attention.Reasons[0].Source != triage.SourceQuestion {
		t.Errorf("reasons stored without a source: %+v, want the question's", stored.Attention.Reasons)
	}
	var a triage.Assessment
	e.must(http.StatusOK, request{method: "POST", path: "/v1/triage", key: "agent",
		body: map[string]any{"text": rsaQuestion, "note": distressNote}}).decode(t, &a)
	checkNoteReasons(t, "triage", a)
	e.must(http.StatusOK, request{method: "POST", path: "/v1/triage", key: "agent", body: map[string]any{"text": urgentMessage}}).decode(t, &a)
	if len(a.Reasons) == 0 || a.Reasons[0].Source != triage.SourceQuestion {
		t.Errorf("triage of a question alone: %+v, want reasons from the question", a)
	}
	e.must(http.StatusRequestEntityTooLarge, request{method: "POST", path: "/v1/triage", key: "agent",
		body: map[string]any{"text": rsaQuestion, "note": strings.Repeat("a", 2001)}})
	if logs := e.logs.String(); strings.Contains(logs, "suicider") || strings.Contains(logs, "frappe") {
		t.Errorf("the logs hold the note:\n%s", logs)
	}
}

// checkNoteReasons checks that a is urgent, for suicide and violence, both
// read in the note, at offsets into it.
func checkNoteReasons(t *testing.T, what string, a triage.Assessment) {
	t.Helper()
	if a.Level != triage.Urgent || len(a.Reasons) == 0 {
		t.Fatalf("%s: %+v, want urgent from the note", what, a)
	}
	codes := map[string]bool{}
	for _, r := range a.Reasons {
		if r.Source != triage.SourceNote || r.Start < 0 || r.End > len(distressNote) || r.Start >= r.End {
			t.Errorf("%s: reason %+v, want offsets into the note", what, r)
			continue
		}
		codes[r.Code] = true
	}
	if !codes[triage.CodeSuicide] || !codes[triage.CodeViolence] {
		t.Errorf("%s: reasons %+v, want suicide and violence", what, a.Reasons)
	}
}

// triageOpinion answers the triage second opinion with opinion, and a
// draft that gives emergency numbers no source holds otherwise.
func triageOpinion(opinion, draft string) llmtest.ReplyFunc {
	return func(req openai.ChatCompletionRequest) (string, error) {
		if strings.HasPrefix(req.Messages[0].Content, "Vous triez") {
			return opinion, nil
		}
		return draft, nil
	}
}

// TestModelUrgencyGivesContacts: a draft the model's second opinion makes
// urgent starts with the general emergency contacts of the configured list
// (no reason code names one), never with none, and never with a number the
// list does not hold.
func TestModelUrgencyGivesContacts(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		contacts string
		want     []string
	}{
		{"default contacts", "", []string{"15", "17", "112"}},
		{"configured contacts", "3919|Violences Femmes Info|violence;15|SAMU|health_danger;0 800 123 456|Maison des familles|child_at_risk", []string{"15"}},
		{"no general contact", "3919|Violences Femmes Info|violence;3114|Prévention du suicide|suicide", []string{"3919", "3114"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			env := map[string]string{"PLUME_TRIAGE_SECOND_OPINION": "true"}
			if tc.contacts != "" {
				env["PLUME_EMERGENCY_CONTACTS"] = tc.contacts
			}
			e := newEnvWith(t, api.Config{RatePerSecond: -1}, envOptions{env: env,
				model: []llmtest.Option{llmtest.WithReply(triageOpinion("urgent", llmtest.DefaultReply))}})
			var d rag.Draft
			e.must(http.StatusOK, request{method: "POST", path: "/v1/drafts", key: "agent-caf",
				body: map[string]any{"question": rsaQuestion, "channel": "telephone"}}).decode(t, &d)
			head, _, _ := strings.Cut(d.Draft, "\n\n")
			if d.Attention.Level != triage.Urgent || !strings.HasPrefix(head, "À traiter en priorité : Signalé par le modèle.\nContacts à donner") {
				t.Fatalf("draft (%s):\n%s", d.Attention.Level, d.Draft)
			}
			var got []string
			for _, m := range listedNumberRe.FindAllStringSubmatch(head, -1) {
				got = append(got, m[1])
			}
			if strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("contacts %q, want %q:\n%s", got, tc.want, head)
			}
		})
	}
}

// listedNumberRe finds the numbers an urgent draft's head lists.
var listedNumberRe = regexp.MustCompile(`(?m)^- le ([\d ]+) \(`)

// TestEmergencyNumbersOnlyWhenPressing: emergency numbers of the configured
// list that no source gives are kept in an urgent or attention draft and
// masked, as any unknown number, in a routine one.
func TestEmergencyNumbersOnlyWhenPressing(t *testing.T) {
	t.Parallel()
	text := "Bonjour, voyez la source [1]. En cas de besoin, appelez le 3919 ou le 3114 ou le 15. Cordialement."
	e := newEnv(t, api.Config{RatePerSecond: -1}, llmtest.WithReply(triageOpinion("routine", text)))
	for _, tc := range []struct {
		name, question string
		level          triage.Level
		kept           bool
	}{
		{"routine", rsaQuestion, triage.Routine, false},
		{"attention", "Bonjour, je vais saisir le Défenseur des droits, cela fait trois fois que je renvoie mon dossier de RSA.", triage.Attention, true},
		{"urgent", urgentMessage, triage.Urgent, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var d rag.Draft
			e.must(http.StatusOK, request{method: "POST", path: "/v1/drafts", key: "agent-caf",
				body: map[string]any{"question": tc.question, "channel": "email"}}).decode(t, &d)
			if d.Attention.Level != tc.level {
				t.Fatalf("level %s, want %s", d.Attention.Level, tc.level)
			}
			_, body, _ := strings.Cut(d.Draft, "Bonjour, voyez")
			kept := strings.Contains(body, "appelez le 3919 ou le 3114 ou le 15.")
			masked := strings.Count(body, "[coordonnée à vérifier]") == 3
			if kept != tc.kept || !kept && !masked {
				t.Errorf("%s draft's numbers kept %v, want %v:\n%s", tc.level, kept, tc.kept, d.Draft)
			}
		})
	}
}

// TestPublicReplyWithholdsARelativesName: on the Services Publics+
// channel, a name a relation word follows (« Je suis\nOdile Martin\nma
// voisine… ») is the neighbour's: the public reply never puts it back,
// where it greeted her as the writer.
func TestPublicReplyWithholdsARelativesName(t *testing.T) {
	t.Parallel()
	greet := func(openai.ChatCompletionRequest) (string, error) {
		return "Bonjour [NOM_1], voici la démarche décrite par la source [1]. Cordialement.", nil
	}
	e := newEnv(t, api.Config{RatePerSecond: -1}, llmtest.WithReply(greet))
	for _, tc := range []struct{ name, question, want string }{
		{"the neighbour's name", "Je suis\nOdile Martin\nma voisine n'a plus de chauffage depuis hier, comment l'aider pour sa carte d'identité ?", ""},
		{"the writer's name", "Bonjour, je suis Odile Martin, comment refaire ma carte d'identité ?", "Odile Martin"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var d rag.Draft
			e.must(http.StatusOK, request{method: "POST", path: "/v1/drafts", key: "agent",
				body: map[string]any{"question": tc.question, "channel": "spp"}}).decode(t, &d)
			if got := strings.Contains(d.Draft, "Odile") || strings.Contains(d.Draft, "Martin"); got != (tc.want != "") ||
				tc.want != "" && !strings.Contains(d.Draft, tc.want) {
				t.Errorf("public reply (want the name %q):\n%s", tc.want, d.Draft)
			}
		})
	}
}
