package api

import (
	"crypto/subtle"
	"errors"
	"net/http"
	"regexp"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/plume-sp/plume/auth"
	"github.com/plume-sp/plume/store"
)

// SignInConfig configures the page's sign-in through an OpenID Connect
// provider (Deps.OIDC). Zero values give the defaults.
type SignInConfig struct {
	// Rules give a role and a service from an e-mail domain or a SIRET.
	Rules auth.Rules
	// IdleTimeout ends a session unused this long (default 1 h).
	IdleTimeout time.Duration
	// Lifetime ends a session this long after the sign-in, however active
	// (default 12 h).
	Lifetime time.Duration
	// AccessContact is whom an agent without access should ask, shown on
	// the page that says so (default: plume's administrator in the
	// agent's service).
	AccessContact string
	// ProviderName names the provider on the page (default ProConnect).
	ProviderName string
}

func (c SignInConfig) withDefaults() SignInConfig {
	if c.IdleTimeout <= 0 {
		c.IdleTimeout = time.Hour
	}
	if c.Lifetime <= 0 {
		c.Lifetime = 12 * time.Hour
	}
	if c.AccessContact == "" {
		c.AccessContact = "l'administrateur ou l'administratrice de plume de votre service"
	}
	if c.ProviderName == "" {
		c.ProviderName = "ProConnect"
	}
	return c
}

// The cookies of the page's sign-in. Both are Secure, HttpOnly and
// SameSite=Lax, and hold random values only.
const (
	sessionCookie = "plume_session"
	stateCookie   = "plume_auth_state"
	// csrfHeader carries the session's CSRF token on every request that
	// changes something (logout may send it as the csrf_token form field).
	csrfHeader = "X-CSRF-Token"
)

// validSessionID is what store.CreateSession makes: 32 bytes, base64url.
var validSessionID = regexp.MustCompile(`^[A-Za-z0-9_-]{43}$`)

// authenticateSession authenticates a request of the page by its session
// cookie: the session must be live, its agent have access and, for a
// request that changes something, carry the session's CSRF token.
func (s *Server) authenticateSession(c echo.Context, next echo.HandlerFunc, id string, wait time.Duration) error {
	addr := clientAddr(c)
	if !validSessionID.MatchString(id) {
		return refusedLogin(wait, errSessionEnded()) // no lookup: not counted
	}
	if wait > 0 && !s.mayBeKnown(c.Request().Context(), store.HashKey(id)) {
		return errTooManyFailedLogins(wait) // no lookup: bounded (see knownCredentials)
	}
	ss, a, err := s.deps.Store.SessionAgent(c.Request().Context(), id, s.deps.Now(), s.cfg.SignIn.IdleTimeout)
	if errors.Is(err, store.ErrNotFound) {
		s.logins.failed(addr, s.deps.Now())
		c.SetCookie(expiredCookie(sessionCookie, "/"))
		return refusedLogin(wait, errSessionEnded())
	}
	if err != nil {
		return err
	}
	if !a.Role.Valid() {
		return errorf(http.StatusForbidden, "no_access", "this account has no access to plume yet")
	}
	if unsafeMethod(c.Request().Method) && !s.csrfOK(c, ss.CSRFToken) {
		return errorf(http.StatusForbidden, "csrf", "the request lacks the session's CSRF token (header %s)", csrfHeader)
	}
	c.Response().Header().Del("WWW-Authenticate")
	c.Set(ctxKeyKey, &keyInfo{APIKey: store.APIKey{ID: a.KeyID, Name: displayName(a), Role: a.Role, Service: a.Service,
		Prefix: "oidc", CreatedAt: a.CreatedAt}, agent: &a, session: &ss})
	return next(c)
}

// csrfOK checks the token of a request that changes something: the header
// (or the logout form's field) must hold the session's token, and the
// browser must not say that the request comes from another site.
func (s *Server) csrfOK(c echo.Context, want string) bool {
	if c.Request().Header.Get("Sec-Fetch-Site") == "cross-site" {
		return false
	}
	got := c.Request().Header.Get(csrfHeader)
	if got == "" && c.Path() == "/auth/logout" {
		got = c.FormValue("csrf_token")
	}
	return got != "" && subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}

func unsafeMethod(m string) bool {
	return m != http.MethodGet && m != http.MethodHead && m != http.MethodOptions
}

func errSessionEnded() *Error {
	return &Error{Status: http.StatusUnauthorized, Code: "unauthenticated",
		Message: "the session has ended: sign in again"}
}

// displayName is the agent's name as the provider gave it.
func displayName(a store.Agent) string {
	switch {
	case a.GivenName != "" && a.UsualName != "":
		return a.GivenName + " " + a.UsualName
	case a.GivenName+a.UsualName != "":
		return a.GivenName + a.UsualName
	}
	return a.Email
}

// sessionCookieOf returns the cookie that opens a session.
func (s *Server) newSessionCookie(ss store.Session) *http.Cookie {
	return &http.Cookie{Name: sessionCookie, Value: ss.ID, Path: "/", MaxAge: int(s.cfg.SignIn.Lifetime.Seconds()),
		Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode}
}

// expiredCookie tells the browser to forget a cookie.
func expiredCookie(name, path string) *http.Cookie {
	return &http.Cookie{Name: name, Value: "", Path: path, MaxAge: -1, Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode}
}
