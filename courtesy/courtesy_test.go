package courtesy_test

import (
	"strings"
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

func TestOnly(t *testing.T) {
	tests := []struct {
		words string
		kinds courtesy.Kind
		want  bool
	}{
		{"merci de me rappeler quand vous pourrez rien d urgent", courtesy.CallBackOnly, true},
		{"pourriez vous me rappeler au 06 12 34 56 78 demain matin", courtesy.CallBackOnly, true},
		{"ce n est pas urgent rappelez moi", courtesy.CallBackOnly, true},
		{"c est urgent rappelez moi", courtesy.CallBackOnly, false},
		{"je suis pas bien", courtesy.CallBackOnly, false},
		{"rappelez moi vite il va me tuer", courtesy.CallBackOnly, false},
		{"bonjour pouvez vous m aider", courtesy.Empty | courtesy.Polite, false},
		{"bonjour pouvez vous aider", courtesy.Empty, true},
		{"je voudrais changer le nom", courtesy.Empty, false},
		{"", courtesy.Empty, false},
	}
	for _, tt := range tests {
		if got := courtesy.Only(strings.Fields(tt.words), tt.kinds); got != tt.want {
			t.Errorf("Only(%q, %b) = %v, want %v", tt.words, tt.kinds, got, tt.want)
		}
	}
}
