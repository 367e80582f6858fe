package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/redact"
	"github.com/plume-sp/plume/store"
)

// reviews reports whether the key may validate answers of service: an
// administrator or a reviewer, global or of that service.
func (k *keyInfo) reviews(service string) bool {
	return (k.admin() || k.Reviewer) && (k.Service == "" || k.Service == service)
}

// requireReviewer refuses keys that may not validate answers.
func (s *Server) requireReviewer(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if k := keyOf(c); !k.admin() && !k.Reviewer {
			return errorf(http.StatusForbidden, "forbidden", "this route is for administrators and reviewers")
		}
		return next(c)
	}
}

// answerJSON is a validated answer as the API shows it: redacted text.
type answerJSON struct {
	ID            int64           `json:"id"`
	Service       string          `json:"service"`
	AuthorService string          `json:"author_service"`
	Question      string          `json:"question"`
	Text          string          `json:"text"`
	Sources       json.RawMessage `json:"sources"`
	Status        string          `json:"status"`
	StatusReason  string          `json:"status_reason"`
	Version       int             `json:"version"`
	DraftID       *string         `json:"draft_id"`
	CreatedAt     time.Time       `json:"created_at"`
	UpdatedAt     time.Time       `json:"updated_at"`
	ReviewedAt    time.Time       `json:"reviewed_at"`
	// OutOfScopeSources are the sources its service no longer sees
	// (deleted, or moved to another service): to remove or replace.
	OutOfScopeSources []int64 `json:"out_of_scope_sources"`
}

func toAnswerJSON(a store.Answer) answerJSON {
	return answerJSON{ID: a.ID, Service: a.Service, AuthorService: a.AuthorService, Question: a.Question.String(),
		Text: a.Text.String(), Sources: a.Sources, Status: string(a.Status), StatusReason: a.StatusReason.String(), Version: a.Version, DraftID: a.DraftID,
		CreatedAt: a.CreatedAt, UpdatedAt: a.UpdatedAt, ReviewedAt: a.ReviewedAt, OutOfScopeSources: nonNil(a.OutOfScope)}
}

// answerRequest is the body of POST /v1/answers and PUT /v1/answers/{id}:
// a draft to promote (POST only), or a question, a text and the documents
// they rely on. Version, on PUT, is required and must be the stored one.
type answerRequest struct {
	DraftID string `json:"draft_id"`
	rag.AnswerInput
	Version *int `json:"version"`
}

func (s *Server) answers() *rag.Answers {
	return rag.NewAnswers(s.deps.Store, s.deps.Embedder, s.deps.Redaction)
}

// createAnswer promotes a draft (its question and final text, redacted)
// or stores a written answer.
func (s *Server) createAnswer(c echo.Context) error {
	var body answerRequest
	if err := s.decodeJSON(c, &body); err != nil {
		return err
	}
	if err := body.checkPost(); err != nil {
		return err
	}
	key := keyOf(c)
	if err := mayName(key, body.Service); err != nil {
		return err
	}
	var a store.Answer
	var err error
	if body.DraftID == "" {
		a, err = s.writtenAnswer(c, key, body)
	} else {
		a, err = s.promotedAnswer(c, key, body)
	}
	if err != nil {
		return err
	}
	auditCreated(c, a.ID)
	return c.JSON(http.StatusCreated, toAnswerJSON(a))
}

// writtenAnswer stores the answer body gives, question, text and sources,
// in its service if the key reviews it.
func (s *Server) writtenAnswer(c echo.Context, key *keyInfo, body answerRequest) (store.Answer, error) {
	body.Service = s.answerService(key, body.Service, "")
	if !key.reviews(body.Service) {
		return store.Answer{}, errorf(http.StatusForbidden, "forbidden", "this key may not validate answers of the service %q", body.Service)
	}
	auditService(c, body.Service, body.Service)
	return s.answers().Create(c.Request().Context(), body.AnswerInput, key.Service, &key.ID)
}

// promotedAnswer stores as an answer the draft body names, with its final
// text or body's text, if the key may read the draft and reviews its
// service and the answer's.
func (s *Server) promotedAnswer(c echo.Context, key *keyInfo, body answerRequest) (store.Answer, error) {
	ctx := c.Request().Context()
	d, err := s.deps.Store.GetDraft(ctx, body.DraftID)
	if err != nil {
		return store.Answer{}, err
	}
	// The answer shows the draft's question and text: who may not read
	// the draft (a reviewer, a colleague's) may not promote it either.
	if err := mayReadDraft(c, d); err != nil {
		return store.Answer{}, err
	}
	service := s.answerService(key, body.Service, d.Service)
	if !key.reviews(d.Service) || !key.reviews(service) {
		return store.Answer{}, errorf(http.StatusForbidden, "forbidden", "this key may not validate answers of the service %q", d.Service)
	}
	auditService(c, service, service)
	final := strings.TrimSpace(body.Text)
	if final == "" {
		var rejected bool
		if final, rejected, err = s.deps.Store.FinalText(ctx, d.ID); err != nil {
			return store.Answer{}, err
		}
		if rejected {
			return store.Answer{}, errorf(http.StatusConflict, "draft_rejected",
				"the agent rejected this draft: send text, the answer's text, to promote its question")
		}
	}
	a, err := s.answers().FromDraft(ctx, d, final, service, key.Service, &key.ID)
	if err != nil {
		return store.Answer{}, err
	}
	auditService(c, a.Service, a.Service) // the draft's documents may have given it its service
	return a, nil
}

