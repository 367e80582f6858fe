package triage

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"testing"
)

// scored is a message with the scores of a model trained without its
// fold.
type scored struct {
	labelled
	fold  int
	needs float64
	level Level  // were it to need attention
	code  string // its reason then
}

// leaveOneRoundOut scores the messages of each fold with a model trained
// on the other folds.
func leaveOneRoundOut(folds []trainingFold) []scored {
	var out []scored
	for k, f := range folds {
		var train []labelled
		for j, g := range folds {
			if j != k {
				train = append(train, g.msgs...)
			}
		}
		m := trainModel(train)
		for _, l := range f.msgs {
			needs, level, j := m.reading(newMessage(l.Text, evalNow))
			var code string
			if j >= 0 {
				code = m.header.Models[j]
			}
			out = append(out, scored{l, k, needs, level, code})
		}
	}
	return out
}

// chooseThreshold returns the lowest needs threshold that, out of fold,
// raises at most maxRoutineRaised of the routine messages.
func chooseThreshold(ss []scored) float64 {
	var routine []float64
	for _, s := range ss {
		if s.Level == Routine {
			routine = append(routine, s.needs)
		}
	}
	return allowAbove(routine, int(maxRoutineRaised*float64(len(routine))))
}

// levelAt is the level the classifier alone gives s under threshold.
func (s scored) levelAt(threshold float64) Level {
	if s.needs > threshold {
		return s.level
	}
	return Routine
}

// allowAbove returns the value that at most n of xs exceed.
func allowAbove(xs []float64, n int) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	slices.Reverse(s)
	return s[min(len(s)-1, n)]
}

// TestLeaveOneRoundOut reports the classifier on each fold with a model
// trained on the others (the tuning half, rounds 1 to 6, the long
// messages spread over them), alone and with the lexicon, and checks that
// the threshold in model.bin is the one this chooses. PLUME_TRIAGE_LOO=1
// runs it; go generate ./triage runs the same folds. The lexicon was
// widened with every round in view: with it, only rounds 3 to 6 read with
// the lexicon as it was before each (testdata/holdout/lexicon_before.json)
// are out of sample.
func TestLeaveOneRoundOut(t *testing.T) {
	if os.Getenv("PLUME_TRIAGE_LOO") == "" {
		t.Skip("trains seven models (a minute or more): set PLUME_TRIAGE_LOO=1")
	}
	folds := trainingFolds(t)
	ss := leaveOneRoundOut(folds)
	threshold := chooseThreshold(ss)
	if got := defaultModel().header.NeedsThreshold; math.Abs(got-threshold) > 1e-9 {
		t.Errorf("model.bin threshold %.4f, leave-one-round-out chooses %.4f: run go generate ./triage", got, threshold)
	}
	before := lexiconBefore(t)
	t.Logf("needs threshold %.3f", threshold)
	t.Logf("  %-12s %5s  %-17s  %-17s  %-17s", "fold", "n", "classifier alone", "with lexicon now", "with lexicon then")
	var pooled, long [3][]levelPair
	for k, f := range folds {
		var rows [3][]levelPair
		for _, s := range ss {
			if s.fold != k {
				continue
			}
			clf := s.levelAt(threshold)
			rows[0] = append(rows[0], levelPair{s.Level, clf})
			rows[1] = append(rows[1], levelPair{s.Level, Max(clf, assessLexiconOnly(s.labelled).Level)})
			if old, ok := before[s.ID]; ok {
				rows[2] = append(rows[2], levelPair{s.Level, Max(clf, old)})
			}
		}
		for i := range rows {
			pooled[i] = append(pooled[i], rows[i]...)
		}
		for _, s := range ss {
			if s.fold == k && strings.HasPrefix(s.ID, "rag-") {
				clf := s.levelAt(threshold)
				long[0] = append(long[0], levelPair{s.Level, clf})
				long[1] = append(long[1], levelPair{s.Level, Max(clf, assessLexiconOnly(s.labelled).Level)})
				long[2] = append(long[2], levelPair{s.Level, assessLexiconOnly(s.labelled).Level})
			}
		}
		t.Logf("  %-12s %5d  %s  %s  %s", f.name, len(f.msgs), recalls(rows[0]), recalls(rows[1]), recalls(rows[2]))
	}
	t.Logf("  %-12s %5d  %s  %s  %s", "all", len(ss), recalls(pooled[0]), recalls(pooled[1]), recalls(pooled[2]))
	t.Log("  (urgent recall / needs-attention recall / routine kept)")
	var raised, right int
	for _, s := range ss {
		if s.Level != Routine && s.levelAt(threshold) != Routine {
			raised++
			right += b2i(slices.Contains(s.Reasons, s.code))
		}
	}
	t.Logf("  the classifier's reason is an expected one for %d of the %d messages needing attention it raises", right, raised)
	t.Logf("  long messages (%d, in the folds above): classifier alone %s, with the lexicon %s, lexicon alone %s",
		len(long[0]), recalls(long[0]), recalls(long[1]), recalls(long[2]))
}

// levelPair is a message's level and the level a triage gave it.
type levelPair struct{ want, got Level }

// recalls formats urgent recall, needs-attention recall and routine kept.
func recalls(ps []levelPair) string {
	if len(ps) == 0 {
		return "       -         "
	}
	var n, hit [3]int
	for _, p := range ps {
		switch p.want {
		case Urgent:
			n[0]++
			hit[0] += b2i(p.got == Urgent)
			fallthrough
		case Attention:
			n[1]++
			hit[1] += b2i(p.got != Routine)
		default:
			n[2]++
			hit[2] += b2i(p.got == Routine)
		}
	}
	return fmtRatio(hit[0], n[0]) + " " + fmtRatio(hit[1], n[1]) + " " + fmtRatio(hit[2], n[2])
}

func fmtRatio(a, b int) string {
	if b == 0 {
		return "  -  "
	}
	return fmt.Sprintf("%.3f", ratio(a, b))
}

// lexiconBefore reads the level the lexicon gave each message of rounds 3
// to 6 as it was frozen before the round was written.
func lexiconBefore(t *testing.T) map[string]Level {
	b, err := os.ReadFile("testdata/holdout/lexicon_before.json")
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]Level
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}
