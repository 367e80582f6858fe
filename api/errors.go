package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"
	"github.com/plume-sp/plume/ingest"
	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/store"
)

// Error is an error with its HTTP status and a stable machine-readable
// code. Handlers return it for conditions they detect themselves; errors
// from rag, store and ingest are mapped by errorResponse.
type Error struct {
	Status  int
	Code    string
	Message string
	// RetryAfter, in seconds, is sent as the Retry-After header when set.
	RetryAfter int
	// Err is the cause, logged for server errors and never sent.
	Err error
	// Stored, for an ingest stopped half-way, lists what was stored.
	Stored []storedKey
	// Findings, for a document refused for personal data, says where each
	// identifier is (field, type, byte offsets), never its value.
	Findings []personalFinding
}

func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %s: %v", e.Code, e.Message, e.Err)
	}
	return e.Code + ": " + e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// serverText is an errorf argument plume wrote itself (a list of the
// values a field takes): never cut, unlike the client's text quoted back.
type serverText string

// errorf returns the API error status with its code and message; a text
// argument over maxQuotedBytes (a value the client sent, quoted back) is
// cut, a serverText never is.
func errorf(status int, code, format string, args ...any) *Error {
	for i, a := range args {
		if v, ok := a.(string); ok {
			args[i] = cutText(v, maxQuotedBytes)
		}
	}
	return &Error{Status: status, Code: code, Message: fmt.Sprintf(format, args...)}
}

// hiddenError refuses a row of service that the caller may not see
// (another service's draft, validated answer, document, key, agent or
// rule). It wraps store.ErrNotFound, so that errorResponse answers it as a
// missing row, 404 with the same body, and ids tell nothing of what other
// services hold; auditWhen writes it to service's log (auditHidden).
type hiddenError struct{ service string }

func (e *hiddenError) Error() string {
	return fmt.Sprintf("a row of the service %q: %v", e.service, store.ErrNotFound)
}

func (e *hiddenError) Unwrap() error { return store.ErrNotFound }

// hidden refuses a row of service as missing (hiddenError).
func hidden(service string) error { return &hiddenError{service: service} }

// errorBody is the one error format of the API.
type errorBody struct {
	Error errorDetail `json:"error"`
	// Stored lists the documents stored before an ingest stopped.
	Stored []storedKey `json:"stored,omitempty"`
	// Findings lists the identifiers a refused document holds (422
	// personal_data).
	Findings []personalFinding `json:"findings,omitempty"`
}

