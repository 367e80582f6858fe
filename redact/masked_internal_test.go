package redact

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestMaskedKeepsKnownValuesInsideKeptSpans: under a policy that keeps a
// type, a known value inside a span of that type is still masked (merged
// first, the kept span took it in and dropped it).
func TestMaskedKeepsKnownValuesInsideKeptSpans(t *testing.T) {
	t.Parallel()
	policy, err := ParsePolicy("SANTE=keep")
	if err != nil {
		t.Fatal(err)
	}
	s := NewSession(policy)
	detected := []cand{{start: 0, end: 30, typ: "SANTE", conf: 0.9}, {start: 40, end: 50, typ: "TEL", conf: 0.9}}
	known := []cand{{start: 12, end: 20, typ: "NOM", conf: 1}}
	got := s.masked(detected, known)
	want := []cand{{start: 12, end: 20, typ: "NOM", conf: 1}, {start: 40, end: 50, typ: "TEL", conf: 0.9}}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(cand{})); diff != "" {
		t.Errorf("masked (-want +got):\n%s", diff)
	}
}
