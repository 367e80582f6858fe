package api_test

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/plume-sp/plume/api"
	"github.com/plume-sp/plume/llm/llmtest"
	"github.com/plume-sp/plume/store"
)

// captureURL opens the server's store directly and keeps its connection
// string, for a second process on the same schema.
func captureURL(u *string) func(tb testing.TB, raw string) *store.Store {
	return func(tb testing.TB, raw string) *store.Store {
		*u = raw
		return openStore(tb, raw)
	}
}

func openStore(tb testing.TB, raw string) *store.Store {
	tb.Helper()
	st, err := store.Open(context.Background(), raw)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(st.Close)
	return st
}

// secondProcess is another API server over its own pool on e's schema, as a
// second plume serve would be: it shares nothing with e's but PostgreSQL.
func secondProcess(t *testing.T, e *env, cfg api.Config, raw string) *env {
	t.Helper()
	deps := e.deps
	deps.Store = openStore(t, raw)
	srv, err := api.New(cfg, deps)
	if err != nil {
		t.Fatal(err)
	}
	e2 := *e
	e2.srv, e2.http = srv, httptest.NewServer(srv)
	t.Cleanup(e2.http.Close)
	return &e2
}

// TestSharedRateLimitAcrossProcesses: with shared limits, a key's burst is
// spent across both processes, not once per process.
func TestSharedRateLimitAcrossProcesses(t *testing.T) {
	t.Parallel()
	var raw string
	cfg := api.Config{RatePerSecond: 0.01, Burst: 4, SharedLimits: true}
	a := newEnvWith(t, cfg, envOptions{serverStore: captureURL(&raw)})
	b := secondProcess(t, a, cfg, raw)
	req := request{method: "POST", path: "/v1/redact", key: "agent", body: map[string]string{"text": "bonjour"}}
	var got []int
	for i := range 6 {
		got = append(got, []*env{a, b}[i%2].do(req).status)
	}
	if s := fmt.Sprint(got); s != "[200 200 200 200 429 429]" {
		t.Errorf("statuses across two processes: %s, want the burst of 4 then 429", s)
	}
	req.key = "agent-caf"
	b.must(http.StatusOK, req)
}

// TestSharedFailedLoginsAcrossProcesses: an address's failed logins count
// across processes.
func TestSharedFailedLoginsAcrossProcesses(t *testing.T) {
	t.Parallel()
	var raw string
	cfg := api.Config{RatePerSecond: -1, FailedLogins: api.FailedLoginLimits{PerSecond: 0.01, Burst: 4}, SharedLimits: true}
	a := newEnvWith(t, cfg, envOptions{serverStore: captureURL(&raw)})
	b := secondProcess(t, a, cfg, raw)
	var got []int
	for i := range 6 {
		got = append(got, []*env{a, b}[i%2].do(request{method: "GET", path: "/v1/me", key: "plume_wrong" + strconv.Itoa(i)}).status)
	}
	if s := fmt.Sprint(got); s != "[401 401 401 401 429 429]" {
		t.Errorf("wrong keys across two processes: %s, want 4 failures then 429", s)
	}
}

// replicaEnv is e served with a read replica: e's schema reached through
// a proxy that the test can cut (the streaming replica itself is exercised
// by the deployment test, cmd/plume/deploy_test.go).
func replicaEnv(t *testing.T, cfg api.Config) (*env, *store.Replica, *dbProxy, *syncBuffer) {
	t.Helper()
	return replicaEnvConns(t, cfg, 0)
}

// replicaEnvConns is replicaEnv with the replica's pool holding at most
// maxConns connections (0: the default).
func replicaEnvConns(t *testing.T, cfg api.Config, maxConns int) (*env, *store.Replica, *dbProxy, *syncBuffer) {
	t.Helper()
	var raw string
	e := newEnvWith(t, cfg, envOptions{serverStore: captureURL(&raw)})
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	proxy := newDBProxy(t, u.Host)
	u.Host = proxy.ln.Addr().String()
	if maxConns > 0 {
		q := u.Query()
		q.Set("pool_max_conns", strconv.Itoa(maxConns))
		u.RawQuery = q.Encode()
	}
	logs := &syncBuffer{}
	log := slog.New(slog.NewTextHandler(logs, nil))
	rep, err := store.OpenReplica(context.Background(), e.deps.Store, u.String(),
		store.ReplicaOptions{Log: log, Interval: time.Hour}) // checked by the test
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(rep.Close)
	deps := e.deps
	deps.Replica = e.plume.ReadReplica(rep)
	if _, err := api.New(api.Config{}, deps); err == nil {
		t.Error("a replica without shared limits must be refused (read-your-writes needs them)")
	}
	srv, err := api.New(cfg, deps)
	if err != nil {
		t.Fatal(err)
	}
	e.srv, e.http = srv, httptest.NewServer(srv)
	t.Cleanup(e.http.Close)
	return e, rep, proxy, logs
}

