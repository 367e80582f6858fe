package triage

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestAnchors(t *testing.T) {
	tests := []struct {
		expr string
		want []string
	}{
		{` suicidaire| (?:me|se) suicider`, []string{"suicidaire", " suicider"}},
		{` coup(?:er|ure)s? `, []string{" coup"}},
		{` (?:[0-9]+|deux) fois`, []string{" fois"}},
		{` a| bcd`, nil},
		{`x*`, nil},
	}
	for _, tc := range tests {
		got := compile(tc.expr).anchors
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("anchors(%q) (-want +got):\n%s", tc.expr, diff)
		}
	}
}

// TestPrefilterKeepsMatches checks, on every rule and every message of the
// evaluation set, that the prefilter never rejects a text the expression
// matches.
func TestPrefilterKeepsMatches(t *testing.T) {
	set := loadSet(t)
	var all []*pattern
	for _, r := range rules {
		all = append(all, r.cue)
		if r.with != nil {
			all = append(all, r.with)
		}
		if r.except != nil {
			all = append(all, r.except)
		}
	}
	all = append(all, nearRe, farRe, nowRe, pastDayRe, dateRe)
	for _, m := range set {
		for _, s := range newMessage(m.Text, evalNow).sentences {
			for _, p := range all {
				if p.re.MatchString(s.folded) && !p.possible(s.folded) {
					t.Errorf("%s: the prefilter of %q rejects %q", m.ID, p.re, s.folded)
				}
			}
		}
	}
}
