package rag_test

import (
	"context"
	"slices"
	"testing"

	"github.com/plume-sp/plume/rag"
)

// labelled is a message's candidate signals and the answer it should get
// (0: none).
type labelled struct {
	want  int64
	cands []rag.CandidateFeatures
}

// tune searches the weights and the threshold on the tuning half only,
// with the answers of each third of the fiches in turn (e has an answer for
// every fiche). The rule, written before any result: the most right
// answers first with none shown for at least 97 % of the messages that
// have none (then the most none shown). From each start (the matching in
// use, and the earlier pooled pick: question's words 1, message's words 4,
// text cosine 2, sources 2), every semantic weight in 0, 1, 2, 4, 8, then
// coordinate ascent over all nine weights in 0, 0.5, 1, 2, 4, 8 from the
// best until none gains.
func (e *answerEval) tune(t *testing.T) {
	set := e.tuningSet(t)
	pooled := rag.AnswerMatch{QuestionWords: 1, MessageWords: 4, TextCosine: 2, SourceFound: 2}
	var best rag.AnswerMatch
	var bestScore answerScore
	for _, start := range []rag.AnswerMatch{rag.DefaultAnswerMatch, pooled} {
		for _, w := range weightGrid([]float64{0, 1, 2, 4, 8}, 3) {
			m := start
			m.SemanticQuestion, m.SemanticText, m.SemanticSource = w[0], w[1], w[2]
			if m, s := thresholded(set, m); better(s, bestScore) {
				best, bestScore = m, s
			}
		}
	}
	t.Logf("best of the semantic grid: %+v: %s", best, bestScore)
	best, bestScore = ascend(set, best, bestScore)
	t.Logf("tuned on the tuning half, three thirds in turn: %+v: %s", best, bestScore)
	t.Logf("the matching in use there: %s", scoreTops(topsOf(set, rag.DefaultAnswerMatch), rag.DefaultAnswerMatch.Threshold,
		rag.DefaultAnswerMatch.Margin))
	for _, m := range []rag.AnswerMatch{rag.DefaultAnswerMatch, pooled} {
		m.SemanticQuestion, m.SemanticText, m.SemanticSource = 0, 0, 0
		m, s := thresholded(set, m)
		t.Logf("without the semantic signals, threshold chosen by the same rule: %+v: %s", m, s)
	}
	base := baselineAnswerMatch
	base.Threshold, base.Margin = 0, 0
	th, margin, s := bestThreshold(topsOf(set, base))
	t.Logf("baseline (the question's words alone): threshold %.2f, margin %.2f (baselineAnswerMatch has %.2f, %.2f): %s",
		th, margin, baselineAnswerMatch.Threshold, baselineAnswerMatch.Margin, s)
	best.Threshold, best.Margin = 0, 0
	t.Logf("same weights, no threshold (ranking alone): %s", scoreSet(set, best))
}

// tuningSet is the candidates' signals of every tuning-half message, with
// the answers of each third of the fiches in turn.
func (e *answerEval) tuningSet(t *testing.T) []labelled {
	var set []labelled
	for third := range 3 {
		e.useThird(t, third)
		for _, msg := range e.msgs {
			if msg.Half() != "tuning" {
				continue
			}
			cands, err := e.answers.CandidateFeatures(context.Background(), msg.Question)
			if err != nil {
				t.Fatal(err)
			}
			set = append(set, labelled{want: e.wantFor(msg), cands: cands})
		}
	}
	return set
}

// better says whether s beats best under the tuning rule (bestThreshold
// already holds the none-shown floor).
func better(s, best answerScore) bool {
	return s.rightFirst > best.rightFirst || (s.rightFirst == best.rightFirst && s.noneShown > best.noneShown)
}

// thresholded returns m with the threshold and margin the rule picks for
// its weights, and what it does.
func thresholded(set []labelled, m rag.AnswerMatch) (rag.AnswerMatch, answerScore) {
	m.Max = 3
	th, margin, s := bestThreshold(topsOf(set, m))
	m.Threshold, m.Margin = th, margin
	return m, s
}

// ascend moves one weight at a time to the value that scores best, until
// no move gains.
func ascend(set []labelled, m rag.AnswerMatch, score answerScore) (rag.AnswerMatch, answerScore) {
	for improved := true; improved; {
		improved = false
		for i := range len(weightsOf(m)) {
			for _, v := range []float64{0, 0.5, 1, 2, 4, 8} {
				w := weightsOf(m)
				w[i] = v
				if c, s := thresholded(set, withWeights(m, w)); better(s, score) {
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

// bestThreshold returns the threshold and margin that show the most right
// answers first with none shown for at least 97 % of the messages that
// have none (then the most of those), and what they do.
func bestThreshold(tops []top) (threshold, margin float64, best answerScore) {
	for _, mg := range []float64{0, 0.01, 0.02, 0.04, 0.08} {
		for th := 0.1; th < 0.9; th += 0.01 {
			s := scoreTops(tops, th, mg)
			if s.none() >= 0.97 && (s.rightFirst > best.rightFirst || (s.rightFirst == best.rightFirst && s.noneShown > best.noneShown)) {
				threshold, margin, best = th, mg, s
			}
		}
	}
	return threshold, margin, best
}

// top is, for one message, its best candidate, the best and second
// scores, and the answer it should get.
type top struct {
	id, want     int64
	best, second float64
}

func topsOf(set []labelled, m rag.AnswerMatch) []top {
	out := make([]top, len(set))
	for i, l := range set {
		t := top{want: l.want}
		for _, c := range l.cands {
			sc := m.Score(c)
			if sc > t.best {
				t.id, t.best, t.second = c.ID, sc, t.best
			} else if sc > t.second {
				t.second = sc
			}
		}
		out[i] = t
	}
	return out
}

func scoreTops(tops []top, threshold, margin float64) answerScore {
	var s answerScore
	for _, t := range tops {
		shown := t.best >= threshold && t.best-t.second >= margin
		if t.want != 0 {
			s.withAnswer++
			if shown && t.id == t.want {
				s.rightFirst++
			}
		} else {
			s.without++
			if !shown {
				s.noneShown++
			}
		}
	}
	return s
}

func scoreSet(set []labelled, m rag.AnswerMatch) answerScore {
	var s answerScore
	for _, l := range set {
		top, topScore := int64(0), -1.0
		for _, c := range l.cands {
			if sc := m.Score(c); sc >= m.Threshold && sc > topScore {
				top, topScore = c.ID, sc
			}
		}
		if l.want != 0 {
			s.withAnswer++
			if top == l.want {
				s.rightFirst++
			}
		} else {
			s.without++
			if top == 0 {
				s.noneShown++
			}
		}
	}
	return s
}
