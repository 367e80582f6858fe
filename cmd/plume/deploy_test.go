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
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/plume-sp/plume/store"
)

// deployment is the test's deployment: two PostgreSQL clusters (a primary
// and its streaming replica), a fake model and plume serve processes.
type deployment struct {
	t                *testing.T
	primary, replica *pgCluster
	bin              string // plume and plumeload binaries
	env              []string
	logs             string // folder of the processes' logs
}

// buildBinaries builds plume and plumeload into dir.
func buildBinaries(t *testing.T, dir string) {
	t.Helper()
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the deployment test builds plume: no go command in PATH")
	}
	for _, pkg := range []string{".", "../plumeload"} {
		out, err := exec.Command(goBin, "build", "-o", dir, pkg).CombinedOutput()
		if err != nil {
			t.Fatalf("go build %s: %v\n%s", pkg, err, out)
		}
	}
}

// start starts a process of the deployment, logging to logs/name.log; the
// test kills it at the end if it still runs.
func (d *deployment) start(name string, args ...string) *exec.Cmd {
	d.t.Helper()
	f, err := os.Create(filepath.Join(d.logs, name+".log"))
	if err != nil {
		d.t.Fatal(err)
	}
	cmd := exec.Command(filepath.Join(d.bin, args[0]), args[1:]...)
	cmd.Env, cmd.Stdout, cmd.Stderr = d.env, f, f
	if err := cmd.Start(); err != nil {
		d.t.Fatal(err)
	}
	var done atomic.Bool
	go func() { _ = cmd.Wait(); done.Store(true); f.Close() }()
	d.t.Cleanup(func() {
		if !done.Load() {
			_ = cmd.Process.Kill()
		}
		if d.t.Failed() {
			d.t.Logf("log of %s, its warnings and errors:\n%s\nand its last lines:\n%s", name,
				problemLines(d.log(name), 30), lastLines(d.log(name), 30))
		}
	})
	return cmd
}

// log returns what process name has logged so far.
func (d *deployment) log(name string) string {
	b, _ := os.ReadFile(filepath.Join(d.logs, name+".log"))
	return string(b)
}

// run runs a plume command to its end.
func (d *deployment) run(args ...string) string {
	d.t.Helper()
	cmd := exec.Command(filepath.Join(d.bin, args[0]), args[1:]...)
	cmd.Env = d.env
	out, err := cmd.CombinedOutput()
	if err != nil {
		d.t.Fatalf("%s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// metric returns the value of one series of a process's /metrics, 0 when
// absent.
func metric(t *testing.T, base, series string) float64 {
	t.Helper()
	resp, err := http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var buf bytes.Buffer
	_, _ = buf.ReadFrom(resp.Body)
	for _, line := range strings.Split(buf.String(), "\n") {
		if rest, ok := strings.CutPrefix(line, series+" "); ok {
			var v float64
			fmt.Sscan(rest, &v)
			return v
		}
	}
	return 0
}

// call sends one request with key and returns the status and body.
func call(t *testing.T, method, url, key, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+key)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	var buf bytes.Buffer
	_, _ = buf.ReadFrom(resp.Body)
	return resp.StatusCode, buf.String()
}

// Deployment parameters: every plume process allows each key rate tokens a
// second after a burst; the replica is skipped past maxLag.
const (
	deployRate   = 5
	deployBurst  = 10
	deployMaxLag = "1s"
	deployAgents = 20
)

// TestDeployedReplicas runs plume as deployed past one machine: two plume
// serve processes on a PostgreSQL primary with a streaming replica.
func TestDeployedReplicas(t *testing.T) {
	t.Parallel()
	primary, replica := newStreamingPair(t)
	d := &deployment{t: t, primary: primary, replica: replica, bin: t.TempDir(), logs: t.TempDir()}
	buildBinaries(t, d.bin)
	model := freePort(t)
	d.env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.TempDir(),
		"DATABASE_URL=" + primary.url("plume"), "DATABASE_REPLICA_URL=" + replica.url("plume"),
		"PLUME_REPLICA_MAX_LAG=" + deployMaxLag, "PLUME_CHAT_MODEL=fake", "OPENAI_API_KEY=none",
		fmt.Sprintf("OPENAI_BASE_URL=http://127.0.0.1:%d/v1", model)}
	d.start("model", "plumeload", "fake", "-addr", fmt.Sprintf("127.0.0.1:%d", model), "-delay", "300ms")
	a, b := fmt.Sprintf("http://127.0.0.1:%d", freePort(t)), fmt.Sprintf("http://127.0.0.1:%d", freePort(t))

	// Two processes started at once on an empty database: one migrates,
	// the other waits for it and finds nothing to do.
	serve := func(name, base string) *exec.Cmd {
		return d.start(name, "plume", "serve", "--addr", strings.TrimPrefix(base, "http://"),
			"--rate", fmt.Sprint(deployRate), "--burst", fmt.Sprint(deployBurst), "--shutdown-timeout", "2s")
	}
	serve("a", a)
	procB := serve("b", b)
	for _, base := range []string{a, b} {
		waitUntil(t, base+" is ready", 60*time.Second, func() bool {
			resp, err := http.Get(base + "/readyz")
			if err == nil {
				resp.Body.Close()
			}
			return err == nil && resp.StatusCode == http.StatusOK
		})
	}
	if n := strings.Count(d.log("a")+d.log("b"), "applied migrations"); n != 1 {
		t.Errorf("%d processes applied migrations, want 1:\n%s\n%s", n, d.log("a"), d.log("b"))
	}
	waitUntil(t, "a process leads the periodic jobs", 30*time.Second, func() bool {
		return strings.Contains(d.log("a")+d.log("b"), "msg=leading")
	})
	time.Sleep(time.Second) // a second leader would have logged by now
	if n := strings.Count(d.log("a")+d.log("b"), "msg=leading"); n != 1 {
		t.Errorf("%d processes lead the periodic jobs, want 1", n)
	}
	d.run("plume", "ingest", "../../demo/corpus")
	keys := d.createKeys(deployAgents + 3)

	d.checkRateAcrossProcesses(a, b, keys[deployAgents])
	d.checkReadYourWritesUnderLag(a, b, keys[deployAgents+1], keys[deployAgents+2])
	d.loadThroughFailures(a, b, procB, keys[:deployAgents], keys[deployAgents+1])
}

// createKeys creates n agent keys.
func (d *deployment) createKeys(n int) []string {
	keys := make([]string, n)
	for i := range keys {
		keys[i] = d.createKey(fmt.Sprintf("deploy %d", i), store.RoleAgent)
	}
	return keys
}

// createKey creates a key of role.
func (d *deployment) createKey(name string, role store.Role) string {
	d.t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, d.primary.url("plume"))
	if err != nil {
		d.t.Fatal(err)
	}
	defer st.Close()
	_, key, err := st.CreateAPIKey(ctx, name, role, "")
	if err != nil {
		d.t.Fatal(err)
	}
	return key
}

