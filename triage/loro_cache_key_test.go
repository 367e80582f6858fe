package triage

import "testing"

// TestFoldKey checks that a fold model's cache key changes with what
// training reads and only with it: the shares the thresholds are chosen
// by leave the weights alone, so a model cached under one serves another.
func TestFoldKey(t *testing.T) {
	msgs := []labelled{{ID: "a", Level: Urgent, Reasons: []string{CodeSuicide}, Text: "je veux mourir"}}
	base := training
	tests := []struct {
		name string
		edit func(*trainSettings)
		same bool
	}{
		{"routine raised", func(s *trainSettings) { s.maxRoutineRaised = 0.02 }, true},
		{"attention urgent", func(s *trainSettings) { s.maxAttentionUrgent = 0.2 }, true},
		{"flagged urgent", func(s *trainSettings) { s.maxFlaggedUrgent = 0.2 }, true},
		{"veto lost", func(s *trainSettings) { s.maxVetoLost = 0.01 }, true},
		{"lambda", func(s *trainSettings) { s.lambda = 1e-5 }, false},
		{"epochs", func(s *trainSettings) { s.epochs = 300 }, false},
		{"rate", func(s *trainSettings) { s.rate = 0.1 }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := base
			tt.edit(&s)
			if got := foldKey(msgs, s) == foldKey(msgs, base); got != tt.same {
				t.Errorf("same key = %v, want %v", got, tt.same)
			}
		})
	}
}
