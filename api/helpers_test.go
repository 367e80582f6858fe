package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/plume-sp/plume/api"
	"github.com/plume-sp/plume/auth/oidctest"
	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/llm/llmtest"
	"github.com/plume-sp/plume/plumetest"
	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/redact/redacttest"
	"github.com/plume-sp/plume/store"
)

// repoRoot is the repository's root, seen from this package.
const repoRoot = ".."

// syncBuffer collects log output from concurrent handlers.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// env is an API server over the demo corpus in a fresh schema, with the
// fake model, and keys of every kind.
type env struct {
	tb    testing.TB
	plume *plumetest.Plume
	st    *store.Store
	model *llmtest.Server
	srv   *api.Server
	deps  api.Deps
	http  *httptest.Server
	logs  *syncBuffer
	// keys by name: agent, agent-caf, admin, admin-caf, admin-ants, revoked,
	// reviewer-caf (an agent with the reviewer right).
	keys map[string]string
	// docs by name: shared, caf, ants (ids of demo documents).
	docs map[string]int64
	// op is the OpenID provider, with envOptions.oidc.
	op *oidctest.Provider
}

// corpusDocs are the demo documents the tests name.
var corpusDocs = map[string]string{
	"shared": "demo-changement-adresse",
	"caf":    "demo-caf-changement-situation",
	"ants":   "demo-carte-grise-changement-adresse",
	"ants2":  "demo-carte-grise-vehicule-occasion",
}

func newEnv(tb testing.TB, cfg api.Config, modelOpts ...llmtest.Option) *env {
	tb.Helper()
	return newEnvWith(tb, cfg, envOptions{model: modelOpts})
}

// envOptions change what newEnvWith builds.
type envOptions struct {
	model []llmtest.Option
	// chatTimeout bounds each model call (default 10 s).
	chatTimeout time.Duration
	// queryEmbedder, when set, returns the embedder searches use, given
	// the fake model's URL (default: the local embedder of the corpus).
	queryEmbedder func(url string) llm.Embedder
	// serverStore, when set, opens the store the server uses (the demo
	// corpus and the keys go through the direct one), from the connection
	// string of the test's schema.
	serverStore func(tb testing.TB, url string) *store.Store
	// embedder, when set, wraps the embedder the server uses.
	embedder func(llm.Embedder) llm.Embedder
	// oidc starts an OpenID provider (env.op) the server signs agents in
	// with.
	oidc bool
	// env is plume's environment (wire.Settings), beside the defaults.
	env map[string]string
}

