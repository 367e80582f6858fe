package api

import (
	"github.com/labstack/echo/v4"
	"github.com/plume-sp/plume/telemetry"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/trace"
)

// trace makes each request a span (a child of the caller's, given by a
// traceparent header), named by its route pattern. Its attributes are the
// method, the route, the status, the request id and the key id: never the
// URL (its query may hold personal data), a header or a body. Without a
// tracer provider (OTEL_* unset) it costs next to nothing.
func (s *Server) trace(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		r := c.Request()
		ctx := otel.GetTextMapPropagator().Extract(r.Context(), propagation.HeaderCarrier(r.Header))
		method := r.Method
		if !knownMethods[method] {
			method = "other"
		}
		ctx, span := otel.Tracer(telemetry.TracerName).Start(ctx, method+" "+routeOf(c),
			trace.WithSpanKind(trace.SpanKindServer),
			trace.WithAttributes(attribute.String("http.request.method", method), attribute.String("http.route", routeOf(c))))
		defer span.End()
		c.SetRequest(r.WithContext(ctx))
		err := next(c)
		status := c.Response().Status
		if err != nil {
			status = errorResponse(err).Status
		}
		span.SetAttributes(attribute.Int("http.response.status_code", status), attribute.String("plume.request_id", requestIDOf(c)))
		if k, ok := c.Get(ctxKeyKey).(*keyInfo); ok {
			span.SetAttributes(attribute.Int64("plume.key_id", k.ID))
		}
		if status >= 500 {
			span.SetStatus(codes.Error, "server error")
		}
		return err
	}
}

// routeOf is the route's pattern, or "unmatched".
func routeOf(c echo.Context) string {
	if route := c.Path(); route != "" && route != "/*" {
		return route
	}
	return "unmatched"
}
