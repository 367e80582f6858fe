package rag

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/plume-sp/plume/store"
)

// candidate is an answer whose score under wordsOnly is words, whose
// source the search put at place (0: not found).
func candidate(id int64, words float64, place int) answerCandidate {
	return answerCandidate{answer: store.Answer{ID: id}, features: answerFeatures{questionWords: words, sourcePlace: place, searched: place > 0}}
}

// wordsOnly scores a candidate by the question's words alone, and tells
// apart the answers whose source is among the search's first two.
var wordsOnly = AnswerMatch{QuestionWords: 1, AgreedPlaces: 2}

func TestAnswerShownThresholds(t *testing.T) {
	t.Parallel()
	m := wordsOnly
	m.Threshold, m.AgreedThreshold, m.Margin = 0.5, 0.3, 0.05
	for _, tc := range []struct {
		name  string
		cands []answerCandidate
		want  []int64
	}{
		{"over the threshold", []answerCandidate{candidate(1, 0.6, 0), candidate(2, 0.2, 0)}, []int64{1}},
		{"under it, the search disagrees", []answerCandidate{candidate(1, 0.4, 0), candidate(2, 0.2, 0)}, nil},
		{"under it, the search agrees", []answerCandidate{candidate(1, 0.4, 2), candidate(2, 0.2, 0)}, []int64{1}},
		{"the search's third document does not agree", []answerCandidate{candidate(1, 0.4, 3), candidate(2, 0.2, 0)}, nil},
		{"a better one under its threshold leaves the agreed one first", []answerCandidate{candidate(1, 0.45, 0), candidate(2, 0.35, 1)},
			[]int64{2}},
		{"too close to the second", []answerCandidate{candidate(1, 0.6, 1), candidate(2, 0.58, 0)}, nil},
	} {
		var got []int64
		for _, a := range m.shown(tc.cands) {
			got = append(got, a.ID)
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.name, diff)
		}
	}
}

func TestSourcePlace(t *testing.T) {
	t.Parallel()
	results := []Result{{DocumentID: 7}, {DocumentID: 7}, {DocumentID: 3}, {DocumentID: 9}}
	for _, tc := range []struct {
		sources []int64
		want    int
	}{{[]int64{7}, 1}, {[]int64{3}, 2}, {[]int64{9, 3}, 2}, {[]int64{4}, 0}, {nil, 0}} {
		if got := sourcePlace(tc.sources, results); got != tc.want {
			t.Errorf("sources %v: place %d, want %d", tc.sources, got, tc.want)
		}
	}
}

// calibrationSet is messages whose right answer (id 1) scores 0.45 with
// its source second in the search, messages whose wrong answer (id 2)
// scores 0.5 with its source not found or 0.35 found first, and n of each.
func calibrationSet(n int) []AnswerExample {
	var out []AnswerExample
	for range n {
		out = append(out, AnswerExample{cands: []answerCandidate{candidate(1, 0.45, 2), candidate(3, 0.1, 0)}, right: []int64{1}},
			AnswerExample{cands: []answerCandidate{candidate(2, 0.5, 0), candidate(3, 0.1, 0)}},
			AnswerExample{cands: []answerCandidate{candidate(2, 0.35, 1), candidate(3, 0.1, 0)}})
	}
	return out
}

func TestCalibrateAnswers(t *testing.T) {
	t.Parallel()
	// The right answers pass from 0.45 when the search agrees, the wrong
	// ones at 0.35 when it agrees and 0.50 when it does not: the agreed
	// threshold between 0.35 and 0.45, the other over 0.50.
	got, err := CalibrateAnswers(wordsOnly, calibrationSet(5))
	if err != nil {
		t.Fatal(err)
	}
	want := AnswerCalibration{Threshold: 0.51, AgreedThreshold: 0.36, WithAnswer: 5, RightFirst: 5, Without: 10, NoneShown: 10}
	if diff := cmp.Diff(want, got, cmpRounded); diff != "" {
		t.Errorf("calibration (-want +got):\n%s", diff)
	}
	// One threshold for all: none can show the right answers without the
	// wrong ones found alone.
	one := wordsOnly
	one.AgreedPlaces = 0
	got, err = CalibrateAnswers(one, calibrationSet(5))
	if err != nil {
		t.Fatal(err)
	}
	if got.RightFirst != 0 || got.Threshold != got.AgreedThreshold {
		t.Errorf("one threshold: %+v; want none right first at the same threshold", got)
	}
	if _, err := CalibrateAnswers(wordsOnly, calibrationSet(2)); !errors.Is(err, ErrInvalid) {
		t.Errorf("calibrated on 2 messages with an answer: error %v, want ErrInvalid", err)
	}
}

// cmpRounded compares thresholds to the hundredth.
var cmpRounded = cmp.Comparer(func(a, b float64) bool { return int(a*100+0.5) == int(b*100+0.5) })

// TestAnswerAgreedShare: the search agrees with an answer whose source it
// put first, or second with a fused score close enough to the first's;
// the thresholds and the calibration read the same agreement.
func TestAnswerAgreedShare(t *testing.T) {
	t.Parallel()
	m := wordsOnly
	m.AgreedShare, m.Threshold, m.AgreedThreshold = 0.75, 0.5, 0.3
	for _, tc := range []struct {
		name         string
		places       int
		share        float64
		place        int
		found        float64
		want         bool
		wantAsShared bool // with AgreedShare 0: the place alone
	}{
		{name: "first, whatever its share", places: 2, share: 0.75, place: 1, found: 0.2, want: true, wantAsShared: true},
		{name: "second, close to the first", places: 2, share: 0.75, place: 2, found: 0.8, want: true, wantAsShared: true},
		{name: "second, at the share", places: 2, share: 0.75, place: 2, found: 0.75, want: true, wantAsShared: true},
		{name: "second, far under the first", places: 2, share: 0.75, place: 2, found: 0.6, want: false, wantAsShared: true},
		{name: "third, as high as the first", places: 2, share: 0.75, place: 3, found: 1, want: false, wantAsShared: false},
		{name: "not found", places: 2, share: 0.75, place: 0, found: 0, want: false, wantAsShared: false},
		{name: "no place agrees", places: 0, share: 0.75, place: 1, found: 1, want: false, wantAsShared: false},
	} {
		f := answerFeatures{questionWords: 0.4, sourcePlace: tc.place, sourceFound: tc.found, searched: true}
		m.AgreedPlaces = tc.places
		byPlace := m
		byPlace.AgreedShare = 0
		got := []bool{m.agreed(f), byPlace.agreed(f), m.threshold(f) == m.AgreedThreshold}
		if diff := cmp.Diff([]bool{tc.want, tc.wantAsShared, tc.want}, got); diff != "" {
			t.Errorf("%s: agreed, by place alone, agreed threshold (-want +got):\n%s", tc.name, diff)
		}
		e := AnswerExample{cands: []answerCandidate{{answer: store.Answer{ID: 1}, features: f}}}
		if top := m.topsOf(e); top.agreed.ok != tc.want {
			t.Errorf("%s: the calibration reads agreed %v, want %v", tc.name, top.agreed.ok, tc.want)
		}
	}
}
