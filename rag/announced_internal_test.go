package rag

import (
	"strings"
	"testing"
)

// TestAnnouncedList checks that numbers listed after a phone's word are
// phones up to maxListedAfterCue of them, and that a long list of numbers
// is read (it was quadratic: the test would not end in time).
func TestAnnouncedList(t *testing.T) {
	text := "appelez le 3919 ou le 3114 ou le 15"
	if got := len(phoneSpans(text, 0)); got != 3 {
		t.Errorf("phoneSpans(%q) found %d numbers, want 3", text, got)
	}
	long := "appelez le " + strings.Repeat("15, ", 4000)
	if got := len(phoneSpans(long, 0)); got > maxListedAfterCue+1 {
		t.Errorf("a list of 4000 numbers: %d announced, want at most %d", got, maxListedAfterCue+1)
	}
}
