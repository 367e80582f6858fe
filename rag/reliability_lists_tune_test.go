package rag

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math"
	"os"
	"sort"
	"strings"
	"testing"
)

// The tests of this file study what the ranked lists say of the
// reliability decision (session 13): the plain BM25 list's and the
// semantic list's places for the document the decision reads, whether the
// ranker keeps it first, and the best of the first five documents, on the
// rows TestRankReliability caches (PLUME_RANK_CASES: the tuning halves of
// the message files over both corpora). They skip without them.

// listCase is one tuning message's search on one corpus, as
// TestRankReliability caches it.
type listCase struct {
	ID, Corpus string
	Expected   []string
	Top        Features
	Candidates []rankCandidate
}

// listCases reads the cached searches of PLUME_RANK_CASES (one or more
// files, comma-separated).
func listCases(t *testing.T) []listCase {
	paths := os.Getenv("PLUME_RANK_CASES")
	if paths == "" {
		t.Skip("set PLUME_RANK_CASES to the files TestRankReliability cached")
	}
	var out []listCase
	for _, p := range strings.Split(paths, ",") {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var cs []listCase
		if err := json.Unmarshal(raw, &cs); err != nil {
			t.Fatal(err)
		}
		out = append(out, cs...)
	}
	return out
}

// rank is the 1-based place of the first expected document in the final
// order (0: absent from the first ten).
func (c listCase) rank() int {
	var ids []string
	seen := map[string]bool{}
	for _, d := range c.Candidates {
		if !seen[d.DocID] && len(ids) < 10 {
			seen[d.DocID] = true
			ids = append(ids, d.DocID)
		}
	}
	return FirstRank(ids, c.Expected)
}

func (c listCase) decided() bool {
	r := c.rank()
	return len(c.Expected) == 0 || (r > 0 && r <= 5)
}

// file is the message file of the case, from its id's prefix.
func (c listCase) file() string {
	p, _, _ := strings.Cut(c.ID, "-")
	if len(p) > 1 && p[0] == 'r' && p[1] >= '0' && p[1] <= '9' {
		return strings.TrimRight(p, "abcdefghijklmnopqrstuvwxyz")
	}
	return "messages"
}

// top is the candidate the decision reads (the one whose features are
// Top), and its index in the final order (-1: none).
func (c listCase) top() (rankCandidate, int) {
	for i, d := range c.Candidates {
		if d.Feat == c.Top {
			return d, i
		}
	}
	return rankCandidate{}, -1
}

// listExtras are the candidate signals, by name.
var listExtras = map[string]func(c listCase) float64{
	"plainPlace": func(c listCase) float64 { d, _ := c.top(); return d.Vec[15] },
	"plainFirst": func(c listCase) float64 { d, _ := c.top(); return b2f(d.Vec[15] > 0.95) },
	"plainTop3":  func(c listCase) float64 { d, _ := c.top(); return b2f(d.Vec[15] >= 20.0/23-1e-9) },
	"semPlace":   func(c listCase) float64 { d, _ := c.top(); return d.Vec[3] },
	"semFirst":   func(c listCase) float64 { d, _ := c.top(); return b2f(d.Vec[3] > 0.95) },
	"semTop3":    func(c listCase) float64 { d, _ := c.top(); return b2f(d.Vec[3] >= 20.0/23-1e-9) },
	"bm25First":  func(c listCase) float64 { d, _ := c.top(); return b2f(d.Vec[0] > 0.95) },
	"textPlace":  func(c listCase) float64 { d, _ := c.top(); return d.Vec[1] },
	"vecPlace":   func(c listCase) float64 { d, _ := c.top(); return d.Vec[2] },
	"rankerKeeps": func(c listCase) float64 {
		_, i := c.top()
		return b2f(i == 0)
	},
	"firstsAgree": func(c listCase) float64 { return listsWhere(c, func(p float64) bool { return p > 0.95 }) },
	"listsHold":   func(c listCase) float64 { return listsWhere(c, func(p float64) bool { return p > 0 }) },
	"plainAgree5": func(c listCase) float64 {
		n := 0.0
		for _, d := range c.Candidates[:min(5, len(c.Candidates))] {
			n += b2f(d.Vec[15] >= 20.0/25-1e-9)
		}
		return n / 5
	},
	"semAgree5": func(c listCase) float64 {
		n := 0.0
		for _, d := range c.Candidates[:min(5, len(c.Candidates))] {
			n += b2f(d.Vec[3] >= 20.0/25-1e-9)
		}
		return n / 5
	},
	"best5Request": func(c listCase) float64 { return bestOf5(c, func(f Features) float64 { return f.Request }) },
	"best5Passage": func(c listCase) float64 { return bestOf5(c, func(f Features) float64 { return f.Passage }) },
	"best5Title":   func(c listCase) float64 { return bestOf5(c, func(f Features) float64 { return f.Title }) },
	"best5Score": func(c listCase) float64 {
		return bestOf5(c, func(f Features) float64 { return logOdds(DefaultReliability.Score(f)) })
	},
	"rankedFirstScore": func(c listCase) float64 {
		if len(c.Candidates) == 0 {
			return 0
		}
		return logOdds(DefaultReliability.Score(c.Candidates[0].Feat))
	},
	"secondRequestGap": func(c listCase) float64 { return gapToNext(c, func(f Features) float64 { return f.Request }) },
	"secondPassageGap": func(c listCase) float64 { return gapToNext(c, func(f Features) float64 { return f.Passage }) },
}

