package rag

import (
	"fmt"
	"runtime/debug"

	"golang.org/x/sync/errgroup"
)

// goSafe runs fn in g and returns a panic in fn as g's error, with its
// stack, instead of ending the process: the server turns a panic of the
// request's own goroutine into a 500, but cannot see one of a goroutine
// a stage starts (the triage, the searches, the model's calls).
func goSafe(g *errgroup.Group, fn func() error) {
	g.Go(func() error { return recovered(fn) })
}

// recovered calls fn and returns its error, or a panic in it as one.
func recovered(fn func() error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v\n%s", p, debug.Stack())
		}
	}()
	return fn()
}
