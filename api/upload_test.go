package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/plume-sp/plume/api"
	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/store"
)

// TestUploadStaysInItsService: a service's admin uploading a file whose
// header names the id of another service's document, or of a shared one,
// stores its own service's document of that id, answering as for a new
// id: the other document is not changed, nor named.
func TestUploadStaysInItsService(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{})
	for _, tc := range []struct {
		name, doc, header string
	}{
		{"shared document", "shared", ""},
		{"other service's document", "ants", ""},
		{"other service's document, own service named", "ants", "service: caf\n"},
		{"shared document, own service named", "shared", "service: caf\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before, err := e.st.GetDocument(t.Context(), e.docs[tc.doc])
			if err != nil {
				t.Fatal(err)
			}
			md := fmt.Sprintf("---\nid: %s\ntitle: Repris\n%s---\n## Texte\nRemplacé par un autre service.\n", corpusDocs[tc.doc], tc.header)
			body, ct := multipartBody(t, map[string]string{"prise.md": md}, map[string]string{"status": "archived"})
			var got struct{ Documents []struct{ ID int64 } }
			e.must(http.StatusCreated, request{method: "POST", path: "/v1/documents", key: "admin-caf", body: body, contentType: ct}).decode(t, &got)
			own, err := e.st.DocumentByKey(t.Context(), store.DocKey{Service: "caf", Source: before.Source, ExternalID: before.ExternalID})
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Documents) != 1 || got.Documents[0].ID != own.ID || own.ID == before.ID || own.Title != "Repris" {
				t.Errorf("upload over %s: %+v, caf's document %+v", tc.doc, got, own)
			}
			after, err := e.st.GetDocument(t.Context(), e.docs[tc.doc])
			if err != nil {
				t.Fatal(err)
			}
			if after.Service != before.Service || after.Status != store.StatusPublished || after.Title != before.Title ||
				!after.ModifiedAt.Equal(before.ModifiedAt) {
				t.Errorf("document changed: %+v, was %+v", after, before)
			}
		})
	}
	// Its own service's document, it replaces; a global admin any.
	md := fmt.Sprintf("---\nid: %s\ntitle: Mise à jour CAF\n---\n## Texte\nNouvelle version.\n", corpusDocs["caf"])
	body, ct := multipartBody(t, map[string]string{"caf.md": md}, nil)
	e.must(http.StatusCreated, request{method: "POST", path: "/v1/documents", key: "admin-caf", body: body, contentType: ct})
	md = fmt.Sprintf("---\nid: %s\ntitle: Mise à jour nationale\n---\n## Texte\nNouvelle version.\n", corpusDocs["shared"])
	body, ct = multipartBody(t, map[string]string{"shared.md": md}, nil)
	e.must(http.StatusCreated, request{method: "POST", path: "/v1/documents", key: "admin", body: body, contentType: ct})
	for doc, title := range map[string]string{"caf": "Mise à jour CAF", "shared": "Mise à jour nationale"} {
		if d, err := e.st.GetDocument(t.Context(), e.docs[doc]); err != nil || d.Title != title {
			t.Errorf("%s's document after its update: %q, %v; want %q", doc, d.Title, err, title)
		}
	}
}

// slowEmbedder delays every call, so that an upload is still running when
// a test acts on it.
type slowEmbedder struct {
	llm.Embedder
	delay time.Duration
}

func (s slowEmbedder) Embed(ctx context.Context, texts []llm.Text) ([][]float32, error) {
	select {
	case <-time.After(s.delay):
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	return s.Embedder.Embed(ctx, texts)
}

// serve runs the env's dependencies behind a server of its own on a
// loopback port until stop is called.
func serve(t *testing.T, e *env, cfg api.Config) (url string, stop func()) {
	t.Helper()
	srv, err := api.New(cfg, e.deps)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("serve: %v", err)
			}
		})
	}
	t.Cleanup(stop)
	return "http://" + ln.Addr().String(), stop
}

// postUpload sends an upload and returns its status and body.
func postUpload(url, key string, body []byte, ct string) (int, []byte, error) {
	req, err := http.NewRequest("POST", url+"/v1/documents", bytes.NewReader(body))
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Content-Type", ct)
	req.Header.Set("Authorization", "Bearer "+key)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	return resp.StatusCode, data, err
}

