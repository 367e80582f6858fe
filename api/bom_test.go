package api_test

import (
	"net/http"
	"testing"

	"github.com/plume-sp/plume/api"
)

// TestJSONBodyAfterByteOrderMark reads a JSON body that a Windows tool
// wrote with a UTF-8 byte order mark before it (RFC 8259 lets a parser
// ignore it), and still refuses a mark inside the JSON or a second one.
func TestJSONBodyAfterByteOrderMark(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	const text = `{"text": "Bonjour, comment renouveler mon passeport ?"}`
	tests := []struct {
		name   string
		body   string
		status int
		code   string
	}{
		{"plain", text, http.StatusOK, ""},
		{"after a byte order mark", "\uFEFF" + text, http.StatusOK, ""},
		{"two byte order marks", "\uFEFF\uFEFF" + text, http.StatusBadRequest, "malformed_json"},
		{"a mark inside the object", `{` + "\uFEFF" + `"text": "passeport"}`, http.StatusBadRequest, "malformed_json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := e.do(request{method: "POST", path: "/v1/triage", key: "agent", body: tt.body})
			if r.status != tt.status || r.errorCode() != tt.code {
				t.Errorf("status %d code %q; want %d %q (%s)", r.status, r.errorCode(), tt.status, tt.code, r.body)
			}
		})
	}
}
