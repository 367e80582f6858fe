package api_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plume-sp/plume/api"
)

// TestBodiesDecodedStrictly: every JSON body is read by one decoder, which
// refuses a key sent twice (encoding/json would keep the last) and a lone
// UTF-16 surrogate (it would become U+FFFD), with a 400 naming the field
// and the byte, on every route that takes JSON; a surrogate pair is text.
func TestBodiesDecodedStrictly(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	type errorBody struct {
		Error struct{ Code, Message string }
	}
	body := func(code, message string) *errorBody {
		var b errorBody
		b.Error.Code, b.Error.Message = code, message
		return &b
	}
	for _, tc := range []struct {
		name, key, path, body string
		status                int
		want                  *errorBody
	}{
		{"redact, a pair", "agent", "/v1/redact", `{"text": "Bonjour \ud83d\ude00"}`, 200, nil},
		{"redact, text twice", "agent", "/v1/redact", `{"text": "Jean Dupont", "text": "rien"}`, 400,
			body("malformed_json", `the body holds the key "text" twice (byte 24): send each field once`)},
		{"triage, lone surrogate", "agent", "/v1/triage", `{"text": "urgent \udc00"}`, 400,
			body("invalid_text", "text holds a lone UTF-16 surrogate (byte 17): escape a character outside the BMP as a pair")},
		{"draft, question twice", "agent-caf", "/v1/drafts", `{"question": "Comment déclarer un changement ?", "channel": "email", "question": "x"}`, 400,
			body("malformed_json", `the body holds the key "question" twice (byte 70): send each field once`)},
		{"key, lone surrogate in the name", "admin", "/v1/keys", `{"name": "guichet \ud800", "role": "agent", "service": "caf"}`, 400,
			body("invalid_text", "name holds a lone UTF-16 surrogate (byte 18): escape a character outside the BMP as a pair")},
		{"document, tag twice as a key", "admin", "/v1/documents",
			`{"id": "x", "title": "T", "text": "Un texte.", "tags": ["a"], "tags": ["\ud800"]}`, 400,
			body("malformed_json", `the body holds the key "tags" twice (byte 62): send each field once`)},
		{"redact, a key in capitals", "agent", "/v1/redact", `{"TEXT": "Jean Dupont"}`, 400,
			body("malformed_json", `the body holds the key "TEXT": field names are case-sensitive, write "text"`)},
		{"key, a field twice by its case", "admin", "/v1/keys", `{"name": "guichet", "role": "agent", "Role": "admin"}`, 400,
			body("malformed_json", `the body holds the key "Role": field names are case-sensitive, write "role"`)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := e.do(request{method: "POST", path: tc.path, key: tc.key, body: tc.body})
			if r.status != tc.status {
				t.Fatalf("status %d, want %d: %s", r.status, tc.status, r.body)
			}
			if tc.want == nil {
				return
			}
			var got errorBody
			if err := json.Unmarshal(r.body, &got); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(*tc.want, got); diff != "" {
				t.Errorf("error body (-want +got):\n%s", diff)
			}
		})
	}
}

// TestFeedbackKeyCase: {"rating": 4, "RATING": 1} was stored with rating
// 1 (black-box test: encoding/json matches names case-insensitively).
func TestFeedbackKeyCase(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	d := e.draft("agent-caf", question)
	r := e.must(http.StatusBadRequest, request{method: "POST", path: "/v1/drafts/" + d.ID + "/feedback", key: "agent-caf",
		body: `{"outcome": "accepted", "rating": 4, "RATING": 1}`})
	if r.errorCode() != "malformed_json" || !strings.Contains(string(r.body), `\"RATING\"`) {
		t.Errorf("%s, want malformed_json naming RATING", r.body)
	}
}