// uploadedKeys lists the documents stored from uploads, sorted.
func uploadedKeys(t *testing.T, e *env) []string {
	t.Helper()
	page, err := e.st.ListDocuments(t.Context(), store.DocumentFilter{Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range page.Documents {
		if d.Origin == "upload" {
			out = append(out, d.Source+"/"+d.ExternalID)
		}
	}
	slices.Sort(out)
	return out
}

// TestUploadCutByShutdown: an upload that a shutdown cuts half-way answers
// a standard status (503, not 499) with exactly the documents it stored.
// Not parallel: the handler has 100 ms to answer once cut, which a busy
// machine may not give it.
func TestUploadCutByShutdown(t *testing.T) {
	e := newEnvWith(t, api.Config{}, envOptions{embedder: func(em llm.Embedder) llm.Embedder {
		return slowEmbedder{Embedder: em, delay: 40 * time.Millisecond}
	}})
	url, stop := serve(t, e, api.Config{ShutdownTimeout: 100 * time.Millisecond, RatePerSecond: -1})
	var members [][2]string
	for i := range 40 {
		members = append(members, [2]string{fmt.Sprintf("fiche-%02d.md", i),
			fmt.Sprintf("---\nid: fiche-%02d\ntitle: Fiche %d\n---\n## Texte\nLa fiche numéro %d.\n", i, i, i)})
	}
	body, ct := multipartBody(t, map[string]string{"fiches.zip": string(zipOf(t, members...))}, nil)
	type result struct {
		status int
		body   []byte
		err    error
	}
	done := make(chan result, 1)
	go func() {
		status, body, err := postUpload(url, e.keys["admin"], body, ct)
		done <- result{status, body, err}
	}()
	for deadline := time.Now().Add(20 * time.Second); len(uploadedKeys(t, e)) < 3; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the upload stored nothing in 20 s")
		}
	}
	stop()
	r := <-done
	if r.err != nil {
		t.Fatal(r.err)
	}
	var got struct {
		Error  struct{ Code, Message string }
		Stored []struct {
			Source     string `json:"source"`
			ExternalID string `json:"external_id"`
		}
	}
	if err := json.Unmarshal(r.body, &got); err != nil {
		t.Fatalf("%d %s: %v", r.status, r.body, err)
	}
	if r.status != http.StatusServiceUnavailable || got.Error.Code != "partly_stored" {
		t.Errorf("cut upload: %d %s, want 503 partly_stored", r.status, r.body)
	}
	var reported []string
	for _, k := range got.Stored {
		reported = append(reported, k.Source+"/"+k.ExternalID)
	}
	slices.Sort(reported)
	stored := uploadedKeys(t, e)
	if diff := cmp.Diff(stored, reported); diff != "" || len(stored) == 0 || len(stored) == len(members) {
		t.Errorf("reported (-stored +reported):\n%s (%d of %d stored)", diff, len(stored), len(members))
	}
}

// TestUploadsPerKey: a key runs at most its number of uploads at once;
// another key is not held back.
func TestUploadsPerKey(t *testing.T) {
	t.Parallel()
	e := newEnvWith(t, api.Config{}, envOptions{embedder: func(em llm.Embedder) llm.Embedder {
		return slowEmbedder{Embedder: em, delay: 300 * time.Millisecond}
	}})
	url, _ := serve(t, e, api.Config{RatePerSecond: -1, Upload: api.UploadLimits{PerKey: 1}})
	md := func(id string) (body []byte, ct string) {
		return multipartBody(t, map[string]string{id + ".md": "---\nid: " + id + "\ntitle: Fiche\n---\n## Texte\nDu texte.\n"}, nil)
	}
	first := make(chan int, 1)
	go func() {
		b, ct := md("lente")
		status, _, _ := postUpload(url, e.keys["admin"], b, ct)
		first <- status
	}()
	time.Sleep(100 * time.Millisecond)
	b, ct := md("seconde")
	status, data, err := postUpload(url, e.keys["admin"], b, ct)
	if err != nil || status != http.StatusTooManyRequests || !bytes.Contains(data, []byte("too_many_uploads")) {
		t.Errorf("second upload of the key: %d %s %v, want 429 too_many_uploads", status, data, err)
	}
	b, ct = md("autre")
	if status, data, err := postUpload(url, e.keys["admin-caf"], b, ct); err != nil || status != http.StatusCreated {
		t.Errorf("another key's upload: %d %s %v", status, data, err)
	}
	if s := <-first; s != http.StatusCreated {
		t.Errorf("first upload: %d", s)
	}
}
