package store

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestChunkCacheTooLargeAtVersionRead: a reading asked at one version
// that found a newer one over the bound remembers the newer one, so that
// the searches at it do not read the corpus again, and the older one is
// not taken for too large.
func TestChunkCacheTooLargeAtVersionRead(t *testing.T) {
	t.Parallel()
	c := newChunkCache()
	defer c.close()
	err := c.read(t.Context(), 7, func(context.Context) (*chunkIndex, error) {
		return nil, &indexTooLargeError{version: 8}
	})
	if !errors.Is(err, errIndexTooLarge) {
		t.Fatalf("read: %v, want errIndexTooLarge", err)
	}
	if !c.held(8) || c.held(7) {
		t.Errorf("held(8) = %v, held(7) = %v, want true, false", c.held(8), c.held(7))
	}
	c.current(8)
	if _, start := c.current(8); start {
		c.bg.run(func(context.Context) {})
		t.Error("a search at the version read too large starts a reading again")
	}
}

// TestChunkCacheSharedReadOutlivesACaller: the first caller of a shared
// reading gives up; the reading goes on and the second caller gets the
// index without a reading of its own (whether it joined the reading or
// came after it), while the first returns at once with its context's
// error.
func TestChunkCacheSharedReadOutlivesACaller(t *testing.T) {
	t.Parallel()
	c := newChunkCache()
	defer c.close()
	started, release := make(chan struct{}), make(chan struct{})
	load := func(ctx context.Context) (*chunkIndex, error) {
		close(started)
		select {
		case <-release:
			return &chunkIndex{version: 7}, nil
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	first, cancel := context.WithCancel(t.Context())
	firstErr := make(chan error, 1)
	go func() { firstErr <- c.read(first, 7, load) }()
	<-started
	secondErr := make(chan error, 1)
	go func() {
		secondErr <- c.read(t.Context(), 7, func(context.Context) (*chunkIndex, error) {
			return nil, errors.New("a second reading was made")
		})
	}()
	cancel()
	select {
	case err := <-firstErr:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("first caller: %v, want context.Canceled", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the first caller waits for the reading after giving up")
	}
	close(release)
	if err := <-secondErr; err != nil {
		t.Fatalf("second caller: %v", err)
	}
	if x := c.at(7); x == nil {
		t.Error("the index read for both callers was not kept")
	}
}

// TestChunkCacheCloseStopsAReading: closing the cache stops a reading no
// caller waits for any more.
func TestChunkCacheCloseStopsAReading(t *testing.T) {
	t.Parallel()
	c := newChunkCache()
	started, stopped := make(chan struct{}), make(chan error, 1)
	ctx, cancel := context.WithCancel(t.Context())
	go func() {
		_ = c.read(ctx, 7, func(ctx context.Context) (*chunkIndex, error) {
			close(started)
			<-ctx.Done()
			stopped <- ctx.Err()
			return nil, ctx.Err()
		})
	}()
	<-started
	cancel()
	c.close()
	select {
	case err := <-stopped:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("reading stopped by %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("closing the cache does not stop the reading")
	}
}

// TestChunkCacheCloseWaitsForSharedRead: a reading that LoadChunkIndex
// started, and whose caller gave up, is stopped and waited for by close,
// so that it never outlives the store and touches a closed pool; a reading
// asked for once the cache is closed is not made.
func TestChunkCacheCloseWaitsForSharedRead(t *testing.T) {
	t.Parallel()
	c := newChunkCache()
	started := make(chan struct{})
	var ended bool // set by the reading, read after close: -race checks the order
	load := func(ctx context.Context) (*chunkIndex, error) {
		close(started)
		<-ctx.Done()
		time.Sleep(50 * time.Millisecond) // the pool's last use
		ended = true
		return nil, ctx.Err()
	}
	caller, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- c.read(caller, 7, load) }()
	<-started
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("the caller's read: %v, want context.Canceled", err)
	}
	c.close()
	if !ended {
		t.Error("close returned while the reading was still under way")
	}
	err := c.read(t.Context(), 8, func(context.Context) (*chunkIndex, error) {
		t.Error("a reading was made after close")
		return nil, nil
	})
	if !errors.Is(err, errCacheClosed) {
		t.Errorf("read after close: %v, want errCacheClosed", err)
	}
}
