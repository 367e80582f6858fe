package rag_test

import (
	"encoding/json"
	"errors"
	"os"
	"slices"
	"testing"

	"github.com/plume-sp/plume/rag"
)

// labelled is a message's candidate signals and the answer it should get
// (0: none), with the message's id and the third of the fiches whose
// answers were active.
type labelled struct {
	want  int64
	cands []rag.CandidateFeatures
	msg   string
	third int
}

// tune searches the weights and the thresholds on the tuning halves of
// every message file (messageFiles) only, with the answers of each third
// of the fiches in turn (e has an answer for
// every fiche), for the weighted mean (session 22's logistic models,
// modelMatch, are fitted by scripts/answermodel_fit.py on the same set,
// written out by PLUME_ANSWER_DUMP). The rule, written before any result: the most right
// answers first with none shown for at least 97 % of the messages that
// have none (then the most none shown), rag.CalibrateAnswers picking the
// thresholds and margin of each weighting. From each start (the matching in
// use, and the earlier pooled pick: question's words 1, message's words 4,
// text cosine 2, sources 2), every semantic weight in 0, 1, 2, 4, 8, then
// coordinate ascent over all nine weights in 0, 0.5, 1, 2, 4, 8 from the
// best until none gains.
func (e *answerEval) tune(t *testing.T) {
	set := e.tuningSet(t)
	pooled := rag.AnswerMatch{QuestionWords: 1, MessageWords: 4, TextCosine: 2, SourceFound: 2,
		AgreedPlaces: weightedMeanMatch.AgreedPlaces, AgreedShare: weightedMeanMatch.AgreedShare}
	var best rag.AnswerMatch
	var bestScore answerScore
	for _, start := range []rag.AnswerMatch{weightedMeanMatch, pooled} {
		for _, w := range weightGrid([]float64{0, 1, 2, 4, 8}, 3) {
			m := start
			m.SemanticQuestion, m.SemanticText, m.SemanticSource = w[0], w[1], w[2]
			if m, s := thresholded(t, set, m); better(s, bestScore) {
				best, bestScore = m, s
			}
		}
	}
	t.Logf("best of the semantic grid: %+v: %s", best, bestScore)
	best, bestScore = ascend(t, set, best, bestScore, 9)
	t.Logf("tuned on the tuning half, three thirds in turn: %+v: %s", best, bestScore)
	plain, plainScore := thresholded(t, set, withWeights(weightedMeanMatch, []float64{1, 1, 2, 2, 2, 1, 0, 0, 0}))
	plain, plainScore = ascend(t, set, plain, plainScore, 6)
	t.Logf("the same without the semantic model's signals, from the matching of 2026-11-30: %+v: %s", plain, plainScore)
	t.Logf("the matching in use there: %s; without the short-request rule: %s", scoreSet(set, rag.DefaultAnswerMatch),
		scoreSet(set, weightedMeanMatch))
	model, modelScore := thresholded(t, set, modelMatch)
	t.Logf("session 22's logistic models, threshold chosen by the rule: %.2f, margin %.2f: %s", model.Threshold, model.Margin, modelScore)
	for _, m := range []rag.AnswerMatch{weightedMeanMatch, pooled, best, plain} {
		m.SemanticQuestion, m.SemanticText, m.SemanticSource = 0, 0, 0
		m, s := thresholded(t, set, m)
		t.Logf("without the semantic signals, thresholds chosen by the same rule: %+v: %s", m, s)
		m.AgreedPlaces = 0
		m, s = thresholded(t, set, m)
		t.Logf("same, one threshold whatever the search found: %+v: %s", m, s)
	}
	base, s := thresholded(t, set, baselineAnswerMatch)
	t.Logf("baseline (the question's words alone): threshold %.2f, margin %.2f (baselineAnswerMatch has %.2f, %.2f): %s",
		base.Threshold, base.Margin, baselineAnswerMatch.Threshold, baselineAnswerMatch.Margin, s)
	best.Threshold, best.AgreedThreshold, best.Margin = 0, 0, 0
	t.Logf("same weights, no threshold (ranking alone): %s", scoreSet(set, best))
	agreedShares(t, set)
}

// agreedShares reports the weighted mean in use until 2026-12-03 with the
// least fused share of an agreed source below the first place
// (AgreedShare) in turn, the thresholds chosen by the same rule (0: the
// place alone).
func agreedShares(t *testing.T, set []labelled) {
	for _, share := range []float64{0, 0.5, 0.6, 0.7, 0.75, 0.8, 0.9, 1} {
		m := weightedMeanMatch
		m.AgreedShare = share
		m, s := thresholded(t, set, m)
		t.Logf("agreed below the first place from a share of %.2f: threshold %.2f, agreed %.2f, margin %.2f: %s",
			share, m.Threshold, m.AgreedThreshold, m.Margin, s)
	}
}

