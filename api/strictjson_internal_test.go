package api

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

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
			if err := checkJSON([]byte(tc.body), nil); err != nil {
				got = errorResponse(err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("checkJSON(%s) (-want +got):\n%s", tc.body, diff)
			}
		})
	}
}

// fuzzBody is a body type of every shape checkJSON follows: a struct, an
// embedded one, a pointer, slices, a map of structs, an interface and a
// type that decodes itself.
type fuzzBody struct {
	fuzzBase
	Text   string               `json:"text"`
	Rating *int                 `json:"rating"`
	Items  []fuzzItem           `json:"items"`
	ByName map[string]*fuzzItem `json:"by_name"`
	Any    any                  `json:"any"`
	Raw    json.RawMessage      `json:"raw"`
	At     *time.Time           `json:"at"`
}

type fuzzBase struct {
	Kind string `json:"kind"`
}

type fuzzItem struct {
	Label string   `json:"label"`
	Tags  []string `json:"tags"`
}

// FuzzCheckJSON: whatever the body, checkJSON ends without panicking and
// answers nil or a 400 (malformed_json or invalid_text); a body it
// accepts against fuzzBody it accepts without a type (the spelling check
// only refuses more); and a body decoded and encoded again
// by encoding/json (no key twice, no lone surrogate) is accepted without
// a type.
func FuzzCheckJSON(f *testing.F) {
	for _, seed := range []string{
		`{"text": "a", "text": "b"}`, `{"a": [{"k": 1}, {"k": 1, "k": 2}]}`, `{"text": "\ud83d\ude00 \ud800"}`,
		`{"kind": "a", "rating": 4, "items": [{"label": "x", "tags": ["t"]}], "by_name": {"K": {"LABEL": "y"}}}`,
		`{"any": {"x": {"x": 1}}, "raw": {"RAW": 1, "RAW": 2}, "at": "2026-01-01T00:00:00Z"}`,
		`{"a\ud800": 1}`, `"\udc00"`, `[[[{"Text": 1}]]]`, `{"items": null}`, `{`, `{"text": "\\u00"}`,
	} {
		f.Add([]byte(seed))
	}
	typ := reflect.TypeFor[*fuzzBody]()
	f.Fuzz(func(t *testing.T, body []byte) {
		typed, free := checkJSON(body, typ), checkJSON(body, nil)
		for _, err := range []error{typed, free} {
			if err == nil {
				continue
			}
			e, ok := err.(*Error)
			if !ok || e.Status != 400 || (e.Code != "malformed_json" && e.Code != "invalid_text") {
				t.Fatalf("checkJSON(%q) = %#v, want nil or a 400", body, err)
			}
		}
		if typed == nil && free != nil {
			t.Errorf("checkJSON(%q) accepts it against fuzzBody and refuses it untyped: %v", body, free)
		}
		var v any
		if json.Unmarshal(body, &v) != nil {
			return
		}
		again, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if err := checkJSON(again, nil); err != nil {
			t.Errorf("checkJSON(%s), encoding/json's own output: %v", again, err)
		}
	})
}
