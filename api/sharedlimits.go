package api

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/plume-sp/plume/store"
)

// ctxWroteAtKey holds when the calling key last wrote (time.Time), as its
// shared bucket recorded it.
const ctxWroteAtKey = "plume.wrote_at"

// unlimited is the bucket of a key with no rate limit, kept only to record
// its writes for read-your-writes.
var unlimited = store.Bucket{Rate: 1e9, Burst: 1e9}

// takeToken takes a token from the calling key's bucket: in PostgreSQL when
// the limits are shared (every plume process on the database sees the same
// bucket, so N replicas do not give a key N times its rate), in memory
// otherwise. It says how long to wait when there is none.
func (s *Server) takeToken(c echo.Context) (time.Duration, bool, error) {
	key := keyOf(c).ID
	if !s.cfg.SharedLimits {
		wait, ok := s.limiter.allow(key)
		return wait, ok, nil
	}
	b := store.Bucket{Rate: s.cfg.RatePerSecond, Burst: float64(s.cfg.Burst)}
	if s.cfg.RatePerSecond < 0 {
		if s.deps.Replica == nil {
			return 0, true, nil
		}
		b = unlimited
	}
	t, err := s.deps.Store.TakeToken(c.Request().Context(), "key:"+strconv.FormatInt(key, 10), b, s.deps.Now(), isWrite(c.Request().Method))
	if err != nil {
		return 0, false, err
	}
	if !t.WroteAt.IsZero() {
		c.Set(ctxWroteAtKey, t.WroteAt)
	}
	return t.Wait, t.Allowed, nil
}

// isWrite reports whether a request of this method may write.
func isWrite(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		return false
	}
	return true
}

// loginBucket is an address's bucket of failed logins.
func (s *Server) loginBucket(addr string) (string, store.Bucket) {
	return "login:" + addr, store.Bucket{Rate: s.cfg.FailedLogins.PerSecond, Burst: float64(s.cfg.FailedLogins.Burst)}
}

// loginBlocked reports how long addr must wait before its next attempt: the
// process's own count first (no database lookup for an address it already
// refuses), then, with shared limits, every process's. A database that does
// not answer blocks nobody: the key lookup that follows fails anyway.
func (s *Server) loginBlocked(ctx context.Context, addr string) time.Duration {
	now := s.deps.Now()
	if wait := s.logins.blocked(addr, now); wait > 0 || !s.cfg.SharedLimits || s.cfg.FailedLogins.PerSecond < 0 {
		return wait
	}
	name, b := s.loginBucket(addr)
	wait, err := s.deps.Store.PeekTokens(ctx, name, b, now)
	if err != nil {
		return 0
	}
	return wait
}

// loginFailed charges a failed attempt to addr, here and, with shared
// limits, in the database.
func (s *Server) loginFailed(ctx context.Context, addr string) {
	now := s.deps.Now()
	s.logins.failed(addr, now)
	if !s.cfg.SharedLimits || s.cfg.FailedLogins.PerSecond < 0 {
		return
	}
	name, b := s.loginBucket(addr)
	if _, err := s.deps.Store.TakeToken(ctx, name, b, now, false); err != nil {
		s.log.Warn("count a failed login", "err", err)
	}
}

// enterUpload admits one more upload of key, or refuses it: counted across
// every process on the database with shared limits (a slot each, freed
// when the upload ends or its process dies), in this process otherwise.
func (s *Server) enterUpload(ctx context.Context, key int64) (leave func(), ok bool, err error) {
	if !s.cfg.SharedLimits {
		leave, ok := s.uploads.enter(key)
		return leave, ok, nil
	}
	slot, ok, err := s.deps.Store.TakeSlot(ctx, "upload:"+strconv.FormatInt(key, 10), s.cfg.Upload.PerKey)
	if err != nil || !ok {
		return nil, false, err
	}
	return slot.Release, true, nil
}
