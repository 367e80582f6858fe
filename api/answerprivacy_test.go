package api_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/plume-sp/plume/api"
)

// TestReasonsRedacted: the free-text reasons of an answer's status and of
// a curation item's closing are stored redacted (placeholders, no value),
// as the database holds them.
func TestReasonsRedacted(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	d := e.draft("reviewer-caf", cafQuestion)
	e.must(http.StatusCreated, request{method: "POST", path: "/v1/drafts/" + d.ID + "/feedback", key: "reviewer-caf",
		body: map[string]any{"outcome": "rejected", "rating": 1}})
	var a answerBody
	e.must(http.StatusCreated, request{method: "POST", path: "/v1/answers", key: "reviewer-caf",
		body: map[string]any{"draft_id": d.ID, "text": "Déclarez votre changement de situation en ligne sur caf.fr, rubrique Mon Compte."}}).decode(t, &a)
	const reason = "relu par Mme Claire Martin, 06 12 34 56 78"
	e.must(http.StatusOK, request{method: "PUT", path: fmt.Sprint("/v1/answers/", a.ID, "/status"), key: "admin-caf",
		body: map[string]any{"status": "archived", "reason": reason}}).decode(t, &a)
	e.must(http.StatusOK, request{method: "POST", path: "/v1/curation/close", key: "admin-caf", body: map[string]any{
		"kind": "low_rated", "key": d.ID, "service": "caf", "action": "other", "reason": reason}})
	var status, closing string
	if err := e.st.Pool().QueryRow(t.Context(), "SELECT status_reason FROM answers WHERE id = $1", a.ID).Scan(&status); err != nil {
		t.Fatal(err)
	}
	if err := e.st.Pool().QueryRow(t.Context(), "SELECT reason FROM curation_closures WHERE item_key = $1", d.ID).Scan(&closing); err != nil {
		t.Fatal(err)
	}
	for _, got := range []string{a.StatusReason, status, closing} {
		if got != "relu par Mme [NOM_1], [TEL_1]" {
			t.Errorf("reason stored as %q, want it redacted", got)
		}
	}
}
