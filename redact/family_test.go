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
		{"lower case, a known word surname", "la famille vigne", "la famille [NOM_1]"},
		{"lower case, a common word", "nous sommes une famille nombreuse", "nous sommes une famille nombreuse"},
		{"a family number", "Numéro de famille : FAM-004512", "Numéro de famille : [DOSSIER_1]"},
	})
}

// TestCivilityCommonNouns covers a lower-case surname that the lexicon
// knows as a common word after a civility (black-box round 2 of session
// 19: « mme vigne », « m. grange » reached the prompt; both are word
// surnames now), and the words after a civility that stay: titles and
// other common nouns (the session's final review: « monsieur conseiller, »
// read as a name by a first version that took any common noun).
func TestCivilityCommonNouns(t *testing.T) {
	checkRedactions(t, []redactCase{
		// masked
		{"before a preposition", "appel de mme vigne pour un passeport", "appel de mme [NOM_1] pour un passeport"},
		{"before a function word", "vu m. grange ce matin", "vu m. [NOM_1] ce matin"},
		{"capitalised civility, lower-case name", "Mme vigne est venue", "Mme [NOM_1] est venue"},
		// kept
		{"an article after the civility", "monsieur le maire a dit", "monsieur le maire a dit"},
		{"a title", "Bonjour monsieur conseiller, je vous écris", "Bonjour monsieur conseiller, je vous écris"},
		{"a title at the start", "Madame directrice, je vous écris", "Madame directrice, je vous écris"},
		{"urgent", "merci monsieur urgent svp", "merci monsieur urgent svp"},
		{"a service", "madame accueil ce matin m'a dit", "madame accueil ce matin m'a dit"},
		{"a negation", "mme pas contente", "mme pas contente"},
		{"a greeting", "bonjour madame merci", "bonjour madame merci"},
		{"many thanks", "Monsieur grand merci pour votre aide", "Monsieur grand merci pour votre aide"},
		{"a determiner before the civility", "un monsieur loyer et gros", "un monsieur loyer et gros"},
		{"a letter's opening", "Madame, Monsieur,", "Madame, Monsieur,"},
	})
}
