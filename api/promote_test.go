package api_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/plume-sp/plume/api"
	"github.com/plume-sp/plume/store"
)

// TestPromoteOnlyReadableDrafts: for every key that validates answers and
// every draft, promoting the draft (POST /v1/answers with draft_id) is
// hidden (404) exactly when reading it (GET /v1/drafts/{id}) is: a
// reviewer promotes its own drafts, an administrator its service's (a
// global one all), and each draft an administrator's curation work list
// names is one it may read and promote.
func TestPromoteOnlyReadableDrafts(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	key, secret, err := e.st.CreateAPIKey(context.Background(), "reviewer", store.RoleAgent, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := e.st.SetAPIKeyReviewer(context.Background(), key.ID, true); err != nil {
		t.Fatal(err)
	}
	e.keys["reviewer"] = secret
	// Out of the corpus: no reliable source, so the curation list names them.
	const unanswered = "Quelle est la meilleure recette de tarte aux pommes pour dimanche ?"
	drafts := map[string]string{} // author → draft id
	for _, author := range []string{"agent-caf", "reviewer-caf", "agent", "reviewer", "agent-ants"} {
		drafts[author] = e.draft(author, unanswered).ID
	}
	promoters := []string{"reviewer-caf", "reviewer", "admin-caf", "admin-ants", "admin"}
	for _, k := range promoters {
		for author, id := range drafts {
			read := e.do(request{method: "GET", path: "/v1/drafts/" + id, key: k}).status
			r := e.do(request{method: "POST", path: "/v1/answers", key: k, body: map[string]any{"draft_id": id}})
			if hidden := r.status == http.StatusNotFound; hidden != (read == http.StatusNotFound) || r.status >= 500 {
				t.Errorf("%s promoting %s's draft: %d %s, reading it: %d; want 404 for both or neither", k, author, r.status, r.body, read)
			}
			own := k == author
			if wantRead := own || k == "admin" || k == "admin-caf" && (author == "agent-caf" || author == "reviewer-caf") ||
				k == "admin-ants" && author == "agent-ants"; wantRead != (read == http.StatusOK) {
				t.Errorf("%s reading %s's draft: %d, want readable %t", k, author, read, wantRead)
			}
		}
	}
	for _, k := range []string{"admin-caf", "admin-ants", "admin"} {
		var rep struct {
			Unanswered []struct {
				DraftIDs []string `json:"draft_ids"`
			} `json:"unanswered"`
		}
		e.must(http.StatusOK, request{method: "GET", path: "/v1/curation", key: k}).decode(t, &rep)
		named := 0
		for _, g := range rep.Unanswered {
			for _, id := range g.DraftIDs {
				named++
				if r := e.do(request{method: "GET", path: "/v1/drafts/" + id, key: k}); r.status != http.StatusOK {
					t.Errorf("%s's work list names the draft %s, which it reads with %d", k, id, r.status)
				}
			}
		}
		if named == 0 {
			t.Errorf("%s's work list names no draft", k)
		}
	}
}