// tuningSet is the candidates' signals of every tuning-half message of
// every message file, with the answers of each third of the fiches in
// turn.
func (e *answerEval) tuningSet(t *testing.T) []labelled {
	var set []labelled
	for third := range 3 {
		e.useThird(t, third)
		set = append(set, e.labelledHalf(t, e.pooled, "tuning")...)
	}
	return set
}

// better says whether s beats best under the tuning rule (CalibrateAnswers
// already holds the none-shown floor).
func better(s, best answerScore) bool {
	return s.rightFirst > best.rightFirst || (s.rightFirst == best.rightFirst && s.noneShown > best.noneShown)
}

// thresholded returns m with the thresholds and margin the rule picks for
// its weights, and what they do.
func thresholded(t *testing.T, set []labelled, m rag.AnswerMatch) (rag.AnswerMatch, answerScore) {
	m.Max = 3
	examples := make([]rag.AnswerExample, len(set))
	for i, l := range set {
		if l.want != 0 {
			examples[i] = rag.NewAnswerExample(l.cands, l.want)
		} else {
			examples[i] = rag.NewAnswerExample(l.cands)
		}
	}
	c, err := rag.CalibrateAnswers(m, examples)
	if errors.Is(err, rag.ErrInvalid) {
		return m, answerScore{}
	}
	if err != nil {
		t.Fatal(err)
	}
	return c.Apply(m), answerScore{c.WithAnswer, c.RightFirst, c.Without, c.NoneShown}
}

// ascend moves one of the first n weights at a time to the value that
// scores best, until no move gains.
func ascend(t *testing.T, set []labelled, m rag.AnswerMatch, score answerScore, n int) (rag.AnswerMatch, answerScore) {
	for improved := true; improved; {
		improved = false
		for i := range n {
			for _, v := range []float64{0, 0.5, 1, 2, 4, 8} {
				w := weightsOf(m)
				w[i] = v
				if c, s := thresholded(t, set, withWeights(m, w)); better(s, score) {
					m, score, improved = c, s, true
				}
			}
		}
	}
	return m, score
}

// weightsOf returns the nine weights of m.
func weightsOf(m rag.AnswerMatch) []float64 {
	return []float64{m.QuestionWords, m.FocusWords, m.MessageWords, m.QuestionCosine, m.TextCosine, m.SourceFound,
		m.SemanticQuestion, m.SemanticText, m.SemanticSource}
}

// withWeights returns m with the nine weights w.
func withWeights(m rag.AnswerMatch, w []float64) rag.AnswerMatch {
	m.QuestionWords, m.FocusWords, m.MessageWords, m.QuestionCosine, m.TextCosine, m.SourceFound = w[0], w[1], w[2], w[3], w[4], w[5]
	m.SemanticQuestion, m.SemanticText, m.SemanticSource = w[6], w[7], w[8]
	return m
}

// weightGrid returns every n weights taken from values.
func weightGrid(values []float64, n int) [][]float64 {
	if n == 0 {
		return [][]float64{nil}
	}
	var out [][]float64
	for _, rest := range weightGrid(values, n-1) {
		for _, v := range values {
			out = append(out, append(slices.Clone(rest), v))
		}
	}
	return out
}

// scoreSet is what m shows first on the set, as matching does.
func scoreSet(set []labelled, m rag.AnswerMatch) answerScore {
	var s answerScore
	for _, l := range set {
		first := m.First(l.cands)
		if l.want != 0 {
			s.withAnswer++
			if first == l.want {
				s.rightFirst++
			}
		} else {
			s.without++
			if first == 0 {
				s.noneShown++
			}
		}
	}
	return s
}

// dump writes the candidates' signals of every tuning-half message, with
// the answers of each third in turn (tuningSet), as JSON lines to path:
// for studying the misses (PLUME_ANSWER_DUMP). The test half is never
// written.
func (e *answerEval) dump(t *testing.T, path string) {
	type cand struct {
		ID      int64              `json:"id"`
		Signals map[string]float64 `json:"s"`
	}
	type line struct {
		Msg   string `json:"msg"`
		Third int    `json:"third"`
		Want  int64  `json:"want"`
		Cands []cand `json:"cands"`
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	for _, l := range e.tuningSet(t) {
		out := line{Msg: l.msg, Third: l.third, Want: l.want, Cands: []cand{}}
		for _, c := range l.cands {
			out.Cands = append(out.Cands, cand{c.ID, c.Signals()})
		}
		if err := enc.Encode(out); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}
