package api_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/plume-sp/plume/api"
)

func TestBadInput(t *testing.T) {
	t.Parallel()
	e := newEnvWith(t, api.Config{MaxBodyBytes: 4 << 10, RatePerSecond: -1}, envOptions{env: map[string]string{"PLUME_MAX_QUESTION_BYTES": "1000"}})
	for _, tc := range []struct {
		name   string
		req    request
		status int
		code   string
	}{
		{"malformed JSON", request{method: "POST", path: "/v1/drafts", body: `{"question": "x"`}, 400, "malformed_json"},
		{"empty body", request{method: "POST", path: "/v1/drafts", body: ``, contentType: "application/json"}, 400, "malformed_json"},
		{"two values", request{method: "POST", path: "/v1/drafts", body: `{"question": "x"} {}`}, 400, "malformed_json"},
		{"wrong type", request{method: "POST", path: "/v1/drafts", body: `{"question": 12}`}, 400, "malformed_json"},
		{"unknown field", request{method: "POST", path: "/v1/drafts", body: `{"questoin": "x"}`}, 400, "malformed_json"},
		{"no content type", request{method: "POST", path: "/v1/redact", body: `{"text": "x"}`, contentType: "text/plain"}, 415, "unsupported_media_type"},
		{"form", request{method: "POST", path: "/v1/drafts", body: `question=x`, contentType: "application/x-www-form-urlencoded"}, 415, "unsupported_media_type"},
		{"latin-1", request{method: "POST", path: "/v1/redact", body: `{"text": "x"}`, contentType: "application/json; charset=latin1"}, 415, "unsupported_media_type"},
		{"said compressed, sent plain", request{method: "POST", path: "/v1/redact", body: `{"text": "x"}`, header: map[string]string{"Content-Encoding": "gzip"}}, 415, "unsupported_media_type"},
		{"upload said compressed", request{method: "POST", path: "/v1/documents", body: "--b\r\n", contentType: "multipart/form-data; boundary=b", header: map[string]string{"Content-Encoding": "br"}}, 415, "unsupported_media_type"},
		{"invalid UTF-8", request{method: "POST", path: "/v1/redact", body: "{\"text\": \"caf\xe9\"}", contentType: "application/json; charset=UTF-8"}, 400, "invalid_text"},
		{"body too large", request{method: "POST", path: "/v1/redact", body: `{"text": "` + strings.Repeat("a", 5<<10) + `"}`}, 413, "too_large"},
		{"question too long", request{method: "POST", path: "/v1/drafts", body: map[string]string{"question": strings.Repeat("a ", 600)}}, 413, "question_too_long"},
		{"search too long", request{method: "GET", path: "/v1/search?q=" + strings.Repeat("a+", 600)}, 413, "question_too_long"},
		{"bad k", request{method: "GET", path: "/v1/search?q=a&k=x"}, 400, "invalid_request"},
		{"bad status", request{method: "PUT", path: "/v1/documents/1/status", body: `{"status": "secret"}`}, 400, "invalid_request"},
		{"unknown draft", request{method: "GET", path: "/v1/drafts/d_nope"}, 404, "not_found"},
		{"unknown document", request{method: "GET", path: "/v1/documents/424242"}, 404, "not_found"},
		{"unknown route", request{method: "GET", path: "/v1/nothing"}, 404, "not_found"},
		{"wrong method", request{method: "PATCH", path: "/v1/drafts"}, 405, "method_not_allowed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.req.key = "admin"
			r := e.do(tc.req)
			if r.status != tc.status || r.errorCode() != tc.code {
				t.Errorf("%d %s, want %d %s", r.status, r.body, tc.status, tc.code)
			}
			if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("error content type %q", ct)
			}
			if r.header.Get("X-Request-Id") == "" {
				t.Error("no X-Request-Id")
			}
		})
	}
}

