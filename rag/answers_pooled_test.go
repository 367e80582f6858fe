package rag_test

import (
	"context"
	"testing"

	"github.com/plume-sp/plume/rag"
)

// loadAllMessages returns the messages of every message file, oldest
// first (messageFiles).
func loadAllMessages(tb testing.TB) []message {
	tb.Helper()
	var out []message
	for _, file := range messageFiles {
		out = append(out, loadMessageFile(tb, file)...)
	}
	return out
}

// labelledHalf is the candidates' signals of every message of msgs in a
// half, with the answer each should get under the answers active now.
func (e *answerEval) labelledHalf(t *testing.T, msgs []message, half string) []labelled {
	var set []labelled
	for _, msg := range msgs {
		if msg.Half() != half {
			continue
		}
		cands, err := e.answers.CandidateFeatures(context.Background(), msg.Question)
		if err != nil {
			t.Fatal(err)
		}
		set = append(set, labelled{want: e.wantFor(msg), cands: cands, msg: msg.ID, third: e.third})
	}
	return set
}

// checkPooled measures the matching on the test half of every message
// file pooled (answers for third 0 of the fiches, as for the first file
// alone), beside the baseline, and gates it: a page without a validated
// answer, a page of the 2020 corpus only (not ingested here) and an
// out-of-corpus message must get none.
func (e *answerEval) checkPooled(t *testing.T) {
	set := e.labelledHalf(t, e.pooled, "test")
	got, base := scoreSet(set, rag.DefaultAnswerMatch), scoreSet(set, baselineAnswerMatch)
	t.Logf("every message file pooled, test half: %s (baseline %s)", got, base)
	if got.right() < base.right() {
		t.Errorf("pooled test half: %s; the baseline does better: %s", got, base)
	}
	if got.rightFirst < minPooledRightFirst || got.noneShown < minPooledNoneShown {
		t.Errorf("pooled test half: %s; want at least %d right first and %d none shown", got, minPooledRightFirst, minPooledNoneShown)
	}
	if got.right() < 0.90 || got.none() < 0.95 {
		t.Logf("pooled test half: right first %.3f (goal 0.90), none shown %.3f (goal 0.95)", got.right(), got.none())
	}
	t.Logf("the weighted mean without the short-request rule (weightedMeanMatch): pooled test half %s", scoreSet(set, weightedMeanMatch))
	t.Logf("session 22's logistic models (modelMatch), not used: pooled test half %s; first file's test half %s",
		scoreSet(set, modelMatch), e.evaluate(t, modelMatch, "test"))
	t.Logf("session 18's variant (firstReliableMatch), not used: pooled test half %s; first file's test half %s",
		scoreSet(set, firstReliableMatch), e.evaluate(t, firstReliableMatch, "test"))
}

// weightedMeanMatch is the matching in use until 2026-12-03, measured
// beside it: rag.DefaultAnswerMatch without the short-request rule
// (ShortRequest).
var weightedMeanMatch = rag.AnswerMatch{QuestionWords: 4, FocusWords: 1, MessageWords: 8, TextCosine: 2,
	Threshold: 0.29, AgreedThreshold: 0.23, AgreedPlaces: 2, AgreedShare: 0.75, Margin: 0.02, Max: 3}

// firstReliableMatch is the matching session 18 chose on every message
// file's tuning half pooled, the three thirds in turn (374 messages with an
// answer, 2,017 without; TestAnswerStudy): the weights in use, the search
// agreeing with an answer only when its source is the first document and
// the search marked that document reliable, thresholds and margin by the
// rule in use. Five-fold cross-validation by message: 139/374 right first
// and 1,960/2,017 none shown, against 134/374 and 1,954/2,017 for the
// matching in use with thresholds chosen by the same rule (139/374 and
// 1,924/2,017 with its own). On the pooled test half, measured once, 49/125
// right first and 637/669 none shown (41/125 and 633/669 in use), but on
// the first file's test half 11/19 and 127/136 (12/19 and 128/136), under
// its none-shown gate (0.94): it is not used.
var firstReliableMatch = rag.AnswerMatch{QuestionWords: 4, FocusWords: 1, MessageWords: 8, TextCosine: 2,
	Threshold: 0.37, AgreedThreshold: 0.19, AgreedPlaces: 1, AgreedShare: 0.75, AgreedReliable: true, Max: 3}

// minPooledRightFirst and minPooledNoneShown gate the pooled test half
// (checkPooled). Set on 2026-12-02 one message under what the matching
// did there (41/125 right first, 633/669 none shown), they are raised on
// 2026-12-03, after retr22 joined the pool and the short-request rule
// landed, to one message under what the matching does on the larger pool:
// 61/184 right first (62/184 without the rule; the baseline 17/184),
// 873/929 none shown (867/929; the baseline 887/929).
const (
	minPooledRightFirst = 60
	minPooledNoneShown  = 872
)

// modelMatch scores the candidates with session 22's logistic models
// (rag.AnswerModels), one threshold chosen on the pooled tuning halves by
// the rule in use (0.46, no margin).
var modelMatch = rag.AnswerMatch{Threshold: 0.46, AgreedThreshold: 0.46, Max: 3, Model: &fittedAnswerModels}

// fittedAnswerModels were fitted (scripts/answermodel_fit.py, L2 1) on
// the candidates of every message file's tuning half, each of the three
// thirds of the fiches answered in turn (505 messages with an answer,
// 2,651 without): the right answer against the others. In five-fold
// cross-validation by message, thresholds by the rule in each fold, the
// semantic model's 208/505 right first and 2,572/2,651 none shown, against
// 163/505 and 2,563/2,651 for the weighted mean in use before with its
// thresholds chosen the same way (189/505 and 2,493/2,651 with its own);
// the plain model 184/505 and 2,571/2,651. Plain's intercept is moved so
// that it shows from the semantic model's threshold what it shows from
// its own (0.43). The test halves, measured once (session 22): pooled 65/167
// right first and 851/884 none shown (the weighted mean 61/167 and
// 824/884), but on the first file's test half 9/19 right first (12/19),
// under that file's gate (0.55): not used.
var fittedAnswerModels = rag.AnswerModels{Name: "logistic-2026-12-03",
	Semantic: rag.AnswerModel{Intercept: -7.935, QuestionWords: 2.223, FocusWords: 0.577, MessageWords: 1.670, QuestionCosine: -0.012,
		TextCosine: 2.980, SourceFound: 3.143, First: 0.496, Second: 0.496, Further: 0.178, FirstReliable: 0.555, Reliable: 0.133,
		MessageWordsFirst: 0.687, QuestionWordsFirst: 1.157, SemanticQuestion: -0.876, SemanticSource: 1.953},
	Plain: rag.AnswerModel{Intercept: -7.799, QuestionWords: 1.972, FocusWords: 0.027, MessageWords: 2.203, QuestionCosine: -0.408,
		TextCosine: 3.694, SourceFound: 3.222, First: 1.553, Second: 1.151, Further: 0.528, FirstReliable: 0.545, Reliable: 0.105,
		MessageWordsFirst: 1.111, QuestionWordsFirst: 1.378},
}
