package triage

import "testing"

// TestSession20Round27 checks, on the lexicon alone, what round 27's
// tuning half showed missed or raised: suicidal thoughts said calmly in
// English, a fear for a file that is no violence, beside a fear of
// someone that stays one.
func TestSession20Round27(t *testing.T) {
	t.Parallel()
	checkLexicon(t, []lexiconCase{
		{name: "insurance", text: "Lately I keep thinking my family would be better off with the insurance money than paying for me.", level: Urgent, codes: []string{CodeSuicide, CodeLanguage}},
		{name: "pills", text: "I've been looking up how many of my pills it would take.", level: Urgent, codes: []string{CodeSuicide, CodeLanguage}},
		{name: "cancelled", text: "Mon attestation est bonne encore 4 mois, donc ça va pour maintenant, mais j'ai peur encore annulé.", level: Routine},
		{name: "someone", text: "J'ai peur qu'il revienne ce soir, il a cassé la porte la semaine dernière.", level: Urgent, codes: []string{CodeViolence}},
	})
}
