package rag_test

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/plume-sp/plume/prompts"
	"github.com/plume-sp/plume/rag"
)

// benchQuestions are users' messages of various shapes, personal data
// included, so that every stage has work to do.
var benchQuestions = []string{
	"Bonjour, je suis Madame Sophie Martin (sophie.martin@example.org, 06 12 34 56 78). Comment renouveler mon passeport ?",
	"bonjour je suis kevin lemoine numero caf 4466379 on me demande de rembourser un indu de la prime d activite, je comprend rien",
	"Comment changer l'adresse sur ma carte grise après un déménagement au 12 rue des Lilas, 69003 Lyon ?",
	"J'ai perdu ma carte d'identité, que dois-je faire ? Je m'appelle Paul Moreau, né le 3 mars 1985.",
	"Comment m'inscrire à France Travail après mon licenciement ? Mon identifiant est 1234567A.",
	"Quelle est la meilleure recette de gâteau au chocolat ?",
}

// BenchmarkDraftPlumeTime measures plume's own time per draft, model
// excluded (no model: extractive drafts): redaction, retrieval, checks,
// restoration and storage, on the demo corpus. It reports the median and
// the 95th percentile of timings["plume_ms"]; the goal is a p95 under 30 ms.
func BenchmarkDraftPlumeTime(b *testing.B) {
	st, searcher := ingested(b, filepath.Join(repoRoot, "demo", "corpus"))
	ps, err := prompts.Load("")
	if err != nil {
		b.Fatal(err)
	}
	d := rag.NewDrafter(searcher, st, nil, ps, nil, rag.DraftOptions{})
	ctx := context.Background()
	// One round to warm the connection pool and the caches.
	for _, q := range benchQuestions {
		if _, err := writeDraft(ctx, d, rag.Request{Question: q}); err != nil {
			b.Fatal(err)
		}
	}
	stages := []string{"plume_ms", "redact_ms", "search_ms", "checks_ms", "restore_ms", "store_ms"}
	ms := map[string][]float64{}
	for i := 0; b.Loop(); i++ {
		got, err := writeDraft(ctx, d, rag.Request{Question: benchQuestions[i%len(benchQuestions)]})
		if err != nil {
			b.Fatal(err)
		}
		for _, s := range stages {
			ms[s] = append(ms[s], got.Timings[s])
		}
	}
	for _, s := range stages {
		slices.Sort(ms[s])
	}
	b.ReportMetric(percentile(ms["plume_ms"], 0.50), "p50-ms")
	b.ReportMetric(percentile(ms["plume_ms"], 0.95), "p95-ms")
	// The stages' own 95th percentiles, to see where the time goes.
	for _, s := range stages[1:] {
		b.ReportMetric(percentile(ms[s], 0.95), "p95-"+strings.TrimSuffix(s, "_ms")+"-ms")
	}
}

// percentile returns the p-th quantile of sorted values (nearest rank).
func percentile(sorted []float64, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	i := int(p*float64(len(sorted))+0.5) - 1
	return sorted[min(max(i, 0), len(sorted)-1)]
}
