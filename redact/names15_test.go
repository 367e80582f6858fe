package redact

import "testing"

// TestNames15 covers session 15's black-box misses on names and secrets:
// the verb or participle after a name kept out of it, lower-case particle
// surnames after a self-introduction, names after the cues of a person
// ("signé", "relu par", "vu avec"), initials with dashes and dots before a
// surname, and access codes; each with what must stay beside it.
func TestNames15(t *testing.T) {
	checkRedactions(t, []redactCase{
		// the word after a name is no part of it
		{"participle after a capitalised name", "Mme Ghislaine Kerbrat rappelée au 06 12 34 56 78 hier.", "Mme [NOM_1] rappelée au [TEL_1] hier."},
		{"German verb after a name", "Mr. Müller wohnt hier seit 2019.", "Mr. [NOM_1] wohnt hier seit 2019."},
		{"participle after a lower-case name", "Mme kerbrat rappelée au téléphone.", "Mme [NOM_1] rappelée au téléphone."},
		{"verb in an adviser's note", "Mme Le Goff accompagne son fils.", "Mme [NOM_1] accompagne son fils."},
		{"verb after a civility and a surname", "M. Dupont vient pour son dossier", "M. [NOM_1] vient pour son dossier"},
		{"lower-case surname after a capitalised first name", "Madame Sophie martin, merci.", "Madame [NOM_1], merci."},
		{"lower-case verb after a lower-case name", "mme dupont habite à Rennes", "mme [NOM_1] habite à Rennes"},
		{"three lower-case words after a strong cue", "Je m'appelle Nguyen thi hoa", "Je m'appelle [NOM_1]"},
		{"a first name ending as a participle", "Je m'appelle jean rené dupont", "Je m'appelle [NOM_1]"},
	})
}
