package rag

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// The tests of this file study the reliability model's form on the rows
// TestTuneMessages dumps (PLUME_TUNE_DUMP: the tuning halves of the five
// message files over both corpora), read from PLUME_RELIABILITY_ROWS:
// the threshold's trade-off, the corpus's size, interactions of the
// features, and the out-of-corpus messages taken for answered. They skip
// without it.

// studyRow is one tuning message's first document on one corpus.
type studyRow struct {
	ID, Corpus     string
	Expected, Docs []string
	Rank           int
	Top            Features
}

func (r studyRow) answerable() bool { return len(r.Expected) > 0 }

// decided reports whether the row says something of the decision: an
// out-of-corpus message, or an answerable one found in the first five.
func (r studyRow) decided() bool { return !r.answerable() || (r.Rank > 0 && r.Rank <= 5) }

func studyRows(t *testing.T) []studyRow {
	path := os.Getenv("PLUME_RELIABILITY_ROWS")
	if path == "" {
		t.Skip("set PLUME_RELIABILITY_ROWS to a file TestTuneMessages dumped (PLUME_TUNE_DUMP)")
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []studyRow
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r studyRow
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		rows = append(rows, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

// studyForm is a form of the model: the features it sees of a row.
type studyForm struct {
	name string
	x    func(studyRow) []float64
	// split fits one model per corpus when set; splitThreshold, one
	// model over both and a threshold per corpus.
	split, splitThreshold bool
}

func baseX(r studyRow) []float64 { v := r.Top.vector(); return v[:] }

// withFull is the base features and the corpus indicator (1: the whole
// corpus), with the products of the indicator and the features named.
func withFull(products ...int) func(studyRow) []float64 {
	return func(r studyRow) []float64 {
		x := baseX(r)
		full := b2f(r.Corpus == "full")
		x = append(x, full)
		for _, i := range products {
			x = append(x, full*x[i])
		}
		return x
	}
}

// withPairs is the base features and the products of the pairs named.
func withPairs(pairs ...[2]int) func(studyRow) []float64 {
	return func(r studyRow) []float64 {
		x := baseX(r)
		n := len(x)
		for _, p := range pairs {
			x = append(x, x[p[0]%n]*x[p[1]%n])
		}
		return x
	}
}

// oof returns every decided row's out-of-fold score under a form (five
// folds by message, salted), and each row's fold's threshold.
func oof(rows []studyRow, form studyForm, salt string) (scores, thresholds []float64) {
	fold := func(id string) uint32 { return saltedFold(salt, id) }
	scores, thresholds = make([]float64, len(rows)), make([]float64, len(rows))
	groups := []string{""}
	if form.split {
		groups = []string{"spf", "full"}
	}
	for _, g := range groups {
		for k := range uint32(5) {
			var xs [][]float64
			var ys []float64
			for _, r := range rows {
				if r.decided() && fold(r.ID) != k && (g == "" || r.Corpus == g) {
					xs, ys = append(xs, form.x(r)), append(ys, b2f(r.answerable()))
				}
			}
			m := fitLogit(xs, ys)
			for i, r := range rows {
				if fold(r.ID) == k && (g == "" || r.Corpus == g) {
					scores[i], thresholds[i] = m.score(form.x(r)), m.threshold
				}
			}
			if form.splitThreshold {
				splitThresholds(rows, form, m, func(r studyRow) bool { return fold(r.ID) == k }, thresholds)
			}
		}
	}
	return scores, thresholds
}

// splitThresholds sets the threshold of every held row to the one that
// balances the rates of the training rows of its corpus under model m.
func splitThresholds(rows []studyRow, form studyForm, m logit, held func(studyRow) bool, thresholds []float64) {
	for _, c := range []string{"spf", "full"} {
		var scores, ys []float64
		for _, r := range rows {
			if r.Corpus == c && r.decided() && !held(r) {
				scores, ys = append(scores, m.score(form.x(r))), append(ys, b2f(r.answerable()))
			}
		}
		th := balancedThreshold(scores, ys)
		for i, r := range rows {
			if r.Corpus == c && held(r) {
				thresholds[i] = th
			}
		}
	}
}

// studyRates are the decision's two rates, by corpus and together.
type studyRates struct{ found, flagged map[string]float64 }

func (s studyRates) String() string {
	low := math.Min(math.Min(s.found["spf"], s.flagged["spf"]), math.Min(s.found["full"], s.flagged["full"]))
	return fmt.Sprintf("found %.3f flagged %.3f min %.3f, corpus min %.3f (fiches %.3f/%.3f, whole %.3f/%.3f)",
		s.found[""], s.flagged[""], math.Min(s.found[""], s.flagged[""]), low,
		s.found["spf"], s.flagged["spf"], s.found["full"], s.flagged["full"])
}

// ratesAt decides every decided row by reliable(i) and returns the rates.
func ratesAt(rows []studyRow, reliable func(i int) bool) studyRates {
	n, got := map[string][2]float64{}, map[string][2]float64{}
	for i, r := range rows {
		if !r.decided() {
			continue
		}
		c, hit := 0, reliable(i)
		if !r.answerable() {
			c, hit = 1, !hit
		}
		for _, g := range []string{"", r.Corpus} {
			nv, gv := n[g], got[g]
			nv[c]++
			gv[c] += b2f(hit)
			n[g], got[g] = nv, gv
		}
	}
	out := studyRates{map[string]float64{}, map[string]float64{}}
	for g, nv := range n {
		out.found[g], out.flagged[g] = got[g][0]/nv[0], got[g][1]/nv[1]
	}
	return out
}

// cvStudy is the cross-validated rates of a form, averaged over salts.
func cvStudy(rows []studyRow, form studyForm, salts []string) studyRates {
	sum := studyRates{map[string]float64{}, map[string]float64{}}
	for _, salt := range salts {
		scores, th := oof(rows, form, salt)
		r := ratesAt(rows, func(i int) bool { return scores[i] >= th[i] })
		for g := range r.found {
			sum.found[g] += r.found[g] / float64(len(salts))
			sum.flagged[g] += r.flagged[g] / float64(len(salts))
		}
	}
	return sum
}

var studySalts = []string{"fold:", "fold':", "fold'':", "fold''':", "fold'''':"}

// TestReliabilityForms cross-validates forms of the reliability model:
// the eleven features, with the corpus's size, one model per corpus, and
// the pairwise products of features added greedily.
func TestReliabilityForms(t *testing.T) {
	rows := studyRows(t)
	all := make([]int, numFeatures)
	for i := range all {
		all[i] = i
	}
	forms := []studyForm{
		{name: "eleven features", x: baseX},
		{name: "+ whole corpus", x: withFull()},
		{name: "+ whole corpus × every feature", x: withFull(all...)},
		{name: "one model per corpus", x: baseX, split: true},
		{name: "one threshold per corpus", x: baseX, splitThreshold: true},
		{name: "+ whole corpus, threshold per corpus", x: withFull(), splitThreshold: true},
	}
	for i := range numFeatures {
		forms = append(forms, studyForm{name: fmt.Sprintf("+ whole corpus, × feature %d", i), x: withFull(i)})
	}
	for _, f := range forms {
		t.Logf("%-38s %v", f.name, cvStudy(rows, f, studySalts))
	}
	if os.Getenv("PLUME_RELIABILITY_PAIRS") != "" {
		greedyPairs(t, rows)
	}
}

// greedyPairs adds, one at a time, the product of two features that most
// raises the smaller cross-validated rate, and stops when none raises it
// by half a point.
func greedyPairs(t *testing.T, rows []studyRow) {
	var chosen [][2]int
	base := cvStudy(rows, studyForm{x: baseX}, studySalts)
	best := math.Min(base.found[""], base.flagged[""])
	for {
		var pick [2]int
		found := false
		for i := range numFeatures {
			for j := i; j < numFeatures; j++ {
				try := append(append([][2]int(nil), chosen...), [2]int{i, j})
				r := cvStudy(rows, studyForm{x: withPairs(try...)}, studySalts)
				if m := math.Min(r.found[""], r.flagged[""]); m > best+0.005 {
					best, pick, found = m, [2]int{i, j}, true
					t.Logf("  candidate %v: %v", try, r)
				}
			}
		}
		if !found {
			return
		}
		chosen = append(chosen, pick)
		t.Logf("pairs chosen %v: min %.3f", chosen, best)
	}
}

// TestReliabilityTradeOff prints the two cross-validated rates as the
// threshold moves (out-of-fold scores of the eleven features, one salt),
// and the out-of-corpus messages taken for answered at the balanced
// thresholds, with their features, first documents and text.
func TestReliabilityTradeOff(t *testing.T) {
	rows := studyRows(t)
	form := studyForm{name: "eleven features", x: baseX}
	if os.Getenv("PLUME_RELIABILITY_SPLIT") != "" {
		form.split = true
	}
	def := ratesAt(rows, func(i int) bool {
		return DefaultReliability.Score(rows[i].Top) >= DefaultReliability.Threshold
	})
	t.Logf("DefaultReliability, not cross-validated: %v", def)
	scores, th := oof(rows, form, "fold:")
	for _, shift := range []float64{-1.5, -1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1, 1.5} {
		r := ratesAt(rows, func(i int) bool { return logOdds(scores[i]) >= logOdds(th[i])+shift })
		t.Logf("threshold %+.2f log-odds from the balanced one: %v", shift, r)
	}
	text := messageTexts(t)
	var missed []int
	for i, r := range rows {
		if !r.answerable() && scores[i] >= th[i] {
			missed = append(missed, i)
		}
	}
	sort.Slice(missed, func(a, b int) bool { return scores[missed[a]]-th[missed[a]] > scores[missed[b]]-th[missed[b]] })
	for _, i := range missed {
		r := rows[i]
		t.Logf("taken for answered: %s on %s, score %.2f (threshold %.2f), first %v, %+v\n    %.220s",
			r.ID, r.Corpus, scores[i], th[i], r.Docs, r.Top, text[r.ID])
	}
}

// messageTexts maps every message id of the five files to its text.
func messageTexts(t *testing.T) map[string]string {
	out := map[string]string{}
	for _, file := range []string{"messages.jsonl", "messages-r7.jsonl", "messages-r8.jsonl", "messages-r9.jsonl", "messages-r10.jsonl"} {
		raw, err := os.ReadFile(filepath.Join("testdata", file))
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(raw), "\n") {
			var m EvalQuestion
			if strings.TrimSpace(line) == "" {
				continue
			}
			if err := json.Unmarshal([]byte(line), &m); err != nil {
				t.Fatal(err)
			}
			out[m.ID] = m.Question
		}
	}
	return out
}

// fitGroups fits a logistic model whose rows weigh so that each class of
// each group (corpus) weighs the same, with the L2 penalty of fitWeights,
// and the threshold that best balances the rates of every group.
func fitGroups(xs [][]float64, ys []float64, groups []string) logit {
	count := map[string]float64{}
	for i, g := range groups {
		count[fmt.Sprint(g, ys[i])]++
	}
	cells := float64(len(count))
	sw := make([]float64, len(xs))
	for i, g := range groups {
		sw[i] = float64(len(xs)) / (cells * count[fmt.Sprint(g, ys[i])])
	}
	m := logit{w: make([]float64, len(xs[0]))}
	m.bias = fitWeighted(xs, ys, sw, m.w)
	scores := make([]float64, len(xs))
	for i, x := range xs {
		scores[i] = m.score(x)
	}
	m.threshold = groupThreshold(scores, ys, groups)
	return m
}

// groupThreshold is the threshold among the scores that maximizes the
// smallest of the two rates of every group (then their sum).
func groupThreshold(scores, ys []float64, groups []string) float64 {
	cands := append([]float64(nil), scores...)
	sort.Float64s(cands)
	best, bestMin, bestSum := 0.5, -1.0, -1.0
	for _, th := range cands {
		n, hit := map[string]float64{}, map[string]float64{}
		for i, s := range scores {
			k := fmt.Sprint(groups[i], ys[i])
			n[k]++
			if (s >= th) == (ys[i] == 1) {
				hit[k]++
			}
		}
		low, sum := 1.0, 0.0
		for k := range n {
			low, sum = math.Min(low, hit[k]/n[k]), sum+hit[k]/n[k]
		}
		if low > bestMin || (low == bestMin && sum > bestSum) {
			best, bestMin, bestSum = th, low, sum
		}
	}
	return best
}

// TestReliabilityGroups cross-validates models fitted with each corpus's
// classes weighed alike and the threshold balancing every corpus's rates,
// with and without the corpus indicator.
func TestReliabilityGroups(t *testing.T) {
	rows := studyRows(t)
	for _, f := range []studyForm{{name: "eleven features", x: baseX}, {name: "+ whole corpus", x: withFull()}} {
		sum := studyRates{map[string]float64{}, map[string]float64{}}
		for _, salt := range studySalts {
			fold := func(id string) uint32 { return saltedFold(salt, id) }
			scores, th := make([]float64, len(rows)), make([]float64, len(rows))
			for k := range uint32(5) {
				var xs [][]float64
				var ys []float64
				var gs []string
				for _, r := range rows {
					if r.decided() && fold(r.ID) != k {
						xs, ys, gs = append(xs, f.x(r)), append(ys, b2f(r.answerable())), append(gs, r.Corpus)
					}
				}
				m := fitGroups(xs, ys, gs)
				for i, r := range rows {
					if fold(r.ID) == k {
						scores[i], th[i] = m.score(f.x(r)), m.threshold
					}
				}
			}
			r := ratesAt(rows, func(i int) bool { return scores[i] >= th[i] })
			for g := range r.found {
				sum.found[g] += r.found[g] / float64(len(studySalts))
				sum.flagged[g] += r.flagged[g] / float64(len(studySalts))
			}
		}
		t.Logf("corpus-balanced, %-20s %v", f.name, sum)
	}
}
