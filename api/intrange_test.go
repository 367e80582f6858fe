package api_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/plume-sp/plume/api"
)

// TestBodyIntegersInRange: an integer of a JSON body that its column
// cannot hold (an int4 version of 2^31), or that no row can have (a
// document id of 0 or less), is refused with 400 naming the field, never
// taken to SQL (500 before: int4 overflow).
func TestBodyIntegersInRange(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	cafDoc := e.docs["caf"]
	var a answerBody
	e.must(http.StatusCreated, request{method: "POST", path: "/v1/answers", key: "admin", body: map[string]any{
		"question": "Comment déclarer une naissance à la CAF ?", "text": "En ligne, dans Mon Compte.",
		"document_ids": []int64{cafDoc}, "service": "caf"}}).decode(t, &a)
	path := fmt.Sprint("/v1/answers/", a.ID)
	put := func(fields map[string]any) request {
		body := map[string]any{"question": "a passeport", "text": "b texte"}
		for k, v := range fields {
			body[k] = v
		}
		return request{method: "PUT", path: path, key: "reviewer-caf", body: body}
	}
	d := e.draft("agent-caf", question)
	feedback := func(rating any) request {
		return request{method: "POST", path: "/v1/drafts/" + d.ID + "/feedback", key: "agent-caf",
			body: map[string]any{"outcome": "accepted", "rating": rating}}
	}
	e.run(t, []check{
		{"version past int4", put(map[string]any{"version": int64(1) << 31}), 400, "invalid_request", "version"},
		{"version past int64", put(map[string]any{"version": 1e19}), 400, "malformed_json", `field \"version\" takes an integer, and 10000000000000000000 is not one or is out of its range`},
		{"version negative", put(map[string]any{"version": -(int64(1) << 31) - 1}), 400, "invalid_request", "version"},
		{"document id 0", put(map[string]any{"version": 1, "document_ids": []int64{0}}), 400, "invalid_request", "document ids are positive"},
		{"document id negative", put(map[string]any{"version": 1, "document_ids": []int64{-(int64(1) << 62)}}), 400, "invalid_request", "document ids are positive"},
		{"POST document id negative", request{method: "POST", path: "/v1/answers", key: "admin", body: map[string]any{
			"question": "Comment déclarer un décès ?", "text": "En ligne.", "document_ids": []int64{-1}, "service": "caf"}},
			400, "invalid_request", "document ids are positive"},
		{"rating past int4", feedback(int64(1) << 31), 400, "invalid_request", "rating"},
		{"rating past int64", feedback(1e19), 400, "malformed_json", `field \"rating\" takes an integer, and 10000000000000000000 is not one or is out of its range`},
		{"version in range, stale", put(map[string]any{"version": 1<<31 - 1}), 409, "conflict", "since version 2147483647"},
	})
}
