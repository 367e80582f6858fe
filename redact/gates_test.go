package redact

import (
	"encoding/json"
	"os"
	"testing"
)

// gate is the minimum recall and precision of one type.
type gate struct {
	Recall    float64 `json:"recall"`
	Precision float64 `json:"precision"`
}

// gates holds the gates of each labelled set, read from gatesFile.
type gates struct {
	Note string             `json:"note"`
	Keep map[string]float64 `json:"keep"`
	// Masked is the least share of labelled values masked whatever the
	// type given them: the values that reach no prompt.
	Masked map[string]float64       `json:"masked"`
	Types  map[string]map[Type]gate `json:"types"`
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
	if m, ok := g.Masked[set]; !ok {
		t.Errorf("%s has no masked gate for set %q", gatesFile, set)
	} else if s.maskedRate() < m {
		t.Errorf("%s: %d/%d = %.3f of the labelled values masked whatever the type, gate %.3f", set, s.masked, s.expected, s.maskedRate(), m)
	}
	if k := g.Keep[set]; s.keepRate() < k {
		t.Errorf("%s: keep phrases intact in %.3f of cases, gate %.3f", set, s.keepRate(), k)
	}
}

// gatedSets are the sets whose figures are gated, with their goal for
// keep phrases.
var gatedSets = []struct {
	name string
	keep float64
}{{"generated", 0.98}, {"messy-test", 0.97}, {"messy2-test", 0.97}, {"messy3-test", 0.97}, {"badkeys", 0.97},
	{"messy4-test", 0.89}, // messy4's test half keeps 0.910 of its phrases: gated under it, the goal being 0.97
	{"ambnames", 0.97},
	{"messy5-test", 0.97}, {"messy6-test", 0.97}, {"messy7-test", 0.97}, {"messy8-test", 0.97}, {"messy9-test", 0.97}, {"messy10-test", 0.97},
	{"messy11-test", 0.92}, // messy11's test half kept 0.944 of its phrases when it was added: gated under it, the goal being 0.97
	{"messy12-test", 0.97},
	{"messy13-test", 0.93}, // messy13's test half keeps 0.949 of its phrases (94 of 99; the regex baseline 0.970): gated a phrase under it, the goal being 0.97
	{"messy15-test", 0.92}, // messy15's test half keeps 66 of its 70 phrases (0.943; the regex baseline 0.986) at the session's start: gated under it, the goal being 0.97
	{"messy16-test", 0.93}, // messy16's test half keeps 184 of its 195 phrases (0.944; the regex baseline 0.995) at the session's start: gated a phrase under it, the goal being 0.97
	{"messy17-test", 0.86}, // messy17's test half keeps 93 of its 107 phrases (0.869; the regex baseline 0.991) at the session's start: gated a phrase under it, the goal being 0.97
	{"messy18-test", 0.97}, // messy18 labels no phrase to keep: its keep gate cannot fail (keepRate is 1 with none); its types' recall and precision gates can
	{"messy19-test", 0.97}, // messy19's test half keeps 214 of its 219 phrases (0.977; the regex baseline 1.000) at the session's start
	{"messy20-test", 0.97}, // messy20's test half keeps 274 of its 275 phrases (0.996; the regex baseline 0.996) at the session's start
	{"messy14-test", 0.96}, // messy14's test half keeps 160 of its 165 phrases (0.9697; the regex baseline 0.994): gated a phrase under it, the goal being 0.97
}

// newGates computes the gates of one set from its figures, never under
// the gates prev it had before.
func newGates(set string, s *setScore, prev map[Type]gate) map[Type]gate {
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
		old := prev[ty].Recall
		if set == "generated" {
			old = max(old, oldGates[ty])
		}
		out[ty] = gate{Recall: gateFor(ts.recall(), goal, old), Precision: gateFor(ts.precision(), goalPrecision, prev[ty].Precision)}
	}
	return out
}

// writeGates rewrites gatesFile from the figures measured now, never
// lowering a gate of the file as it was.
func writeGates(t *testing.T, scores map[string]*setScore) {
	var prev gates
	if b, err := os.ReadFile(gatesFile); err == nil {
		if err := json.Unmarshal(b, &prev); err != nil {
			t.Fatalf("%s: %v", gatesFile, err)
		}
	}
	g := gates{
		Note: "Minimum recall and precision per type, set by `go test -run TestLabelledSet -update-gates ./redact/` " +
			"from the figures measured then: the goal of issue 10 where met, else the measure minus 0.02, " +
			"never under the gate the file had before. Never lower a gate by hand.",
		Keep:   map[string]float64{},
		Masked: map[string]float64{},
		Types:  map[string]map[Type]gate{},
	}
	for _, set := range gatedSets {
		g.Keep[set.name] = gateFor(scores[set.name].keepRate(), set.keep, prev.Keep[set.name])
		goal := goalRecallMessy
		if set.name == "generated" {
			goal = goalRecallGenerated
		}
		g.Masked[set.name] = gateFor(scores[set.name].maskedRate(), goal, prev.Masked[set.name])
		g.Types[set.name] = newGates(set.name, scores[set.name], prev.Types[set.name])
	}
	b, err := json.MarshalIndent(g, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(gatesFile, append(b, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
}
