package store_test

import (
	"testing"

	"github.com/plume-sp/plume/redact/redacttest"
	"github.com/plume-sp/plume/store"
)

// red is s redacted and ready to store, as plume's callers give texts.
func red(tb testing.TB, s string) store.Text {
	tb.Helper()
	return store.Redacted(redacttest.Text(tb, s))
}

// reds is red of each of ss.
func reds(tb testing.TB, ss ...string) []store.Text {
	tb.Helper()
	out := make([]store.Text, len(ss))
	for i, s := range ss {
		out[i] = red(tb, s)
	}
	return out
}
