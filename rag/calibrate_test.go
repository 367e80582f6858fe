package rag_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
)

// outcomes builds evaluated questions whose best document has the given
// cosine: answerable ones found first, out-of-corpus ones, and answerable
// ones not found (which calibration must ignore).
func outcomes(found, ooc, missed []float64) []rag.EvalOutcome {
	var out []rag.EvalOutcome
	for _, c := range found {
		out = append(out, rag.EvalOutcome{Question: rag.EvalQuestion{Expected: []string{"x"}}, Docs: []string{"x"}, Rank: 1,
			Top: rag.Features{Cosine: c, Passage: c}})
	}
	for _, c := range ooc {
		out = append(out, rag.EvalOutcome{Docs: []string{"y"}, Top: rag.Features{Cosine: c, Passage: c}})
	}
	for _, c := range missed {
		out = append(out, rag.EvalOutcome{Question: rag.EvalQuestion{Expected: []string{"x"}}, Docs: []string{"y"},
			Top: rag.Features{Cosine: c, Passage: c}})
	}
	return out
}

func TestCalibrate(t *testing.T) {
	t.Parallel()
	outs := outcomes([]float64{0.6, 0.7, 0.8, 0.65, 0.75, 0.9}, []float64{0.1, 0.2, 0.15, 0.3, 0.25, 0.05}, []float64{0.0, 0.01})
	r, err := rag.Calibrate(outs)
	if err != nil {
		t.Fatal(err)
	}
	if r.Examples != 12 || r.Version != rag.DefaultReliability.Version {
		t.Errorf("fitted on %d questions, version %d; want 12 (the not-found ones left out), version %d",
			r.Examples, r.Version, rag.DefaultReliability.Version)
	}
	rep := rag.Summarize(rag.Rescore(outs, r))
	if rep.ReliableFoundInTop5 != 1 || rep.FlaggedOutOfCorpus != 1 {
		t.Errorf("separable questions: reliable when found %.2f, flagged %.2f; want 1 and 1", rep.ReliableFoundInTop5, rep.FlaggedOutOfCorpus)
	}
	if _, err := rag.Calibrate(outcomes([]float64{0.5}, []float64{0.1, 0.2}, nil)); err == nil {
		t.Error("calibration on 3 questions: no error")
	}
}

// The reliability model and the validated answers' thresholds are stored
// for the embedding model they were fitted with, each its own calibration:
// a searcher of that model prepared afterwards uses both, one of another
// model keeps the defaults.
func TestCalibrationsStoredPerModel(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	local, err := llm.NewLocalEmbedder(0)
	if err != nil {
		t.Fatal(err)
	}
	s := rag.NewSearcher(st, local, nil, nil, rag.SearchOptions{})
	if diff := cmp.Diff(rag.DefaultReliability, s.Reliability()); diff != "" {
		t.Errorf("a new searcher's model (-default +got):\n%s", diff)
	}
	if diff := cmp.Diff(rag.DefaultAnswerMatch, s.AnswerMatch()); diff != "" {
		t.Errorf("a new searcher's matching (-default +got):\n%s", diff)
	}
	fitted := rag.Reliability{Bias: -1, Threshold: 0.4, Examples: 80}
	fitted.Weights[2] = 3
	if err := s.SaveReliability(ctx, fitted); err != nil {
		t.Fatal(err)
	}
	c := rag.AnswerCalibration{Threshold: 0.42, AgreedThreshold: 0.21, Margin: 0.04, WithAnswer: 30, RightFirst: 20, Without: 100, NoneShown: 97}
	if err := s.SaveAnswerCalibration(ctx, c); err != nil {
		t.Fatal(err)
	}
	again := preparedSearcher(ctx, t, st, local)
	if diff := cmp.Diff(fitted, again.Reliability()); diff != "" {
		t.Errorf("loaded model (-saved +got):\n%s", diff)
	}
	want := rag.DefaultAnswerMatch
	want.Threshold, want.AgreedThreshold, want.Margin = 0.42, 0.21, 0.04
	if diff := cmp.Diff(want, again.AnswerMatch()); diff != "" {
		t.Errorf("matching after Prepare (-want +got):\n%s", diff)
	}
	// Another embedding model has none stored: it keeps the default.
	other, err := llm.NewLocalEmbedder(64)
	if err != nil {
		t.Fatal(err)
	}
	third := preparedSearcher(ctx, t, st, other)
	if diff := cmp.Diff(rag.DefaultReliability, third.Reliability()); diff != "" {
		t.Errorf("another model's reliability (-default +got):\n%s", diff)
	}
	if diff := cmp.Diff(rag.DefaultAnswerMatch, third.AnswerMatch()); diff != "" {
		t.Errorf("another model's matching (-default +got):\n%s", diff)
	}
}