type errorDetail struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// errorResponse maps any error to what the client sees. It is the only
// place where errors become statuses; a 500 never carries the error's text.
func errorResponse(err error) *Error {
	var ae *Error
	var he *echo.HTTPError
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &ae):
		return ae
	case errors.As(err, &tooBig), errors.Is(err, ingest.ErrTooLarge):
		return &Error{Status: http.StatusRequestEntityTooLarge, Code: "too_large", Message: "the request body is too large"}
	case errors.Is(err, ingest.ErrSaveTimeout):
		// Retrying would fail again: a 4xx, not a 503.
		return &Error{Status: http.StatusRequestEntityTooLarge, Code: "document_too_large",
			Message: err.Error() + "; split the document", Err: err}
	case errors.Is(err, ingest.ErrUnsupportedFormat):
		return &Error{Status: http.StatusUnsupportedMediaType, Code: "unsupported_format",
			Message: "the file's format is not supported (DILA XML, JSONL, Markdown, HTML, text, PDF or zip)"}
	case errors.Is(err, rag.ErrTextTooLong):
		return &Error{Status: http.StatusRequestEntityTooLarge, Code: "text_too_long", Message: clientMessage(err)}
	case errors.Is(err, rag.ErrTooLong):
		return &Error{Status: http.StatusRequestEntityTooLarge, Code: "question_too_long", Message: clientMessage(err)}
	case errors.Is(err, rag.ErrNoWords):
		return &Error{Status: http.StatusBadRequest, Code: "no_words",
			Message: "the text holds no word to search for (only punctuation, personal data, or words as common as « le » or « de »)"}
	case errors.Is(err, rag.ErrInvalid), errors.Is(err, store.ErrInvalid), errors.Is(err, ingest.ErrInvalidDocument):
		return &Error{Status: http.StatusBadRequest, Code: "invalid_request", Message: clientMessage(err)}
	case errors.Is(err, store.ErrNotFound):
		// A missing row and one the caller may not see (hiddenError) read
		// alike.
		return &Error{Status: http.StatusNotFound, Code: "not_found", Message: "not found among what this key may see"}
	case errors.Is(err, store.ErrDuplicate):
		return &Error{Status: http.StatusConflict, Code: "conflict", Message: err.Error()}
	case errors.Is(err, context.DeadlineExceeded):
		return &Error{Status: http.StatusGatewayTimeout, Code: "timeout", Message: "the request took too long", Err: err}
	case store.IsUnavailable(err):
		return &Error{Status: http.StatusServiceUnavailable, Code: "database_unavailable", RetryAfter: 5,
			Message: "the database cannot be reached; retry in a few seconds", Err: err}
	case errors.Is(err, context.Canceled):
		// The client left (it sees nothing) or a shutdown cut the request
		// (it sees this): a standard status, to retry.
		return &Error{Status: http.StatusServiceUnavailable, Code: "interrupted", RetryAfter: 5,
			Message: "the request was interrupted (the server is shutting down); retry", Err: err}
	case errors.Is(err, ingest.ErrModelMismatch):
		return &Error{Status: http.StatusServiceUnavailable, Code: "unavailable",
			Message: "the knowledge base is being re-embedded; try again later", Err: err}
	case errors.As(err, &he):
		return httpError(he)
	}
	return &Error{Status: http.StatusInternalServerError, Code: "internal", Message: "internal error", Err: err}
}

// clientMessage is the text of a client's error as the client reads it:
// the words of the sentinel that closes its chain (« …: text too long:
// invalid request ») dropped, the code saying it already.
func clientMessage(err error) string {
	msg := err.Error()
	for _, sentinel := range []error{rag.ErrInvalid, store.ErrInvalid, ingest.ErrInvalidDocument} {
		msg = strings.TrimSuffix(msg, ": "+sentinel.Error())
	}
	return msg
}

// maxMessageBytes bounds an error's message, maxQuotedBytes a value it
// quotes: a role, a kind or a channel of 30,000 bytes is not sent back
// whole, a message naming every identifier of a refused document is.
const (
	maxMessageBytes = 4000
	maxQuotedBytes  = 200
)

// shortMessage returns msg cut to maxMessageBytes (cutText).
func shortMessage(msg string) string { return cutText(msg, maxMessageBytes) }

// cutText returns s cut to n bytes at a character's boundary, « … »
// marking the cut.
func cutText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// httpError maps echo's own errors (no route, wrong method).
func httpError(he *echo.HTTPError) *Error {
	switch he.Code {
	case http.StatusNotFound:
		return &Error{Status: he.Code, Code: "not_found", Message: "no such route"}
	case http.StatusMethodNotAllowed:
		return &Error{Status: he.Code, Code: "method_not_allowed", Message: "method not allowed on this route"}
	case http.StatusRequestEntityTooLarge:
		return &Error{Status: he.Code, Code: "too_large", Message: "the request body is too large"}
	}
	if he.Code >= 400 && he.Code < 500 {
		return &Error{Status: he.Code, Code: "bad_request", Message: http.StatusText(he.Code)}
	}
	return &Error{Status: http.StatusInternalServerError, Code: "internal", Message: "internal error", Err: he}
}

// handleError writes err in the API's error format, unless the response
// has already started (a stream reports its errors as events).
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	e := errorResponse(err)
	c.Set(ctxErrorKey, e)
	if e.RetryAfter > 0 {
		c.Response().Header().Set("Retry-After", strconv.Itoa(e.RetryAfter))
	}
	if c.Request().Method == http.MethodHead {
		_ = c.NoContent(e.Status)
		return
	}
	_ = c.JSON(e.Status, errorBody{Error: errorDetail{Code: e.Code, Message: shortMessage(e.Message)}, Stored: e.Stored,
		Findings: e.Findings})
}
