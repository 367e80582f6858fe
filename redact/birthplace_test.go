package redact

import "testing"

// TestBirthPlaces covers the town of birth after a birth cue, typed
// NAISSANCE, and the towns and words after "né à" that are no place of
// birth and stay.
func TestBirthPlaces(t *testing.T) {
	checkRedactions(t, []redactCase{
		// masked
		{"né à a town", "Bonjour, je suis né à Oran en 1962.", "Bonjour, je suis né à [NAISSANCE_1] en 1962."},
		{"a town after the date with its country in brackets", "Mme Popescu, née le 3 mai 1960 à Bucarest (Roumanie), demande sa retraite.",
			"Mme [NOM_1], née le [NAISSANCE_1] à [NAISSANCE_2], demande sa retraite."},
		{"born in", "I was born in Lagos and I live in Paris.", "I was born in [NAISSANCE_1] and I live in Paris."},
		{"born on a date in a town", "born on July 4th, 1952 in Ohio. Thanks", "born on [NAISSANCE_1] in [NAISSANCE_2]. Thanks"},
		{"lieu de naissance", "Lieu de naissance : Tizi Ouzou", "Lieu de naissance : [NAISSANCE_1]"},
		{"lieu et date de naissance, the town first", "Lieu et date de naissance : Oran, 12/03/1980", "Lieu et date de naissance : [NAISSANCE_1], [NAISSANCE_2]"},
		{"date et lieu de naissance, the town after the date", "Date et lieu de naissance : 12/03/1980 à Pointe-à-Pitre",
			"Date et lieu de naissance : [NAISSANCE_1] à [NAISSANCE_2]"},
		{"nacido en", "nacido el 3 de mayo de 1980 en Quito.", "nacido el [NAISSANCE_1] en [NAISSANCE_2]."},
		{"nací en", "Nací el 19/5/1995 en Sevilla. Vivo en Toulouse.", "Nací el [NAISSANCE_1] en [NAISSANCE_2]. Vivo en Toulouse."},
		{"nato a", "nato il 21 settembre 1950 a Bari, pensionato", "nato il [NAISSANCE_1] a [NAISSANCE_2], pensionato"},
		{"geboren in", "geboren am 3. Oktober 1961 in Köln.", "geboren am [NAISSANCE_1] in [NAISSANCE_2]."},
		{"urodzony w", "urodzony w Krakowie", "urodzony w [NAISSANCE_1]"},
		{"a town before the date", "Paul-Henri de Villemont, né à Vannes le 3 août 1939, domicilié", "[NOM_1], né à [NAISSANCE_1] le [NAISSANCE_2], domicilié"},
		{"a compound town, its department in brackets", "né à Saint-Martin-d'Hères (Isère) le 3 mai 1970", "né à [NAISSANCE_1] le [NAISSANCE_2]"},
		{"a town with an article", "née à La Rochelle", "née à [NAISSANCE_1]"},
		{"two words", "né le 1/1/1980 à Tizi Ouzou.", "né le [NAISSANCE_1] à [NAISSANCE_2]."},
		{"a form's né(e)", "Né(e) le : 30/04/1985 à Lagos (Nigéria)\nTitre", "Né(e) le : [NAISSANCE_1] à [NAISSANCE_2]\nTitre"},
		{"an SMS without accents", "jsuis ne le 3 fevrier 1994 a kayes. merci bcp", "jsuis ne le [NAISSANCE_1] a [NAISSANCE_2]. merci bcp"},
		{"unaccented a after an unaccented cue", "M. TRAORE Moussa (ne le 01/01/1985 a Bamako)", "M. [NOM_1] (ne le [NAISSANCE_1] a [NAISSANCE_2])"},
		{"a date in another language before the town", "née le on iki Mayıs 1979 à Konya (Turquie)", "née le [NAISSANCE_1] à [NAISSANCE_2]"},
		{"a town in lower case right after the date, in a text with capitals", "Bonjour, jsuis Anas, ne le 4 novembre 2003 a fes, jai un recepisse",
			"Bonjour, jsuis [NOM_1], ne le [NAISSANCE_1] a [NAISSANCE_2], jai un recepisse"},
		{"a town in lower case before « et »", "Bonjour, né le 12/03/1987 a roubaix et ma femme aussi", "Bonjour, né le [NAISSANCE_1] a [NAISSANCE_2] et ma femme aussi"},
		{"a saint's compound in lower case", "Bonjour, née le 3 avril 1990 à saint-etienne.", "Bonjour, née le [NAISSANCE_1] à [NAISSANCE_2]."},
		{"a saint's compound with its department", "Bonjour, née le 12.03.87 à saint-denis (93).", "Bonjour, née le [NAISSANCE_1] à [NAISSANCE_2]."},
		{"born in a town in lower case", "Hi, I am Giulia. born 5 march 2002 in rome. Thanks", "Hi, I am [NOM_1]. born [NAISSANCE_1] in [NAISSANCE_2]. Thanks"},
		// kept
		{"a verb in lower case after the date, in a text with capitals", "Mon fils Paul, ne le 4 mai 2001 a grandi a Lyon.",
			"Mon fils [NOM_1], ne le [NAISSANCE_1] a grandi a Lyon."},
		{"a participle in lower case after the date", "Mon frère, ne le 3 mai 1990 a ete placé.", "Mon frère, ne le [NAISSANCE_1] a ete placé."},
		{"a maternity", "je suis née à la maternité de Lyon", "je suis née à la maternité de Lyon"},
		{"né à terme, je vis à", "il est né à terme, je vis à Lyon", "il est né à terme, je vis à Lyon"},
		{"an hour", "ma fille est née à 8h du matin", "ma fille est née à 8h du matin"},
		{"an hour in digits", "il est né à 23 h 40", "il est né à 23 h 40"},
		{"terme without accents", "mon fils est ne a terme. merci", "mon fils est ne a terme. merci"},
		{"a word of the lexicon in a text without case", "mon fils ne le 3 mai 2010 a eu son bac", "mon fils ne le [NAISSANCE_1] a eu son bac"},
		{"a country after au", "né au Maroc, je vis à Lyon", "né au Maroc, je vis à Lyon"},
		{"a country after à", "née à Madagascar en 1970", "née à Madagascar en 1970"},
		{"a country after in", "I was born in Nigeria.", "I was born in Nigeria."},
		{"a country after nacida en", "nacida en Colombia", "nacida en Colombia"},
		{"abroad", "Je suis né à l'étranger et j'ai besoin d'un extrait", "Je suis né à l'étranger et j'ai besoin d'un extrait"},
		{"where one lives after the date", "née le 30/09/1956, je vis à Sousse.", "née le [NAISSANCE_1], je vis à Sousse."},
		{"where one lives after nascida em", "nascida em 14/02/1991, brasileira, moro em Nice", "nascida em [NAISSANCE_1], brasileira, moro em Nice"},
		{"a noun cue: the birth grant", "la prime de naissance à la CAF de Lyon", "la prime de naissance à la CAF de Lyon"},
		{"a noun cue: the birth certificate", "extrait d'acte de naissance à Nantes", "extrait d'acte de naissance à Nantes"},
		{"a noun cue after a date", "acte de naissance du 12/03/2020 à Nantes", "acte de naissance du [NAISSANCE_1] à Nantes"},
		{"a negation", "je ne suis à Lyon que depuis mars", "je ne suis à Lyon que depuis mars"},
		{"a verb a after an accented cue", "Ma fille, née en 2012, a Mathématiques demain.", "Ma fille, née en 2012, a Mathématiques demain."},
		{"a year after né en", "né en 1963 à la retraite depuis", "né en 1963 à la retraite depuis"},
	})
}