func newEnvWith(tb testing.TB, cfg api.Config, o envOptions) *env {
	tb.Helper()
	e := &env{tb: tb, logs: &syncBuffer{}, keys: map[string]string{}, docs: map[string]int64{}}
	log := slog.New(slog.NewJSONHandler(e.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	opts := []plumetest.Option{plumetest.WithCorpus(filepath.Join(repoRoot, "demo", "corpus")), plumetest.WithLog(log),
		plumetest.WithModel(o.model...)}
	if o.env != nil {
		opts = append(opts, plumetest.WithEnv(o.env))
	}
	if o.chatTimeout > 0 {
		opts = append(opts, plumetest.WithChatTimeout(o.chatTimeout))
	}
	if o.queryEmbedder != nil {
		opts = append(opts, plumetest.WithQueryEmbedder(o.queryEmbedder))
	}
	if o.serverStore != nil {
		opts = append(opts, plumetest.WithStore(o.serverStore))
	}
	if o.embedder != nil {
		opts = append(opts, plumetest.WithEmbedder(o.embedder))
	}
	p := plumetest.New(tb, opts...)
	e.plume, e.st, e.model = p, p.Direct, p.Model
	e.findDocs()
	var serve []plumetest.ServeOption
	if o.oidc {
		serve = append(serve, plumetest.WithSignIn())
	}
	s := p.Serve(tb, cfg, serve...)
	e.srv, e.deps, e.http, e.op = s.Server, s.Deps, s.HTTP, s.OP
	e.createKeys()
	return e
}

// findDocs finds the ids of the demo documents the tests name.
func (e *env) findDocs() {
	e.tb.Helper()
	page, err := e.st.ListDocuments(context.Background(), store.DocumentFilter{Limit: 500})
	if err != nil {
		e.tb.Fatal(err)
	}
	for name, ext := range corpusDocs {
		for _, d := range page.Documents {
			if d.ExternalID == ext {
				e.docs[name] = d.ID
			}
		}
		if e.docs[name] == 0 {
			e.tb.Fatalf("demo document %s not found", ext)
		}
	}
}

// createKeys creates the keys of every kind the tests use.
func (e *env) createKeys() {
	e.tb.Helper()
	ctx := context.Background()
	for _, k := range []struct {
		name, service string
		role          store.Role
	}{
		{"agent", "", store.RoleAgent}, {"agent-caf", "caf", store.RoleAgent}, {"agent-ants", "ants", store.RoleAgent},
		{"admin", "", store.RoleAdmin}, {"admin-caf", "caf", store.RoleAdmin}, {"admin-ants", "ants", store.RoleAdmin},
		{"revoked", "", store.RoleAdmin}, {"reviewer-caf", "caf", store.RoleAgent},
	} {
		key, secret, err := e.st.CreateAPIKey(ctx, k.name, k.role, k.service)
		if err != nil {
			e.tb.Fatal(err)
		}
		if k.name == "reviewer-caf" {
			if err := e.st.SetAPIKeyReviewer(ctx, key.ID, true); err != nil {
				e.tb.Fatal(err)
			}
		}
		e.keys[k.name] = secret
		if k.name == "revoked" {
			if err := e.st.RevokeAPIKey(ctx, key.ID); err != nil {
				e.tb.Fatal(err)
			}
		}
	}
}

// request describes one call to the API.
type request struct {
	method, path string
	key          string // a name of env.keys, a literal "plume_…" secret, or "" for none
	body         any    // nil, a string or []byte (sent as is), or a value encoded as JSON
	contentType  string // default application/json when there is a body
	header       map[string]string
}

// response is what came back.
type response struct {
	status int
	header http.Header
	body   []byte
}

func (r response) decode(tb testing.TB, v any) {
	tb.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		tb.Fatalf("decode %s: %v", r.body, err)
	}
}

// errorCode returns the code of an error body, or "" when there is none.
func (r response) errorCode() string {
	var body struct {
		Error struct{ Code, Message string }
	}
	_ = json.Unmarshal(r.body, &body)
	return body.Error.Code
}

func (e *env) do(req request) response {
	e.tb.Helper()
	var body io.Reader
	ct := req.contentType
	switch b := req.body.(type) {
	case nil:
	case string:
		body = strings.NewReader(b)
	case []byte:
		body = bytes.NewReader(b)
	default:
		data, err := json.Marshal(b)
		if err != nil {
			e.tb.Fatal(err)
		}
		body = bytes.NewReader(data)
	}
	if body != nil && ct == "" {
		ct = "application/json"
	}
	hr, err := http.NewRequest(req.method, e.http.URL+req.path, body)
	if err != nil {
		e.tb.Fatal(err)
	}
	if ct != "" {
		hr.Header.Set("Content-Type", ct)
	}
	if req.key != "" {
		secret := req.key
		if s, ok := e.keys[req.key]; ok {
			secret = s
		}
		hr.Header.Set("Authorization", "Bearer "+secret)
	}
	for k, v := range req.header {
		hr.Header.Set(k, v)
	}
	resp, err := e.http.Client().Do(hr)
	if err != nil {
		e.tb.Fatalf("%s %s: %v", req.method, req.path, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		e.tb.Fatalf("%s %s: read: %v", req.method, req.path, err)
	}
	return response{status: resp.StatusCode, header: resp.Header, body: data}
}

// must runs req and fails the test unless the status is want.
func (e *env) must(want int, req request) response {
	e.tb.Helper()
	r := e.do(req)
	if r.status != want {
		e.tb.Fatalf("%s %s: status %d, want %d: %s", req.method, req.path, r.status, want, r.body)
	}
	return r
}

// draft asks for a draft with the given key and returns it.
func (e *env) draft(key, question string) rag.Draft {
	e.tb.Helper()
	var d rag.Draft
	e.must(http.StatusOK, request{method: "POST", path: "/v1/drafts", key: key,
		body: map[string]any{"question": question, "channel": "email"}}).decode(e.tb, &d)
	return d
}

// answer stores a validated answer of a service straight in the store.
func (e *env) answer(service string) store.Answer {
	e.tb.Helper()
	a := store.Answer{Service: service, Question: store.Redacted(redacttest.Text(e.tb, "Comment déclarer un changement de situation à la CAF ?")),
		Text:    store.Redacted(redacttest.Text(e.tb, "Madame [NOM_1], vous déclarez le changement en ligne.")),
		Sources: json.RawMessage(fmt.Sprintf(`[{"n":1,"document_id":%d,"cited":true}]`, e.docs["caf"]))}
	if err := e.st.CreateAnswer(context.Background(), &a, store.AnswerWrite{DocumentIDs: []int64{e.docs["caf"]},
		MatchText: a.Question}); err != nil {
		e.tb.Fatal(err)
	}
	return a
}

// closeItem closes a curation item straight in the store.
func (e *env) closeItem(service, key string) {
	e.tb.Helper()
	if err := e.st.CloseCurationItem(context.Background(), &store.Closure{Service: service, Kind: "unanswered", Key: key,
		Action: store.ActionOutOfScope}); err != nil {
		e.tb.Fatal(err)
	}
}

// asRead returns body with the modified_at of document id as stored now:
// the version read, which a PUT of the document must give, as the page does.
func (e *env) asRead(id int64, body map[string]any) map[string]any {
	e.tb.Helper()
	d, err := e.st.GetDocument(context.Background(), id)
	if err != nil {
		e.tb.Fatal(err)
	}
	out := maps.Clone(body)
	out["modified_at"] = d.ModifiedAt
	return out
}
