package redact

import "testing"

// TestFamilyWordNames covers a family's name that is also a common word
// after « la famille » (black-box round 2 of session 19: « la famille
// Vigne » reached the prompt, and its « vigne » found the Crit'Air
// vignette's fiches), and the capitalised words there that stay.
func TestFamilyWordNames(t *testing.T) {
	checkRedactions(t, []redactCase{
		// masked
		{"a common word as the family's name", "Au sujet de la famille Vigne, rien de neuf.", "Au sujet de la famille [NOM_1], rien de neuf."},
		{"at the start of the sentence", "La famille Vigne a déménagé.", "La famille [NOM_1] a déménagé."},
		{"a compound", "la famille Boulanger-Roux est arrivée", "la famille [NOM_1] est arrivée"},
		{"two families", "la famille Vigne et la famille Grange", "la famille [NOM_1] et la famille [NOM_2]"},
		// kept
		{"an organisation", "la famille France Services nous aide", "la famille France Services nous aide"},
		{"a function word", "Ma famille Et moi", "Ma famille Et moi"},
		{"lower case", "la famille vigne", "la famille vigne"},
		{"a family number", "Numéro de famille : FAM-004512", "Numéro de famille : [DOSSIER_1]"},
	})
}
