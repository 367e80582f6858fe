package redact

import "testing"

// TestRedactRound16 covers session 11's rules on places of birth: the
// country, department or former name in brackets, the district and the
// state written beside the town; Romanian "născut la", "né au" before a
// town whose name starts with "Le", "à :" in a form, an unaccented "a"
// right after the date, an aside between the date and the town, and
// English "born <date>, <town>." Countries alone, "né au Maroc", a first
// name after the date and the words after the town stay.
func TestRedactRound16(t *testing.T) {
	checkRedactions(t, []redactCase{
		{"a state after a comma", "He was born on 22 July 1948 in Columbus, Ohio. He had", "He was born on [NAISSANCE_1] in [NAISSANCE_2]. He had"},
		{"a country in brackets", "né le 11.06.1988 à Iași (Roumanie). Ancien soudeur.", "né le [NAISSANCE_1] à [NAISSANCE_2]. Ancien soudeur."},
		{"a department number in brackets", "né à Pleyben (29) en 1950, je", "né à [NAISSANCE_1] en 1950, je"},
		{"a former name in brackets", "née le 2 mai 1975 à Hô-Chi-Minh-Ville (Saigon à l'époque). Je", "née le [NAISSANCE_1] à [NAISSANCE_2]. Je"},
		{"a district", "né à Marseille 5e, je", "né à [NAISSANCE_1], je"},
		{"Romanian la", "fratele meu, născut la Constanța pe 25.12.1990. A avut", "fratele meu, născut la [NAISSANCE_1] pe [NAISSANCE_2]. A avut"},
		{"né au Puy-en-Velay", "né le 15 novembre 1938 au Puy-en-Velay, je souhaiterais", "né le [NAISSANCE_1] au [NAISSANCE_2], je souhaiterais"},
		{"a form's à :", "Né(e) le : 22 / 10 / 1948  à : AMIENS (80)\nAdresse", "Né(e) le : [NAISSANCE_1]  à : [NAISSANCE_2]\nAdresse"},
		{"an unaccented a after the date", "je suis né le premier avril 1943 a Quimper. ma pension", "je suis né [NAISSANCE_1] a [NAISSANCE_2]. ma pension"},
		{"an aside between the date and the town", "je suis nee le 1er janvier 1996 (c'est juste la date sur mes papiers) a Kaolack. je",
			"je suis nee le [NAISSANCE_1] (c'est juste la date sur mes papiers) a [NAISSANCE_2]. je"},
		{"born, the date, a comma and the town", "born 3rd of march 2004, Munich. phone", "born [NAISSANCE_1], [NAISSANCE_2]. phone"},
		// what stays
		{"a country after né au stays", "né au Maroc en 1970, il travaille", "né au Maroc en 1970, il travaille"},
		{"a first name after the date and a comma stays a name", "née le 3 mai 1980, Marie est venue.", "née le [NAISSANCE_1], [NOM_1] est venue."},
		{"a country after the town and a comma goes with it (session 13)", "né le 3 mai 1980 à Lyon, France. Je", "né le [NAISSANCE_1] à [NAISSANCE_2]. Je"},
		{"a lowercase aside after the town stays", "né à Lyon (je crois) en 1970", "né à [NAISSANCE_1] (je crois) en 1970"},
	})
}
