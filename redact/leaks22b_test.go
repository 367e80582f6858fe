package redact

import "testing"

// TestLeaks22b covers session 22b's black-box leaks and their twins that
// must stay.
func TestLeaks22b(t *testing.T) {
	checkRedactions(t, []redactCase{
		{"a firm after c'est stays", "c'est Foncia qui gère, c'est Paris qui paie", "c'est Foncia qui gère, c'est Paris qui paie"},
		{"a firm as a landlord stays", "Le bailleur est Vilogia", "Le bailleur est Vilogia"},
		{"a role's noun before a town stays", "ma collègue Lyon-Est", "ma collègue Lyon-Est"},
		{"a request's topic stays", "Demande de Logement sur le site", "Demande de Logement sur le site"},
		{"au téléphone", "J'ai Rousseau au téléphone tous les jours", "J'ai [NOM_1] au téléphone tous les jours"},
		{"c'est X qui", "c'est Mercier qui s'occupe de mon dossier", "c'est [NOM_1] qui s'occupe de mon dossier"},
		{"ma collègue", "ma collègue Kowalski vous rappellera", "ma collègue [NOM_1] vous rappellera"},
		{"demande de", "Demande de Vasseur sur la prime", "Demande de [NOM_1] sur la prime"},
		{"cité", "France Travail cité : Vidal", "France Travail cité : [NOM_1]"},
		{"serait", "Le bailleur serait Castagnet", "Le bailleur serait [NOM_1]"},
		// secrets
		{"pin carte", "Pin de la carte dit à voix haute : 7719", "Pin de la carte dit à voix haute : [SECRET_1]"},
		{"code alarme", "le code de l'alarme… c'est 1357", "le code de l'alarme… c'est [SECRET_1]"},
		{"whole password", "Mon mot de passe, c'est mon identifiant suivi de 1234, soit Pirate1234", "Mon mot de passe, c'est mon identifiant suivi de [SECRET_1], soit [SECRET_2]"},
		{"whole password after an equals sign", "mon mot de passe c'est mon prénom suivi de 1984 = Karim1984", "mon mot de passe c'est mon prénom suivi de [SECRET_1] = [SECRET_2]"},
		{"whole password after c'est-à-dire", "mon mot de passe c'est mon prénom suivi de 1984, c'est-à-dire Karim1984", "mon mot de passe c'est mon prénom suivi de [SECRET_1], c'est-à-dire [SECRET_2]"},
		{"a follow-up number stays", "mon dossier suivi de 1234, soit Pirate1234", "mon dossier suivi de [DOSSIER_1], soit Pirate1234"},
		{"a card's date stays", "Pin de la carte arrivé le : 12/03/2024", "Pin de la carte arrivé le : 12/03/2024"},
		{"a card's PIN at the text's end", "le code de ma carte", "le code de ma carte"},
		{"code postal stays", "le code postal c'est 75011", "le code postal c'est 75011"},
		{"code de la route stays", "le code de la route c'est 2024", "le code de la route c'est 2024"},
		// special categories
		{"jsuis bi", "jsuis bi et alors", "[ORIENTATION_1] et alors"},
		{"je suis bi", "je suis bi depuis toujours", "je [ORIENTATION_1] depuis toujours"},
		{"bi-mensuel stays", "un paiement bi-mensuel", "un paiement bi-mensuel"},
		{"polyhandicap", "mon fils est en situation de polyhandicap", "mon fils est en situation de [HANDICAP_1]"},
		{"pdl", "mon contrat Linky est PDL 14523698741236", "mon contrat Linky est PDL [DOSSIER_1]"},
		{"ehpad", "ma mère née le 3 mai 1940 est en EHPAD à Limoges", "ma mère née le [NAISSANCE_1] est en EHPAD à Limoges"},
		{"appartement", "Je vis dans mon appartement. J'ai acheté une voiture", "Je vis dans mon appartement. J'ai acheté une voiture"},
		{"tribunal", "mon fils a été condamné au tribunal correctionnel", "mon fils a été [JUSTICE_1] au tribunal correctionnel"},
		{"tribunal2", "il est passé au tribunal correctionnel l'an dernier", "il est [JUSTICE_1] tribunal correctionnel l'an dernier"},
		{"clairvaux", "je suis ancien détenu de la centrale de Clairvaux", "je suis [JUSTICE_1] de la centrale de Clairvaux"},
		{"the court alone stays", "le tribunal correctionnel de Lyon est fermé", "le tribunal correctionnel de Lyon est fermé"},
		{"a birth town right after the date", "ma mère née le 3 mai 1940 à Limoges", "ma mère née le [NAISSANCE_1] à [NAISSANCE_2]"},
		{"an abbreviated unit", "Bât. B, appt. 12", "[ADRESSE_1]"},
		{"whole unit words before a letter and a number", "Résidence Les Lilas, Bâtiment. C, appartement. 14", "[ADRESSE_1]"},
		{"an apartment then a capitalised sentence", "Je vis dans mon appartement. Le propriétaire refuse les travaux", "Je vis dans mon appartement. Le propriétaire refuse les travaux"},
		{"a PDL's word without digits stays", "le PDL est sur la facture", "le PDL est sur la facture"},
	})
}
