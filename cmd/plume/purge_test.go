package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/plume-sp/plume/redact/redacttest"
	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
)

// TestPurgeCommand: "plume purge" deletes the drafts and feedback older
// than PLUME_RETENTION (365 days by default), and the audit log's entries
// older than PLUME_AUDIT_RETENTION (400 days by default).
func TestPurgeCommand(t *testing.T) {
	t.Parallel()
	st, url := storetest.NewStoreURL(t)
	ctx := t.Context()
	for _, days := range []int{500, 300, 1} {
		if err := st.Audit(ctx, store.AuditEntry{At: time.Now().AddDate(0, 0, -days), Action: "PUT /v1/agents/:id"}); err != nil {
			t.Fatal(err)
		}
	}
	rows := func(table string) int {
		var n int
		if err := st.Pool().QueryRow(ctx, "SELECT count(*) FROM "+table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	audited := func() int { return rows("audit_log") }
	for _, age := range []string{"400 days", "100 days", "1 day"} {
		d := store.Draft{Channel: "email", Question: store.Redacted(redacttest.Text(t, "Question ?")), Draft: "Réponse."}
		if err := st.SaveDraft(ctx, &d); err != nil {
			t.Fatal(err)
		}
		if _, err := st.Pool().Exec(ctx, "UPDATE drafts SET created_at = now() - $2::interval WHERE id = $1", d.ID, age); err != nil {
			t.Fatal(err)
		}
	}
	count := func() int { return rows("drafts") }
	plume := func(vars map[string]string, args ...string) (string, int) {
		vars["DATABASE_URL"] = url
		var out, errw bytes.Buffer
		code := run(context.Background(), args, strings.NewReader(""), &out, &errw, envWith(vars))
		return out.String() + errw.String(), code
	}
	if out, code := plume(map[string]string{}, "purge"); code != 0 || count() != 2 || !strings.Contains(out, "1 drafts") ||
		audited() != 2 || !strings.Contains(out, "1 audit log entries older than 400 days") {
		t.Errorf("purge with the default retentions: %d, %d drafts and %d audit entries left\n%s", code, count(), audited(), out)
	}
	if out, code := plume(map[string]string{"PLUME_RETENTION": "30d", "PLUME_AUDIT_RETENTION": "100d"}, "purge"); code != 0 ||
		count() != 1 || audited() != 1 {
		t.Errorf("purge with 30 and 100 days: %d, %d drafts and %d audit entries left\n%s", code, count(), audited(), out)
	}
	for _, bad := range []string{"0", "-3d", "soon", "12"} {
		if out, code := plume(map[string]string{"PLUME_RETENTION": bad}, "purge"); code != 2 {
			t.Errorf("PLUME_RETENTION=%s: exit %d\n%s", bad, code, out)
		}
	}
	if out, code := plume(map[string]string{}, "purge", "extra"); code != 2 {
		t.Errorf("purge extra: exit %d\n%s", code, out)
	}
}

// TestServePurgesAndMetricsAddr: "plume serve" purges what is past the
// retention when it starts (then daily), and serves /metrics on
// PLUME_METRICS_ADDR alone when it is set.
func TestServePurgesAndMetricsAddr(t *testing.T) {
	t.Parallel()
	st, url := storetest.NewStoreURL(t)
	ctx := t.Context()
	d := store.Draft{Channel: "email", Question: store.Redacted(redacttest.Text(t, "Question ?")), Draft: "Réponse."}
	if err := st.SaveDraft(ctx, &d); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Pool().Exec(ctx, "UPDATE drafts SET created_at = now() - interval '40 days' WHERE id = $1", d.ID); err != nil {
		t.Fatal(err)
	}
	if err := st.Audit(ctx, store.AuditEntry{At: time.Now().AddDate(0, 0, -11), Action: "DELETE /v1/documents/:id"}); err != nil {
		t.Fatal(err)
	}
	addr, metricsAddr := freeAddr(t), freeAddr(t)
	getenv := envWith(map[string]string{"DATABASE_URL": url, "PLUME_ADDR": addr, "PLUME_RETENTION": "30d",
		"PLUME_AUDIT_RETENTION": "10d", "PLUME_METRICS_ADDR": metricsAddr})
	sctx, stop := context.WithCancel(context.Background())
	done := make(chan int, 1)
	var logs syncWriter
	go func() { done <- run(sctx, []string{"serve"}, nil, io.Discard, &logs, getenv) }()
	defer func() {
		stop()
		if code := <-done; code != 0 {
			t.Errorf("serve exit code %d:\n%s", code, logs.String())
		}
	}()
	var n int
	for range 200 {
		if err := st.Pool().QueryRow(ctx, "SELECT (SELECT count(*) FROM drafts) + (SELECT count(*) FROM audit_log)").Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if n != 0 {
		t.Errorf("serve did not purge the 40-day-old draft or the 11-day-old audit entry:\n%s", logs.String())
	}
	get := func(u string) int {
		resp, err := http.Get(u)
		if err != nil {
			return 0
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	for range 100 {
		if get("http://"+addr+"/healthz") == 200 {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if got := get("http://" + metricsAddr + "/metrics"); got != 200 {
		t.Errorf("metrics address: %d", got)
	}
	if got := get("http://" + addr + "/metrics"); got != 404 {
		t.Errorf("metrics on the API address: %d, want 404", got)
	}
}
