package triage

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"testing"
)

// TestHoldout reports the figures on testdata/holdout: rounds of 40 to 60
// messages, each written after the lexicon was frozen, in phrasings unlike
// its cues ("il m'a jetée contre le mur", "tout le monde serait mieux sans
// moi"). They are printed, not gated. Each round was measured once, then
// the lexicon was widened with it in view (it is no longer held out) before
// the next was written; the last round is the honest estimate. README.md
// gives the figures each round had when it was first measured.
func TestHoldout(t *testing.T) {
	for _, round := range []string{"round1", "round2", "round3", "round4", "round5", "round6", "round7"} {
		t.Run(round, func(t *testing.T) { holdout(t, "testdata/holdout/"+round+".jsonl") })
	}
}

func holdout(t *testing.T, path string) {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var set []labelled
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var m labelled
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatal(err)
		}
		set = append(set, m)
	}
	s := score(set, func(text string) Assessment { return AssessAt(context.Background(), text, evalNow) })
	base := score(set, naive)
	t.Logf("holdout: %d messages (%d urgent, %d attention, %d routine)", len(set), s.n[Urgent], s.n[Attention], s.n[Routine])
	t.Logf("  %-28s %8s %8s", "", "triage", "keywords")
	t.Logf("  %-28s %8.3f %8.3f", "urgent recall", s.urgentRecall, base.urgentRecall)
	t.Logf("  %-28s %8.3f %8.3f", "needs-attention recall", s.needsRecall, base.needsRecall)
	t.Logf("  %-28s %8.3f %8.3f", "attention recall", s.attentionRecall, base.attentionRecall)
	t.Logf("  %-28s %8.3f %8.3f", "routine kept routine", s.routineKept, base.routineKept)
	t.Logf("  %-28s %8.3f", "expected reason codes found", s.reasonRecall)
	if os.Getenv("PLUME_TRIAGE_MISSES") != "" {
		for _, m := range s.misses {
			t.Log("  miss: " + m)
		}
	}
	if s.missingReasons > 0 {
		t.Errorf("%d non-routine assessments without a reason", s.missingReasons)
	}
}
