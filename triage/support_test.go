package triage

import (
	"context"
	"slices"
	"testing"
)

// TestUnsupportedReasons checks, through Assess (lexicon and classifier),
// the short, calm messages a black-box tester found urgent or in need of
// attention for a reason nothing in them supports (issue 16), and the
// close urgent messages that stay urgent.
func TestUnsupportedReasons(t *testing.T) {
	cases := []struct {
		name, text string
		max        Level    // the most pressing level allowed
		min        Level    // the least pressing level allowed
		codes      []string // codes that must be among the reasons
		never      []string // codes that must not be
	}{
		{"a dismissal for one's orientation, under curatorship", "Je suis gay et j'ai été licencié à cause de mon orientation sexuelle, je suis sous curatelle", Attention, Routine, nil, []string{CodeFood}},
		{"living with a partner, seropositive", "je suis séropositif et je vis avec mon compagnon Marc, puis-je avoir une aide au logement ?", Attention, Routine, nil, []string{CodeViolence}},
		{"an RSA suspended, in French", "mon RSA a été suspendu, je suis dans une situation difficile", Attention, Routine, nil, []string{CodeLanguage}},
		{"nothing to eat for three days", "je n'ai plus rien à manger depuis trois jours avec mes enfants", Urgent, Urgent, []string{CodeFood}, nil},
		{"a husband who hits", "mon mari me frappe", Urgent, Urgent, []string{CodeViolence}, nil},
		{"ending it", "je vais en finir", Urgent, Urgent, []string{CodeSuicide}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := AssessAt(context.Background(), c.text, evalNow)
			if a.Level.Rank() > c.max.Rank() || a.Level.Rank() < c.min.Rank() {
				t.Errorf("level %s, want %s to %s (%v)", a.Level, c.min, c.max, a.Codes())
			}
			for _, code := range c.codes {
				if !slices.Contains(a.Codes(), code) {
					t.Errorf("codes %v, want %s", a.Codes(), code)
				}
			}
			for _, code := range c.never {
				if slices.Contains(a.Codes(), code) {
					t.Errorf("codes %v, never %s", a.Codes(), code)
				}
			}
		})
	}
}

// TestLanguageCue checks the words that let the classifier name a
// language barrier in a message written in French.
func TestLanguageCue(t *testing.T) {
	cases := []struct {
		text string
		want bool
	}{
		{"mon RSA a été suspendu, je suis dans une situation difficile", false},
		{"je ne compren pas lettre de caf", true},
		{"la caise francaise envoi lettre, je pas comprend quoi faire", true},
		{"Mbote, on est arrivé de Kinshasa le mois passé", true},
		{"il faut un interprète au rendez-vous", true},
		{"je voudrais comprendre mes droits", false},
	}
	for _, c := range cases {
		if got := newMessage(c.text, evalNow).languageCue(); got != c.want {
			t.Errorf("languageCue(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}
