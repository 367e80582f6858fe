package redact

import (
	"context"
	"strings"
	"testing"
)

func BenchmarkX1MB(b *testing.B) {
	text := realisticText(1 << 20)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Redact(context.Background(), text, nil)
	}
}

func BenchmarkXDigits(b *testing.B) {
	text := strings.Repeat("1 2 3 4 5 6 7 8 9 0 ", 10000)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Redact(context.Background(), text, nil)
	}
}
