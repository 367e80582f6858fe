package api_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/url"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/plume-sp/plume/api"
	"github.com/plume-sp/plume/rag"
)

const question = "Bonjour, je viens de déménager, comment signaler mon changement d'adresse à la CAF ? Merci"

func TestDraftRoutes(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{})
	d := e.draft("agent-caf", question)
	if !strings.HasPrefix(d.ID, "d_") || d.Draft == "" || d.Extractive || len(d.Citations) == 0 || d.Timings["plume_ms"] <= 0 {
		t.Fatalf("draft = %+v", d)
	}

	var stored struct {
		ID, Channel, Service, Draft string
		Extractive                  bool
	}
	e.must(http.StatusOK, request{method: "GET", path: "/v1/drafts/" + d.ID, key: "agent-caf"}).decode(t, &stored)
	if stored.ID != d.ID || stored.Channel != "email" || stored.Service != "caf" || stored.Draft == "" {
		t.Errorf("GET draft = %+v", stored)
	}
	e.must(http.StatusOK, request{method: "GET", path: "/v1/drafts/" + d.ID, key: "admin-caf"})
	e.must(http.StatusNotFound, request{method: "GET", path: "/v1/drafts/d_unknown", key: "agent-caf"})

	var fb struct {
		DraftID      string  `json:"draft_id"`
		Outcome      string  `json:"outcome"`
		Rating       *int    `json:"rating"`
		EditDistance float64 `json:"edit_distance"`
	}
	e.must(http.StatusCreated, request{method: "POST", path: "/v1/drafts/" + d.ID + "/feedback", key: "agent-caf",
		body: map[string]any{"outcome": "edited", "final_text": d.Draft + " Bien à vous.", "rating": 4, "tags": []string{"clair"}}}).decode(t, &fb)
	if fb.DraftID != d.ID || fb.Outcome != "edited" || fb.Rating == nil || *fb.Rating != 4 || fb.EditDistance <= 0 {
		t.Errorf("feedback = %+v", fb)
	}
	r := e.must(http.StatusBadRequest, request{method: "POST", path: "/v1/drafts/" + d.ID + "/feedback", key: "agent-caf",
		body: map[string]any{"outcome": "perhaps"}})
	if r.errorCode() != "invalid_request" {
		t.Errorf("bad outcome: %s", r.body)
	}
	e.must(http.StatusNotFound, request{method: "POST", path: "/v1/drafts/d_unknown/feedback", key: "agent-caf",
		body: map[string]any{"outcome": "accepted"}})

	r = e.must(http.StatusBadRequest, request{method: "POST", path: "/v1/drafts", key: "agent", body: map[string]any{"question": "  "}})
	if r.errorCode() != "invalid_request" {
		t.Errorf("empty question: %s", r.body)
	}
	e.must(http.StatusBadRequest, request{method: "POST", path: "/v1/drafts", key: "agent",
		body: map[string]any{"question": "x", "channel": "fax"}})

	var stats struct {
		Drafts   int64
		Feedback struct {
			Count    int64
			EditRate float64 `json:"edit_rate"`
		}
		DraftsPerDay   []map[string]any `json:"drafts_per_day"`
		FeedbackPerDay []struct {
			Day                        string
			Accepted, Edited, Rejected int64
			MeanRating                 *float64 `json:"mean_rating"`
			MeanEditDistance           float64  `json:"mean_edit_distance"`
		} `json:"feedback_per_day"`
	}
	e.must(http.StatusOK, request{method: "GET", path: "/v1/stats", key: "admin-caf"}).decode(t, &stats)
	if stats.Drafts != 1 || stats.Feedback.Count != 1 || stats.Feedback.EditRate != 1 || len(stats.DraftsPerDay) != 1 {
		t.Errorf("stats(caf) = %+v", stats)
	}
	if fd := stats.FeedbackPerDay; len(fd) != 1 || fd[0].Day != time.Now().UTC().Format(time.DateOnly) || fd[0].Edited != 1 ||
		fd[0].Accepted+fd[0].Rejected != 0 || fd[0].MeanRating == nil || *fd[0].MeanRating != 4 || fd[0].MeanEditDistance != fb.EditDistance {
		t.Errorf("stats(caf).feedback_per_day = %+v", fd)
	}
	e.must(http.StatusOK, request{method: "GET", path: "/v1/stats?service=ants&days=7", key: "admin"}).decode(t, &stats)
	if stats.Drafts != 0 {
		t.Errorf("stats(ants) = %+v", stats)
	}
	e.must(http.StatusBadRequest, request{method: "GET", path: "/v1/stats?days=0", key: "admin"})
}

