package api

import (
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestCheckKeyNames: a key must be spelt as its field's JSON name, at any
// depth (nested structs, slices, maps' values, embedded structs); a map's
// own keys are free.
func TestCheckKeyNames(t *testing.T) {
	t.Parallel()
	type inner struct {
		Label string `json:"label"`
	}
	type base struct {
		Kind string `json:"kind"`
	}
	type body struct {
		base
		Rating *int             `json:"rating"`
		Items  []inner          `json:"items"`
		ByName map[string]inner `json:"by_name"`
		Plain  string
	}
	for _, tc := range []struct {
		name, body string
		want       *Error
	}{
		{"exact", `{"kind": "a", "rating": 4, "items": [{"label": "x"}], "by_name": {"ANY": {"label": "y"}}, "Plain": "p"}`, nil},
		{"null", `{"items": null, "by_name": null}`, nil},
		{"case", `{"rating": 4, "RATING": 1}`,
			errorf(400, "malformed_json", `the body holds the key "RATING": field names are case-sensitive, write "rating"`)},
		{"embedded", `{"Kind": "a"}`,
			errorf(400, "malformed_json", `the body holds the key "Kind": field names are case-sensitive, write "kind"`)},
		{"in a slice", `{"items": [{"label": "x"}, {"Label": "y"}]}`,
			errorf(400, "malformed_json", `items[1] holds the key "Label": field names are case-sensitive, write "label"`)},
		{"in a map's value", `{"by_name": {"k": {"LABEL": "y"}}}`,
			errorf(400, "malformed_json", `by_name.k holds the key "LABEL": field names are case-sensitive, write "label"`)},
		{"untagged field", `{"plain": "p"}`,
			errorf(400, "malformed_json", `the body holds the key "plain": field names are case-sensitive, write "Plain"`)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got *Error
			if err := checkJSON([]byte(tc.body), reflect.TypeFor[*body]()); err != nil {
				got = err.(*Error)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("checkJSON(%s) (-want +got):\n%s", tc.body, diff)
			}
		})
	}
}
