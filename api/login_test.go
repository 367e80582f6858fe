package api_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/plume-sp/plume/api"
	"github.com/plume-sp/plume/store"
)

// TestFailedLoginsLimited: an address that keeps sending wrong keys is
// refused (429, Retry-After) for every wrong or malformed key then, the
// malformed ones without a database lookup (a request with no key at all
// is 401, not throttled); good keys before that are not
// failures, and a good key, even one never used before, is still accepted
// (one client trying wrong keys behind a shared address, a France services
// office's NAT, does not lock its colleagues out).
func TestFailedLoginsLimited(t *testing.T) {
	t.Parallel()
	var proxy *dbProxy
	e := newEnvWith(t, api.Config{RatePerSecond: -1, FailedLogins: api.FailedLoginLimits{PerSecond: 0.01, Burst: 3}},
		envOptions{serverStore: viaProxy(&proxy)})
	e.must(http.StatusOK, request{method: "GET", path: "/v1/me", key: "agent"})
	for i := range 3 {
		r := e.do(request{method: "GET", path: "/v1/me", key: "plume_wrong" + strings.Repeat("x", i)})
		if r.status != http.StatusUnauthorized {
			t.Fatalf("wrong key %d: %d %s", i, r.status, r.body)
		}
		if i == 1 { // a good key is not a failure
			e.must(http.StatusOK, request{method: "GET", path: "/v1/me", key: "agent"})
		}
	}
	tooMany := func(key string) {
		t.Helper()
		r := e.do(request{method: "GET", path: "/v1/me", key: key})
		if r.status != http.StatusTooManyRequests || r.errorCode() != "too_many_failed_logins" || r.header.Get("Retry-After") == "" {
			t.Errorf("key %s after 3 failures: %d %s, want 429 too_many_failed_logins with Retry-After", key, r.status, r.body)
		}
	}
	// With the database cut, a lookup would answer 503: for malformed keys
	// the refusal comes first.
	proxy.cut()
	tooMany("no-prefix")
	// A request without any credential is not a failed login: 401.
	if r := e.do(request{method: "GET", path: "/v1/me"}); r.status != http.StatusUnauthorized {
		t.Errorf("no Authorization header after 3 failures: %d %s, want 401", r.status, r.body)
	}
	proxy.restore()
	for deadline := time.Now().Add(10 * time.Second); e.do(request{method: "GET", path: "/v1/me", key: "agent"}).status != http.StatusOK; {
		if time.Now().After(deadline) {
			t.Fatal("a good key after 3 failures from its address: never accepted")
		}
		time.Sleep(50 * time.Millisecond)
	}
	tooMany("plume_wrong-again")
	if r := e.do(request{method: "GET", path: "/v1/me", key: "admin-ants"}); r.status != http.StatusOK {
		t.Errorf("a good key never used before, after 3 failures from its address: %d %s, want 200", r.status, r.body)
	}
	tooMany("plume_wrong-once-more")
}

// TestMetricsToken: with a metrics token, /metrics asks for it.
func TestMetricsToken(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{MetricsToken: "s3cret-metrics-token"})
	e.must(http.StatusUnauthorized, request{method: "GET", path: "/metrics"})
	e.must(http.StatusUnauthorized, request{method: "GET", path: "/metrics", header: map[string]string{"Authorization": "Bearer wrong"}})
	e.must(http.StatusUnauthorized, request{method: "GET", path: "/metrics", key: "admin"})
	r := e.must(http.StatusOK, request{method: "GET", path: "/metrics", header: map[string]string{"Authorization": "Bearer s3cret-metrics-token"}})
	if !strings.Contains(string(r.body), "plume_http_request_duration_seconds") {
		t.Errorf("metrics: %.200s", r.body)
	}
}

// TestMetricsAddr: with a separate metrics address, the API's listener does
// not serve them; the metrics handler does.
func TestMetricsAddr(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{MetricsAddr: "127.0.0.1:0"})
	r := e.must(http.StatusNotFound, request{method: "GET", path: "/metrics"})
	if r.errorCode() != "not_found" {
		t.Errorf("metrics on the API address: %s", r.body)
	}
	h := e.srv.MetricsHandler()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/metrics", nil))
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "plume_http_request_duration_seconds") {
		t.Errorf("metrics handler: %d %.200s", w.Code, w.Body.String())
	}
}

// TestThrottledWrongKeysNotLookedUp: once an address is throttled, its
// well-formed wrong keys get 429 without a database lookup (with the
// database cut, the answer is still 429, not 503), while a valid key,
// even one created after the throttle began, still gets through.
func TestThrottledWrongKeysNotLookedUp(t *testing.T) {
	t.Parallel()
	var proxy *dbProxy
	e := newEnvWith(t, api.Config{RatePerSecond: -1, FailedLogins: api.FailedLoginLimits{PerSecond: 0.01, Burst: 2}},
		envOptions{serverStore: viaProxy(&proxy)})
	wrong := func(i int) string { return fmt.Sprintf("plume_%032d", i) }
	for i := range 2 {
		e.must(http.StatusUnauthorized, request{method: "GET", path: "/v1/me", key: wrong(i)})
	}
	e.must(http.StatusTooManyRequests, request{method: "GET", path: "/v1/me", key: wrong(2)})
	proxy.cut()
	for i := 3; i < 50; i++ {
		r := e.do(request{method: "GET", path: "/v1/me", key: wrong(i)})
		if r.status != http.StatusTooManyRequests || r.errorCode() != "too_many_failed_logins" {
			t.Fatalf("throttled wrong key %d with the database cut: %d %s, want 429 too_many_failed_logins (no lookup)", i, r.status, r.body)
		}
	}
	proxy.restore()
	_, secret, err := e.st.CreateAPIKey(t.Context(), "nouvelle", store.RoleAgent, "caf")
	if err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(10 * time.Second); e.do(request{method: "GET", path: "/v1/me", key: secret}).status != http.StatusOK; {
		if time.Now().After(deadline) {
			t.Fatal("a key created after the throttle began: never accepted from the throttled address")
		}
		time.Sleep(100 * time.Millisecond)
	}
	e.must(http.StatusOK, request{method: "GET", path: "/v1/me", key: "agent"})
	e.must(http.StatusTooManyRequests, request{method: "GET", path: "/v1/me", key: wrong(99)})
}
