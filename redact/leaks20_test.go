package redact

import "testing"

// TestLeaks20 covers session 20's leaks and their twins that must stay:
// plain-word passwords and a second one in the sentence, origins after a
// label, towns of birth of several words, logins, lone surnames after a
// preposition, and a CAF number after "est au" or "c'est bien le".
func TestLeaks20(t *testing.T) {
	checkRedactions(t, []redactCase{
		// SECRET: a password of one plain word after a verb of being or "oublié"
		{"a plain word then a second", "mon mot de passe c'est soleil, l'ancien c'était papillon",
			"mon mot de passe c'est [SECRET_1], l'ancien c'était [SECRET_2]"},
		{"a plain word then et", "mon mdp c'est chocolat et l'ancien c'était papillon.", "mon mdp c'est [SECRET_1] et l'ancien c'était [SECRET_2]."},
		{"a password's shape then a plain word", "mon mdp c'est Azerty123, l'ancien c'était papillon", "mon mdp c'est [SECRET_1], l'ancien c'était [SECRET_2]"},
		{"forgotten and a colon", "mot de passe oublié : tournesol", "mot de passe oublié : [SECRET_1]"},
		{"forgotten and the word", "mot de passe oublié tournesol", "mot de passe oublié [SECRET_1]"},
		{"est and a word", "Mon mot de passe est kangourou.", "Mon mot de passe est [SECRET_1]."},
		{"blocked stays", "mon mot de passe est bloqué", "mon mot de passe est bloqué"},
		{"unaccented blocked stays", "mon mot de passe est bloque depuis hier", "mon mot de passe est bloque depuis hier"},
		{"incorrect stays", "mon mot de passe est incorrect", "mon mot de passe est incorrect"},
		{"too short stays", "mon mot de passe est trop court", "mon mot de passe est trop court"},
		{"forgotten then a verb stays", "mot de passe oublié cliquez ici", "mot de passe oublié cliquez ici"},
		{"forgotten then a comma stays", "mot de passe oublié, pouvez-vous m'aider", "mot de passe oublié, pouvez-vous m'aider"},
		{"a word the sentence goes on from stays", "mon mot de passe était celui de ma fille", "mon mot de passe était celui de ma fille"},
		{"the old one blocked stays", "mon mdp c'est Azerty123, l'ancien était bloqué", "mon mdp c'est [SECRET_1], l'ancien était bloqué"},
		// ORIGINE: after a label
		{"origins listed after a label", "Origines : turque, kurde", "Origines : [ORIGINE_1], [ORIGINE_2]"},
		{"ethnic origin", "origine ethnique : peule", "origine ethnique : [ORIGINE_1]"},
		{"ethnie", "Ethnie : peule", "Ethnie : [ORIGINE_1]"},
		{"my origins are", "mes origines sont turques et kurdes", "mes origines sont [ORIGINE_1] et [ORIGINE_2]"},
		{"a nationality alone stays", "je suis turc", "je suis turc"},
		{"a nationality's label stays", "Nationalité : turque", "Nationalité : turque"},
		{"a country of origin stays", "Pays d'origine : Turquie, nationalité turque", "Pays d'origine : Turquie, nationalité turque"},
		{"a country after the label stays", "Origine : Turquie", "Origine : Turquie"},
		{"an unknown origin stays", "Origine : inconnue", "Origine : inconnue"},
		// NAISSANCE: a town of several words, one value
		{"a saint's town and its island", "né à saint-denis de la réunion", "né à [NAISSANCE_1]"},
		{"in lower case then a year", "Je suis né à saint-denis de la réunion en 1980.", "Je suis né à [NAISSANCE_1] en 1980."},
		{"aix en provence", "Je suis née à aix en provence, j'habite Lyon.", "Je suis née à [NAISSANCE_1], j'habite Lyon."},
		{"puy en velay", "Je suis né au puy en velay en 1970.", "Je suis né au [NAISSANCE_1] en 1970."},
		{"Pointe à Pitre", "née à Pointe à Pitre", "née à [NAISSANCE_1]"},
		{"pointe à pitre", "née à pointe à pitre", "née à [NAISSANCE_1]"},
		{"pointe-à-pitre", "Je suis née à pointe-à-pitre en 1985.", "Je suis née à [NAISSANCE_1] en 1985."},
		{"sur and a unit's word", "Je suis né à Villeneuve sur Lot.", "Je suis né à [NAISSANCE_1]."},
		{"a year after a lower-case town", "je suis née à roubaix en 1980", "je suis née à [NAISSANCE_1] en 1980"},
		{"a hospital after the town stays", "Il est né à Nantes à l'hôpital.", "Il est né à [NAISSANCE_1] à l'hôpital."},
		{"parents after the town stay", "je suis né à Lyon de parents algériens", "je suis né à [NAISSANCE_1] de parents algériens"},
		{"a feast after the town stays", "Je suis né à Paris à Noël.", "Je suis né à [NAISSANCE_1] à Noël."},
		{"at term stays", "née à terme à la maternité", "née à terme à la maternité"},
		// SECRET: logins
		{"a login with digits", "mon identifiant c'est jdupont75", "mon identifiant c'est [SECRET_1]"},
		{"a login with a dot", "login : m.garnier", "login : [SECRET_1]"},
		{"a login of letters", "identifiant : jdupont", "identifiant : [SECRET_1]"},
		{"a login and a password", "mon identifiant ANTS c'est jmarchand1957 et mot de passe Clio2024!!",
			"mon identifiant ANTS c'est [SECRET_1] et mot de passe [SECRET_2]"},
		{"France Travail's identifier stays its own", "identifiant France Travail : 4829103X", "identifiant France Travail : [FRANCE_TRAVAIL_1]"},
		{"an unknown login stays", "identifiant : inconnu", "identifiant : inconnu"},
		{"an incorrect login stays", "le site me dit identifiant incorrect", "le site me dit identifiant incorrect"},
		{"a blocked login stays", "mon identifiant est bloqué", "mon identifiant est bloqué"},
		{"an address stays an address", "my login is jake.oconnor@protonmail.com", "my login is [EMAIL_1]"},
		// NOM: a lone surname after a preposition
		{"seen with", "vu avec Garnier hier, il doit rappeler.", "vu avec [NOM_1] hier, il doit rappeler."},
		{"a person's file", "J'ai transmis le dossier de Durand à la commission.", "J'ai transmis le dossier de [NOM_1] à la commission."},
		{"after a civility's name", "j'ai eu Mme Leroy puis Perrin au téléphone", "j'ai eu Mme [NOM_1] puis [NOM_2] au téléphone"},
		{"after an abbreviated civility", "j'ai eu M. Diallo et Traoré ce matin", "j'ai eu M. [NOM_1] et [NOM_2] ce matin"},
		{"a drug after par is no name (a medicine since session 22)", "Enzo a un TDAH traité par Ritaline, le foyer demande", "[NOM_1] a un [SANTE_1] traité par [SANTE_2], le foyer demande"},
		{"an organisation stays", "vu avec Pôle Emploi", "vu avec Pôle Emploi"},
		{"an appointment with an organisation stays", "rdv avec Adoma pour le logement", "rdv avec Adoma pour le logement"},
		{"an interview with a firm stays", "j'ai eu un entretien avec Manpower hier.", "j'ai eu un entretien avec Manpower hier."},
		{"a town's file stays", "le dossier de Créteil a été transféré.", "le dossier de Créteil a été transféré."},
		{"another town's file stays", "le dossier de Bobigny est complet", "le dossier de Bobigny est complet"},
		{"an organisation's word stays", "vu avec Google", "vu avec Google"},
		{"a compound place stays", "le dossier de Lyon-Est", "le dossier de Lyon-Est"},
		{"an acronym stays", "le dossier de MDPH", "le dossier de MDPH"},
		{"the navy stays", "Mme Leroy et Marine nationale", "Mme [NOM_1] et Marine nationale"},
		{"a firm's sons stay", "Mme Leroy et Fils", "Mme [NOM_1] et Fils"},
		// CAF: after "est au", "c'est bien le"
		{"est au", "ma CAF est au 1234567", "ma CAF est au [CAF_1]"},
		{"est au then a clause", "ma caf est au 1234567 depuis 2019", "ma caf est au [CAF_1] depuis 2019"},
		{"c'est le", "mon numéro CAF c'est le 1234567", "mon numéro CAF c'est le [CAF_1]"},
		{"c'est bien le", "mon numéro CAF c'est bien le 1234567", "mon numéro CAF c'est bien le [CAF_1]"},
		{"an office's line stays", "la CAF est au 0810 25 14 10", "la CAF est au 0810 25 14 10"},
		{"an office's address stays", "ma CAF est au 12 rue de Paris", "ma CAF est au 12 rue de Paris"},
	})
}