func TestRedactAndSearch(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{})
	var red struct {
		Text     string
		Entities []map[string]any
	}
	e.must(http.StatusOK, request{method: "POST", path: "/v1/redact", key: "agent",
		body: map[string]string{"text": "Je suis Nadia BENSAID, joignable au 06 34 91 06 54."}}).decode(t, &red)
	if strings.Contains(red.Text, "BENSAID") || strings.Contains(red.Text, "06 34") || len(red.Entities) != 2 {
		t.Errorf("redact = %+v", red)
	}
	for _, ent := range red.Entities {
		if _, ok := ent["value"]; ok {
			t.Errorf("entity carries its value: %v", ent)
		}
	}

	var res struct {
		Query   string
		Results []rag.Result
	}
	e.must(http.StatusOK, request{method: "GET", key: "agent-caf",
		path: "/v1/search?k=10&q=" + url.QueryEscape("changement de situation CAF, rappelez-moi au 06 34 91 06 54")}).decode(t, &res)
	if len(res.Results) == 0 || strings.Contains(res.Query, "06 34") || !strings.Contains(res.Query, "[TEL_1]") {
		t.Fatalf("search = %+v", res)
	}
	for _, r := range res.Results {
		if r.Service != "" && r.Service != "caf" {
			t.Errorf("a CAF agent found a document of %q: %s", r.Service, r.DocID)
		}
	}
	var ants struct{ Results []rag.Result }
	e.must(http.StatusOK, request{method: "GET", key: "agent", path: "/v1/search?q=carte+grise&service=ants&audience=particuliers"}).decode(t, &ants)
	if len(ants.Results) == 0 {
		t.Error("no result for service=ants")
	}
	for _, r := range ants.Results {
		if r.Service != "" && r.Service != "ants" {
			t.Errorf("service=ants found a document of %q", r.Service)
		}
	}
	e.must(http.StatusBadRequest, request{method: "GET", key: "agent", path: "/v1/search"})
	e.must(http.StatusBadRequest, request{method: "GET", key: "agent", path: "/v1/search?q=x&k=51"})
}

// docBody is a JSON document of the tests.
func docBody(id, service string) map[string]any {
	return map[string]any{"id": id, "title": "Horaires du point d'accueil " + id, "service": service,
		"text": "Le point d'accueil reçoit du lundi au vendredi de 9 h à 17 h, sans rendez-vous le matin.",
		"url":  "https://www.service-public.fr/particuliers/vosdroits/F" + id, "audience": []string{"particuliers"}}
}

type docJSON struct {
	ID         int64  `json:"id"`
	Source     string `json:"source"`
	ExternalID string `json:"external_id"`
	Title      string `json:"title"`
	Service    string `json:"service"`
	Status     string `json:"status"`
	Chunks     []struct {
		Text string `json:"text"`
	} `json:"chunks"`
}

