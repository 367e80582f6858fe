package redact

import (
	"context"
	"testing"
)

func BenchmarkX1MB(b *testing.B) {
	text := realisticText(1 << 20)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Redact(context.Background(), text, nil)
	}
}