// checkRateAcrossProcesses sends one key's requests to both processes as
// fast as four clients can for a few seconds: the key gets its burst and
// then its rate, within 10 %, not twice that.
func (d *deployment) checkRateAcrossProcesses(a, b, key string) {
	t := d.t
	var allowed, refused, other atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; time.Since(start) < 8*time.Second; n++ {
				status, body := call(t, "POST", []string{a, b}[(i+n)%2]+"/v1/redact", key, `{"text":"bonjour"}`)
				switch status {
				case http.StatusOK:
					allowed.Add(1)
				case http.StatusTooManyRequests:
					refused.Add(1)
				default:
					other.Add(1)
					t.Errorf("redact: %d %.200s", status, body)
				}
				time.Sleep(10 * time.Millisecond)
			}
		}()
	}
	wg.Wait()
	took := time.Since(start).Seconds()
	rate := float64(allowed.Load()-deployBurst) / took
	t.Logf("one key across two processes: %d allowed, %d refused in %.1f s: %.2f/s after the burst (configured %d/s)",
		allowed.Load(), refused.Load(), took, rate, deployRate)
	if rate < 0.9*deployRate || rate > 1.1*deployRate || refused.Load() == 0 {
		t.Errorf("rate across both processes %.2f/s, want %d/s within 10 %%", rate, deployRate)
	}
}

// checkReadYourWritesUnderLag pauses the replica's replay: the agent who
// just wrote a draft, and the admin who just published a document, read
// them back from the primary through the other process, and reads go to the
// primary once the replica lags past the bound.
func (d *deployment) checkReadYourWritesUnderLag(a, b, key, other string) {
	t := d.t
	ctx := context.Background()
	admin := d.createKey("deploy admin", store.RoleAdmin)
	if err := execSQL(ctx, d.replica.url("plume"), "SELECT pg_wal_replay_pause()"); err != nil {
		t.Fatal(err)
	}
	// At once, before the replica lags past the bound: an admin lists the
	// document it just published, through the other process.
	if status, body := call(t, "POST", a+"/v1/documents", admin,
		`{"id":"deploy-lag","title":"Fiche publiée pendant le retard","text":"Texte de la fiche.","status":"published"}`); status != http.StatusCreated {
		t.Fatalf("publish a document: %d %.300s", status, body)
	}
	if status, body := call(t, "GET", b+"/v1/documents?q=pendant+le+retard", admin, ""); status != http.StatusOK ||
		!strings.Contains(body, "deploy-lag") {
		t.Errorf("the document just published, listed through the other process while the replica lags: %d\n%.300s", status, body)
	}
	checkOwnDraftRead(t, a, b, key, "while the replica lags")
	// Another agent's searches go to the replica until it lags past the
	// bound, then to the primary.
	waitUntil(t, "searches skip the lagging replica", 20*time.Second, func() bool {
		time.Sleep(200 * time.Millisecond) // within the key's rate
		if !searchOnce(t, a, other) {
			t.Fatal("a search failed while the replica lags")
		}
		return metric(t, a, `plume_db_reads_total{reason="lagging",target="primary"}`) > 0
	})
	if !strings.Contains(d.log("a"), "reason=lagging") {
		t.Error("no log line for the lagging replica")
	}
	if err := execSQL(ctx, d.replica.url("plume"), "SELECT pg_wal_replay_resume()"); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "the replica takes reads again", 20*time.Second, func() bool {
		return strings.Count(d.log("a"), "database replica takes reads") >= 2
	})
}

