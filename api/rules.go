package api

import (
	"context"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/plume-sp/plume/auth"
	"github.com/plume-sp/plume/store"
)

// ruleJSON is an assignment rule as administrators see it.
type ruleJSON struct {
	// ID is 0 for a rule of the configuration (PLUME_ACCESS_RULES), which
	// only the configuration changes.
	ID      int64      `json:"id"`
	Kind    string     `json:"kind"`
	Value   string     `json:"value"`
	Role    store.Role `json:"role"`
	Service string     `json:"service"`
	// Origin is "configuration" or "page".
	Origin    string     `json:"origin"`
	CreatedAt *time.Time `json:"created_at,omitempty"`
}

// accessRules are the rules a sign-in applies, the first that matches:
// the configuration's, then the page's, oldest first.
func (s *Server) accessRules(ctx context.Context) (auth.Rules, error) {
	stored, err := s.deps.Store.AccessRules(ctx)
	if err != nil {
		return nil, err
	}
	rs := append(auth.Rules{}, s.cfg.SignIn.Rules...)
	for _, r := range stored {
		rs = append(rs, auth.Rule{Kind: r.Kind, Value: r.Value, Access: r.Access})
	}
	return rs, nil
}

// listRules lists the assignment rules that give access in the caller's
// scope, in the order they apply.
func (s *Server) listRules(c echo.Context) error {
	stored, err := s.deps.Store.AccessRules(c.Request().Context())
	if err != nil {
		return err
	}
	sc := keyOf(c).scope()
	out := []ruleJSON{}
	for _, r := range s.cfg.SignIn.Rules {
		if sc.Includes(r.Access.Service) {
			out = append(out, ruleJSON{Kind: r.Kind, Value: r.Value, Role: r.Access.Role, Service: r.Access.Service, Origin: "configuration"})
		}
	}
	for _, r := range stored {
		if sc.Includes(r.Access.Service) {
			out = append(out, ruleJSON{ID: r.ID, Kind: r.Kind, Value: r.Value, Role: r.Access.Role, Service: r.Access.Service,
				Origin: "page", CreatedAt: &r.CreatedAt})
		}
	}
	return c.JSON(http.StatusOK, map[string]any{"rules": out})
}

// createRule adds an assignment rule. Only an administrator of every
// service writes one: a service's administrator cannot show that a domain
// or SIRET is its service's, and a rule for another service's domain would
// give that service's agents to it. No two rules name the same domain or
// SIRET (409, saying no more).
func (s *Server) createRule(c echo.Context) error {
	var body struct {
		Kind    string     `json:"kind"`
		Value   string     `json:"value"`
		Role    store.Role `json:"role"`
		Service string     `json:"service" service:"noblank"`
	}
	if err := s.decodeJSON(c, &body); err != nil {
		return err
	}
	r, err := auth.NewRule(body.Kind, body.Value, store.Access{Role: body.Role, Service: body.Service})
	if err != nil {
		return errorf(http.StatusBadRequest, "invalid_request", "%v", err)
	}
	k := keyOf(c)
	if k.Service != "" {
		return errorf(http.StatusForbidden, "forbidden",
			"only an administrator of every service writes assignment rules: a domain or SIRET may be another service's")
	}
	if err := k.mayGrant(r.Access); err != nil {
		return err
	}
	if s.cfg.SignIn.Rules.Has(r) {
		return errorf(http.StatusConflict, "conflict", "a rule for this %s exists", r.Kind)
	}
	saved, err := s.deps.Store.CreateAccessRule(c.Request().Context(),
		store.AccessRule{Kind: r.Kind, Value: r.Value, Access: r.Access, CreatedBy: k.ID})
	if err != nil {
		return err
	}
	c.Set(ctxAuditTarget, formatID(saved.ID))
	auditFor(c, saved.Access.Service, map[string]any{"kind": saved.Kind, "value": saved.Value,
		"role": saved.Access.Role, "service": saved.Access.Service})
	return c.JSON(http.StatusCreated, ruleJSON{ID: saved.ID, Kind: saved.Kind, Value: saved.Value, Role: saved.Access.Role,
		Service: saved.Access.Service, Origin: "page", CreatedAt: &saved.CreatedAt})
}

// deleteRule deletes an assignment rule of the caller's scope; the agents
// it gave access keep it until their next sign-in.
func (s *Server) deleteRule(c echo.Context) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	k := keyOf(c)
	r, err := s.deps.Store.DeleteAccessRule(c.Request().Context(), id, func(r store.AccessRule) error {
		return k.mayManageRow(r.Access.Service)
	})
	if err != nil {
		return err
	}
	auditFor(c, r.Access.Service, map[string]any{"kind": r.Kind, "value": r.Value, "role": r.Access.Role, "service": r.Access.Service})
	return c.NoContent(http.StatusNoContent)
}
