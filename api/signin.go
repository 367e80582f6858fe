package api

import (
	"bytes"
	"context"
	"crypto/subtle"
	"errors"
	"html/template"
	"math"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/plume-sp/plume/auth"
	"github.com/plume-sp/plume/store"
	"golang.org/x/oauth2"
)

// signInWindow is how long a sign-in may stay at the provider.
const signInWindow = 10 * time.Minute

// signInStarts bound the sign-ins one client address may start: each
// stores a flow until its callback or the end of signInWindow. Thirty in a
// row (an office's agents behind one address in the morning), then one
// every 5 s.
var signInStarts = FailedLoginLimits{PerSecond: 0.2, Burst: 30}

func errSignInOff() *Error {
	return errorf(http.StatusNotFound, "sign_in_not_configured", "sign-in through an OpenID Connect provider is not configured")
}

// signInConfig tells the page whether it may offer sign-in through the
// provider, and under which name.
func (s *Server) signInConfig(c echo.Context) error {
	return c.JSON(http.StatusOK, map[string]any{"oidc": s.deps.OIDC != nil, "provider": s.cfg.SignIn.ProviderName,
		"login_url": "/auth/login"})
}

// login starts a sign-in: a new state, nonce and PKCE verifier kept in the
// database, the state also in a cookie bound to this browser, and the
// browser sent to the provider.
func (s *Server) login(c echo.Context) error {
	p := s.deps.OIDC
	if p == nil {
		return errSignInOff()
	}
	addr, now := clientAddr(c), s.deps.Now()
	if wait := s.logins.blocked(addr, now); wait > 0 {
		return errTooManyFailedLogins(wait)
	}
	if wait := s.starts.take(addr, now); wait > 0 {
		return &Error{Status: http.StatusTooManyRequests, Code: "too_many_sign_ins",
			Message: "too many sign-ins started from this address; retry later", RetryAfter: max(1, int(math.Ceil(wait.Seconds())))}
	}
	flow, err := s.deps.Store.NewAuthFlow(c.Request().Context(), now, now.Add(-signInWindow), oauth2.GenerateVerifier())
	if err != nil {
		return err
	}
	c.SetCookie(&http.Cookie{Name: stateCookie, Value: flow.State, Path: "/auth/", MaxAge: int(signInWindow.Seconds()),
		Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode})
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.Redirect(http.StatusFound, p.AuthCodeURL(flow.State, flow.Nonce, flow.Verifier))
}

// callback ends a sign-in: the state must be this browser's and unused,
// the provider's answer pass auth.Exchange's checks; the agent is recorded
// and, with access, gets a new session; without, a page says whom to ask.
func (s *Server) callback(c echo.Context) error {
	p := s.deps.OIDC
	if p == nil {
		return errSignInOff()
	}
	addr, now := clientAddr(c), s.deps.Now()
	if wait := s.logins.blocked(addr, now); wait > 0 {
		return errTooManyFailedLogins(wait)
	}
	c.SetCookie(expiredCookie(stateCookie, "/auth/"))
	if c.QueryParam("error") != "" {
		return s.signInPage(c, http.StatusBadRequest, "provider_error", pageInterrupted)
	}
	state := c.QueryParam("state")
	ck, err := c.Cookie(stateCookie)
	if state == "" || err != nil || subtle.ConstantTimeCompare([]byte(ck.Value), []byte(state)) != 1 {
		s.logins.failed(addr, now)
		return s.signInPage(c, http.StatusBadRequest, "bad_state", pageBadState)
	}
	ctx := c.Request().Context()
	flow, err := s.deps.Store.TakeAuthFlow(ctx, state, now.Add(-signInWindow))
	if errors.Is(err, store.ErrNotFound) {
		s.logins.failed(addr, now)
		return s.signInPage(c, http.StatusBadRequest, "bad_state", pageBadState)
	}
	if err != nil {
		return err
	}
	profile, idToken, err := p.Exchange(ctx, c.QueryParam("code"), flow.Verifier, flow.Nonce)
	if errors.Is(err, auth.ErrRefused) {
		s.logins.failed(addr, now)
		s.log.Warn("sign-in refused", "err", err, "request_id", requestIDOf(c)) // checks' names only
		return s.signInPage(c, http.StatusBadRequest, "sign_in_refused", pageRefused)
	}
	if err != nil {
		s.log.Error("sign-in: the provider failed", "err", err, "request_id", requestIDOf(c))
		return s.signInPage(c, http.StatusBadGateway, "provider_unavailable", pageUnavailable)
	}
	return s.openSession(c, profile, idToken)
}

// openSession records the agent and opens its session, or says that it has
// no access.
func (s *Server) openSession(c echo.Context, profile store.AgentProfile, idToken string) error {
	ctx := c.Request().Context()
	rules, err := s.accessRules(ctx)
	if err != nil {
		return err
	}
	a, err := s.deps.Store.SignInAgent(ctx, profile, rules.Match(profile))
	if err != nil {
		return err
	}
	if old, err := c.Cookie(sessionCookie); err == nil {
		if err := s.deps.Store.DeleteSession(ctx, old.Value); err != nil {
			return err
		}
	}
	if !a.Role.Valid() {
		s.log.Info("signed in without access", "agent_id", a.ID, "request_id", requestIDOf(c))
		return s.signInPage(c, http.StatusForbidden, "no_access", pageNoAccess)
	}
	ss, err := s.deps.Store.CreateSession(ctx, a.ID, idToken, s.deps.Now(), s.cfg.SignIn.Lifetime)
	if err != nil {
		return err
	}
	c.SetCookie(s.newSessionCookie(ss))
	s.log.Info("signed in", "agent_id", a.ID, "key_id", a.KeyID, "request_id", requestIDOf(c))
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.Redirect(http.StatusSeeOther, "/")
}

