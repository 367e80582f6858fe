package api_test

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/plume-sp/plume/api"
	"github.com/plume-sp/plume/ingest/pdftest"
	"github.com/plume-sp/plume/llm/llmtest"
)

// zipOf builds a zip archive of members (name → content), in the order given.
func zipOf(tb testing.TB, members ...[2]string) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, m := range members {
		w, err := zw.Create(m[0])
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := w.Write([]byte(m[1])); err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// manyFiles is n members named f0001.txt… with content.
func manyFiles(n int, content string) [][2]string {
	out := make([][2]string, n)
	for i := range out {
		out[i] = [2]string{fmt.Sprintf("f%04d.txt", i), content}
	}
	return out
}

// pdfOf writes a PDF whose pages draw the given content streams (by index
// into streams), Flate-compressed: pages may share one stream.
func pdfOf(tb testing.TB, streams []string, pages []int) []byte {
	tb.Helper()
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", "",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"}
	first := len(objs) + 1
	for _, s := range streams {
		var z bytes.Buffer
		zw := zlib.NewWriter(&z)
		zw.Write([]byte(s)) //nolint:errcheck
		zw.Close()          //nolint:errcheck
		objs = append(objs, fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", z.Len(), z.String()))
	}
	var kids []string
	for _, p := range pages {
		objs = append(objs, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", first+p))
		kids = append(kids, fmt.Sprintf("%d 0 R", len(objs)))
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))
	return pdftest.Write(objs, 1, 0)
}

// pdfLine is one page's content: a line of text.
func pdfLine(text string) string {
	return fmt.Sprintf("BT /F1 11 Tf 1 0 0 1 72 700 Tm (%s) Tj ET\n", text)
}

// TestHostileInput sends hostile input to every route: NUL characters,
// invalid UTF-8, queries without words, huge and deep JSON, malformed files
// and each upload bomb. Every answer is the given 4xx with a reason, never
// a 500, and no invalid input reaches the model.
func TestHostileInput(t *testing.T) {
	t.Parallel()
	limits := api.UploadLimits{ExpandedBytes: 2 << 20, Files: 100, PDFPages: 20, PDFContentBytes: 4 << 20, PerKey: 2}
	e := newEnv(t, api.Config{RatePerSecond: -1, MaxUploadBytes: 1 << 20, Upload: limits})
	d := e.draft("agent", question)
	fb := "/v1/drafts/" + d.ID + "/feedback"
	doc := fmt.Sprint("/v1/documents/", e.docs["caf"])

	page := "---\ntitle: Fiche\n---\n## Texte\nUne fiche ordinaire, avec du texte.\n"
	goodPDF := pdfOf(t, []string{pdfLine("Premier paragraphe du guide."), pdfLine("Second paragraphe du guide.")}, []int{0, 1})
	deep := strings.Repeat(`{"a":`, 100_000) + "1" + strings.Repeat("}", 100_000)
	type upload struct {
		name    string
		content []byte
	}
	tests := []struct {
		name   string
		req    request
		upload []upload          // sent as multipart to POST /v1/documents when set
		fields map[string]string // form fields of the upload
		status int
		code   string
	}{
		// Queries and parameters.
		{name: "search without words", req: request{method: "GET", path: "/v1/search?q=!"}, status: 400, code: "no_words"},
		{name: "search of punctuation", req: request{method: "GET", path: "/v1/search?q=%3F%21+...+%E2%80%94"}, status: 400, code: "no_words"},
		{name: "search of common words only", req: request{method: "GET", path: "/v1/search?q=le+de+les"}, status: 400, code: "no_words"},
		{name: "search of a phone number only", req: request{method: "GET", path: "/v1/search?q=06+12+34+56+78"}, status: 400, code: "no_words"},
		{name: "search of a placeholder only", req: request{method: "GET", path: "/v1/search?q=%5BNOM_1%5D"}, status: 400, code: "no_words"},
		{name: "search with NUL", req: request{method: "GET", path: "/v1/search?q=carte%00grise"}, status: 400, code: "invalid_text"},
		{name: "search invalid UTF-8", req: request{method: "GET", path: "/v1/search?q=carte%FFgrise"}, status: 400, code: "invalid_text"},
		{name: "search audience NUL", req: request{method: "GET", path: "/v1/search?q=passeport&audience=%00"}, status: 400, code: "invalid_text"},
		{name: "search service invalid", req: request{method: "GET", path: "/v1/search?q=passeport&service=%C3"}, status: 400, code: "invalid_text"},
		{name: "query name NUL", req: request{method: "GET", path: "/v1/me?%00=1"}, status: 400, code: "invalid_text"},
		{name: "drafts list NUL", req: request{method: "GET", path: "/v1/drafts?limit=%00"}, status: 400, code: "invalid_text"},
		{name: "documents list, a query that is not URL encoding", req: request{method: "GET", path: "/v1/documents?q=%%%%"}, status: 400, code: "invalid_request"},
		{name: "search, a broken escape", req: request{method: "GET", path: "/v1/search?q=carte%2"}, status: 400, code: "invalid_request"},
		{name: "draft id NUL", req: request{method: "GET", path: "/v1/drafts/d_%00"}, status: 400, code: "invalid_text"},
		{name: "draft id invalid UTF-8", req: request{method: "GET", path: "/v1/drafts/d_%FF"}, status: 400, code: "invalid_text"},
		{name: "documents q NUL", req: request{method: "GET", path: "/v1/documents?q=a%00"}, status: 400, code: "invalid_text"},
		{name: "documents source invalid", req: request{method: "GET", path: "/v1/documents?source=%FE"}, status: 400, code: "invalid_text"},
		{name: "document id NUL", req: request{method: "GET", path: "/v1/documents/1%00"}, status: 400, code: "invalid_text"},
		{name: "delete document id NUL", req: request{method: "DELETE", path: "/v1/documents/%00"}, status: 400, code: "invalid_text"},
		{name: "stats service NUL", req: request{method: "GET", path: "/v1/stats?service=%00"}, status: 400, code: "invalid_text"},
		{name: "healthz NUL", req: request{method: "GET", path: "/healthz?x=%00"}, status: 400, code: "invalid_text"},
		{name: "readyz invalid UTF-8", req: request{method: "GET", path: "/readyz?x=%FF"}, status: 400, code: "invalid_text"},
		{name: "metrics NUL", req: request{method: "GET", path: "/metrics?x=%00"}, status: 400, code: "invalid_text"},
		{name: "openapi invalid UTF-8", req: request{method: "GET", path: "/v1/openapi.json?%FF"}, status: 400, code: "invalid_text"},
		{name: "sign-in config NUL", req: request{method: "GET", path: "/auth/config?x=%00"}, status: 400, code: "invalid_text"},
		{name: "login invalid UTF-8", req: request{method: "GET", path: "/auth/login?x=%FF"}, status: 400, code: "invalid_text"},
		{name: "callback state NUL", req: request{method: "GET", path: "/auth/callback?state=%00&code=a"}, status: 400, code: "invalid_text"},
		{name: "logout NUL", req: request{method: "POST", path: "/auth/logout?x=%00"}, status: 400, code: "invalid_text"},
		{name: "agents NUL", req: request{method: "GET", path: "/v1/agents?x=%00"}, status: 400, code: "invalid_text"},
		{name: "agent unknown role", req: request{method: "PUT", path: fmt.Sprint("/v1/agents/", e.agent(nil).ID), body: `{"role": "king"}`}, status: 400, code: "invalid_request"},
		{name: "audit days", req: request{method: "GET", path: "/v1/audit?days=0"}, status: 400, code: "invalid_request"},
		{name: "audit format", req: request{method: "GET", path: "/v1/audit?format=xml"}, status: 400, code: "invalid_request"},
		{name: "audit since", req: request{method: "GET", path: "/v1/audit?since=2025-02-30"}, status: 400, code: "invalid_request"},
		{name: "audit actor NUL", req: request{method: "GET", path: "/v1/audit?actor=%00"}, status: 400, code: "invalid_text"},
		{name: "keys NUL", req: request{method: "GET", path: "/v1/keys?x=%00"}, status: 400, code: "invalid_text"},
		{name: "key name NUL", req: request{method: "POST", path: "/v1/keys", body: `{"name": "a\u0000", "role": "agent"}`}, status: 400, code: "invalid_text"},
		{name: "key unknown role", req: request{method: "POST", path: "/v1/keys", body: `{"name": "a", "role": "king"}`}, status: 400, code: "invalid_request"},
		{name: "key revoke NUL", req: request{method: "DELETE", path: "/v1/keys/1?x=%00"}, status: 400, code: "invalid_text"},
		{name: "rules NUL", req: request{method: "GET", path: "/v1/rules?x=%00"}, status: 400, code: "invalid_text"},
		{name: "rule kind", req: request{method: "POST", path: "/v1/rules", body: `{"kind": "email", "value": "a@b.fr", "role": "agent"}`}, status: 400, code: "invalid_request"},
		{name: "rule deep JSON", req: request{method: "POST", path: "/v1/rules", body: deep}, status: 400, code: "malformed_json"},
		{name: "rule delete NUL", req: request{method: "DELETE", path: "/v1/rules/1?x=%00"}, status: 400, code: "invalid_text"},
		{name: "answers status NUL", req: request{method: "GET", path: "/v1/answers?status=%00"}, status: 400, code: "invalid_text"},
		{name: "answers unknown status", req: request{method: "GET", path: "/v1/answers?status=maybe"}, status: 400, code: "invalid_request"},
		{name: "answer id invalid UTF-8", req: request{method: "GET", path: "/v1/answers/%FF"}, status: 400, code: "invalid_text"},
		{name: "answer id not a number", req: request{method: "GET", path: "/v1/answers/abc"}, status: 404, code: "not_found"},
		{name: "answer from nothing", req: request{method: "POST", path: "/v1/answers", body: `{}`}, status: 400, code: "invalid_request"},
		{name: "answer text NUL", req: request{method: "POST", path: "/v1/answers", body: `{"question": "carte grise", "text": "a\u0000b"}`}, status: 400, code: "invalid_text"},
		{name: "answer deep JSON", req: request{method: "POST", path: "/v1/answers", body: deep}, status: 400, code: "malformed_json"},
		{name: "answer update invalid UTF-8", req: request{method: "PUT", path: "/v1/answers/1", body: "{\"text\": \"\xff\"}"}, status: 400, code: "invalid_text"},
		{name: "answer status unknown", req: request{method: "PUT", path: "/v1/answers/1/status", body: `{"status": "maybe"}`}, status: 400, code: "invalid_request"},
		{name: "curation days", req: request{method: "GET", path: "/v1/curation?days=0"}, status: 400, code: "invalid_request"},
		{name: "curation export NUL", req: request{method: "GET", path: "/v1/curation/export?days=%00"}, status: 400, code: "invalid_text"},
		{name: "curation close NUL", req: request{method: "POST", path: "/v1/curation/close", body: `{"kind": "unanswered", "key": "\u0000"}`}, status: 400, code: "invalid_text"},
		{name: "curation reopen deep JSON", req: request{method: "POST", path: "/v1/curation/reopen", body: deep}, status: 400, code: "malformed_json"},

		// JSON bodies.
		{name: "draft without words", req: request{method: "POST", path: "/v1/drafts", body: map[string]any{"question": "?!"}}, status: 400, code: "no_words"},
		{name: "draft of common words only", req: request{method: "POST", path: "/v1/drafts", body: map[string]any{"question": "le la les de"}}, status: 400, code: "no_words"},
		{name: "draft of personal data only", req: request{method: "POST", path: "/v1/drafts", body: map[string]any{"question": "06 12 34 56 78"}}, status: 400, code: "no_words"},
		{name: "streamed draft of personal data only", req: request{method: "POST", path: "/v1/drafts", body: map[string]any{"question": "[NOM_1] 06 12 34 56 78"},
			header: map[string]string{"Accept": "text/event-stream"}}, status: 400, code: "no_words"},
		{name: "draft question NUL", req: request{method: "POST", path: "/v1/drafts", body: `{"question": "carte\u0000grise"}`}, status: 400, code: "invalid_text"},
		{name: "draft question invalid UTF-8", req: request{method: "POST", path: "/v1/drafts", body: "{\"question\": \"carte \xff grise\"}"}, status: 400, code: "invalid_text"},
		{name: "draft note NUL", req: request{method: "POST", path: "/v1/drafts", body: `{"question": "carte grise", "note": "\u0000"}`}, status: 400, code: "invalid_text"},
		{name: "draft audience NUL", req: request{method: "POST", path: "/v1/drafts", body: `{"question": "carte grise", "audience": ["\u0000"]}`}, status: 400, code: "invalid_text"},
		{name: "draft deep JSON", req: request{method: "POST", path: "/v1/drafts", body: deep}, status: 400, code: "malformed_json"},
		{name: "draft huge JSON", req: request{method: "POST", path: "/v1/drafts", body: `{"question": "` + strings.Repeat("a", 2<<20) + `"}`}, status: 413, code: "too_large"},
		{name: "redact NUL", req: request{method: "POST", path: "/v1/redact", body: `{"text": "\u0000"}`}, status: 400, code: "invalid_text"},
		{name: "redact invalid UTF-8", req: request{method: "POST", path: "/v1/redact", body: "{\"text\": \"\xc3\"}"}, status: 400, code: "invalid_text"},
		{name: "redact null", req: request{method: "POST", path: "/v1/redact", body: `null`}, status: 400, code: "invalid_request"},
		{name: "redact blank", req: request{method: "POST", path: "/v1/redact", body: `{"text": " \u200b "}`}, status: 400, code: "invalid_request"},
		{name: "redact over the drafts' limit", req: request{method: "POST", path: "/v1/redact", body: `{"text": "` + strings.Repeat("a ", 10001) + `"}`}, status: 413, code: "text_too_long"},
		{name: "triage NUL", req: request{method: "POST", path: "/v1/triage", body: `{"text": "aide\u0000"}`}, status: 400, code: "invalid_text"},
		{name: "triage invalid UTF-8", req: request{method: "POST", path: "/v1/triage", body: "{\"text\": \"\xff\"}"}, status: 400, code: "invalid_text"},
		{name: "triage empty", req: request{method: "POST", path: "/v1/triage", body: `{"text": "  "}`}, status: 400, code: "invalid_request"},
		{name: "triage deep JSON", req: request{method: "POST", path: "/v1/triage", body: deep}, status: 400, code: "malformed_json"},
		{name: "feedback text NUL", req: request{method: "POST", path: fb, body: `{"outcome": "edited", "final_text": "a\u0000b"}`}, status: 400, code: "invalid_text"},
		{name: "feedback tag NUL", req: request{method: "POST", path: fb, body: `{"outcome": "accepted", "tags": ["\u0000"]}`}, status: 400, code: "invalid_text"},
		{name: "feedback invalid UTF-8", req: request{method: "POST", path: fb, body: "{\"outcome\": \"accepted\", \"final_text\": \"\xff\"}"}, status: 400, code: "invalid_text"},
		{name: "document title NUL", req: request{method: "POST", path: "/v1/documents", body: `{"id": "x", "title": "a\u0000", "text": "b"}`}, status: 400, code: "invalid_text"},
		{name: "document id invalid UTF-8", req: request{method: "POST", path: "/v1/documents", body: "{\"id\": \"\xff\", \"title\": \"a\", \"text\": \"b\"}"}, status: 400, code: "invalid_text"},
		{name: "document update NUL", req: request{method: "PUT", path: doc, body: `{"title": "a", "text": "b\u0000"}`}, status: 400, code: "invalid_text"},
		{name: "document status NUL", req: request{method: "PUT", path: doc + "/status", body: `{"status": "\u0000"}`}, status: 400, code: "invalid_text"},
		{name: "document deep JSON", req: request{method: "PUT", path: doc, body: deep}, status: 400, code: "malformed_json"},
		{name: "agent service NUL", req: request{method: "PUT", path: "/v1/agents/1", body: `{"role": "agent", "service": "\u0000"}`}, status: 400, code: "invalid_text"},

		// Uploads.
		{name: "zip bomb", upload: []upload{{"bombe.zip", zipOf(t, [2]string{"a.txt", strings.Repeat("zéro ", 1<<20)})}}, status: 413, code: "too_large"},
		{name: "zip bomb in parts", upload: []upload{{"bombe.zip", zipOf(t, manyFiles(8, "# Titre\n"+strings.Repeat("zéro ", 100<<10))...)}}, status: 413, code: "too_large"},
		{name: "many files", upload: []upload{{"fichiers.zip", zipOf(t, manyFiles(101, "# Titre\nDu texte.\n")...)}}, status: 413, code: "too_large"},
		{name: "many files over several uploads", upload: []upload{{"a.zip", zipOf(t, manyFiles(60, "# T\nDu texte.\n")...)}, {"b.zip", zipOf(t, manyFiles(60, "# T\nDu texte.\n")...)}}, status: 413, code: "too_large"},
		{name: "empty files", upload: []upload{{"vides.zip", zipOf(t, manyFiles(50, "")...)}}, status: 422, code: "empty_document"},
		{name: "empty markdown", upload: []upload{{"vide.md", []byte("---\ntitle: Rien\n---\n")}}, status: 422, code: "empty_document"},
		{name: "PDF sharing one stream", upload: []upload{{"bombe.pdf", pdfOf(t, []string{strings.Repeat(pdfLine("Texte"), 1<<20/45)}, make([]int, 40))}}, status: 413, code: "too_large"},
		{name: "PDF with too many pages", upload: []upload{{"long.pdf", pdfOf(t, []string{pdfLine("Page")}, make([]int, 21))}}, status: 413, code: "too_large"},
		{name: "truncated zip", upload: []upload{{"coupe.zip", zipOf(t, [2]string{"a.md", page})[:60]}}, status: 422, code: "unreadable_file"},
		{name: "malformed PDF", upload: []upload{{"casse.pdf", goodPDF[:len(goodPDF)/2]}}, status: 422, code: "unreadable_file"},
		{name: "malformed XML", upload: []upload{{"fiche.xml", []byte(`<?xml version="1.0"?><Publication ID="F1" type="Fiche Question-réponse"><dc:title>Titre</dc:title><Texte><Paragraphe>Du`)}}, status: 422, code: "unreadable_file"},
		{name: "malformed JSONL", upload: []upload{{"fiches.jsonl", []byte("{\"id\": \"a\", \"title\": \n")}}, status: 422, code: "unreadable_file"},
		{name: "markdown with NUL", upload: []upload{{"nul.md", []byte("---\ntitle: Nul\n---\n## Texte\nDu texte\x00 avec un NUL.\n")}}, status: 415, code: "unsupported_format"},
		{name: "status field NUL", upload: []upload{{"a.md", []byte(page)}}, fields: map[string]string{"status": "\x00"}, status: 400, code: "invalid_text"},
		{name: "service field invalid UTF-8", upload: []upload{{"a.md", []byte(page)}}, fields: map[string]string{"service": "\xff"}, status: 400, code: "invalid_text"},
		{name: "misspelt status field", upload: []upload{{"a.md", []byte(page)}}, fields: map[string]string{"statut": "draft"}, status: 400, code: "invalid_request"},
		{name: "unknown form field", upload: []upload{{"a.md", []byte(page)}}, fields: map[string]string{"title": "Fiche"}, status: 400, code: "invalid_request"},
		{name: "file name NUL", upload: []upload{{"a\x00.md", []byte(page)}}, status: 400, code: "malformed_multipart"},
		{name: "file name of 5,000 bytes", upload: []upload{{strings.Repeat("n", 4997) + ".md", []byte(page)}}, status: 400, code: "invalid_request"},
	}
	var spec struct {
		Paths map[string]map[string]struct {
			Responses map[string]json.RawMessage `json:"responses"`
		} `json:"paths"`
	}
	e.must(http.StatusOK, request{method: "GET", path: "/v1/openapi.json"}).decode(t, &spec)
	untested := map[string]bool{}
	for _, r := range e.srv.Routes() {
		untested[r] = true
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e.model.Reset()
			req := tc.req
			if tc.upload != nil {
				files := map[string]string{}
				for _, u := range tc.upload {
					files[u.name] = string(u.content)
				}
				body, ct := multipartBody(t, files, tc.fields)
				req = request{method: "POST", path: "/v1/documents", body: body, contentType: ct}
			}
			req.key = "admin"
			delete(untested, routeOf(req))
			r := e.do(req)
			if r.status != tc.status || r.errorCode() != tc.code {
				t.Errorf("%d %.300s, want %d %s", r.status, r.body, tc.status, tc.code)
			}
			if msg := errorMessage(r); r.status >= 400 && len(msg) < 10 {
				t.Errorf("no reason given: %s", r.body)
			}
			method, path, _ := strings.Cut(routeOf(req), " ")
			if _, ok := spec.Paths[path][strings.ToLower(method)].Responses[fmt.Sprint(r.status)]; !ok {
				t.Errorf("status %d is not in openapi.json for %s %s", r.status, method, path)
			}
			if n := e.model.Calls(llmtest.ChatCompletions); n != 0 {
				t.Errorf("%d model calls for invalid input", n)
			}
		})
	}
	for r := range untested {
		t.Errorf("no hostile input for %s", r)
	}
	// Nothing of the refused uploads was stored.
	r := e.must(http.StatusOK, request{method: "GET", path: "/v1/documents?source=text", key: "admin"})
	var page0 struct{ Total int }
	r.decode(t, &page0)
	if page0.Total != 0 {
		t.Errorf("%d documents stored from refused uploads", page0.Total)
	}
}

// idSegment is a path segment that is an id.
var idSegment = regexp.MustCompile(`^(/v1/(?:drafts|documents|agents|answers|keys|rules))/[^/?]+`)

// routeOf names the route of req as Server.Routes does.
func routeOf(req request) string {
	path, _, _ := strings.Cut(req.path, "?")
	return req.method + " " + idSegment.ReplaceAllString(path, "$1/{id}")
}

// errorMessage returns the message of an error body.
func errorMessage(r response) string {
	var body struct {
		Error struct{ Message string }
	}
	_ = json.Unmarshal(r.body, &body)
	return body.Error.Message
}
