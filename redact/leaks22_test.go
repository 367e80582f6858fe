package redact

import "testing"

// TestLeaks22Names covers session 22's lone surnames (black-box round of
// issue 10) and their look-alikes that stay: a verb of contacting, « vu »
// and a place of meeting, « pour » after a file or a request, « contre »,
// « selon » opening the message, a treating doctor, a widow.
func TestLeaks22Names(t *testing.T) {
	checkRedactions(t, []redactCase{
		{"contacted", "j'ai contacté Morvan hier", "j'ai contacté [NOM_1] hier"},
		{"chased, a number word after", "j'ai relancé Guillou deux fois", "j'ai relancé [NOM_1] deux fois"},
		{"two contacted", "j'ai contacté Morvan et Guillou", "j'ai contacté [NOM_1] et [NOM_2]"},
		{"a person and an institution contacted", "j'ai contacté Morvan et la CAF", "j'ai contacté [NOM_1] et la CAF"},
		{"a firm contacted stays", "j'ai contacté Enedis, j'ai relancé Ameli", "j'ai contacté Enedis, j'ai relancé Ameli"},
		{"seen at the counter", "vu Lebrun au guichet", "vu [NOM_1] au guichet"},
		{"seen at the desk", "vu Lebrun à l'accueil ce matin", "vu [NOM_1] à l'accueil ce matin"},
		{"seen with a civility", "vu Mme Lebrun au guichet", "vu Mme [NOM_1] au guichet"},
		{"seen at the counter without a name stays", "vu au guichet, vu Marseille", "vu au guichet, vu Marseille"},
		{"a file for a person", "le dossier pour Ferreira est prêt", "le dossier pour [NOM_1] est prêt"},
		{"a proxy for a person", "une procuration pour Ferreira.", "une procuration pour [NOM_1]."},
		{"for Christmas, for a town stay", "c'est pour Noël, le dossier pour Paris, c'est pour Lyon", "c'est pour Noël, le dossier pour Paris, c'est pour Lyon"},
		{"a newspaper stays", "il dit que selon Le Parisien, c'est vrai", "il dit que selon Le Parisien, c'est vrai"},
		{"a flight for a town stays", "mon vol pour Montréal est le 20, Outlook pour Android", "mon vol pour Montréal est le 20, Outlook pour Android"},
		{"a complaint against a person", "j'ai porté plainte contre Bouvier", "j'ai porté plainte contre [NOM_1]"},
		{"against an institution stays", "plainte contre la CAF, contre Paris", "plainte contre la CAF, contre Paris"},
		{"according to, opening the message", "selon Garnier c'est bon", "selon [NOM_1] c'est bon"},
		{"according to the law stays", "selon la loi c'est bon", "selon la loi c'est bon"},
		{"a treating doctor", "mon médecin traitant Kessler ne répond pas", "mon médecin traitant [NOM_1] ne répond pas"},
		{"a doctor", "Mon médecin Kessler.", "Mon médecin [NOM_1]."},
		{"a doctor in apposition", "mon médecin traitant, Kessler, ne répond pas", "mon médecin traitant, [NOM_1], ne répond pas"},
		{"a service in apposition stays", "mon conseiller, Pôle Emploi, ne répond pas", "mon conseiller, Pôle Emploi, ne répond pas"},
		{"a doctor's kind stays", "mon médecin traitant Doctolib", "mon médecin traitant Doctolib"},
		{"a widow opening a line", "Veuve Lambert", "Veuve [NOM_1]"},
		{"a widow", "je suis la veuve Lambert.", "je suis la veuve [NOM_1]."},
		{"a widow's state stays", "je suis veuve depuis mars", "je suis veuve depuis mars"},
		{"who said it, after PS", "PS: c'est Rolland qui m'a dit", "PS: c'est [NOM_1] qui m'a dit"},
		{"a postscript after a closing is no name", "Merci d'avance.\nPS: c'est Rolland qui m'a dit", "Merci d'avance.\nPS: c'est [NOM_1] qui m'a dit"},
		{"a postscript after thanks is no name", "Merci. PS: je reviens lundi", "Merci. PS: je reviens lundi"},
		{"a complaint against X stays", "j'ai porté plainte contre X", "j'ai porté plainte contre X"},
	})
}

