package rag_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/store"
)

// rankCase is one message's search on one corpus, as the ranker sees it.
type rankCase struct {
	ID, Corpus string
	Expected   []string
	Top        rag.Features
	Candidates []rag.RankCandidate
}

// rankCases searches the tuning halves on each corpus of PLUME_TUNE_CORPUS
// (see TestTuneMessages), or reads them from PLUME_RANK_CASES when that
// file exists (written there otherwise).
func rankCases(t *testing.T) []rankCase {
	path := os.Getenv("PLUME_RANK_CASES")
	if raw, err := os.ReadFile(path); path != "" && err == nil {
		var cs []rankCase
		if err := json.Unmarshal(raw, &cs); err != nil {
			t.Fatal(err)
		}
		return cs
	}
	url, corpora := os.Getenv("PLUME_TUNE_DB"), os.Getenv("PLUME_TUNE_CORPUS")
	if url == "" || corpora == "" {
		t.Skip("set PLUME_TUNE_DB and PLUME_TUNE_CORPUS to fit the ranker on the tuning half")
	}
	var cs []rankCase
	for _, corpus := range strings.Split(corpora, ",") {
		for _, o := range tuneCorpus(t, strings.ReplaceAll(url, "{corpus}", corpus), corpus, rag.SearchOptions{}) {
			cs = append(cs, rankCase{o.Question.ID, corpus, o.Question.Expected, o.Top, o.Candidates()})
		}
	}
	if path != "" {
		raw, err := json.Marshal(cs)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, raw, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return cs
}

// rankFigures are recall at 1 and 5 and the MRR of one corpus's
// answerable messages.
type rankFigures struct{ n, at1, at5, mrr float64 }

func (f *rankFigures) add(rank int) {
	f.n++
	if rank > 0 {
		f.at1 += b2f(rank == 1)
		f.at5 += b2f(rank <= 5)
		f.mrr += 1 / float64(rank)
	}
}

func (f rankFigures) String() string {
	return fmt.Sprintf("r@1 %.3f r@5 %.3f MRR %.3f (%d)", f.at1/f.n, f.at5/f.n, f.mrr/f.n, int(f.n))
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// crossValidateRanker fits the ranker on four fifths of the messages and
// orders the fifth left out, for each fifth (a message's searches on both
// corpora in the same fifth), and returns the figures by corpus, the
// fused order's beside.
func crossValidateRanker(cases []rankCase, fit func([]rag.RankList) rag.Ranker) (fused, ranked map[string]*rankFigures) {
	fold := func(c rankCase) uint32 { return fnv32a("fold:"+c.ID) % 5 }
	fused, ranked = map[string]*rankFigures{}, map[string]*rankFigures{}
	for k := range uint32(5) {
		var train []rag.RankList
		for _, c := range cases {
			if fold(c) != k && len(c.Expected) > 0 {
				train = append(train, rag.NewRankList(c.Candidates, c.Expected))
			}
		}
		r := fit(train)
		for _, c := range cases {
			if fold(c) != k || len(c.Expected) == 0 {
				continue
			}
			if fused[c.Corpus] == nil {
				fused[c.Corpus], ranked[c.Corpus] = &rankFigures{}, &rankFigures{}
			}
			l := rag.NewRankList(c.Candidates, c.Expected)
			fused[c.Corpus].add(rag.Ranker{}.FirstRelevant(l))
			ranked[c.Corpus].add(r.FirstRelevant(l))
		}
	}
	return fused, ranked
}

// TestFitRanker fits the ranker on the tuning halves of the three message
// files, cross-validated by message (five folds, a message's searches on
// both corpora in the same fold) for each L2 penalty, and prints the
// weights fitted on every message with the penalty DefaultRanker uses. It
// fails when the cross-validated ranker does not beat the fused order's
// MRR on a corpus.
func TestFitRanker(t *testing.T) {
	cases := rankCases(t)
	for _, l2 := range []float64{1e-4, rankerL2, 1e-2, 3e-2} {
		fit := func(ls []rag.RankList) rag.Ranker { return rag.FitRanker(ls, l2, rankerSteps) }
		fused, ranked := crossValidateRanker(cases, fit)
		for _, corpus := range []string{"spf", "full"} {
			if fused[corpus] == nil {
				continue
			}
			t.Logf("l2 %g, %s: fused %v; ranked %v", l2, corpus, fused[corpus], ranked[corpus])
			if l2 == rankerL2 && ranked[corpus].mrr <= fused[corpus].mrr {
				t.Errorf("%s: the ranker's cross-validated MRR is not over the fused order's", corpus)
			}
		}
	}
	var all []rag.RankList
	for _, c := range cases {
		if len(c.Expected) > 0 {
			all = append(all, rag.NewRankList(c.Candidates, c.Expected))
		}
	}
	t.Logf("fitted on every tuning message: %#v", rag.FitRanker(all, rankerL2, rankerSteps))
}

// rankerL2 and rankerSteps are DefaultRanker's fit: its L2 penalty,
// chosen by cross-validation, and its steps of gradient descent.
const (
	rankerL2    = 1e-3
	rankerSteps = 3000
)

// TestRankPlaces prints where the first relevant candidate sits in the
// fused order of the tuning messages.
func TestRankPlaces(t *testing.T) {
	cases := rankCases(t)
	count := map[string]map[string]int{}
	for _, c := range cases {
		if len(c.Expected) == 0 {
			continue
		}
		r := rag.Ranker{}.FirstRelevant(rag.NewRankList(c.Candidates, c.Expected))
		band := "absent"
		switch {
		case r == 1:
			band = "1"
		case r > 0 && r <= 5:
			band = "2-5"
		case r > 0 && r <= 10:
			band = "6-10"
		case r > 0:
			band = "11+"
		}
		if count[c.Corpus] == nil {
			count[c.Corpus] = map[string]int{}
		}
		count[c.Corpus][band]++
	}
	t.Logf("%v", count)
}

// TestRankAblation cross-validates the ranker without each feature.
func TestRankAblation(t *testing.T) {
	cases := rankCases(t)
	for drop := -1; drop < 15; drop++ {
		masked := make([]rankCase, len(cases))
		for i, c := range cases {
			c.Candidates = append([]rag.RankCandidate(nil), c.Candidates...)
			for j := range c.Candidates {
				if drop >= 0 {
					c.Candidates[j].Vec[drop] = 0
				}
			}
			masked[i] = c
		}
		fit := func(ls []rag.RankList) rag.Ranker { return rag.FitRanker(ls, rankerL2, rankerSteps) }
		_, ranked := crossValidateRanker(masked, fit)
		t.Logf("without %d: spf %v; full %v", drop, ranked["spf"], ranked["full"])
	}
}

// rerankedOutcome is the outcome of case c once r orders it: its documents,
// the rank of the first expected one, and the features of its first
// document (variant: "base", the fused order's first; "top", the ranked
// first's; "gap", the ranked first's with the ranker's probability gap as
// its margin).
func rerankedOutcome(c rankCase, r rag.Ranker, variant string) rag.EvalOutcome {
	cs := append([]rag.RankCandidate(nil), c.Candidates...)
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].Place < cs[j].Place })
	l := rag.NewRankList(cs, c.Expected)
	o := rag.EvalOutcome{Question: rag.EvalQuestion{ID: c.ID, Expected: c.Expected}, Top: c.Top}
	order := r.Order(l)
	seen := map[string]bool{}
	for _, i := range order {
		if !seen[l.IDs[i]] {
			seen[l.IDs[i]] = true
			o.Docs = append(o.Docs, l.IDs[i])
		}
	}
	o.Rank = rag.FirstRank(o.Docs, c.Expected)
	if len(order) == 0 || variant == "base" {
		return o
	}
	top := cs[order[0]].Feat
	if variant == "gap" {
		var all float64
		for _, i := range order[:min(len(order), 10)] {
			all += math.Exp(r.Score(l.Vecs[i]) - r.Score(l.Vecs[order[0]]))
		}
		top.Margin = 1 / all // the first document's softmax probability
	}
	o.Top = top
	return o
}

