package rag

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/sync/errgroup"
)

// TestGoSafe: a panic in a stage's goroutine is the group's error, with
// its stack, and the process goes on (the diff review of session 18: a
// panic of the triage, now run beside the search, would have ended it).
func TestGoSafe(t *testing.T) {
	g := new(errgroup.Group)
	goSafe(g, func() error { var s []int; _ = s[len(s)]; return nil })
	goSafe(g, func() error { return nil })
	err := g.Wait()
	if err == nil || !strings.Contains(err.Error(), "panic: runtime error: index out of range") || !strings.Contains(err.Error(), "goroutine") {
		t.Errorf("g.Wait() = %v, want the panic with its stack", err)
	}
	want := errors.New("plain")
	if err := recovered(func() error { return want }); err != want {
		t.Errorf("recovered(plain error) = %v", err)
	}
}
