package api_test

import (
	"context"
	"fmt"
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

// TestConcurrentCreation: a service's admin and a global one creating the
// same document id in one service at the same moment get one 201 and one
// 409; the stored document is the winner's. (An upload replaces its
// service's document of the same id: it does not race for a new one.)
func TestConcurrentCreation(t *testing.T) {
	t.Parallel()
	e := newEnvWith(t, api.Config{RatePerSecond: -1}, envOptions{embedder: func(em llm.Embedder) llm.Embedder {
		return newBarrierEmbedder(em, "Concurrence", 2)
	}})
	post := func(key string) request {
		return request{method: "POST", path: "/v1/documents", key: key, body: map[string]string{
			"id": "course", "source": "markdown", "service": "caf", "title": "Concurrence " + key, "text": "Concurrence de " + key + "."}}
	}
	reqs := map[string]request{"admin-caf": post("admin-caf"), "admin": post("admin")}
	var mu sync.Mutex
	got := map[string]response{}
	var wg sync.WaitGroup
	for key, req := range reqs {
		wg.Go(func() {
			r := e.do(req)
			mu.Lock()
			got[key] = r
			mu.Unlock()
		})
	}
	wg.Wait()
	created := ""
	for key, r := range got {
		switch {
		case r.status == http.StatusCreated:
			if created != "" {
				t.Errorf("both got 201: %s and %s", got["admin-caf"].body, got["admin"].body)
			}
			created = key
		case r.status != http.StatusConflict:
			t.Errorf("%s: %d %s, want 201 or 409", key, r.status, r.body)
		}
	}
	d, err := e.st.DocumentByKey(context.Background(), store.DocKey{Service: "caf", Source: "markdown", ExternalID: "course"})
	if err != nil {
		t.Fatal(err)
	}
	if created == "" || d.Title != "Concurrence "+created || !strings.Contains(string(got[created].body), `"title":"Concurrence `+created+`"`) {
		t.Errorf("stored %q, created by %q: %s", d.Title, created, got[created].body)
	}
}

// TestSameIDInTwoServices: two services create documents of the same id,
// by POST or by upload, and both get 201 with their own document, the
// answers holding nothing of the other's; each service's admin reads,
// lists, edits and deletes its own only; a second creation in one service
// is 409, saying only that the id is taken there; a global admin moving
// one to the other service is 409 too, changing nothing.
func TestSameIDInTwoServices(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	var ants, caf, cafUpload map[string]any
	e.must(http.StatusCreated, request{method: "POST", path: "/v1/documents", key: "admin-ants", body: map[string]string{
		"id": "fiche-x", "source": "markdown", "title": "Titre confidentiel", "text": "Texte confidentiel."}}).decode(t, &ants)
	post := request{method: "POST", path: "/v1/documents", key: "admin-caf", body: map[string]string{
		"id": "fiche-x", "source": "markdown", "title": "Autre", "text": "Autre texte."}}
	e.must(http.StatusCreated, post).decode(t, &caf)
	body, ct := multipartBody(t, map[string]string{"fiche-y.md": "---\nid: fiche-y\ntitle: Autre\n---\nAutre texte.\n"}, nil)
	e.must(http.StatusCreated, request{method: "POST", path: "/v1/documents", key: "admin-ants", body: body, contentType: ct})
	body, ct = multipartBody(t, map[string]string{"fiche-y.md": "---\nid: fiche-y\ntitle: Autre\n---\nAutre texte.\n"}, nil)
	r := e.must(http.StatusCreated, request{method: "POST", path: "/v1/documents", key: "admin-caf", body: body, contentType: ct})
	r.decode(t, &cafUpload)
	for _, b := range []string{fmt.Sprint(caf), string(r.body)} {
		if msg := strings.ToLower(b); strings.Contains(msg, "ants") || strings.Contains(msg, "confidentiel") {
			t.Errorf("caf's creation answers %s", b)
		}
	}
	if caf["id"] == ants["id"] || caf["service"] != "caf" || ants["service"] != "ants" {
		t.Errorf("two services' documents: %v and %v", caf, ants)
	}
	if r := e.do(post); r.status != http.StatusConflict || !strings.Contains(string(r.body), "is taken in this service") ||
		strings.Contains(strings.ToLower(string(r.body)), "confidentiel") {
		t.Errorf("caf creating fiche-x again: %d %s, want 409, the id taken in this service", r.status, r.body)
	}
	antsPath, cafPath := fmt.Sprint("/v1/documents/", ants["id"]), fmt.Sprint("/v1/documents/", caf["id"])
	if r := e.do(request{method: "GET", path: antsPath, key: "admin-caf"}); r.status != http.StatusNotFound {
		t.Errorf("caf reading ants's fiche-x: %d %s, want 404", r.status, r.body)
	}
	var list struct{ Documents []struct{ ID any } }
	e.must(http.StatusOK, request{method: "GET", path: "/v1/documents?q=Autre", key: "admin-caf"}).decode(t, &list)
	if len(list.Documents) != 2 {
		t.Errorf("caf's list of « Autre »: %+v, want its 2 documents", list)
	}
	e.must(http.StatusOK, request{method: "PUT", path: cafPath, key: "admin-caf", body: e.asRead(int64(caf["id"].(float64)), map[string]any{
		"title": "Autre, revu", "text": "Autre texte revu."})})
	if r := e.do(request{method: "PUT", path: cafPath, key: "admin", body: e.asRead(int64(caf["id"].(float64)), map[string]any{
		"title": "Autre, revu", "text": "Autre texte revu.", "service": "ants"})}); r.status != http.StatusConflict {
		t.Errorf("moving caf's fiche-x to ants, which has one: %d %s, want 409", r.status, r.body)
	}
	if r := e.do(request{method: "DELETE", path: antsPath, key: "admin-caf"}); r.status != http.StatusNotFound {
		t.Errorf("caf deleting ants's fiche-x: %d %s, want 404", r.status, r.body)
	}
	e.must(http.StatusNoContent, request{method: "DELETE", path: cafPath, key: "admin-caf"})
	d, err := e.st.DocumentByKey(t.Context(), store.DocKey{Service: "ants", Source: "markdown", ExternalID: "fiche-x"})
	if err != nil || d.Title != "Titre confidentiel" {
		t.Errorf("ants's fiche-x after caf's changes: %+v, %v", d, err)
	}
}
