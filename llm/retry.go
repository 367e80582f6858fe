package llm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// Defaults shared by the chat client and the embedder.
const (
	defaultMaxRetries    = 3
	defaultBackoffBase   = 500 * time.Millisecond
	defaultBackoffMax    = 15 * time.Second
	defaultMaxRetryAfter = 30 * time.Second
)

// errCallTimeout is the cause of a call context that ran out of its Timeout.
var errCallTimeout = errors.New("call timeout")

// errIdleTimeout is returned by a stream attempt that received nothing for
// longer than the idle timeout.
var errIdleTimeout = errors.New("stream idle timeout")

// errStreamCut is returned by a stream attempt whose response ended without
// a finish reason: the connection closed before the model had finished.
var errStreamCut = errors.New("stream ended without a finish reason")

// retryPolicy says how often and how long to wait between attempts.
type retryPolicy struct {
	maxRetries    int
	backoffBase   time.Duration
	backoffMax    time.Duration
	maxRetryAfter time.Duration
}

// newRetryPolicy applies the defaults: zero means the default, a negative
// MaxRetries means no retry.
func newRetryPolicy(maxRetries int, base, maxBackoff, maxRetryAfter time.Duration) retryPolicy {
	p := retryPolicy{maxRetries: maxRetries, backoffBase: base, backoffMax: maxBackoff, maxRetryAfter: maxRetryAfter}
	switch {
	case p.maxRetries == 0:
		p.maxRetries = defaultMaxRetries
	case p.maxRetries < 0:
		p.maxRetries = 0
	}
	if p.backoffBase <= 0 {
		p.backoffBase = defaultBackoffBase
	}
	if p.backoffMax <= 0 {
		p.backoffMax = defaultBackoffMax
	}
	if p.backoffMax < p.backoffBase {
		p.backoffMax = p.backoffBase
	}
	if p.maxRetryAfter <= 0 {
		p.maxRetryAfter = defaultMaxRetryAfter
	}
	return p
}

// backoff returns the wait before retry number n (1-based): exponential from
// backoffBase, capped at backoffMax, with jitter in [d/2, d].
func (p retryPolicy) backoff(n int) time.Duration {
	d := p.backoffBase
	for i := 1; i < n && d < p.backoffMax; i++ {
		d *= 2
	}
	d = min(d, p.backoffMax)
	half := d / 2
	if half <= 0 {
		return d
	}
	return half + rand.N(half+1)
}

// parseRetryAfter reads how long the server asks to wait: the
// "Retry-After-Ms" header OpenAI sends (milliseconds), else the standard
// "Retry-After" (seconds or an HTTP date).
func parseRetryAfter(h http.Header, now time.Time) (time.Duration, bool) {
	if v := strings.TrimSpace(h.Get("Retry-After-Ms")); v != "" {
		if ms, err := strconv.ParseFloat(v, 64); err == nil && ms >= 0 && ms < 1e9 {
			return time.Duration(ms * float64(time.Millisecond)), true
		}
	}
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0, false
	}
	if s, err := strconv.ParseFloat(v, 64); err == nil {
		if s < 0 || s > 1e6 {
			return 0, false
		}
		return time.Duration(s * float64(time.Second)), true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

// attemptInfo is what the HTTP layer saw during one attempt; go-openai's
// errors do not carry the response headers, so recordingDoer fills it in
// through the request context.
type attemptInfo struct {
	retryAfter    time.Duration
	hasRetryAfter bool
}

type attemptKey struct{}

// recordingDoer is the HTTP client given to go-openai: it notes the
// Retry-After of each response in the attempt's attemptInfo.
type recordingDoer struct {
	client *http.Client
}

// Do sends the request and records what the response says about retrying.
func (d recordingDoer) Do(req *http.Request) (*http.Response, error) {
	resp, err := d.client.Do(req)
	if resp != nil {
		if info, ok := req.Context().Value(attemptKey{}).(*attemptInfo); ok {
			info.retryAfter, info.hasRetryAfter = parseRetryAfter(resp.Header, time.Now())
		}
	}
	return resp, err
}

// defaultHTTPClient returns a client whose pool keeps enough idle connections
// for many concurrent calls to one endpoint. It has no Timeout: calls are
// bounded by their context, which also covers long streams.
func defaultHTTPClient() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 64
	return &http.Client{Transport: t}
}

// endpoint is the part shared by the chat client and the embedder: one
// go-openai client, the key to mask in messages, the time budget and the
// retry policy.
type endpoint struct {
	client  *openai.Client
	apiKey  string
	timeout time.Duration
	policy  retryPolicy
}

// newEndpoint builds the go-openai client for baseURL ("" means OpenAI's).
func newEndpoint(baseURL, apiKey string, hc *http.Client, timeout time.Duration, policy retryPolicy) endpoint {
	cfg := openai.DefaultConfig(apiKey)
	if baseURL != "" {
		cfg.BaseURL = strings.TrimRight(baseURL, "/")
	}
	if hc == nil {
		hc = defaultHTTPClient()
	}
	cfg.HTTPClient = recordingDoer{client: hc}
	return endpoint{client: openai.NewClientWithConfig(cfg), apiKey: apiKey, timeout: timeout, policy: policy}
}

// noRetry marks an attempt error that must not be retried (a stream that
// already delivered text); it is classified like the error it wraps.
type noRetry struct{ err error }

func (e noRetry) Error() string { return e.err.Error() }
func (e noRetry) Unwrap() error { return e.err }

// callerError wraps an error returned by the caller's own callback: it ends
// the call at once and is returned as is.
type callerError struct{ err error }

