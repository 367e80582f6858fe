package redact

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
)

var (
	evalVerbose = flag.Bool("eval.verbose", false, "log every miss, false positive and damaged keep phrase of the generated set and of the tuning half (never of the test half)")
	updateGates = flag.Bool("update-gates", false, "rewrite testdata/gates.json from the figures measured now (see gateFor)")
)

// The labelled sets:
//
//   - testdata/messages.jsonl: the generated set, clean formats;
//   - testdata/messy.jsonl: hand-written messy messages (SMS style,
//     obfuscations, numbers in words, foreign formats, special categories),
//     split once into a tuning half and a test half by splitHalf. Only the
//     tuning half may be looked at to improve the detectors; the test half
//     gives the reported and gated figures.
const (
	generatedFile = "testdata/messages.jsonl"
	messyFile     = "testdata/messy.jsonl"
	gatesFile     = "testdata/gates.json"
)

// labelled is one message of a labelled set.
type labelled struct {
	ID       string `json:"id"`
	Text     string `json:"text"`
	Entities []struct {
		Type  Type   `json:"type"`
		Value string `json:"value"`
	} `json:"entities"`
	Keep []string `json:"keep"`
	Note string   `json:"note,omitempty"`
}

// splitHalf is the fixed rule that splits the messy set: the 32-bit FNV-1a
// hash of the message id, even for the tuning half, odd for the test half.
func splitHalf(id string) (test bool) {
	h := fnv.New32a()
	h.Write([]byte(id))
	return h.Sum32()%2 == 1
}

func loadLabelled(tb testing.TB, path string) []labelled {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []labelled
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var m labelled
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			tb.Fatalf("%s line %d: %v", path, line, err)
		}
		out = append(out, m)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// messyHalves loads the messy set and splits it with splitHalf.
func messyHalves(tb testing.TB) (tuning, test []labelled) {
	for _, m := range loadLabelled(tb, messyFile) {
		if splitHalf(m.ID) {
			test = append(test, m)
		} else {
			tuning = append(tuning, m)
		}
	}
	return tuning, test
}

// typeScore counts one type's expected values found, detections, and
// detections that match no expected value.
type typeScore struct {
	expected, found, detected, falsePos int
}

func (s typeScore) recall() float64 {
	if s.expected == 0 {
		return 1
	}
	return float64(s.found) / float64(s.expected)
}

func (s typeScore) precision() float64 {
	if s.detected == 0 {
		return 1
	}
	return float64(s.detected-s.falsePos) / float64(s.detected)
}

// setScore is the outcome of one redactor on one labelled set.
type setScore struct {
	types             map[Type]*typeScore
	keepTotal, keepOK int
}

func (s *setScore) score(ty Type) *typeScore {
	if s.types[ty] == nil {
		s.types[ty] = &typeScore{}
	}
	return s.types[ty]
}

func (s *setScore) keepRate() float64 {
	if s.keepTotal == 0 {
		return 1
	}
	return float64(s.keepOK) / float64(s.keepTotal)
}

// span is a labelled value or a detection, in bytes of the message.
type span struct {
	ty         Type
	start, end int
}

// redactor returns the masked text and the detected spans of a message.
type redactor func(text string) (string, []span)

func plumeRedactor(tb testing.TB) redactor {
	return func(text string) (string, []span) {
		res, err := Redact(context.Background(), text, DefaultPolicy())
		if err != nil {
			tb.Fatal(err)
		}
		sp := make([]span, len(res.Entities))
		for i, e := range res.Entities {
			sp[i] = span{e.Type, e.Start, e.End}
		}
		return res.Text.String(), sp
	}
}

