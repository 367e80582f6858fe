package api

import (
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/plume-sp/plume/store"
)

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

// listAgents lists the agents the caller manages (a service's
// administrator: its service's and those waiting for an access), those
// waiting first.
func (s *Server) listAgents(c echo.Context) error {
	as, err := s.deps.Store.Agents(c.Request().Context(), keyOf(c).scope())
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
// A service's administrator may do so for its service's agents and those
// waiting, and give roles in its service only.
func (s *Server) setAgentAccess(c echo.Context) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	var body struct {
		Role    store.Role `json:"role"`
		Service string     `json:"service" service:"noblank"`
	}
	if err := s.decodeJSON(c, &body); err != nil {
		return err
	}
	k := keyOf(c)
	want := store.Access{Role: body.Role, Service: strings.TrimSpace(body.Service)}
	if err := k.mayGrant(want); err != nil {
		return err
	}
	ctx := c.Request().Context()
	before, err := s.deps.Store.SetAgentAccess(ctx, id, want, func(before store.Agent) error {
		if before.Role == "" {
			return nil // waiting: any administrator may take it in
		}
		return k.mayManageRow(before.Service)
	})
	if err != nil {
		return err
	}
	concerned := want.Service
	if want.Role == "" {
		concerned = before.Service
	}
	auditFor(c, concerned, map[string]any{"role": want.Role, "service": want.Service,
		"previous_role": before.Role, "previous_service": before.Service})
	a, err := s.deps.Store.AgentByID(ctx, id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, agentOf(a))
}
