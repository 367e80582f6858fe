package rag

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/plume-sp/plume/redact"
)

// EvalQuestion is one line of an evaluation file: a message and the ids of
// the documents that answer it (none: the knowledge base should not).
type EvalQuestion struct {
	ID       string   `json:"id,omitempty"`
	Question string   `json:"question"`
	Expected []string `json:"expected,omitempty"`
}

// ReadEvalQuestions reads JSONL evaluation lines; blank lines are skipped.
// A line that is not valid UTF-8 (which JSON would read as U+FFFD, a
// message no one wrote) or holds a NUL character, as a byte or escaped
// (\u0000), is refused with ErrInvalid, naming the line and the offset.
func ReadEvalQuestions(r io.Reader) ([]EvalQuestion, error) {
	var out []EvalQuestion
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if err := checkEvalLine(line); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		if line = strings.TrimSpace(line); line == "" {
			continue
		}
		var q EvalQuestion
		if err := json.Unmarshal([]byte(line), &q); err != nil {
			return nil, fmt.Errorf("line %d: %v: %w", n, err, ErrInvalid)
		}
		if strings.TrimSpace(q.Question) == "" {
			return nil, fmt.Errorf("line %d: no question: %w", n, ErrInvalid)
		}
		if q.hasNUL() {
			return nil, fmt.Errorf("line %d: a NUL character (\\u0000) in a string: %w", n, ErrInvalid)
		}
		out = append(out, q)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read questions: %w", err)
	}
	return out, nil
}

// checkEvalLine refuses a line of an evaluation file that is not valid
// UTF-8 or holds a NUL byte, naming the offset of the first bad byte.
func checkEvalLine(line string) error {
	if !utf8.ValidString(line) {
		return fmt.Errorf("not valid UTF-8 (first bad byte at offset %d): %w", redact.FirstInvalid(line), ErrInvalid)
	}
	if i := strings.IndexByte(line, 0); i >= 0 {
		return fmt.Errorf("a NUL byte (at offset %d): %w", i, ErrInvalid)
	}
	return nil
}

// hasNUL reports whether a field of q holds a NUL character (escaped in
// its line: a raw one is refused before).
func (q EvalQuestion) hasNUL() bool {
	return slices.ContainsFunc(append([]string{q.ID, q.Question}, q.Expected...), func(s string) bool {
		return strings.IndexByte(s, 0) >= 0
	})
}

// EvalOutcome is what one search gave for one question.
type EvalOutcome struct {
	Question EvalQuestion
	// Docs are the distinct documents found, best first.
	Docs []string
	// Rank is the 1-based rank of the first expected document (0: absent).
	Rank     int
	Reliable bool
	// DraftReliable is the decision a draft makes on the same search: it
	// gives the holding reply only when none of its sources (the first
	// defaultSources passages) is reliable, each scored by its document's
	// features, where Reliable reads the base fusion's first document
	// alone.
	DraftReliable bool
	// Top holds the reliability features of the best document.
	Top Features
	// sources are the reliability features of the documents of a draft's
	// sources, in order.
	sources []Features
	Took    time.Duration
	// candidates are the documents the search ranked, in their final
	// order, with their features (for fitting the ranker).
	candidates []rankCandidate
}

// Answerable reports whether the question has expected documents.
func (o EvalOutcome) Answerable() bool { return len(o.Question.Expected) > 0 }

// EvalReport sums up an evaluation.
type EvalReport struct {
	N                  int     `json:"n"`
	Answerable         int     `json:"answerable"`
	OutOfCorpus        int     `json:"out_of_corpus"`
	RecallAt1          float64 `json:"recall_at_1"`
	RecallAt5          float64 `json:"recall_at_5"`
	RecallAt10         float64 `json:"recall_at_10"`
	MRR                float64 `json:"mrr"`
	ReliableAnswerable float64 `json:"reliable_answerable"`
	// ReliableFoundInTop5 is the share of answerable questions whose
	// document is in the first five that are marked reliable.
	ReliableFoundInTop5 float64 `json:"reliable_found_top5"`
	FlaggedOutOfCorpus  float64 `json:"flagged_out_of_corpus"`
	// DraftReliableFoundInTop5 and DraftFlaggedOutOfCorpus are the same
	// rates for the decision drafts make (EvalOutcome.DraftReliable).
	DraftReliableFoundInTop5 float64       `json:"draft_reliable_found_top5"`
	DraftFlaggedOutOfCorpus  float64       `json:"draft_flagged_out_of_corpus"`
	LatencyP50               float64       `json:"latency_p50_ms"`
	LatencyP95               float64       `json:"latency_p95_ms"`
	Outcomes                 []EvalOutcome `json:"-"`
}

// Evaluate searches every question (k documents) and measures recall on
// distinct documents, the reliability decision and latency.
func (s *Searcher) Evaluate(ctx context.Context, qs []EvalQuestion, k int) (EvalReport, error) {
	if k <= 0 {
		k = 10
	}
	var outs []EvalOutcome
	for _, q := range qs {
		o, err := s.evalOne(ctx, q, k)
		if err != nil {
			return EvalReport{}, err
		}
		outs = append(outs, o)
	}
	return Summarize(outs), nil
}

