package api

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/plume-sp/plume/fold"
	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/redact"
	"github.com/plume-sp/plume/telemetry"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

// redactRequest is the body of POST /v1/redact.
type redactRequest struct {
	Text string `json:"text"`
}

// redact masks the personal data of a text. Entities carry offsets and
// placeholders, never the values. The text is what a draft's question may
// be: not blank (400 invalid_request; a null body too), at most the
// drafts' limit (413 text_too_long), so that what an agent checks here is
// what a draft would accept.
func (s *Server) redact(c echo.Context) error {
	var body redactRequest
	if err := s.decodeJSON(c, &body); err != nil {
		return err
	}
	if strings.TrimFunc(body.Text, fold.Blank) == "" {
		return errorf(http.StatusBadRequest, "invalid_request", "text is required and must not be blank")
	}
	if limit := s.deps.Drafter.MaxQuestionBytes(); len(body.Text) > limit {
		return errorf(http.StatusRequestEntityTooLarge, "text_too_long", "text is %d bytes long, over %d", len(body.Text), limit)
	}
	res, err := redact.Redact(c.Request().Context(), body.Text, s.deps.Redaction)
	if err != nil {
		return err
	}
	for _, e := range res.Entities {
		s.metrics.reg.inc(s.metrics.redactions, 1, string(e.Type))
	}
	if res.Entities == nil {
		res.Entities = []redact.Entity{}
	}
	return c.JSON(http.StatusOK, res)
}

// searchResponse is a search's answer, with the query as it was searched
// (redacted).
type searchResponse struct {
	Query string `json:"query"`
	rag.Results
}

// search runs a hybrid search. The query is redacted first, by the
// searcher's RedactQuery: only redacted text reaches the embedding model.
func (s *Server) search(c echo.Context) error {
	q := strings.TrimSpace(c.QueryParam("q"))
	if q == "" {
		return errorf(http.StatusBadRequest, "invalid_request", "q is required")
	}
	if limit := s.deps.Drafter.MaxQuestionBytes(); len(q) > limit {
		return errorf(http.StatusRequestEntityTooLarge, "question_too_long", "q is over %d bytes", limit)
	}
	if !hasWord(q) {
		return errNoWords("q")
	}
	k, err := queryInt(c, "k", 5, 1, 50)
	if err != nil {
		return err
	}
	services, err := keyOf(c).retrievalServices(c.QueryParam("service"))
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	// As a draft's: an unknown service or audience is 400, not a search
	// that finds nothing.
	if err := s.checkVocabulary(ctx, keyOf(c), c.QueryParam("service"), queryList(c, "audience")); err != nil {
		return err
	}
	text, red, err := s.deps.Searcher.RedactQuery(ctx, q)
	if err != nil {
		return err
	}
	for _, e := range red.Entities {
		s.metrics.reg.inc(s.metrics.redactions, 1, string(e.Type))
	}
	start := time.Now()
	query := rag.Query{Text: text, K: k, Audience: queryList(c, "audience"), Services: services}
	_, span := otel.Tracer(telemetry.TracerName).Start(ctx, "search", trace.WithAttributes(
		attribute.Int("plume.k", k), attribute.Int("plume.services", len(services))))
	// An admin's own writes may be documents the search must find.
	res, err := readWith(c, s, keyOf(c).admin(), func(readCtx context.Context, rd reads) (rag.Results, error) {
		return rd.searcher.Search(trace.ContextWithSpan(readCtx, span), query)
	})
	span.SetAttributes(attribute.Int("plume.results", len(res.Results)), attribute.Bool("plume.reliable", res.Reliable))
	span.End()
	if err != nil {
		return err
	}
	s.metrics.reg.observe(s.metrics.search, time.Since(start).Seconds(), "search")
	if res.Results == nil {
		res.Results = []rag.Result{}
	}
	return c.JSON(http.StatusOK, searchResponse{Query: red.Text.String(), Results: res})
}
