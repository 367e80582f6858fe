package api

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/plume-sp/plume/store"
)

// agentKeyPrefix marks the key rows of signed-in agents (no secret): they
// are managed through the agents, not as keys.
const agentKeyPrefix = "oidc"

// keyJSON is an API key as administrators see it, never with its secret.
type keyJSON struct {
	ID        int64      `json:"id"`
	Name      string     `json:"name"`
	Role      store.Role `json:"role"`
	Service   string     `json:"service"`
	Reviewer  bool       `json:"reviewer"`
	Prefix    string     `json:"prefix"`
	CreatedAt time.Time  `json:"created_at"`
	RevokedAt *time.Time `json:"revoked_at"`
}

func keyOfStore(k store.APIKey) keyJSON {
	return keyJSON{ID: k.ID, Name: k.Name, Role: k.Role, Service: k.Service, Reviewer: k.Reviewer || k.Role == store.RoleAdmin,
		Prefix: k.Prefix, CreatedAt: k.CreatedAt, RevokedAt: k.RevokedAt}
}

// listKeys lists the API keys the caller manages, revoked ones included.
func (s *Server) listKeys(c echo.Context) error {
	keys, err := s.deps.Store.APIKeys(c.Request().Context())
	if err != nil {
		return err
	}
	sc := keyOf(c).scope()
	out := []keyJSON{}
	for _, k := range keys {
		if k.Prefix != agentKeyPrefix && sc.Includes(k.Service) {
			out = append(out, keyOfStore(k))
		}
	}
	return c.JSON(http.StatusOK, map[string]any{"keys": out})
}

// createKey creates an API key for a script or a machine and answers its
// secret, once. A service's administrator creates keys of its service only.
func (s *Server) createKey(c echo.Context) error {
	var body struct {
		Name     string     `json:"name"`
		Role     store.Role `json:"role"`
		Service  *string    `json:"service" service:"noblank"`
		Reviewer bool       `json:"reviewer"`
	}
	if err := s.decodeJSON(c, &body); err != nil {
		return err
	}
	// Left out, the service is the caller's: a service's administrator
	// makes keys of its service; "" asks for every service's.
	service := keyOf(c).Service
	if body.Service != nil {
		service = strings.TrimSpace(*body.Service)
	}
	want := store.Access{Role: body.Role, Service: service}
	if !want.Role.Valid() {
		return errorf(http.StatusBadRequest, "invalid_request", "role %q: want agent or admin", body.Role)
	}
	if err := keyOf(c).mayGrant(want); err != nil {
		return err
	}
	ctx := c.Request().Context()
	k, secret, err := s.deps.Store.CreateAPIKey(ctx, body.Name, want.Role, want.Service)
	if err != nil {
		return err
	}
	if body.Reviewer {
		if err := s.deps.Store.SetAPIKeyReviewer(ctx, k.ID, true); err != nil {
			return err
		}
		k.Reviewer = true
	}
	out := keyOfStore(k)
	c.Set(ctxAuditTarget, formatID(k.ID))
	// The audit says what the answer says: an administrator's key reviews.
	auditFor(c, k.Service, map[string]any{"name": out.Name, "role": out.Role, "service": out.Service, "reviewer": out.Reviewer})
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusCreated, map[string]any{"key": out, "secret": secret})
}

// formatID writes an id as audit targets hold it.
func formatID(id int64) string { return strconv.FormatInt(id, 10) }

// revokeKey revokes an API key the caller manages.
func (s *Server) revokeKey(c echo.Context) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	k, err := s.deps.Store.APIKeyByID(ctx, id)
	if err != nil {
		return err
	}
	if err := keyOf(c).mayManageRow(k.Service); err != nil {
		return err
	}
	if k.Prefix == agentKeyPrefix {
		return errorf(http.StatusBadRequest, "agent_key", "key %d is a signed-in agent's: change the agent's access instead", id)
	}
	if k.ID == keyOf(c).ID {
		// An administrator revoking the key it uses would lock itself
		// out, and the last global administrator the whole API.
		return errorf(http.StatusConflict, "own_key", "key %d is the key of this request: revoke it with another administrator's key", id)
	}
	if err := s.deps.Store.RevokeAPIKey(ctx, id); err != nil {
		return err
	}
	auditFor(c, k.Service, map[string]any{"name": k.Name, "role": k.Role, "service": k.Service})
	return c.NoContent(http.StatusNoContent)
}