// readCounts returns plume_db_reads_total's series as "target/reason=n".
func readCounts(e *env) []string {
	var out []string
	for _, line := range strings.Split(string(e.must(http.StatusOK, request{method: "GET", path: "/metrics"}).body), "\n") {
		// client_golang writes the labels sorted: reason, then target.
		rest, ok := strings.CutPrefix(line, `plume_db_reads_total{reason="`)
		if !ok {
			continue
		}
		reason, rest, _ := strings.Cut(rest, `",target="`)
		target, n, _ := strings.Cut(rest, `"} `)
		out = append(out, target+"/"+reason+"="+n)
	}
	sort.Strings(out)
	return out
}

// TestReplicaRouting: searches, statistics and listings go to the replica;
// a key's own writes are read from the primary; a replica that dies between
// two checks fails no request (the read is retried on the primary) and
// reads stay on the primary, with a log line, until it is back.
func TestReplicaRouting(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e, rep, proxy, logs := replicaEnv(t, api.Config{RatePerSecond: -1, SharedLimits: true})
	if st := rep.Check(ctx); !st.Usable {
		t.Fatalf("replica: %+v", st)
	}
	search := func(key string) {
		t.Helper()
		r := e.must(http.StatusOK, request{method: "GET", path: "/v1/search?q=" + url.QueryEscape("changer l'adresse de la carte grise"), key: key})
		if !strings.Contains(string(r.body), "carte") {
			t.Errorf("search: %.200s", r.body)
		}
	}
	search("agent")
	var d struct{ ID string }
	e.must(http.StatusOK, request{method: "POST", path: "/v1/drafts", key: "agent",
		body: map[string]string{"question": "Comment changer l'adresse de ma carte grise ?"}}).decode(t, &d)
	list := e.must(http.StatusOK, request{method: "GET", path: "/v1/drafts", key: "agent"})
	if !strings.Contains(string(list.body), d.ID) {
		t.Errorf("the agent's list misses the draft it just wrote: %.300s", list.body)
	}
	e.must(http.StatusOK, request{method: "GET", path: "/v1/drafts", key: "agent-caf"})
	e.must(http.StatusOK, request{method: "GET", path: "/v1/stats", key: "admin"})
	want := []string{"primary/read_your_writes=1", "replica/=4"}
	if diff := cmp.Diff(want, readCounts(e)); diff != "" {
		t.Errorf("reads (-want +got):\n%s", diff)
	}

	proxy.cut() // the replica dies between two checks
	search("agent-caf")
	search("agent-caf")
	if rep.State().Usable {
		t.Error("a replica that failed a read must be skipped until the next check")
	}
	if st := rep.Check(ctx); st.Reason != "down" {
		t.Errorf("check with the replica cut: %+v", st)
	}
	if m := string(e.must(http.StatusOK, request{method: "GET", path: "/metrics"}).body); !strings.Contains(m, "\nplume_db_replica_usable 0\n") {
		t.Errorf("metrics with the replica down:\n%s", m)
	}
	proxy.restore()
	rep.Check(ctx)
	search("agent-caf")
	want = []string{"primary/down=1", "primary/failed_over=1", "primary/read_your_writes=1", "replica/=6"}
	if diff := cmp.Diff(want, readCounts(e)); diff != "" {
		t.Errorf("reads after the cut (-want +got):\n%s", diff)
	}
	if !strings.Contains(logs.String(), "reads go to the primary") || !strings.Contains(logs.String(), "database replica takes reads") {
		t.Errorf("logs:\n%s", logs.String())
	}
}

// TestPrimaryFaultNotBlamedOnReplica: when the primary fails to save a
// draft retrieved from the replica, the replica, which still answers, is
// not marked down and the draft (a model call) is not made again.
func TestPrimaryFaultNotBlamedOnReplica(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e, rep, _, _ := replicaEnv(t, api.Config{RatePerSecond: -1, SharedLimits: true})
	if st := rep.Check(ctx); !st.Usable {
		t.Fatalf("replica: %+v", st)
	}
	// The primary's saving of drafts fails as a server shutting down does.
	for _, sql := range []string{`CREATE FUNCTION refuse_drafts() RETURNS trigger LANGUAGE plpgsql AS
			$$ BEGIN RAISE EXCEPTION 'shutting down' USING ERRCODE = '57P01'; END $$`,
		"CREATE TRIGGER refuse_drafts BEFORE INSERT ON drafts FOR EACH ROW EXECUTE FUNCTION refuse_drafts()"} {
		if _, err := e.st.Pool().Exec(ctx, sql); err != nil {
			t.Fatal(err)
		}
	}
	e.model.Reset()
	r := e.do(request{method: "POST", path: "/v1/drafts", key: "agent-caf",
		body: map[string]string{"question": "Comment changer l'adresse de ma carte grise ?"}})
	if r.status != http.StatusServiceUnavailable {
		t.Errorf("draft with the primary failing: %d %.200s, want 503", r.status, r.body)
	}
	if !rep.State().Usable {
		t.Error("the replica was marked down for the primary's fault")
	}
	if n := e.model.Calls(llmtest.ChatCompletions); n != 1 {
		t.Errorf("%d model calls, want 1 (the draft is not made again)", n)
	}
	if diff := cmp.Diff([]string{"replica/=1"}, readCounts(e)); diff != "" {
		t.Errorf("reads (-want +got):\n%s", diff)
	}
}