// TestWrongTypeMessage: a value of the wrong type is named by its field's
// JSON name and the kind of value it takes, never by Go's names
// (black-box test, round 2: « FeedbackRequest.rating »).
func TestWrongTypeMessage(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	for _, tc := range []struct {
		method, path, body, want string
	}{
		{"POST", "/v1/drafts", `{"question": 12}`, `the field \"question\" takes a string, not a number`},
		{"POST", "/v1/drafts/d_nope/feedback", `{"outcome": "accepted", "rating": "5"}`, `the field \"rating\" takes an integer, not a string`},
		// Round 1 of session 15: a field of an embedded struct was named
		// through it, a body of the wrong kind by Go's type.
		{"POST", "/v1/answers", `{"question": "q", "text": "t", "document_ids": ["a"]}`, `the field \"document_ids\" takes an integer, not a string`},
		// Session 20's black-box round: a document's public id was sent.
		{"POST", "/v1/answers", `{"question": "q", "text": "t", "document_ids": ["F18142"]}`, `not their public doc_id such as \"F18142\"`},
		{"PUT", "/v1/agents/1", `[]`, `the body must be an object, not an array`},
		{"POST", "/v1/drafts", `"question"`, `the body must be an object, not a string`},
	} {
		r := e.do(request{method: tc.method, path: tc.path, key: "admin", body: tc.body})
		if r.status != http.StatusBadRequest || !strings.Contains(string(r.body), tc.want) || strings.Contains(string(r.body), "Go ") ||
			strings.Contains(string(r.body), "Request.") || strings.Contains(string(r.body), "Input.") || strings.Contains(string(r.body), "struct") {
			t.Errorf("%s: %d %s, want 400 saying %s", tc.body, r.status, r.body, tc.want)
		}
	}
}

func TestRateLimit(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: 0.5, Burst: 3})
	req := request{method: "POST", path: "/v1/redact", key: "agent", body: map[string]string{"text": "bonjour"}}
	for i := range 3 {
		if r := e.do(req); r.status != http.StatusOK {
			t.Fatalf("request %d: %d", i, r.status)
		}
	}
	r := e.must(http.StatusTooManyRequests, req)
	if r.errorCode() != "rate_limited" {
		t.Errorf("429 body %s", r.body)
	}
	if n, err := strconv.Atoi(r.header.Get("Retry-After")); err != nil || n < 1 || n > 2 {
		t.Errorf("Retry-After %q, want 1 or 2 seconds", r.header.Get("Retry-After"))
	}
	// Another key has its own bucket.
	req.key = "agent-caf"
	e.must(http.StatusOK, req)
}

// TestInternalErrorsStayInternal breaks the database under a draft: the
// client gets a generic 500, the log gets the cause.
func TestInternalErrorsStayInternal(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{})
	if _, err := e.st.Pool().Exec(t.Context(), "ALTER TABLE drafts RENAME TO drafts_gone"); err != nil {
		t.Fatal(err)
	}
	r := e.must(http.StatusInternalServerError, request{method: "POST", path: "/v1/drafts", key: "agent",
		body: map[string]string{"question": question}})
	if r.errorCode() != "internal" || strings.Contains(string(r.body), "drafts") || strings.Contains(string(r.body), "relation") {
		t.Errorf("500 body reveals internals: %s", r.body)
	}
	if !strings.Contains(e.logs.String(), `"status":500`) || !strings.Contains(e.logs.String(), "drafts") {
		t.Errorf("the log lacks the cause of the 500:\n%s", e.logs.String())
	}
}

// TestQuestionOverContext: a question under its limit in bytes that does
// not fit the model's context with room for the answer is too long as
// one over the limit is (413 question_too_long, black-box round of
// session 20: it was 400 invalid_request), its message saying why.
func TestQuestionOverContext(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	const sentence = "Comment renouveler ma carte d'identité avant un voyage à l'étranger cet été ? "
	question := strings.Repeat(sentence, 19990/len(sentence))
	r := e.do(request{method: "POST", path: "/v1/drafts", key: "admin", body: map[string]string{"question": question}})
	if r.status != http.StatusRequestEntityTooLarge || r.errorCode() != "question_too_long" || !strings.Contains(string(r.body), "the model's context of 8192 tokens") {
		t.Errorf("a question of %d bytes: %d %s, want 413 question_too_long naming the model's context", len(question), r.status, r.body)
	}
}
