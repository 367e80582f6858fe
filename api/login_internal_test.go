package api

import (
	"fmt"
	"testing"
	"time"
)

// TestLoginGuardBounded: 50,000 distinct addresses failing at the same
// instant leave at most maxLoginAddrs remembered, and an address that
// spent its attempts just before stays blocked.
func TestLoginGuardBounded(t *testing.T) {
	t.Parallel()
	g := newLoginGuard(FailedLoginLimits{}.withDefaults())
	now := time.Unix(1_000_000, 0)
	for range g.lim.Burst {
		g.failed("192.0.2.1", now)
	}
	for i := range 50_000 {
		g.failed(fmt.Sprintf("2001:db8::%x", i), now)
		if i == 1000 && g.blocked("192.0.2.1", now) == 0 {
			t.Fatal("an address that spent its attempts is no longer blocked")
		}
	}
	if n, m := len(g.addrs), g.recent.Len(); n > maxLoginAddrs || m != n {
		t.Errorf("%d addresses in the map, %d in the list, want at most %d and equal", n, m, maxLoginAddrs)
	}
}

// TestLoginGuardForgetsRefilled: an address whose bucket refilled is
// forgotten at the next failure (a new bucket is full anyway); one that
// failed lately is kept and still blocked.
func TestLoginGuardForgetsRefilled(t *testing.T) {
	t.Parallel()
	g := newLoginGuard(FailedLoginLimits{PerSecond: 1, Burst: 2})
	t0 := time.Unix(1_000_000, 0)
	g.failed("old", t0)
	g.failed("old", t0)
	g.failed("late", t0.Add(2*time.Second))
	g.failed("late", t0.Add(2*time.Second))
	now := t0.Add(3 * time.Second)
	g.failed("new", now)
	if _, ok := g.addrs["old"]; ok {
		t.Error("an address refilled for a second is still remembered")
	}
	if g.blocked("late", now.Add(-time.Second)) == 0 {
		t.Error("an address that spent its 2 attempts is not blocked")
	}
	if _, ok := g.addrs["late"]; !ok || len(g.addrs) != 2 {
		t.Errorf("remembered %d addresses, want late and new", len(g.addrs))
	}
}

// BenchmarkLoginGuardManyAddrs: the cost of a failure from a new address
// once the guard is full (main: a walk of the whole map per failure).
func BenchmarkLoginGuardManyAddrs(b *testing.B) {
	g := newLoginGuard(FailedLoginLimits{}.withDefaults())
	now := time.Unix(1_000_000, 0)
	for i := range maxLoginAddrs {
		g.failed(fmt.Sprintf("198.51.%d.%d", i/256, i%256), now)
	}
	b.ResetTimer()
	for i := range b.N {
		g.failed(fmt.Sprintf("2001:db8::%x", i), now)
	}
}
