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

// scored is a message with the verdict of a model trained without its
// fold, and the scores it was read from.
type scored struct {
	labelled
	fold int
	verdict
	model *model
	msg   *message
	raw   []float64 // the scores before shrink, nil for a foreign message
}

// leaveOneRoundOut scores the messages of each fold with a model trained
// on the other folds; the verdicts are read with no shrink (see
// atEvidence).
func leaveOneRoundOut(folds []trainingFold, settings trainSettings) []scored {
	var out []scored
	for k, f := range folds {
		var train []labelled
		for j, g := range folds {
			if j != k {
				train = append(train, g.msgs...)
			}
		}
		m := foldModel(train, settings)
		for _, l := range f.msgs {
			x := scored{labelled: l, fold: k, model: m, msg: newMessage(l.Text, evalNow)}
			if !x.msg.foreign() {
				x.raw = m.scores(vectorize(x.msg.foldedText(), m.rows))
			}
			out = append(out, x)
		}
	}
	return atEvidence(out, 0)
}

// atEvidence returns ss with every verdict read at evidence k (see
// model.shrink), by the model of its fold.
func atEvidence(ss []scored, k float64) []scored {
	out := slices.Clone(ss)
	for i := range out {
		x := &out[i]
		if x.raw == nil {
			x.verdict = x.model.reading(x.msg)
			continue
		}
		m := *x.model
		m.header.Evidence = k
		x.verdict = m.verdictOf(m.shrink(slices.Clone(x.raw), x.msg.evidence), x.msg)
	}
	return out
}

// outOfFold is what leave-one-round-out chooses: the evidence, then the
// thresholds, with the verdicts read at that evidence and the lexicon's
// level of each message.
type outOfFold struct {
	ss       []scored
	lex      map[string]Level
	evidence float64
	th       thresholds
}

// chooseOutOfFold chooses the evidence (chooseEvidence), then the
// thresholds (chooseThresholds), for the out-of-fold scores ss.
func chooseOutOfFold(ss []scored) outOfFold {
	lex := lexiconLevels(ss)
	k := chooseEvidence(ss, lex, training)
	ss = atEvidence(ss, k)
	return outOfFold{ss: ss, lex: lex, evidence: k, th: chooseThresholds(ss, lex, training)}
}

// evidenceGrid are the values of Evidence leave-one-round-out chooses
// from; 0 leaves scores as they are.
var evidenceGrid = []float64{0, 1, 2, 3, 5, 8, 12, 20}

// chooseEvidence returns the value of evidenceGrid under which the
// classifier alone, its thresholds chosen out of fold for that value
// (chooseThresholds: the same share of routine messages raised), finds
// the most messages needing attention and urgent messages out of fold;
// the smaller value on a tie. lex holds the lexicon's level of each
// message.
func chooseEvidence(ss []scored, lex map[string]Level, s trainSettings) float64 {
	best, top := 0.0, -1
	for _, k := range evidenceGrid {
		at := atEvidence(ss, k)
		th := chooseThresholds(at, lex, s)
		found := 0
		for _, x := range at {
			l, _ := x.levelAt(th, Routine)
			found += b2i(x.Level != Routine && l != Routine) + b2i(x.Level == Urgent && l == Urgent)
		}
		if found > top {
			best, top = k, found
		}
	}
	return best
}

// chooseThresholds returns, out of fold, the lowest urgent threshold that
// makes urgent at most maxAttentionUrgent of the attention messages and a
// third of the routine messages maxRoutineRaised allows, then the lowest
// needs threshold that raises at most maxRoutineRaised of the routine
// messages in all, then the veto threshold (chooseVeto), then the lowest
// flagged threshold that makes urgent at most maxFlaggedUrgent of the
// attention messages it decides (lex holds the lexicon's level of each
// message): those flaggedDecides selects under the first thresholds, no
// other.
func chooseThresholds(ss []scored, lex map[string]Level, s trainSettings) thresholds {
	th := thresholds{flagged: math.Inf(1), veto: math.Inf(-1)}
	th.needs, th.urgent = chooseNeedsUrgent(ss, s.maxRoutineRaised, s.maxAttentionUrgent)
	th.veto = chooseVeto(ss, lex, s.maxVetoLost)
	var flagged []float64
	for _, x := range ss {
		l := lex[x.ID]
		if x.vetoes(th, l) {
			l = Routine
		}
		if x.Level == Attention && x.flaggedDecides(x.model, th, l) {
			flagged = append(flagged, x.urgent)
		}
	}
	th.flagged = allowAbove(flagged, int(s.maxFlaggedUrgent*float64(len(flagged))))
	return th
}

