// Package api is plume's HTTP API: the echo server, its routes, API-key
// authentication with roles and services, limits, the one table that maps
// errors to statuses, server-sent events for drafts, Prometheus metrics and
// the OpenAPI document. It calls rag, ingest and store; it never runs SQL.
package api

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/plume-sp/plume/auth"
	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/redact"
	"github.com/plume-sp/plume/store"
)

// Config holds the server's limits. The zero value gives the defaults.
type Config struct {
	// Addr is where Start listens, e.g. ":8080".
	Addr string
	// MaxBodyBytes bounds JSON request bodies (default 1 MiB).
	MaxBodyBytes int64
	// MaxUploadBytes bounds multipart uploads (default 32 MiB).
	MaxUploadBytes int64
	// RatePerSecond and Burst set each key's token bucket (defaults 5 and
	// 30). A negative RatePerSecond disables the limit.
	RatePerSecond float64
	Burst         int
	// RequestTimeout bounds a request's work, streams included (default
	// 2 minutes).
	RequestTimeout time.Duration
	// BodyTimeout bounds the reading of a JSON request body, from the
	// moment its handler starts to read it (default 30 seconds): a client
	// that stalls in the middle of its body gets a 408 rather than holding
	// a connection for the whole RequestTimeout. Uploads, larger and
	// slower, are bounded by the server's read timeout (2 minutes).
	BodyTimeout time.Duration
	// Upload bounds what one upload may hold once expanded.
	Upload UploadLimits
	// FailedLogins bounds the wrong keys per client address.
	FailedLogins FailedLoginLimits
	// MetricsToken, when set, is the bearer token /metrics asks for.
	MetricsToken string
	// MetricsAddr, when set, is where Start serves /metrics, instead of
	// on Addr.
	MetricsAddr string
	// SignIn configures the page's sign-in through Deps.OIDC.
	SignIn SignInConfig
	// TrustedProxies are the reverse proxies in front of plume (empty:
	// none): a request from one of them is counted, for failed logins, at
	// the address it gives in X-Forwarded-For rather than at its own.
	TrustedProxies []*net.IPNet
	// SharedLimits keeps the per-key and failed-login buckets in the
	// database, shared by every process serving it (required with a
	// replica: it also records each key's last write).
	SharedLimits bool
	// ShutdownTimeout is how long Start waits for in-flight requests and
	// streams after its context ends before cutting them (default 30 s).
	ShutdownTimeout time.Duration
	// StreamKeepAlive is how often a streamed draft sends a comment while
	// no event has gone for that long (default 15 s), so that a proxy
	// cutting idle connections (nginx's 60 s) does not cut a stream whose
	// model is slow to start.
	StreamKeepAlive time.Duration
}

// DefaultConfig returns the configuration the zero Config stands for: every
// limit at its default. plume's settings show these defaults.
func DefaultConfig() Config { return Config{}.withDefaults() }

func (c Config) withDefaults() Config {
	if c.MaxBodyBytes <= 0 {
		c.MaxBodyBytes = 1 << 20
	}
	if c.MaxUploadBytes <= 0 {
		c.MaxUploadBytes = 32 << 20
	}
	if c.RatePerSecond == 0 {
		c.RatePerSecond = 5
	}
	if c.Burst <= 0 {
		c.Burst = 30
	}
	if c.RequestTimeout <= 0 {
		c.RequestTimeout = 2 * time.Minute
	}
	if c.ShutdownTimeout <= 0 {
		c.ShutdownTimeout = 30 * time.Second
	}
	if c.BodyTimeout <= 0 {
		c.BodyTimeout = 30 * time.Second
	}
	if c.StreamKeepAlive <= 0 {
		c.StreamKeepAlive = 15 * time.Second
	}
	c.Upload = c.Upload.withDefaults()
	c.FailedLogins = c.FailedLogins.withDefaults()
	c.SignIn = c.SignIn.withDefaults()
	return c
}

// Deps are the services the API exposes.
type Deps struct {
	Store    *store.Store
	Searcher *rag.Searcher
	Drafter  *rag.Drafter
	// Embedder embeds uploaded documents; it must be the searcher's.
	Embedder llm.Embedder
	// Redaction is the policy of /v1/redact, of validated answers and of
	// admins' reasons (default: the searcher's, which redacts searches).
	Redaction redact.Policy
	Log       *slog.Logger
	// Now is the clock (default time.Now).
	Now func() time.Time
	// Web serves the page for agents and admins at every path outside the
	// API (api/web.Handler()); nil serves the API alone.
	Web http.Handler
	// OIDC, when set, signs agents in to the page through an OpenID
	// Connect provider (/auth/login); nil: API keys only.
	OIDC *auth.Provider
	// Replica, when set, takes searches, statistics and listings.
	Replica *ReadReplica
}