func TestDocumentRoutes(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{})
	var d docJSON
	e.must(http.StatusCreated, request{method: "POST", path: "/v1/documents", key: "admin-caf", body: docBody("100", "")}).decode(t, &d)
	if d.Source != "api" || d.ExternalID != "100" || d.Service != "caf" || d.Status != "published" {
		t.Errorf("created %+v", d)
	}
	e.must(http.StatusConflict, request{method: "POST", path: "/v1/documents", key: "admin-caf", body: docBody("100", "")})
	body := docBody("101", "")
	body["status"] = "draft"
	var draft docJSON
	e.must(http.StatusCreated, request{method: "POST", path: "/v1/documents", key: "admin", body: body}).decode(t, &draft)
	if draft.Status != "draft" || draft.Service != "" {
		t.Errorf("created draft %+v", draft)
	}

	var got docJSON
	e.must(http.StatusOK, request{method: "GET", path: fmt.Sprint("/v1/documents/", d.ID), key: "admin-caf"}).decode(t, &got)
	if len(got.Chunks) == 0 || !strings.Contains(got.Chunks[0].Text, "lundi au vendredi") {
		t.Errorf("GET document = %+v", got)
	}
	upd := docBody("ignored", "")
	upd["title"] = "Horaires d'été"
	upd["text"] = "En juillet et en août, le point d'accueil ferme à 16 h."
	e.must(http.StatusOK, request{method: "PUT", path: fmt.Sprint("/v1/documents/", d.ID), key: "admin-caf", body: e.asRead(d.ID, upd)}).decode(t, &got)
	if got.ID != d.ID || got.ExternalID != "100" || got.Title != "Horaires d'été" || got.Service != "caf" {
		t.Errorf("PUT document = %+v", got)
	}
	e.must(http.StatusOK, request{method: "PUT", path: fmt.Sprint("/v1/documents/", d.ID, "/status"), key: "admin-caf",
		body: map[string]string{"status": "archived"}}).decode(t, &got)
	if got.Status != "archived" {
		t.Errorf("status = %s", got.Status)
	}
	e.must(http.StatusBadRequest, request{method: "PUT", path: fmt.Sprint("/v1/documents/", d.ID, "/status"), key: "admin-caf",
		body: map[string]string{"status": "gone"}})

	var page struct {
		Documents []docJSON
		Total     int64
	}
	e.must(http.StatusOK, request{method: "GET", path: "/v1/documents?status=archived", key: "admin-caf"}).decode(t, &page)
	if page.Total != 1 || page.Documents[0].ID != d.ID {
		t.Errorf("list archived = %+v", page)
	}
	e.must(http.StatusOK, request{method: "GET", path: "/v1/documents?q=horaires&limit=1", key: "admin"}).decode(t, &page)
	if page.Total != 2 || len(page.Documents) != 1 {
		t.Errorf("list by title = %+v", page)
	}
	// Stale since a date: none before 2000, every one before 2999.
	var all, stale struct{ Total int64 }
	e.must(http.StatusOK, request{method: "GET", path: "/v1/documents", key: "admin"}).decode(t, &all)
	e.must(http.StatusOK, request{method: "GET", path: "/v1/documents?stale_before=2999-01-01", key: "admin"}).decode(t, &stale)
	if stale.Total != all.Total || all.Total == 0 {
		t.Errorf("stale before 2999: %d of %d", stale.Total, all.Total)
	}
	e.must(http.StatusOK, request{method: "GET", path: "/v1/documents?stale_before=2000-01-01", key: "admin"}).decode(t, &stale)
	if stale.Total != 0 {
		t.Errorf("stale before 2000: %d", stale.Total)
	}
	for _, bad := range []string{"yesterday", "2024-13-01", "2024-01-01T00:00:00Z", "01/02/2024"} {
		r := e.must(http.StatusBadRequest, request{method: "GET", path: "/v1/documents?stale_before=" + url.QueryEscape(bad), key: "admin"})
		if r.errorCode() != "invalid_request" {
			t.Errorf("stale_before=%s: %s", bad, r.body)
		}
	}
	e.must(http.StatusOK, request{method: "GET", path: "/v1/documents?source=markdown&service=", key: "admin"}).decode(t, &page)
	for _, doc := range page.Documents {
		if doc.Service != "" || doc.Source != "markdown" {
			t.Errorf("shared markdown filter gave %+v", doc)
		}
	}
	if page.Total == 0 {
		t.Error("no shared markdown document")
	}

	// Only published documents are retrieved.
	unique := map[string]any{"id": "zz", "title": "Ouverture de la maison du zygopétale", "status": "draft",
		"text": "La maison du zygopétale ouvre ses portes aux visiteurs chaque premier dimanche du mois."}
	var zz docJSON
	e.must(http.StatusCreated, request{method: "POST", path: "/v1/documents", key: "admin", body: unique}).decode(t, &zz)
	found := func() bool {
		var res struct{ Results []rag.Result }
		e.must(http.StatusOK, request{method: "GET", path: "/v1/search?q=zygop%C3%A9tale", key: "agent"}).decode(t, &res)
		return len(res.Results) > 0 && res.Results[0].DocumentID == zz.ID
	}
	if found() {
		t.Error("a draft document was retrieved")
	}
	e.must(http.StatusOK, request{method: "PUT", path: fmt.Sprint("/v1/documents/", zz.ID, "/status"), key: "admin",
		body: map[string]string{"status": "published"}})
	if !found() {
		t.Error("a published document was not retrieved")
	}

	e.must(http.StatusNoContent, request{method: "DELETE", path: fmt.Sprint("/v1/documents/", d.ID), key: "admin-caf"})
	for _, m := range []string{"GET", "DELETE"} {
		e.must(http.StatusNotFound, request{method: m, path: fmt.Sprint("/v1/documents/", d.ID), key: "admin-caf"})
	}
	e.must(http.StatusNotFound, request{method: "GET", path: "/v1/documents/abc", key: "admin"})
	e.must(http.StatusNotFound, request{method: "PUT", path: "/v1/documents/999999", key: "admin", body: docBody("x", "")})
}

