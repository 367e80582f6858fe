package api_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/plume-sp/plume/api"
	"github.com/plume-sp/plume/store"
)

// TestUploadCannotTakeOverOtherDocuments: a service's admin uploading a
// file whose header names a document of another service, or a shared one,
// is refused as the JSON path refuses it, and nothing is written.
func TestUploadCannotTakeOverOtherDocuments(t *testing.T) {
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
			r := e.do(request{method: "POST", path: "/v1/documents", key: "admin-caf", body: body, contentType: ct})
			if r.status != http.StatusConflict || r.errorCode() != "conflict" {
				t.Errorf("upload over %s: %d %s, want 409 conflict", tc.doc, r.status, r.body)
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
	// Its own service's document, it may replace; a global admin any.
	md := fmt.Sprintf("---\nid: %s\ntitle: Mise à jour CAF\n---\n## Texte\nNouvelle version.\n", corpusDocs["caf"])
	body, ct := multipartBody(t, map[string]string{"caf.md": md}, nil)
	e.must(http.StatusCreated, request{method: "POST", path: "/v1/documents", key: "admin-caf", body: body, contentType: ct})
	md = fmt.Sprintf("---\nid: %s\ntitle: Mise à jour nationale\n---\n## Texte\nNouvelle version.\n", corpusDocs["shared"])
	body, ct = multipartBody(t, map[string]string{"shared.md": md}, nil)
	e.must(http.StatusCreated, request{method: "POST", path: "/v1/documents", key: "admin", body: body, contentType: ct})
}
