package redact

import "testing"

// TestRedactRound12 covers the twelfth round's rules, each with the near
// misses that must stay: a NIR after the English cue "social security
// number"; a numéro fiscal's shape in a message about taxes read as no
// card; one person's names found apart joined; surnames that are words
// after a first name; a nickname in brackets; titles in lower case; the
// probation service and the criminal court as institutions; a floor and
// the side of a landing; a place named in a letter's heading; a dictated
// date of birth in quotes; a NIR's key and a phone's group dictated again;
// shared mailboxes; handles on social networks; a relative's field; a
// special category given by its complement.
func TestRedactRound12(t *testing.T) {
	tests := []redactCase{
		// numbers
		{"NIR after social security number", "my social security number is 1 85 03 75 112 045 67", "my social security number is [NIR_1]"},
		{"NIR run together after social security number", "My French social security number: 185037511204567.", "My French social security number: [NIR_1]."},
		{"NIR without its key after social security number", "my social security number is 1 85 03 75 112 045", "my social security number is [NIR_1]"},
		{"NIR with a mistyped month after social security number", "my social security number is 1 85 13 75 112 045 67", "my social security number is [NIR_1]"},
		{"a Romanian number after its own cue stays a CNI", "CNP 2900615400123", "CNP [CNI_1]"},
		{"a US SSN stays a foreign identity number", "my SSN is 123-45-6789", "my SSN is [CNI_1]"},
		{"a numéro fiscal passing Luhn in a message about taxes", "Mon numéro fiscal est le 1 04 32 418 559 07 ; celui de mon mari était le 1 05 32 097 114 62.",
			"Mon numéro fiscal est le [FISCAL_1] ; celui de mon mari était le [FISCAL_2]."},
		{"the same digits with a card word stay a card", "ma carte bancaire 1 05 32 097 114 62 a été avalée", "ma carte bancaire [CARTE_1] a été avalée"},
		{"a NIR dictated in words takes its named key", "mon numéro de sécu c'est un, quarante-sept, zéro trois, cinquante-neuf, trois cent cinquante, zéro vingt et un, clé quarante-huit voilà",
			"mon numéro de sécu c'est [NIR_1] voilà"},
		{"a dictated phone's last group said again", "rappelez-moi au zéro trois vingt, double deux, quinze, soixante-sept euh non soixante-huit, merci",
			"rappelez-moi au [TEL_1], merci"},
		{"a phone's last group typed again", "mon tel 06 12 34 56 78 non 79 merci", "mon tel [TEL_1] merci"},
		{"an age after a corrected phone stays", "mon tel 06 12 34 56 78 non 12 ans", "mon tel [TEL_1] non 12 ans"},
		{"an employee's number", "Mon numero salarié c'est le 4471-B. Merci", "Mon numero salarié c'est le [DOSSIER_1]. Merci"},
		{"a residence permit for employees stays a permit", "titre de séjour salarié n° 7503981264 en cours", "titre de séjour salarié n° [ETRANGER_1] en cours"},
		{"a British licence number", "licence number CARTE907156EJ9AB, and my passport", "licence number [PERMIS_1], and my passport"},
		// names
		{"names found apart are one person", "Permis n° 930591100238. Nom Fofana Ibrahima, ne le 9 juin 1988. ibra.fofana93@yahoo.fr",
			"Permis n° [PERMIS_1]. Nom [NOM_1], ne le [NAISSANCE_1]. [EMAIL_1]"},
		{"a maiden name in capitals", "Demandeur : OKAFOR Chinedu\nConjoint(e) : OKAFOR née ADEYEMI Blessing\nCourriel : chinedu.okafor85@yahoo.co.uk",
			"Demandeur : [NOM_1]\nConjoint(e) : [NOM_2]\nCourriel : [EMAIL_1]"},
		{"a surname in capitals that is a word", "mon fils Nathan PETIT, né le 03.10.2015", "mon fils [NOM_1], né le [NAISSANCE_1]"},
		{"a surname that is a title before et", "mon compagnon Julien Maréchal et moi", "mon compagnon [NOM_1] et moi"},
		{"a capitalized word after a first name in a sentence stays", "Julien PEUT venir demain", "[NOM_1] PEUT venir demain"},
		{"a nickname in brackets", "Robert (Bob) Sullivan, +1-330-555-0178", "[NOM_1], [TEL_1]"},
		{"a first name before brackets of something else", "Robert (CAF) est venu", "[NOM_1] (CAF) est venu"},
		{"a title in lower case", "L'huissier c'est maître Dupuis. Merci", "L'huissier c'est maître [NOM_1]. Merci"},
		{"a title in lower case before a common word stays", "voir mon maître de stage, le docteur Urgence de garde", "voir mon maître de stage, le docteur Urgence de garde"},
		{"a signature of unlisted first names", "Le passeport de ma femme est perdu.\nNajibullah Ahmadi", "Le passeport de ma femme est perdu.\n[NOM_1]"},
		{"a transliteration in brackets", "ma femme فرشته احمدی (Fereshta Ahmadi) est au Pakistan", "ma femme [NOM_1] ([NOM_2]) est au Pakistan"},
		{"a relative's field", "Note du 14/11. Mari : Singh Gurpreet, cuisinier", "Note du 14/11. Mari : [NOM_1], cuisinier"},
		{"a relative's field in lower case stays", "Mari : au chômage depuis 2 ans", "Mari : au chômage depuis 2 ans"},
		{"pr is the SMS pour", "ils me demandent ma cb pr renouveler ma carte vitale", "ils me demandent ma cb pr renouveler ma carte vitale"},
		// places
		{"a floor and side between street and postal code", "Hébergé 11 rue Pasteur, 2e gauche, 87000 Limoges.", "Hébergé [ADRESSE_1]."},
		{"a floor and side after the city", "expulsion au 27 rue Pasteur, 59100 Roubaix, 2e étage gauche. J'ai 4 mois", "expulsion au [ADRESSE_1]. J'ai 4 mois"},
		{"a floor and side alone stay", "le bureau est au 2e gauche", "le bureau est au 2e gauche"},
		{"a place in a letter's heading", "Monsieur Bernard Lacombe\nLe Moulin de Tauzia\n47 chemin du Moulin\n32100 Condom\n\nMadame,",
			"Monsieur [NOM_1]\n[ADRESSE_1]\n\nMadame,"},
		{"a line before an address without a civility stays", "Objet : Réclamation Urgente\n47 chemin du Moulin\n32100 Condom", "Objet : Réclamation Urgente\n[ADRESSE_1]"},
		{"a place before a spaced dash", "Monsieur Paul Roux\nLa Bastide Neuve – 1250 route de Gordes\n84220 Roussillon", "Monsieur [NOM_1]\n[ADRESSE_1]"},
		{"an EHPAD's name alone stays", "secrétaire de la section à l'EHPAD Les Cèdres. On a 3 collègues", "secrétaire de la section à l'EHPAD Les Cèdres. On a 3 collègues"},
		{"an EHPAD with its street", "Il réside à l'EHPAD Les Glycines, 3 rue du Général de Gaulle, 68000 Colmar.", "Il réside à l'[ADRESSE_1]."},
		// dates of birth
		{"a dictated date of birth in quotes", "Date de naissance : « le vingt-deux novembre quatre-vingt-sept ».", "Date de naissance : « [NAISSANCE_1] »."},
		// contacts
		{"a shared mailbox stays", "> De : ne-pas-repondre@urssaf.fr\nDe: scolarite-l1@univ-lille.fr", "> De : ne-pas-repondre@urssaf.fr\nDe: scolarite-l1@univ-lille.fr"},
		{"a shared mailbox on a person's domain", "écrivez à contact@yasmine-elamrani-design.fr", "écrivez à [EMAIL_1]"},
		{"a social handle", "insta @manon.lgd_ si vous voulez", "insta [URL_1] si vous voulez"},
		{"an at sign alone stays", "je suis @ la maison, contactez @mairie", "je suis @ la maison, contactez @mairie"},
		// special categories and institutions
		{"the probation service alone stays", "(Note SPIP / France Travail) Dossier SPIP n° 2023/77-1462", "(Note SPIP / France Travail) Dossier SPIP n° [DOSSIER_1]"},
		{"a follow-up by the probation service", "Mon conseiller SPIP m'a dit de vous écrire", "Mon [JUSTICE_1] m'a dit de vous écrire"},
		{"the criminal court stays", "le tribunal correctionnel de Tours m'a écrit", "le tribunal correctionnel de Tours m'a écrit"},
		{"a prison stays after incarcéré", "Mon fils est incarcéré au centre pénitentiaire de Meaux-Chauconin depuis octobre",
			"Mon fils est [JUSTICE_1] au centre pénitentiaire de Meaux-Chauconin depuis octobre"},
		{"a complement of another category", "son fils Nathan, diagnostiqué autiste en 2020", "son fils [NOM_1], [HANDICAP_1] en 2020"},
		{"a complement of the phrase's own category", "diagnostiqué diabétique en 2020", "[SANTE_1] en 2020"},
		{"dys disorders", "Il a aussi un trouble dys (dyslexie, dyspraxie) reconnu", "Il a aussi un [HANDICAP_1] reconnu"},
		{"an Alevi", "je suis alévie, réfugiée depuis 2018", "je suis [RELIGION_1], réfugiée depuis 2018"},
		{"a residence permit for illness stays", "titre de séjour étranger malade qui expire", "titre de séjour étranger malade qui expire"},
		{"a university's disability office stays", "le service handicap dit que mon dossier n'est pas arrivé", "le service handicap dit que mon dossier n'est pas arrivé"},
	}
	checkRedactions(t, tests)
}
