package triage

import "testing"

// TestSession17Figures checks, with the lexicon and with the whole
// triage, each figure of speech as the context exception of the rules
// whose cues it holds (rule.others, since session 17: until then one
// pattern cancelled every rule's cue inside any figure), beside its twin
// that stays a situation.
func TestSession17Figures(t *testing.T) {
	tests := []lexiconCase{
		{"a knock at the door", "On frappe à la porte.", Routine, nil},
		{"a former partner knocking for an hour", "Mon ex frappe à ma porte depuis une heure.", Urgent, []string{CodeViolence}},
		{"a former partner knocking every evening", "Mon ex frappe à ma porte tous les soirs.", Urgent, []string{CodeViolence}},
		{"a husband knocking, keys forgotten", "Mon mari frappe à la porte, il a oublié ses clés.", Routine, nil},
		{"a knock by canvassers", "Ma fille se fait frapper à la porte par les démarcheurs.", Routine, nil},
		{"beaten at the school gate", "Ma fille se fait frapper à la porte de l'école.", Urgent, []string{CodeChild, CodeViolence}},
		{"a hunger for justice", "J'ai faim de justice.", Routine, nil},
		{"hungry since yesterday", "J'ai faim depuis hier, je n'ai plus rien.", Urgent, []string{CodeFood}},
		{"children hungry for culture", "Mes enfants ont faim de culture.", Routine, nil},
		{"children hungry since yesterday", "Mes enfants ont faim depuis hier.", Urgent, []string{CodeChild, CodeFood}},
		{"a school breakfast", "Mon fils a faim le matin, peut-il avoir un petit-déjeuner à la cantine ?", Routine, nil},
		{"dead of laughter", "Ma femme est morte de rire.", Routine, nil},
		{"a wife dead", "Ma femme est morte la semaine dernière.", Attention, []string{CodeBereavement}},
		{"dying of shame", "J'ai envie de mourir de honte.", Routine, nil},
		{"wanting to die", "J'ai envie de mourir.", Urgent, []string{CodeSuicide}},
		{"a choke on coffee", "J'ai failli m'étrangler avec mon café.", Routine, nil},
		{"strangled while eating", "Il m'a étranglé en mangeant.", Urgent, []string{CodeViolence}},
		{"a fear of being hacked", "J'ai peur de me faire pirater mon compte.", Routine, nil},
		{"hacked", "Mon compte a été piraté hier.", Attention, []string{CodeFraud}},
		{"scared to death of him", "J'ai peur de lui, je suis morte de peur de lui.", Urgent, []string{CodeViolence}},
	}
	checkLexicon(t, tests)
	checkAssess(t, tests)
}
