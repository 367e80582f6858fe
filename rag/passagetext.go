package rag

import "context"

// bestPassages is rank with the text of the passages it returns, which
// the store reads for those few only (store.SearchPassages leaves it
// out). A passage whose chunk was removed since it was found (its
// document changed meanwhile) is left out: it can no longer be cited.
func (s *Searcher) bestPassages(ctx context.Context, plan queryPlan, docs []docCandidate, k int) ([]Result, Features, []rankedDoc, error) {
	results, top, ranked, err := s.rank(ctx, plan, docs, k)
	if err != nil || len(results) == 0 {
		return results, top, ranked, err
	}
	ids := make([]int64, len(results))
	for i, r := range results {
		ids[i] = r.ChunkID
	}
	texts, err := s.store.PassageTexts(ctx, ids)
	if err != nil {
		return nil, Features{}, nil, err
	}
	kept := results[:0]
	for _, r := range results {
		if text, ok := texts[r.ChunkID]; ok {
			r.Text = text
			kept = append(kept, r)
		}
	}
	return kept, top, ranked, nil
}