// Server is plume's HTTP API. It is an http.Handler.
type Server struct {
	cfg     Config
	deps    Deps
	log     *slog.Logger
	echo    *echo.Echo
	metrics *serverMetrics
	limiter *limiter
	uploads *uploadGate
	logins  *loginGuard
	// starts counts the sign-ins each address starts (signInStarts).
	starts *loginGuard
	// known holds the credentials a throttled address may still use.
	known *knownCredentials
	// params are the query parameters each route declares.
	params queryParams

	replicaMetrics *replicaMetrics
}

// New returns the API server over deps.
func New(cfg Config, deps Deps) (*Server, error) {
	if deps.Store == nil || deps.Searcher == nil || deps.Drafter == nil || deps.Embedder == nil {
		return nil, errors.New("api: store, searcher, drafter and embedder are required")
	}
	if deps.Replica != nil && !cfg.SharedLimits {
		return nil, errors.New("api: a replica needs SharedLimits, which record each key's last write")
	}
	if deps.Log == nil {
		deps.Log = slog.New(slog.DiscardHandler)
	}
	if deps.Now == nil {
		deps.Now = time.Now
	}
	if deps.Redaction == nil {
		deps.Redaction = deps.Searcher.Policy()
	}
	cfg = cfg.withDefaults()
	s := &Server{cfg: cfg, deps: deps, log: deps.Log, metrics: newServerMetrics(deps.Store.Pool()),
		limiter: newLimiter(cfg.RatePerSecond, cfg.Burst, deps.Now), uploads: newUploadGate(cfg.Upload.PerKey),
		logins: newLoginGuard(cfg.FailedLogins), starts: newLoginGuard(signInStarts),
		known: newKnownCredentials(deps.Store.CredentialHashes)}
	params, err := declaredParams(openapiDocument)
	if err != nil {
		return nil, err
	}
	s.params = params
	s.replicaMetrics = newReplicaMetrics(s.metrics.reg, deps.Replica)
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.HTTPErrorHandler = s.handleError
	e.IPExtractor = clientIPExtractor(cfg.TrustedProxies)
	e.Use(s.requestID, s.observe, s.trace, s.recoverPanic, s.timeout, s.checkParams)
	s.routes(e)
	s.echo = e
	return s, nil
}

// routes registers every route. The OpenAPI document lists the same ones
// (a test checks it).
func (s *Server) routes(e *echo.Echo) {
	e.GET("/healthz", s.healthz)
	e.GET("/readyz", s.readyz)
	e.GET("/metrics", s.metricsHandler)
	e.GET("/v1/openapi.json", s.openapi)

	// Middleware is given per route rather than per group: echo's groups
	// answer 404 instead of 405 for a known path with a wrong method.
	// The audit step comes before the role checks, so that a refused
	// request (403) is written to the audit log too.
	agent := []echo.MiddlewareFunc{s.authenticate, s.rateLimit, s.auditRefused}
	admin := []echo.MiddlewareFunc{s.authenticate, s.rateLimit, s.audit, s.requireAdmin}
	e.GET("/v1/me", s.me, agent...)
	e.POST("/v1/drafts", s.createDraft, agent...)
	e.GET("/v1/drafts", s.listDrafts, agent...)
	e.GET("/v1/drafts/:id", s.getDraft, agent...)
	e.POST("/v1/drafts/:id/feedback", s.feedback, agent...)
	e.POST("/v1/redact", s.redact, agent...)
	e.POST("/v1/triage", s.triage, agent...)
	e.GET("/v1/search", s.search, agent...)

	e.POST("/v1/documents", s.createDocument, admin...)
	e.GET("/v1/documents", s.listDocuments, admin...)
	e.GET("/v1/documents/:id", s.getDocument, admin...)
	e.PUT("/v1/documents/:id", s.updateDocument, admin...)
	e.DELETE("/v1/documents/:id", s.deleteDocument, admin...)
	e.PUT("/v1/documents/:id/status", s.setDocumentStatus, admin...)
	e.GET("/v1/stats", s.stats, admin...)

	// Sign-in of the page's agents, and their management.
	e.GET("/auth/config", s.signInConfig)
	e.GET("/auth/login", s.login)
	e.GET("/auth/callback", s.callback)
	e.POST("/auth/logout", s.logout)
	// Administrators manage the agents, keys and assignment rules of
	// their scope (every service, or their own) and read its audit log.
	e.GET("/v1/agents", s.listAgents, admin...)
	e.PUT("/v1/agents/:id", s.setAgentAccess, admin...)
	e.GET("/v1/keys", s.listKeys, admin...)
	e.POST("/v1/keys", s.createKey, admin...)
	e.DELETE("/v1/keys/:id", s.revokeKey, admin...)
	e.GET("/v1/rules", s.listRules, admin...)
	e.POST("/v1/rules", s.createRule, admin...)
	e.DELETE("/v1/rules/:id", s.deleteRule, admin...)
	e.GET("/v1/audit", s.auditLog, admin...)
	reviewer := []echo.MiddlewareFunc{s.authenticate, s.rateLimit, s.audit, s.requireReviewer}
	e.GET("/v1/answers", s.listAnswers, reviewer...)
	e.POST("/v1/answers", s.createAnswer, reviewer...)
	e.GET("/v1/answers/:id", s.getAnswer, reviewer...)
	e.PUT("/v1/answers/:id", s.updateAnswer, reviewer...)
	e.PUT("/v1/answers/:id/status", s.setAnswerStatus, reviewer...)
	e.GET("/v1/curation", s.curation, admin...)
	e.GET("/v1/curation/export", s.curationExport, admin...)
	e.POST("/v1/curation/close", s.closeItem, admin...)
	e.POST("/v1/curation/reopen", s.reopenItem, admin...)
}