// wantSpans returns every occurrence of every labelled value of m.
func wantSpans(tb testing.TB, m labelled) []span {
	var want []span
	seen := map[span]bool{}
	for _, e := range m.Entities {
		if e.Value == "" || !strings.Contains(m.Text, e.Value) {
			tb.Errorf("%s: label %s %q is not a substring of the text", m.ID, e.Type, e.Value)
			continue
		}
		for from := 0; ; {
			k := strings.Index(m.Text[from:], e.Value)
			if k < 0 {
				break
			}
			sp := span{e.Type, from + k, from + k + len(e.Value)}
			if !seen[sp] {
				seen[sp] = true
				want = append(want, sp)
			}
			from = sp.end
		}
	}
	return want
}

// covers reports whether detection d finds labelled value w: it must cover
// the whole value, except for the special categories, whose labels are
// often whole clauses ("condamné pour conduite en état d'ivresse"): there a
// detection of the type inside the clause counts.
func covers(d, w span) bool {
	if d.ty != w.ty {
		return false
	}
	if w.ty.Special() {
		return d.start < w.end && w.start < d.end
	}
	return d.start <= w.start && d.end >= w.end
}

// evaluate scores redactor r on msgs; logf, when not nil, receives every
// miss, false positive and damaged keep phrase.
func evaluate(tb testing.TB, msgs []labelled, r redactor, logf func(string, ...any)) *setScore {
	s := &setScore{types: map[Type]*typeScore{}}
	for _, m := range msgs {
		out, got := r(m.Text)
		want := wantSpans(tb, m)
		for _, w := range want {
			ts := s.score(w.ty)
			ts.expected++
			found := false
			for _, d := range got {
				// A value nested in a longer detected value ("amina" in the
				// address amina.k@…) is masked with it.
				if covers(d, w) || d.start <= w.start && d.end >= w.end && d.end-d.start > w.end-w.start {
					found = true
					break
				}
			}
			if found {
				ts.found++
			} else if logf != nil {
				logf("%s: missed %s %q", m.ID, w.ty, m.Text[w.start:w.end])
			}
		}
		for _, d := range got {
			ts := s.score(d.ty)
			ts.detected++
			overlap := false
			for _, w := range want {
				if w.ty == d.ty && d.start < w.end && w.start < d.end {
					overlap = true
					break
				}
			}
			if !overlap {
				ts.falsePos++
				if logf != nil {
					logf("%s: false %s %q", m.ID, d.ty, m.Text[d.start:d.end])
				}
			}
		}
		for _, kp := range m.Keep {
			s.keepTotal++
			if strings.Count(out, kp) >= strings.Count(m.Text, kp) && strings.Contains(m.Text, kp) {
				s.keepOK++
			} else if logf != nil {
				logf("%s: keep phrase %q damaged", m.ID, kp)
			}
		}
	}
	return s
}

// table prints plume's figures per type with the regex baseline beside.
func table(name string, n int, p, base *setScore) string {
	var types []Type
	for ty := range p.types {
		if p.types[ty].expected > 0 {
			types = append(types, ty)
		}
	}
	sort.Slice(types, func(i, j int) bool { return types[i] < types[j] })
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d messages\n%-15s %8s %6s %7s %9s %7s   %s\n", name, n, "type", "expected", "found", "recall", "falsepos", "precis.", "regex baseline recall / precision")
	for _, ty := range types {
		s := p.types[ty]
		fmt.Fprintf(&b, "%-15s %8d %6d %7.3f %9d %7.3f", ty, s.expected, s.found, s.recall(), s.falsePos, s.precision())
		if bs := base.types[ty]; bs != nil && baselineTypes[ty] {
			fmt.Fprintf(&b, "   %.3f / %.3f", bs.recall(), bs.precision())
		}
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "keep phrases intact: %d/%d = %.3f (regex baseline %.3f)", p.keepOK, p.keepTotal, p.keepRate(), base.keepRate())
	return b.String()
}

// gate is the minimum recall and precision of one type.
type gate struct {
	Recall    float64 `json:"recall"`
	Precision float64 `json:"precision"`
}

// gates holds the gates of each labelled set, read from gatesFile.
type gates struct {
	Note  string                   `json:"note"`
	Keep  map[string]float64       `json:"keep"`
	Types map[string]map[Type]gate `json:"types"`
}

