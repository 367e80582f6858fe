package store

import (
	"context"
	"fmt"
)

// curationPoolShare is the inverse of the share of the pool's connections
// that the curation work lists' reads may hold at once, all callers
// together: a quarter (4 of 16 on two cores). Each list makes five reads
// (Curation in package rag runs them at once); unbounded, four
// administrators opening it together held the whole pool and a draft's
// queries waited for them (BenchmarkCurationConcurrent).
const curationPoolShare = 4

// newCurationSlots returns the semaphore of the curation reads of a pool
// of maxConns connections: at least one.
func newCurationSlots(maxConns int32) chan struct{} {
	return make(chan struct{}, max(1, int(maxConns)/curationPoolShare))
}

// CurationSlots is how many curation reads (UnreliableQuestions,
// LowRatedDrafts, DocumentUses, StaleDocuments, CurationClosures) run at
// once in this process, whoever asks; the others wait their turn, first
// come first served.
func (s *Store) CurationSlots() int { return cap(s.curation) }

// curationSlot waits for a turn to run a curation read, and returns the
// function that gives it back; it fails when ctx ends first.
func (s *Store) curationSlot(ctx context.Context) (release func(), err error) {
	select {
	case s.curation <- struct{}{}:
		return func() { <-s.curation }, nil
	case <-ctx.Done():
		return nil, fmt.Errorf("wait for a curation read's turn: %w", context.Cause(ctx))
	}
}
