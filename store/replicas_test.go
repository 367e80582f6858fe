package store_test

import (
	"bytes"
	"context"
	"log/slog"
	"net"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
)

// secondStore opens another pool on url, as a second plume process would.
func secondStore(t testing.TB, url string) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(st.Close)
	return st
}

// TestTakeTokenSharedAcrossProcesses: two pools (two plume processes) taking
// from one key's bucket at once get exactly its burst, then exactly its rate.
func TestTakeTokenSharedAcrossProcesses(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	a, url := storetest.NewStoreURL(t)
	b := secondStore(t, url)
	bucket := store.Bucket{Rate: 5, Burst: 30}
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	var allowed atomic.Int64
	var wg sync.WaitGroup
	for i := range 8 {
		st := []*store.Store{a, b}[i%2]
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				tk, err := st.TakeToken(ctx, "key:1", bucket, now, false)
				if err != nil {
					t.Error(err)
					return
				}
				if tk.Allowed {
					allowed.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	if got := allowed.Load(); got != 30 {
		t.Errorf("160 takes at once from two processes: %d allowed, want the burst, 30", got)
	}
	var got []string
	for i := range 7 {
		st := []*store.Store{a, b}[i%2]
		tk, err := st.TakeToken(ctx, "key:1", bucket, now.Add(time.Second), i == 0)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, describeTake(tk, now))
	}
	want := []string{"ok wrote+1s", "ok wrote+1s", "ok wrote+1s", "ok wrote+1s", "ok wrote+1s", "wait 200ms wrote+1s", "wait 200ms wrote+1s"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("one second later (-want +got):\n%s", diff)
	}
	if tk, _ := a.TakeToken(ctx, "key:2", bucket, now, false); !tk.Allowed || !tk.WroteAt.IsZero() {
		t.Errorf("another key's bucket: %+v", tk)
	}
}

func describeTake(t store.Take, base time.Time) string {
	s := "ok"
	if !t.Allowed {
		s = "wait " + t.Wait.Round(time.Millisecond).String()
	}
	if !t.WroteAt.IsZero() {
		s += " wrote+" + t.WroteAt.Sub(base).String()
	}
	return s
}

func TestPeekAndForgetBuckets(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	b := store.Bucket{Rate: 0.5, Burst: 2}
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	if w, err := st.PeekTokens(ctx, "login:a", b, now); w != 0 || err != nil {
		t.Fatalf("peek at an unknown bucket: %v %v", w, err)
	}
	for range 2 {
		if _, err := st.TakeToken(ctx, "login:a", b, now, false); err != nil {
			t.Fatal(err)
		}
	}
	if w, err := st.PeekTokens(ctx, "login:a", b, now.Add(time.Second)); w != time.Second || err != nil {
		t.Errorf("peek after the burst, 1 s later: %v %v, want 1s", w, err)
	}
	if w, _ := st.PeekTokens(ctx, "login:a", b, now.Add(2*time.Second)); w != 0 {
		t.Errorf("peek 2 s later: %v, want 0", w)
	}
	if _, err := st.TakeToken(ctx, "login:b", b, now.Add(time.Hour), false); err != nil {
		t.Fatal(err)
	}
	if n, err := st.ForgetBuckets(ctx, now.Add(time.Minute)); n != 1 || err != nil {
		t.Errorf("ForgetBuckets = %d, %v; want 1 (login:a only)", n, err)
	}
	if _, err := st.TakeToken(ctx, "x", store.Bucket{Rate: 0, Burst: 1}, now, false); err == nil {
		t.Error("a zero rate must be refused")
	}
}

// TestMigrateTwoProcessesAtOnce: two processes starting together on an
// empty schema apply each migration once between them.
func TestMigrateTwoProcessesAtOnce(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	url := emptySchema(t)
	a, b := secondStore(t, url), secondStore(t, url)
	var wg sync.WaitGroup
	counts := make([]int, 2)
	errs := make([]error, 2)
	for i, st := range []*store.Store{a, b} {
		wg.Add(1)
		go func() { defer wg.Done(); counts[i], errs[i] = st.Migrate(ctx) }()
	}
	wg.Wait()
	if errs[0] != nil || errs[1] != nil {
		t.Fatalf("migrate: %v, %v", errs[0], errs[1])
	}
	var total int
	if err := a.Pool().QueryRow(ctx, "SELECT count(*) FROM schema_migrations").Scan(&total); err != nil {
		t.Fatal(err)
	}
	if counts[0]+counts[1] != total || min(counts[0], counts[1]) != 0 {
		t.Errorf("applied %d and %d migrations, want %d by one and 0 by the other", counts[0], counts[1], total)
	}
	if n, err := b.PendingMigrations(ctx); n != 0 || err != nil {
		t.Errorf("pending after both: %d %v", n, err)
	}
}

// syncBuf collects logs written from several goroutines.
type syncBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuf) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuf) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// waitFor polls cond until it holds or the deadline passes.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting: %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestLeadershipTakenOver: of two processes, one leads; when its session
// dies, it stops leading and the other takes over.
func TestLeadershipTakenOver(t *testing.T) {
	t.Parallel()
	a, url := storetest.NewStoreURL(t)
	b := secondStore(t, url)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var leading [2]atomic.Int32 // how many are leading now, per process
	var terms [2]atomic.Int32   // how many times each became leader
	var wg sync.WaitGroup
	run := func(i int, st *store.Store, retry time.Duration) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			st.RunLeader(ctx, store.Leadership{Job: "test", Retry: retry}, func(ctx context.Context) {
				terms[i].Add(1)
				leading[i].Add(1)
				<-ctx.Done()
				leading[i].Add(-1)
			})
		}()
	}
	defer wg.Wait()
	defer cancel()
	// a checks its session and retries every second: once its session is
	// gone, b (every 50 ms) takes the lock long before a tries again, even
	// on a busy machine.
	run(0, a, time.Second)
	waitFor(t, "a leads", func() bool { return leading[0].Load() == 1 })
	run(1, b, 50*time.Millisecond)
	// b tries every 50 ms; give it many chances to take a lock it must not get.
	time.Sleep(500 * time.Millisecond)
	if leading[1].Load() != 0 {
		t.Fatal("b leads while a does")
	}
	// a's process dies: its session goes, and with it the lock.
	var killed int
	err := b.Pool().QueryRow(context.Background(), `SELECT count(pg_terminate_backend(pid)) FROM pg_locks
		WHERE locktype = 'advisory' AND granted AND classid = $1 AND objid = hashtext('test.' || current_schema())::oid`,
		0x706c756d).Scan(&killed)
	if err != nil || killed != 1 {
		t.Fatalf("terminate the leader's session: %d %v", killed, err)
	}
	waitFor(t, "b takes over", func() bool { return leading[1].Load() == 1 })
	waitFor(t, "a notices it lost the lead", func() bool { return leading[0].Load() == 0 })
	if terms[1].Load() != 1 {
		t.Errorf("b led %d times, want 1", terms[1].Load())
	}
}

