package api

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/plume-sp/plume/store"
)

// What a handler leaves for the audit middleware: the details of the
// action, the service it concerns when it is not the caller's, and the
// target it created (else the path's id).
const (
	ctxAuditKey     = "plume.audit_details"
	ctxAuditService = "plume.audit_service"
	// ctxAuditAlso holds the other services the entry is written for
	// ([]auditCopy).
	ctxAuditAlso   = "plume.audit_also"
	ctxAuditTarget = "plume.audit_target"
)

// scope is what the caller administers: every service for an administrator
// without a service, else its own service's agents, keys, rules and audit
// entries only.
func (k *keyInfo) scope() store.Scope {
	return store.Scope{Global: k.Service == "", Service: k.Service}
}

// mayManage refuses, with 403, an administrator acting on another service
// than its own.
func (k *keyInfo) mayManage(service string) error {
	if !k.scope().Includes(service) {
		return errorf(http.StatusForbidden, "forbidden", "this administrator manages the service %q only", k.Service)
	}
	return nil
}

// mayManageRow refuses, as missing (hidden), a key, an agent or a rule of
// a service the caller does not administer: its id tells nothing.
func (k *keyInfo) mayManageRow(service string) error {
	if !k.scope().Includes(service) {
		return hidden(service)
	}
	return nil
}

// mayGrant refuses, with 403, to give an access above the caller's own: an
// administrator of a service gives roles in that service only (never
// another service, never every service); "no access" is always allowed.
func (k *keyInfo) mayGrant(a store.Access) error {
	if a.Role == "" {
		return nil
	}
	if !a.Role.Valid() {
		return errorf(http.StatusBadRequest, "invalid_request", "role %q: want agent or admin", a.Role)
	}
	return k.mayManage(a.Service)
}

// auditFor records what an action did, for the audit middleware: the
// service it concerns and its details (never a message's text).
func auditFor(c echo.Context, service string, details map[string]any) {
	c.Set(ctxAuditService, service)
	if details != nil {
		if b, err := json.Marshal(details); err == nil {
			c.Set(ctxAuditKey, json.RawMessage(b))
		}
	}
}

// audit writes to the audit log, once answered, each administrator's
// request that changes something and each refused one (403, or 404 on
// another service's row: auditHidden), with its outcome: a refused attempt
// on another service is kept too.
func (s *Server) audit(next echo.HandlerFunc) echo.HandlerFunc {
	return s.auditWhen(next, func(c echo.Context, status int) bool {
		return unsafeMethod(c.Request().Method) || status == http.StatusForbidden
	})
}

// auditRefused writes to the audit log, once answered, each refused
// request (403) of an agent's route: an agent's drafts and feedback are
// not audited, its attempts beyond its rights are.
func (s *Server) auditRefused(next echo.HandlerFunc) echo.HandlerFunc {
	return s.auditWhen(next, func(_ echo.Context, status int) bool {
		return status == http.StatusForbidden
	})
}

// auditWhen writes to the audit log, once answered, the requests for which
// want is true given their status.
func (s *Server) auditWhen(next echo.HandlerFunc, want func(c echo.Context, status int) bool) echo.HandlerFunc {
	return func(c echo.Context) error {
		err := next(c)
		status := c.Response().Status
		if err != nil {
			status = errorResponse(err).Status
		}
		var h *hiddenError
		if errors.As(err, &h) {
			s.auditHidden(c, status, h.service, want(c, status))
		} else if want(c, status) {
			s.writeAudit(c, status)
		}
		return err
	}
}

// auditHidden writes a request refused on another service's row (a
// hiddenError, answered as missing) to that service's log, whose
// administrators see who tried to reach its data, and to the caller's
// only as a request on a missing id is written there (asMissing), so that
// the caller's log does not tell the two apart either.
func (s *Server) auditHidden(c echo.Context, status int, service string, asMissing bool) {
	if asMissing {
		auditAlso(c, service)
	} else {
		c.Set(ctxAuditService, service)
		c.Set(ctxAuditAlso, []auditCopy(nil))
	}
	s.writeAudit(c, status)
}

