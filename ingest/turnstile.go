package ingest

import (
	"context"
	"sync"
)

// turnstile lets the workers write their documents in the order the
// producer gave them, whatever order their chunking and embedding end in:
// the same files then give the same database (the same ids, and so the
// same ties broken by id in search), ingest after ingest. Turns are
// numbered from 0 without gaps, and every turn must pass.
type turnstile struct {
	mu      sync.Mutex
	next    int
	waiting map[int]chan struct{}
}

func newTurnstile() *turnstile {
	return &turnstile{waiting: map[int]chan struct{}{}}
}

// wait returns when every turn before turn has passed, or with ctx's
// cause when ctx ends first.
func (t *turnstile) wait(ctx context.Context, turn int) error {
	t.mu.Lock()
	if t.next == turn {
		t.mu.Unlock()
		return nil
	}
	ch := make(chan struct{})
	t.waiting[turn] = ch
	t.mu.Unlock()
	select {
	case <-ch:
		return nil
	case <-ctx.Done():
		return context.Cause(ctx)
	}
}

// pass ends turn, which must be the current one, and lets the next go.
func (t *turnstile) pass(turn int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.next = turn + 1
	if ch, ok := t.waiting[t.next]; ok {
		close(ch)
		delete(t.waiting, t.next)
	}
}
