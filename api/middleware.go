package api

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"regexp"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"
)

// Keys of values kept on the echo context.
const (
	ctxRequestIDKey = "plume.request_id"
	ctxKeyKey       = "plume.api_key"
	ctxErrorKey     = "plume.error"
)

// requestIDHeader carries the request id, in both directions.
const requestIDHeader = "X-Request-Id"

// validRequestID accepts ids given by a proxy in front of plume; anything
// else is replaced, so that logs never receive arbitrary client text.
var validRequestID = regexp.MustCompile(`^[A-Za-z0-9._-]{8,64}$`)

// requestID gives each request an id, echoed in the response and the logs.
func (s *Server) requestID(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		id := c.Request().Header.Get(requestIDHeader)
		if !validRequestID.MatchString(id) {
			var b [12]byte
			_, _ = rand.Read(b[:])
			id = hex.EncodeToString(b[:])
		}
		c.Set(ctxRequestIDKey, id)
		c.Response().Header().Set(requestIDHeader, id)
		return next(c)
	}
}

// observe logs one line per request and records its latency. The line holds
// the route pattern (never the URL, whose query may hold personal data),
// the status, the latency, the key id and the request id: never a body.
func (s *Server) observe(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		reqCtx := c.Request().Context()
		err := next(c)
		if err != nil {
			c.Error(err)
		}
		latency := time.Since(start)
		route := c.Path()
		if route == "" || route == "/*" {
			route = "unmatched"
		}
		status := c.Response().Status
		gone := (err != nil || errorOf(c) != nil) && clientGone(reqCtx) && !stalled(errorOf(c))
		if gone {
			// The status sent, if any, reached no one: say so rather than
			// log the 200 of a stream or the 503 of an interruption.
			status = statusClientGone
		}
		method := c.Request().Method
		if !knownMethods[method] {
			method = "other" // clients choose methods: keep the labels few
		}
		s.metrics.reg.observe(s.metrics.requests, latency.Seconds(), route, method, strconv.Itoa(status))
		attrs := []slog.Attr{
			slog.String("method", method), slog.String("route", route), slog.Int("status", status),
			slog.Float64("latency_ms", float64(latency.Microseconds())/1000),
			slog.String("request_id", requestIDOf(c)),
		}
		if k, ok := c.Get(ctxKeyKey).(*keyInfo); ok {
			attrs = append(attrs, slog.Int64("key_id", k.ID))
		}
		level := slog.LevelInfo
		if gone {
			attrs = append(attrs, slog.String("code", "client_gone"))
		} else if e := errorOf(c); e != nil {
			attrs = append(attrs, slog.String("code", e.Code))
			switch {
			case e.Code == "interrupted":
				level = slog.LevelWarn
			case e.Status >= 500:
				level = slog.LevelError
				if e.Err != nil {
					attrs = append(attrs, slog.String("err", e.Err.Error()))
				}
			}
		}
		s.log.LogAttrs(c.Request().Context(), level, "request", attrs...)
		return nil
	}
}

// statusClientGone is the status logged and counted for a request whose
// client left before its answer (nginx's 499), never sent.
const statusClientGone = 499

// errShutdownCut is the cause given to the requests' contexts when a
// shutdown runs out of patience: their interruption is the server's, not
// their clients'. It is context.Canceled for whoever reads the cause.
var errShutdownCut = fmt.Errorf("shutdown cut the request: %w", context.Canceled)

// clientGone reports whether the client of a request whose server context
// is ctx left: the context ended, and not by a shutdown.
func clientGone(ctx context.Context) bool {
	return ctx.Err() != nil && !errors.Is(context.Cause(ctx), errShutdownCut)
}

// knownMethods are the methods logged and counted by name.
var knownMethods = map[string]bool{
	http.MethodGet: true, http.MethodHead: true, http.MethodPost: true, http.MethodPut: true,
	http.MethodPatch: true, http.MethodDelete: true, http.MethodOptions: true,
}

// stalled reports whether e answers a client that stalled in its body: the
// server's read error ended the request's context, yet the client is
// there and gets the 408.
func stalled(e *Error) bool { return e != nil && e.Code == codeBodyTimeout }

func errorOf(c echo.Context) *Error {
	e, _ := c.Get(ctxErrorKey).(*Error)
	return e
}

func requestIDOf(c echo.Context) string {
	id, _ := c.Get(ctxRequestIDKey).(string)
	return id
}

// recoverPanic turns a handler's panic into a 500; the panic value is
// logged by observe as the error, never sent.
func (s *Server) recoverPanic(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) (err error) {
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				// The stack names functions and lines, never a request's data.
				s.log.Error("panic", "request_id", c.Response().Header().Get(echo.HeaderXRequestID),
					"stack", string(debug.Stack()))
				err = &Error{Status: http.StatusInternalServerError, Code: "internal", Message: "internal error",
					Err: fmt.Errorf("panic: %v", p)}
			}
		}()
		return next(c)
	}
}

// timeout bounds each request's work, streams included.
func (s *Server) timeout(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		ctx, cancel := context.WithTimeout(c.Request().Context(), s.cfg.RequestTimeout)
		defer cancel()
		c.SetRequest(c.Request().WithContext(ctx))
		return next(c)
	}
}
