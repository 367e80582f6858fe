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

// localStore returns a fresh store and the local embedder.
func localStore(t *testing.T) (*store.Store, *llm.LocalEmbedder) {
	t.Helper()
	local, err := llm.NewLocalEmbedder(0)
	if err != nil {
		t.Fatal(err)
	}
	return storetest.NewStore(t), local
}

func TestReliabilityStoredPerModel(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st, local := localStore(t)
	s := rag.NewSearcher(st, local, nil, nil, rag.SearchOptions{})
	if diff := cmp.Diff(rag.DefaultReliability, s.Reliability()); diff != "" {
		t.Errorf("a new searcher's model (-default +got):\n%s", diff)
	}
	fitted := rag.Reliability{Bias: -1, Threshold: 0.4, Examples: 80}
	fitted.Weights[2] = 3
	if err := s.SaveReliability(ctx, fitted); err != nil {
		t.Fatal(err)
	}
	again := rag.NewSearcher(st, local, nil, nil, rag.SearchOptions{})
	if err := again.LoadReliability(ctx); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(fitted, again.Reliability()); diff != "" {
		t.Errorf("loaded model (-saved +got):\n%s", diff)
	}
	// Another embedding model has none stored: it keeps the default.
	other, err := llm.NewLocalEmbedder(64)
	if err != nil {
		t.Fatal(err)
	}
	third := rag.NewSearcher(st, other, nil, nil, rag.SearchOptions{})
	if err := third.LoadReliability(ctx); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(rag.DefaultReliability, third.Reliability()); diff != "" {
		t.Errorf("another model's reliability (-default +got):\n%s", diff)
	}
}

// A model stored on an older feature set still loads: before the own-case
// and outside cues (nine weights, no version), or before the message's
// length (eleven weights, version 1). The features it has no weight for
// weigh nothing in it.
func TestReliabilityOlderVersionsLoad(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, stored string
		weights      []float64
		version      int
		// without are the features the model has no weight for.
		without func(*rag.Features)
	}{
		{"version 0", `{"bias":-2.5,"weights":[2,-1,2.7,0.6,2,1.5,1,-1.2,-2],"threshold":0.47,"examples":212}`,
			[]float64{2, -1, 2.7, 0.6, 2, 1.5, 1, -1.2, -2}, 0,
			func(f *rag.Features) { f.OwnCase, f.Outside, f.Words = 0, 0, 0 }},
		{"version 1", `{"bias":-2.5,"weights":[2,-1,2.7,0.6,2,1.5,1,-1.2,-2,-4,-3],"threshold":0.47,"examples":212,"version":1}`,
			[]float64{2, -1, 2.7, 0.6, 2, 1.5, 1, -1.2, -2, -4, -3}, 1,
			func(f *rag.Features) { f.Words = 0 }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			st, local := localStore(t)
			if err := st.SaveCalibration(ctx, local.Model(), []byte(tc.stored)); err != nil {
				t.Fatal(err)
			}
			s := rag.NewSearcher(st, local, nil, nil, rag.SearchOptions{})
			if err := s.LoadReliability(ctx); err != nil {
				t.Fatal(err)
			}
			want := rag.Reliability{Bias: -2.5, Threshold: 0.47, Examples: 212, Version: tc.version}
			copy(want.Weights[:], tc.weights)
			if diff := cmp.Diff(want, s.Reliability()); diff != "" {
				t.Errorf("stored model (-want +got):\n%s", diff)
			}
			full := rag.Features{Cosine: 0.5, Passage: 0.3, BM25: 0.2, Document: 0.4, OwnCase: 1, Outside: 1, Words: 60}
			stripped := full
			tc.without(&stripped)
			if got, without := want.Score(full), want.Score(stripped); got != without {
				t.Errorf("score %.3f with the features it has no weight for, %.3f without; want the same", got, without)
			}
		})
	}
}

// The default model reads the shares beside the message's length: with the
// same shares, a long message (whose story adds words no page holds)
// scores higher than a short one.
func TestReliabilityReadsLength(t *testing.T) {
	t.Parallel()
	short := rag.Features{Passage: 0.3, Document: 0.3, Cosine: 0.4, BM25: 0.2, Request: 0.4, Title: 0.3, Agreement: 1, Margin: 0.1, Words: 15}
	long := short
	long.Words = 90
	r := rag.DefaultReliability
	if r.Score(long) <= r.Score(short) {
		t.Errorf("same shares: score %.3f for 90 words, %.3f for 15; want the long message higher", r.Score(long), r.Score(short))
	}
}
