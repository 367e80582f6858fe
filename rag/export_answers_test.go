package rag

import (
	"context"

	"github.com/plume-sp/plume/store"
)

// CandidateFeatures are the signals of one validated answer for a message,
// for tuning the matching on labelled messages.
type CandidateFeatures struct {
	ID int64
	f  answerFeatures
}

// CandidateFeatures returns the signals of every candidate answer.
func (a *Answers) CandidateFeatures(ctx context.Context, message string) ([]CandidateFeatures, error) {
	in, err := a.matchText(ctx, message, nil)
	if err != nil {
		return nil, err
	}
	cands, err := answerCandidates(ctx, a.store, a.embedder, in.text, nil, in.res, semanticAll)
	if err != nil {
		return nil, err
	}
	out := make([]CandidateFeatures, len(cands))
	for i, c := range cands {
		out[i] = CandidateFeatures{ID: c.answer.ID, f: c.features}
	}
	return out, nil
}

// Score is the score m gives to c.
func (m AnswerMatch) Score(c CandidateFeatures) float64 { return m.score(c.f) }

// NewAnswerExample is a labelled message's candidates and the answers
// that fit it, for calibrating the matching on them.
func NewAnswerExample(cands []CandidateFeatures, right ...int64) AnswerExample {
	e := AnswerExample{right: right}
	for _, c := range cands {
		e.cands = append(e.cands, answerCandidate{answer: store.Answer{ID: c.ID}, features: c.f})
	}
	return e
}

// First is the answer m shows first among cands, 0 when none.
func (m AnswerMatch) First(cands []CandidateFeatures) int64 {
	e := NewAnswerExample(cands)
	shown := m.shown(e.cands)
	if len(shown) == 0 {
		return 0
	}
	return shown[0].ID
}

// Signals returns c's signals by name, for studying the matching.
func (c CandidateFeatures) Signals() map[string]float64 {
	b := func(v bool) float64 {
		if v {
			return 1
		}
		return 0
	}
	f := c.f
	return map[string]float64{"qw": f.questionWords, "fw": f.focusWords, "mw": f.messageWords, "qc": f.questionCosine,
		"tc": f.textCosine, "vec": b(f.vectors), "sf": f.sourceFound, "sp": float64(f.sourcePlace),
		"searched": b(f.searched), "sq": f.semQuestion, "st": f.semText, "ss": f.semSource, "sem": b(f.semantic),
		"rel": b(f.reliable)}
}
