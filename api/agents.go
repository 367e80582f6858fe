package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/plume-sp/plume/store"
)

// Keys of the audit details a handler leaves for the audit middleware.
const ctxAuditKey = "plume.audit_details"

// requireGlobalAdmin refuses everyone but administrators of every service:
// they alone manage agents and read the audit log.
func (s *Server) requireGlobalAdmin(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if k := keyOf(c); !k.admin() || k.Service != "" {
			return errorf(http.StatusForbidden, "forbidden", "this route is for administrators of every service")
		}
		return next(c)
	}
}

// audit writes each administrator's request that changes something to the
// audit log, with its outcome, once it has been answered.
func (s *Server) audit(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		err := next(c)
		if !unsafeMethod(c.Request().Method) {
			return err
		}
		status := c.Response().Status
		if err != nil {
			status = errorResponse(err).Status
		}
		k := keyOf(c)
		e := store.AuditEntry{KeyID: k.ID, Action: c.Request().Method + " " + c.Path(), Target: c.Param("id"), Status: status}
		if k.agent != nil {
			e.AgentID = &k.agent.ID
		}
		if d, ok := c.Get(ctxAuditKey).(json.RawMessage); ok {
			e.Details = d
		}
		ctx, cancel := context.WithTimeout(context.WithoutCancel(c.Request().Context()), 5*time.Second)
		defer cancel()
		if aerr := s.deps.Store.Audit(ctx, e); aerr != nil {
			s.log.Error("audit log not written", "err", aerr, "action", e.Action, "request_id", requestIDOf(c))
		}
		return err
	}
}

// agentJSON is an agent as administrators see it.
type agentJSON struct {
	ID           int64      `json:"id"`
	Email        string     `json:"email"`
	GivenName    string     `json:"given_name"`
	UsualName    string     `json:"usual_name"`
	SIRET        string     `json:"siret"`
	Organization string     `json:"organization"`
	Role         store.Role `json:"role"`
	Service      string     `json:"service"`
	AssignedBy   string     `json:"assigned_by"`
	KeyID        int64      `json:"key_id"`
	CreatedAt    time.Time  `json:"created_at"`
	LastLoginAt  time.Time  `json:"last_login_at"`
}

func agentOf(a store.Agent) agentJSON {
	return agentJSON{ID: a.ID, Email: a.Email, GivenName: a.GivenName, UsualName: a.UsualName, SIRET: a.SIRET,
		Organization: a.Organization, Role: a.Role, Service: a.Service, AssignedBy: a.AssignedBy, KeyID: a.KeyID,
		CreatedAt: a.CreatedAt, LastLoginAt: a.LastLoginAt}
}

// listAgents lists the agents who have signed in, those waiting for an
// access first.
func (s *Server) listAgents(c echo.Context) error {
	as, err := s.deps.Store.Agents(c.Request().Context())
	if err != nil {
		return err
	}
	out := make([]agentJSON, len(as))
	for i, a := range as {
		out[i] = agentOf(a)
	}
	return c.JSON(http.StatusOK, map[string]any{"agents": out})
}

// setAgentAccess gives an agent a role and a service (role "": no access).
func (s *Server) setAgentAccess(c echo.Context) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	var body struct {
		Role    store.Role `json:"role"`
		Service string     `json:"service"`
	}
	if err := s.decodeJSON(c, &body); err != nil {
		return err
	}
	if body.Role != "" && !body.Role.Valid() {
		return errorf(http.StatusBadRequest, "invalid_request", "role %q: want agent, admin or \"\" (no access)", body.Role)
	}
	body.Service = strings.TrimSpace(body.Service)
	ctx := c.Request().Context()
	before, err := s.deps.Store.SetAgentAccess(ctx, id, store.Access{Role: body.Role, Service: body.Service})
	if err != nil {
		return err
	}
	details, _ := json.Marshal(map[string]string{"role": string(body.Role), "service": body.Service,
		"previous_role": string(before.Role), "previous_service": before.Service})
	c.Set(ctxAuditKey, json.RawMessage(details))
	a, err := s.deps.Store.AgentByID(ctx, id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, agentOf(a))
}

// auditLog returns the audit log of the last days (default 30), newest
// first, as JSON or, with format=jsonl, as a JSON Lines file to keep.
func (s *Server) auditLog(c echo.Context) error {
	days, err := queryInt(c, "days", 30, 1, 3660)
	if err != nil {
		return err
	}
	format := c.QueryParam("format")
	if format != "" && format != "json" && format != "jsonl" {
		return errorf(http.StatusBadRequest, "invalid_request", "format must be json or jsonl")
	}
	limit := 1000
	if format == "jsonl" {
		limit = 0
	}
	since := s.deps.Now().Add(-time.Duration(days) * 24 * time.Hour)
	es, err := s.deps.Store.AuditLog(c.Request().Context(), since, limit)
	if err != nil {
		return err
	}
	if format != "jsonl" {
		if es == nil {
			es = []store.AuditEntry{}
		}
		return c.JSON(http.StatusOK, map[string]any{"entries": es, "since": since})
	}
	h := c.Response().Header()
	h.Set(echo.HeaderContentType, "application/jsonl; charset=utf-8")
	h.Set(echo.HeaderContentDisposition, fmt.Sprintf(`attachment; filename="plume-audit-%s.jsonl"`, s.deps.Now().Format("2006-01-02")))
	c.Response().WriteHeader(http.StatusOK)
	enc := json.NewEncoder(c.Response())
	for _, e := range es {
		if err := enc.Encode(e); err != nil {
			return nil // the client left; the status is sent
		}
	}
	return nil
}
