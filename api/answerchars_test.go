package api_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/plume-sp/plume/api"
)

// TestAnswerTextsNormalised covers the black-box findings on validated
// answers: an NFD or zero-width copy of an active answer is a duplicate
// (409, as the same text is), a control or bidirectional character is
// refused in an answer and in a curation reason (400), and an update
// cannot make an answer a duplicate of another active one (409).
func TestAnswerTextsNormalised(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	docs := []int64{e.docs["caf"]}
	post := func(question, text string) request {
		return request{method: "POST", path: "/v1/answers", key: "admin-caf",
			body: map[string]any{"question": question, "text": text, "document_ids": docs}}
	}
	const question = "Comment déclarer un déménagement à la CAF ?"
	var first, second answerBody
	e.must(http.StatusCreated, post(question, "Déclarez-le en ligne, rubrique Mon Compte.")).decode(t, &first)
	e.must(http.StatusCreated, post(question, "Présentez-vous à l'accueil avec un justificatif.")).decode(t, &second)
	tests := []struct {
		name string
		req  request
		want int
	}{
		{"an NFD copy", post(question, "De\u0301clarez-le en ligne, rubrique Mon Compte."), http.StatusConflict},
		{"a zero-width copy", post(question, "Déclarez-le en\u200b ligne, rubrique Mon Compte."), http.StatusConflict},
		{"a bidirectional override", post(question, "Déclarez-le \u202een ligne."), http.StatusBadRequest},
		{"an escape", post(question, "Déclarez-le \x1b[31men ligne."), http.StatusBadRequest},
		{"an update to another's text", request{method: "PUT", path: fmt.Sprint("/v1/answers/", second.ID), key: "admin-caf",
			body: map[string]any{"question": question, "text": "Déclarez-le en ligne, rubrique Mon Compte.", "document_ids": docs,
				"version": second.Version}}, http.StatusConflict},
		{"a reason with an override", request{method: "POST", path: "/v1/curation/close", key: "admin-caf", body: map[string]any{
			"kind": "stale", "key": fmt.Sprint(e.docs["caf"]), "service": "caf", "action": "other", "reason": "vu \u202e ok"}},
			http.StatusBadRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if r := e.do(tt.req); r.status != tt.want {
				t.Errorf("status %d, want %d: %s", r.status, tt.want, r.body)
			}
		})
	}
	e.must(http.StatusOK, request{method: "PUT", path: fmt.Sprint("/v1/answers/", first.ID), key: "admin-caf",
		body: map[string]any{"question": question, "text": "Déclarez-le  en ligne, rubrique Mon Compte.", "document_ids": docs,
			"version": first.Version}})
}
