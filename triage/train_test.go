package triage

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"hash/fnv"
	"math"
	"os"
	"slices"
	"sync"
	"testing"
)

var update = flag.Bool("update", false, "retrain the classifier and rewrite model.bin")

// trainSettings are the settings the classifier is trained with. They
// are part of the digest: changing one makes TestModelFile ask for
// model.bin to be retrained (go generate ./triage).
type trainSettings struct {
	lambda float64 // L2 penalty
	epochs int     // full-batch Adam steps
	rate   float64 // Adam step size
	// maxRoutineRaised is the share of routine messages the classifier
	// may raise on its own, in leave-one-round-out: the lexicon's false
	// alarms on new rounds were 5 to 17 %, and routine kept must stay
	// ≥ 0.90.
	maxRoutineRaised float64
	// maxAttentionUrgent is the share of attention messages the urgent
	// sub-model may make urgent, in leave-one-round-out; it may make
	// urgent no more than a third of the routine messages raised.
	maxAttentionUrgent float64
	// maxFlaggedUrgent is the share of the attention messages already
	// needing attention (by the lexicon or the needs sub-model) that the
	// flagged threshold decides and makes urgent, in leave-one-round-out
	// (see flaggedDecides).
	maxFlaggedUrgent float64
	// maxVetoLost is the share of the messages needing attention that
	// the lexicon gives attention which the veto threshold may drop to
	// routine, in leave-one-round-out.
	maxVetoLost float64
}

// training is the setting model.bin is trained with.
var training = trainSettings{lambda: 1e-6, epochs: 150, rate: 0.05, maxRoutineRaised: 0.03, maxAttentionUrgent: 0.10, maxFlaggedUrgent: 0.10, maxVetoLost: 0.005}

// trainingFold is one fold of leave-one-round-out: the tuning half of the
// evaluation set, a training round, or the tuning half of an honest round
// of trainedHonestRounds; the long messages of
// testdata/long.jsonl and the short routine look-alikes of
// testdata/short.jsonl (call-back requests, one-line questions) are
// spread over the folds.
type trainingFold struct {
	name string
	msgs []labelled
}

// trainingPaths are the files the classifier learns from, in the order of
// the digest: the evaluation set and the honest rounds of
// trainedHonestRounds whole, though trainingFolds keeps only their tuning
// halves; never an honest round outside trainedHonestRounds.
func trainingPaths(t testing.TB) []string {
	paths := evalPaths(t)
	for _, r := range trainingRounds {
		paths = append(paths, "testdata/holdout/"+r+".jsonl")
	}
	for _, r := range trainedHonest(t) {
		paths = append(paths, r.paths()...)
	}
	return append(paths, spreadPaths...)
}

// spreadPaths are the training files that are no round of their own:
// their messages are spread over the folds.
var spreadPaths = []string{"testdata/long.jsonl", "testdata/short.jsonl"}

// trainingFolds are the folds of leave-one-round-out: the evaluation
// set's tuning half, then one per training round, then the tuning half
// of each honest round of trainedHonestRounds (its parts taken
// together), the long messages spread over them. No test half is in
// them.
func trainingFolds(t testing.TB) []trainingFold {
	tuning, _ := splitHalves(loadSet(t))
	folds := []trainingFold{{"tuning half", tuning}}
	for _, r := range trainingRounds {
		folds = append(folds, trainingFold{r, loadJSONL(t, "testdata/holdout/"+r+".jsonl")})
	}
	for _, r := range trainedHonest(t) {
		set := r.load(t)
		if len(set) == 0 {
			t.Fatalf("trained honest round %s has no file", r.name)
		}
		tu, _ := splitHalves(set)
		folds = append(folds, trainingFold{r.name + " tuning", tu})
	}
	for _, path := range spreadPaths {
		for _, m := range loadJSONL(t, path) {
			h := fnv.New32a()
			h.Write([]byte(m.ID))
			k := h.Sum32() % uint32(len(folds))
			folds[k].msgs = append(folds[k].msgs, m)
		}
	}
	return folds
}

// trainingDigest identifies the training data and settings.
func trainingDigest(t testing.TB) string {
	h := sha256.New()
	for _, p := range trainingPaths(t) {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(h, "%s %d\n", p, len(b))
		h.Write(b)
	}
	s := training
	fmt.Fprintf(h, "bits %d ngrams %d-%d lambda %g epochs %d rate %g raised %g urgent %g flagged %g veto %g\n",
		featureBits, ngramMin, ngramMax, s.lambda, s.epochs, s.rate, s.maxRoutineRaised, s.maxAttentionUrgent, s.maxFlaggedUrgent, s.maxVetoLost)
	fmt.Fprintf(h, "evidence %v\n", evidenceGrid)
	return hex.EncodeToString(h.Sum(nil))
}

// foldedOf is the folded text the model reads, as AssessAt cuts it.
func foldedOf(text string) string { return newMessage(text, evalNow).foldedText() }

