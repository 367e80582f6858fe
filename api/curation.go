package api

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/store"
	"golang.org/x/text/unicode/norm"
)

// curationScope reads the scope of a curation request: a service's admin
// sees its service only; a global admin one service (?service=) or all.
func (s *Server) curationScope(c echo.Context, service string, given bool) (store.CurationScope, error) {
	key := keyOf(c)
	sc := store.CurationScope{Service: service, ServiceSet: given}
	if key.Service != "" {
		if given && service != key.Service {
			return store.CurationScope{}, errorf(http.StatusForbidden, "forbidden", "this key is for the service %q", key.Service)
		}
		sc.Service, sc.ServiceSet = key.Service, true
	}
	return sc, nil
}

// curationReport builds the work list the query asks for.
func (s *Server) curationReport(c echo.Context) (rag.CurationReport, error) {
	service, given, err := s.serviceParam(c)
	if err != nil {
		return rag.CurationReport{}, err
	}
	sc, err := s.curationScope(c, service, given)
	if err != nil {
		return rag.CurationReport{}, err
	}
	return s.scopeReport(c, sc)
}

// scopeReport builds the work list of sc, over the days (?days=) and
// with the age of a stale document (?stale_months=) the query gives.
func (s *Server) scopeReport(c echo.Context, sc store.CurationScope) (rag.CurationReport, error) {
	opts, err := s.curationOptions(c)
	if err != nil {
		return rag.CurationReport{}, err
	}
	return rag.Curation(c.Request().Context(), s.deps.Store, sc, opts)
}

// curationOptions reads the days (?days=) and the age of a stale
// document (?stale_months=) of a work list.
func (s *Server) curationOptions(c echo.Context) (rag.CurationOptions, error) {
	days, err := queryInt(c, "days", 180, 1, 3660)
	if err != nil {
		return rag.CurationOptions{}, err
	}
	months, err := queryInt(c, "stale_months", 12, 1, 120)
	if err != nil {
		return rag.CurationOptions{}, err
	}
	return rag.CurationOptions{Since: time.Duration(days) * 24 * time.Hour, StaleAfter: time.Duration(months) * 30 * 24 * time.Hour,
		Now: s.deps.Now}, nil
}

// curation returns an admin's work list: questions without a reliable
// source grouped by topic, drafts rejected or rated 2 or less, the most
// and least cited documents, and stale documents.
func (s *Server) curation(c echo.Context) error {
	rep, err := s.curationReport(c)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, rep)
}

// curationExport writes the work list's items as JSON lines, one item a
// line with its kind, for a spreadsheet or a ticketing tool.
func (s *Server) curationExport(c echo.Context) error {
	rep, err := s.curationReport(c)
	if err != nil {
		return err
	}
	w := c.Response()
	w.Header().Set(echo.HeaderContentType, "application/x-ndjson; charset=utf-8")
	w.Header().Set(echo.HeaderContentDisposition, `attachment; filename="plume-curation.jsonl"`)
	w.WriteHeader(http.StatusOK)
	enc := json.NewEncoder(w)
	write := func(kind string, item any) error {
		return enc.Encode(struct {
			Kind string `json:"kind"`
			Item any    `json:"item"`
		}{kind, item})
	}
	for _, g := range rep.Unanswered {
		if err := write(rag.ItemUnanswered, g); err != nil {
			return fmt.Errorf("export curation: %w", err)
		}
	}
	for _, l := range rep.LowRated {
		if err := write(rag.ItemLowRated, l); err != nil {
			return fmt.Errorf("export curation: %w", err)
		}
	}
	for _, st := range rep.Stale {
		if err := write(rag.ItemStale, st); err != nil {
			return fmt.Errorf("export curation: %w", err)
		}
	}
	return nil
}

