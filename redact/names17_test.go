package redact

import "testing"

// TestNames17Signatures covers session 17's signatures whose surname is
// an ordinary word: the closing's signature masks the whole name, word
// surname included, on its own line or after a comma on the same line.
func TestNames17Signatures(t *testing.T) {
	checkRedactions(t, []redactCase{
		// must be masked
		{"signature, word surname first in capitals", "Question APL ?\nCordialement\nGRAND Pierre", "Question APL ?\nCordialement\n[NOM_1]"},
		{"signature, word surname alone in capitals", "Question APL ?\nCordialement\nPETIT", "Question APL ?\nCordialement\n[NOM_1]"},
		{"signature, surname alone in capitals", "Question APL ?\nCordialement\nBERGER", "Question APL ?\nCordialement\n[NOM_1]"},
		{"signature, first name alone", "Question APL ?\nCordialement\nPierre", "Question APL ?\nCordialement\n[NOM_1]"},
		{"signature, first name then word surname", "Bien cordialement\nPierre GRAND", "Bien cordialement\n[NOM_1]"},
		{"signature, word surname then first name", "Cordialement\nPetit Marie", "Cordialement\n[NOM_1]"},
		{"signature on the same line", "Question APL ? Cordialement, GRAND Pierre", "Question APL ? Cordialement, [NOM_1]"},
		{"signature on the same line, word surname alone", "Question APL ? Cordialement, PETIT", "Question APL ? Cordialement, [NOM_1]"},
		{"signature, merci then the name", "Merci d'avance\nLEGRAND Marie", "Merci d'avance\n[NOM_1]"},
		// must stay
		{"signature of a public service", "Cordialement\nLe service public", "Cordialement\nLe service public"},
		{"signature of a town hall", "Cordialement\nLa mairie de Grand-Couronne", "Cordialement\nLa mairie de Grand-Couronne"},
		{"closing then a question", "Cordialement\nPETIT souci avec la CAF", "Cordialement\nPETIT souci avec la CAF"},
		{"closing then an acronym", "Cordialement\nCAF", "Cordialement\nCAF"},
		{"closing then a word in capitals", "Cordialement\nURGENT", "Cordialement\nURGENT"},
	})
}

// TestNames17SelfIntroductions covers a self-introduction followed by a
// clause: the word surname after the first name is part of the name.
func TestNames17SelfIntroductions(t *testing.T) {
	checkRedactions(t, []redactCase{
		// must be masked
		{"first name and word surname, clause after", "je suis Pierre GRAND et j'ai une question", "je suis [NOM_1] et j'ai une question"},
		{"word first name and word surname, clause after", "je suis Olive GRAND et j'ai une question", "je suis [NOM_1] et j'ai une question"},
		{"nothing after", "je suis Pierre GRAND", "je suis [NOM_1]"},
		{"another first name", "je suis Paul GRAND et j'ai une question", "je suis [NOM_1] et j'ai une question"},
		{"a surname that is no word", "je suis Marie DUBOIS et j'ai une question", "je suis [NOM_1] et j'ai une question"},
		{"word surname in title case", "je suis Pierre Petit et j'ai une question", "je suis [NOM_1] et j'ai une question"},
		// must stay
		{"an adjective in capitals after je suis", "je suis GRAND et fort", "je suis GRAND et fort"},
		{"an adjective after a first name's look-alike", "je suis très content et j'ai une question", "je suis très content et j'ai une question"},
		{"a state after je suis", "je suis PERDU et j'ai une question", "je suis PERDU et j'ai une question"},
	})
}

