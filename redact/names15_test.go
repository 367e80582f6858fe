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
		// lower-case surnames after particles
		{"lower-case double surname after a particle", "Je m'appelle marie-josé da silva pereira, je vous écris.", "Je m'appelle [NOM_1], je vous écris."},
		{"dos and two surnames", "je m'appelle joão dos santos ferreira", "je m'appelle [NOM_1]"},
		{"lower-case particles alone after mon nom est", "Bonjour, mon nom est van der berg et j'ai un rendez-vous.", "Bonjour, mon nom est [NOM_1] et j'ai un rendez-vous."},
		{"lower-case particles after a civility", "Mme van der berg a appelé.", "Mme [NOM_1] a appelé."},
		{"an office after a civility's article stays", "Je suis M. le maire.", "Je suis M. le maire."},
		{"a civility then de and a common word stays", "Il y avait un monsieur de passage à l'accueil.", "Il y avait un monsieur de passage à l'accueil."},
		{"thanks to madame stays", "Merci madame de votre aide.", "Merci madame de votre aide."},
		{"the CAF's madame stays", "Bonjour madame de la caf, je vous écris.", "Bonjour madame de la caf, je vous écris."},
		{"a second word that goes on stays apart", "je suis marie de la fontaine heureuse de venir", "je suis [NOM_1] de la fontaine heureuse de venir"},
	})
}
