package rag

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

// tailRow is one tuning message's search on one corpus, for the study of
// the places after the first five (TestTailStudy): the documents plume
// ranked (Final, their final order), every candidate of the fusion in
// its order before the ranker (Cands, with their scores and places by
// plain BM25) and the plain BM25 list (Plain).
type tailRow struct {
	ID, File, Corpus string
	Expected         []string
	Final            []string
	Vecs             []rankVector
	Cands            []string
	Scores           []float64
	PlainRanks       []int
	Plain            []string
}

func corpusTailRows(t *testing.T, url, corpus string) []tailRow {
	ctx := context.Background()
	st, s := OpenTuneSearcher(t, url, SearchOptions{})
	var tr searchTrace
	s.probe = func(x searchTrace) { tr = x }
	var rows []tailRow
	for _, q := range halfMessageFiles(t, orderFiles, corpus, 0) {
		tr = searchTrace{}
		o, err := s.evalOne(ctx, q.EvalQuestion, 10)
		if err != nil {
			t.Fatal(err)
		}
		row := tailRow{ID: q.ID, File: q.file, Corpus: corpus, Expected: q.Expected, Final: candIDs(o.candidates)}
		for _, c := range o.candidates {
			row.Vecs = append(row.Vecs, c.Vec)
		}
		if len(tr.docs) == 0 {
			rows = append(rows, row)
			continue
		}
		hits, err := st.SearchDocuments(ctx, tr.plan.plain)
		if err != nil {
			t.Fatal(err)
		}
		ids := make([]int64, len(hits))
		for i, h := range hits {
			ids[i] = h.DocumentID
		}
		if len(ids) > 0 {
			row.Plain = externalIDs(t, st, ids)
		}
		cids := make([]int64, len(tr.docs))
		for i, d := range tr.docs {
			cids[i] = d.id
			row.Scores = append(row.Scores, d.score)
			row.PlainRanks = append(row.PlainRanks, d.plainRank)
		}
		row.Cands = externalIDs(t, st, cids)
		rows = append(rows, row)
	}
	return rows
}

// tailVariant orders the places after plume's first five.
type tailVariant struct {
	name string
	tail func(r tailRow, head map[string]bool) []string
}

// depthFigures counts, for depths 1..10, the answerable rows whose
// expected document is among the first d.
type depthFigures struct {
	n   int
	at  [10]int
	mrr float64
}

func (f *depthFigures) add(rank int) {
	f.n++
	for d := range 10 {
		if rank > 0 && rank <= d+1 {
			f.at[d]++
		}
	}
	if rank > 0 && rank <= 10 {
		f.mrr += 1 / float64(rank)
	}
}

func (f depthFigures) String() string {
	var b strings.Builder
	for _, c := range f.at {
		fmt.Fprintf(&b, " %.3f", float64(c)/float64(max(f.n, 1)))
	}
	fmt.Fprintf(&b, " mrr %.3f", f.mrr/float64(max(f.n, 1)))
	return b.String()
}

// withTail is a row's first five by plume then the variant's tail.
func withTail(r tailRow, v tailVariant) []string {
	head := map[string]bool{}
	out := append([]string(nil), r.Final[:min(5, len(r.Final))]...)
	for _, id := range out {
		head[id] = true
	}
	for _, id := range v.tail(r, head) {
		if !head[id] {
			head[id] = true
			out = append(out, id)
		}
	}
	return out
}

// tailByScore orders the candidates after the head by their score plus
// w times plain BM25's reciprocal rank (k 20); with plainOnly, the plain
// list's documents that are no candidate join with its part alone.
func tailByScore(w float64, plainOnly bool) func(tailRow, map[string]bool) []string {
	return func(r tailRow, head map[string]bool) []string {
		type c struct {
			id string
			s  float64
		}
		var cs []c
		seen := map[string]bool{}
		rrf := func(rank int) float64 {
			if rank == 0 {
				return 0
			}
			return 1 / (20 + float64(rank))
		}
		for i, id := range r.Cands {
			seen[id] = true
			cs = append(cs, c{id, r.Scores[i] + w*rrf(r.PlainRanks[i])})
		}
		if plainOnly {
			for i, id := range r.Plain {
				if !seen[id] {
					cs = append(cs, c{id, w * rrf(i+1)})
				}
			}
		}
		sort.SliceStable(cs, func(i, j int) bool { return cs[i].s > cs[j].s })
		out := make([]string, len(cs))
		for i, x := range cs {
			out[i] = x.id
		}
		return out
	}
}