func (e callerError) Error() string { return e.err.Error() }
func (e callerError) Unwrap() error { return e.err }

// failure is a classified attempt error.
type failure struct {
	err        *Error
	retryable  bool
	retryAfter time.Duration
	hasAfter   bool
}

// call runs attempt until it succeeds, fails for good, or the retries are
// spent, all within the endpoint's timeout. It returns the number of attempts
// made and nil, an *Error, or the caller's context or callback error wrapped
// with op.
func (e endpoint) call(ctx context.Context, op string, attempt func(ctx context.Context) error) (int, error) {
	parent := ctx
	if e.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeoutCause(ctx, e.timeout, errCallTimeout)
		defer cancel()
	}
	for n := 1; ; n++ {
		info := &attemptInfo{}
		err := attempt(context.WithValue(ctx, attemptKey{}, info))
		if err == nil {
			return n, nil
		}
		if ce, ok := errors.AsType[callerError](err); ok {
			return n, fmt.Errorf("llm: %s: %w", op, ce.err)
		}
		if errors.Is(parent.Err(), context.Canceled) {
			return n, fmt.Errorf("llm: %s: %w", op, parent.Err())
		}
		f := e.classify(ctx, op, err, info)
		f.err.Attempts = n
		if !f.retryable || n > e.policy.maxRetries {
			return n, f.err
		}
		wait := e.policy.backoff(n)
		if f.hasAfter {
			if f.retryAfter > e.policy.maxRetryAfter {
				f.err.Msg = cleanMessage(fmt.Sprintf("server asks to wait %s: %s", f.retryAfter.Round(time.Millisecond), f.err.Msg), e.apiKey)
				return n, f.err
			}
			wait = max(wait, f.retryAfter)
		}
		if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) < wait {
			return n, f.err
		}
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			if errors.Is(parent.Err(), context.Canceled) {
				return n, fmt.Errorf("llm: %s: %w", op, parent.Err())
			}
			return n, f.err
		}
	}
}

// classify turns an attempt error into an *Error and says whether to retry.
func (e endpoint) classify(ctx context.Context, op string, err error, info *attemptInfo) failure {
	retryable := true
	if _, ok := errors.AsType[noRetry](err); ok {
		retryable = false
	}
	fe := &Error{Op: op}
	f := failure{err: fe, retryAfter: info.retryAfter, hasAfter: info.hasRetryAfter}

	// The call's own time budget (or the caller's deadline) ran out.
	if ctx.Err() != nil {
		fe.Kind = ErrUnavailable
		fe.Err = context.DeadlineExceeded
		if errors.Is(context.Cause(ctx), errCallTimeout) {
			fe.Msg = fmt.Sprintf("no complete answer within %s", e.timeout)
		} else {
			fe.Msg = "deadline exceeded"
		}
		return f
	}
	if errors.Is(err, errIdleTimeout) {
		fe.Kind = ErrUnavailable
		fe.Err = context.DeadlineExceeded
		fe.Msg = cleanMessage(err.Error(), e.apiKey)
		f.retryable = retryable
		return f
	}

	var (
		apiErr *openai.APIError
		reqErr *openai.RequestError
		synErr *json.SyntaxError
		typErr *json.UnmarshalTypeError
	)
	switch {
	case errors.As(err, &apiErr):
		fe.Status = apiErr.HTTPStatusCode
		fe.Msg = cleanMessage(apiErr.Message, e.apiKey)
		if fe.Msg == "" {
			fe.Msg = cleanMessage(apiErr.HTTPStatus, e.apiKey)
		}
	case errors.As(err, &reqErr):
		fe.Status = reqErr.HTTPStatusCode
		msg := strings.TrimSpace(string(reqErr.Body))
		if msg == "" {
			msg = reqErr.HTTPStatus
		}
		fe.Msg = cleanMessage(msg, e.apiKey)
	case errors.As(err, &synErr), errors.As(err, &typErr):
		fe.Kind = ErrUnavailable
		fe.Msg = cleanMessage("malformed response: "+err.Error(), e.apiKey)
		f.retryable = retryable
		return f
	case errors.Is(err, openai.ErrChatCompletionInvalidModel),
		errors.Is(err, openai.ErrContentFieldsMisused),
		errors.Is(err, openai.ErrReasoningModelMaxTokensDeprecated),
		errors.Is(err, openai.ErrReasoningModelLimitationsLogprobs),
		errors.Is(err, openai.ErrReasoningModelLimitationsOther),
		errors.Is(err, openai.ErrReasoningEffortUnsupported),
		errors.Is(err, openai.ErrReasoningToolsRequireResponses),
		errors.Is(err, openai.ErrReasoningSamplingUnsupported):
		fe.Kind = ErrBadRequest
		fe.Msg = cleanMessage(err.Error(), e.apiKey)
		return f
	default:
		// Network failure: refused, reset, DNS, truncated body.
		fe.Kind = ErrUnavailable
		fe.Err = err
		fe.Msg = cleanMessage(err.Error(), e.apiKey)
		f.retryable = retryable
		return f
	}

	switch s := fe.Status; {
	case s == http.StatusTooManyRequests:
		fe.Kind = ErrRateLimited
		f.retryable = retryable
	case s == 0, s == http.StatusRequestTimeout, s >= 500:
		// 0: an error event inside a stream that had started.
		fe.Kind = ErrUnavailable
		f.retryable = retryable
	case s >= 400:
		fe.Kind = ErrBadRequest
	default:
		fe.Kind = ErrUnavailable
	}
	if s := fe.Status; s != http.StatusTooManyRequests && s != http.StatusServiceUnavailable {
		f.hasAfter = false
	}
	return f
}