// multipartBody builds an upload of files (name → content) and fields.
func multipartBody(tb testing.TB, files map[string]string, fields map[string]string) ([]byte, string) {
	tb.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for k, v := range fields {
		if err := w.WriteField(k, v); err != nil {
			tb.Fatal(err)
		}
	}
	for name, content := range files {
		f, err := w.CreateFormFile("file", name)
		if err != nil {
			tb.Fatal(err)
		}
		f.Write([]byte(content)) //nolint:errcheck
	}
	if err := w.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes(), w.FormDataContentType()
}

func TestUpload(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{MaxUploadBytes: 64 << 10})
	md := "---\ntitle: Permanence du samedi\n---\n## Horaires\nLa permanence ouvre le samedi de 9 h à 12 h.\n"
	jsonl := `{"id":"J1","title":"Rendez-vous","text":"Prenez rendez-vous en ligne."}` + "\n" +
		`{"id":"J2","title":"Documents","text":"Apportez une pièce d'identité."}` + "\n"
	body, ct := multipartBody(t, map[string]string{"permanence.md": md, "fiches.jsonl": jsonl}, map[string]string{"status": "draft"})
	var up struct {
		Documents []docJSON
		Errors    []string
	}
	e.must(http.StatusCreated, request{method: "POST", path: "/v1/documents", key: "admin-caf", body: body, contentType: ct}).decode(t, &up)
	var got []string
	for _, d := range up.Documents {
		got = append(got, d.Title+"|"+d.Service+"|"+d.Status)
	}
	want := []string{"Documents|caf|draft", "Permanence du samedi|caf|draft", "Rendez-vous|caf|draft"}
	slices.Sort(got)
	if diff := cmp.Diff(want, got); diff != "" || len(up.Errors) != 0 {
		t.Errorf("uploaded (-want +got):\n%s errors %v", diff, up.Errors)
	}

	body, ct = multipartBody(t, map[string]string{"image.png": "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"}, nil)
	r := e.must(http.StatusUnsupportedMediaType, request{method: "POST", path: "/v1/documents", key: "admin", body: body, contentType: ct})
	if r.errorCode() != "unsupported_format" {
		t.Errorf("png upload: %s", r.body)
	}
	body, ct = multipartBody(t, map[string]string{"big.md": "# Titre\n" + strings.Repeat("du texte ", 10<<10)}, nil)
	e.must(http.StatusRequestEntityTooLarge, request{method: "POST", path: "/v1/documents", key: "admin", body: body, contentType: ct})
	body, ct = multipartBody(t, nil, map[string]string{"status": "draft"})
	e.must(http.StatusBadRequest, request{method: "POST", path: "/v1/documents", key: "admin", body: body, contentType: ct})
	body, ct = multipartBody(t, map[string]string{"a.md": md}, map[string]string{"service": "ants"})
	e.must(http.StatusForbidden, request{method: "POST", path: "/v1/documents", key: "admin-caf", body: body, contentType: ct})
}