// TestLeaks22Health covers session 22's medicines named after a verb of
// taking or « sous », and the words after those verbs that stay.
func TestLeaks22Health(t *testing.T) {
	checkRedactions(t, []redactCase{
		{"two medicines taken", "je prends du Levothyrox et du Kardegic", "je prends du [SANTE_1] et du [SANTE_2]"},
		{"a medicine taken by a child", "il prend de la Ritaline", "il prend de la [SANTE_1]"},
		{"under a medicine", "elle est sous Ritaline", "elle est sous [SANTE_1]"},
		{"a brand-like medicine", "je prends du Doliprane", "je prends du [SANTE_1]"},
		{"unknown medicines in a message of health", "je prends du Tahor et du Cordarone depuis mon opération",
			"je prends du [SANTE_1] et du [SANTE_2] depuis mon opération"},
		{"an unknown medicine and its dose", "je prends du Tahor 20 mg", "je prends du [SANTE_1] 20 mg"},
		{"a list with commas", "je prends de la Strattera, du Tahor selon mon traitement", "je prends de la [SANTE_1], du [SANTE_2] selon mon traitement"},
		{"under an unknown medicine", "il est sous Cordarone, mon médecin l'a prescrit", "il est sous [SANTE_1], mon médecin l'a prescrit"},
		{"bread, distance, leave stay", "je prends du pain, prendre de la distance, je prends des congés, c'est mon traitement",
			"je prends du pain, prendre de la distance, je prends des congés, c'est mon traitement"},
		{"an unknown word without health stays", "je prends du Tahor, je travaille sous Windows", "je prends du Tahor, je travaille sous Windows"},
		{"a town after sous stays", "sous Paris, mon traitement", "sous Paris, mon traitement"},
		{"a legal protection after sous stays", "Mon traitement continue, sous Tutelle depuis mars", "Mon traitement continue, sous Tutelle depuis mars"},
		{"a system after sous stays", "mon ordonnance ne s'ouvre pas sous Windows", "mon ordonnance ne s'ouvre pas sous Windows"},
		{"plural tickets stay", "je prends des Tickets restaurant pour mes soins", "je prends des Tickets restaurant pour mes soins"},
	})
}

// TestLeaks22Secrets covers session 22's secrets: a site between a
// password's cue and its value, a card's code with a longer qualifier or
// a comma before its copula, a code told a card's in brackets after it;
// and the codes that are no secret.
func TestLeaks22Secrets(t *testing.T) {
	checkRedactions(t, []redactCase{
		{"a site between cue and value", "mon mot de passe sur impots.gouv c'est Soleil2024!", "mon mot de passe sur impots.gouv c'est [SECRET_1]"},
		{"a site with its country", "mon mot de passe sur impots.gouv.fr c'est Soleil2024!", "mon mot de passe sur impots.gouv.fr c'est [SECRET_1]"},
		{"a card's code", "code secret de carte c'est le 0912", "code secret de carte c'est le [SECRET_1]"},
		{"a blue card's code", "le code secret de ma carte bleue c'est le 0912", "le code secret de ma carte bleue c'est le [SECRET_1]"},
		{"a comma before the copula", "mon code secret de carte, c'est le 0912", "mon code secret de carte, c'est le [SECRET_1]"},
		{"a colon and the card in brackets", "Code: 7781 (celui de ma carte)", "Code: [SECRET_1] (celui de ma carte)"},
		{"the card in brackets", "Code 7781 (celui de ma carte)", "Code [SECRET_1] (celui de ma carte)"},
		{"the code and its card in brackets", "7781 (code de ma carte)", "[SECRET_1] (code de ma carte)"},
		{"a postal code stays", "le code postal c'est 75011, 75011 (code postal)", "le code postal c'est 75011, 75011 (code postal)"},
		{"the highway code stays", "le code de la route, le code c'est galère", "le code de la route, le code c'est galère"},
		{"digits of a card without code stay", "1234 (de ma carte)", "1234 (de ma carte)"},
		{"a registration card stays", "il me faut le code 2024 (celui de la carte grise)", "il me faut le code 2024 (celui de la carte grise)"},
		{"a site for a length stays", "mon mot de passe sur ameli fait 12 caractères", "mon mot de passe sur ameli fait 12 caractères"},
	})
}

// TestLeaks22Prison covers session 22's prisons named by their town after
// a detention's word or in a term served near a word of prison, and the
// stays, towns and institutions that stay.
func TestLeaks22Prison(t *testing.T) {
	checkRedactions(t, []redactCase{
		{"a term in brackets after prison", "mon fils sort de prison (18 mois à Fleury-Mérogis)", "mon fils sort de [JUSTICE_1] ([JUSTICE_2])"},
		{"a term served with a verb near prison", "il a fait 2 ans à Fresnes, il sort de prison lundi", "il a [JUSTICE_1], il sort de [JUSTICE_2] lundi"},
		{"in detention in a town", "il est en détention à Fleury-Mérogis", "il est [JUSTICE_1]"},
		{"detained in a town", "il est détenu à Fresnes depuis mars", "il est [JUSTICE_1] depuis mars"},
		{"jailed in a town", "il a été incarcéré à Fresnes", "il a été [JUSTICE_1]"},
		{"detained in a town, opening the message", "Détenu à Fresnes depuis mars.", "[JUSTICE_1] depuis mars."},
		{"a stay without prison stays", "j'ai vécu 18 mois à Marseille, il a fait 18 mois à Fleury-Mérogis", "j'ai vécu 18 mois à Marseille, il a fait 18 mois à Fleury-Mérogis"},
		{"a time after prison stays", "sorti de détention après 2 ans à Fleury", "[JUSTICE_1] après 2 ans à Fleury"},
		{"an institution stays", "il a été incarcéré au centre pénitentiaire de Meaux", "il a été [JUSTICE_1] au centre pénitentiaire de Meaux"},
		{"a prison's institution stays", "il est incarcéré à la maison d'arrêt de Fresnes", "il est [JUSTICE_1] à la maison d'arrêt de Fresnes"},
		{"a country stays", "il est détenu au Maroc, détenu à Madagascar", "il est [JUSTICE_1] au Maroc, [JUSTICE_1] à Madagascar"},
	})
}
