package api_test

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/plume-sp/plume/api"
	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/store"
)

// barrierEmbedder holds every call that embeds a text holding marker until
// n such calls have arrived (or a few seconds have passed), so that
// concurrent requests all pass their checks before any of them writes.
type barrierEmbedder struct {
	llm.Embedder
	marker string
	n      int
	mu     *sync.Mutex
	count  *int
	all    chan struct{}
}

func newBarrierEmbedder(em llm.Embedder, marker string, n int) barrierEmbedder {
	return barrierEmbedder{Embedder: em, marker: marker, n: n, mu: &sync.Mutex{}, count: new(int), all: make(chan struct{})}
}

func (b barrierEmbedder) Embed(ctx context.Context, texts []llm.Text) ([][]float32, error) {
	for _, t := range texts {
		if strings.Contains(t.String(), b.marker) {
			b.mu.Lock()
			if *b.count++; *b.count == b.n {
				close(b.all)
			}
			b.mu.Unlock()
			select {
			case <-b.all:
			case <-time.After(5 * time.Second):
			}
			break
		}
	}
	return b.Embedder.Embed(ctx, texts)
}

// TestConcurrentCreation: two services creating the same document id at
// the same moment, by POST or by upload, get one 201 and one 409; the
// stored document is the winner's, and no 201 shows the other's.
func TestConcurrentCreation(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		upload bool
	}{{"two posts", false}, {"a post and an upload", true}} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e := newEnvWith(t, api.Config{RatePerSecond: -1}, envOptions{embedder: func(em llm.Embedder) llm.Embedder {
				return newBarrierEmbedder(em, "Concurrence", 2)
			}})
			post := func(key, service string) request {
				return request{method: "POST", path: "/v1/documents", key: key, body: map[string]string{
					"id": "course", "source": "markdown", "title": "Concurrence " + service, "text": "Concurrence de " + service + "."}}
			}
			reqs := map[string]request{"caf": post("admin-caf", "caf"), "ants": post("admin-ants", "ants")}
			if tc.upload {
				body, ct := multipartBody(t, map[string]string{"course.md": "---\nid: course\ntitle: Concurrence caf\n---\nConcurrence de caf.\n"}, nil)
				reqs["caf"] = request{method: "POST", path: "/v1/documents", key: "admin-caf", body: body, contentType: ct}
			}
			var mu sync.Mutex
			got := map[string]response{}
			var wg sync.WaitGroup
			for service, req := range reqs {
				wg.Go(func() {
					r := e.do(req)
					mu.Lock()
					got[service] = r
					mu.Unlock()
				})
			}
			wg.Wait()
			created := ""
			for service, r := range got {
				switch {
				case r.status == http.StatusCreated:
					if created != "" {
						t.Errorf("both got 201: %s and %s", got["caf"].body, got["ants"].body)
					}
					created = service
				case r.status != http.StatusConflict:
					t.Errorf("%s: %d %s, want 201 or 409", service, r.status, r.body)
				}
			}
			d, err := e.st.DocumentByKey(context.Background(), store.DocKey{Source: "markdown", ExternalID: "course"})
			if err != nil {
				t.Fatal(err)
			}
			if created == "" || d.Service != created || !strings.Contains(string(got[created].body), `"service":"`+created+`"`) {
				t.Errorf("stored %q, created by %q: %s", d.Service, created, got[created].body)
			}
		})
	}
}

// TestConflictSaysLittle: a 409 for an id another service took says that
// the id is taken, nothing of the other service's document.
func TestConflictSaysLittle(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	e.must(http.StatusCreated, request{method: "POST", path: "/v1/documents", key: "admin-ants", body: map[string]string{
		"id": "fiche-x", "source": "markdown", "title": "Titre confidentiel", "text": "Texte confidentiel."}})
	body, ct := multipartBody(t, map[string]string{"fiche-x.md": "---\nid: fiche-x\ntitle: Autre\n---\nAutre texte.\n"}, nil)
	for name, req := range map[string]request{
		"post": {method: "POST", path: "/v1/documents", key: "admin-caf", body: map[string]string{
			"id": "fiche-x", "source": "markdown", "title": "Autre", "text": "Autre texte."}},
		"upload": {method: "POST", path: "/v1/documents", key: "admin-caf", body: body, contentType: ct},
	} {
		r := e.do(req)
		msg := strings.ToLower(string(r.body))
		if r.status != http.StatusConflict || !strings.Contains(msg, "is taken") ||
			strings.Contains(msg, "ants") || strings.Contains(msg, "service") || strings.Contains(msg, "confidentiel") {
			t.Errorf("%s: %d %s, want 409 saying only that the id is taken", name, r.status, r.body)
		}
	}
}
