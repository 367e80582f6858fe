package api_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/plume-sp/plume/api"
	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/triage"
)

const urgentMessage = "Bonjour, je suis Claire Martin. Mon mari me frappe depuis des mois, comment demander une aide au logement pour partir ?"

// TestTriageRoutes checks POST /v1/triage, the attention drafts carry and
// store, the level filter of recent drafts, the telephone channel and the
// levels per day of the statistics.
func TestTriageRoutes(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})

	var a triage.Assessment
	e.must(http.StatusOK, request{method: "POST", path: "/v1/triage", key: "agent", body: map[string]any{"text": urgentMessage}}).decode(t, &a)
	if a.Level != triage.Urgent || len(a.Reasons) != 1 || a.Reasons[0].Code != triage.CodeViolence ||
		!strings.HasPrefix(urgentMessage[a.Reasons[0].Start:a.Reasons[0].End], "Mon mari me frappe") {
		t.Errorf("triage = %+v", a)
	}
	e.must(http.StatusOK, request{method: "POST", path: "/v1/triage", key: "agent", body: map[string]any{"text": "Merci beaucoup !"}}).decode(t, &a)
	if a.Level != triage.Routine || a.Reasons == nil || len(a.Reasons) != 0 {
		t.Errorf("triage of thanks = %+v", a)
	}
	for _, bad := range []struct {
		body   any
		status int
	}{{map[string]any{"text": " "}, 400}, {map[string]any{"text": "\u200b\u200d\ufeff\u00ad"}, 400}, {map[string]any{"message": "x"}, 400}, {map[string]any{"text": strings.Repeat("a", rag.MaxQuestionBytes+1)}, 413}} {
		e.must(bad.status, request{method: "POST", path: "/v1/triage", key: "agent", body: bad.body})
	}

	var urgent rag.Draft
	e.must(http.StatusOK, request{method: "POST", path: "/v1/drafts", key: "agent-caf",
		body: map[string]any{"question": urgentMessage, "channel": "telephone"}}).decode(t, &urgent)
	if urgent.Attention.Level != triage.Urgent || urgent.Channel != "telephone" ||
		!strings.HasPrefix(urgent.Draft, "À traiter en priorité : Violences ou menaces.") || !strings.Contains(urgent.Draft, "3919") {
		t.Errorf("urgent telephone draft (%s):\n%s", urgent.Attention.Level, urgent.Draft)
	}
	routine := e.draft("agent-caf", question)
	if routine.Attention.Level != triage.Routine {
		t.Errorf("routine draft attention %+v", routine.Attention)
	}

	var stored struct {
		Attention struct {
			Level   string
			Reasons []triage.Reason
		}
	}
	e.must(http.StatusOK, request{method: "GET", path: "/v1/drafts/" + urgent.ID, key: "agent-caf"}).decode(t, &stored)
	if stored.Attention.Level != "urgent" || len(stored.Attention.Reasons) != 1 || stored.Attention.Reasons[0].Start != urgent.Attention.Reasons[0].Start {
		t.Errorf("stored attention %+v", stored.Attention)
	}

	var page struct {
		Drafts []struct {
			ID             string
			AttentionLevel string `json:"attention_level"`
		}
		Total int
	}
	e.must(http.StatusOK, request{method: "GET", path: "/v1/drafts?level=urgent", key: "agent-caf"}).decode(t, &page)
	if page.Total != 1 || page.Drafts[0].ID != urgent.ID || page.Drafts[0].AttentionLevel != "urgent" {
		t.Errorf("urgent drafts = %+v", page)
	}
	e.must(http.StatusOK, request{method: "GET", path: "/v1/drafts?level=routine", key: "agent-caf"}).decode(t, &page)
	if page.Total != 1 || page.Drafts[0].ID != routine.ID {
		t.Errorf("routine drafts = %+v", page)
	}
	e.must(http.StatusBadRequest, request{method: "GET", path: "/v1/drafts?level=panic", key: "agent-caf"})

	var stats struct {
		AttentionPerDay []struct {
			Day, Level string
			Drafts     int64
		} `json:"attention_per_day"`
	}
	e.must(http.StatusOK, request{method: "GET", path: "/v1/stats", key: "admin-caf"}).decode(t, &stats)
	day := time.Now().UTC().Format(time.DateOnly)
	if len(stats.AttentionPerDay) != 2 || stats.AttentionPerDay[0].Level != "routine" || stats.AttentionPerDay[1].Level != "urgent" ||
		stats.AttentionPerDay[1].Day != day || stats.AttentionPerDay[1].Drafts != 1 {
		t.Errorf("attention per day = %+v", stats.AttentionPerDay)
	}
	if logs := e.logs.String(); strings.Contains(logs, "Claire") || strings.Contains(logs, "frappe") {
		t.Errorf("the logs hold personal data or the message:\n%s", logs)
	}
}

// TestTriageWrappedMessage checks that a message wrapped at a fixed width,
// its cue cut by a line break, is triaged as the same message on one line,
// with offsets into the text as given, and that its draft leads with the
// emergency number.
func TestTriageWrappedMessage(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	for _, text := range []string{
		"Bonjour,\nje n en peux plus, je veux me\nsuicider. Merci",
		"Bonjour,\r\nje n en peux plus, je veux me\r\nsuicider. Merci",
		"Bonjour, je n en peux plus, je veux me su\u200bicider. Merci",
	} {
		var a triage.Assessment
		e.must(http.StatusOK, request{method: "POST", path: "/v1/triage", key: "agent", body: map[string]any{"text": text}}).decode(t, &a)
		if a.Level != triage.Urgent || len(a.Reasons) == 0 || a.Reasons[0].Code != triage.CodeSuicide ||
			!strings.HasSuffix(text[a.Reasons[0].Start:a.Reasons[0].End], "icider.") {
			t.Errorf("triage of %q = %+v", text, a)
		}
		var d rag.Draft
		e.must(http.StatusOK, request{method: "POST", path: "/v1/drafts", key: "agent-caf",
			body: map[string]any{"question": text}}).decode(t, &d)
		if d.Attention.Level != triage.Urgent || !strings.Contains(d.Draft, "3114") {
			t.Errorf("draft of %q (%s):\n%s", text, d.Attention.Level, d.Draft)
		}
	}
}