// listsWhere is the share of the five lists (BM25, full text, vectors,
// semantic, plain BM25) whose place for the document the decision reads
// satisfies ok.
func listsWhere(c listCase, ok func(place float64) bool) float64 {
	d, _ := c.top()
	n := 0.0
	for _, j := range []int{0, 1, 2, 3, 15} {
		n += b2f(ok(d.Vec[j]))
	}
	return n / 5
}

// gapToNext is f of the document the decision reads minus f of the best
// other document (1 with a single document).
func gapToNext(c listCase, f func(Features) float64) float64 {
	if len(c.Candidates) < 2 {
		return 1
	}
	d, i := c.top()
	o := c.Candidates[0]
	if i == 0 {
		o = c.Candidates[1]
	}
	return f(d.Feat) - f(o.Feat)
}

// bestOf5 is the largest value of f among the first five documents.
func bestOf5(c listCase, f func(Features) float64) float64 {
	best := 0.0
	for _, d := range c.Candidates[:min(5, len(c.Candidates))] {
		best = math.Max(best, f(d.Feat))
	}
	return best
}

// listX is a case's features: the eleven (strip: the cues left out) and
// the extras named.
func listX(c listCase, extras []string, strip bool) []float64 {
	v := c.Top.vector()
	if strip {
		v[9], v[10] = 0, 0
	}
	x := append([]float64(nil), v[:]...)
	for _, e := range extras {
		x = append(x, listExtras[e](c))
	}
	return x
}

// listRates are the cross-validated rates (reliable when found, flagged)
// by group ("" all, a corpus, a file/corpus pair).
type listRates map[string][2]float64

// cvLists cross-validates the model over extras: five folds by message,
// averaged over salts.
func cvLists(cases []listCase, extras []string, strip bool, salts []string) listRates {
	return cvListsFit(cases, extras, strip, salts, false)
}

// cvListsFit is cvLists, the model fitted with each corpus's classes
// weighed alike and the threshold balancing every corpus's rates when
// grouped is set (fitGroups).
func cvListsFit(cases []listCase, extras []string, strip bool, salts []string, grouped bool) listRates {
	sum := map[string][4]float64{}
	for _, salt := range salts {
		fold := func(id string) uint32 { return saltedFold(salt, id) }
		for k := range uint32(5) {
			var xs [][]float64
			var ys []float64
			var gs []string
			for _, c := range cases {
				if c.decided() && fold(c.ID) != k {
					xs, ys = append(xs, listX(c, extras, strip)), append(ys, b2f(len(c.Expected) > 0))
					gs = append(gs, c.Corpus)
				}
			}
			m := fitLogit(xs, ys)
			if grouped {
				m = fitGroups(xs, ys, gs)
			}
			for _, c := range cases {
				if !c.decided() || fold(c.ID) != k {
					continue
				}
				rel := m.score(listX(c, extras, strip)) >= m.threshold
				cls, hit := 0, rel
				if len(c.Expected) == 0 {
					cls, hit = 2, !rel
				}
				for _, g := range []string{"", c.Corpus, c.file() + "/" + c.Corpus} {
					s := sum[g]
					s[cls]++
					s[cls+1] += b2f(hit)
					sum[g] = s
				}
			}
		}
	}
	out := listRates{}
	for g, s := range sum {
		out[g] = [2]float64{s[1] / s[0], s[3] / s[2]}
	}
	return out
}