// TestReplicaFaultWhileItAnswers: a read that loses its replica connection
// (as when the replica shuts down, or ends a backend) is retried on the
// primary even when the replica answers a new connection by the time the
// server asks: the replica's own connection saw the fault.
func TestReplicaFaultWhileItAnswers(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	// One connection: the read fails on it, the ping opens a new one.
	e, rep, proxy, _ := replicaEnvConns(t, api.Config{RatePerSecond: -1, SharedLimits: true}, 1)
	if st := rep.Check(ctx); !st.Usable {
		t.Fatalf("replica: %+v", st)
	}
	search := request{method: "GET", path: "/v1/search?q=" + url.QueryEscape("changer l'adresse de la carte grise"), key: "agent-caf"}
	e.must(http.StatusOK, search)
	proxy.cutNextStatement() // the read's connection is cut, new ones are taken
	// Another question: nothing of it is cached, the search reads the replica.
	search.path = "/v1/search?q=" + url.QueryEscape("renouveler le passeport de mon fils")
	if r := e.do(search); r.status != http.StatusOK {
		t.Errorf("search after the replica's connection was cut: %d %.200s, want it retried on the primary", r.status, r.body)
	}
	if diff := cmp.Diff([]string{"primary/failed_over=1", "replica/=2"}, readCounts(e)); diff != "" {
		t.Errorf("reads (-want +got):\n%s", diff)
	}
}

// TestTrustedProxies: behind a trusted proxy, failed logins are counted at
// the address the proxy forwards; from anyone else, X-Forwarded-For is
// ignored (a client cannot choose its bucket).
func TestTrustedProxies(t *testing.T) {
	t.Parallel()
	_, loopback, _ := net.ParseCIDR("127.0.0.0/8")
	_, elsewhere, _ := net.ParseCIDR("192.0.2.0/24")
	for _, tc := range []struct {
		name    string
		trusted []*net.IPNet
		want    string // the second address's status after the first's failures
	}{
		{"behind a trusted proxy", []*net.IPNet{loopback}, "[401 401 429 401]"},
		{"proxy not trusted", []*net.IPNet{elsewhere}, "[401 401 429 429]"},
		{"no proxy", nil, "[401 401 429 429]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t, api.Config{RatePerSecond: -1, TrustedProxies: tc.trusted,
				FailedLogins: api.FailedLoginLimits{PerSecond: 0.01, Burst: 2}})
			var got []int
			for i, from := range []string{"203.0.113.1", "203.0.113.1", "203.0.113.1", "203.0.113.2"} {
				got = append(got, e.do(request{method: "GET", path: "/v1/me", key: "plume_wrong" + strconv.Itoa(i),
					header: map[string]string{"X-Forwarded-For": from}}).status)
			}
			if s := fmt.Sprint(got); s != tc.want {
				t.Errorf("wrong keys from two forwarded addresses: %s, want %s", s, tc.want)
			}
		})
	}
}

// TestSharedUploadsPerKey: with shared limits, an upload in progress in
// another process counts against the key's uploads at once.
func TestSharedUploadsPerKey(t *testing.T) {
	t.Parallel()
	var raw string
	cfg := api.Config{RatePerSecond: -1, SharedLimits: true, Upload: api.UploadLimits{PerKey: 1}}
	e := newEnvWith(t, cfg, envOptions{serverStore: captureURL(&raw)})
	var me struct {
		KeyID int64 `json:"key_id"`
	}
	e.must(http.StatusOK, request{method: "GET", path: "/v1/me", key: "admin"}).decode(t, &me)
	// The other process's upload holds the key's only slot.
	other := openStore(t, raw)
	slot, ok, err := other.TakeSlot(context.Background(), "upload:"+strconv.FormatInt(me.KeyID, 10), 1)
	if err != nil || !ok {
		t.Fatalf("take the slot: %v %v", ok, err)
	}
	body, ct := multipartBody(t, map[string]string{"partage.md": "---\nid: partage\ntitle: Fiche\n---\n## Texte\nDu texte.\n"}, nil)
	up := request{method: "POST", path: "/v1/documents", key: "admin", body: body, contentType: ct}
	if r := e.do(up); r.status != http.StatusTooManyRequests || r.errorCode() != "too_many_uploads" {
		t.Errorf("upload while another process uploads for the key: %d %s", r.status, r.body)
	}
	slot.Release()
	if r := e.do(up); r.status >= 300 {
		t.Errorf("upload once the other is done: %d %s", r.status, r.body)
	}
}
