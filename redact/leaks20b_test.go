package redact

import "testing"

// TestLeaks20b covers the black-box round's remaining leaks and their
// twins that must stay: lone surnames after a verb of a person, logins
// after "pseudo", "user", "nom d'utilisateur", passwords named by an
// order word or a secret question, countries of origin, elided and
// unaccented towns of birth, CPAM and mutuelle numbers after "est au",
// and a health complement corrected.
func TestLeaks20b(t *testing.T) {
	checkRedactions(t, []redactCase{
		// NOM: a lone surname after a verb of a person and its preposition
		{"voir avec and demander à", "voir avec Bouchereau, ou demander à Pierrot ou à Dupuis-Leroy de la mairie.",
			"voir avec [NOM_1], ou demander à [NOM_2] ou à [NOM_3] de la mairie."},
		{"déposé par, transmis chez, signé pour", "Le dossier a été déposé par Lemaire, puis transmis chez Vasseur, et signé pour Texier.",
			"Le dossier a été déposé par [NOM_1], puis transmis chez [NOM_2], et signé pour [NOM_3]."},
		{"parlé à", "J'en ai parlé à Guillaumet.", "J'en ai parlé à [NOM_1]."},
		{"attendue de, a glued particle", "Réponse attendue de Dubreuil.", "Réponse attendue de [NOM_1]."},
		{"suivi par", "dossier suivi par Rocheteau", "dossier suivi par [NOM_1]"},
		{"a drug after par is no name (a medicine since session 22)", "un TDAH traité par Ritaline", "un [SANTE_1] traité par [SANTE_2]"},
		{"an appointment stays", "rdv avec Adoma pour le logement", "rdv avec Adoma pour le logement"},
		{"a firm after voir avec stays", "voir avec Adoma pour le logement", "voir avec Adoma pour le logement"},
		{"an interview stays", "j'ai eu un entretien avec Manpower hier.", "j'ai eu un entretien avec Manpower hier."},
		{"a town of work stays", "je travaille à Nancy", "je travaille à Nancy"},
		{"a town sent to stays", "dossier transmis à Créteil", "dossier transmis à Créteil"},
		{"a town awaited stays", "réponse attendue de Bobigny", "réponse attendue de Bobigny"},
		{"a carrier stays", "colis déposé par Colissimo", "colis déposé par Colissimo"},
		{"a shop stays", "transmis chez Darty pour réparation", "transmis chez Darty pour réparation"},
		{"a service stays", "suivi par Pôle Emploi", "suivi par Pôle Emploi"},
		{"a common word stays", "signé pour Accord", "signé pour Accord"},
		// SECRET: logins
		{"login and pass", "login: mlefevre / pass: Tournesol!88", "login: [SECRET_1] / pass: [SECRET_2]"},
		{"pseudo, user, nom d'utilisateur", "mon pseudo sur le site : mariedu13 ; user: mdupont2 ; nom d'utilisateur 'marie.dupont.13'",
			"mon pseudo sur le site : [SECRET_1] ; user: [SECRET_2] ; nom d'utilisateur '[SECRET_3]'"},
		{"a pass's name stays", "j'ai le pass Navigo", "j'ai le pass Navigo"},
		{"a pass's word after a colon stays", "pass: jeunes", "pass: jeunes"},
		{"a user blocked stays", "l'utilisateur est bloqué", "l'utilisateur est bloqué"},
		{"a pseudo's state stays", "mon pseudo est super", "mon pseudo est super"},
		// SECRET: passwords named by an order word or a secret question
		{"the old one tried", "le mot de passe c'est Soleil2024! , j'ai aussi essayé avec l'ancien qui était Marseille#13",
			"le mot de passe c'est [SECRET_1] , j'ai aussi essayé avec l'ancien qui était [SECRET_2]"},
		{"a secret answer", "la réponse secrète est Médor", "la réponse secrète est [SECRET_1]"},
		{"celui d'Ameli and the new one", "mon mot de passe France Connect est « Bidule!1 » et celui d'Ameli c'est azerty123, le nouveau: Printemps_2026",
			"mon mot de passe France Connect est « [SECRET_1] » et celui d'Ameli c'est [SECRET_2], le nouveau: [SECRET_3]"},
		{"before, become, another", "Avant c'était JulieEtMarc puis mon mot de passe était devenu 14juillet1989, puis encore un autre : Vanille!99",
			"Avant c'était [SECRET_1] puis mon mot de passe était devenu [SECRET_2], puis encore un autre : [SECRET_3]"},
		{"a password then a CAF number", "mon mot de passe est Piano#55. Ma CAF est au 7766554.",
			"mon mot de passe est [SECRET_1]. Ma CAF est au [CAF_1]."},
		{"before it was better stays", "avant c'était mieux, mon mot de passe est bloqué", "avant c'était mieux, mon mot de passe est bloqué"},
		{"the old one blocked stays", "l'ancien était bloqué, mot de passe oublié", "l'ancien était bloqué, mot de passe oublié"},
		{"a wrong answer stays", "la réponse secrète est fausse", "la réponse secrète est fausse"},
		{"an answer without a password stays", "la réponse à votre demande est Rexona", "la réponse à votre demande est Rexona"},
		{"the old one without a password stays", "l'ancien c'était Azerty123", "l'ancien c'était Azerty123"},
		{"a name after avant stays a name", "Avant c'était Dupont qui gérait, mon mot de passe est bloqué",
			"Avant c'était Dupont qui gérait, mon mot de passe est bloqué"},
		{"an old account in capitals stays", "MOT DE PASSE OUBLIE. L ANCIEN COMPTE QUI EST CLOTURE.",
			"MOT DE PASSE OUBLIE. L ANCIEN COMPTE QUI EST CLOTURE."},
		{"a mistyped at still reads", "écrire à jean.dupont#gmail.com", "écrire à [EMAIL_1]"},
		// ORIGINE: a country of origin stays (policy: countries and nationalities stay)
		{"parents from a country stay", "Mes parents sont originaires du Mali.", "Mes parents sont originaires du Mali."},
		// NAISSANCE: elided, unaccented, after a region
		{"a relative's town, the verb elided", "ma mère est née à Lyon, et mon père à Villeneuve Saint Georges en 1950",
			"ma mère est née à [NAISSANCE_1], et mon père à [NAISSANCE_2] en 1950"},
		{"an unaccented a", "je suis né a Villeneuve Saint Georges", "je suis né a [NAISSANCE_1]"},
		{"a region then the town", "née en Guadeloupe à Les Abymes", "née en Guadeloupe à [NAISSANCE_1]"},
		{"a country then the town", "né au Maroc à Fès", "né au Maroc à [NAISSANCE_1]"},
		{"a relative living in a town stays", "ma mère est née à Lyon et mon père à Paris depuis 2010",
			"ma mère est née à [NAISSANCE_1] et mon père à Paris depuis 2010"},
		{"an unaccented verb a stays", "l'enfant né a droit à une aide", "l'enfant né a droit à une aide"},
		{"an age after a country stays", "née en Algérie à 20 ans", "née en Algérie à 20 ans"},
		{"a maternity after a country stays", "née au Maroc à la maternité", "née au Maroc à la maternité"},
		// DOSSIER: a CPAM's or a mutuelle's number after "est au"
		{"CPAM and mutuelle", "ma CPAM est au 123456789, Ma mutuelle est au 112233445",
			"ma CPAM est au [DOSSIER_1], Ma mutuelle est au [DOSSIER_2]"},
		{"a CPAM's office line stays", "la CPAM est au 123456789", "la CPAM est au 123456789"},
		{"a mutuelle's rate stays", "ma mutuelle est au 100 %", "ma mutuelle est au 100 %"},
		{"an amount stays", "ma mutuelle est au 112233445 €", "ma mutuelle est au 112233445 €"},
		// SANTE, JUSTICE: a complement corrected, an offence after a sentence
		{"a health complement corrected", "je suis en ALD pour un cancer du sein... non de la prostate",
			"je suis en ALD pour un [SANTE_1]... non [SANTE_2]"},
		{"corrected after pardon", "j'ai un cancer du sein, pardon du poumon", "j'ai un [SANTE_1], pardon [SANTE_2]"},
		{"a refusal after a complement stays", "j'ai un cancer du sein non merci", "j'ai un [SANTE_1] non merci"},
		{"an offence after a suspended sentence", "condamnée à 2 ans avec sursis pour violences", "[JUSTICE_1] à 2 ans avec [JUSTICE_2]"},
	})
}
