package rag

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/plume-sp/plume/store"
)

// AnswerCalibration is the thresholds of the validated answers' matching
// calibrated for an embedding model on labelled messages
// (CalibrateAnswers): what a cosine means depends on the model, so the
// scores from which an answer is shown do too. The weights stay those of
// DefaultAnswerMatch.
type AnswerCalibration struct {
	Threshold       float64 `json:"threshold"`
	AgreedThreshold float64 `json:"agreed_threshold"`
	Margin          float64 `json:"margin"`
	// What they do on the labelled messages: of WithAnswer messages with
	// a fitting answer, RightFirst get one first; of Without messages with
	// none, NoneShown get none.
	WithAnswer int `json:"with_answer"`
	RightFirst int `json:"right_first"`
	Without    int `json:"without"`
	NoneShown  int `json:"none_shown"`
	// Scoring names the scores the thresholds were chosen for (the
	// models' name, "" for the weights' mean): a calibration of other
	// scores is not used.
	Scoring string `json:"scoring,omitempty"`
}

// Apply returns m with c's thresholds and margin.
func (c AnswerCalibration) Apply(m AnswerMatch) AnswerMatch {
	m.Threshold, m.AgreedThreshold, m.Margin = c.Threshold, c.AgreedThreshold, c.Margin
	return m
}

// AnswerExample is a labelled message's candidate answers and those that
// fit it (none: no validated answer fits).
type AnswerExample struct {
	cands []answerCandidate
	right []int64
}

// calibrationNoneShown is the least share of the messages without a
// fitting answer that a calibration must leave without one: a wrong
// answer shown costs the agent more than a right one missed.
const calibrationNoneShown = 0.97

// CalibrateAnswers picks the threshold, agreed threshold (at most the
// threshold) and margin with which m shows the right answer first for the
// most messages that have one, while showing none for at least 97 % of
// those that have none (then for the most of them). It needs at least 5
// messages of each.
func CalibrateAnswers(m AnswerMatch, examples []AnswerExample) (AnswerCalibration, error) {
	tops := make([]answerTop, len(examples))
	with := 0
	for i, e := range examples {
		tops[i] = m.topsOf(e)
		if len(e.right) > 0 {
			with++
		}
	}
	if with < 5 || len(examples)-with < 5 {
		return AnswerCalibration{}, fmt.Errorf("calibrate answers: %d messages with a fitting answer and %d without, want at least 5 of each: %w",
			with, len(examples)-with, ErrInvalid)
	}
	var best AnswerCalibration
	for _, margin := range []float64{0, 0.01, 0.02, 0.04, 0.08} {
		for th := 10; th < 90; th++ {
			for agreed := 10; agreed <= th; agreed++ {
				if m.AgreedPlaces == 0 && agreed != th {
					continue
				}
				c := scoreTops(tops, float64(th)/100, float64(agreed)/100, margin)
				if c.noneShare() >= calibrationNoneShown && (c.RightFirst > best.RightFirst ||
					c.RightFirst == best.RightFirst && c.NoneShown > best.NoneShown) {
					best = c
				}
			}
		}
	}
	best.Scoring = m.scoring()
	if best.WithAnswer == 0 {
		return AnswerCalibration{}, fmt.Errorf("calibrate answers: no threshold shows none for %.0f %% of the messages without a fitting answer: %w",
			100*calibrationNoneShown, ErrInvalid)
	}
	return best, nil
}

func (c AnswerCalibration) noneShare() float64 {
	return float64(c.NoneShown) / float64(max(c.Without, 1))
}

// answerTop is what decides a message's first answer whatever the
// thresholds: the best candidate whose source the search agrees with and
// the best other one (the first shown is the better of those that pass),
// the best two scores, and whether the message has a fitting answer.
type answerTop struct {
	agreed, other scoredCandidate
	best, second  float64
	hasRight      bool
}

// scoredCandidate is a candidate's score and whether it fits (ok: there
// is such a candidate).
type scoredCandidate struct {
	score     float64
	id        int64
	right, ok bool
	// unsupported: shown first, it leaves the message without an answer
	// (AnswerMatch.unsupportedShort).
	unsupported bool
}

// topsOf scores a message's candidates with m.
func (m AnswerMatch) topsOf(e AnswerExample) answerTop {
	t := answerTop{hasRight: len(e.right) > 0}
	for _, c := range e.cands {
		s := scoredCandidate{score: m.score(c.features), id: c.answer.ID, right: slices.Contains(e.right, c.answer.ID), ok: true,
			unsupported: m.unsupportedShort(c.features)}
		if s.score > t.best {
			t.best, t.second = s.score, t.best
		} else if s.score > t.second {
			t.second = s.score
		}
		slot := &t.other
		if m.agreed(c.features) {
			slot = &t.agreed
		}
		if !slot.ok || s.ranksBefore(*slot) {
			*slot = s
		}
	}
	return t
}

// ranksBefore says whether s comes before o in the answers shown: higher
// score, then lower id.
func (s scoredCandidate) ranksBefore(o scoredCandidate) bool {
	return s.score > o.score || s.score == o.score && s.id < o.id
}

