package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
)

// envWith returns a getenv that knows only vars.
func envWith(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestKeysCommands(t *testing.T) {
	t.Parallel()
	_, url := storetest.NewStoreURL(t)
	getenv := envWith(map[string]string{"DATABASE_URL": url})
	plume := func(args ...string) (string, string, int) {
		var out, errw bytes.Buffer
		code := run(context.Background(), args, strings.NewReader(""), &out, &errw, getenv)
		return out.String(), errw.String(), code
	}
	secret, stderr, code := plume("keys", "create", "--role", "agent", "--service", "caf", "--name", "guichet")
	if code != 0 || !strings.HasPrefix(secret, "plume_") || len(strings.TrimSpace(secret)) != 38 {
		t.Fatalf("keys create: %d %q %s", code, secret, stderr)
	}
	if !strings.Contains(stderr, "shown once") || strings.Contains(stderr, strings.TrimSpace(secret)) {
		t.Errorf("keys create stderr: %s", stderr)
	}
	list, _, code := plume("keys", "list")
	if code != 0 || !strings.Contains(list, "guichet") || !strings.Contains(list, "caf") || strings.Contains(list, strings.TrimSpace(secret)) {
		t.Errorf("keys list: %d\n%s", code, list)
	}
	if out, _, code := plume("keys", "revoke", "1"); code != 0 || out != "revoked key 1\n" {
		t.Errorf("keys revoke: %d %q", code, out)
	}
	list, _, _ = plume("keys", "list")
	if strings.Contains(list, "  -\n") {
		t.Errorf("revoked key listed as live:\n%s", list)
	}
	for _, args := range [][]string{
		{"keys"}, {"keys", "make"}, {"keys", "create", "--role", "root", "--name", "x"}, {"keys", "create", "--role", "admin"},
		{"keys", "revoke"}, {"keys", "revoke", "x"},
	} {
		if _, _, code := plume(args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	if _, stderr, code := plume("keys", "revoke", "99"); code != 1 || !strings.Contains(stderr, "no key 99") {
		t.Errorf("revoke unknown: %d %s", code, stderr)
	}
	// Both commands are in the audit log (key id 0: the command line).
	st, err := store.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	es, err := st.AuditLog(context.Background(), store.AuditFilter{Scope: store.Scope{Global: true}, Since: time.Now().Add(-time.Hour)})
	if err != nil || len(es) != 2 || es[0].Action != "plume keys revoke" || es[1].Action != "plume keys create" ||
		es[1].Target != "1" || string(es[1].Details) != `{"role": "agent", "service": "caf"}` {
		t.Errorf("audit log: %+v %v", es, err)
	}
	// The reviewer right, shown in the list.
	if _, stderr, code := plume("keys", "create", "--role", "agent", "--service", "caf", "--reviewer", "--name", "relecteur"); code != 0 ||
		!strings.Contains(stderr, "reviewer") {
		t.Errorf("keys create --reviewer: %d %s", code, stderr)
	}
	list, _, _ = plume("keys", "list")
	if !strings.Contains(list, "relecteur  agent  caf      yes") || !strings.Contains(list, "guichet    agent  caf      no") {
		t.Errorf("keys list does not tell reviewers:\n%s", list)
	}
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func TestServeCommand(t *testing.T) {
	t.Parallel()
	_, url := storetest.NewStoreURL(t)
	addr := freeAddr(t)
	getenv := envWith(map[string]string{"DATABASE_URL": url, "PLUME_ADDR": addr})
	var out, keyErr bytes.Buffer
	if code := run(context.Background(), []string{"keys", "create", "--role", "agent", "--name", "t"}, nil, &out, &keyErr, getenv); code != 0 {
		t.Fatalf("keys create: %s", keyErr.String())
	}
	secret := strings.TrimSpace(out.String())

	ctx, stop := context.WithCancel(context.Background())
	done := make(chan int, 1)
	var logs syncWriter
	go func() { done <- run(ctx, []string{"serve"}, nil, io.Discard, &logs, getenv) }()
	base := "http://" + addr
	var up bool
	for range 100 {
		if resp, err := http.Get(base + "/readyz"); err == nil {
			resp.Body.Close()
			up = resp.StatusCode == http.StatusOK
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if !up {
		stop()
		t.Fatalf("plume serve did not become ready:\n%s", logs.String())
	}
	req, _ := http.NewRequest("POST", base+"/v1/redact", strings.NewReader(`{"text": "appelez le 06 12 34 56 78"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+secret)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "[TEL_1]") {
		t.Errorf("redact: %d %s", resp.StatusCode, body)
	}
	stop()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("serve exit code %d:\n%s", code, logs.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
	if !strings.Contains(logs.String(), "route=/v1/redact") || strings.Contains(logs.String(), "06 12") {
		t.Errorf("serve logs:\n%s", logs.String())
	}
	if code := run(context.Background(), []string{"serve", "--rate", "0"}, nil, io.Discard, io.Discard, getenv); code != 2 {
		t.Errorf("serve --rate 0: exit %d, want 2", code)
	}
}