// logout ends the session (a request with the session's CSRF token) and
// answers where the browser goes next: the provider's logout, which comes
// back to the page, or the page.
func (s *Server) logout(c echo.Context) error {
	next := "/"
	if ck, err := c.Cookie(sessionCookie); err == nil && validSessionID.MatchString(ck.Value) {
		ctx := c.Request().Context()
		ss, _, err := s.deps.Store.SessionAgent(ctx, ck.Value, s.deps.Now(), s.cfg.SignIn.IdleTimeout)
		switch {
		case errors.Is(err, store.ErrNotFound):
		case err != nil:
			return err
		case !s.csrfOK(c, ss.CSRFToken):
			return errorf(http.StatusForbidden, "csrf", "the request lacks the session's CSRF token (header %s)", csrfHeader)
		default:
			if err := s.deps.Store.DeleteSession(context.WithoutCancel(ctx), ss.ID); err != nil {
				return err
			}
			if s.deps.OIDC != nil {
				if u := s.deps.OIDC.LogoutURL(ss.IDToken); u != "" {
					next = u
				}
			}
		}
	}
	c.SetCookie(expiredCookie(sessionCookie, "/"))
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusOK, map[string]string{"redirect": next})
}

// The sign-in pages' texts.
const (
	pageNoAccess    = "no_access"
	pageBadState    = "bad_state"
	pageRefused     = "refused"
	pageUnavailable = "unavailable"
	pageInterrupted = "interrupted"
	signInPageCSP   = "default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)

var signInTemplate = template.Must(template.New("page").Parse(`<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}} — plume</title>
<link rel="stylesheet" href="/dsfr/dsfr.min.css">
<link rel="stylesheet" href="/style.css">
</head>
<body>
<header role="banner" class="fr-header"><div class="fr-header__body"><div class="fr-container"><div class="fr-header__body-row">
<div class="fr-header__brand fr-enlarge-link"><div class="fr-header__brand-top"><div class="fr-header__logo"><p class="fr-logo">République<br>Française</p></div></div>
<div class="fr-header__service"><a href="/" title="Accueil — plume"><p class="fr-header__service-title">plume</p></a>
<p class="fr-header__service-tagline">Brouillons de réponses fondés sur les fiches officielles</p></div></div>
</div></div></div></header>
<main id="contenu" class="fr-container fr-py-6w connexion">
<div class="fr-alert fr-alert--{{.Kind}}">
<h1 class="fr-alert__title">{{.Title}}</h1>
{{range .Lines}}<p>{{.}}</p>
{{end}}</div>
<p class="fr-mt-4w"><a class="fr-btn" href="/">Revenir à la page d'accueil de plume</a></p>
</main>
</body>
</html>
`))

type signInPageData struct {
	// Kind is the DSFR alert's: info, warning or error.
	Kind  string
	Title string
	Lines []string
}

// signInPage answers the browser with a page in French, and logs code.
func (s *Server) signInPage(c echo.Context, status int, code, page string) error {
	c.Set(ctxErrorKey, &Error{Status: status, Code: code, Message: page})
	d := s.signInPageData(page)
	var b bytes.Buffer
	if err := signInTemplate.Execute(&b, d); err != nil {
		return err
	}
	h := c.Response().Header()
	h.Set("Content-Security-Policy", signInPageCSP)
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	return c.HTMLBlob(status, b.Bytes())
}

func (s *Server) signInPageData(page string) signInPageData {
	provider := s.cfg.SignIn.ProviderName
	switch page {
	case pageNoAccess:
		return signInPageData{Kind: "info", Title: "Votre compte n'a pas encore accès à plume", Lines: []string{
			"Vous êtes bien connecté·e avec " + provider + ", mais aucun rôle ne vous a encore été attribué dans plume.",
			"Pour obtenir l'accès, adressez-vous à " + s.cfg.SignIn.AccessContact +
				" en indiquant l'adresse électronique de votre compte " + provider + " : votre demande apparaît déjà dans sa liste des agents.",
			"Une fois l'accès ouvert, reconnectez-vous depuis la page d'accueil."}}
	case pageBadState:
		return signInPageData{Kind: "warning", Title: "Connexion expirée ou invalide", Lines: []string{
			"Cette demande de connexion est inconnue, déjà utilisée ou trop ancienne (plus de 10 minutes).",
			"Recommencez la connexion depuis la page d'accueil."}}
	case pageRefused:
		return signInPageData{Kind: "error", Title: "Connexion refusée", Lines: []string{
			"La réponse de " + provider + " n'a pas passé les contrôles de sécurité de plume : la connexion est refusée.",
			"Recommencez ; si le problème persiste, signalez-le à " + s.cfg.SignIn.AccessContact + "."}}
	case pageInterrupted:
		return signInPageData{Kind: "warning", Title: "Connexion interrompue", Lines: []string{
			"La connexion avec " + provider + " a été annulée ou n'a pas abouti.",
			"Recommencez la connexion depuis la page d'accueil."}}
	}
	return signInPageData{Kind: "error", Title: provider + " ne répond pas", Lines: []string{
		"plume n'a pas pu joindre " + provider + " pour terminer la connexion. Réessayez dans quelques minutes."}}
}
