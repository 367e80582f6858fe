package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
)

// TestDeployedBehindCaddy runs two plume serve processes behind Caddy
// configured as deploy/compose/Caddyfile configures it (round robin, a
// refused connection retried on the other process) and kills one of them
// mid-load: the agents only see its in-flight requests fail (502 from the
// proxy), every other request is served by the survivor.
func TestDeployedBehindCaddy(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("-short: the proxy test starts Caddy and two plume processes")
	}
	caddy, err := exec.LookPath("caddy")
	if err != nil {
		t.Skip("caddy is not installed (apt-get install caddy): the proxy test cannot run")
	}
	st, url := storetest.NewStoreURL(t)
	d := &deployment{t: t, bin: t.TempDir(), logs: t.TempDir()}
	buildBinaries(t, d.bin)
	model := freePort(t)
	d.env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(), "DATABASE_URL=" + url,
		"PLUME_CHAT_MODEL=fake", "OPENAI_API_KEY=none", fmt.Sprintf("OPENAI_BASE_URL=http://127.0.0.1:%d/v1", model),
		"PLUME_TRUSTED_PROXIES=127.0.0.1/32"}
	d.start("model", "plumeload", "fake", "-addr", fmt.Sprintf("127.0.0.1:%d", model), "-delay", "300ms")
	ports := []int{freePort(t), freePort(t)}
	var procs []*exec.Cmd
	for i, port := range ports {
		procs = append(procs, d.start(fmt.Sprintf("plume%d", i), "plume", "serve", "--addr", fmt.Sprintf("127.0.0.1:%d", port),
			"--rate", "-1"))
		waitReady(t, fmt.Sprintf("http://127.0.0.1:%d", port))
	}
	front := startCaddy(t, d, caddy, ports)
	d.run("plume", "ingest", "../../demo/corpus")
	var keys []string
	for i := range 20 {
		_, secret, err := st.CreateAPIKey(context.Background(), fmt.Sprintf("proxy %d", i), store.RoleAgent, "")
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, secret)
	}
	load := exec.Command(filepath.Join(d.bin, "plumeload"), "run", "-url", front, "-key", strings.Join(keys, ","),
		"-c", "20", "-d", "10s", "-ramp", "1s", "-json")
	var out, errOut bytes.Buffer
	load.Stdout, load.Stderr = &out, &errOut
	if err := load.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(4 * time.Second)
	if err := procs[1].Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = load.Wait()
	var s loadSummary
	if err := json.Unmarshal(out.Bytes(), &s); err != nil {
		t.Fatalf("plumeload: %v\n%s\n%s", err, out.String(), errOut.String())
	}
	t.Logf("load through Caddy, one of two processes killed: %+v", s)
	if s.TransportErrors > 0 || s.Errors > 20 || s.Requests < 100 {
		t.Errorf("through the proxy: %d requests, %d errors (%d without a status); want only the killed process's in-flight requests (≤ 20) to fail: %v",
			s.Requests, s.Errors, s.TransportErrors, s.FirstErrors)
	}
	for _, e := range s.FirstErrors {
		if !strings.HasPrefix(e, "status 502") {
			t.Errorf("an error that is not a request cut by the kill: %s", e)
		}
	}
}

// waitReady waits until base answers /readyz.
func waitReady(t *testing.T, base string) {
	t.Helper()
	waitUntil(t, base+" is ready", 60*time.Second, func() bool {
		resp, err := http.Get(base + "/readyz")
		if err == nil {
			resp.Body.Close()
		}
		return err == nil && resp.StatusCode == http.StatusOK
	})
}

// startCaddy starts Caddy on 127.0.0.1 in front of the plume processes on
// ports, with the load-balancing settings of deploy/compose/Caddyfile, and
// returns its address.
func startCaddy(t *testing.T, d *deployment, caddy string, ports []int) string {
	t.Helper()
	front := fmt.Sprintf("http://127.0.0.1:%d", freePort(t))
	var upstreams []string
	for _, p := range ports {
		upstreams = append(upstreams, fmt.Sprintf("127.0.0.1:%d", p))
	}
	conf := fmt.Sprintf(`{
	admin off
	auto_https off
}
%s {
	bind 127.0.0.1
	reverse_proxy %s {
		lb_policy round_robin
		lb_try_duration 5s
		fail_duration 10s
		flush_interval -1
	}
}
`, front, strings.Join(upstreams, " "))
	file := filepath.Join(t.TempDir(), "Caddyfile")
	if err := os.WriteFile(file, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(caddy, "run", "--adapter", "caddyfile", "--config", file)
	dataHome := t.TempDir()
	cmd.Env = append(d.env, "XDG_DATA_HOME="+dataHome, "XDG_CONFIG_HOME="+dataHome)
	logf, err := os.Create(filepath.Join(d.logs, "caddy.log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		logf.Close()
		if t.Failed() {
			t.Logf("log of caddy:\n%s", lastLines(d.log("caddy"), 20))
		}
	})
	waitReady(t, front)
	return front
}