// checkOwnDraftRead writes a draft through a and reads it back through b,
// in the agent's list and by its id: the agent never misses the draft it
// just wrote (when says in which state the replica is).
func checkOwnDraftRead(t *testing.T, a, b, key, when string) {
	t.Helper()
	status, body := call(t, "POST", a+"/v1/drafts", key, `{"question":"Comment changer l'adresse de ma carte grise ?"}`)
	var draft struct{ ID string }
	if status != http.StatusOK || json.Unmarshal([]byte(body), &draft) != nil || draft.ID == "" {
		t.Fatalf("draft %s: %d %.300s", when, status, body)
	}
	if status, body := call(t, "GET", b+"/v1/drafts", key, ""); status != http.StatusOK || !strings.Contains(body, draft.ID) {
		t.Errorf("the agent's own list %s: %d, draft %s missing:\n%.300s", when, status, draft.ID, body)
	}
	if status, _ := call(t, "GET", b+"/v1/drafts/"+draft.ID, key, ""); status != http.StatusOK {
		t.Errorf("the draft just written, read back %s: %d", when, status)
	}
}

// searchOnce searches through base and reports whether it answered 200.
func searchOnce(t *testing.T, base, key string) bool {
	status, _ := call(t, "GET", base+"/v1/search?q=carte+grise", key, "")
	return status == http.StatusOK
}

// loadResult is plumeload's -json summary.
type loadSummary struct {
	Requests        int      `json:"requests"`
	Errors          int      `json:"errors"`
	TransportErrors int      `json:"transport_errors"`
	FailedOver      int      `json:"failed_over"`
	DraftsPerSecond float64  `json:"drafts_per_second"`
	PlumeP95MS      float64  `json:"plume_p95_ms"`
	FirstErrors     []string `json:"first_errors"`
}

// loadThroughFailures drafts across both processes; process b is killed
// mid-load, then the database replica is stopped. Only b's in-flight
// requests may fail; the replica's reads fall back to the primary; a takes
// over the periodic jobs if b led them; writer then reads back the draft
// it writes.
func (d *deployment) loadThroughFailures(a, b string, procB *exec.Cmd, keys []string, writer string) {
	t := d.t
	replicaReads := metric(t, a, `plume_db_reads_total{reason="",target="replica"}`)
	load := exec.Command(filepath.Join(d.bin, "plumeload"), "run", "-url", a+","+b, "-key", strings.Join(keys, ","),
		"-c", fmt.Sprint(len(keys)), "-d", "14s", "-ramp", "1s", "-json")
	var out, errOut bytes.Buffer
	load.Stdout, load.Stderr = &out, &errOut
	if err := load.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(4 * time.Second)
	if err := procB.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	time.Sleep(4 * time.Second)
	if err := d.replica.stop("fast"); err != nil {
		t.Fatal(err)
	}
	_ = load.Wait() // exits 1 when there were errors: judged below
	var s loadSummary
	if err := json.Unmarshal(out.Bytes(), &s); err != nil {
		t.Fatalf("plumeload: %v\n%s\n%s", err, out.String(), errOut.String())
	}
	t.Logf("load across two processes, one killed, replica stopped: %+v", s)
	if s.Errors != s.TransportErrors || s.TransportErrors > len(keys) {
		t.Errorf("errors: %d, %d of them cut connections; want only cut connections, at most one per agent (%d): %v",
			s.Errors, s.TransportErrors, len(keys), s.FirstErrors)
	}
	if s.FailedOver == 0 || s.Requests < 100 {
		t.Errorf("load: %d requests, %d sent to a after b refused; want many of both", s.Requests, s.FailedOver)
	}
	if metric(t, a, `plume_db_reads_total{reason="",target="replica"}`) <= replicaReads {
		t.Error("the load's retrieval never used the replica")
	}
	if metric(t, a, `plume_db_reads_total{reason="down",target="primary"}`)+
		metric(t, a, `plume_db_reads_total{reason="failed_over",target="primary"}`) == 0 ||
		!strings.Contains(d.log("a"), "reads go to the primary") {
		t.Error("with the replica stopped, no read fell back to the primary with a log line")
	}
	checkOwnDraftRead(t, a, a, writer, "with the replica stopped")
	waitUntil(t, "a leads the periodic jobs", 30*time.Second, func() bool {
		return strings.Contains(d.log("a"), "msg=leading")
	})
}

// problemLines returns the first n lines of s that are warnings, errors or
// 5xx answers.
func problemLines(s string, n int) string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if len(out) < n && (strings.Contains(line, "level=ERROR") || strings.Contains(line, "level=WARN") ||
			strings.Contains(line, "status=5")) {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}

// lastLines returns the last n lines of s.
func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}
