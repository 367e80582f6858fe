package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/wire"
)

// evalOutput is the JSON form of plume eval: the report, the reliability
// model when --calibrate fitted one and the validated answers' thresholds
// when --calibrate-answers chose them.
type evalOutput struct {
	rag.EvalReport
	Calibrated        *rag.Reliability       `json:"calibrated,omitempty"`
	AnswersCalibrated *rag.AnswerCalibration `json:"answers_calibrated,omitempty"`
	Misses            []evalMiss             `json:"misses,omitempty"`
}

// evalMiss is an answerable question whose document was not among the k
// first, or an out-of-corpus question found reliable.
type evalMiss struct {
	ID       string   `json:"id,omitempty"`
	Question string   `json:"question"`
	Expected []string `json:"expected"`
	Found    []string `json:"found"`
	Reliable bool     `json:"reliable"`
}

func runEval(ctx context.Context, a *app, args []string) error {
	fs := newFlagSet(a, "eval")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	k := fs.Int("k", 10, "documents looked at per question (1 to 25)")
	calibrate := fs.Bool("calibrate", false, "fit the reliability model on the file and store it for the embedding model")
	calAnswers := fs.Bool("calibrate-answers", false,
		"choose the thresholds at which a validated answer is shown on the file and store them for the embedding model")
	misses := fs.Int("misses", 20, "how many misses to list")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() != 1 || *k < 1 || *k > 25 || *misses < 0 {
		return fmt.Errorf("%w: plume eval QUESTIONS.jsonl [--k N (1-25)] [--json] [--calibrate] [--calibrate-answers] [--misses N]", errUsage)
	}
	qs, err := readEvalFile(fs.Arg(0))
	if err != nil {
		return err
	}
	st, err := wire.OpenStore(ctx, a.cfg, a.log)
	if err != nil {
		return err
	}
	defer st.Close()
	searcher, embedder, err := wire.NewSearcher(ctx, a.cfg, st, a.log)
	if err != nil {
		return err
	}
	report, err := searcher.Evaluate(ctx, qs, *k)
	if err != nil {
		return err
	}
	out := evalOutput{EvalReport: report}
	if *calibrate {
		r, err := rag.Calibrate(report.Outcomes)
		if err != nil {
			return err
		}
		if err := searcher.SaveReliability(ctx, r); err != nil {
			return err
		}
		out.EvalReport = rag.Summarize(rag.Rescore(report.Outcomes, r))
		out.Calibrated = &r
	}
	if *calAnswers {
		c, err := calibrateAnswers(ctx, rag.NewAnswers(st, embedder, searcher.Policy()).WithSearcher(searcher), searcher, qs)
		if err != nil {
			return err
		}
		out.AnswersCalibrated = &c
	}
	out.Misses = listMisses(out.Outcomes, *misses)
	if *asJSON {
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	printEval(a.stdout, out, *k)
	return nil
}

// calibrateAnswers chooses, on the labelled messages, the thresholds at
// which the stored validated answers are shown (an answer citing one of a
// message's expected documents is the right one), and stores them for the
// searcher's embedding model.
func calibrateAnswers(ctx context.Context, answers *rag.Answers, searcher *rag.Searcher, qs []rag.EvalQuestion) (rag.AnswerCalibration, error) {
	examples, err := answers.AnswerExamples(ctx, qs)
	if err != nil {
		return rag.AnswerCalibration{}, err
	}
	c, err := rag.CalibrateAnswers(searcher.AnswerMatch(), examples)
	if err != nil {
		return rag.AnswerCalibration{}, err
	}
	if err := searcher.SaveAnswerCalibration(ctx, c); err != nil {
		return rag.AnswerCalibration{}, err
	}
	return c, nil
}

func readEvalFile(path string) ([]rag.EvalQuestion, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errUsage, err)
	}
	defer f.Close()
	qs, err := rag.ReadEvalQuestions(f)
	if errors.Is(err, rag.ErrInvalid) { // a bad line: the file is to fix, as a bad argument is
		return nil, fmt.Errorf("%w: %s: %w", errUsage, path, err)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(qs) == 0 {
		return nil, fmt.Errorf("%w: %s holds no question", errUsage, path)
	}
	return qs, nil
}

// listMisses returns at most n misses, answerable ones first.
func listMisses(outs []rag.EvalOutcome, n int) []evalMiss {
	var found, ooc []evalMiss
	for _, o := range outs {
		m := evalMiss{ID: o.Question.ID, Question: o.Question.Question, Expected: o.Question.Expected,
			Found: o.Docs, Reliable: o.Reliable}
		switch {
		case o.Answerable() && o.Rank == 0:
			found = append(found, m)
		case !o.Answerable() && o.Reliable:
			ooc = append(ooc, m)
		}
	}
	all := append(found, ooc...)
	return all[:min(n, len(all))]
}

func printEval(w io.Writer, out evalOutput, k int) {
	r := out.EvalReport
	fmt.Fprintf(w, "%d questions: %d answerable, %d out of corpus\n", r.N, r.Answerable, r.OutOfCorpus)
	fmt.Fprintf(w, "recall@1 %.3f   recall@5 %.3f   recall@%d %.3f   MRR %.3f\n", r.RecallAt1, r.RecallAt5, k, r.RecallAt10, r.MRR)
	fmt.Fprintf(w, "reliable: %.3f of answerable questions (%.3f of those found in the first 5); %.3f of out-of-corpus questions flagged\n",
		r.ReliableAnswerable, r.ReliableFoundInTop5, r.FlaggedOutOfCorpus)
	fmt.Fprintf(w, "as drafts decide (a holding reply when none of the first 5 passages is reliable): %.3f of those found in the first 5 get a draft; %.3f of out-of-corpus questions a holding reply\n",
		r.DraftReliableFoundInTop5, r.DraftFlaggedOutOfCorpus)
	fmt.Fprintf(w, "search latency: p50 %.1f ms, p95 %.1f ms\n", r.LatencyP50, r.LatencyP95)
	if c := out.Calibrated; c != nil {
		fmt.Fprintf(w, "calibrated on %d questions and stored: bias %.3f, weights %.3f, threshold %.3f\n",
			c.Examples, c.Bias, c.Weights, c.Threshold)
	}
	if c := out.AnswersCalibrated; c != nil {
		fmt.Fprintf(w, "validated answers' thresholds chosen and stored: %.2f, %.2f when the search agrees, margin %.2f: "+
			"right answer first %d/%d, none shown %d/%d\n", c.Threshold, c.AgreedThreshold, c.Margin, c.RightFirst, c.WithAnswer,
			c.NoneShown, c.Without)
	}
	for _, m := range out.Misses {
		what := "not found"
		if len(m.Expected) == 0 {
			what = "out of corpus, found reliable"
		}
		fmt.Fprintf(w, "miss (%s) %s: %s\n   want %v, got %v\n", what, m.ID, excerpt(m.Question, 160),
			m.Expected, m.Found)
	}
}
