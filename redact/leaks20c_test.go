package redact

import "testing"

// TestLeaks20c covers black-box round 2's leaks left on main and their
// twins that must stay: lone surnames after cues without a verb and
// particles, logins and passwords, towns of birth, ethnic origins.
func TestLeaks20c(t *testing.T) {
	checkRedactions(t, []redactCase{
		// NOM: lone surnames
		{"a particle after voir avec", "Il faut voir avec Le Goff demain.", "Il faut voir avec [NOM_1] demain."},
		{"a particle after signé par", "Le courrier a été signé par Le Bihan.", "Le courrier a été signé par [NOM_1]."},
		{"a particle after a civility and puis", "a vu Mme Tanguy puis Le Meur.", "a vu Mme [NOM_1] puis [NOM_2]."},
		{"the preposition repeated after puis", "J'ai parlé avec Dupont-Moretti à la mairie, puis avec Vasseur.",
			"J'ai parlé avec [NOM_1] à la mairie, puis avec [NOM_2]."},
		{"eu au téléphone, selon, d'après", "J'ai eu Vasseur au téléphone hier, selon Kerjean c'est bon, et d'après Lemaire aussi.",
			"J'ai eu [NOM_1] au téléphone hier, selon [NOM_2] c'est bon, et d'après [NOM_3] aussi."},
		{"an adviser", "Mon conseiller c'est Guillou, et ma conseillère Kerjean ne répond plus.",
			"Mon conseiller c'est [NOM_1], et ma conseillère [NOM_2] ne répond plus."},
		{"a relative in apposition", "C'est pour Ngoma, mon neveu.", "C'est pour [NOM_1], mon neveu."},
		{"cc and its list", "et cc : Vasseur, Lemaire", "et cc : [NOM_1]"},
		{"a role in brackets", "RDV avec Morvan (AS).", "RDV avec [NOM_1] (AS)."},
		{"a town after a particle stays", "voir avec Le Havre", "voir avec Le Havre"},
		{"La opens towns", "voir avec La Rochelle", "voir avec La Rochelle"},
		{"a newspaper stays", "selon Le Parisien, c'est vrai", "selon Le Parisien, c'est vrai"},
		{"a service after selon stays", "selon Ameli c'est bon, selon Pôle Emploi non", "selon Ameli c'est bon, selon Pôle Emploi non"},
		{"a platform after d'après stays", "d'après Doctolib c'est complet", "d'après Doctolib c'est complet"},
		{"a firm on the phone stays", "j'ai eu Orange au téléphone", "j'ai eu Orange au téléphone"},
		{"an adviser's service stays", "mon conseiller France Travail, ma conseillère Mission Locale ne répond plus",
			"mon conseiller France Travail, ma conseillère Mission Locale ne répond plus"},
		{"a lessor's role stays", "RDV avec Adoma (bailleur)", "RDV avec Adoma (bailleur)"},
		{"a town after puis avec stays", "parlé avec Dupont, puis avec Créteil", "parlé avec [NOM_1], puis avec Créteil"},
		{"a feast before a relative stays", "travel home at Christmas, my father is ill", "travel home at Christmas, my father is ill"},
		{"a social network after d'après stays", "D'après Facebook les publications venaient de lui", "D'après Facebook les publications venaient de lui"},
		{"a town in apposition stays", "c'est pour Lyon, ma ville", "c'est pour Lyon, ma ville"},
		// SECRET: logins and passwords
		{"pass after a possessive, essayez", "mon pass c'est carla1990 sinon essayez Carla!90",
			"mon pass c'est [SECRET_1] sinon essayez [SECRET_2]"},
		{"a pass's name after a possessive stays", "mon pass Navigo est expiré", "mon pass Navigo est expiré"},
		{"aussi after an order word", "mot de passe Soleil2024! (l'ancien c'était aussi Bzh_56ty)",
			"mot de passe [SECRET_1] (l'ancien c'était aussi [SECRET_2])"},
		{"maintenant names the new one", "Mon mdp, maintenant c'est Rennes35000!", "Mon mdp, maintenant c'est [SECRET_1]"},
		{"maintenant without a password stays", "maintenant c'est Paris2024 qui organise", "maintenant c'est Paris2024 qui organise"},
		{"the same as always", "My password is the same as always, Dakar2020.", "My password is the same as always, [SECRET_1]."},
		{"an initial glued to a surname", "login ameli jquemener ; mon login c'est jquemener",
			"login ameli [SECRET_1] ; mon login c'est [SECRET_1]"},
		{"an infinitive misspelt stays", "mon login est bloquer", "mon login est bloquer"},
		{"a login's state stays", "login ameli refusé", "login ameli refusé"},
		{"a login and a password after a slash", "Voici mes identifiants : jdupont / Soleil2024!",
			"Voici mes identifiants : [SECRET_1] / [SECRET_2]"},
		{"a code received", "le code que j'ai reçu par SMS est 849302", "le code que j'ai reçu par SMS est [SECRET_1]"},
		{"a year after a code received stays", "le code que j'ai reçu ne marche pas, 2024 a été dure",
			"le code que j'ai reçu ne marche pas, 2024 a été dure"},
		// NAISSANCE
		{"ville de naissance", "ville de naissance : La Roche-sur-Yon", "ville de naissance : [NAISSANCE_1]"},
		{"st and a blank", "j'suis né à st brieuc", "j'suis né à [NAISSANCE_1]"},
		{"a town's word alone stays", "la ville de naissance de mon fils", "la ville de naissance de mon fils"},
		// ORIGINE
		{"ethnic groups after a label", "ethnie : bamiléké ; ethnie peule ; Origines: pachtoune ; communauté : gitane",
			"ethnie : [ORIGINE_1] ; ethnie [ORIGINE_2] ; Origines: [ORIGINE_3] ; communauté : [ORIGINE_4]"},
		{"an ethnic group after a nationality", "réfugiée afghane, hazara", "réfugiée afghane, [ORIGINE_1]"},
		{"a region of an ethnic group", "originaire de Kabylie", "originaire de [ORIGINE_1]"},
		{"a country of origin stays", "originaire du Mali ; pays d'origine : Mali", "originaire du Mali ; pays d'origine : Mali"},
		{"a community as a class stays", "la communauté gitane de Montreuil", "la communauté gitane de Montreuil"},
		{"an association after the label stays", "communauté : Emmaüs", "communauté : Emmaüs"},
		{"a language stays", "je parle hazara", "je parle hazara"},
		{"a status after a nationality stays", "réfugiée afghane, mariée", "réfugiée afghane, mariée"},
		// numbers
		{"a CAF number with its letter, after numéro allocataire", "ma CAF est au 1234567B ; mon numéro allocataire est au 765 4321",
			"ma CAF est au [CAF_1] ; mon numéro allocataire est au [CAF_2]"},
		{"a pension's file", "ma retraite est au 123456789 à la CARSAT", "ma retraite est au [DOSSIER_1] à la CARSAT"},
		{"a pension's amount and date stay", "ma retraite est au 1200 euros ; ma retraite est au 1er janvier",
			"ma retraite est au 1200 euros ; ma retraite est au 1er janvier"},
		{"a CAF's address stays", "ma CAF est au 3B rue Victor Hugo", "ma CAF est au 3B rue Victor Hugo"},
		{"the Italian health card", "Tessera sanitaria: RSSMRA85T10A562S", "Tessera sanitaria: [FISCAL_1]"},
		{"a CNIE", "CNIE marocaine BK123456", "CNIE marocaine [CNI_1]"},
		{"a CNIE's word alone stays", "la CNIE est arrivée", "la CNIE est arrivée"},
		// SANTE, JUSTICE
		{"a status with its sign", "je suis séro+ ; il est VIH+", "je suis [SANTE_1] ; il est [SANTE_2]"},
		{"séro alone stays", "les séros et séro négatif", "les séros et séro négatif"},
		{"a sign before a word stays outside", "cancer du sein - opéré", "[SANTE_1] - opéré"},
		{"slang for a drug user and cocaine", "mon mari est tox, il prend de la coke", "mon mari [SANTE_1], il prend [SANTE_2]"},
		{"a toxin stays", "la tox du produit ; du coke pour le poêle", "la tox du produit ; du coke pour le poêle"},
		{"a treatment of HIV", "sous trithérapie depuis 2015", "[SANTE_1] depuis 2015"},
		{"the children's CMP", "Fils suivi en CMPP", "Fils [SANTE_1]"},
		{"the offence after a prison term", "2 ans de prison pour trafic", "2 ans de [JUSTICE_1]"},
		{"a placeholder-looking word is masked and restored", "[HANDICAP] à 80%", "[[HANDICAP_1]] à 80%"},
	})
}
