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
		{` suicidaire| (?:me|se) suicider`, []string{" suicidaire", " suicider"}},
		{` coup(?:er|ure)s? `, []string{" coup"}},
		{` (?:[0-9]+|deux) fois`, []string{" fois"}},
		{` a| bcd`, nil},
		{` (?:a|b)cde| [x|y]zzz| f\|g`, []string{"cde", "zzz", " f|g"}},
		{`x*`, nil},
	}
	for _, tc := range tests {
		var got []string
		for _, b := range compile(tc.expr).branches {
			if b.anchors == nil {
				got = nil
				break
			}
			got = append(got, b.anchors...)
		}
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
	for _, r := range allRules {
		all = append(all, r.cue)
		if r.with != nil {
			all = append(all, r.with)
		}
		if r.except != nil {
			all = append(all, r.except)
		}
	}
	all = append(all, nearRe, farRe, nowRe, pastDayRe, generalRe)
	for _, m := range set {
		for _, s := range newMessage(m.Text, evalNow).sentences {
			for _, p := range all {
				for _, b := range p.branches {
					if b.re.MatchString(s.folded) && !b.possible(s.folded) {
						t.Errorf("%s: the prefilter of %q rejects %q", m.ID, b.re, s.folded)
					}
				}
			}
		}
	}
}
