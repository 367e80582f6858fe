package api

import (
	"errors"
	"math"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/plume-sp/plume/store"
)

// keyInfo is the authenticated caller. A signed-in agent is named by its
// own key row; agent and session are then set.
type keyInfo struct {
	store.APIKey
	agent   *store.Agent
	session *store.Session
}

func (k *keyInfo) admin() bool { return k.Role == store.RoleAdmin }

// curates reports whether the key may curate documents of service: global
// admins curate all, service admins their service's only (not the shared
// documents).
func (k *keyInfo) curates(service string) bool {
	return k.admin() && (k.Service == "" || k.Service == service)
}

// retrievalServices returns the services a search or draft may draw on:
// a service's key sees its service's and the shared documents; a global key
// may narrow to one service (and the shared documents), or see all (nil).
func (k *keyInfo) retrievalServices(requested string) ([]string, error) {
	requested = strings.TrimSpace(requested)
	if k.Service != "" {
		if requested != "" && requested != k.Service {
			return nil, errorf(http.StatusForbidden, "forbidden", "this key is for the service %q", k.Service)
		}
		return []string{k.Service, ""}, nil
	}
	if requested == "" {
		return nil, nil
	}
	return []string{requested, ""}, nil
}

func keyOf(c echo.Context) *keyInfo {
	k, _ := c.Get(ctxKeyKey).(*keyInfo)
	return k
}

func errUnauthenticated() *Error {
	return &Error{Status: http.StatusUnauthorized, Code: "unauthenticated",
		Message: "a valid API key is required: Authorization: Bearer plume_…"}
}

// authenticate checks the bearer key, or the page's session cookie when
// there is no Authorization header, and remembers who called. An address
// that sent too many wrong keys gets 429 for every wrong or malformed one,
// but a valid key or session is still accepted: they are too long to
// guess, and a shared address (a France services office's NAT) must not
// lock out its agents because one client there tried wrong keys. Such an
// address's keys are looked up only when the process's copy of the known
// credentials holds them, so that its wrong keys cost no lookup.
func (s *Server) authenticate(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		addr := clientAddr(c)
		scheme, secret, ok := strings.Cut(c.Request().Header.Get("Authorization"), " ")
		secret = strings.TrimSpace(secret)
		wait := s.loginBlocked(c.Request().Context(), addr)
		c.Response().Header().Set("WWW-Authenticate", `Bearer realm="plume"`)
		if ck, err := c.Cookie(sessionCookie); err == nil && c.Request().Header.Get("Authorization") == "" {
			return s.authenticateSession(c, next, ck.Value, wait)
		}
		if c.Request().Header.Get("Authorization") == "" {
			return errUnauthenticated() // no credential: nothing to throttle
		}
		if !ok || !strings.EqualFold(scheme, "Bearer") || !strings.HasPrefix(secret, store.KeyPrefix) || len(secret) > 100 {
			return refusedLogin(wait, errUnauthenticated()) // no lookup: not counted
		}
		if wait > 0 && !s.mayBeKnown(c.Request().Context(), store.HashKey(secret)) {
			return errTooManyFailedLogins(wait) // no lookup: bounded (see knownCredentials)
		}
		key, err := s.deps.Store.APIKeyBySecret(c.Request().Context(), secret)
		if errors.Is(err, store.ErrNotFound) {
			s.loginFailed(c.Request().Context(), addr)
			return refusedLogin(wait, errUnauthenticated())
		}
		if err != nil {
			return err
		}
		c.Response().Header().Del("WWW-Authenticate")
		c.Set(ctxKeyKey, &keyInfo{APIKey: key})
		return next(c)
	}
}

// requireAdmin refuses agents.
func (s *Server) requireAdmin(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if !keyOf(c).admin() {
			return errorf(http.StatusForbidden, "forbidden", "this route is for administrators")
		}
		return next(c)
	}
}

// rateLimit applies each key's token bucket (see takeToken).
func (s *Server) rateLimit(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		wait, ok, err := s.takeToken(c)
		if err != nil {
			return err
		}
		if !ok {
			s.metrics.reg.inc(s.metrics.rateLimited, 1)
			return &Error{Status: http.StatusTooManyRequests, Code: "rate_limited",
				Message: "too many requests for this key; retry later", RetryAfter: int(math.Ceil(wait.Seconds()))}
		}
		return next(c)
	}
}

// limiter is a token bucket per API key, in memory.
type limiter struct {
	rate  float64 // tokens per second; negative: no limit
	burst float64
	now   func() time.Time

	mu      sync.Mutex
	buckets map[int64]*bucket
}

type bucket struct {
	tokens float64
	last   time.Time
}

func newLimiter(rate float64, burst int, now func() time.Time) *limiter {
	return &limiter{rate: rate, burst: float64(burst), now: now, buckets: map[int64]*bucket{}}
}

// allow takes a token from key's bucket, or says how long to wait for one.
func (l *limiter) allow(key int64) (time.Duration, bool) {
	if l.rate < 0 {
		return 0, true
	}
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.buckets[key]
	if b == nil {
		b = &bucket{tokens: l.burst, last: now}
		l.buckets[key] = b
	}
	if dt := now.Sub(b.last).Seconds(); dt > 0 {
		b.tokens = math.Min(l.burst, b.tokens+dt*l.rate)
	}
	b.last = now
	if b.tokens >= 1 {
		b.tokens--
		return 0, true
	}
	return time.Duration((1 - b.tokens) / l.rate * float64(time.Second)), false
}

// meResponse is the calling key, as GET /v1/me shows it.
type meResponse struct {
	KeyID   int64      `json:"key_id"`
	Name    string     `json:"name"`
	Role    store.Role `json:"role"`
	Service string     `json:"service"`
	// Reviewer says whether the key may validate answers.
	Reviewer bool `json:"reviewer"`
	// Agent and CSRFToken are set for a signed-in agent (session).
	Agent     *meAgent `json:"agent,omitempty"`
	CSRFToken string   `json:"csrf_token,omitempty"`
	// FeedbackTags are the labels feedback may be tagged with.
	FeedbackTags []string `json:"feedback_tags"`
}

// meAgent is the signed-in agent, as the provider named it.
type meAgent struct {
	ID        int64  `json:"id"`
	Email     string `json:"email"`
	GivenName string `json:"given_name"`
	UsualName string `json:"usual_name"`
}

// me tells the caller who it is: the page uses it to choose its views and
// whether to offer a choice of service.
func (s *Server) me(c echo.Context) error {
	k := keyOf(c)
	me := meResponse{KeyID: k.ID, Name: k.Name, Role: k.Role, Service: k.Service, Reviewer: k.Reviewer || k.admin(),
		FeedbackTags: s.deps.Drafter.FeedbackTags()}
	if k.agent != nil {
		me.Agent = &meAgent{ID: k.agent.ID, Email: k.agent.Email, GivenName: k.agent.GivenName, UsualName: k.agent.UsualName}
		me.CSRFToken = k.session.CSRFToken
		c.Response().Header().Set("Cache-Control", "no-store")
	}
	return c.JSON(http.StatusOK, me)
}
