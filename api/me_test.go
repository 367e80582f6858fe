package api_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/plume-sp/plume/api"
)

func TestMe(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{})
	type me struct {
		KeyID   int64  `json:"key_id"`
		Name    string `json:"name"`
		Role    string `json:"role"`
		Service string `json:"service"`
	}
	for _, tc := range []struct {
		key  string
		want me
	}{
		{"agent", me{Name: "agent", Role: "agent"}},
		{"agent-caf", me{Name: "agent-caf", Role: "agent", Service: "caf"}},
		{"admin-ants", me{Name: "admin-ants", Role: "admin", Service: "ants"}},
	} {
		var got me
		e.must(http.StatusOK, request{method: "GET", path: "/v1/me", key: tc.key}).decode(t, &got)
		if got.KeyID <= 0 {
			t.Errorf("%s: key_id %d", tc.key, got.KeyID)
		}
		got.KeyID = 0
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("GET /v1/me as %s (-want +got):\n%s", tc.key, diff)
		}
	}
	e.must(http.StatusUnauthorized, request{method: "GET", path: "/v1/me"})
	e.must(http.StatusMethodNotAllowed, request{method: "POST", path: "/v1/me", key: "agent", body: map[string]any{}})
}

// draftList is the body of GET /v1/drafts.
type draftList struct {
	Drafts []struct {
		ID         string    `json:"id"`
		CreatedAt  time.Time `json:"created_at"`
		Channel    string    `json:"channel"`
		Service    string    `json:"service"`
		APIKeyID   *int64    `json:"api_key_id"`
		Extractive bool      `json:"extractive"`
		Reliable   bool      `json:"reliable"`
		Warnings   []string  `json:"warnings"`
		Excerpt    string    `json:"excerpt"`
	} `json:"drafts"`
	Total  int64 `json:"total"`
	Limit  int   `json:"limit"`
	Offset int   `json:"offset"`
}

func (l draftList) ids() []string {
	out := []string{}
	for _, d := range l.Drafts {
		out = append(out, d.ID)
	}
	return out
}

func TestListDrafts(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	named := "Bonjour, je suis Nadia BENSAID. " + question
	caf1 := e.draft("agent-caf", named)
	caf2 := e.draft("agent-caf", question)
	other := e.draft("agent", question)
	ants := e.draft("agent-ants", question)
	list := func(key, query string) draftList {
		t.Helper()
		var l draftList
		e.must(http.StatusOK, request{method: "GET", path: "/v1/drafts" + query, key: key}).decode(t, &l)
		return l
	}

	l := list("agent-caf", "")
	if diff := cmp.Diff([]string{caf2.ID, caf1.ID}, l.ids()); diff != "" || l.Total != 2 || l.Limit != 20 || l.Offset != 0 {
		t.Errorf("own drafts (-want +got):\n%s %+v", diff, l)
	}
	d := l.Drafts[1]
	if d.Channel != "email" || d.Service != "caf" || d.APIKeyID == nil || d.Excerpt == "" || d.Warnings == nil ||
		!strings.HasPrefix(caf1.Draft, strings.TrimSuffix(d.Excerpt, "…")[:10]) {
		t.Errorf("summary %+v of draft %q", d, caf1.Draft)
	}
	if strings.Contains(d.Excerpt, "BENSAID") || len([]rune(d.Excerpt)) > 121 {
		t.Errorf("excerpt %q: not the stored, redacted start", d.Excerpt)
	}
	if l := list("agent-caf", "?limit=1&offset=1"); cmp.Diff([]string{caf1.ID}, l.ids()) != "" || l.Total != 2 {
		t.Errorf("second page: %+v", l)
	}
	if l := list("agent", ""); cmp.Diff([]string{other.ID}, l.ids()) != "" {
		t.Errorf("global agent's drafts: %v", l.ids())
	}
	// Administrators: their own (none), another key's, or all they may open.
	if l := list("admin-caf", ""); len(l.Drafts) != 0 || l.Total != 0 {
		t.Errorf("admin-caf's own drafts: %v", l.ids())
	}
	if l := list("admin-caf", "?all=true"); cmp.Diff([]string{caf2.ID, caf1.ID}, l.ids()) != "" {
		t.Errorf("admin-caf all: %v", l.ids())
	}
	if l := list("admin", "?all=true"); cmp.Diff([]string{ants.ID, other.ID, caf2.ID, caf1.ID}, l.ids()) != "" {
		t.Errorf("admin all: %v", l.ids())
	}
	cafKey := *d.APIKeyID
	if l := list("admin", fmt.Sprint("?api_key_id=", cafKey)); cmp.Diff([]string{caf2.ID, caf1.ID}, l.ids()) != "" {
		t.Errorf("admin, agent-caf's drafts: %v", l.ids())
	}
	if l := list("admin-ants", fmt.Sprint("?api_key_id=", cafKey)); len(l.Drafts) != 0 {
		t.Errorf("admin-ants sees CAF drafts: %v", l.ids())
	}
	if l := list("agent-caf", fmt.Sprint("?api_key_id=", cafKey)); l.Total != 2 {
		t.Errorf("agent-caf naming its own key: %v", l.ids())
	}

	r := e.must(http.StatusForbidden, request{method: "GET", path: "/v1/drafts?all=true", key: "agent-caf"})
	if r.errorCode() != "forbidden" {
		t.Errorf("agent all: %s", r.body)
	}
	e.must(http.StatusForbidden, request{method: "GET", path: fmt.Sprint("/v1/drafts?api_key_id=", *l.Drafts[0].APIKeyID+1000), key: "agent-caf"})
	for _, q := range []string{"?limit=0", "?limit=101", "?offset=-1", "?limit=x", "?api_key_id=abc", "?api_key_id=0",
		"?all=yes", fmt.Sprint("?all=true&api_key_id=", cafKey)} {
		r := e.must(http.StatusBadRequest, request{method: "GET", path: "/v1/drafts" + q, key: "admin"})
		if r.errorCode() != "invalid_request" {
			t.Errorf("%s: %s", q, r.body)
		}
	}
	e.must(http.StatusUnauthorized, request{method: "GET", path: "/v1/drafts"})
}