// tailInterleave alternates plain BM25's best remaining document and
// plume's (plainFirst: plain BM25's first), skipping those placed.
func tailInterleave(plainFirst bool, plainOnly bool) func(tailRow, map[string]bool) []string {
	return func(r tailRow, head map[string]bool) []string {
		inCands := map[string]bool{}
		for _, id := range r.Cands {
			inCands[id] = true
		}
		var plain []string
		for _, id := range r.Plain {
			if plainOnly || inCands[id] {
				plain = append(plain, id)
			}
		}
		lists := [2][]string{r.Cands, plain}
		turn := 0
		if plainFirst {
			turn = 1
		}
		placed := map[string]bool{}
		for k := range head {
			placed[k] = true
		}
		var out []string
		pos := [2]int{}
		for pos[0] < len(lists[0]) || pos[1] < len(lists[1]) {
			l := lists[turn]
			for pos[turn] < len(l) && placed[l[pos[turn]]] {
				pos[turn]++
			}
			if pos[turn] < len(l) {
				placed[l[pos[turn]]] = true
				out = append(out, l[pos[turn]])
				pos[turn]++
			}
			turn = 1 - turn
		}
		return out
	}
}

// tailFloor keeps plain BM25's first n documents (candidates, or any with
// plainOnly) in the first ten: those missing take the last places of the
// tail's first five.
func tailFloor(n int, plainOnly bool) func(tailRow, map[string]bool) []string {
	return func(r tailRow, head map[string]bool) []string {
		inCands := map[string]bool{}
		for _, id := range r.Cands {
			inCands[id] = true
		}
		var must []string
		for _, id := range r.Plain[:min(n, len(r.Plain))] {
			if !head[id] && (plainOnly || inCands[id]) {
				must = append(must, id)
			}
		}
		isMust := map[string]bool{}
		for _, id := range must {
			isMust[id] = true
		}
		var rest []string
		for _, id := range r.Cands {
			if !head[id] && !isMust[id] {
				rest = append(rest, id)
			}
		}
		free := max(5-len(must), 0)
		out := append([]string(nil), rest[:min(free, len(rest))]...)
		out = append(out, must...)
		return append(out, rest[min(free, len(rest)):]...)
	}
}

// TestTailStudy prints, on the tuning halves, recall at depths 1 to 10 of
// plain BM25, plume and variants of plume's places after the fifth.
func TestTailStudy(t *testing.T) {
	rows := tuneRows(t, os.Getenv("PLUME_TAIL_ROWS"), func(url, corpus string) []tailRow { return corpusTailRows(t, url, corpus) })
	vs := []tailVariant{
		{"plume", func(r tailRow, _ map[string]bool) []string { return r.Final }},
		{"cands", func(r tailRow, _ map[string]bool) []string { return r.Cands }},
	}
	for _, w := range []float64{0.5, 1, 2, 3, 5, 10} {
		vs = append(vs, tailVariant{fmt.Sprintf("w%g", w), tailByScore(w, false)})
		vs = append(vs, tailVariant{fmt.Sprintf("w%g+P", w), tailByScore(w, true)})
	}
	vs = append(vs,
		tailVariant{"il-plume", tailInterleave(false, false)},
		tailVariant{"il-plain", tailInterleave(true, false)},
		tailVariant{"il-plain+P", tailInterleave(true, true)},
	)
	for _, n := range []int{3, 4, 5, 6, 8, 10} {
		vs = append(vs, tailVariant{fmt.Sprintf("floor%d", n), tailFloor(n, false)})
		vs = append(vs, tailVariant{fmt.Sprintf("floor%d+P", n), tailFloor(n, true)})
	}
	reportTail(t, rows, vs)
}

