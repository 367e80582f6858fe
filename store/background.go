package store

import (
	"context"
	"sync"
)

// background runs the readings a cache starts in the background (the
// chunk index, the typo index): its context ends them when the store
// closes, and close waits for them; none starts after.
type background struct {
	ctx  context.Context
	stop context.CancelFunc
	wg   sync.WaitGroup
}

// init readies b; a cache calls it once, when it is made.
func (b *background) init() {
	b.ctx, b.stop = context.WithCancel(context.Background())
}

// begin counts a reading as under way, unless the store is closing. The
// cache calls it with its lock held, the lock close takes.
func (b *background) begin() bool {
	if b.ctx.Err() != nil {
		return false
	}
	b.wg.Add(1)
	return true
}

// end ends a reading begun by begin that its caller ran itself.
func (b *background) end() { b.wg.Done() }

// run runs a reading begun by begin.
func (b *background) run(read func(ctx context.Context)) {
	go func() {
		defer b.wg.Done()
		read(b.ctx)
	}()
}

// close stops the readings under way and waits for them; mu is the
// cache's lock, under which begin is called.
func (b *background) close(mu *sync.Mutex) {
	mu.Lock()
	b.stop()
	mu.Unlock()
	b.wg.Wait()
}
