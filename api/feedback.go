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

// feedback records what the agent did with a draft. Only the key that asked
// for the draft, or an administrator of its service, may.
func (s *Server) feedback(c echo.Context) error {
	var body rag.FeedbackRequest
	if err := s.decodeJSON(c, &body); err != nil {
		return err
	}
	d, err := s.loadOwnDraft(c)
	if err != nil {
		return err
	}
	f, err := s.deps.Drafter.Feedback(c.Request().Context(), d, body)
	if err != nil {
		return err
	}
	tags := make([]string, len(f.Tags))
	for i, t := range f.Tags {
		tags[i] = t.String()
	}
	return c.JSON(http.StatusCreated, feedbackResponse{ID: f.ID, DraftID: f.DraftID, CreatedAt: f.CreatedAt,
		FinalText: f.FinalText.String(), Outcome: string(f.Outcome), Rating: f.Rating, Tags: tags, EditDistance: f.EditDistance})
}