// checkPost refuses what a POST cannot combine: a version (PUT's), and a
// question or sources beside a draft to promote, which brings its own
// (text may replace its final text), rather than ignoring them.
func (r *answerRequest) checkPost() error {
	switch {
	case r.Version != nil && *r.Version != 0:
		return errorf(http.StatusBadRequest, "invalid_request", "version is for PUT /v1/answers/{id}, not for a new answer")
	case r.DraftID != "" && (r.Question != "" || r.DocumentIDs != nil):
		return errorf(http.StatusBadRequest, "invalid_request",
			"draft_id cannot be combined with question or document_ids: a promoted draft brings its question and sources (text may replace its final text); "+
				"without draft_id, send question, text and document_ids")
	}
	return nil
}

// checkPut refuses a PUT without the version read (it would overwrite a
// colleague's edit unseen) or with a draft to promote (POST's).
func (r *answerRequest) checkPut() error {
	switch {
	case r.DraftID != "":
		return errorf(http.StatusBadRequest, "invalid_request", "draft_id is for POST /v1/answers: an update takes question, text and document_ids")
	case r.Version == nil:
		return errorf(http.StatusBadRequest, "invalid_request",
			"version is required: the answer's version as read, so that an edit made meanwhile is not overwritten (409 then)")
	case *r.Version <= 0:
		return errorf(http.StatusBadRequest, "invalid_request",
			"version must be a positive integer: the answer's version as read (%d was sent)", *r.Version)
	}
	return nil
}

// mayName refuses, with 403, a service's key that names another service
// for an answer: it writes for its own only, and is told so rather than
// silently given its own.
func mayName(k *keyInfo, service string) error {
	if service = strings.TrimSpace(service); k.Service != "" && service != "" && service != k.Service {
		return errorf(http.StatusForbidden, "forbidden", "this key writes answers of the service %q only, not %q", k.Service, service)
	}
	return nil
}

// answerService is the service an answer is for: a service's key writes
// for its service only; a global key's request, trimmed, or else current
// (the draft's or the answer's service, trimmed too: drafts stored before
// their service was trimmed may carry spaces).
func (s *Server) answerService(k *keyInfo, requested, current string) string {
	if k.Service != "" {
		return k.Service
	}
	if r := strings.TrimSpace(requested); r != "" {
		return r
	}
	return strings.TrimSpace(current)
}

// loadAnswer returns the answer named in the path if the caller may
// review it; another service's is missing (hidden).
func (s *Server) loadAnswer(c echo.Context) (store.Answer, error) {
	id, err := pathID(c)
	if err != nil {
		return store.Answer{}, err
	}
	a, err := s.deps.Store.GetAnswer(c.Request().Context(), id)
	if err != nil {
		return store.Answer{}, err
	}
	if k := keyOf(c); !k.reviews(a.Service) && !(a.Service == "" && (k.admin() || k.Reviewer)) {
		return store.Answer{}, hidden(a.Service)
	}
	return a, nil
}

func (s *Server) getAnswer(c echo.Context) error {
	a, err := s.loadAnswer(c)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, toAnswerJSON(a))
}

func (s *Server) updateAnswer(c echo.Context) error {
	var body answerRequest
	if err := s.decodeJSON(c, &body); err != nil {
		return err
	}
	if err := body.checkPut(); err != nil {
		return err
	}
	old, err := s.loadAnswer(c)
	if err != nil {
		return err
	}
	key := keyOf(c)
	if err := mayName(key, body.Service); err != nil {
		return err
	}
	if !key.reviews(old.Service) {
		return errorf(http.StatusForbidden, "forbidden", "this answer belongs to another service")
	}
	body.Service = s.answerService(key, body.Service, old.Service)
	auditService(c, old.Service, body.Service)
	if body.DocumentIDs == nil { // sources left out: the answer keeps its own
		if body.DocumentIDs, err = sourceIDs(old); err != nil {
			return err
		}
	}
	// Moved to another service, its sources are checked against that one's
	// (rag.Answers.Update); kept in its service, those it no longer sees are
	// named.
	if body.Service == strings.TrimSpace(old.Service) {
		if err := keepsOutOfScope(body.DocumentIDs, old.OutOfScope); err != nil {
			return err
		}
	}
	a, err := s.answers().Update(c.Request().Context(), old.ID, body.AnswerInput, key.Service, *body.Version)
	if errors.Is(err, store.ErrStaleVersion) {
		return errorf(http.StatusConflict, "conflict", "the answer changed since version %d: reload it", *body.Version)
	}
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, toAnswerJSON(a))
}