// TestNames17Cues covers surnames after naming cues: a maiden or usual
// name, a form's NOM field, a lease or file in someone's name, a particle
// surname in capitals, an initial glued to a surname, a surname before
// an initial, a name after je m'appelle in lower case, after c'est in
// capitals and a family after les.
func TestNames17Cues(t *testing.T) {
	checkRedactions(t, []redactCase{
		// must be masked
		{"maiden name, possessive", "mon nom de jeune fille Moulin", "mon nom de jeune fille [NOM_1]"},
		{"maiden name, field", "Nom de jeune fille Pivoine", "Nom de jeune fille [NOM_1]"},
		{"maiden name, colon", "nom de jeune fille : Moulin", "nom de jeune fille : [NOM_1]"},
		{"usual first name", "prénom usuel Lan", "prénom usuel [NOM_1]"},
		{"usual name", "mon nom d'usage Moulin", "mon nom d'usage [NOM_1]"},
		{"form fields, word surname", "NOM: GRAND / PRENOM: Pierre", "NOM: [NOM_1] / PRENOM: [NOM_2]"},
		{"form fields, one per line", "NOM : GRAND\nPRENOM : Pierre", "NOM : [NOM_1]\nPRENOM : [NOM_2]"},
		{"lease in someone's name", "le bail est au nom de Petit", "le bail est au nom de [NOM_1]"},
		{"file in someone's name, surname first", "dossier au nom de Petit Camille", "dossier au nom de [NOM_1]"},
		{"particle surname in capitals", "DE LA FONTAINE Jean", "[NOM_1]"},
		{"particle surname in capitals in a sentence", "Je suis DE LA FONTAINE Jean, allocataire", "Je suis [NOM_1], allocataire"},
		{"initial glued to a surname on a last line", "Merci pour votre aide.\nA.DUPONT", "Merci pour votre aide.\n[NOM_1]"},
		{"surname then an initial on a last line", "Merci.\nDupont J.", "Merci.\n[NOM_1]"},
		{"surname then an initial after a comma", "Bonne journée, Kerbrat B.", "Bonne journée, [NOM_1]"},
		{"surname then an initial in a sentence", "signé Dupont J. le 3 mars", "signé [NOM_1] le 3 mars"},
		{"je m'appelle in lower case, word surname", "je m'appelle petit", "je m'appelle [NOM_1]"},
		{"c'est and a surname in capitals after a greeting", "Bonjour, c'est DUBOIS", "Bonjour, c'est [NOM_1]"},
		{"c'est and a surname in capitals after a greeting, no comma", "bonjour c'est MARTINEZ", "bonjour c'est [NOM_1]"},
		{"je suis and a surname in capitals after a greeting", "Bonjour je suis LEFEBVRE", "Bonjour je suis [NOM_1]"},
		{"a family after les", "les Dupont", "les [NOM_1]"},
		{"a family after les in a sentence", "j'ai parlé avec les Dupont hier", "j'ai parlé avec les [NOM_1] hier"},
		// must stay
		{"a youngest child", "le petit dernier", "le petit dernier"},
		{"in the name of the law", "au nom de la loi", "au nom de la loi"},
		{"in the name of an association", "au nom de l'association", "au nom de l'association"},
		{"in the name of the company", "au nom de mon entreprise", "au nom de mon entreprise"},
		{"not in capitals", "c'est PAS normal", "c'est PAS normal"},
		{"urgent in capitals", "c'est URGENT", "c'est URGENT"},
		{"an adjective in capitals the lexicon lacks", "c'est OBLIGATOIRE", "c'est OBLIGATOIRE"},
		{"an adjective in capitals after a greeting", "Bonjour, c'est GRATUIT ?", "Bonjour, c'est GRATUIT ?"},
		{"an organisation in capitals", "le compteur c'est ENEDIS", "le compteur c'est ENEDIS"},
		{"a mountain range after les", "les Alpes", "les Alpes"},
		{"an association after les", "les Restos du Cœur", "les Restos du Cœur"},
		{"a town after les", "j'habite les Mureaux", "j'habite les Mureaux"},
		{"a department after les", "dans les Yvelines", "dans les Yvelines"},
		{"an acronym after les", "voir les CGU", "voir les CGU"},
		{"many thanks after a civility", "Monsieur grand merci pour votre aide", "Monsieur grand merci pour votre aide"},
		{"a maiden name's cue without the name", "nom de jeune fille de ma mère", "nom de jeune fille de ma mère"},
		{"an organisation after au nom de", "au nom de Pôle Emploi", "au nom de Pôle Emploi"},
		{"all the tenants", "au nom de tous les locataires", "au nom de tous les locataires"},
		{"an acronym after c'est", "c'est la CAF", "c'est la CAF"},
		{"taxes", "les impôts", "les impôts"},
		{"an organism's name field", "NOM DE L'ORGANISME : CAF", "NOM DE L'ORGANISME : CAF"},
		{"a common noun after les", "les Allocations familiales", "les Allocations familiales"},
		{"a word after je m'appelle in lower case", "je m'appelle comment déjà", "je m'appelle comment déjà"},
		{"a letter and a word", "A.B.C", "A.B.C"},
		{"a noun and a letter opening a message", "Plan B.", "Plan B."},
		{"a level and a letter", "Niveau B. validé", "Niveau B. validé"},
		{"an abbreviation", "N.B. merci", "N.B. merci"},
		{"a letter glued to a known word", "A.Merci", "A.Merci"},
		{"an article in capitals", "DE LA PART DE LA CAF", "DE LA PART DE LA CAF"},
		{"particles in capitals before a known word", "DE LA PART DE Marie", "DE LA PART DE [NOM_1]"},
		{"particles in capitals before a town", "LE HAVRE Marie", "LE HAVRE [NOM_1]"},
	})
}
