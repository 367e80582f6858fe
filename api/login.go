package api

import (
	"container/list"
	"math"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
	"golang.org/x/time/rate"
)

// FailedLoginLimits bound the wrong keys one client address may send: each
// costs a database lookup. Zero values give the defaults.
type FailedLoginLimits struct {
	// PerSecond is the rate at which an address earns back failed
	// attempts (default 0.2: one every 5 s); negative: no limit.
	PerSecond float64
	// Burst is the failed attempts an address may make in a row (default
	// 10).
	Burst int
}

func (l FailedLoginLimits) withDefaults() FailedLoginLimits {
	if l.PerSecond == 0 {
		l.PerSecond = 0.2
	}
	if l.Burst <= 0 {
		l.Burst = 10
	}
	return l
}

// maxLoginAddrs bounds the addresses remembered. An address whose last
// failure is older than the time a bucket takes to refill is back to a full
// bucket and is forgotten; past the bound, the address that failed least
// lately is forgotten, so that many addresses cannot grow the guard or slow
// every request that consults it.
const maxLoginAddrs = 10_000

// loginGuard keeps a token bucket of failed logins per client address, in a
// list ordered by last failure (most recent first): forgetting is O(1) per
// address, amortised, under the lock.
type loginGuard struct {
	lim FailedLoginLimits
	max int

	mu     sync.Mutex
	addrs  map[string]*list.Element // of *loginAddr
	recent list.List                // *loginAddr, last failure first
}

// loginAddr is one address's bucket and the time of its last failure.
type loginAddr struct {
	addr string
	lim  *rate.Limiter
	last time.Time
}

func newLoginGuard(lim FailedLoginLimits) *loginGuard {
	return &loginGuard{lim: lim, max: maxLoginAddrs, addrs: map[string]*list.Element{}}
}

// blocked reports how long addr must wait before its next attempt, or 0
// when it may try now.
func (g *loginGuard) blocked(addr string, now time.Time) time.Duration {
	if g.lim.PerSecond < 0 {
		return 0
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	e := g.addrs[addr]
	if e == nil {
		return 0
	}
	tokens := e.Value.(*loginAddr).lim.TokensAt(now)
	if tokens >= 1 {
		return 0
	}
	return time.Duration((1 - tokens) / g.lim.PerSecond * float64(time.Second))
}

// failed charges a failed attempt to addr.
func (g *loginGuard) failed(addr string, now time.Time) {
	if g.lim.PerSecond < 0 {
		return
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	g.forget(now)
	e := g.addrs[addr]
	if e == nil {
		if g.recent.Len() >= g.max {
			g.drop(g.recent.Back())
		}
		l := rate.NewLimiter(rate.Limit(g.lim.PerSecond), g.lim.Burst)
		e = g.recent.PushFront(&loginAddr{addr: addr, lim: l})
		g.addrs[addr] = e
	} else {
		g.recent.MoveToFront(e)
	}
	a := e.Value.(*loginAddr)
	a.last = now
	a.lim.AllowN(now, 1)
}

// take charges an attempt to addr unless it must wait, and returns how
// long it must (0 when the attempt is allowed and charged).
func (g *loginGuard) take(addr string, now time.Time) time.Duration {
	if wait := g.blocked(addr, now); wait > 0 {
		return wait
	}
	g.failed(addr, now)
	return 0
}

// forget drops, from the least recently failed, the addresses whose last
// failure is older than a bucket's refill time: their bucket is full again,
// as a new one would be. Each address is dropped once: O(1) amortised per
// failure. The caller holds mu.
func (g *loginGuard) forget(now time.Time) {
	refill := time.Duration(float64(g.lim.Burst) / g.lim.PerSecond * float64(time.Second))
	for e := g.recent.Back(); e != nil && now.Sub(e.Value.(*loginAddr).last) > refill; e = g.recent.Back() {
		g.drop(e)
	}
}

// drop forgets the address of e; the caller holds mu.
func (g *loginGuard) drop(e *list.Element) {
	delete(g.addrs, e.Value.(*loginAddr).addr)
	g.recent.Remove(e)
}

// clientAddr is the address of the connection: never a header a client may
// set (X-Forwarded-For), so that a caller cannot choose its bucket, unless
// the connection comes from a trusted proxy (see clientIPExtractor).
func clientAddr(c echo.Context) string {
	return c.RealIP()
}

// clientIPExtractor reads the client's address from the connection or,
// when it comes from one of the trusted proxies, from the X-Forwarded-For
// they add (the last address no trusted proxy holds). Behind a proxy,
// without it, every client would share the proxy's failed-login bucket.
func clientIPExtractor(trusted []*net.IPNet) echo.IPExtractor {
	if len(trusted) == 0 {
		return echo.ExtractIPDirect()
	}
	opts := []echo.TrustOption{echo.TrustLoopback(false), echo.TrustLinkLocal(false), echo.TrustPrivateNet(false)}
	for _, r := range trusted {
		opts = append(opts, echo.TrustIPRange(r))
	}
	return echo.ExtractIPFromXFFHeader(opts...)
}

func errTooManyFailedLogins(wait time.Duration) *Error {
	return &Error{Status: http.StatusTooManyRequests, Code: "too_many_failed_logins",
		Message:    "too many wrong API keys from this address; retry later",
		RetryAfter: max(1, int(math.Ceil(wait.Seconds())))}
}

// refusedLogin is err, or 429 when the address is throttled (wait > 0)
// for its wrong keys.
func refusedLogin(wait time.Duration, err *Error) *Error {
	if wait > 0 {
		return errTooManyFailedLogins(wait)
	}
	return err
}