// chooseVeto returns, out of fold, the highest veto threshold under which
// fall the veto scores of at most maxLost of the messages needing
// attention that the lexicon gives attention (not foreign).
func chooseVeto(ss []scored, lex map[string]Level, maxLost float64) float64 {
	var xs []float64
	for _, x := range ss {
		if x.Level != Routine && lex[x.ID] == Attention && !x.foreign {
			xs = append(xs, -x.veto)
		}
	}
	return -allowAbove(xs, int(maxLost*float64(len(xs))))
}

// chooseNeedsUrgent returns the needs and urgent thresholds (see
// chooseThresholds).
func chooseNeedsUrgent(ss []scored, maxRaised, maxUrgent float64) (needs, urgent float64) {
	var routineUrgent, attentionUrgent []float64
	for _, s := range ss {
		switch {
		case s.urgentCode < 0:
		case s.Level == Routine:
			routineUrgent = append(routineUrgent, s.urgent)
		case s.Level == Attention:
			attentionUrgent = append(attentionUrgent, s.urgent)
		}
	}
	nRoutine := 0
	for _, s := range ss {
		nRoutine += b2i(s.Level == Routine)
	}
	budget := int(maxRaised * float64(nRoutine))
	urgent = max(allowAbove(routineUrgent, budget/3), allowAbove(attentionUrgent, int(maxUrgent*float64(len(attentionUrgent)))))
	var routine []float64
	for _, s := range ss {
		if s.Level != Routine || s.urgent > urgent && s.urgentCode >= 0 {
			budget -= b2i(s.Level == Routine)
			continue
		}
		if !s.foreign {
			routine = append(routine, s.needs)
		}
	}
	return allowAbove(routine, max(budget, 0)), urgent
}

// levelAt is the level the classifier gives s under th, with the lexicon
// giving lex (Routine for the classifier alone), and the code of its
// reason.
func (s scored) levelAt(th thresholds, lex Level) (Level, string) {
	if s.vetoes(th, lex) {
		lex = Routine
	}
	l, j := s.decide(s.model, th, lex)
	if j < 0 {
		return Max(l, lex), ""
	}
	return Max(l, lex), s.model.header.Models[j]
}

