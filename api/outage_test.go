package api_test

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/plume-sp/plume/api"
	"github.com/plume-sp/plume/llm/llmtest"
	"github.com/plume-sp/plume/store"
)

// dbProxy forwards TCP connections to PostgreSQL until it is cut: then it
// closes every open connection and refuses new ones, as a network outage
// or a database restart would, until it is restored.
type dbProxy struct {
	ln     net.Listener
	target string
	mu     sync.Mutex
	down   bool
	conns  map[net.Conn]bool
	// dropNext, when set, cuts the next connection that sends a message,
	// once: the statement is lost and its connection closed while new
	// connections are still taken (a backend ended, the server still up).
	dropNext bool
}

func newDBProxy(tb testing.TB, target string) *dbProxy {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	p := &dbProxy{ln: ln, target: target, conns: map[net.Conn]bool{}}
	tb.Cleanup(func() { ln.Close(); p.cut() })
	go p.accept()
	return p
}

func (p *dbProxy) accept() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		go p.forward(c)
	}
}

func (p *dbProxy) forward(c net.Conn) {
	p.mu.Lock()
	down := p.down
	p.mu.Unlock()
	if down {
		c.Close()
		return
	}
	up, err := net.Dial("tcp", p.target)
	if err != nil {
		c.Close()
		return
	}
	p.mu.Lock()
	p.conns[c], p.conns[up] = true, true
	p.mu.Unlock()
	go func() { p.copyStatements(up, c); up.Close() }()
	io.Copy(c, up) //nolint:errcheck
	c.Close()
}

// copyStatements copies what the client sends to the server until either
// ends, or until dropNext cuts the connection at a message.
func (p *dbProxy) copyStatements(up, c net.Conn) {
	buf := make([]byte, 32<<10)
	for {
		n, err := c.Read(buf)
		if n > 0 {
			p.mu.Lock()
			drop := p.dropNext
			p.dropNext = false
			p.mu.Unlock()
			if drop {
				c.Close()
				return
			}
			if _, err := up.Write(buf[:n]); err != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}

// cutNextStatement arms dropNext.
func (p *dbProxy) cutNextStatement() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.dropNext = true
}

// cut closes every connection and refuses new ones.
func (p *dbProxy) cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.down = true
	for c := range p.conns {
		c.Close()
	}
	clear(p.conns)
}

func (p *dbProxy) restore() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.down = false
}

// viaProxy opens the server's store through a proxy it returns.
func viaProxy(proxy **dbProxy) func(tb testing.TB, raw string) *store.Store {
	return func(tb testing.TB, raw string) *store.Store {
		u, err := url.Parse(raw)
		if err != nil {
			tb.Fatal(err)
		}
		*proxy = newDBProxy(tb, u.Host)
		u.Host = (*proxy).ln.Addr().String()
		st, err := store.Open(context.Background(), u.String())
		if err != nil {
			tb.Fatal(err)
		}
		tb.Cleanup(st.Close)
		return st
	}
}

// TestDatabaseOutage cuts the database under a running server: every
// route answers 503 with Retry-After and a code saying so (the key lookup
// included), and comes back when the database does.
func TestDatabaseOutage(t *testing.T) {
	t.Parallel()
	var proxy *dbProxy
	e := newEnvWith(t, api.Config{RatePerSecond: -1}, envOptions{serverStore: viaProxy(&proxy)})
	e.draft("agent", question)
	proxy.cut()
	for _, req := range []request{
		{method: "GET", path: "/v1/me", key: "agent"},
		{method: "POST", path: "/v1/drafts", key: "agent", body: map[string]any{"question": question}},
		{method: "GET", path: "/v1/search?q=passeport", key: "agent"},
		{method: "GET", path: "/v1/documents", key: "admin"},
		{method: "GET", path: "/v1/me", key: "plume_unknown-key"},
	} {
		e.model.Reset()
		r := e.do(req)
		if r.status != http.StatusServiceUnavailable || r.errorCode() != "database_unavailable" || r.header.Get("Retry-After") == "" {
			t.Errorf("%s %s with the database cut: %d %s Retry-After %q, want 503 database_unavailable",
				req.method, req.path, r.status, r.body, r.header.Get("Retry-After"))
		}
		if e.model.Calls(llmtest.ChatCompletions) != 0 {
			t.Errorf("%s %s: the model was called", req.method, req.path)
		}
	}
	if r := e.do(request{method: "GET", path: "/readyz"}); r.status != http.StatusServiceUnavailable {
		t.Errorf("readyz: %d", r.status)
	}
	proxy.restore()
	e.draft("agent", question)
}

// TestDraftSaveRetried: a database that drops while the model writes comes
// back before the draft is lost: the save is retried once, the client gets
// its draft and the draft is stored once.
func TestDraftSaveRetried(t *testing.T) {
	t.Parallel()
	var proxy *dbProxy
	e := newEnvWith(t, api.Config{RatePerSecond: -1}, envOptions{serverStore: viaProxy(&proxy),
		model: []llmtest.Option{llmtest.WithDelay(600*time.Millisecond, llmtest.ChatCompletions)}})
	go func() {
		for e.model.Calls(llmtest.ChatCompletions) == 0 {
			time.Sleep(5 * time.Millisecond)
		}
		proxy.cut()                        // the model is writing
		time.Sleep(700 * time.Millisecond) // the first save has failed
		proxy.restore()
	}()
	d := e.draft("agent", question)
	var n int
	if err := e.st.Pool().QueryRow(t.Context(), "SELECT count(*) FROM drafts WHERE id = $1", d.ID).Scan(&n); err != nil || n != 1 {
		t.Errorf("draft %s stored %d times (%v)", d.ID, n, err)
	}
}
