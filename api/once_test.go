package api_test

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plume-sp/plume/api"
)

// TestOneFeedbackPerDraft: a draft's author gives one feedback; a second
// one, even sent at once, replaces the first, and the statistics count the
// draft once. An administrator of the draft's service may read it but not
// rate it in the agent's place.
func TestOneFeedbackPerDraft(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	d := e.draft("agent-caf", question)
	path := "/v1/drafts/" + d.ID + "/feedback"
	e.must(http.StatusForbidden, request{method: "POST", path: path, key: "admin-caf", body: map[string]any{"outcome": "rejected"}})
	var wg sync.WaitGroup
	statuses := make([]int, 4)
	for i := range statuses {
		wg.Go(func() {
			statuses[i] = e.do(request{method: "POST", path: path, key: "agent-caf", body: map[string]any{"outcome": "accepted", "rating": 2}}).status
		})
	}
	wg.Wait()
	for _, s := range statuses {
		if s != http.StatusCreated && s != http.StatusOK {
			t.Errorf("parallel feedback: statuses %v, want 201 or 200", statuses)
		}
	}
	var fb struct{ Outcome string }
	e.must(http.StatusOK, request{method: "POST", path: path, key: "agent-caf", body: map[string]any{"outcome": "edited", "rating": 4,
		"final_text": "Bonjour, voici la démarche."}}).decode(t, &fb)
	var stats struct {
		Feedback struct {
			Count, Edited int64
			Ratings       map[string]int64
		}
	}
	e.must(http.StatusOK, request{method: "GET", path: "/v1/stats", key: "admin"}).decode(t, &stats)
	want := struct {
		Count, Edited int64
		Ratings       map[string]int64
	}{1, 1, map[string]int64{"4": 1}}
	if diff := cmp.Diff(want, stats.Feedback); diff != "" {
		t.Errorf("feedback stats (-want +got):\n%s", diff)
	}
}

// TestAnswerSentTwice: a validated answer sent twice (a double click) is
// stored once; the second request is 409.
func TestAnswerSentTwice(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	body := map[string]any{"question": "Comment déclarer un changement de situation ?", "text": "Déclarez-le en ligne sur caf.fr.",
		"service": "caf", "document_ids": []int64{e.docs["caf"]}}
	e.must(http.StatusCreated, request{method: "POST", path: "/v1/answers", key: "reviewer-caf", body: body})
	if r := e.do(request{method: "POST", path: "/v1/answers", key: "reviewer-caf", body: body}); r.status != http.StatusConflict {
		t.Errorf("the same answer again: %d %s, want 409", r.status, r.body)
	}
	var page struct{ Total int }
	e.must(http.StatusOK, request{method: "GET", path: "/v1/answers?service=caf", key: "reviewer-caf"}).decode(t, &page)
	if page.Total != 1 {
		t.Errorf("%d answers stored, want 1", page.Total)
	}
}

// TestDocumentEditVersion: a PUT that gives the modified_at it read is
// refused with 409 once another PUT changed the document, even at once:
// of two editors of the same version, one wins and the other is told.
func TestDocumentEditVersion(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	path := fmt.Sprint("/v1/documents/", e.docs["caf"])
	var read struct {
		Title      string
		ModifiedAt string `json:"modified_at"`
	}
	e.must(http.StatusOK, request{method: "GET", path: path, key: "admin-caf"}).decode(t, &read)
	edit := func(text string) response {
		return e.do(request{method: "PUT", path: path, key: "admin-caf", body: map[string]any{"title": read.Title,
			"text": text, "service": "caf", "modified_at": read.ModifiedAt}})
	}
	statuses := make([]int, 3)
	var wg sync.WaitGroup
	for i := range statuses {
		wg.Go(func() {
			statuses[i] = edit(fmt.Sprintf("Texte modifié par l'éditeur %d, avec une démarche.", i)).status
		})
	}
	wg.Wait()
	slices.Sort(statuses)
	if diff := cmp.Diff([]int{http.StatusOK, http.StatusConflict, http.StatusConflict}, statuses); diff != "" {
		t.Errorf("3 edits of one version at once (-want +got):\n%s", diff)
	}
	if r := edit("Encore une autre version du texte."); r.status != http.StatusConflict || r.errorCode() != "conflict" {
		t.Errorf("edit of a stale version: %d %s, want 409", r.status, r.body)
	}
	// Without the version read, nothing is overwritten blindly.
	if r := e.do(request{method: "PUT", path: path, key: "admin-caf", body: map[string]any{"title": read.Title,
		"text": "Sans version, le texte serait remplacé."}}); r.status != http.StatusBadRequest || !strings.Contains(string(r.body), "modified_at") {
		t.Errorf("edit without modified_at: %d %s, want 400 naming it", r.status, r.body)
	}
}
