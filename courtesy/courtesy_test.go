package courtesy_test

import (
	"testing"

	"github.com/plume-sp/plume/courtesy"
)

func TestOf(t *testing.T) {
	tests := []struct {
		word string
		want courtesy.Kind
	}{
		{"bonjour", courtesy.Greeting},
		{"iphone", courtesy.Signature},
		{"rappeler", courtesy.CallBack},
		{"urgent", courtesy.Help},
		{"demain", courtesy.When},
		{"vous", courtesy.Function | courtesy.Polite},
		{"a", courtesy.English | courtesy.Polite},
		{"passeport", 0},
	}
	for _, tt := range tests {
		if got := courtesy.Of(tt.word); got != tt.want {
			t.Errorf("Of(%q) = %b, want %b", tt.word, got, tt.want)
		}
	}
}