// TestRankReliability cross-validates the reliability decision with the
// ranker (fitted on the same four fifths), by variant of the first
// document's features.
func TestRankReliability(t *testing.T) {
	cases := rankCases(t)
	fold := func(c rankCase) uint32 { return fnv32a("fold:"+c.ID) % 5 }
	for _, variant := range []string{"none", "base", "top", "gap"} {
		var decided []rag.EvalOutcome
		for k := range uint32(5) {
			var lists []rag.RankList
			for _, c := range cases {
				if fold(c) != k && len(c.Expected) > 0 {
					lists = append(lists, rag.NewRankList(c.Candidates, c.Expected))
				}
			}
			r := rag.FitRanker(lists, rankerL2, rankerSteps)
			v := variant
			if variant == "none" {
				r, v = rag.Ranker{}, "base"
			}
			var train, held []rag.EvalOutcome
			for _, c := range cases {
				if fold(c) == k {
					held = append(held, rerankedOutcome(c, r, v))
				} else {
					train = append(train, rerankedOutcome(c, r, v))
				}
			}
			rel, err := rag.Calibrate(train)
			if err != nil {
				t.Fatal(err)
			}
			decided = append(decided, rag.Rescore(held, rel)...)
		}
		sum := rag.Summarize(decided)
		t.Logf("%s: r@5 %.3f found in top 5 %.3f, flagged %.3f", variant, sum.RecallAt5, sum.ReliableFoundInTop5, sum.FlaggedOutOfCorpus)
	}
}

