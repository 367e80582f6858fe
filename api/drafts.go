package api

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/triage"
)

// draftRequest is the body of POST /v1/drafts.
type draftRequest struct {
	Question string   `json:"question"`
	Channel  string   `json:"channel"`
	Service  string   `json:"service"`
	Audience []string `json:"audience"`
	// Note is an optional instruction from the agent.
	Note string `json:"note"`
}

// createDraft writes a draft, as JSON or, with Accept: text/event-stream,
// as server-sent events: "delta" events with text to append and "replace"
// events with text to show instead of everything so far (both checked and
// restored, sentence by sentence: never raw model output), then one "draft"
// event with the checked, restored draft (the same object as the JSON
// answer, whose text the deltas end with), or one "error" event.
func (s *Server) createDraft(c echo.Context) error {
	var body draftRequest
	if err := s.decodeJSON(c, &body); err != nil {
		return err
	}
	// The service as checked is the one stored and put in the prompt.
	body.Service = strings.TrimSpace(body.Service)
	key := keyOf(c)
	services, err := key.retrievalServices(body.Service)
	if err != nil {
		return err
	}
	if !store.ValidService(body.Service) {
		return errorf(http.StatusBadRequest, "unknown_service", "unknown service: a service is a short lower-case name such as caf")
	}
	service := body.Service
	if key.Service != "" {
		service = key.Service
	}
	// An audience typed in NFD is the vocabulary's, stored in NFC.
	body.Audience = store.NFCLabels(body.Audience)
	// The drafter's validation (question, note, channel) is the one, with
	// its one limit; it comes before a stream starts.
	req, err := s.deps.Drafter.Validate(c.Request().Context(), rag.Request{Question: strings.TrimSpace(body.Question), Channel: body.Channel,
		Service: service, Services: services, Audience: body.Audience, AgentNote: body.Note, APIKeyID: &key.ID})
	if err != nil {
		return err
	}
	if err := s.checkVocabulary(c.Request().Context(), key, body.Service, body.Audience); err != nil {
		return err
	}
	if !wantsEventStream(c.Request()) {
		// Retrieval may use the replica; the draft is saved on the primary.
		d, err := readWith(c, s, false, func(ctx context.Context, rd reads) (rag.Draft, error) { return rd.drafter.Draft(ctx, req) })
		if err != nil {
			return err
		}
		s.recordDraft(d)
		return c.JSON(http.StatusOK, d)
	}
	return s.streamDraft(c, req)
}

// maxAudiences bounds the audiences of a draft request.
const maxAudiences = 3

// checkVocabulary refuses a service or an audience that does not exist:
// the service line goes into the prompt and both are stored, so they must
// never carry free text. A service's key drafts for its own service, and
// names (and is told of) only the audiences of the documents it searches.
func (s *Server) checkVocabulary(ctx context.Context, key *keyInfo, service string, audience []string) error {
	service = strings.TrimSpace(service)
	if (service == "" || key.Service != "") && len(audience) == 0 {
		return nil
	}
	if len(audience) > maxAudiences {
		return errorf(http.StatusBadRequest, "unknown_audience", "at most %d audiences", maxAudiences)
	}
	var scope []string // a service's key sees its own and the shared documents' audiences
	if key.Service != "" {
		scope = []string{key.Service, ""}
	}
	v, err := s.deps.Store.Vocabulary(ctx, scope)
	if err != nil {
		return err
	}
	if service != "" && key.Service == "" && !slices.Contains(v.Services, service) {
		return errorf(http.StatusBadRequest, "unknown_service", "unknown service (want one of %s)", serverText(strings.Join(v.Services, ", ")))
	}
	for _, a := range audience {
		if !slices.Contains(v.Audiences, a) {
			return errorf(http.StatusBadRequest, "unknown_audience", "unknown audience (want some of %s)", serverText(strings.Join(v.Audiences, ", ")))
		}
	}
	return nil
}

