package llm

import (
	"context"
	"math"
	"testing"
)

func cosine(a, b []float32) float64 {
	var dot, na, nb float64
	for i := range a {
		dot += float64(a[i]) * float64(b[i])
		na += float64(a[i]) * float64(a[i])
		nb += float64(b[i]) * float64(b[i])
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / math.Sqrt(na*nb)
}

func embedPair(t *testing.T, e *LocalEmbedder, a, b string) float64 {
	t.Helper()
	vecs, err := e.Embed(context.Background(), officials(a, b))
	if err != nil {
		t.Fatal(err)
	}
	return cosine(vecs[0], vecs[1])
}

func TestLocalEmbedderShape(t *testing.T) {
	e, err := NewLocalEmbedder(0)
	if err != nil {
		t.Fatal(err)
	}
	if e.Dim() != LocalEmbedderDim || e.Model() != "local:ngram-v1-256" {
		t.Fatalf("Dim %d Model %q", e.Dim(), e.Model())
	}
	vecs, err := e.Embed(context.Background(), officials("Demande de passeport", "", "le la les", "Demande de passeport"))
	if err != nil {
		t.Fatal(err)
	}
	if len(vecs) != 4 {
		t.Fatalf("%d vectors for 4 texts", len(vecs))
	}
	var norm float64
	for _, v := range vecs[0] {
		norm += float64(v) * float64(v)
	}
	if math.Abs(norm-1) > 1e-5 {
		t.Errorf("vector norm² = %v, want 1", norm)
	}
	for _, i := range []int{1, 2} {
		for _, v := range vecs[i] {
			if v != 0 {
				t.Fatalf("text %d without words: non-zero vector", i)
			}
		}
	}
	for i := range vecs[0] {
		if vecs[0][i] != vecs[3][i] {
			t.Fatal("same text, different vectors: not deterministic")
		}
	}
	if _, err := NewLocalEmbedder(8); err == nil {
		t.Error("NewLocalEmbedder(8): no error")
	}
}

func TestLocalEmbedderSimilarity(t *testing.T) {
	e, _ := NewLocalEmbedder(0)
	tests := []struct {
		name         string
		a, near, far string
	}{
		{"accents and case", "carte d'identité perdue", "CARTE D'IDENTITE PERDUE", "allocation logement étudiant"},
		{"typo", "renouveler mon passeport", "renouveller mon pasport", "déclarer mes revenus"},
		{"inflection", "demande de logement social", "demander un logement sociaux", "permis de conduire suspendu"},
		{"stop words", "comment faire pour obtenir le RSA", "obtenir RSA", "obtenir un passeport"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			near := embedPair(t, e, tt.a, tt.near)
			far := embedPair(t, e, tt.a, tt.far)
			if near <= far+0.2 {
				t.Errorf("cos(near) = %.3f, cos(far) = %.3f: want near clearly above far", near, far)
			}
		})
	}
	if s := embedPair(t, e, "carte d'identité", "carte d'identite"); s < 0.999 {
		t.Errorf("accent-folded texts differ: cos = %.4f", s)
	}
}

func TestLocalEmbedderCancelled(t *testing.T) {
	e, _ := NewLocalEmbedder(0)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := e.Embed(ctx, officials("x")); err == nil {
		t.Error("Embed with a cancelled context: no error")
	}
}

func BenchmarkLocalEmbedder(b *testing.B) {
	e, _ := NewLocalEmbedder(0)
	text := "Vous pouvez demander le renouvellement de votre carte nationale d'identité en mairie, " +
		"sur rendez-vous, après une pré-demande en ligne sur le site de l'ANTS. La carte est gratuite, " +
		"sauf en cas de perte ou de vol : un timbre fiscal de 25 euros est alors demandé. "
	for len(text) < 1200 {
		text += text
	}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := e.Embed(context.Background(), officials(text)); err != nil {
			b.Fatal(err)
		}
	}
}

// officials makes texts of test strings, which are nobody's.
func officials(ss ...string) []Text {
	out := make([]Text, len(ss))
	for i, s := range ss {
		out[i] = Official(s)
	}
	return out
}
