package api

import (
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/plume-sp/plume/triage"
)

// triageRequest is the body of POST /v1/triage.
type triageRequest struct {
	Text string `json:"text"`
	// Note is the agent's note of what the person said (on the telephone,
	// at a counter), triaged beside the text; optional.
	Note string `json:"note"`
}

// triage assesses a message, and the agent's note when given, without
// drafting or storing anything: its level and reasons (codes, labels,
// offsets and the text they point into), for a ticketing tool to order its
// queue.
func (s *Server) triage(c echo.Context) error {
	var body triageRequest
	if err := s.decodeJSON(c, &body); err != nil {
		return err
	}
	// The drafter validates the text, with the limit of drafts.
	a, err := s.deps.Drafter.Triage(c.Request().Context(), body.Text, body.Note)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, a)
}

// attentionLevel reads the level filter of the list of drafts.
func attentionLevel(c echo.Context) (string, error) {
	v := c.QueryParam("level")
	if v != "" && !triage.Level(v).Valid() {
		return "", errorf(http.StatusBadRequest, "invalid_request", "level must be routine, attention or urgent")
	}
	return v, nil
}
