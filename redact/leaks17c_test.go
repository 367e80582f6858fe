package redact

import "testing"

// TestLeaks17c covers the last leaks of round 17: an origin told by
// "d'origine" and a nationality, a freemason, one-time codes, a Spanish
// "clave", a building's access code, a name's form labels and a maiden
// name before a birth date; and their twins that must stay.
func TestLeaks17c(t *testing.T) {
	checkRedactions(t, []redactCase{
		// ORIGINE: "d'origine" and a nationality said of a person
		{"an origin by nationality", "je suis d'origine algérienne", "je suis d'origine [ORIGINE_1]"},
		{"a relative's origin by nationality", "mon mari est d'origine marocaine", "mon mari est d'origine [ORIGINE_1]"},
		{"a country of origin stays", "pays d'origine : Algérie", "pays d'origine : Algérie"},
		{"an original document stays", "le document d'origine", "le document d'origine"},
		{"a problem's origin stays", "l'origine du problème", "l'origine du problème"},
		{"a product's origin stays", "viande d'origine française", "viande d'origine française"},
		{"a modest origin stays", "je suis d'origine modeste", "je suis d'origine modeste"},
		// RELIGION: a philosophical conviction
		{"a freemason", "je suis franc-maçon", "je suis [RELIGION_1]"},
		{"freemasonry as a topic stays", "la franc-maçonnerie", "la franc-maçonnerie"},
		{"a mason stays", "je suis maçon", "je suis maçon"},
		// SECRET: one-time codes, "clave", a building's access code
		{"a one-time code after a colon", "OTP: 552310", "OTP: [SECRET_1]"},
		{"a one-time code after code", "code OTP 552310", "code OTP [SECRET_1]"},
		{"a one-time code's name alone stays", "OTP", "OTP"},
		{"a one-time code's arrival stays", "le code OTP est arrivé", "le code OTP est arrivé"},
		{"a Spanish password then its clave", "Mi contraseña es Perro99 et clave: Perro99", "Mi contraseña es [SECRET_1] et clave: [SECRET_1]"},
		{"a musical clef stays", "la clave de sol", "la clave de sol"},
		{"a building's access code", "le code d'accès de l'immeuble est 1234B", "le code d'accès de l'immeuble est [SECRET_1]"},
		{"a site's access code out of order stays", "le code d'accès du site est en panne", "le code d'accès du site est en panne"},
		// NOM: a name's form labels
		{"a name in use", "NOM D'USAGE : GIRAUD", "NOM D'USAGE : [NOM_1]"},
		{"a married name", "Nom marital : LEBLANC", "Nom marital : [NOM_1]"},
		{"a wife's name", "Nom d'épouse : MOREAU", "Nom d'épouse : [NOM_1]"},
		{"a birth name", "Nom de naissance : DURAND", "Nom de naissance : [NOM_1]"},
		{"a name-in-use label alone stays", "nom d'usage", "nom d'usage"},
		{"a married name's label in a sentence stays", "le nom marital est facultatif", "le nom marital est facultatif"},
		{"an organisation's name stays", "NOM DE L'ORGANISME : CAF", "NOM DE L'ORGANISME : CAF"},
		// NOM: a maiden name before a birth date
		{"a maiden name in capitals", "née GRAND le 4 mai 1970", "née [NOM_1] le [NAISSANCE_1]"},
		{"a maiden name capitalised", "né Grand le 4 mai 1970", "né [NOM_1] le [NAISSANCE_1]"},
		{"a birthplace before a birth date stays a place", "née à Paris le 4 mai 1970", "née à [NAISSANCE_1] le [NAISSANCE_2]"},
		{"a birth date alone", "née le 4 mai 1970", "née le [NAISSANCE_1]"},
	})
}