func reportTail(t *testing.T, rows []tailRow, vs []tailVariant) {
	type key struct{ file, corpus string }
	figs := map[key][]depthFigures{}
	var keys []key
	for _, r := range rows {
		if len(r.Expected) == 0 {
			continue
		}
		for _, k := range []key{{"all", r.Corpus}, {r.File, r.Corpus}} {
			if figs[k] == nil {
				figs[k] = make([]depthFigures, len(vs)+1)
				keys = append(keys, k)
			}
			figs[k][0].add(FirstRank(r.Plain[:min(10, len(r.Plain))], r.Expected))
			for i, v := range vs {
				figs[k][i+1].add(FirstRank(withTail(r, v)[:min(10, len(withTail(r, v)))], r.Expected))
			}
		}
	}
	sort.SliceStable(keys, func(i, j int) bool { return keys[i].file == "all" && keys[j].file != "all" })
	for _, k := range keys {
		t.Logf("%s %s n=%d", k.file, k.corpus, figs[k][0].n)
		t.Logf("  %-12s%s", "plainBM25", figs[k][0])
		for i, v := range vs {
			t.Logf("  %-12s%s", v.name, figs[k][i+1])
		}
	}
}

// tailList is the list of a row's documents after the first five, in
// fused order, the expected ones marked.
func tailList(r tailRow) RankList {
	var l RankList
	for i := 5; i < len(r.Final); i++ {
		l.IDs, l.Vecs = append(l.IDs, r.Final[i]), append(l.Vecs, r.Vecs[i])
		l.Relevant = append(l.Relevant, FirstRank([]string{r.Final[i]}, r.Expected) == 1)
	}
	return l
}

// tailByRanker orders the places after the first five by the ranker
// chosen for the row.
func tailByRanker(pick func(tailRow) Ranker) func(tailRow, map[string]bool) []string {
	return func(r tailRow, _ map[string]bool) []string {
		l := tailList(r)
		rk := pick(r)
		idx := make([]int, len(l.IDs))
		for i := range idx {
			idx[i] = i
		}
		sort.SliceStable(idx, func(a, b int) bool { return rk.score(l.Vecs[idx[a]]) > rk.score(l.Vecs[idx[b]]) })
		out := make([]string, len(idx))
		for i, j := range idx {
			out[i] = l.IDs[j]
		}
		return out
	}
}

// TestTailRanker fits a ranker of the places after the first five on the
// tuning halves, cross-validated by message (five folds), and prints its
// recall at depths 1 to 10 beside the default ranker's on those places.
func TestTailRanker(t *testing.T) {
	rows := tuneRows(t, os.Getenv("PLUME_TAIL_ROWS"), func(url, corpus string) []tailRow { return corpusTailRows(t, url, corpus) })
	old := SetRankDepth(15)
	defer SetRankDepth(old)
	fold := func(r tailRow) uint32 { return fnv32("fold:"+r.ID) % 5 }
	vs := []tailVariant{{"plume", func(r tailRow, _ map[string]bool) []string { return r.Final }}}
	for _, extra := range []float64{0, 1, 2, 4, 6, 10} {
		place := DefaultRanker
		place.Weights[4] += extra
		vs = append(vs, tailVariant{fmt.Sprintf("default+%g", extra), tailByRanker(func(tailRow) Ranker { return place })})
	}
	for _, l2 := range []float64{1e-3, 1e-2, 3e-2} {
		var folds [5]Ranker
		for k := range uint32(5) {
			var lists []RankList
			for _, r := range rows {
				if fold(r) != k && len(r.Expected) > 0 && FirstRank(r.Final[:min(5, len(r.Final))], r.Expected) == 0 {
					lists = append(lists, tailList(r))
				}
			}
			folds[k] = FitRanker(lists, l2, 500)
		}
		vs = append(vs, tailVariant{fmt.Sprintf("cv l2 %g", l2), tailByRanker(func(r tailRow) Ranker { return folds[fold(r)] })})
		var lists []RankList
		for _, r := range rows {
			if len(r.Expected) > 0 && FirstRank(r.Final[:min(5, len(r.Final))], r.Expected) == 0 {
				lists = append(lists, tailList(r))
			}
		}
		t.Logf("l2 %g on all: %#v", l2, FitRanker(lists, l2, 500).Weights)
	}
	reportTail(t, rows, vs)
}

func fnv32(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}