// ServeHTTP serves one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.deps.Web != nil && !isAPIPath(r.URL.Path) {
		s.deps.Web.ServeHTTP(w, r)
		return
	}
	s.echo.ServeHTTP(w, r)
}

// isAPIPath reports whether path belongs to the API rather than to the
// page, repeated slashes read as one (« //v1/me » is the API's, and gets
// its JSON 404).
func isAPIPath(path string) bool {
	path = "/" + strings.TrimLeft(path, "/")
	switch path {
	case "/v1", "/healthz", "/readyz", "/metrics":
		return true
	}
	return strings.HasPrefix(path, "/v1/") || strings.HasPrefix(path, "/auth/")
}

// Start listens on cfg.Addr and serves until ctx ends, then shuts down
// gracefully: it stops accepting connections, lets in-flight requests and
// streams finish for up to ShutdownTimeout, then cancels what is left
// (streams end with an error event) and closes.
func (s *Server) Start(ctx context.Context) error {
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", s.cfg.Addr, err)
	}
	if s.cfg.MetricsAddr != "" {
		mln, err := net.Listen("tcp", s.cfg.MetricsAddr)
		if err != nil {
			ln.Close()
			return fmt.Errorf("listen on %s for metrics: %w", s.cfg.MetricsAddr, err)
		}
		msrv := &http.Server{Handler: s.MetricsHandler(), ReadHeaderTimeout: 10 * time.Second}
		go msrv.Serve(mln) //nolint:errcheck // ends with Close
		defer msrv.Close()
		s.log.Info("serving metrics", "addr", mln.Addr().String())
	} else if s.cfg.MetricsToken == "" {
		s.log.Warn("/metrics is public: set PLUME_METRICS_TOKEN or PLUME_METRICS_ADDR")
	}
	return s.Serve(ctx, ln)
}

// uploadReadTimeout bounds the reading of a whole request, headers and
// body: it is what bounds an upload (a JSON body is bounded sooner, by
// Config.BodyTimeout).
const uploadReadTimeout = 2 * time.Minute

// cutWait bounds the wait, once the grace is over and the requests'
// contexts are cancelled, for the cancelled streams to send their last
// event before the connections are closed.
const cutWait = 2 * time.Second

// Serve is Start on an existing listener.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	base, cancelBase := context.WithCancelCause(context.WithoutCancel(ctx))
	defer cancelBase(nil)
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       uploadReadTimeout,
		IdleTimeout:       2 * time.Minute,
		BaseContext:       func(net.Listener) context.Context { return base },
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	s.log.Info("serving", "addr", ln.Addr().String())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	s.log.Info("shutting down", "grace", s.cfg.ShutdownTimeout.String())
	sctx, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownTimeout)
	defer cancel()
	err := srv.Shutdown(sctx)
	if err != nil {
		// Out of patience: end the streams through their contexts, wait
		// (at most cutWait: a loaded machine may need more than a moment)
		// for them to send their last event and return, then close.
		cancelBase(errShutdownCut)
		wctx, wcancel := context.WithTimeout(context.Background(), cutWait)
		_ = srv.Shutdown(wctx) // the listener is closed already; this waits for the handlers
		wcancel()
		_ = srv.Close()
		s.log.Warn("shutdown cut in-flight requests", "err", err)
	}
	if serr := <-errc; serr != nil && !errors.Is(serr, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", serr)
	}
	s.log.Info("stopped")
	return nil
}

// Routes lists the registered routes as "METHOD /path" with OpenAPI-style
// parameters ("/v1/drafts/{id}").
func (s *Server) Routes() []string {
	var out []string
	for _, r := range s.echo.Routes() {
		if r.Method == echo.RouteNotFound {
			continue
		}
		out = append(out, r.Method+" "+openapiPath(r.Path))
	}
	return out
}
