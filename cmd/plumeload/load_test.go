package main

import (
	"bytes"
	"context"
	"errors"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestPercentile(t *testing.T) {
	v := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	got := []float64{percentile(v, 50), percentile(v, 95), percentile(v, 100), percentile(v, 0)}
	if diff := cmp.Diff([]float64{5, 10, 10, 1}, got); diff != "" {
		t.Errorf("percentiles (-want +got):\n%s", diff)
	}
	if !math.IsNaN(percentile(nil, 50)) {
		t.Error("percentile of nothing should be NaN")
	}
}

func TestOnlyLoopback(t *testing.T) {
	for _, addr := range []string{"example.org:80", "0.0.0.0:1", "10.0.0.1:8080", "localhost:8080", "[::1]:80"} {
		if err := checkLoopback(addr); err == nil {
			t.Errorf("checkLoopback(%q) accepted", addr)
		}
	}
	if err := checkLoopback("127.0.0.1:18080"); err != nil {
		t.Error(err)
	}
	var out bytes.Buffer
	err := run(context.Background(), []string{"run", "-url", "http://example.org", "-key", "k", "-d", "1ms"}, &out, &out)
	if err == nil || !strings.Contains(err.Error(), "127.0.0.1") {
		t.Errorf("run against example.org: %v", err)
	}
}

func TestFakeStreamHasFinalText(t *testing.T) {
	srv := httptest.NewServer(fakeModel(10 * time.Millisecond))
	defer srv.Close()
	resp, err := srv.Client().Post(srv.URL+"/v1/chat/completions", "application/json",
		strings.NewReader(`{"model":"m","stream":true,"messages":[{"role":"user","content":"x"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b bytes.Buffer
	b.ReadFrom(resp.Body) //nolint:errcheck
	if !strings.HasSuffix(b.String(), "data: [DONE]\n\n") || !strings.Contains(b.String(), `"usage"`) {
		t.Errorf("stream:\n%s", b.String())
	}
	if _, err := finalEvent([]byte("event: delta\ndata: {}\n\nevent: draft\ndata: {\"id\":1}\n\n")); err != nil {
		t.Error(err)
	}
}

// TestDraftAnyFailsOver: an address that refuses connections is skipped,
// as a load balancer skips a dead process; a status is an error.
func TestDraftAnyFailsOver(t *testing.T) {
	ok := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer k2" {
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		_, _ = w.Write([]byte(`{"timings":{"plume_ms":3}}`))
	}))
	defer ok.Close()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	dead := "http://" + ln.Addr().String()
	ln.Close()
	urls := []string{dead, ok.URL}
	timings, _, skipped, err := draftAny(context.Background(), ok.Client(), loadConfig{}, urls, 0, "k2", "q")
	if err != nil || skipped != 1 || timings["plume_ms"] != 3 {
		t.Errorf("draftAny past a dead address: %v %d %v", timings, skipped, err)
	}
	if _, _, _, err := draftAny(context.Background(), ok.Client(), loadConfig{}, urls, 1, "k1", "q"); !errors.As(err, new(statusError)) {
		t.Errorf("a 429 must be a status error, got %v", err)
	}
}
