package triage

import "testing"

// TestPapersTaken checks, with the lexicon, that papers kept from a
// person by someone close are violence, while papers an office took at
// its counter are no violence (black-box round of session 22: « j'ai vu
// Perrin au guichet mardi, elle a pris mes papiers » opened its draft
// with 3919; the classifier may still read such a message as a
// complaint or a repeated failure, an attention).
func TestPapersTaken(t *testing.T) {
	t.Parallel()
	checkLexicon(t, []lexiconCase{
		{"a husband keeps the passport", "Mon mari a confisqué mon passeport et je ne peux pas sortir, que faire ?", Urgent, []string{CodeViolence}},
		{"papers hidden by a partner", "Il a caché mes papiers pour que je ne parte pas.", Urgent, []string{CodeViolence}},
		{"an agent at the counter", "J'ai vu la dame au guichet mardi, elle a pris mes papiers et depuis plus rien. Où en est mon dossier ?", Routine, nil},
		{"the reception desk", "L'agent d'accueil a pris mes papiers pour les photocopier, quand aurai-je une réponse ?", Routine, nil},
		{"a consulate", "Le consulat a gardé mon passeport pour le visa, combien de temps ?", Routine, nil},
		// Session 22's review: an office named after the taking leaves
		// the hold; papers taken to be copied are none.
		{"a passport kept, the consulate after", "Mon mari a confisqué mon passeport, je dois aller au consulat pour en refaire un.", Urgent, []string{CodeViolence}},
		{"a passport taken, the prefecture's agent after", "Mon mari a pris mon passeport et l'agent de la préfecture dit qu'il ne peut rien faire.", Urgent, []string{CodeViolence}},
		{"papers kept, the town hall's desk after", "Mon mari garde mes papiers et je n'ose pas aller à l'accueil de la mairie.", Urgent, []string{CodeViolence}},
		{"papers taken to be copied", "Ma sœur a pris mes papiers pour les photocopier à la médiathèque, c'est bon pour le dossier ?", Routine, nil},
	})
}