// first is the candidate shown first at these thresholds (ok false: none).
func (t answerTop) first(threshold, agreed, margin float64) scoredCandidate {
	if t.best-t.second < margin {
		return scoredCandidate{}
	}
	a, o := t.agreed, t.other
	a.ok = a.ok && a.score >= agreed
	o.ok = o.ok && o.score >= threshold
	f := o
	if a.ok && (!o.ok || a.ranksBefore(o)) {
		f = a
	}
	if f.unsupported {
		return scoredCandidate{}
	}
	return f
}

// scoreTops counts what the thresholds do on the messages.
func scoreTops(tops []answerTop, threshold, agreed, margin float64) AnswerCalibration {
	c := AnswerCalibration{Threshold: threshold, AgreedThreshold: agreed, Margin: margin}
	for _, t := range tops {
		f := t.first(threshold, agreed, margin)
		if t.hasRight {
			c.WithAnswer++
			if f.ok && f.right {
				c.RightFirst++
			}
			continue
		}
		c.Without++
		if !f.ok {
			c.NoneShown++
		}
	}
	return c
}

// AnswerExamples matches each labelled message as a draft would (in no
// service), and returns its candidates; the right ones are the validated
// answers (active or to review) citing one of its expected documents.
func (a *Answers) AnswerExamples(ctx context.Context, qs []EvalQuestion) ([]AnswerExample, error) {
	citing, err := a.citingAnswers(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]AnswerExample, 0, len(qs))
	for _, q := range qs {
		in, err := a.matchText(ctx, q.Question, nil)
		if err != nil {
			return nil, err
		}
		cands, err := answerCandidates(ctx, a.store, a.embedder, in.text, nil, in.res, a.match.semanticWant())
		if err != nil {
			return nil, err
		}
		e := AnswerExample{cands: cands}
		for _, doc := range q.Expected {
			e.right = append(e.right, citing[doc]...)
		}
		out = append(out, e)
	}
	return out, nil
}

// citingAnswers maps each document's external id to the validated answers
// (active or to review) citing it.
func (a *Answers) citingAnswers(ctx context.Context) (map[string][]int64, error) {
	out := map[string][]int64{}
	for off := 0; ; off += 500 {
		page, err := a.store.ListAnswers(ctx, store.AnswerFilter{Limit: 500, Offset: off})
		if err != nil {
			return nil, fmt.Errorf("calibrate answers: %w", err)
		}
		for _, ans := range page.Answers {
			if ans.Status == store.AnswerArchived {
				continue
			}
			var cites []Citation
			if err := json.Unmarshal(ans.Sources, &cites); err != nil {
				return nil, fmt.Errorf("calibrate answers: the sources of answer %d: %w", ans.ID, err)
			}
			for _, c := range cites {
				out[c.DocID] = append(out[c.DocID], ans.ID)
			}
		}
		if len(page.Answers) < 500 {
			return out, nil
		}
	}
}

// LoadAnswerCalibration makes the searcher's drafts match validated
// answers with the thresholds calibrated for its embedding model, if any
// are stored for the scores in use (DefaultAnswerMatch's otherwise: the
// thresholds of another scoring, such as session 22's logistic models
// (AnswerModels), mean nothing for it; the searcher logs a warning).
func (s *Searcher) LoadAnswerCalibration(ctx context.Context) error {
	raw, err := s.store.Calibration(ctx, store.CalibrationAnswers, s.embedder.Model())
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("load the answers' calibration: %w", err)
	}
	var c AnswerCalibration
	if err := json.Unmarshal(raw, &c); err != nil {
		return fmt.Errorf("load the answers' calibration of %s: %w", s.embedder.Model(), err)
	}
	if c.Scoring != DefaultAnswerMatch.scoring() {
		s.log.WarnContext(ctx, "validated answers: the stored calibration is of another scoring, not used: calibrate again (plume eval --calibrate-answers)",
			"model", s.embedder.Model(), "scoring", c.Scoring, "want", DefaultAnswerMatch.scoring())
		return nil
	}
	s.answerMatch = c.Apply(DefaultAnswerMatch)
	return nil
}

// SaveAnswerCalibration stores c as the answers' calibration of the
// searcher's embedding model, for the scores in use, and uses it from now
// on.
func (s *Searcher) SaveAnswerCalibration(ctx context.Context, c AnswerCalibration) error {
	c.Scoring = DefaultAnswerMatch.scoring()
	if err := s.saveCalibration(ctx, store.CalibrationAnswers, c); err != nil {
		return fmt.Errorf("save the answers' calibration: %w", err)
	}
	s.answerMatch = c.Apply(DefaultAnswerMatch)
	return nil
}

// AnswerMatch returns the matching of validated answers the searcher's
// drafts use: DefaultAnswerMatch with the thresholds calibrated for its
// embedding model.
func (s *Searcher) AnswerMatch() AnswerMatch { return s.answerMatch }
