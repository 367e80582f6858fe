// Package redacttest gives tests the redacted texts that plume's typed
// functions take: the only way to a redact.Text is redaction, in tests too.
package redacttest

import (
	"context"
	"testing"

	"github.com/plume-sp/plume/redact"
)

// Text returns s redacted with the default policy, failing the test when s
// cannot be redacted (invalid UTF-8, too large).
func Text(tb testing.TB, s string) redact.Text {
	tb.Helper()
	res, err := redact.Redact(context.Background(), s, redact.DefaultPolicy())
	if err != nil {
		tb.Fatalf("redact %q: %v", s, err)
	}
	return res.Text
}