// allowAbove returns the value that at most n of xs exceed.
func allowAbove(xs []float64, n int) float64 {
	if len(xs) == 0 {
		return math.Inf(-1)
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	slices.Reverse(s)
	return s[min(len(s)-1, n)]
}

// TestLeaveOneRoundOut reports the classifier on each fold with a model
// trained on the others (the tuning half, the training rounds, the long
// messages spread over them), alone and with the lexicon, and checks that
// the thresholds in model.bin are the ones this chooses.
// PLUME_TRIAGE_LOO=1 runs it; go generate ./triage runs the same folds.
// The lexicon was widened with every round in view: with it, only the
// rounds read with the lexicon as it was before each
// (testdata/holdout/lexicon_before.json: rounds 3 to 16, rounds 10 to 14
// with the lexicon measured on them, rounds 15 and 16 with the lexicon
// before the session that measured each) are out of sample.
func TestLeaveOneRoundOut(t *testing.T) {
	if os.Getenv("PLUME_TRIAGE_LOO") == "" {
		t.Skip("trains a model per fold (several minutes): set PLUME_TRIAGE_LOO=1")
	}
	folds := trainingFolds(t)
	r := chooseOutOfFold(leaveOneRoundOut(folds, training))
	if got, k := defaultModel().thresholds(), defaultModel().header.Evidence; !sameThresholds(got, r.th) || k != r.evidence {
		t.Errorf("model.bin thresholds %+v, evidence %g; leave-one-round-out chooses %+v, %g: run go generate ./triage", got, k, r.th, r.evidence)
	}
	t.Logf("evidence %g, thresholds: needs %.3f, urgent %.3f, flagged %.3f, veto %.3f", r.evidence, r.th.needs, r.th.urgent, r.th.flagged, r.th.veto)
	logFolds(t, folds, r.ss, r.lex, lexiconBefore(t), r.th)
}

// sameThresholds reports whether a and b are equal but for rounding.
func sameThresholds(a, b thresholds) bool {
	x, y := [...]float64{a.needs, a.urgent, a.flagged, a.veto}, [...]float64{b.needs, b.urgent, b.flagged, b.veto}
	for i := range x {
		if math.Abs(x[i]-y[i]) > 1e-9 {
			return false
		}
	}
	return true
}

// lexiconLevels returns the level the lexicon alone gives each message.
func lexiconLevels(ss []scored) map[string]Level {
	out := make(map[string]Level, len(ss))
	for _, s := range ss {
		out[s.ID] = assessLexiconOnly(s.labelled).Level
	}
	return out
}

// logFolds prints the figures of each fold under the thresholds: the
// classifier alone, with the lexicon now (lex) and with the lexicon as it
// was before the round (before), and the keyword baseline beside them;
// then the rounds written in parts, each taken together, the tuning
// halves of the honest rounds trained on (trainedHonestRounds) taken
// together without the messages spread over their folds, and all folds.
func logFolds(t *testing.T, folds []trainingFold, ss []scored, lex, before map[string]Level, th thresholds) {
	t.Logf("  %-12s %5s  %-17s  %-17s  %-17s  %-17s", "fold", "n", "classifier alone", "with lexicon now", "with lexicon then", "keywords")
	var pooled, honest foldFigures
	groups := map[string]*foldFigures{}
	own := ownMessages(t, ss)
	for k, f := range folds {
		rows := figuresOf(ss, k, th, lex, before)
		pooled.add(rows)
		if strings.HasSuffix(f.name, " tuning") {
			honest.add(figuresOf(own, k, th, lex, before))
		}
		if g := strings.TrimRight(f.name, "abc"); g != f.name {
			if groups[g] == nil {
				groups[g] = &foldFigures{}
			}
			groups[g].add(rows)
		}
		rows.log(t, f.name)
	}
	for _, g := range trainingRoundGroups {
		if groups[g] != nil {
			groups[g].log(t, g)
		}
	}
	if len(honest[0]) > 0 {
		honest.log(t, "honest tuning")
	}
	pooled.log(t, "all")
	t.Log("  (urgent recall / needs-attention recall / routine kept)")
	logClassifier(t, ss, th, lex)
}

// ownMessages returns the messages of ss that are their fold's own, not
// spread over the folds (spreadPaths).
func ownMessages(t *testing.T, ss []scored) []scored {
	t.Helper()
	spread := map[string]bool{}
	for _, p := range spreadPaths {
		for _, m := range loadJSONL(t, p) {
			spread[m.ID] = true
		}
	}
	var out []scored
	for _, x := range ss {
		if !spread[x.ID] {
			out = append(out, x)
		}
	}
	return out
}

// foldFigures are the levels of a fold's messages: the classifier alone,
// with the lexicon now, with the lexicon then, and the keywords'.
type foldFigures [4][]levelPair

func (f *foldFigures) add(g foldFigures) {
	for i := range f {
		f[i] = append(f[i], g[i]...)
	}
}

func (f foldFigures) log(t *testing.T, name string) {
	t.Helper()
	t.Logf("  %-12s %5d  %s  %s  %s  %s", name, len(f[0]), recalls(f[0]), recalls(f[1]), recalls(f[2]), recalls(f[3]))
}

// figuresOf returns the figures of fold k.
func figuresOf(ss []scored, k int, th thresholds, lex, before map[string]Level) foldFigures {
	var rows foldFigures
	for _, s := range ss {
		if s.fold != k {
			continue
		}
		clf, _ := s.levelAt(th, Routine)
		both, _ := s.levelAt(th, lex[s.ID])
		rows[0] = append(rows[0], levelPair{s.Level, clf})
		rows[1] = append(rows[1], levelPair{s.Level, both})
		rows[3] = append(rows[3], levelPair{s.Level, naive(s.labelled).Level})
		if old, ok := before[s.ID]; ok {
			then, _ := s.levelAt(th, old)
			rows[2] = append(rows[2], levelPair{s.Level, then})
		}
	}
	return rows
}

// logClassifier prints how often the classifier's reason is an expected
// one, and the figures of the long messages.
func logClassifier(t *testing.T, ss []scored, th thresholds, lex map[string]Level) {
	t.Helper()
	var long [3][]levelPair
	var raised, right int
	for _, s := range ss {
		clf, code := s.levelAt(th, Routine)
		if strings.HasPrefix(s.ID, "rag-") {
			both, _ := s.levelAt(th, lex[s.ID])
			long[0] = append(long[0], levelPair{s.Level, clf})
			long[1] = append(long[1], levelPair{s.Level, both})
			long[2] = append(long[2], levelPair{s.Level, lex[s.ID]})
		}
		if s.Level != Routine && clf != Routine {
			raised++
			right += b2i(slices.Contains(s.Reasons, code))
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
// to 16 as it was frozen before the round was written (rounds 10 to 14:
// the lexicon they were measured with as honest rounds; round 15: main at
// 08047a0, round 16: main at 98bb836, the "before" of their sessions).
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
