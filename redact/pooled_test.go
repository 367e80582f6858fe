package redact

import "testing"

// messyFiles are the hand-written sets split by splitHalf.
var messyFiles = []string{
	messyFile, messy2File, messy3File, messy4File, messy5File, messy6File,
	messy7File, messy8File, messy9File, messy10File, messy11File, messy12File, messy13File, messy14File,
	messy15File, messy16File, messy17File, messy18File, messy19File, messy20File,
}

// pooledHalves loads every hand-written split set and pools their tuning
// halves and their test halves.
func pooledHalves(tb testing.TB) (tuning, test []labelled) {
	for _, f := range messyFiles {
		tu, te := halves(tb, f)
		tuning = append(tuning, tu...)
		test = append(test, te...)
	}
	return tuning, test
}

// TestPooledHalves prints plume's figures per type on the pooled tuning
// halves and on the pooled test halves, with the regex baseline beside;
// -eval.verbose lists the tuning halves' findings (never the test halves').
// It gates nothing: the per-set gates are TestLabelledSet's.
func TestPooledHalves(t *testing.T) {
	tuning, test := pooledHalves(t)
	for _, set := range []struct {
		name   string
		msgs   []labelled
		record bool
	}{{"pooled-tuning", tuning, *evalVerbose}, {"pooled-test", test, false}} {
		p := evaluate(t, set.msgs, plumeRedactor(t), set.record)
		base := evaluate(t, set.msgs, regexBaseline, false)
		t.Log("\n" + table(set.name, len(set.msgs), p, base))
		if set.record {
			t.Log("\n" + p.findingsByType(set.name))
		}
	}
}
