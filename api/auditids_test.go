package api_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plume-sp/plume/api"
	"github.com/plume-sp/plume/store"
)

// TestAuditNamesCreated: the audit entry of a created document (JSON or
// upload) or answer names what was created.
func TestAuditNamesCreated(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	var doc, answer struct{ ID int64 }
	e.must(http.StatusCreated, request{method: "POST", path: "/v1/documents", key: "admin-caf",
		body: map[string]any{"id": "note-1", "title": "Note", "text": "Une note de service."}}).decode(t, &doc)
	body, ct := multipartBody(t, map[string]string{"a.md": "---\nid: up-a\ntitle: A\n---\n## T\nTexte A.\n",
		"b.md": "---\nid: up-b\ntitle: B\n---\n## T\nTexte B.\n"}, nil)
	var up struct{ Documents []struct{ ID int64 } }
	e.must(http.StatusCreated, request{method: "POST", path: "/v1/documents", key: "admin-caf", body: body, contentType: ct}).decode(t, &up)
	e.must(http.StatusCreated, request{method: "POST", path: "/v1/answers", key: "admin-caf",
		body: map[string]any{"question": "Comment faire ?", "text": "Ainsi.", "document_ids": []int64{doc.ID}}}).decode(t, &answer)

	entries, err := e.st.AuditLog(t.Context(), store.AuditFilter{Scope: store.Scope{Global: true}})
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		Target string
		IDs    []int64
	}
	got := map[string][]row{}
	for _, en := range entries {
		var d struct{ IDs []int64 }
		if err := json.Unmarshal(en.Details, &d); err != nil {
			t.Fatal(err)
		}
		slices.Sort(d.IDs)
		got[en.Action] = append(got[en.Action], row{en.Target, d.IDs})
	}
	upIDs := []int64{up.Documents[0].ID, up.Documents[1].ID}
	slices.Sort(upIDs)
	want := map[string][]row{
		// Newest first: the upload, then the JSON document.
		"POST /v1/documents": {{"", upIDs}, {fmt.Sprint(doc.ID), []int64{doc.ID}}},
		"POST /v1/answers":   {{fmt.Sprint(answer.ID), []int64{answer.ID}}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("audit of creations (-want +got):\n%s", diff)
	}
}

// TestUploadSaysSkippedMember: a zip member whose path leaves the archive
// is not read, and the upload's answer says so.
func TestUploadSaysSkippedMember(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	md := func(id string) string { return "---\nid: " + id + "\ntitle: Fiche\n---\n## Texte\nDu texte.\n" }
	body, ct := multipartBody(t, map[string]string{"f.zip": string(zipOf(t, [2]string{"ok.md", md("z-ok")},
		[2]string{"../evade.md", md("z-evade")}))}, nil)
	var got struct {
		Documents []struct {
			ExternalID string `json:"external_id"`
		}
		Errors []string
	}
	e.must(http.StatusCreated, request{method: "POST", path: "/v1/documents", key: "admin", body: body, contentType: ct}).decode(t, &got)
	if len(got.Documents) != 1 || got.Documents[0].ExternalID != "z-ok" {
		t.Errorf("stored %+v, want z-ok only", got.Documents)
	}
	if len(got.Errors) != 1 || !strings.Contains(got.Errors[0], "../evade.md") {
		t.Errorf("errors %q, want one naming ../evade.md", got.Errors)
	}
}

// TestOtherServiceDocumentNotFound: a service's administrator gets 404 for
// another service's document, as for a missing one.
func TestOtherServiceDocumentNotFound(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	for _, path := range []string{fmt.Sprint("/v1/documents/", e.docs["ants"]), "/v1/documents/987654"} {
		for _, method := range []string{"GET", "PUT", "DELETE"} {
			req := request{method: method, path: path, key: "admin-caf"}
			if method == "PUT" {
				req.body = map[string]any{"title": "T", "text": "Texte."}
			}
			if r := e.do(req); r.status != http.StatusNotFound || r.errorCode() != "not_found" {
				t.Errorf("%s %s: %d %s, want 404 not_found", method, path, r.status, r.body)
			}
		}
	}
}