// Goals of the issue, and the gates that existed before this baseline file
// (never lowered): recall ≥ 0.99 on the messy test half and ≥ 0.998 on the
// generated set, special categories ≥ 0.95, precision ≥ 0.95.
const (
	goalRecallGenerated = 0.998
	goalRecallMessy     = 0.99
	goalRecallSpecial   = 0.95
	goalPrecision       = 0.95
	gateMargin          = 0.02
)

// oldGates are the recall gates of the generated set before issue 10.
var oldGates = map[Type]float64{
	NIR: 0.99, IBAN: 0.99, CARTE: 0.99, SIRET: 0.99, TEL: 0.99, EMAIL: 0.99, FISCAL: 0.99,
	NOM: 0.95, ADRESSE: 0.95,
}

// gateFor sets the gate of one figure: the goal where the measure meets
// it, else the measure minus a small margin (never below a gate that
// existed before).
func gateFor(measured, goal, old float64) float64 {
	g := goal
	if measured < goal {
		g = float64(int((measured-gateMargin)*1000)) / 1000
	}
	return max(g, old, 0)
}

func loadGates(tb testing.TB) gates {
	var g gates
	b, err := os.ReadFile(gatesFile)
	if err != nil {
		tb.Fatal(err)
	}
	if err := json.Unmarshal(b, &g); err != nil {
		tb.Fatalf("%s: %v", gatesFile, err)
	}
	return g
}

// checkGates fails for every type of set under its gate, and for every
// gated type that has no label left in the set.
func checkGates(t *testing.T, g gates, set string, s *setScore) {
	t.Helper()
	gs, ok := g.Types[set]
	if !ok {
		t.Fatalf("%s has no gates for set %q", gatesFile, set)
	}
	for ty, gt := range gs {
		ts := s.types[ty]
		if ts == nil || ts.expected == 0 {
			t.Errorf("%s: type %s is gated but has no label any more", set, ty)
			continue
		}
		if ts.recall() < gt.Recall {
			t.Errorf("%s: %s recall %.3f (%d/%d), gate %.3f", set, ty, ts.recall(), ts.found, ts.expected, gt.Recall)
		}
		if ts.precision() < gt.Precision {
			t.Errorf("%s: %s precision %.3f (%d false of %d), gate %.3f", set, ty, ts.precision(), ts.falsePos, ts.detected, gt.Precision)
		}
	}
	for ty, ts := range s.types {
		if _, ok := gs[ty]; !ok && ts.expected > 0 {
			t.Errorf("%s: type %s has labels but no gate in %s", set, ty, gatesFile)
		}
	}
	if k := g.Keep[set]; s.keepRate() < k {
		t.Errorf("%s: keep phrases intact in %.3f of cases, gate %.3f", set, s.keepRate(), k)
	}
}

// newGates computes the gates of one set from its figures.
func newGates(set string, s *setScore) map[Type]gate {
	out := map[Type]gate{}
	for ty, ts := range s.types {
		if ts.expected == 0 {
			continue
		}
		goal := goalRecallMessy
		if set == "generated" {
			goal = goalRecallGenerated
		}
		if ty.Special() {
			goal = goalRecallSpecial
		}
		old := 0.0
		if set == "generated" {
			old = oldGates[ty]
		}
		out[ty] = gate{Recall: gateFor(ts.recall(), goal, old), Precision: gateFor(ts.precision(), goalPrecision, 0)}
	}
	return out
}

