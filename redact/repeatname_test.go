package redact

import "testing"

// TestRepeatedNameJoinsNeighbour covers a name seen earlier and written
// again beside a surname: the capitalised word that is no common word,
// directly before or after it, is part of the name, as when a name is
// first found; a common word at a sentence's start stays.
func TestRepeatedNameJoinsNeighbour(t *testing.T) {
	checkRedactions(t, []redactCase{
		{"a surname before a first name seen", "Mon mari Paul. Dubois Paul travaille.", "Mon mari [NOM_1]. [NOM_2] travaille."},
		{"a surname after a greeting's name", "Merci Sophie, Lambert Sophie.", "Merci [NOM_1], [NOM_2]."},
		{"mid-sentence", "Bonjour Sophie, ça avance ? Lambert Sophie, comment demander la prime d activité ?",
			"Bonjour [NOM_1], ça avance ? [NOM_2], comment demander la prime d activité ?"},
		{"a surname after a first name seen", "Mon fils Lucas. Hier Lucas Garnier est venu.", "Mon fils [NOM_1]. Hier [NOM_2] est venu."},
		{"a common word at a sentence's start stays", "Mon mari Paul. Demain Paul travaille.", "Mon mari [NOM_1]. Demain [NOM_1] travaille."},
		{"a common word after the name stays", "Mon mari Paul. Paul Merci encore.", "Mon mari [NOM_1]. [NOM_1] Merci encore."},
		{"an acronym before the name stays", "Mon mari Paul. CAF Paul a écrit.", "Mon mari [NOM_1]. CAF [NOM_1] a écrit."},
	})
}

// TestFirstNameJoinsSurnameBefore covers a first name found alone whose
// surname is written before it.
func TestFirstNameJoinsSurnameBefore(t *testing.T) {
	checkRedactions(t, []redactCase{
		{"a surname then a first name", "Dubois Paul travaille ici.", "[NOM_1] travaille ici."},
		{"after a comma", "Oui, Lambert Sophie doit venir.", "Oui, [NOM_1] doit venir."},
		{"an adverb opening the sentence stays", "Finalement Paul est venu.", "Finalement [NOM_1] est venu."},
		{"a common word stays", "Demain Paul travaille.", "Demain [NOM_1] travaille."},
	})
}
