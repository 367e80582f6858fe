package rag

import (
	"fmt"
	"math"
	"sort"
)

// Calibrate fits the reliability model on evaluated questions: the answerable
// ones whose document was among the first five are the positives (their best
// document answers), the out-of-corpus ones the negatives; answerable
// questions whose document was not found say nothing of the decision and
// are left out. The threshold is the one that best balances the two rates
// (the larger of the smaller rate, then of their sum).
func Calibrate(outs []EvalOutcome) (Reliability, error) {
	var xs [][numFeatures]float64
	var ys []float64
	for _, o := range outs {
		switch {
		case !o.Answerable():
			xs, ys = append(xs, o.Top.vector()), append(ys, 0)
		case o.Rank > 0 && o.Rank <= 5:
			xs, ys = append(xs, o.Top.vector()), append(ys, 1)
		}
	}
	pos := 0
	for _, y := range ys {
		pos += int(y)
	}
	if pos < 5 || len(ys)-pos < 5 {
		return Reliability{}, fmt.Errorf("calibrate: %d found answerable and %d out-of-corpus questions, want at least 5 of each: %w",
			pos, len(ys)-pos, ErrInvalid)
	}
	r := fitLogistic(xs, ys)
	r.Threshold = bestThreshold(r, xs, ys)
	r.Examples, r.Version = len(ys), reliabilityVersion
	return r, nil
}

// fitLogistic fits a logistic regression by gradient descent, with a small
// L2 penalty and classes weighed equally.
func fitLogistic(xs [][numFeatures]float64, ys []float64) Reliability {
	rows := make([][]float64, len(xs))
	for i := range xs {
		rows[i] = xs[i][:]
	}
	var r Reliability
	r.Bias = fitWeights(rows, ys, r.Weights[:])
	return r
}

// fitWeights fits the weights w (len: the features of a row) and returns
// the bias of a logistic regression by gradient descent, with a small L2
// penalty and classes weighed equally.
func fitWeights(xs [][]float64, ys []float64, w []float64) (bias float64) {
	var pos float64
	for _, y := range ys {
		pos += y
	}
	wPos, wNeg := float64(len(ys))/(2*pos), float64(len(ys))/(2*(float64(len(ys))-pos))
	rows := make([]float64, len(ys))
	for i, y := range ys {
		rows[i] = wNeg
		if y == 1 {
			rows[i] = wPos
		}
	}
	return fitWeighted(xs, ys, rows, w)
}

// fitWeighted is fitWeights with each row weighing rows[i].
func fitWeighted(xs [][]float64, ys, rows, w []float64) (bias float64) {
	const rate, l2, steps = 0.5, 1e-3, 4000
	gw := make([]float64, len(w))
	for range steps {
		var gb float64
		clear(gw)
		for i, x := range xs {
			d := rows[i] * (logistic(bias, w, x) - ys[i])
			gb += d
			for j := range gw {
				gw[j] += d * x[j]
			}
		}
		n := float64(len(xs))
		bias -= rate * gb / n
		for j := range w {
			w[j] -= rate * (gw[j]/n + l2*w[j])
		}
	}
	return bias
}

// logistic is the probability a model of bias and weights w gives x.
func logistic(bias float64, w, x []float64) float64 {
	z := bias
	for i, wi := range w {
		z += wi * x[i]
	}
	return 1 / (1 + math.Exp(-z))
}

// bestThreshold picks the score from which a document counts as reliable.
func bestThreshold(r Reliability, xs [][numFeatures]float64, ys []float64) float64 {
	scores := make([]float64, len(xs))
	for i, x := range xs {
		scores[i] = r.score(x)
	}
	return balancedThreshold(scores, ys)
}

// balancedThreshold is the threshold over scores that best balances the
// two rates (the larger of the smaller rate, then of their sum).
func balancedThreshold(scores, ys []float64) float64 {
	type scored struct{ s, y float64 }
	all := make([]scored, len(scores))
	var pos float64
	for i, s := range scores {
		all[i] = scored{s, ys[i]}
		pos += ys[i]
	}
	neg := float64(len(scores)) - pos
	sort.Slice(all, func(i, j int) bool { return all[i].s < all[j].s })
	best, bestMin, bestSum := 0.5, -1.0, -1.0
	below := [2]float64{} // negatives and positives below the candidate threshold
	for i := 0; i <= len(all); i++ {
		if i > 0 {
			below[int(all[i-1].y)]++
			if i < len(all) && all[i].s == all[i-1].s {
				continue
			}
		}
		tnr, tpr := below[0]/neg, 1-below[1]/pos
		if m := math.Min(tnr, tpr); m > bestMin || (m == bestMin && tnr+tpr > bestSum) {
			bestMin, bestSum = m, tnr+tpr
			switch {
			case i == 0:
				best = all[0].s
			case i == len(all):
				best = all[i-1].s + 1e-9
			default:
				best = (all[i-1].s + all[i].s) / 2
			}
		}
	}
	return best
}