// TestReplicaStates: a replica that answers and is not behind takes reads;
// one that is down, or not yet warmed up, does not; each change is logged.
func TestReplicaStates(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	primary, url := storetest.NewStoreURL(t)
	var logs syncBuf
	log := slog.New(slog.NewTextHandler(&logs, nil))
	warm := 0
	r, err := store.OpenReplica(ctx, primary, url, store.ReplicaOptions{Log: log, Warmup: func(context.Context) error {
		warm++
		if warm == 1 {
			return net.ErrClosed
		}
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var got []string
	note := func(st store.ReplicaState) { got = append(got, st.Reason) }
	note(r.State())
	note(r.Check(ctx))
	note(r.Check(ctx))
	r.MarkDown()
	note(r.State())
	note(r.Check(ctx))
	if diff := cmp.Diff([]string{"unchecked", "warming", "", "down", ""}, got); diff != "" {
		t.Errorf("states (-want +got):\n%s", diff)
	}
	if warm != 2 {
		t.Errorf("warmed up %d times, want 2 (until it succeeds)", warm)
	}
	if n := strings.Count(logs.String(), "database replica takes reads"); n != 2 {
		t.Errorf("logged %d returns of the replica, want 2:\n%s", n, logs.String())
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := ln.Addr().String()
	ln.Close()
	down, err := store.OpenReplica(ctx, primary, "postgres://postgres@"+closed+"/plume?sslmode=disable&connect_timeout=2", store.ReplicaOptions{Log: log})
	if err != nil {
		t.Fatalf("a replica down at start must not stop plume: %v", err)
	}
	defer down.Close()
	if st := down.Check(ctx); st.Usable || st.Reason != "down" {
		t.Errorf("replica on a closed port: %+v", st)
	}
	if !strings.Contains(logs.String(), "reason=down") {
		t.Errorf("no log line for the replica down:\n%s", logs.String())
	}
}

// BenchmarkTakeToken is the cost a request pays for a rate limit shared
// by every process: one statement on the primary, here from 16 goroutines
// over 100 keys.
func BenchmarkTakeToken(b *testing.B) {
	st := storetest.NewStore(b)
	bucket := store.Bucket{Rate: 1e6, Burst: 1e6}
	var n atomic.Int64
	b.SetParallelism(8)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			key := "key:" + strconv.FormatInt(n.Add(1)%100, 10)
			if _, err := st.TakeToken(context.Background(), key, bucket, time.Now(), false); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// TestTakeSlotAcrossProcesses: two processes share a name's slots; a slot
// released, or held by a process that died, is free again.
func TestTakeSlotAcrossProcesses(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	a, url := storetest.NewStoreURL(t)
	b := secondStore(t, url)
	var held []*store.Slot
	var got []bool
	for _, st := range []*store.Store{a, b, a} {
		slot, ok, err := st.TakeSlot(ctx, "upload:7", 2)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, ok)
		if ok {
			held = append(held, slot)
		}
	}
	if other, ok, _ := b.TakeSlot(ctx, "upload:8", 2); !ok {
		t.Error("another name has its own slots")
	} else {
		other.Release()
	}
	held[0].Release()
	again, ok, err := b.TakeSlot(ctx, "upload:7", 2)
	got = append(got, ok)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]bool{true, true, false, true}, got); diff != "" {
		t.Errorf("slots (-want +got):\n%s", diff)
	}
	again.Release()
	held[1].Release()
}

// TestReplicaFaults: a read counts the faults the replica's pool met while
// serving it, and nothing else: not a working replica's reads, not
// another read's faults, so that a caller can tell a fault of the replica
// from one of the primary even when the replica answers a ping.
func TestReplicaFaults(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	primary, url := storetest.NewStoreURL(t)
	up, err := store.OpenReplica(ctx, primary, url, store.ReplicaOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer up.Close()
	upCtx, upFaults := store.CountFaults(ctx)
	if _, err := up.Store().Stats(upCtx, store.StatsFilter{}); err != nil {
		t.Fatal(err)
	}
	if n := upFaults(); n != 0 {
		t.Errorf("a read on a replica that answers counted %d faults", n)
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := ln.Addr().String()
	ln.Close()
	down, err := store.OpenReplica(ctx, primary, "postgres://postgres@"+closed+"/plume?sslmode=disable&connect_timeout=2", store.ReplicaOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer down.Close()
	readCtx, readFaults := store.CountFaults(ctx)
	otherCtx, otherFaults := store.CountFaults(ctx)
	_, err = down.Store().Stats(readCtx, store.StatsFilter{})
	if !store.IsUnavailable(err) {
		t.Fatalf("a read on a closed port: %v, want the database unavailable", err)
	}
	if readFaults() == 0 {
		t.Error("a read that could not reach the replica counted no fault")
	}
	if n := otherFaults(); n != 0 {
		t.Errorf("another read's count took %d of its faults", n)
	}
	_, _ = down.Store().Stats(ctx, store.StatsFilter{}) // a read that counts nothing
	if _, err := primary.Stats(otherCtx, store.StatsFilter{}); err != nil || otherFaults() != 0 {
		t.Errorf("a read on the primary: %v, %d faults", err, otherFaults())
	}
}
