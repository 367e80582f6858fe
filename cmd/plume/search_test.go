package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestSearchRefusesBadText: a query that is not valid UTF-8 or holds a NUL
// byte is a usage error naming the byte (exit code 2), as plume triage,
// draft and redact refuse such a text, before any database is opened.
func TestSearchRefusesBadText(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"search", "carte", "gr\xe9se"}, "the query is not valid UTF-8 (first bad byte at offset 8)"},
		{[]string{"search", "--k", "3", "carte\x00grise"}, "the query holds a NUL byte (at offset 5)"},
	} {
		var out, errw bytes.Buffer
		if code := run(context.Background(), tc.args, strings.NewReader(""), &out, &errw, noEnv); code != 2 || !strings.Contains(errw.String(), tc.want) {
			t.Errorf("%q: exit code %d, stderr %q; want 2 and %q", tc.args, code, errw.String(), tc.want)
		}
	}
}
