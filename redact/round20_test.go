package redact

import "testing"

// TestRound20 covers the twentieth round (issue 10, « redaction that holds
// on real writing »): addresses without a postcode widened up to their
// town, past building units and districts; and what must stay beside
// them.
func TestRound20(t *testing.T) {
	checkRedactions(t, []redactCase{
		// ADRESSE: the town after an address without a postcode
		{"a hamlet beside its village", "Elle vit seule au lieu-dit La Croix Guérin, à côté de Percy-en-Auge, il n'y a pas de numéro.", "Elle vit seule au [ADRESSE_1], il n'y a pas de numéro."},
		{"a street, its district and its town", "Elle vit avec moi, chemin de la Sablière, quartier Les Garrigues, à Uzès.", "Elle vit avec moi, [ADRESSE_1]."},
		{"a villa, its district and its town", "Elle vit chez ma mère, villa Les Oliviers, quartier Saint-Pancrace, Nice.", "Elle vit chez ma mère, [ADRESSE_1]."},
		{"a residence, a named building and the town", "Adresse : Résidence Kerguelen, bât. Iroise, Lorient\nMerci", "Adresse : [ADRESSE_1]\nMerci"},
		{"the town alone on the next line", "M. Dupuis\nRésidence du Parc, Bât. B, 3e étage\nAntibes\n\nMadame,", "[NOM_1]\n[ADRESSE_1]\n\nMadame,"},
		{"a residence and its town after à", "J'habite la Résidence Saint-Joseph, appartement 3, à Bar-le-Duc.\nMerci", "J'habite la [ADRESSE_1].\nMerci"},
		{"the commune of a hamlet", "Elle habite au hameau de la Bertinière, commune de Chambray, on ne peut pas la rater", "Elle habite au [ADRESSE_1], on ne peut pas la rater"},
		{"a first name after an address stays a name", "Adresse : Résidence Kerguelen, bât. Iroise\nMarie\n", "Adresse : [ADRESSE_1]\n[NOM_1]\n"},
		{"a district alone stays", "le quartier Nord est calme depuis un an.", "le quartier Nord est calme depuis un an."},
		{"a form's address field without a street word", "Adresse : Le Moulin Bas, Saint-Sauveur-en-Puisaye.\nMerci", "Adresse : [ADRESSE_1].\nMerci"},
		{"a hamlet named after a family", "Adresse : La Maison Neuve, lieu-dit Chez Bernard, Montbron\nTel", "Adresse : [ADRESSE_1]\nTel"},
		{"a name in the address field stays a name", "Adresse : Marie Dupont, Lyon", "Adresse : [NOM_1], Lyon"},
		{"the address field's words stay", "Adresse : Inchangée depuis l'an dernier.", "Adresse : Inchangée depuis l'an dernier."},
		{"a building of a residence", "il habite avec nous au Bâtiment B2 de la résidence du Moulin, Roubaix. Nous", "il habite avec nous au [ADRESSE_1]. Nous"},
		{"the door on the landing", "On habite au 6 rue Ordener, 4e étage porte gauche, 75018 Paris. Est-ce", "On habite au [ADRESSE_1]. Est-ce"},
		{"a door alone stays", "la porte gauche est cassée depuis lundi", "la porte gauche est cassée depuis lundi"},
		{"an address with its postcode keeps what follows", "au 14 rue Pasteur 42000 Saint-Étienne, à Noël", "au [ADRESSE_1], à Noël"},
		// NAISSANCE: a place field after the date on its line, a passport's month in two languages
		{"place field right after the date", "Date de naissance : 08.11.1927. Lieu : Potenza.", "Date de naissance : [NAISSANCE_1]. Lieu : [NAISSANCE_2]."},
		{"an appointment's place stays", "rdv le 08.11.2027. Lieu : Mairie de Nice.", "rdv le 08.11.2027. Lieu : Mairie de Nice."},
		{"a passport's month in two languages", "Date de naissance : 21 ABR / APR 1944\nLieu de naissance : BRAGA", "Date de naissance : [NAISSANCE_1]\nLieu de naissance : [NAISSANCE_2]"},
		{"two months of an appointment stay", "rdv le 3 mars / avril 2025 selon", "rdv le 3 mars / avril 2025 selon"},
		// ORIGINE: the Spanish word for a Gitan, a skin colour said of a person
		{"a Gitan in Spanish", "Es gitano y nunca tuvo dirección fija", "Es [ORIGINE_1] y nunca tuvo dirección fija"},
		{"a skin colour after an origin", "Je suis d'origine kabyle et noir de peau, je pense", "Je suis d'origine [ORIGINE_1] et [ORIGINE_2], je pense"},
		{"a skin colour said of a person", "il est noir de peau et on le refuse", "il est [ORIGINE_1] et on le refuse"},
		{"a thing's colour stays", "le sac noir de peau douce est perdu", "le sac noir de peau douce est perdu"},
		// NOM: couples sharing a surname, lists of first names
		{"a couple signs", "Gracias ! Annie et Michel Boyer", "Gracias ! [NOM_1]"},
		{"a couple after civilities", "réponse à :\nM. et Mme Roger et Simone Chambon\nLa Croze", "réponse à :\nM. et Mme [NOM_1]\nLa Croze"},
		{"a form's first names", "Prénoms : Brigitte, Anne, Marie\nNé(e) le : 22 / 10 / 1948", "Prénoms : [NOM_1]\nNé(e) le : [NAISSANCE_1]"},
		{"two first names apart", "J'ai vu Paul et Marie hier, et Marie Dupont aussi.", "J'ai vu [NOM_1] et [NOM_2] hier, et [NOM_3] aussi."},
		// ETRANGER: an asylum seeker's attestation, an EU card
		{"Spain's foreigner number stays a CNI", "Mi NIE español es X4821937L por si lo necesitan.", "Mi NIE español es [CNI_1] por si lo necesitan."},
		{"Spain's national identity stays a CNI", "son DNI 12345678Z merci", "son DNI [CNI_1] merci"},
		{"an asylum attestation in threes", "Tengo la attestation de demande d'asile número 750-226-418-93 y el récépissé.", "Tengo la attestation de demande d'asile número [ETRANGER_1] y el récépissé."},
		{"an OFPRA case that opens with a date stays a case", "attestation de demande d'asile n° 7503214569, dossier OFPRA 23-08-0011245. La mère", "attestation de demande d'asile n° [ETRANGER_1], dossier OFPRA [DOSSIER_1]. La mère"},
		{"an EU residence card", "carte de sejour UE 5700218846, jhabite a Metz", "carte de sejour UE [ETRANGER_1], jhabite a Metz"},
	})
}