// trainModel trains the needs and urgent sub-models on msgs and one per
// reason code, two at a time; the thresholds are left at zero.
func trainModel(msgs []labelled, s trainSettings) *model {
	texts := make([]string, len(msgs))
	hashes := map[uint32]bool{}
	for i, m := range msgs {
		texts[i] = foldedOf(m.Text)
		eachFeature(texts[i], func(h uint32) { hashes[h] = true })
	}
	sorted := make([]uint32, 0, len(hashes))
	for h := range hashes {
		sorted = append(sorted, h)
	}
	slices.Sort(sorted)
	m := &model{hashes: sorted, rows: newRows(sorted)}
	xs := make([]vector, len(msgs))
	for i := range texts {
		xs[i] = vectorize(texts[i], m.rows)
	}
	targets := map[string]func(labelled) bool{
		"needs":  func(l labelled) bool { return l.Level != Routine },
		"urgent": func(l labelled) bool { return l.Level == Urgent },
	}
	m.header.Models = []string{"needs", "urgent"}
	for _, c := range sortedCodes() {
		targets[c] = func(l labelled) bool { return slices.Contains(l.Reasons, c) }
		m.header.Models = append(m.header.Models, c)
	}
	ws := make([][]float64, len(m.header.Models))
	biases := make([]float64, len(m.header.Models))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for j, name := range m.header.Models {
		ys := make([]bool, len(msgs))
		for i, l := range msgs {
			ys[i] = targets[name](l)
		}
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			ws[j], biases[j] = trainLogistic(xs, ys, len(sorted), s)
		})
	}
	wg.Wait()
	for _, b := range biases {
		m.header.Biases = append(m.header.Biases, float32(b))
	}
	m.weights, m.header.Scales = quantize(ws)
	m.hashes, m.weights = pruneZeroRows(sorted, m.weights, len(ws))
	m.rows, m.header.Rows = newRows(m.hashes), len(m.hashes)
	return m
}

// pruneZeroRows drops the features whose n quantised weights are all zero:
// they change no score (an unknown feature still counts in a text's
// length, see vectorize).
func pruneZeroRows(hashes []uint32, weights []int8, n int) ([]uint32, []int8) {
	var hs []uint32
	var ws []int8
	for r, h := range hashes {
		row := weights[r*n : r*n+n]
		if slices.ContainsFunc(row, func(w int8) bool { return w != 0 }) {
			hs = append(hs, h)
			ws = append(ws, row...)
		}
	}
	return hs, ws
}

// sortedCodes lists the reason codes a sub-model is trained for.
func sortedCodes() []string {
	var out []string
	for c := range codes {
		if c != CodeModel {
			out = append(out, c)
		}
	}
	slices.Sort(out)
	return out
}

// trainLogistic fits an L2-penalised logistic regression on xs with
// full-batch Adam, each class weighing half: it returns the weights of
// the dim rows and the bias.
func trainLogistic(xs []vector, ys []bool, dim int, s trainSettings) ([]float64, float64) {
	var pos float64
	for _, y := range ys {
		pos += float64(b2i(y))
	}
	n := float64(len(ys))
	weight := [2]float64{n / (2 * math.Max(n-pos, 1)), n / (2 * math.Max(pos, 1))}
	w := make([]float64, dim+1) // the bias last
	g, m1, m2 := make([]float64, dim+1), make([]float64, dim+1), make([]float64, dim+1)
	const beta1, beta2 = 0.9, 0.999
	for step := 1; step <= s.epochs; step++ {
		clear(g)
		for i, x := range xs {
			z := w[dim]
			for k, r := range x.rows {
				z += w[r] * float64(x.vals[k])
			}
			d := (1/(1+math.Exp(-z)) - float64(b2i(ys[i]))) * weight[b2i(ys[i])] / n
			for k, r := range x.rows {
				g[r] += d * float64(x.vals[k])
			}
			g[dim] += d
		}
		c1, c2 := 1-math.Pow(beta1, float64(step)), 1-math.Pow(beta2, float64(step))
		for j := range w {
			if j < dim {
				g[j] += s.lambda * w[j]
			}
			m1[j] = beta1*m1[j] + (1-beta1)*g[j]
			m2[j] = beta2*m2[j] + (1-beta2)*g[j]*g[j]
			w[j] -= s.rate * (m1[j] / c1) / (math.Sqrt(m2[j]/c2) + 1e-8)
		}
	}
	return w[:dim], w[dim]
}

// quantize turns each sub-model's weights into int8 with its own scale,
// row-major.
func quantize(ws [][]float64) ([]int8, []float32) {
	n, rows := len(ws), len(ws[0])
	out := make([]int8, rows*n)
	scales := make([]float32, n)
	for j, w := range ws {
		var top float64
		for _, x := range w {
			top = math.Max(top, math.Abs(x))
		}
		scales[j] = float32(math.Max(top, 1e-12) / 127)
		for r, x := range w {
			out[r*n+j] = int8(math.Round(x / float64(scales[j])))
		}
	}
	return out, scales
}

// TestModelFile checks that model.bin was trained on the current data
// and settings; with -update it retrains it, its threshold chosen by
// leave-one-round-out.
func TestModelFile(t *testing.T) {
	digest := trainingDigest(t)
	if !*update {
		if got := defaultModel().header.Digest; got != digest {
			t.Fatalf("model.bin was trained on other data or settings (digest %.12s, want %.12s): run go generate ./triage", got, digest)
		}
		return
	}
	folds := trainingFolds(t)
	r := chooseOutOfFold(leaveOneRoundOut(folds, training))
	th := r.th
	logFolds(t, folds, r.ss, r.lex, lexiconBefore(t), th)
	var all []labelled
	for _, f := range folds {
		all = append(all, f.msgs...)
	}
	m := trainModel(all, training)
	m.header.Digest = digest
	m.header.NeedsThreshold, m.header.UrgentThreshold, m.header.FlaggedUrgentThreshold = th.needs, th.urgent, th.flagged
	m.header.VetoThreshold, m.header.Evidence = th.veto, r.evidence
	var buf bytes.Buffer
	if err := m.encode(&buf); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("model.bin", buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("model.bin: %d features, %d sub-models, %d bytes, thresholds %.3f (needs) %.3f (urgent)",
		m.header.Rows, len(m.header.Models), buf.Len(), th.needs, th.urgent)
	t.Logf("flagged threshold %.3f, veto %.3f, evidence %g", th.flagged, th.veto, r.evidence)
}
