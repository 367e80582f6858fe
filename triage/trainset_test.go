package triage

import (
	"fmt"
	"slices"
	"testing"
)

// heldOut returns the messages no training fold may hold, by set: the
// evaluation set's test half, each honest round's test half, and the
// tuning half too of an honest round outside trainedHonestRounds.
func heldOut(t testing.TB) map[string][]labelled {
	t.Helper()
	_, evalTest := splitHalves(loadSet(t))
	held := map[string][]labelled{"evaluation set": evalTest}
	for _, r := range honestRounds {
		tuning, test := splitHalves(r.load(t))
		if !slices.Contains(trainedHonestRounds, r.name) {
			test = append(test, tuning...)
		}
		held[r.name] = test
	}
	return held
}

// leaked lists the messages of held that folds hold, by id or by text.
func leaked(folds []trainingFold, held map[string][]labelled) []string {
	ids, texts := map[string]string{}, map[string]string{}
	for _, f := range folds {
		for _, m := range f.msgs {
			ids[m.ID], texts[m.Text] = f.name, f.name
		}
	}
	var out []string
	for name, set := range held {
		for _, m := range set {
			if fold, ok := ids[m.ID]; ok {
				out = append(out, fmt.Sprintf("%s: %s is in fold %s", name, m.ID, fold))
			} else if fold, ok := texts[m.Text]; ok {
				out = append(out, fmt.Sprintf("%s: the text of %s is in fold %s", name, m.ID, fold))
			}
		}
	}
	slices.Sort(out)
	return out
}

// TestTrainingHoldsNoTestHalf checks that the classifier never learns
// from a test half: no message of the evaluation set's test half or of
// an honest round's test half, by id or by text, is in a training fold,
// nor any message of an honest round outside trainedHonestRounds; and
// that every round of trainedHonestRounds gives its tuning half whole.
func TestTrainingHoldsNoTestHalf(t *testing.T) {
	folds := trainingFolds(t)
	held := heldOut(t)
	for _, l := range leaked(folds, held) {
		t.Error(l)
	}
	for _, r := range trainedHonest(t) {
		tuning, test := splitHalves(r.load(t))
		i := slices.IndexFunc(folds, func(f trainingFold) bool { return f.name == r.name+" tuning" })
		if i < 0 || len(test) == 0 {
			t.Errorf("%s: no fold of its tuning half, or no test half (%d messages)", r.name, len(test))
			continue
		}
		ids := map[string]bool{}
		for _, m := range folds[i].msgs {
			ids[m.ID] = true
		}
		for _, m := range tuning {
			if !ids[m.ID] {
				t.Errorf("%s: tuning-half message %s is not in its fold", r.name, m.ID)
			}
		}
	}
}

// TestLeaked checks that leaked finds a held-out message in a fold by
// its id or by its text, and nothing when the folds hold none.
func TestLeaked(t *testing.T) {
	a := labelled{ID: "a", Level: Routine, Text: "merci pour votre réponse"}
	b := labelled{ID: "b", Level: Urgent, Text: "je vais me suicider"}
	held := map[string][]labelled{"round": {b}}
	tests := []struct {
		name string
		fold []labelled
		want int
	}{
		{"none", []labelled{a}, 0},
		{"same id", []labelled{a, {ID: "b", Level: Urgent, Text: "autre texte"}}, 1},
		{"same text", []labelled{{ID: "c", Level: Urgent, Text: b.Text}}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := leaked([]trainingFold{{"fold", tt.fold}}, held); len(got) != tt.want {
				t.Errorf("leaked = %q, want %d", got, tt.want)
			}
		})
	}
}
