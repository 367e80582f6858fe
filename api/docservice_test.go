package api_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/plume-sp/plume/api"
)

// TestDocumentServiceOnPut: PUT /v1/documents/{id} reads "service" as POST
// does: "" from a global admin makes the document shared (it could create
// one shared but not make one so), from a service's admin its own
// service; left out, the document keeps its service. A service's admin
// still may not move one to another service (403), and a move where the
// target holds the same id is 409, changing nothing.
func TestDocumentServiceOnPut(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	keep := "(left out)"
	for i, tc := range []struct {
		name             string
		key, from, to    string
		status           int
		want             string
		sharedHoldsTheID bool
	}{
		{"global admin: \"\" makes it shared", "admin", "caf", "", http.StatusOK, "", false},
		{"global admin: left out, kept", "admin", "caf", keep, http.StatusOK, "caf", false},
		{"global admin: to another service", "admin", "caf", "ants", http.StatusOK, "ants", false},
		{"global admin: shared to a service", "admin", "", "caf", http.StatusOK, "caf", false},
		{"global admin: shared kept by \"\"", "admin", "", "", http.StatusOK, "", false},
		{"service admin: \"\" is its own service", "admin-caf", "caf", "", http.StatusOK, "caf", false},
		{"service admin: left out, kept", "admin-caf", "caf", keep, http.StatusOK, "caf", false},
		{"service admin: to another service", "admin-caf", "caf", "ants", http.StatusForbidden, "caf", false},
		{"global admin: shared holds its id", "admin", "caf", "", http.StatusConflict, "caf", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			id := fmt.Sprintf("fiche-%d", i)
			var created docJSON
			e.must(http.StatusCreated, request{method: "POST", path: "/v1/documents", key: "admin", body: docBody(id, tc.from)}).decode(t, &created)
			if created.Service != tc.from {
				t.Fatalf("POST with service %q stored service %q", tc.from, created.Service)
			}
			if tc.sharedHoldsTheID {
				e.must(http.StatusCreated, request{method: "POST", path: "/v1/documents", key: "admin", body: docBody(id, "")})
			}
			body := docBody(id, tc.to)
			body["text"] = "Le point d'accueil reçoit désormais aussi le samedi matin."
			if tc.to == keep {
				delete(body, "service")
			}
			path := fmt.Sprint("/v1/documents/", created.ID)
			r := e.do(request{method: "PUT", path: path, key: tc.key, body: e.asRead(created.ID, body)})
			if r.status != tc.status {
				t.Fatalf("PUT: %d %s, want %d", r.status, r.body, tc.status)
			}
			var got docJSON
			e.must(http.StatusOK, request{method: "GET", path: path, key: "admin"}).decode(t, &got)
			if got.Service != tc.want {
				t.Errorf("service %q after the PUT, want %q", got.Service, tc.want)
			}
		})
	}
}