// A model stored before the own-case and outside cues (nine weights, no
// version) still loads: the cues weigh nothing in it.
func TestReliabilityVersion0Loads(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	local, err := llm.NewLocalEmbedder(0)
	if err != nil {
		t.Fatal(err)
	}
	old := `{"bias":-2.5,"weights":[2,-1,2.7,0.6,2,1.5,1,-1.2,-2],"threshold":0.47,"examples":212}`
	if err := st.SaveCalibration(ctx, store.CalibrationReliability, local.Model(), []byte(old)); err != nil {
		t.Fatal(err)
	}
	s := rag.NewSearcher(st, local, nil, nil, rag.SearchOptions{})
	if err := s.LoadReliability(ctx); err != nil {
		t.Fatal(err)
	}
	want := rag.Reliability{Bias: -2.5, Threshold: 0.47, Examples: 212}
	copy(want.Weights[:], []float64{2, -1, 2.7, 0.6, 2, 1.5, 1, -1.2, -2})
	if diff := cmp.Diff(want, s.Reliability()); diff != "" {
		t.Errorf("version 0 model (-want +got):\n%s", diff)
	}
	cue := rag.Features{Cosine: 0.5, OwnCase: 1, Outside: 1}
	if got, without := want.Score(cue), want.Score(rag.Features{Cosine: 0.5}); got != without {
		t.Errorf("version 0 model: score %.3f with the cues, %.3f without; want the same", got, without)
	}
}

// A calibration stored for other scores than the matching's (here session
// 22's logistic models, whose probabilities are shown from 0.46) gives
// thresholds that mean nothing for it: the searcher keeps the defaults.
func TestAnswerCalibrationOfAnotherScoringUnused(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	local, err := llm.NewLocalEmbedder(0)
	if err != nil {
		t.Fatal(err)
	}
	raw := []byte(`{"threshold":0.46,"agreed_threshold":0.4,"margin":0.04,"with_answer":30,"right_first":20,"without":100,"none_shown":97,` +
		`"scoring":"logistic-2026-12-03"}`)
	if err := st.SaveCalibration(ctx, store.CalibrationAnswers, local.Model(), raw); err != nil {
		t.Fatal(err)
	}
	s := preparedSearcher(ctx, t, st, local)
	if diff := cmp.Diff(rag.DefaultAnswerMatch, s.AnswerMatch()); diff != "" {
		t.Errorf("matching after an old calibration (-default +got):\n%s", diff)
	}
	// Thresholds saved by the searcher are for the scores in use: they apply.
	if err := s.SaveAnswerCalibration(ctx, rag.AnswerCalibration{Threshold: 0.5, AgreedThreshold: 0.5, WithAnswer: 30, RightFirst: 20,
		Without: 100, NoneShown: 97, Scoring: "logistic-2026-12-03"}); err != nil {
		t.Fatal(err)
	}
	again := preparedSearcher(ctx, t, st, local)
	if got := again.AnswerMatch(); got.Threshold != 0.5 || got.AgreedThreshold != 0.5 {
		t.Errorf("matching after a calibration of the scores in use: %+v", got)
	}
}

// preparedSearcher returns a searcher of st with emb, prepared: the
// calibrations stored for emb's model loaded.
func preparedSearcher(ctx context.Context, t *testing.T, st *store.Store, emb llm.Embedder) *rag.Searcher {
	t.Helper()
	s := rag.NewSearcher(st, emb, nil, nil, rag.SearchOptions{})
	if err := s.Prepare(ctx); err != nil {
		t.Fatal(err)
	}
	return s
}