// writeAudit writes one entry of the audit log for the request c.
func (s *Server) writeAudit(c echo.Context, status int) {
	k := keyOf(c)
	e := store.AuditEntry{KeyID: k.ID, Service: k.Service, Action: c.Request().Method + " " + c.Path(),
		Target: c.Param("id"), Status: status}
	if k.agent != nil {
		e.AgentID = &k.agent.ID
	}
	if t, ok := c.Get(ctxAuditTarget).(string); ok {
		e.Target = t
	}
	if svc, ok := c.Get(ctxAuditService).(string); ok {
		e.Service = svc
	}
	if d, ok := c.Get(ctxAuditKey).(json.RawMessage); ok {
		e.Details = d
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(c.Request().Context()), 5*time.Second)
	defer cancel()
	s.writeEntry(ctx, c, e)
	also, _ := c.Get(ctxAuditAlso).([]auditCopy)
	for _, cp := range also {
		if cp.Service == e.Service {
			continue
		}
		copied := e
		copied.Service = cp.Service
		if cp.Details != nil {
			copied.Details = cp.Details
		}
		s.writeEntry(ctx, c, copied)
	}
}

// auditCreated records the ids of what the request created: the target
// when there is one, and all of them in the details.
func auditCreated(c echo.Context, ids ...int64) {
	if len(ids) == 1 {
		c.Set(ctxAuditTarget, formatID(ids[0]))
	}
	prior, _ := c.Get(ctxAuditKey).(json.RawMessage)
	c.Set(ctxAuditKey, withIDs(prior, ids))
	if also, ok := c.Get(ctxAuditAlso).([]auditCopy); ok {
		for i := range also {
			also[i].Details = withIDs(also[i].Details, ids)
		}
	}
}

// withIDs returns details, a JSON object or nothing, with "ids" set to
// ids, keeping what it held (the personal data check's types).
func withIDs(details json.RawMessage, ids []int64) json.RawMessage {
	fields := map[string]any{}
	if len(details) > 0 {
		if err := json.Unmarshal(details, &fields); err != nil || fields == nil {
			fields = map[string]any{}
		}
	}
	fields["ids"] = ids
	b, err := json.Marshal(fields)
	if err != nil {
		return details
	}
	return b
}

// writeEntry writes e, logging a failure: the request's answer stands.
func (s *Server) writeEntry(ctx context.Context, c echo.Context, e store.AuditEntry) {
	if err := s.deps.Store.Audit(ctx, e); err != nil {
		s.log.Error("audit log not written", "err", err, "action", e.Action, "request_id", requestIDOf(c))
	}
}

// auditCopy is a copy of an entry for another service concerned, with
// its own details when they are not nil.
type auditCopy struct {
	Service string
	Details json.RawMessage
}

// auditAlso records that the request concerns a resource of service
// too (a draft it was refused): the entry goes to that service's log as
// well as to the caller's, so that the service's administrators see who
// tried to reach its data. A shared resource ("") needs no copy: only a
// global administrator reads that log, and reads the caller's.
func auditAlso(c echo.Context, service string) {
	if service == "" {
		return
	}
	also, _ := c.Get(ctxAuditAlso).([]auditCopy)
	c.Set(ctxAuditAlso, append(also, auditCopy{Service: service}))
}

// auditService records that the request acts on a document or a validated
// answer of service, moved to service to when it differs: the entry goes
// to its service, and to the other as well, whoever acts (a global
// administrator's change is in the service's log).
func auditService(c echo.Context, service, to string) {
	c.Set(ctxAuditService, service)
	if to != service {
		c.Set(ctxAuditAlso, []auditCopy{{Service: to}})
	}
}