func (r listRates) String() string {
	low := func(g string) float64 { return math.Min(r[g][0], r[g][1]) }
	return fmt.Sprintf("%.3f / %.3f (min %.3f; fiches %.3f / %.3f, whole %.3f / %.3f)",
		r[""][0], r[""][1], low(""), r["spf"][0], r["spf"][1], r["full"][0], r["full"][1])
}

var listSalts = []string{"fold:", "fold':", "fold'':", "fold''':", "fold'''':"}

// TestReliabilityLists cross-validates the eleven features with each
// candidate signal added, with the cues and without.
func TestReliabilityLists(t *testing.T) {
	cases := listCases(t)
	missing := 0
	for _, c := range cases {
		if _, i := c.top(); i < 0 && len(c.Candidates) > 0 {
			missing++
		}
	}
	t.Logf("%d cases, %d without their first document among the candidates", len(cases), missing)
	names := make([]string, 0, len(listExtras))
	for n := range listExtras {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, strip := range []bool{false, true} {
		t.Logf("cues left out: %v; eleven features: %v", strip, cvLists(cases, nil, strip, listSalts))
		for _, n := range names {
			t.Logf("  + %-18s %v", n, cvLists(cases, []string{n}, strip, listSalts))
		}
	}
}

// TestReliabilityListsGreedy adds, one at a time, the signal that most
// raises the smaller cross-validated rate (with the cues), and stops when
// none raises it by half a point; it then prints the chosen set by file.
func TestReliabilityListsGreedy(t *testing.T) {
	cases := listCases(t)
	var chosen []string
	base := cvLists(cases, nil, false, listSalts)
	best := math.Min(base[""][0], base[""][1])
	for {
		pick := ""
		for n := range listExtras {
			if contains(chosen, n) {
				continue
			}
			r := cvLists(cases, append(append([]string(nil), chosen...), n), false, listSalts)
			if m := math.Min(r[""][0], r[""][1]); m > best+0.005 {
				best, pick = m, n
			}
		}
		if pick == "" {
			break
		}
		chosen = append(chosen, pick)
		t.Logf("chosen %v: %v", chosen, cvLists(cases, chosen, false, listSalts))
	}
	for _, set := range [][]string{nil, chosen} {
		r := cvLists(cases, set, false, listSalts)
		var groups []string
		for g := range r {
			if strings.Contains(g, "/") {
				groups = append(groups, g)
			}
		}
		sort.Strings(groups)
		for _, g := range groups {
			t.Logf("%v %-16s %.3f / %.3f", set, g, r[g][0], r[g][1])
		}
	}
}

// saltedFold is the fold (of five) of a message id under a salt.
func saltedFold(salt, id string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(salt + id))
	return h.Sum32() % 5
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// TestReliabilityListsByFile prints, by message file and corpus, recall at
// five and the decision of the model in use (not cross-validated).
func TestReliabilityListsByFile(t *testing.T) {
	cases := listCases(t)
	type tally struct{ n, at5, found, rel, neg, flagged float64 }
	by := map[string]*tally{}
	for _, c := range cases {
		g := c.file() + "/" + c.Corpus
		if by[g] == nil {
			by[g] = &tally{}
		}
		s := by[g]
		rel := DefaultReliability.Score(c.Top) >= DefaultReliability.Threshold
		if len(c.Expected) == 0 {
			s.neg++
			s.flagged += b2f(!rel)
			continue
		}
		s.n++
		if r := c.rank(); r > 0 && r <= 5 {
			s.at5++
			s.found++
			s.rel += b2f(rel)
		}
	}
	var groups []string
	for g := range by {
		groups = append(groups, g)
	}
	sort.Strings(groups)
	for _, g := range groups {
		s := by[g]
		t.Logf("%-16s r@5 %.3f (%d/%d) reliable when found %.3f (%d/%d) flagged %.3f (%d/%d)", g,
			s.at5/s.n, int(s.at5), int(s.n), s.rel/s.found, int(s.rel), int(s.found), s.flagged/s.neg, int(s.flagged), int(s.neg))
	}
}

// TestReliabilityListsGroups cross-validates the eleven features and the
// title's best share, fitted on the pooled corpora or corpus-balanced.
func TestReliabilityListsGroups(t *testing.T) {
	cases := listCases(t)
	for _, extras := range [][]string{nil, {"best5Title"}, {"best5Title", "vecPlace"}} {
		for _, grouped := range []bool{false, true} {
			t.Logf("%v corpus-balanced %v: %v", extras, grouped, cvListsFit(cases, extras, false, listSalts, grouped))
		}
	}
}
