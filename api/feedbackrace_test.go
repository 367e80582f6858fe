package api_test

import (
	"net/http"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/plume-sp/plume/api"
)

// TestConcurrentFeedback: of several feedbacks on one draft sent at once,
// exactly one is created (201), the others replace it (200), as one after
// the other would.
func TestConcurrentFeedback(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	const n = 8
	for round := range 3 {
		d := e.draft("agent-caf", "Comment déclarer un changement de situation à la CAF ?")
		statuses := make([]int, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				statuses[i] = e.do(request{method: "POST", path: "/v1/drafts/" + d.ID + "/feedback", key: "agent-caf",
					body: map[string]any{"outcome": "accepted"}}).status
			}()
		}
		wg.Wait()
		count := map[int]int{}
		for _, s := range statuses {
			count[s]++
		}
		if diff := cmp.Diff(map[int]int{http.StatusCreated: 1, http.StatusOK: n - 1}, count); diff != "" {
			t.Errorf("round %d: statuses of %d feedbacks at once (-want +got):\n%s", round, n, diff)
		}
	}
}
