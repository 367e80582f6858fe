package triage

import (
	"context"
	"os"
	"testing"
)

// TestHoldout reports the figures on testdata/holdout: rounds of 40 to 135
// messages, each written after the lexicon was frozen, in phrasings unlike
// its cues ("il m'a jetée contre le mur", "tout le monde serait mieux sans
// moi"). Rounds 1 to 6 were each measured once, then the lexicon was
// widened with it in view before the next was written; the classifier is
// trained on them: their figures are in-sample. Round 7 was written before
// the classifier, measured once with the lexicon alone and once with the
// classifier: it is the honest estimate, and the only round gated.
// README.md gives the figures each round had when it was first measured.
func TestHoldout(t *testing.T) {
	for _, round := range []string{"round1", "round2", "round3", "round4", "round5", "round6", "round7"} {
		t.Run(round, func(t *testing.T) {
			set := loadJSONL(t, "testdata/holdout/"+round+".jsonl")
			s := logFigures(t, set)
			if os.Getenv("PLUME_TRIAGE_MISSES") != "" && round != "round7" {
				for _, m := range s.misses {
					t.Log("  miss: " + m)
				}
			}
			if s.missingReasons > 0 {
				t.Errorf("%d non-routine assessments without a reason", s.missingReasons)
			}
			if round == "round7" {
				gateRound7(t, s)
			}
		})
	}
}

// assessFull is the triage plume runs; assessLexiconOnly the lexicon
// without the classifier.
func assessFull(m labelled) Assessment { return AssessAt(context.Background(), m.Text, evalNow) }

func assessLexiconOnly(m labelled) Assessment {
	return assessLexicon(newMessage(m.Text, evalNow), m.Text)
}

// logFigures prints the figures of the triage, the lexicon alone and the
// keyword baseline on set, and returns the triage's.
func logFigures(t *testing.T, set []labelled) scores {
	t.Helper()
	s, lex, base := score(set, assessFull), score(set, assessLexiconOnly), score(set, naive)
	t.Logf("%d messages (%d urgent, %d attention, %d routine)", len(set), s.n[Urgent], s.n[Attention], s.n[Routine])
	t.Logf("  %-28s %8s %8s %8s", "", "triage", "lexicon", "keywords")
	t.Logf("  %-28s %8.3f %8.3f %8.3f", "urgent recall", s.urgentRecall, lex.urgentRecall, base.urgentRecall)
	t.Logf("  %-28s %8.3f %8.3f %8.3f", "needs-attention recall", s.needsRecall, lex.needsRecall, base.needsRecall)
	t.Logf("  %-28s %8.3f %8.3f %8.3f", "attention recall", s.attentionRecall, lex.attentionRecall, base.attentionRecall)
	t.Logf("  %-28s %8.3f %8.3f %8.3f", "routine kept routine", s.routineKept, lex.routineKept, base.routineKept)
	t.Logf("  %-28s %8.3f %8.3f", "expected reason codes found", s.reasonRecall, lex.reasonRecall)
	return s
}

// gateRound7 holds round 7 a little under the figures it had when it was
// measured, once, with the classifier (2026-11-30: urgent 0.719,
// needs-attention 0.882, attention 0.972, routine kept 0.896, reasons
// found 0.675).
func gateRound7(t *testing.T, s scores) {
	t.Helper()
	if s.urgentRecall < 0.70 || s.needsRecall < 0.86 || s.attentionRecall < 0.94 || s.routineKept < 0.88 || s.reasonRecall < 0.65 {
		t.Errorf("round 7 under its gates: urgent recall %.3f (want ≥ 0.70), needs-attention recall %.3f (≥ 0.86), "+
			"attention recall %.3f (≥ 0.94), routine kept %.3f (≥ 0.88), reason codes found %.3f (≥ 0.65)",
			s.urgentRecall, s.needsRecall, s.attentionRecall, s.routineKept, s.reasonRecall)
	}
}
