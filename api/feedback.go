package api

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/plume-sp/plume/rag"
)

// feedbackResponse is a stored feedback; its final text is the redacted one.
type feedbackResponse struct {
	ID           int64     `json:"id"`
	DraftID      string    `json:"draft_id"`
	CreatedAt    time.Time `json:"created_at"`
	FinalText    string    `json:"final_text"`
	Outcome      string    `json:"outcome"`
	Rating       *int      `json:"rating"`
	Tags         []string  `json:"tags"`
	EditDistance float64   `json:"edit_distance"`
}

// feedback records what the agent did with a draft: only the key (or the
// agent) that asked for it may say, once; a second feedback replaces the
// first (201 then 200), so that statistics count each draft once.
func (s *Server) feedback(c echo.Context) error {
	var body rag.FeedbackRequest
	if err := s.decodeJSON(c, &body); err != nil {
		return err
	}
	d, err := s.loadOwnDraft(c)
	if err != nil {
		return err
	}
	if d.APIKeyID == nil || *d.APIKeyID != keyOf(c).ID {
		return errorf(http.StatusForbidden, "forbidden", "only who asked for this draft gives its feedback")
	}
	f, err := s.deps.Drafter.Feedback(c.Request().Context(), d, body)
	if err != nil {
		return err
	}
	status := http.StatusCreated
	if f.Replaced {
		status = http.StatusOK
	}
	tags := make([]string, len(f.Tags))
	for i, t := range f.Tags {
		tags[i] = t.String()
	}
	return c.JSON(status, feedbackResponse{ID: f.ID, DraftID: f.DraftID, CreatedAt: f.CreatedAt,
		FinalText: f.FinalText.String(), Outcome: string(f.Outcome), Rating: f.Rating, Tags: tags, EditDistance: f.EditDistance})
}