// wantsEventStream reports whether the client asked for server-sent events:
// Accept names text/event-stream with a weight above 0 (q=0 means "not
// this") and at least that of application/json, when it names that too.
func wantsEventStream(r *http.Request) bool {
	sse, json := -1.0, -1.0
	for _, part := range strings.Split(r.Header.Get("Accept"), ",") {
		mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		q := 1.0
		if v, ok := params["q"]; ok {
			if q, err = strconv.ParseFloat(v, 64); err != nil || q < 0 || q > 1 {
				continue
			}
		}
		switch mt {
		case "text/event-stream":
			sse = max(sse, q)
		case "application/json":
			json = max(json, q)
		}
	}
	return sse > 0 && sse >= json
}

// deltaEvent is the data of a "delta" or "replace" event.
type deltaEvent struct {
	Text string `json:"text"`
}

func (s *Server) streamDraft(c echo.Context, req rag.ValidRequest) error {
	w := c.Response()
	w.Header().Set(echo.HeaderContentType, "text/event-stream; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	w.Flush()
	ev := &eventWriter{w: w}
	defer ev.keepAlive(s.cfg.StreamKeepAlive)()
	sent, last := false, error(nil)
	// Retrieval may use the replica: a replica lost before any text was
	// sent is retried on the primary (readWith); after, the error stands.
	d, err := readWith(c, s, false, func(ctx context.Context, rd reads) (rag.Draft, error) {
		if sent {
			return rag.Draft{}, last
		}
		var d rag.Draft
		d, last = rd.drafter.DraftStream(ctx, req, func(e rag.StreamEvent) error {
			sent = true
			if e.Replace {
				return ev.event("replace", deltaEvent{Text: e.Text})
			}
			return ev.event("delta", deltaEvent{Text: e.Text})
		})
		return d, last
	})
	if err != nil {
		// The status is already sent: the error goes in an event, mapped
		// as the JSON error would be, and is logged by observe.
		e := errorResponse(err)
		c.Set(ctxErrorKey, e)
		_ = ev.event("error", errorBody{Error: errorDetail{Code: e.Code, Message: e.Message}})
		return nil
	}
	s.recordDraft(d)
	return ev.event("draft", d)
}

// eventWriter writes a stream's server-sent events, and its keep-alive
// comments, one at a time.
type eventWriter struct {
	mu   sync.Mutex
	w    *echo.Response
	last time.Time
}

// event writes one server-sent event and flushes it.
func (e *eventWriter) event(name string, v any) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.last = time.Now()
	return writeEvent(e.w, name, v)
}

// keepAlive writes a comment (": keep-alive") whenever no event or comment
// has gone for every; it returns the function that stops it.
func (e *eventWriter) keepAlive(every time.Duration) (stop func()) {
	e.mu.Lock()
	e.last = time.Now()
	e.mu.Unlock()
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(max(every/3, time.Millisecond))
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case now := <-t.C:
				e.comment(now, every)
			}
		}
	}()
	return func() { close(done); <-finished }
}

// comment writes a keep-alive comment if nothing went for every before now.
func (e *eventWriter) comment(now time.Time, every time.Duration) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if now.Sub(e.last) < every {
		return
	}
	e.last = now
	if _, err := io.WriteString(e.w, ": keep-alive\n\n"); err == nil {
		e.w.Flush()
	}
}

// writeEvent writes one server-sent event and flushes it.
func writeEvent(w *echo.Response, event string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %s event: %w", event, err)
	}
	if _, err := fmt.Fprintf(w, "event: %s\ndata: %s\n\n", event, data); err != nil {
		return fmt.Errorf("write %s event: %w", event, err)
	}
	w.Flush()
	return nil
}

