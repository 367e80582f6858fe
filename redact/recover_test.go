package redact

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestRecover covers the values read back from a restored, then edited,
// text: each placeholder's value found between the shared words around
// it, side by side placeholders split by their types, and nothing where
// the place cannot be told.
func TestRecover(t *testing.T) {
	tests := []struct {
		name, redacted, restored string
		want                     map[string]string
	}{
		{"side by side", "Bonjour [NOM_1] [CAF_1] [TEL_1] …", "Bonjour Karim Benali 7654321 07 98 76 54 32 …",
			map[string]string{"[NOM_1]": "Karim Benali", "[CAF_1]": "7654321", "[TEL_1]": "07 98 76 54 32"}},
		{"edited around", "Bonjour [NOM_1],\nvotre dossier [CAF_1] est à jour. Appelez le [TEL_1] si besoin.",
			"Madame, Monsieur,\nvotre dossier 7654321 est à jour. Appelez le 07 98 76 54 32 si besoin, merci.",
			map[string]string{"[NOM_1]": "[NOM_1]", "[CAF_1]": "7654321", "[TEL_1]": "07 98 76 54 32"}},
		{"a placeholder left as it was stands for itself", "Votre numéro [CAF_1] est noté.", "Votre numéro [CAF_1] est noté.",
			map[string]string{"[CAF_1]": "[CAF_1]"}},
		{"the shared words rewritten", "Votre numéro [CAF_1] est noté.", "Le numéro a été noté : 7654321.",
			map[string]string{"[CAF_1]": "[CAF_1]"}},
		{"at the text's ends", "[NOM_1], merci de votre message", "Karim Benali, merci de votre message",
			map[string]string{"[NOM_1]": "Karim Benali"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := map[string]string{}
			for _, e := range Recover(tt.redacted, tt.restored).Entries() {
				got[e.Placeholder] = e.Value
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Recover (-want +got):\n%s", diff)
			}
		})
	}
}

// TestRecoverSessionMasksRestoredValues covers the black-box finding: a
// bare number put back into a draft, sent as the final text, was stored
// unmasked, no detector seeing it without its cue.
func TestRecoverSessionMasksRestoredValues(t *testing.T) {
	ctx := context.Background()
	final := "Bonjour Karim Benali 7654321 07 98 76 54 32 …"
	m := Recover("Bonjour [NOM_1] [CAF_1] [TEL_1] …", final)
	res, err := NewSessionFrom(DefaultPolicy(), m).Redact(ctx, final)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff("Bonjour [NOM_1] [CAF_1] [TEL_1] …", res.Text.String()); diff != "" {
		t.Errorf("final text (-want +got):\n%s", diff)
	}
}

// TestRecoverReserves covers the placeholders Recover cannot read: a new
// value is numbered after them and one left as it was stays.
func TestRecoverReserves(t *testing.T) {
	ctx := context.Background()
	final := "Votre numéro [CAF_1] est noté, Mme Claire Martin vous rappelle au 06 11 22 33 44."
	m := Recover("Votre numéro [CAF_1] est noté.", final, "Je suis [NOM_1], tel [TEL_1]")
	res, err := NewSessionFrom(DefaultPolicy(), m).Redact(ctx, final)
	if err != nil {
		t.Fatal(err)
	}
	want := "Votre numéro [CAF_1] est noté, Mme [NOM_2] vous rappelle au [TEL_2]."
	if diff := cmp.Diff(want, res.Text.String()); diff != "" {
		t.Errorf("final text (-want +got):\n%s", diff)
	}
}

// TestRecoverKeepsReadPlaceholders: a placeholder whose value was read
// from the final text stays itself where a text redacted again in the
// session holds it as it is (the draft's question, already redacted):
// the question and the final text share one numbering, and a redaction
// of redacted text changes none of its placeholders.
func TestRecoverKeepsReadPlaceholders(t *testing.T) {
	ctx := context.Background()
	question := "Je suis [NOM_1], tel [TEL_1]. Mme Claire Martin est ma voisine."
	final := "Bonjour Karim Benali, votre dossier est à jour."
	s := NewSessionFrom(DefaultPolicy(), Recover("Bonjour [NOM_1], votre dossier est à jour.", final, question))
	var got []string
	for _, text := range []string{question, final, "Relu pour [NOM_1] ([TEL_1])."} {
		res, err := s.Redact(ctx, text)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, res.Text.String())
	}
	want := []string{"Je suis [NOM_1], tel [TEL_1]. Mme [NOM_2] est ma voisine.",
		"Bonjour [NOM_1], votre dossier est à jour.", "Relu pour [NOM_1] ([TEL_1])."}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("texts redacted in one session (-want +got):\n%s", diff)
	}
}

// TestRecoverBoundsItsWork: placeholders side by side can be cut among in
// exponentially many ways, and the agent writes the text. With twelve
// names then a phone whose text holds no digit, no cut fits; Recover
// gives up within its budget (maxSplitSteps cuts; unbounded, this took
// minutes at ten names) and leaves every placeholder standing for itself.
func TestRecoverBoundsItsWork(t *testing.T) {
	t.Parallel()
	const n = 12
	var redacted, restored strings.Builder
	redacted.WriteString("Bonjour à vous, voici la liste :")
	restored.WriteString("Bonjour à vous, voici la liste :")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&redacted, " [NOM_%d]", i)
		restored.WriteString(" Jean Paul Marie")
	}
	redacted.WriteString(" [TEL_1] et merci pour tout.")
	restored.WriteString(" zéro six et merci pour tout.")
	got := map[string]string{}
	for _, e := range Recover(redacted.String(), restored.String()).Entries() {
		got[e.Placeholder] = e.Value
	}
	for p, v := range got {
		if p != v {
			t.Errorf("%s read as %q, want it standing for itself", p, v)
		}
	}
	if len(got) != n+1 {
		t.Errorf("%d placeholders in the mapping, want %d", len(got), n+1)
	}
}
