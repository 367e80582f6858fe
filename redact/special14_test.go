package redact

import "testing"

// TestRedactSpecial14 covers session 14's rules on the special categories
// and foreign documents: a disability benefit asked about with a question
// mark stays, one received is masked; "malade de" and what upsets, "une
// religion chez moi" as a habit; passports of a capital and six to nine
// digits, the capital written apart, after whose document it is; a "n°"
// with a label before its colon; a bare "carte" after "numéro de la"
// referring to the residence permit or identity card named before.
func TestRedactSpecial14(t *testing.T) {
	checkRedactions(t, []redactCase{
		// benefits asked about
		{"asked with s'il and a question mark", "tu m'as demandé s'il touche l'AAH ? non, l'ASPA.",
			"tu m'as demandé s'il touche l'AAH ? non, l'ASPA."},
		{"asked with droit à une", "Est-ce qu'il a droit à une pension d'invalidité ? Merci",
			"Est-ce qu'il a droit à une pension d'invalidité ? Merci"},
		{"si and the benefit, asked", "Et si la PCH ? je ne sais pas", "Et si la PCH ? je ne sais pas"},
		{"received, a question after", "Je touche l'AAH, c'est cumulable ?", "Je touche l'[HANDICAP_1], c'est cumulable ?"},
		{"the writer's own, asked", "et si je touche l'AAH ?", "et si je touche l'[HANDICAP_1] ?"},
		{"si without a question mark", "savoir si l'AAH peut prendre le relais.", "savoir si l'[HANDICAP_1] peut prendre le relais."},
		{"received with its category", "je touche une pension d'invalidité catégorie 2.", "je touche une [HANDICAP_1]."},
		// figures
		{"malade de cette histoire", "j'en ai marre, je suis malade de cette histoire.", "j'en ai marre, je suis malade de cette histoire."},
		{"malade d'inquiétude", "sa mère est malade d'inquiétude depuis", "sa mère est malade d'inquiétude depuis"},
		{"malade du cœur is told", "mon père est malade du cœur depuis 2010", "mon père est [SANTE_1] depuis 2010"},
		{"a religion as a habit", "relire mes mails c'est devenu une religion chez moi", "relire mes mails c'est devenu une religion chez moi"},
		{"one's religion is told", "c'est ma religion, je prie", "c'est ma [RELIGION_1], je prie"},
		// passports
		{"a capital written apart", "son passeport vietnamien C 1234567 expire", "son passeport vietnamien [PASSEPORT_1] expire"},
		{"a capital and dictated digits", "passeport : K 5 3 1 9 0 2 7 6.", "passeport : [PASSEPORT_1]."},
		{"whose passport it is", "Passeport tchadien de Mme : R012345678.", "Passeport tchadien de Mme : [PASSEPORT_1]."},
		{"a capital and six digits", "mon passport number is B765432, thanks", "mon passport number is [PASSEPORT_1], thanks"},
		{"the SMS c before an age stays", "mon passeport c 12 ans de galère", "mon passeport c 12 ans de galère"},
		// a label before the colon after n°
		{"n° with a label", "j'ai perdu ma CNI (n° noté sur un papier : 0712 3345 9981) hier",
			"j'ai perdu ma CNI (n° noté sur un papier : [CNI_1]) hier"},
		// a bare card named again
		{"the residence card named again", "J'ai perdu ma carte de séjour hier soir dans le train pour Lille, je suis perdu. Numéro de la carte : 9 8 1 2 3 4 5 6 7 0, svp",
			"J'ai perdu ma carte de séjour hier soir dans le train pour Lille, je suis perdu. Numéro de la carte : [ETRANGER_1], svp"},
		{"a residence card's own number", "Mon titre de séjour expire demain. N° de carte : CD7654321.", "Mon titre de séjour expire demain. N° de carte : [ETRANGER_1]."},
		{"a bank card named last", "Mon titre de séjour est ok mais ma carte bancaire est bloquée. Numéro de la carte : 4970 1012 3456 7891",
			"Mon titre de séjour est ok mais ma carte bancaire est bloquée. Numéro de la carte : [CARTE_1]"},
		{"no document before", "Numéro de la carte : CD7654321, fidélité", "Numéro de la carte : CD7654321, fidélité"},
		// a phone named by its country
		{"a second phone after its country", "mon numero au maroc 06 61 23 45 67 et au senegal 77 123 45 67",
			"mon numero au maroc [TEL_1] et au senegal [TEL_2]"},
		{"a count after a country stays", "j'ai vécu 12 ans au Sénégal 77 fois plus", "j'ai vécu 12 ans au Sénégal 77 fois plus"},
		{"another number's cue stays", "mon numero fiscal au portugal 912 345 678", "mon numero fiscal au portugal 912 345 678"},
		// an IBAN across a line break
		{"an IBAN over two lines", "IBAN FR76 3000 4000 0312\n3456 7890 143 merci", "IBAN [IBAN_1] merci"},
		{"a wrong key in fours over two lines", "mon rib FR76 1027 8060 4100\n0204 5678 913. ok", "mon rib [IBAN_1]. ok"},
		{"a phone on the next line stays a phone", "FR76 1027 8060 4100\n0612345678 voila", "FR76 1027 8060 4100\n[TEL_1] voila"},
		{"an IBAN then a phone on the next line", "FR76 3000 4000 0312 3456 7890 143\n06 12 34 56 78", "[IBAN_1]\n[TEL_1]"},
	})
}

// TestRedactSpecial14Words covers session 14's words: the branches of a
// faith, teachers' and students' unions, pregnancy and blood pressure in
// other languages, memory troubles, a lifelong treatment and nightmares
// told by the person, while a nightmare said of a thing stays; moving
// about with difficulty, a walker, while a day one cannot come stays.
func TestRedactSpecial14Words(t *testing.T) {
	checkRedactions(t, []redactCase{
		{"a branch of a faith", "ma famille est sunnite, mon mari aussi", "ma famille est [RELIGION_1], mon mari aussi"},
		{"a teachers' union", "elle est au snuipp depuis 2015", "elle est au [SYNDICAT_1] depuis 2015"},
		{"a students' union", "je suis à l'UNEF depuis la L1", "je suis à l'[SYNDICAT_1] depuis la L1"},
		{"blood pressure", "my father has high blood pressure and diabetes", "my father has [SANTE_1] and [SANTE_2]"},
		{"a risky pregnancy in Spanish", "tengo un embarazo de riesgo y no puedo", "tengo un [SANTE_1] y no puedo"},
		{"memory troubles", "il a des problèmes de mémoire depuis l'an dernier", "il a des [SANTE_1] depuis l'an dernier"},
		{"a lifelong treatment", "je suis sous traitement à vie depuis 2019", "je suis [SANTE_1] depuis 2019"},
		{"nightmares told", "je fais des cauchemars toutes les nuits", "[SANTE_1] toutes les nuits"},
		{"a nightmare of a thing stays", "ce dossier est un vrai cauchemar", "ce dossier est un vrai cauchemar"},
		{"moving about with difficulty", "je me déplace très difficilement depuis 2020", "je [HANDICAP_1] depuis 2020"},
		{"a walker without its article", "il marche avec déambulateur dehors", "il [HANDICAP_1] dehors"},
		{"an appointment missed stays", "je ne peux pas me déplacer mardi, désolé", "je ne peux pas me déplacer mardi, désolé"},
	})
}
