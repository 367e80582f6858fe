package redact

import "testing"

// TestRedactRound9 covers the ninth round's rules, each with the near
// misses that must keep their type or stay: a French account number in an
// IBAN's grouping without its country letters, a licence number whose
// cue is nearer than a phone cue, a generic "id" after a specific cue, an
// INE with letters inside, a récépissé number with its letter, union and
// party acronyms after a membership word, a room number written "ch.", and
// passport numbers later in the sentence of their cue, a bare address
// after "mon blog", "notre site", and a same-sex couple told in slang.
func TestRedactRound9(t *testing.T) {
	tests := []redactCase{
		{"account number without FR76", "nouveau rib sans le FR : 3000 4000 0312 3456 7890 143 merci", "nouveau rib sans le FR : [IBAN_1] merci"},
		{"account number after a correction", "pardon c'est 1027 8060 3100 0201 2345 067 dsl", "pardon c'est [IBAN_1] dsl"},
		{"a card in fours stays a card", "ma CB 4111 1111 1111 1111 a été débitée", "ma CB [CARTE_1] a été débitée"},
		{"a card and its expiry", "carte 4111 1111 1111 1111 exp 12/27 merci", "carte [CARTE_1] merci"},
		{"licence number with a group apart", "mon numéro de permis 0612345678 12 a été transmis", "mon numéro de permis [PERMIS_1] a été transmis"},
		{"a phone after a licence, its own cue nearer", "j'ai perdu mon permis, mon numéro 06 12 34 56 78", "j'ai perdu mon permis, mon numéro [TEL_1]"},
		{"france travail id", "inscrit à France Travail (id 1234567X) depuis mai", "inscrit à France Travail (id [FRANCE_TRAVAIL_1]) depuis mai"},
		{"a generic id alone is a case number", "mon id de connexion 2024-55871 ne marche pas", "mon id de connexion [DOSSIER_1] ne marche pas"},
		{"ine with letters", "mon INE : 0B7C2D9E1F4 pour la bourse", "mon INE : [INE_1] pour la bourse"},
		{"ine without digits stays", "mon INE : ABCDEFGHIJK ?", "mon INE : ABCDEFGHIJK ?"},
		{"récépissé with its letter", "j'ai le récépissé 750R123456789 depuis lundi", "j'ai le récépissé [ETRANGER_1] depuis lundi"},
		{"récépissé date stays", "j'ai le récépissé du 12/03/2025 en main", "j'ai le récépissé du 12/03/2025 en main"},
		{"union member FO", "je suis syndiquée FO depuis 2010", "je suis [SYNDICAT_1] depuis 2010"},
		{"union delegate sud", "demande au collègue, il est délégué sud", "demande au collègue, il est [SYNDICAT_1]"},
		{"party member", "je suis adhérent au PCF depuis toujours", "je suis [SYNDICAT_1] depuis toujours"},
		{"the south stays", "on habite dans le sud, côté sud de la ville", "on habite dans le sud, côté sud de la ville"},
		{"fo for faut stays", "il fo que je paye avant lundi", "il fo que je paye avant lundi"},
		{"room abbreviated ch.", "j'habite résidence Les Tilleuls, ch. 12, 75013 Paris", "j'habite [ADRESSE_1]"},
		{"foyer room between street and postal code", "Adresse : Foyer ADEF, 3 rue Leclerc, ch. 7, 94200 Ivry", "Adresse : [ADRESSE_1]"},
		{"a chapter stays", "voir ch. 12 du règlement intérieur", "voir ch. 12 du règlement intérieur"},
		{"old and new passport", "mon passeport a été renouvelé : l'ancien était AB123456 et le nouveau CD654321. Merci", "mon passeport a été renouvelé : l'ancien était [PASSEPORT_1] et le nouveau [PASSEPORT_2]. Merci"},
		{"a flight after a passport stays", "mon passeport est prêt, le vol AF1234 part demain", "mon passeport est prêt, le vol AF1234 part demain"},
		{"a code in the next sentence is no passport", "mon passeport est prêt. Hier soir en rentrant du travail, le code promo XY123456 ne marchait pas", "mon passeport est prêt. Hier soir en rentrant du travail, le code promo XY123456 ne marchait pas"},
		{"own blog without a scheme", "tout est sur notre blog familial dupont-famille.fr/papa si besoin", "tout est sur notre blog familial [URL_1] si besoin"},
		{"own site", "voir mon site : jean-dupont.fr merci", "voir mon site : [URL_1] merci"},
		{"the administration's site stays", "sur votre site caf.fr/allocataires je ne trouve rien", "sur votre site caf.fr/allocataires je ne trouve rien"},
		{"a public site stays", "mon site préféré est service-public.fr/particuliers.", "mon site préféré est service-public.fr/particuliers."},
		{"a site named further stays", "mon site préféré est ameli.fr pour ça", "mon site préféré est ameli.fr pour ça"},
		{"two men stated casually", "je vis avec lui (on est deux mecs, je précise) depuis janvier", "je vis avec lui ([ORIENTATION_1], je précise) depuis janvier"},
		{"two men at work stay", "on est deux à faire la demande", "on est deux à faire la demande"},
	}
	checkRedactions(t, tests)
}
