package triage

import (
	"bytes"
	"context"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestModelRoundTrip(t *testing.T) {
	m := defaultModel()
	var buf bytes.Buffer
	if err := m.encode(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := decodeModel(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(m.header, got.header); diff != "" {
		t.Errorf("header (-want +got):\n%s", diff)
	}
	if !slices.Equal(m.hashes, got.hashes) || !slices.Equal(m.weights, got.weights) || !slices.Equal(m.rows, got.rows) {
		t.Error("features or weights differ after a round trip")
	}
}

func TestDecodeModelRejects(t *testing.T) {
	for name, file := range map[string][]byte{
		"not gzip":  []byte("plume"),
		"truncated": modelFile[:len(modelFile)/2],
	} {
		if _, err := decodeModel(file); err == nil {
			t.Errorf("%s: decoded without error", name)
		}
	}
}

// TestModelRaises checks a message of holdout round 6 in phrasings the
// lexicon has no cue for (the classifier was trained on it): the
// classifier makes it urgent, with a reason of that level pointing at a
// sentence of the text as given.
func TestModelRaises(t *testing.T) {
	text := "Bonjour, mon fils est schizophrène et ne prend plus son traitement depuis deux semaines, il ne dort plus et parle de faire du mal à quelqu'un."
	if lex := assessLexicon(newMessage(text, evalNow), text); lex.Level != Attention {
		t.Fatalf("lexicon alone: %s %v, want attention (the disability)", lex.Level, lex.Codes())
	}
	a := AssessAt(context.Background(), text, evalNow)
	if a.Level != Urgent {
		t.Fatalf("AssessAt = %s %v, want urgent", a.Level, a.Codes())
	}
	r := a.Reasons[len(a.Reasons)-1]
	if r.Level != Urgent || CodeLevel(r.Code) != Urgent || r.Label == "" {
		t.Errorf("classifier reason %+v, want an urgent code with its label", r)
	}
	sentences := newMessage(text, evalNow).sentences
	if !slices.ContainsFunc(sentences, func(s sentence) bool { return s.start == r.Start && s.end == r.End }) {
		t.Errorf("reason range [%d, %d) is not a sentence of the text", r.Start, r.End)
	}
}

// TestDecideFlagged checks the flagged threshold: a message the lexicon
// finds in need of attention is urgent when the urgent sub-model scores it
// above the flagged threshold, though under the urgent threshold; the same
// score alone raises nothing, and neither does it beside the needs
// sub-model's attention alone (the classifier's two leans are one cue).
func TestDecideFlagged(t *testing.T) {
	m := defaultModel()
	debt, violence := slices.Index(m.header.Models, CodeDebt), slices.Index(m.header.Models, CodeViolence)
	th := thresholds{needs: 2, urgent: 3, flagged: 0.5}
	v := verdict{needs: -5, urgent: 1, code: debt, urgentCode: violence, attentionCode: debt, evidence: minAloneEvidence, codeSupported: true, urgentSupported: true}
	if l, j := v.decide(m, th, Attention); l != Urgent || j != violence {
		t.Errorf("flagged by the lexicon: %s %d, want urgent %d", l, j, violence)
	}
	if l, _ := v.decide(m, th, Routine); l != Routine {
		t.Errorf("not flagged: %s, want routine", l)
	}
	v.needs = 2.5
	if l, j := v.decide(m, th, Routine); l != Attention || j != debt {
		t.Errorf("flagged by the needs sub-model only: %s %d, want attention %d", l, j, debt)
	}
	if l, j := v.decide(m, th, Attention); l != Urgent || j != violence {
		t.Errorf("flagged by the lexicon and the needs sub-model: %s %d, want urgent %d", l, j, violence)
	}
	v.urgent = 0.4
	if l, j := v.decide(m, th, Routine); l != Attention || j != debt {
		t.Errorf("under the flagged threshold: %s %d, want attention %d", l, j, debt)
	}
	v.urgentCode = -1
	v.urgent = 4
	if l, _ := v.decide(m, th, Attention); l != Attention {
		t.Errorf("no urgent code the dates allow: %s, want attention", l)
	}
	// A short text: the model alone makes nothing urgent, its reason is of
	// attention level (minUrgentEvidence).
	short := verdict{needs: 2.5, urgent: 4, code: violence, urgentCode: violence, attentionCode: debt, evidence: minUrgentEvidence - 1, codeSupported: true, urgentSupported: true}
	if l, j := short.decide(m, th, Attention); l != Attention || j != debt {
		t.Errorf("a short text: %s %d, want attention %d", l, j, debt)
	}
	// A text under minAloneEvidence: the urgent sub-model alone, the needs
	// sub-model under its threshold, raises nothing (« La personne a la
	// voix fatiguée et rappellera demain. »); with the needs sub-model
	// over its threshold it still does.
	alone := verdict{needs: 1, urgent: 4, code: debt, urgentCode: violence, attentionCode: debt, evidence: minAloneEvidence - 1, codeSupported: true, urgentSupported: true}
	if l, _ := alone.decide(m, th, Routine); l != Routine {
		t.Errorf("the urgent sub-model alone, a short text the lexicon reads as routine: %s, want routine", l)
	}
	if l, _ := alone.decide(m, th, Attention); l != Routine {
		t.Errorf("the urgent sub-model alone, a short text the lexicon reads as needing attention: %s, want no raise", l)
	}
	// Both sub-models over their thresholds make it need attention, not
	// urgent (« Note: ne répond plus aux courriers de la CAF, dossier
	// suspendu. » was urgent for suicide); at minAloneEvidence words, urgent.
	alone.needs = 2.5
	if l, j := alone.decide(m, th, Routine); l != Attention || j != debt {
		t.Errorf("both sub-models, a short text: %s %d, want attention %d", l, j, debt)
	}
	alone.evidence = minAloneEvidence
	if l, j := alone.decide(m, th, Routine); l != Urgent || j != violence {
		t.Errorf("both sub-models, a text of minAloneEvidence words: %s %d, want urgent %d", l, j, violence)
	}
	checkBacked(t, m, th, violence, debt)
}

// checkBacked checks backs: under minBackedEvidence words, an urgent
// code its sub-model scores under its bias, or an urgent sub-model under
// its threshold, makes a message need attention, not urgent (« Je suis gay
// et j'ai été licencié à cause de mon orientation sexuelle, je suis sous
// curatelle » was urgent for want of food); at minBackedEvidence words
// the model's reading stands.
func checkBacked(t *testing.T, m *model, th thresholds, violence, debt int) {
	t.Helper()
	v := verdict{needs: 2.5, urgent: 4, code: violence, urgentCode: violence, attentionCode: debt, evidence: minAloneEvidence}
	if l, j := v.decide(m, th, Routine); l != Attention || j != debt {
		t.Errorf("an unsupported urgent code, a short text: %s %d, want attention %d", l, j, debt)
	}
	v.codeSupported, v.urgent = true, 1
	if l, j := v.decide(m, th, Routine); l != Attention || j != debt {
		t.Errorf("a supported code, the urgent sub-model under its threshold: %s %d, want attention %d", l, j, debt)
	}
	v.evidence = minBackedEvidence
	if l, j := v.decide(m, th, Routine); l != Urgent || j != violence {
		t.Errorf("a text of minBackedEvidence words: %s %d, want urgent %d", l, j, violence)
	}
	v.urgentSupported, v.urgent = true, 4
	v.evidence = minAloneEvidence
	if l, j := v.decide(m, th, Routine); l != Urgent || j != violence {
		t.Errorf("a supported code, both sub-models over their thresholds: %s %d, want urgent %d", l, j, violence)
	}
}

// TestVetoes checks that a veto score under the veto threshold drops
// the lexicon's attention, never its urgency nor a foreign message's
// language barrier.
func TestVetoes(t *testing.T) {
	th := thresholds{veto: -3}
	for _, tc := range []struct {
		name   string
		v      verdict
		lex    Level
		vetoed bool
	}{
		{"attention read as clearly routine", verdict{veto: -4}, Attention, true},
		{"attention over the veto threshold", verdict{veto: -2}, Attention, false},
		{"urgent", verdict{veto: -40, urgent: -40}, Urgent, false},
		{"foreign", verdict{veto: -4, foreign: true}, Attention, false},
		{"urgent sub-model over the flagged threshold", verdict{veto: -4, urgent: 0.5, urgentCode: 1}, Attention, false},
		{"urgent score with no urgent code its dates allow", verdict{veto: -4, urgent: 0.5, urgentCode: -1}, Attention, true},
	} {
		if got := tc.v.vetoes(th, tc.lex); got != tc.vetoed {
			t.Errorf("%s: vetoes = %v, want %v", tc.name, got, tc.vetoed)
		}
	}
}

// TestVetoScore checks that the veto score adds the needs score and the
// score of the attention code that scores highest, whatever the urgent
// codes score.
func TestVetoScore(t *testing.T) {
	m := defaultModel()
	s := make([]float64, len(m.header.Models))
	for j := range s {
		s[j] = -9
	}
	s[needsModel] = -2
	s[slices.Index(m.header.Models, CodeDebt)] = -1.5
	s[slices.Index(m.header.Models, CodeComplaint)] = -3
	s[slices.Index(m.header.Models, CodeViolence)] = 4
	v := m.verdictOf(s, newMessage("Une question sur ma facture.", evalNow))
	if v.veto != -3.5 {
		t.Errorf("veto score %v, want -3.5 (needs -2 plus debt -1.5)", v.veto)
	}
}
