package rag_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plume-sp/plume/rag"
)

func TestSearchDemoCorpus(t *testing.T) {
	t.Parallel()
	_, s := ingested(t, filepath.Join(repoRoot, "demo", "corpus"))
	tests := []struct {
		query string
		want  string
	}{
		{"renouveler ma carte d'identité", "demo-cni-renouvellement"},
		{"renouveler ma carte didentite", "demo-cni-renouvellement"},
		{"RENOUVELER CARTE IDENTITE EXPIREE", "demo-cni-renouvellement"},
		{"renouveler mon pasport", "demo-passeport"},
		{"j ai perdu ma carte didentité", "demo-cni-perte-vol"},
		{"inscription pole emploi", "demo-inscription-france-travail"},
		{"changer l'adresse sur ma carte grise apres demenagement", "demo-carte-grise-changement-adresse"},
		{"prime dactivité combien", "demo-prime-activite"},
		{"aide au logement apl caf", "demo-aides-logement"},
		{"declarer mes revenus en ligne", "demo-declaration-revenus"},
		{"renouvelement titre de sejour", "demo-titre-sejour-renouvellement"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			res, err := s.Search(context.Background(), rag.Query{Text: query(t, s, tt.query), K: 3})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range res.Results {
				got = append(got, r.DocID)
				if r.DocID == tt.want {
					if !r.Reliable {
						t.Errorf("%s found with score %.3f, not reliable", tt.want, r.Score)
					}
					return
				}
			}
			t.Errorf("want %s in the first 3, got %v", tt.want, got)
		})
	}
}

func TestSearchNothingRelevant(t *testing.T) {
	t.Parallel()
	_, s := ingested(t, filepath.Join(repoRoot, "demo", "corpus"))
	for _, q := range []string{
		"recette de la tarte aux pommes",
		"quel temps fera-t-il demain à Brest",
		"meilleur club de football",
	} {
		res, err := s.Search(context.Background(), rag.Query{Text: query(t, s, q), K: 3})
		if err != nil {
			t.Fatal(err)
		}
		if res.Reliable {
			t.Errorf("%q: reliable result %q (score %.3f) for an off-topic question", q, res.Results[0].Title, res.Results[0].Score)
		}
	}
}

func TestSearchFilters(t *testing.T) {
	t.Parallel()
	_, s := ingested(t, filepath.Join(repoRoot, "demo", "corpus"))
	res, err := s.Search(context.Background(), rag.Query{Text: query(t, s, "allocation"), K: 20, Services: []string{"caf", ""}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Results) == 0 {
		t.Fatal("no result for the caf service")
	}
	for _, r := range res.Results {
		if r.Service != "caf" && r.Service != "" {
			t.Errorf("%s of service %q in a search restricted to caf and shared documents", r.DocID, r.Service)
		}
	}
	if _, _, err := s.RedactQuery(context.Background(), "  "); !errors.Is(err, rag.ErrInvalid) {
		t.Errorf("empty query: %v, want ErrInvalid", err)
	}
	if _, err := s.Search(context.Background(), rag.Query{Text: query(t, s, "x"), K: 51}); !errors.Is(err, rag.ErrInvalid) {
		t.Errorf("k=51: %v, want ErrInvalid", err)
	}
}

func TestRedactQuery(t *testing.T) {
	t.Parallel()
	s := rag.NewSearcher(nil, nil, nil, nil, rag.SearchOptions{})
	redacted, red, err := s.RedactQuery(context.Background(), "Bonjour, je suis Claire Martin, tel 06 12 34 56 78 : renouveler mon passeport")
	if err != nil {
		t.Fatal(err)
	}
	text := redacted.String()
	for _, leaked := range []string{"Claire", "Martin", "06 12"} {
		if strings.Contains(text, leaked) {
			t.Errorf("search text %q contains %q", text, leaked)
		}
	}
	// The placeholders stay, for Search to see what they label, and are
	// removed before anything is searched (TestSearchPersonalDataOnly).
	if !strings.Contains(text, "je suis [NOM_1], tel [TEL_1] : renouveler mon passeport") || len(red.Entities) != 2 {
		t.Errorf("search text %q, %d entities; want the question kept and 2 entities masked", text, len(red.Entities))
	}
}