// closeRequest closes (or, on reopen, opens) one item of the work list.
// Service is the item's, as the work list gives it ("" for an item of no
// service): a global admin must give it, a service's admin may leave it
// out.
type closeRequest struct {
	Kind    string  `json:"kind"`
	Key     string  `json:"key"`
	Service *string `json:"service"`
	Action  string  `json:"action"`
	Reason  string  `json:"reason"`
}

func (s *Server) closeRequest(c echo.Context) (closeRequest, store.CurationScope, error) {
	var body closeRequest
	if err := s.decodeJSON(c, &body); err != nil {
		return body, store.CurationScope{}, err
	}
	switch {
	case body.Kind != rag.ItemUnanswered && body.Kind != rag.ItemLowRated && body.Kind != rag.ItemStale:
		return body, store.CurationScope{}, errorf(http.StatusBadRequest, "invalid_request", "kind must be unanswered, low_rated or stale")
	case !rag.ValidItemKey(body.Kind, body.Key):
		return body, store.CurationScope{}, errorf(http.StatusBadRequest, "invalid_request",
			"key must be an item's key as the work list gives it (a group's hex hash, a draft's id, a document's id)")
	case len(body.Reason) > 1000:
		return body, store.CurationScope{}, errorf(http.StatusBadRequest, "invalid_request", "the reason is over 1000 bytes")
	case store.UnsafeText(body.Reason):
		return body, store.CurationScope{}, errorf(http.StatusBadRequest, "invalid_request",
			"the reason holds a control or bidirectional formatting character (an escape, U+202E)")
	}
	body.Reason = norm.NFC.String(body.Reason)
	// A service's admin may leave the service out: it is the key's.
	if body.Service == nil && keyOf(c).Service == "" {
		return body, store.CurationScope{}, errorf(http.StatusBadRequest, "invalid_request",
			`service is required: the item's service as the work list gives it ("" for an item of no service)`)
	}
	service := ""
	if body.Service != nil {
		service = *body.Service
	}
	sc, err := s.curationScope(c, service, body.Service != nil)
	return body, sc, err
}

// closeItem closes an item with the action taken; it reopens by itself
// when it recurs.
func (s *Server) closeItem(c echo.Context) error {
	body, sc, err := s.closeRequest(c)
	if err != nil {
		return err
	}
	if !store.CurationAction(body.Action).Valid() {
		return errorf(http.StatusBadRequest, "invalid_request", "action must be document_written, answer_added, out_of_scope or other")
	}
	if err := s.checkItem(c, sc, body.Kind, body.Key); err != nil {
		return err
	}
	reason, err := s.redactedText(c, body.Reason)
	if err != nil {
		return err
	}
	cl := store.Closure{Service: sc.Service, Kind: body.Kind, Key: body.Key, Action: store.CurationAction(body.Action),
		Reason: reason, ClosedBy: &keyOf(c).ID}
	if err := s.deps.Store.CloseCurationItem(c.Request().Context(), &cl); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, rag.Closed{Action: string(cl.Action), Reason: cl.Reason.String(), At: cl.ClosedAt})
}

func (s *Server) reopenItem(c echo.Context) error {
	body, sc, err := s.closeRequest(c)
	if err != nil {
		return err
	}
	if err := s.deps.Store.ReopenCurationItem(c.Request().Context(), sc.Service, body.Kind, body.Key); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

// checkItem fails with 404 unless key is an item of kind, open or closed,
// in the work list of sc, over the days the query gives (as GET
// /v1/curation), past the first items listed too: a closure of anything
// else would be stored for nothing, or for an item of another service.
// It asks for that item only (rag.CurationHolds), never the whole list.
func (s *Server) checkItem(c echo.Context, sc store.CurationScope, kind, key string) error {
	opts, err := s.curationOptions(c)
	if err != nil {
		return err
	}
	ok, err := rag.CurationHolds(c.Request().Context(), s.deps.Store, sc, opts, kind, key)
	if err != nil {
		return err
	}
	if !ok {
		return errorf(http.StatusNotFound, "not_found", "no %s item %s in the work list of the service %q", kind, key, sc.Service)
	}
	return nil
}