// sourceIDs are the ids of the documents an answer cites.
func sourceIDs(a store.Answer) ([]int64, error) {
	var cites []rag.Citation
	if err := json.Unmarshal(a.Sources, &cites); err != nil {
		return nil, fmt.Errorf("read the sources of answer %d: %w", a.ID, err)
	}
	var ids []int64
	for _, c := range cites {
		if c.DocumentID != 0 {
			ids = append(ids, c.DocumentID)
		}
	}
	return ids, nil
}

// keepsOutOfScope refuses, with 400, an edit that keeps sources its
// answer's service no longer sees (outOfScope): it must remove or replace
// them, as it must not add any (see rag.Answers.Update).
func keepsOutOfScope(ids, outOfScope []int64) error {
	var kept []int64
	for _, id := range ids {
		if slices.Contains(outOfScope, id) {
			kept = append(kept, id)
		}
	}
	if len(kept) > 0 {
		return errorf(http.StatusBadRequest, "invalid_request",
			"the sources %v are no longer documents the answer's service sees (deleted, or moved to another service): "+
				"send document_ids without them, or with documents that replace them", kept)
	}
	return nil
}

type answerStatusRequest struct {
	Status string `json:"status"`
	Reason string `json:"reason"`
}

// setAnswerStatus archives an answer, flags it to review, or makes it
// active again (a review of its sources as they now are), which needs
// every source published (409 source_not_published).
func (s *Server) setAnswerStatus(c echo.Context) error {
	var body answerStatusRequest
	if err := s.decodeJSON(c, &body); err != nil {
		return err
	}
	if !store.AnswerStatus(body.Status).Valid() {
		return errorf(http.StatusBadRequest, "invalid_request", "status must be active, to_review or archived")
	}
	a, err := s.loadAnswer(c)
	if err != nil {
		return err
	}
	if !keyOf(c).reviews(a.Service) {
		return errorf(http.StatusForbidden, "forbidden", "this answer belongs to another service")
	}
	auditService(c, a.Service, a.Service)
	if store.AnswerStatus(body.Status) == store.AnswerActive && len(a.OutOfScope) > 0 {
		return errorf(http.StatusBadRequest, "invalid_request", "the sources %v are no longer documents the answer's service sees "+
			"(deleted, or moved to another service): edit the answer to remove or replace them first", a.OutOfScope)
	}
	if len(body.Reason) > 500 {
		return errorf(http.StatusBadRequest, "invalid_request", "the reason is over 500 bytes")
	}
	reason, err := s.redactedText(c, body.Reason)
	if err != nil {
		return err
	}
	a, err = s.deps.Store.SetAnswerStatus(c.Request().Context(), a.ID, store.AnswerStatus(body.Status), reason)
	if errors.Is(err, store.ErrSourceNotPublished) {
		return errorf(http.StatusConflict, "source_not_published", "%s", err.Error())
	}
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, toAnswerJSON(a))
}

type answerListResponse struct {
	Answers []answerJSON `json:"answers"`
	Total   int64        `json:"total"`
	Limit   int          `json:"limit"`
	Offset  int          `json:"offset"`
}

// listAnswers lists the answers the caller may review: a service's key
// sees its service's and the shared ones.
func (s *Server) listAnswers(c echo.Context) error {
	limit, offset, err := pageParams(c, 50, 500)
	if err != nil {
		return err
	}
	docID, err := queryInt(c, "document_id", 0, 0, 1<<62)
	if err != nil {
		return err
	}
	outOfScope, err := queryBool(c, "out_of_scope")
	if err != nil {
		return err
	}
	service, _, err := s.serviceParam(c)
	if err != nil {
		return err
	}
	services, err := keyOf(c).retrievalServices(service)
	if err != nil {
		return err
	}
	page, err := s.deps.Store.ListAnswers(c.Request().Context(), store.AnswerFilter{Services: services,
		Status: store.AnswerStatus(c.QueryParam("status")), DocumentID: int64(docID), OutOfScope: outOfScope,
		Limit: limit, Offset: offset})
	if err != nil {
		return err
	}
	out := answerListResponse{Answers: make([]answerJSON, len(page.Answers)), Total: page.Total, Limit: limit, Offset: offset}
	for i, a := range page.Answers {
		out.Answers[i] = toAnswerJSON(a)
	}
	return c.JSON(http.StatusOK, out)
}

// redactedText is a free text of an admin (a reason), redacted before it
// is stored: no personal value is kept.
func (s *Server) redactedText(c echo.Context, text string) (store.Text, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return store.Text{}, nil
	}
	red, err := redact.Redact(c.Request().Context(), text, s.deps.Redaction)
	if err != nil {
		return store.Text{}, err
	}
	return store.Redacted(red.Text), nil
}
