package rag

import (
	"bufio"
	"encoding/json"
	"hash/fnv"
	"os"
	"sync"
	"testing"

	"github.com/plume-sp/plume/store"
)

// studyLine is one line of the tuning halves' dump (PLUME_ANSWER_DUMP).
type studyLine struct {
	Msg   string `json:"msg"`
	Third int    `json:"third"`
	Want  int64  `json:"want"`
	Cands []struct {
		ID int64              `json:"id"`
		S  map[string]float64 `json:"s"`
	} `json:"cands"`
}

// studyExample is a dumped message's candidates, with its fold.
type studyExample struct {
	ex   AnswerExample
	fold int
}

func readStudy(t *testing.T, path string) []studyExample {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	var out []studyExample
	for sc.Scan() {
		var l studyLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatal(err)
		}
		e := AnswerExample{}
		if l.Want != 0 {
			e.right = []int64{l.Want}
		}
		for _, c := range l.Cands {
			s := c.S
			e.cands = append(e.cands, answerCandidate{answer: store.Answer{ID: c.ID}, features: answerFeatures{
				questionWords: s["qw"], focusWords: s["fw"], messageWords: s["mw"], questionCosine: s["qc"], textCosine: s["tc"],
				vectors: s["vec"] == 1, sourceFound: s["sf"], sourcePlace: int(s["sp"]), searched: s["searched"] == 1, reliable: s["rel"] == 1,
				semQuestion: s["sq"], semSource: s["ss"], semText: s["st"], semantic: s["sem"] == 1}})
		}
		h := fnv.New32a()
		h.Write([]byte(l.Msg))
		out = append(out, studyExample{ex: e, fold: int(h.Sum32() % 5)})
	}
	return out
}

func studyExamples(set []studyExample, keep func(int) bool) []AnswerExample {
	var out []AnswerExample
	for _, s := range set {
		if keep(s.fold) {
			out = append(out, s.ex)
		}
	}
	return out
}

// studyScore is what m, thresholds included, does on examples.
func studyScore(m AnswerMatch, ex []AnswerExample) AnswerCalibration {
	tops := make([]answerTop, len(ex))
	for i, e := range ex {
		tops[i] = m.topsOf(e)
	}
	return scoreTops(tops, m.Threshold, m.AgreedThreshold, m.Margin)
}

func studyCalibrate(m AnswerMatch, ex []AnswerExample) (AnswerMatch, AnswerCalibration) {
	c, err := CalibrateAnswers(m, ex)
	if err != nil {
		return m, AnswerCalibration{}
	}
	return c.Apply(m), c
}

func studyWeights(m *AnswerMatch) []*float64 {
	return []*float64{&m.QuestionWords, &m.FocusWords, &m.MessageWords, &m.QuestionCosine, &m.TextCosine, &m.SourceFound}
}

func studyBetter(a, b AnswerCalibration) bool {
	return a.RightFirst > b.RightFirst || a.RightFirst == b.RightFirst && a.NoneShown > b.NoneShown
}

// studyAscend moves one of the first n weights at a time while it gains,
// thresholds chosen by the rule.
func studyAscend(m AnswerMatch, ex []AnswerExample, n int) (AnswerMatch, AnswerCalibration) {
	m, best := studyCalibrate(m, ex)
	for improved := true; improved; {
		improved = false
		for i := range n {
			for _, v := range []float64{0, 1, 2, 4, 8} {
				c := m
				*studyWeights(&c)[i] = v
				if c, s := studyCalibrate(c, ex); studyBetter(s, best) {
					m, best, improved = c, s, true
				}
			}
		}
	}
	return m, best
}

// TestAnswerStudy studies variants of the matching on the dumped tuning
// halves (PLUME_ANSWER_STUDY=FILE, written by PLUME_ANSWER_DUMP), in
// sample and in five-fold cross-validation by message, thresholds and
// margin chosen by CalibrateAnswers' rule; PLUME_ANSWER_STUDY_ASCEND=NAME
// also searches one variant's six weights by coordinate ascent in each
// fold (minutes on two cores).
func TestAnswerStudy(t *testing.T) {
	path := os.Getenv("PLUME_ANSWER_STUDY")
	if path == "" {
		t.Skip("PLUME_ANSWER_STUDY unset")
	}
	set := readStudy(t, path)
	all := studyExamples(set, func(int) bool { return true })
	t.Logf("default as it is: %+v", studyScore(DefaultAnswerMatch, all))
	variants := map[string]func(AnswerMatch) AnswerMatch{
		"default":    func(m AnswerMatch) AnswerMatch { return m },
		"reliable":   func(m AnswerMatch) AnswerMatch { m.AgreedReliable = true; return m },
		"places1":    func(m AnswerMatch) AnswerMatch { m.AgreedPlaces = 1; return m },
		"places1rel": func(m AnswerMatch) AnswerMatch { m.AgreedPlaces, m.AgreedReliable = 1, true; return m },
	}
	n := 6
	if only := os.Getenv("PLUME_ANSWER_STUDY_ASCEND"); only != "" {
		variants = map[string]func(AnswerMatch) AnswerMatch{only: variants[only]}
	} else {
		n = 0
	}
	for name, v := range variants {
		m := v(DefaultAnswerMatch)
		var full AnswerMatch
		var s AnswerCalibration
		folds := make([]AnswerCalibration, 5)
		var wg sync.WaitGroup
		wg.Go(func() { full, s = studyAscend(m, all, n) })
		for fold := range 5 {
			wg.Go(func() {
				fm, _ := studyAscend(m, studyExamples(set, func(f int) bool { return f != fold }), n)
				folds[fold] = studyScore(fm, studyExamples(set, func(f int) bool { return f == fold }))
				t.Logf("%s fold %d: %+v", name, fold, fm)
			})
		}
		wg.Wait()
		var cv AnswerCalibration
		for _, c := range folds {
			cv.WithAnswer, cv.RightFirst, cv.Without, cv.NoneShown = cv.WithAnswer+c.WithAnswer, cv.RightFirst+c.RightFirst, cv.Without+c.Without, cv.NoneShown+c.NoneShown
		}
		t.Logf("%s: whole %d/%d %d/%d; cross-validated %d/%d %d/%d; %+v", name, s.RightFirst, s.WithAnswer, s.NoneShown, s.Without,
			cv.RightFirst, cv.WithAnswer, cv.NoneShown, cv.Without, full)
	}
}
