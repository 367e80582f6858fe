package api_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/plume-sp/plume/api"
)

// TestAnswerInput: an update needs the version read; sources are cited
// once; an answer of personal data only is refused as a draft is; a
// duplicate differing in white space is one; a promoted draft takes no
// question; a service's key names no other service.
func TestAnswerInput(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	cafDoc := e.docs["caf"]
	body := map[string]any{"question": "Comment déclarer une naissance à la CAF ?", "text": "Vous la déclarez en ligne, dans Mon Compte.",
		"document_ids": []int64{cafDoc, cafDoc}, "service": "caf"}
	var a answerBody
	e.must(http.StatusCreated, request{method: "POST", path: "/v1/answers", key: "admin", body: body}).decode(t, &a)
	var cites []json.RawMessage
	if err := json.Unmarshal(a.Sources, &cites); err != nil || len(cites) != 1 {
		t.Errorf("document_ids [%d, %d] gives sources %s, want one", cafDoc, cafDoc, a.Sources)
	}
	d := e.draft("reviewer-caf", cafQuestion)
	path := fmt.Sprint("/v1/answers/", a.ID)
	spaced := map[string]any{"question": "Comment déclarer  une naissance à la CAF ?", "text": "Vous la déclarez en ligne,\ndans Mon Compte.", "service": "caf"}
	e.run(t, []check{
		{"PUT without version", request{method: "PUT", path: path, body: map[string]any{"question": "q ?", "text": "t"}}, 400, "invalid_request", "version is required"},
		{"PUT with version 0", request{method: "PUT", path: path, body: map[string]any{"question": "q ?", "text": "t", "version": 0}}, 400, "invalid_request", "version must be a positive integer"},
		{"PUT with version -5", request{method: "PUT", path: path, body: map[string]any{"question": "q ?", "text": "t", "version": -5}}, 400, "invalid_request", "version must be a positive integer"},
		{"PUT with a draft", request{method: "PUT", path: path, body: map[string]any{"draft_id": d.ID, "version": 1}}, 400, "invalid_request", "draft_id is for POST"},
		{"personal data only", request{method: "POST", path: "/v1/answers", body: map[string]any{"question": "06 12 34 56 78", "text": "Jean Dupont", "service": "caf"}},
			400, "no_words", ""},
		{"text of personal data only", request{method: "POST", path: "/v1/answers", body: map[string]any{"question": "Comment joindre la CAF ?", "text": "06 12 34 56 78", "service": "caf"}},
			400, "no_words", ""},
		{"duplicate but for white space", request{method: "POST", path: "/v1/answers", body: spaced}, 409, "conflict", ""},
		{"draft and question", request{method: "POST", path: "/v1/answers", key: "reviewer-caf", body: map[string]any{"draft_id": d.ID, "question": "x"}},
			400, "invalid_request", "cannot be combined"},
		{"POST with a version", request{method: "POST", path: "/v1/answers", body: map[string]any{"question": "q ?", "text": "t", "version": 2}},
			400, "invalid_request", "version is for PUT"},
		{"service key names another service", request{method: "POST", path: "/v1/answers", key: "reviewer-caf",
			body: map[string]any{"question": "Comment déclarer un décès ?", "text": "En ligne.", "service": "ants"}}, 403, "forbidden", `\"caf\" only`},
		{"service key names its own", request{method: "POST", path: "/v1/answers", key: "reviewer-caf",
			body: map[string]any{"question": "Comment déclarer un décès ?", "text": "En ligne.", "service": "caf"}}, 201, "", ""},
		{"PUT with the version", request{method: "PUT", path: path, body: map[string]any{"question": "Comment déclarer une naissance ?", "text": "En ligne.", "version": 1}},
			200, "", `"version":2`},
	})
}

// TestKeyNames: a key's name is one line, a label without personal data.
func TestKeyNames(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	key := func(name string) request {
		return request{method: "POST", path: "/v1/keys", body: map[string]any{"name": name, "role": "agent", "service": "caf"}}
	}
	e.run(t, []check{
		{"a person's name and number", key("guichet de Sophie Bernard 0698765432"), 400, "invalid_request", "no personal data"},
		{"several lines", key("guichet\nde\nLyon"), 400, "invalid_request", "one line, without line breaks"},
		{"too long", key(strings.Repeat("g", 101)), 400, "invalid_request", "at most 100 characters (this one has 101)"},
		{"a counter", key("guichet CAF Lyon"), 201, "", `"name":"guichet CAF Lyon"`},
	})
	if strings.Contains(e.logs.String(), "0698765432") {
		t.Error("the refused name reached the log")
	}
}
