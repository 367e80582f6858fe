package api

import (
	"context"
	"crypto/subtle"
	_ "embed"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/plume-sp/plume/store"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

//go:embed openapi.json
var openapiDocument []byte

func (s *Server) healthz(c echo.Context) error {
	return c.JSON(http.StatusOK, map[string]string{"status": "ok"})
}

// readyz answers 200 when the database answers and its schema is current.
func (s *Server) readyz(c echo.Context) error {
	ctx, cancel := context.WithTimeout(c.Request().Context(), 2*time.Second)
	defer cancel()
	if err := s.deps.Store.Ping(ctx); err != nil {
		return &Error{Status: http.StatusServiceUnavailable, Code: "not_ready", Message: "the database does not answer", Err: err}
	}
	pending, err := s.deps.Store.PendingMigrations(ctx)
	if err != nil {
		return &Error{Status: http.StatusServiceUnavailable, Code: "not_ready", Message: "the database does not answer", Err: err}
	}
	if pending > 0 {
		return errorf(http.StatusServiceUnavailable, "not_ready", "%d migrations are pending: run plume migrate", pending)
	}
	return c.JSON(http.StatusOK, map[string]string{"status": "ready"})
}

// metricsHandler serves the metrics on the API's address, unless they have
// an address of their own; with a metrics token, only to its bearer.
func (s *Server) metricsHandler(c echo.Context) error {
	if s.cfg.MetricsAddr != "" {
		return errorf(http.StatusNotFound, "not_found", "no such route")
	}
	if s.cfg.MetricsToken != "" {
		_, token, _ := strings.Cut(c.Request().Header.Get("Authorization"), " ")
		if subtle.ConstantTimeCompare([]byte(strings.TrimSpace(token)), []byte(s.cfg.MetricsToken)) != 1 {
			c.Response().Header().Set("WWW-Authenticate", `Bearer realm="plume metrics"`)
			return errorf(http.StatusUnauthorized, "unauthenticated", "the metrics token is required: Authorization: Bearer …")
		}
	}
	s.metricsHTTP().ServeHTTP(c.Response(), c.Request())
	return nil
}

// metricsHTTP is client_golang's handler of the server's registry; its
// errors go to the log.
func (s *Server) metricsHTTP() http.Handler {
	return promhttp.HandlerFor(s.metrics.reg.reg, promhttp.HandlerOpts{
		ErrorLog: slog.NewLogLogger(s.log.Handler(), slog.LevelWarn), ErrorHandling: promhttp.ContinueOnError})
}

// MetricsHandler serves the metrics alone, for Config.MetricsAddr: that
// address is meant to be reachable by the monitoring only.
func (s *Server) MetricsHandler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", s.metricsHTTP())
	return mux
}

func (s *Server) openapi(c echo.Context) error {
	return c.Blob(http.StatusOK, echo.MIMEApplicationJSON, openapiDocument)
}

// stats returns the drafting statistics of the last days (default 30):
// a service's admin sees its service's, a global admin all or one service's.
func (s *Server) stats(c echo.Context) error {
	days, err := queryInt(c, "days", 30, 1, 366)
	if err != nil {
		return err
	}
	key := keyOf(c)
	now := s.deps.Now()
	f := store.StatsFilter{Since: now.Add(-time.Duration(days) * 24 * time.Hour), Until: now.Add(time.Minute)}
	if f.Service, f.ServiceSet, err = s.serviceParam(c); err != nil {
		return err
	}
	if key.Service != "" {
		if f.ServiceSet && f.Service != key.Service {
			return errorf(http.StatusForbidden, "forbidden", "this key is for the service %q", key.Service)
		}
		f.Service, f.ServiceSet = key.Service, true
	}
	st, err := readWith(c, s, true, func(ctx context.Context, rd reads) (store.Stats, error) { return rd.store.Stats(ctx, f) })
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, statsResponse{Since: f.Since, Until: now, Stats: st})
}

type statsResponse struct {
	Since time.Time `json:"since"`
	Until time.Time `json:"until"`
	store.Stats
}