// recordDraft feeds a draft's figures to the metrics.
func (s *Server) recordDraft(d rag.Draft) {
	m := s.metrics
	kind := "model"
	if d.Extractive {
		kind = "extractive"
	}
	m.reg.inc(m.drafts, 1, d.Channel, kind)
	for name, ms := range d.Timings {
		stage, ok := strings.CutSuffix(name, "_ms")
		if ok && stage != "total" {
			m.reg.observe(m.stages, ms/1000, stage)
		}
		if name == "search_ms" {
			m.reg.observe(m.search, ms/1000, "draft")
		}
	}
	m.reg.inc(m.tokens, float64(d.Tokens.Prompt), "prompt")
	m.reg.inc(m.tokens, float64(d.Tokens.Completion), "completion")
	for _, w := range d.Warnings {
		if w.Code == rag.WarnModelFailed || w.Code == rag.WarnPromptLeak {
			m.reg.inc(m.modelErrors, 1, w.Code)
		}
	}
	for _, r := range d.Redactions {
		m.reg.inc(m.redactions, 1, r.Type)
	}
}

// storedDraft is a draft as GET /v1/drafts/{id} returns it: redacted, since
// the placeholders' values are never stored.
type storedDraft struct {
	ID            string             `json:"id"`
	CreatedAt     time.Time          `json:"created_at"`
	Channel       string             `json:"channel"`
	Service       string             `json:"service"`
	Audience      []string           `json:"audience"`
	Question      string             `json:"question"`
	Draft         string             `json:"draft"`
	Citations     json.RawMessage    `json:"citations"`
	Warnings      []string           `json:"warnings"`
	Extractive    bool               `json:"extractive"`
	Reliable      bool               `json:"reliable"`
	Model         string             `json:"model"`
	PromptVersion string             `json:"prompt_version"`
	Timings       map[string]float64 `json:"timings"`
	Tokens        rag.Tokens         `json:"tokens"`
	Redactions    map[string]int     `json:"redactions"`
	// Attention is the triage of the message (codes and offsets only).
	Attention storedAttention `json:"attention"`
}

// storedAttention is a stored draft's triage.
type storedAttention struct {
	Level   string          `json:"level"`
	Reasons json.RawMessage `json:"reasons"`
}

// loadOwnDraft returns the draft named in the path if the caller may see
// it: the key that asked for it, or an administrator of its service.
func (s *Server) loadOwnDraft(c echo.Context) (store.Draft, error) {
	d, err := s.deps.Store.GetDraft(c.Request().Context(), c.Param("id"))
	if err != nil {
		return store.Draft{}, err
	}
	if err := mayReadDraft(c, d); err != nil {
		return store.Draft{}, err
	}
	return d, nil
}

// mayReadDraft refuses, as missing (hidden: 404, audited for d's
// service), a draft the caller may not read: only the key that asked for
// it, or an administrator of its service, reads it.
func mayReadDraft(c echo.Context, d store.Draft) error {
	k := keyOf(c)
	if own := d.APIKeyID != nil && *d.APIKeyID == k.ID; !own && !k.curates(d.Service) {
		return hidden(d.Service)
	}
	return nil
}

func (s *Server) getDraft(c echo.Context) error {
	d, err := s.loadOwnDraft(c)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, storedDraft{ID: d.ID, CreatedAt: d.CreatedAt, Channel: d.Channel, Service: d.Service,
		Audience: nonNil(d.Audience), Question: d.Question.String(), Draft: d.Draft, Citations: d.Sources, Warnings: nonNil(d.Warnings),
		Extractive: d.Extractive, Reliable: d.Reliable, Model: d.Model, PromptVersion: d.PromptVersion, Timings: d.Timings,
		Tokens: rag.Tokens{Prompt: d.PromptTokens, Completion: d.CompletionTokens}, Redactions: d.RedactionCounts,
		Attention: storedAttention{Level: d.AttentionLevel, Reasons: withSource(d.AttentionReasons)}})
}