// evalOne searches one question as a draft would: redacted, placeholders
// removed.
func (s *Searcher) evalOne(ctx context.Context, q EvalQuestion, k int) (EvalOutcome, error) {
	text, _, err := s.RedactQuery(ctx, q.Question)
	if err != nil {
		return EvalOutcome{}, fmt.Errorf("question %q: %w", q.ID, err)
	}
	res, err := s.Search(ctx, Query{Text: text, K: min(50, 2*k)})
	if err != nil {
		return EvalOutcome{}, fmt.Errorf("search %q: %w", q.ID, err)
	}
	o := EvalOutcome{Question: q, Reliable: res.Reliable, Took: res.Took}
	seen := map[string]bool{}
	for _, r := range res.Results {
		if !seen[r.DocID] && len(o.Docs) < k {
			seen[r.DocID] = true
			o.Docs = append(o.Docs, r.DocID)
		}
	}
	o.Rank = FirstRank(o.Docs, q.Expected)
	o.Top, o.candidates = res.top, res.ranked
	o.sources = sourceFeatures(res)
	o.DraftReliable = draftReliable(res.Results)
	return o, nil
}

// draftReliable reports whether a draft on these results would have a
// reliable source (Drafter.search): one of its first defaultSources
// passages reliable.
func draftReliable(results []Result) bool {
	for _, r := range results[:min(len(results), defaultSources)] {
		if r.Reliable {
			return true
		}
	}
	return false
}

// sourceFeatures returns the reliability features of the documents whose
// passages are a draft's sources (the first defaultSources results), in
// order; none when the search found no subject (every result unreliable).
func sourceFeatures(res Results) []Features {
	if slices.Contains(res.Warnings, WarnNoSubject) {
		return []Features{}
	}
	byDoc := make(map[int64]Features, len(res.ranked))
	for _, c := range res.ranked {
		byDoc[c.id] = c.Feat
	}
	var out []Features
	seen := map[int64]bool{}
	for _, r := range res.Results[:min(len(res.Results), defaultSources)] {
		if f, ok := byDoc[r.DocumentID]; ok && !seen[r.DocumentID] {
			seen[r.DocumentID] = true
			out = append(out, f)
		}
	}
	return out
}

// FirstRank returns the 1-based rank of the first of expected in docs, or 0.
func FirstRank(docs, expected []string) int {
	for i, d := range docs {
		for _, e := range expected {
			if d == e {
				return i + 1
			}
		}
	}
	return 0
}

// Rescore applies another reliability model to evaluated outcomes (the
// ranking does not change, only the decision).
func Rescore(outs []EvalOutcome, r Reliability) []EvalOutcome {
	out := make([]EvalOutcome, len(outs))
	for i, o := range outs {
		o.Reliable = o.Rank >= 0 && len(o.Docs) > 0 && decide(r.Score(o.Top), r.Threshold, o.Top)
		if o.sources != nil {
			o.DraftReliable = false
			for _, f := range o.sources {
				o.DraftReliable = o.DraftReliable || decide(r.Score(f), r.Threshold, f)
			}
		}
		out[i] = o
	}
	return out
}

// Summarize computes the figures of a report from its outcomes.
func Summarize(outs []EvalOutcome) EvalReport {
	r := EvalReport{N: len(outs), Outcomes: outs}
	var at1, at5, at10, rr, rel, found5, relFound5, flagged, draftFound5, draftFlagged float64
	var took []float64
	for _, o := range outs {
		took = append(took, float64(o.Took.Microseconds())/1000)
		if !o.Answerable() {
			r.OutOfCorpus++
			flagged += b2f(!o.Reliable)
			draftFlagged += b2f(!o.DraftReliable)
			continue
		}
		r.Answerable++
		if o.Rank > 0 {
			rr += 1 / float64(o.Rank)
			at1 += b2f(o.Rank <= 1)
			at5 += b2f(o.Rank <= 5)
			at10 += b2f(o.Rank <= 10)
		}
		rel += b2f(o.Reliable)
		if o.Rank > 0 && o.Rank <= 5 {
			found5++
			relFound5 += b2f(o.Reliable)
			draftFound5 += b2f(o.DraftReliable)
		}
	}
	a := float64(max(r.Answerable, 1))
	r.RecallAt1, r.RecallAt5, r.RecallAt10, r.MRR = at1/a, at5/a, at10/a, rr/a
	r.ReliableAnswerable = rel / a
	r.ReliableFoundInTop5 = relFound5 / math.Max(found5, 1)
	r.FlaggedOutOfCorpus = flagged / float64(max(r.OutOfCorpus, 1))
	r.DraftReliableFoundInTop5 = draftFound5 / math.Max(found5, 1)
	r.DraftFlaggedOutOfCorpus = draftFlagged / float64(max(r.OutOfCorpus, 1))
	r.LatencyP50, r.LatencyP95 = percentile(took, 0.5), percentile(took, 0.95)
	return r
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// percentile returns the p-th percentile (nearest rank) of xs.
func percentile(xs []float64, p float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	i := int(math.Ceil(p*float64(len(s)))) - 1
	return s[max(0, min(i, len(s)-1))]
}
