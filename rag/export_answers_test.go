package rag

import "context"

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