// withSource returns stored triage reasons, those stored before reasons
// said which text they point into given the question's: the note was not
// triaged then.
func withSource(raw json.RawMessage) json.RawMessage {
	var reasons []triage.Reason
	if err := json.Unmarshal(raw, &reasons); err != nil || !slices.ContainsFunc(reasons, func(r triage.Reason) bool { return r.Source == "" }) {
		return raw
	}
	for i := range reasons {
		if reasons[i].Source == "" {
			reasons[i].Source = triage.SourceQuestion
		}
	}
	out, err := json.Marshal(reasons)
	if err != nil {
		return raw
	}
	return out
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// draftSummaryJSON is a draft in the list of recent drafts.
type draftSummaryJSON struct {
	ID         string    `json:"id"`
	CreatedAt  time.Time `json:"created_at"`
	Channel    string    `json:"channel"`
	Service    string    `json:"service"`
	APIKeyID   *int64    `json:"api_key_id"`
	Extractive bool      `json:"extractive"`
	Reliable   bool      `json:"reliable"`
	Warnings   []string  `json:"warnings"`
	Excerpt    string    `json:"excerpt"`
	// AttentionLevel is the triage level of the message.
	AttentionLevel string `json:"attention_level"`
}

type draftListResponse struct {
	Drafts []draftSummaryJSON `json:"drafts"`
	Total  int64              `json:"total"`
	Limit  int                `json:"limit"`
	Offset int                `json:"offset"`
}

// listDrafts returns the calling key's drafts, newest first. An
// administrator may ask for another key's (api_key_id) or, with all=true,
// for every draft it may open: those of its service, or all for a global
// administrator.
func (s *Server) listDrafts(c echo.Context) error {
	limit, offset, err := pageParams(c, 20, 100)
	if err != nil {
		return err
	}
	key := keyOf(c)
	all := false
	switch v := c.QueryParam("all"); v {
	case "", "false":
	case "true":
		all = true
	default:
		return errorf(http.StatusBadRequest, "invalid_request", "all must be true or false")
	}
	owner := &key.ID
	if v := c.QueryParam("api_key_id"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			return errorf(http.StatusBadRequest, "invalid_request", "api_key_id must be a positive integer")
		}
		owner = &id
	}
	if all {
		if c.QueryParam("api_key_id") != "" {
			return errorf(http.StatusBadRequest, "invalid_request", "give api_key_id or all=true, not both")
		}
		owner = nil
	}
	level, err := attentionLevel(c)
	if err != nil {
		return err
	}
	f := store.DraftFilter{APIKeyID: owner, Limit: limit, Offset: offset, AttentionLevel: level}
	if owner == nil || *owner != key.ID {
		if !key.admin() {
			return errorf(http.StatusForbidden, "forbidden", "an agent sees its own drafts only")
		}
		if key.Service != "" {
			f.Service, f.ServiceSet = key.Service, true
		}
	}
	page, err := readWith(c, s, true, func(ctx context.Context, rd reads) (store.DraftPage, error) {
		return rd.store.ListDrafts(ctx, f)
	})
	if err != nil {
		return err
	}
	out := draftListResponse{Drafts: make([]draftSummaryJSON, len(page.Drafts)), Total: page.Total, Limit: limit, Offset: offset}
	for i, d := range page.Drafts {
		out.Drafts[i] = draftSummaryJSON{ID: d.ID, CreatedAt: d.CreatedAt, Channel: d.Channel, Service: d.Service,
			APIKeyID: d.APIKeyID, Extractive: d.Extractive, Reliable: d.Reliable, Warnings: nonNil(d.Warnings), Excerpt: d.Excerpt,
			AttentionLevel: d.AttentionLevel}
	}
	return c.JSON(http.StatusOK, out)
}

// serviceParam reads the ?service= filter of an admin's read: whether it is
// given, and its value, which must be a service plume knows (its
// documents' or its keys') when a global key gives it: 400 unknown_service
// rather than an empty list for a typo. A service's key is held to its
// own service by the route's scope check (403), and "" names the shared
// documents.
func (s *Server) serviceParam(c echo.Context) (service string, given bool, err error) {
	if _, given = c.QueryParams()["service"]; !given {
		return "", false, nil
	}
	service = strings.TrimSpace(c.QueryParam("service"))
	if err := s.checkVocabulary(c.Request().Context(), keyOf(c), service, nil); err != nil {
		return "", false, err
	}
	return service, true, nil
}
