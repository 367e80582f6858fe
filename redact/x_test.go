package redact

import (
	"context"
	"os"
	"testing"
)

func TestScratch(t *testing.T) {
	b, _ := os.ReadFile("/tmp/x094.txt")
	res, _ := Redact(context.Background(), string(b), nil)
	t.Log(res.Text)
}