// TestRankShortQuestions evaluates the short questions against the
// databases of PLUME_TUNE_DB, with the ranker and in fused order.
func TestRankShortQuestions(t *testing.T) {
	url, corpora := os.Getenv("PLUME_TUNE_DB"), os.Getenv("PLUME_TUNE_CORPUS")
	if url == "" || corpora == "" {
		t.Skip("set PLUME_TUNE_DB and PLUME_TUNE_CORPUS")
	}
	ctx := context.Background()
	var opts rag.SearchOptions
	if o := os.Getenv("PLUME_TUNE_OPTS"); o != "" {
		if err := json.Unmarshal([]byte(o), &opts); err != nil {
			t.Fatal(err)
		}
	}
	for _, corpus := range strings.Split(corpora, ",") {
		st, err := store.Open(ctx, strings.ReplaceAll(url, "{corpus}", corpus))
		if err != nil {
			t.Fatal(err)
		}
		embedder, err := llm.NewLocalEmbedder(0)
		if err != nil {
			t.Fatal(err)
		}
		s := rag.NewSearcher(st, embedder, rag.DefaultLexicon(), nil, opts)
		files := []string{"spf-questions.jsonl"}
		if corpus == "full" {
			files = append(files, "vosdroits-questions.jsonl")
		}
		for _, file := range files {
			var eqs []rag.EvalQuestion
			for i, q := range loadQuestions(t, filepath.Join("testdata", file)) {
				eqs = append(eqs, rag.EvalQuestion{ID: strconv.Itoa(i + 1), Question: q.Q, Expected: q.IDs})
			}
			for _, r := range []struct {
				name   string
				ranker rag.Ranker
			}{{"fused", rag.Ranker{}}, {"ranked", rag.DefaultRanker}} {
				s.SetRanker(r.ranker)
				rep, err := s.Evaluate(ctx, eqs, 10)
				if err != nil {
					t.Fatal(err)
				}
				t.Logf("%s, %s, %s: r@1 %.3f r@5 %.3f MRR %.3f reliable when found %.3f", corpus, file, r.name,
					rep.RecallAt1, rep.RecallAt5, rep.MRR, rep.ReliableFoundInTop5)
			}
		}
		st.Close()
	}
}

// TestRankDepth cross-validates rankers ordering the first three, five
// and ten documents (DefaultRanker orders five, see rankDepth).
func TestRankDepth(t *testing.T) {
	cases := rankCases(t)
	for _, depth := range []int{3, 5, 10} {
		old := rag.SetRankDepth(depth)
		fit := func(ls []rag.RankList) rag.Ranker { return rag.FitRanker(ls, rankerL2, rankerSteps) }
		fused, ranked := crossValidateRanker(cases, fit)
		rag.SetRankDepth(old)
		t.Logf("depth %d: spf fused %v ranked %v; full fused %v ranked %v", depth, fused["spf"], ranked["spf"], fused["full"], ranked["full"])
	}
}