// TestLabelledSet measures per-type recall and precision on the generated
// set and on the messy set's test half, prints them with the regex
// baseline beside, and checks every type against testdata/gates.json.
func TestLabelledSet(t *testing.T) {
	gen := loadLabelled(t, generatedFile)
	tuning, test := messyHalves(t)
	logf := func(string, ...any) {}
	if *evalVerbose {
		logf = t.Logf
	}
	sets := []struct {
		name string
		msgs []labelled
		log  func(string, ...any)
	}{
		{"generated", gen, logf},
		{"messy-tuning", tuning, logf},
		{"messy-test", test, nil}, // never looked at message by message
	}
	scores := map[string]*setScore{}
	for _, set := range sets {
		p := evaluate(t, set.msgs, plumeRedactor(t), set.log)
		base := evaluate(t, set.msgs, regexBaseline, nil)
		scores[set.name] = p
		t.Log("\n" + table(set.name, len(set.msgs), p, base))
	}
	if *updateGates {
		g := gates{
			Note: "Minimum recall and precision per type, set by `go test -run TestLabelledSet -update-gates ./redact/` " +
				"from the figures measured then: the goal of issue 10 where met, else the measure minus 0.02. " +
				"Never lower a gate by hand.",
			Keep:  map[string]float64{"generated": 0.98, "messy-test": 0.97},
			Types: map[string]map[Type]gate{},
		}
		for _, set := range []string{"generated", "messy-test"} {
			g.Types[set] = newGates(set, scores[set])
		}
		b, err := json.MarshalIndent(g, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(gatesFile, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	g := loadGates(t)
	checkGates(t, g, "generated", scores["generated"])
	checkGates(t, g, "messy-test", scores["messy-test"])
}

// TestSplitIsFixed pins the split rule, so that no message moves from one
// half to the other.
func TestSplitIsFixed(t *testing.T) {
	for id, want := range map[string]bool{"x001": splitHalf("x001"), "y001": splitHalf("y001")} {
		h := fnv.New32a()
		h.Write([]byte(id))
		if got := h.Sum32()%2 == 1; got != want {
			t.Errorf("%s: split %v, want %v", id, got, want)
		}
	}
	tuning, test := messyHalves(t)
	if len(tuning) < 80 || len(test) < 80 {
		t.Errorf("halves of %d and %d messages, want at least 80 each", len(tuning), len(test))
	}
}

// The naive baseline: the textbook regular expressions for e-mail, French
// phone, IBAN, card and NIR, measured in the same run as plume.
var (
	baselineTypes = map[Type]bool{EMAIL: true, TEL: true, IBAN: true, CARTE: true, NIR: true}
	baselineREs   = []struct {
		ty Type
		re *regexp.Regexp
	}{
		{EMAIL, regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`)},
		{IBAN, regexp.MustCompile(`\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b`)},
		{NIR, regexp.MustCompile(`\b[12] ?\d{2} ?(?:0[1-9]|1[0-2]) ?(?:\d{2}|2[AB]) ?\d{3} ?\d{3}(?: ?\d{2})?\b`)},
		{CARTE, regexp.MustCompile(`\b(?:\d{4}[ -]?){3}\d{4}\b|\b3[47]\d{2}[ -]?\d{6}[ -]?\d{5}\b`)},
		{TEL, regexp.MustCompile(`(?:(?:\+|00)33 ?|\b0)[1-9](?:[ .-]?\d{2}){4}\b`)},
	}
)

// regexBaseline masks what the textbook expressions match, first match
// winning.
func regexBaseline(text string) (string, []span) {
	var got []span
	taken := make([]bool, len(text)+1)
	for _, b := range baselineREs {
		for _, loc := range b.re.FindAllStringIndex(text, -1) {
			if taken[loc[0]] || taken[loc[1]-1] {
				continue
			}
			for k := loc[0]; k < loc[1]; k++ {
				taken[k] = true
			}
			got = append(got, span{b.ty, loc[0], loc[1]})
		}
	}
	sort.Slice(got, func(i, j int) bool { return got[i].start < got[j].start })
	var out strings.Builder
	last := 0
	for _, s := range got {
		out.WriteString(text[last:s.start])
		out.WriteString("[" + string(s.ty) + "]")
		last = s.end
	}
	out.WriteString(text[last:])
	return out.String(), got
}
