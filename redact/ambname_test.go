package redact

import "testing"

// TestAmbiguousFirstNames covers first names that are also common words
// ("pierre", "claire", "rose", "prudence") after a relative, a
// self-introduction, a greeting and before a surname, in lower case,
// capitalised and in capitals, and the phrases where they are the common
// word and must stay.
func TestAmbiguousFirstNames(t *testing.T) {
	tests := []redactCase{
		// a self-introduction, with a surname
		{"je suis, lower case", "je suis pierre martin", "je suis [NOM_1]"},
		{"je suis, unknown surname", "je suis pierre dupont, j'ai une question", "je suis [NOM_1], j'ai une question"},
		{"je suis, surname ending in -er", "je suis claire mercier", "je suis [NOM_1]"},
		{"je suis, capitals", "BONJOUR JE SUIS CLAIRE MARTIN ET JE VOUDRAIS SAVOIR POUR LA CAF",
			"BONJOUR JE SUIS [NOM_1] ET JE VOUDRAIS SAVOIR POUR LA CAF"},
		{"je suis, capitalised", "Bonjour, je suis Rose, j'ai perdu ma carte", "Bonjour, je suis [NOM_1], j'ai perdu ma carte"},
		{"je suis, capitalised then et", "je suis Pierre et je veux voir le Maire.", "je suis [NOM_1] et je veux voir le Maire."},
		{"je suis, clause ends", "bonjour je suis pierre. ma question porte sur l'apl", "bonjour je suis [NOM_1]. ma question porte sur l'apl"},
		{"c'est, subject of a verb", "c'est pierre qui a appelé hier", "c'est [NOM_1] qui a appelé hier"},
		{"moi c'est", "moi c'est blanche, rappelez moi", "moi c'est [NOM_1], rappelez moi"},
		{"ici with a surname", "ici prudence martin, ma question", "ici [NOM_1], ma question"},
		{"ici, a name that is also an adjective", "ici patience, je voulais savoir", "ici [NOM_1], je voulais savoir"},
		// a greeting before a first name and its surname
		{"greeting, lower case", "bonjour claire martin", "bonjour [NOM_1]"},
		{"greeting, unknown surname", "bonjour claire dupont, j'ai une question", "bonjour [NOM_1], j'ai une question"},
		{"greeting, capitals", "BONJOUR ROSE DUPONT", "BONJOUR [NOM_1]"},
		// a relative
		{"son, lower case", "mon fils pierre a 12 ans", "mon fils [NOM_1] a 12 ans"},
		{"daughter, lower case", "ma fille rose a perdu sa carte vitale", "ma fille [NOM_1] a perdu sa carte vitale"},
		{"son in a text with case", "Bonjour, mon fils pierre a 12 ans", "Bonjour, mon fils [NOM_1] a 12 ans"},
		{"son, capitals", "MON FILS PIERRE A 12 ANS", "MON FILS [NOM_1] A 12 ANS"},
		{"husband, name new to the list", "mon mari constant est au chômage", "mon mari [NOM_1] est au chômage"},
		{"niece with a surname", "ma nièce victoire martin habite chez moi", "ma nièce [NOM_1] habite chez moi"},
		{"grandson then a comma", "mon petit-fils ange, 8 ans", "mon petit-fils [NOM_1], 8 ans"},
		{"wife at the end", "j'écris pour ma femme olive", "j'écris pour ma femme [NOM_1]"},
		{"children listed", "mes enfants pierre, rose et claire", "mes enfants [NOM_1], [NOM_2] et [NOM_3]"},
		{"mother then a number", "ma mère marguerite 84 ans", "ma mère [NOM_1] 84 ans"},
		// right before a surname found on its own
		{"before a surname", "j'ai vu claire Martin hier", "j'ai vu [NOM_1] hier"},
		{"before a repeated name", "Je m'appelle Karim Benali. Ma femme s'inscrit aussi, c'est rose benali.",
			"Je m'appelle [NOM_1]. Ma femme s'inscrit aussi, c'est [NOM_2]."},
		// the common word stays
		{"je suis claire sur ce point", "je suis claire sur ce point", "je suis claire sur ce point"},
		{"ma fille rose de honte", "ma fille rose de honte", "ma fille rose de honte"},
		{"je suis claire then a participle", "je suis claire concernant ce dossier", "je suis claire concernant ce dossier"},
		{"c'est claire, SMS for clair", "c'est claire.", "c'est claire."},
		{"je suis rose", "je suis rose.", "je suis rose."},
		{"c'est grace a vous", "c'est grace a vous", "c'est grace a vous"},
		{"c'est france travail", "c'est france travail qui m'a dit", "c'est france travail qui m'a dit"},
		{"aime is the verb", "ma fille aime le sport", "ma fille aime le sport"},
		{"grace a is grâce à", "ma fille grace a vous a eu son bac", "ma fille grace a vous a eu son bac"},
		{"juste is the adverb", "ma fille juste a 18 ans", "ma fille juste a 18 ans"},
		{"greeting the agent stays", "bonjour pierre, merci pour votre aide", "bonjour pierre, merci pour votre aide"},
		{"greeting then a verb stays", "bonjour claire je voudrais savoir", "bonjour claire je voudrais savoir"},
		{"a stone wall", "le mur en pierre de mon voisin est tombé", "le mur en pierre de mon voisin est tombé"},
		{"determiner before a surname", "la rose Martin", "la rose [NOM_1]"},
		{"month before a name", "le 3 mai Martin est venu", "le 3 mai [NOM_1] est venu"},
		{"patience", "Merci de votre patience", "Merci de votre patience"},
		{"place with a first name", "12 rue de la Reine 92340 Bourg-la-Reine", "[ADRESSE_1]"},
	}
	checkRedactions(t, tests)
}
