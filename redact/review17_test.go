package redact

import "testing"

// TestReview17 covers the review of session 17's public keeps: a case's
// reference in a fiche's shape, a 09 69 line without a service's cue, a
// postal code after the street, a short access code; and the public
// twins that stay.
func TestReview17(t *testing.T) {
	checkRedactions(t, []redactCase{
		// DOSSIER: a case's reference, not a fiche
		{"another capital than a fiche's", "la référence K12345 de mon dossier", "la référence [DOSSIER_1] de mon dossier"},
		{"a fiche's shape before a case", "la référence F1234 de mon dossier CAF", "la référence [DOSSIER_1] de mon dossier CAF"},
		{"a header's reference", "Référence : A12345\nMadame Durand", "Référence : [DOSSIER_1]\nMadame [NOM_1]"},
		{"a header's short cue", "Ref. K12345 - Mme Durand", "Ref. [DOSSIER_1] - Mme [NOM_1]"},
		{"a fiche alone stays", "la référence F1234", "la référence F1234"},
		{"a fiche's page stays", "voir la fiche F1234", "voir la fiche F1234"},
		// TEL: a 09 69 line after a phone's cue
		{"a 09 69 line in a signature", "Jean Martin\nTél : 09 69 36 12 34\njean@x.fr", "[NOM_1]\nTél : [TEL_1]\n[EMAIL_1]"},
		{"a 09 69 line to call back", "Appelez-moi au 09 69 12 34 56", "Appelez-moi au [TEL_1]"},
		{"a service's 09 69 stays", "Le service au 09 69 32 21 21", "Le service au 09 69 32 21 21"},
		{"a pension fund's line stays", "l'Assurance retraite au 09 69 32 21 21", "l'Assurance retraite au 09 69 32 21 21"},
		// ADRESSE: the code after the street
		{"a postal code after the street", "J'habite au 12 rue de Vaugirard\ncode postal 75015 Paris", "J'habite au [ADRESSE_1]\ncode postal [ADRESSE_2]"},
		{"a postal code alone stays", "code postal 75015 Paris", "code postal 75015 Paris"},
		// SECRET: a short access code without a dialling cue
		{"a short access code", "code d'accès 3125", "code d'accès [SECRET_1]"},
		{"a service's code dialled stays", "code d'accès 3949 puis tapez 1", "code d'accès 3949 puis tapez 1"},
	})
}
