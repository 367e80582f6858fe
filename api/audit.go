package api

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/plume-sp/plume/store"
)

// auditPageSize bounds the entries of the JSON answer; the JSON Lines
// export has them all.
const auditPageSize = 1000

// auditFilter reads the audit log's filters: since and until (UTC days,
// both included; without since, the last days, default 30), action, actor
// and service, within the caller's scope (403 for a service outside it).
func (s *Server) auditFilter(c echo.Context) (store.AuditFilter, error) {
	days, err := queryInt(c, "days", 30, 1, 3660)
	if err != nil {
		return store.AuditFilter{}, err
	}
	f := store.AuditFilter{Scope: keyOf(c).scope(), Action: strings.TrimSpace(c.QueryParam("action")),
		Actor: strings.TrimSpace(c.QueryParam("actor"))}
	service, given, err := s.serviceParam(c)
	if err != nil {
		return store.AuditFilter{}, err
	}
	if given {
		if err := keyOf(c).mayManage(service); err != nil {
			return store.AuditFilter{}, err
		}
		f.Scope = store.Scope{Service: service}
	}
	if f.Since, err = queryDay(c, "since"); err != nil {
		return store.AuditFilter{}, err
	}
	until, err := queryDay(c, "until")
	if err != nil {
		return store.AuditFilter{}, err
	}
	if f.Since.IsZero() {
		f.Since = s.deps.Now().Add(-time.Duration(days) * 24 * time.Hour)
	}
	if !until.IsZero() {
		if until.Before(f.Since.Truncate(24 * time.Hour)) {
			return store.AuditFilter{}, errorf(http.StatusBadRequest, "invalid_request", "until is before since")
		}
		f.Until = until.AddDate(0, 0, 1)
	}
	return f, nil
}

// auditLog returns the audit log of the caller's scope, newest first, as
// JSON (the last 1000 entries, with the actions the filter may choose) or,
// with format=jsonl, as a JSON Lines file holding every entry.
func (s *Server) auditLog(c echo.Context) error {
	f, err := s.auditFilter(c)
	if err != nil {
		return err
	}
	format := c.QueryParam("format")
	if format != "" && format != "json" && format != "jsonl" {
		return errorf(http.StatusBadRequest, "invalid_request", "format must be json or jsonl")
	}
	ctx := c.Request().Context()
	if format == "jsonl" {
		es, err := s.deps.Store.AuditLog(ctx, f)
		if err != nil {
			return err
		}
		return s.exportAudit(c, es)
	}
	f.Limit = auditPageSize
	es, err := s.deps.Store.AuditLog(ctx, f)
	if err != nil {
		return err
	}
	actions, err := s.deps.Store.AuditActions(ctx, f.Scope)
	if err != nil {
		return err
	}
	if es == nil {
		es = []store.AuditEntry{}
	}
	if actions == nil {
		actions = []string{}
	}
	return c.JSON(http.StatusOK, map[string]any{"entries": es, "since": f.Since, "actions": actions})
}

// exportAudit answers the entries as a JSON Lines file.
func (s *Server) exportAudit(c echo.Context, es []store.AuditEntry) error {
	h := c.Response().Header()
	h.Set(echo.HeaderContentType, "application/jsonl; charset=utf-8")
	h.Set(echo.HeaderContentDisposition, fmt.Sprintf(`attachment; filename="plume-audit-%s.jsonl"`, s.deps.Now().Format("2006-01-02")))
	h.Set("Cache-Control", "no-store")
	c.Response().WriteHeader(http.StatusOK)
	enc := json.NewEncoder(c.Response())
	for _, e := range es {
		if err := enc.Encode(e); err != nil {
			return nil // the client left; the status is sent
		}
	}
	return nil
}