func TestSystemRoutes(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{})
	e.must(http.StatusOK, request{method: "GET", path: "/healthz"})
	e.must(http.StatusOK, request{method: "GET", path: "/readyz"})
	var doc struct {
		OpenAPI string `json:"openapi"`
	}
	e.must(http.StatusOK, request{method: "GET", path: "/v1/openapi.json"}).decode(t, &doc)
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi = %q", doc.OpenAPI)
	}
	e.draft("agent", question)
	e.must(http.StatusOK, request{method: "GET", path: "/v1/search?q=passeport", key: "agent"})
	r := e.must(http.StatusOK, request{method: "GET", path: "/metrics"})
	text := string(r.body)
	for _, want := range []string{
		`plume_http_request_duration_seconds_count{method="POST",route="/v1/drafts",status="200"} 1`, // labels sorted by name
		`plume_drafts_total{channel="email",kind="model"} 1`,
		`plume_draft_stage_duration_seconds_count{stage="model"} 1`,
		`plume_model_tokens_total{kind="prompt"}`,
		`plume_search_duration_seconds_count{caller="search"} 1`,
		`# TYPE plume_redactions_total counter`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	// plume's metrics, and the standard ones of the Go runtime, the
	// process and the database pool (issue 14): nothing else.
	pool := fmt.Sprintf("pgxpool_max_conns %d", 8*runtime.GOMAXPROCS(0)) // 8 a core
	for _, want := range []string{"go_goroutines ", "process_resident_memory_bytes ", "pgxpool_acquired_conns ", pool} {
		if !strings.Contains(text, "\n"+want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
		line = strings.TrimPrefix(strings.TrimPrefix(line, "# HELP "), "# TYPE ")
		if !strings.HasPrefix(line, "plume_") && !strings.HasPrefix(line, "go_") && !strings.HasPrefix(line, "process_") &&
			!strings.HasPrefix(line, "pgxpool_") {
			t.Errorf("metric line %q", line)
		}
	}

	if _, err := e.st.Pool().Exec(t.Context(), "DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)"); err != nil {
		t.Fatal(err)
	}
	r = e.must(http.StatusServiceUnavailable, request{method: "GET", path: "/readyz"})
	if r.errorCode() != "not_ready" {
		t.Errorf("readyz: %s", r.body)
	}
	e.must(http.StatusOK, request{method: "GET", path: "/healthz"})
}

// TestOpenAPIListsEveryRoute keeps the OpenAPI document in sync with the
// routes.
func TestOpenAPIListsEveryRoute(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{})
	var doc struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	e.must(http.StatusOK, request{method: "GET", path: "/v1/openapi.json"}).decode(t, &doc)
	documented := map[string]bool{}
	for p, ops := range doc.Paths {
		for m := range ops {
			documented[strings.ToUpper(m)+" "+p] = true
		}
	}
	for _, r := range e.srv.Routes() {
		if !documented[r] {
			t.Errorf("route %s is not in openapi.json", r)
		}
		delete(documented, r)
	}
	for r := range documented {
		t.Errorf("openapi.json documents %s, which is not a route", r)
	}
}
