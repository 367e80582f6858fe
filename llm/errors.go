package llm

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Error kinds. Every failure of a model call returned by this package is an
// *Error whose Kind is one of these, so callers can test with errors.Is; a call
// cancelled by the caller's own context returns the context error instead.
var (
	// ErrUnavailable means the model could not answer: the endpoint is
	// unreachable, answered 5xx after the retries, sent a malformed response,
	// broke a stream, or did not answer within the time allowed.
	ErrUnavailable = errors.New("model unavailable")
	// ErrRateLimited means the endpoint still answered 429 after the retries
	// (or asked to wait longer than allowed).
	ErrRateLimited = errors.New("model rate limited")
	// ErrBadRequest means the request itself was refused (4xx other than 429:
	// context too long, unknown model, bad key…) or would exceed the context
	// budget; resending it unchanged cannot succeed.
	ErrBadRequest = errors.New("model request refused")
	// ErrBadResponse means the endpoint answered 2xx with well-formed JSON
	// that does not fit the request: wrong vector dimension, wrong number of
	// vectors or indices, non-finite values. It usually means a
	// misconfiguration (model or dimension) that an admin must fix.
	ErrBadResponse = errors.New("model response unusable")
)

// Error describes a failed model call. It never contains the API key, and its
// message is cut short so that it fits in a log line.
type Error struct {
	// Op is the operation: "chat", "chat stream" or "embeddings".
	Op string
	// Kind is one of ErrUnavailable, ErrRateLimited, ErrBadRequest and
	// ErrBadResponse.
	Kind error
	// Status is the HTTP error status the server answered (4xx, 5xx), 0
	// when the failure was not an error status: network failure, timeout,
	// broken stream, malformed or unusable answer, local check.
	Status int
	// Attempts is the number of requests sent, 0 when the call was refused
	// before sending anything.
	Attempts int
	// Msg is a short explanation: the server's message or the local reason.
	Msg string
	// Err is the underlying cause for failures without an HTTP status
	// (network error, deadline), or nil.
	Err error
}

// Error formats the failure as "llm: OP: KIND (HTTP STATUS, N attempts): MSG".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("llm: ")
	b.WriteString(e.Op)
	b.WriteString(": ")
	if e.Kind != nil {
		b.WriteString(e.Kind.Error())
	} else {
		b.WriteString("failed")
	}
	var details []string
	if e.Status != 0 {
		details = append(details, fmt.Sprintf("HTTP %d", e.Status))
	}
	switch {
	case e.Attempts == 1:
		details = append(details, "1 attempt")
	case e.Attempts > 1:
		details = append(details, fmt.Sprintf("%d attempts", e.Attempts))
	}
	if len(details) > 0 {
		b.WriteString(" (")
		b.WriteString(strings.Join(details, ", "))
		b.WriteString(")")
	}
	if e.Msg != "" {
		b.WriteString(": ")
		b.WriteString(e.Msg)
	}
	if e.Err != nil && e.Msg == "" {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the kind and the underlying cause, so that errors.Is works
// with both (e.g. ErrUnavailable and context.DeadlineExceeded).
func (e *Error) Unwrap() []error {
	var errs []error
	if e.Kind != nil {
		errs = append(errs, e.Kind)
	}
	if e.Err != nil {
		errs = append(errs, e.Err)
	}
	return errs
}

// maxMsgRunes bounds the server message kept in an Error.
const maxMsgRunes = 240

// cleanMessage makes a server message safe to log: the API key is masked,
// whitespace collapsed and the text cut to maxMsgRunes.
func cleanMessage(msg, apiKey string) string {
	if len(apiKey) >= 4 {
		msg = strings.ReplaceAll(msg, apiKey, "[redacted]")
	}
	msg = strings.Join(strings.Fields(msg), " ")
	if utf8.RuneCountInString(msg) <= maxMsgRunes {
		return msg
	}
	n := 0
	for i := range msg {
		if n == maxMsgRunes {
			return msg[:i] + "…"
		}
		n++
	}
	return msg
}
