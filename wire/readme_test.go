package wire

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite README's configuration table from Settings")

// The markers around the configuration table in README.
const (
	tableBegin = "<!-- settings: generated from wire.Settings -->\n"
	tableEnd   = "<!-- end of settings -->\n"
)

// TestReadmeConfiguration checks README's configuration table against
// Settings; -update rewrites it.
func TestReadmeConfiguration(t *testing.T) {
	t.Parallel()
	path := filepath.Join("..", "README.md")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(raw)
	before, rest, ok := strings.Cut(readme, tableBegin)
	table, after, ok2 := strings.Cut(rest, tableEnd)
	if !ok || !ok2 {
		t.Fatalf("README has no %q … %q section", tableBegin, tableEnd)
	}
	want := MarkdownTable()
	if *update {
		if err := os.WriteFile(path, []byte(before+tableBegin+want+tableEnd+after), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if diff := cmp.Diff(want, table); diff != "" {
		t.Errorf("README's configuration table is not wire.Settings (go test ./wire -update rewrites it) (-want +got):\n%s", diff)
	}
}
