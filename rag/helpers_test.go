package rag_test

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/plume-sp/plume/plumetest"
	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/redact"
	"github.com/plume-sp/plume/store"
)

// repoRoot is the repository's root, seen from this package.
const repoRoot = ".."

// sharedData returns the path of a file of ../shared/data, skipping the test
// when the folder is absent.
func sharedData(tb testing.TB, name string) string {
	tb.Helper()
	path := filepath.Join(repoRoot, "..", "shared", "data", name)
	if _, err := os.Stat(path); err != nil {
		tb.Skipf("real data not available: %v", err)
	}
	return path
}

// ingested returns a fresh store holding the given paths, and a searcher
// over it with the local embedder, as plume wires them.
func ingested(tb testing.TB, paths ...string) (*store.Store, *rag.Searcher) {
	tb.Helper()
	p := plumetest.New(tb, plumetest.WithCorpus(paths...))
	return p.Store, p.Searcher
}

// query is text as a person types it, redacted as every search is: the
// searcher's RedactQuery.
func query(tb testing.TB, s *rag.Searcher, text string) redact.Text {
	tb.Helper()
	q, _, err := s.RedactQuery(context.Background(), text)
	if err != nil {
		tb.Fatalf("redact %q: %v", text, err)
	}
	return q
}

// storedDraft loads a stored draft, as the API does before feedback.
func storedDraft(tb testing.TB, st *store.Store, id string) store.Draft {
	tb.Helper()
	d, err := st.GetDraft(context.Background(), id)
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

// storedTexts are the strings of stored texts.
func storedTexts(ts []store.Text) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.String()
	}
	return out
}

// question is one line of a retrieval test set: a question as users ask it
// and the ids of the documents that answer it.
type question struct {
	Q   string   `json:"q"`
	IDs []string `json:"ids"`
	// Also lists pages of the whole 2020 corpus that answer the question
	// too, counted only when that corpus is ingested.
	Also []string `json:"also"`
}

func loadQuestions(tb testing.TB, path string) []question {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var qs []question
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var q question
		if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
			tb.Fatalf("%s:%d: %v", path, n, err)
		}
		if q.Q == "" || len(q.IDs) == 0 {
			tb.Fatalf("%s:%d: a question needs q and ids", path, n)
		}
		qs = append(qs, q)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return qs
}

// recallAt returns the share of questions with an expected document among
// the first k distinct documents found, and logs the misses.
func recallAt(tb testing.TB, s *rag.Searcher, qs []question, k int, withAlso bool) float64 {
	tb.Helper()
	found := 0
	for _, q := range qs {
		res, err := s.Search(context.Background(), rag.Query{Text: query(tb, s, q.Q), K: 2 * k})
		if err != nil {
			tb.Fatalf("search %q: %v", q.Q, err)
		}
		want := map[string]bool{}
		for _, id := range q.IDs {
			want[id] = true
		}
		for _, id := range q.Also {
			want[id] = withAlso
		}
		var docs []string
		seen := map[string]bool{}
		for _, r := range res.Results {
			if !seen[r.DocID] && len(docs) < k {
				seen[r.DocID] = true
				docs = append(docs, r.DocID)
			}
		}
		hit := false
		for _, d := range docs {
			hit = hit || want[d]
		}
		if hit {
			found++
		} else {
			tb.Logf("miss: %q want %v got %v", q.Q, q.IDs, docs)
		}
	}
	return float64(found) / float64(len(qs))
}

// writeDraft validates req and drafts it, as the API and the CLI do.
func writeDraft(ctx context.Context, d *rag.Drafter, req rag.Request) (rag.Draft, error) {
	valid, err := d.Validate(ctx, req)
	if err != nil {
		return rag.Draft{}, err
	}
	return d.Draft(ctx, valid)
}

// streamDraft validates req and drafts it as a stream, as the API does.
func streamDraft(ctx context.Context, d *rag.Drafter, req rag.Request, onEvent func(rag.StreamEvent) error) (rag.Draft, error) {
	valid, err := d.Validate(ctx, req)
	if err != nil {
		return rag.Draft{}, err
	}
	return d.DraftStream(ctx, valid, onEvent)
}
