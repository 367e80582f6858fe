package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/plume-sp/plume/wire"
)

// TestHelpConfig prints every setting, with its default, on stdout.
func TestHelpConfig(t *testing.T) {
	t.Parallel()
	var out, errw bytes.Buffer
	if code := run(context.Background(), []string{"help", "config"}, nil, &out, &errw, envWith(nil)); code != 0 {
		t.Fatalf("exit %d: %s", code, errw.String())
	}
	for _, s := range wire.Settings() {
		name := s.Name
		if name == "" {
			name = "--" + s.Flag
		}
		if !strings.Contains("\n"+out.String(), "\n"+name) {
			t.Errorf("plume help config does not list %s:\n%s", name, out.String())
		}
	}
	if !strings.Contains(out.String(), "PLUME_MODEL_TIMEOUT (duration; default 60s)") {
		t.Errorf("plume help config gives no type or default:\n%s", out.String())
	}
}
