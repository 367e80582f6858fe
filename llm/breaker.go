package llm

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

// EmbedBreaker is an Embedder that remembers an outage of the one it wraps
// (a circuit breaker): after a call fails with ErrUnavailable or
// ErrRateLimited (retries spent, timeout, unreachable), calls fail at once
// with ErrUnavailable for the cooldown, without reaching the endpoint. Then
// one call at a time probes it; a success closes the breaker. A call the
// caller cancelled, or a request the endpoint refused, proves nothing and
// leaves it as it was. Search falls back to full text on such errors, so an
// outage costs one request its retries instead of every request. It is safe
// for concurrent use.
type EmbedBreaker struct {
	Embedder
	cooldown time.Duration
	// probeTimeout bounds the call that probes an endpoint found down:
	// one that still hangs must not cost that request the whole model
	// timeout after every cooldown.
	probeTimeout time.Duration

	mu sync.Mutex
	// openUntil is when the next probe may go; zero when closed.
	openUntil time.Time
	probing   bool
}

// NewEmbedBreaker wraps e with a breaker that stays open for cooldown.
func NewEmbedBreaker(e Embedder, cooldown time.Duration) *EmbedBreaker {
	return &EmbedBreaker{Embedder: e, cooldown: cooldown, probeTimeout: DefaultProbeTimeout}
}

// DefaultProbeTimeout bounds a probe: a query's embedding takes well under a
// second on a healthy endpoint.
const DefaultProbeTimeout = 3 * time.Second

// WithProbeTimeout returns b with probes bounded by d.
func (b *EmbedBreaker) WithProbeTimeout(d time.Duration) *EmbedBreaker {
	b.probeTimeout = d
	return b
}

// Embed calls the wrapped embedder unless an outage is remembered.
func (b *EmbedBreaker) Embed(ctx context.Context, texts []Text) ([][]float32, error) {
	until, ok, probe := b.admit()
	if !ok {
		return nil, &Error{Op: "embeddings", Kind: ErrUnavailable,
			Msg: fmt.Sprintf("endpoint down, not tried again before %s", until.Format(time.TimeOnly))}
	}
	callCtx := ctx
	if probe && b.probeTimeout > 0 {
		var cancel context.CancelFunc
		callCtx, cancel = context.WithTimeout(ctx, b.probeTimeout)
		defer cancel()
	}
	vecs, err := b.Embedder.Embed(callCtx, texts)
	probeTimedOut := err != nil && ctx.Err() == nil && callCtx.Err() != nil
	outage := err != nil && (errors.Is(err, ErrUnavailable) || errors.Is(err, ErrRateLimited) || probeTimedOut) &&
		!errors.Is(ctx.Err(), context.Canceled)
	if probeTimedOut && !errors.Is(err, ErrUnavailable) {
		err = &Error{Op: "embeddings", Kind: ErrUnavailable, Msg: "endpoint still down: the probe timed out", Err: err}
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	switch {
	case outage:
		b.openUntil = time.Now().Add(b.cooldown)
	case err == nil:
		b.openUntil = time.Time{}
	}
	if probe {
		b.probing = false
	}
	return vecs, err
}

// admit says whether a call may reach the endpoint: the breaker is closed,
// or its cooldown is over and no other call is probing (this call is then
// the probe). When not, it returns when the next probe may go.
func (b *EmbedBreaker) admit() (until time.Time, ok, probe bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch {
	case b.openUntil.IsZero():
		return time.Time{}, true, false
	case time.Now().Before(b.openUntil) || b.probing:
		return b.openUntil, false, false
	}
	b.probing = true
	return time.Time{}, true, true
}
