package api

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestCheckStrictJSON: a key twice in one object, at any depth, and a lone
// UTF-16 surrogate escaped in a key or a value are refused, naming where;
// pairs, a literal « \u » (an escaped backslash) and the same key in two
// objects are not.
func TestCheckStrictJSON(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, body string
		want       *Error
	}{
		{"plain", `{"text": "a", "tags": ["x", "y"]}`, nil},
		{"pair", `{"text": "\ud83d\ude00 \uD83D\uDE00"}`, nil},
		{"escaped backslash", `{"text": "\\ud800 \\\ud83d\ude00"}`, nil},
		{"U+FFFD as such", `{"text": "\ufffd �"}`, nil},
		{"same key in two objects", `{"a": {"k": 1}, "b": {"k": 2}, "c": [{"k": 1}, {"k": 2}]}`, nil},
		{"duplicate", `{"text": "a", "text": "b"}`,
			errorf(400, "malformed_json", `the body holds the key "text" twice (byte 14): send each field once`)},
		{"duplicate after a nested object", `{"a": {"text": 1}, "b": 2, "a": 3}`,
			errorf(400, "malformed_json", `the body holds the key "a" twice (byte 27): send each field once`)},
		{"nested duplicate", `{"a": [{"k": 1}, {"k": 1, "k": 2}]}`,
			errorf(400, "malformed_json", `a[1] holds the key "k" twice (byte 26): send each field once`)},
		{"lone high", `{"text": "a\ud800b"}`,
			errorf(400, "invalid_text", "text holds a lone UTF-16 surrogate (byte 11): escape a character outside the BMP as a pair")},
		{"lone low", `{"text": "\udc00"}`,
			errorf(400, "invalid_text", "text holds a lone UTF-16 surrogate (byte 10): escape a character outside the BMP as a pair")},
		{"reversed pair", `{"text": "\ude00\ud83d"}`,
			errorf(400, "invalid_text", "text holds a lone UTF-16 surrogate (byte 10): escape a character outside the BMP as a pair")},
		{"high at the end", `{"tags": ["ok", "x\ud83d"]}`,
			errorf(400, "invalid_text", "tags[1] holds a lone UTF-16 surrogate (byte 18): escape a character outside the BMP as a pair")},
		{"in a nested value", `{"a": {"b": "\udfff"}}`,
			errorf(400, "invalid_text", "a.b holds a lone UTF-16 surrogate (byte 13): escape a character outside the BMP as a pair")},
		{"in a key", `{"a\ud800": 1}`,
			errorf(400, "invalid_text", "a key of the body holds a lone UTF-16 surrogate (byte 3): escape a character outside the BMP as a pair")},
		{"top-level string", `"\ud800"`,
			errorf(400, "invalid_text", "the body holds a lone UTF-16 surrogate (byte 1): escape a character outside the BMP as a pair")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got *Error
			if err := checkStrictJSON([]byte(tc.body)); err != nil {
				got = errorResponse(err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("checkStrictJSON(%s) (-want +got):\n%s", tc.body, diff)
			}
		})
	}
}
