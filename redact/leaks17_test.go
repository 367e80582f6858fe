package redact

import "testing"

// TestLeaks17Names covers session 17's black-box leaks on names: a
// surname that is also a word in capitals after a first name that is
// also a word, in a text in capitals or not; a surname first after a
// civility in capitals; the second first name of a couple in capitals;
// and the plural verb after a couple's surname, no part of the name.
func TestLeaks17Names(t *testing.T) {
	checkRedactions(t, []redactCase{
		// must be masked
		{"capitals, self-introduction, word surname", "BONJOUR JE M'APPELLE OLIVE PETIT", "BONJOUR JE M'APPELLE [NOM_1]"},
		{"capitals, a first name and a word surname", "JE M'APPELLE MARIE PETIT ET J'AI 3 ENFANTS", "JE M'APPELLE [NOM_1] ET J'AI 3 ENFANTS"},
		{"closing, surname in capitals", "bien à vous, OLIVE PETIT", "bien à vous, [NOM_1]"},
		{"closing, another first name that is a word", "bien à vous, ROSE PETIT", "bien à vous, [NOM_1]"},
		{"closing in capitals, as before", "CORDIALEMENT, ROSE BLANC", "CORDIALEMENT, [NOM_1]"},
		{"closing in capitals, a first name and a word surname", "CORDIALEMENT, MARIE PETIT", "CORDIALEMENT, [NOM_1]"},
		{"weak cue in capitals, word surname before et", "JE SUIS MARIE PETIT ET JE VOUS ECRIS", "JE SUIS [NOM_1] ET JE VOUS ECRIS"},
		{"surname first after a civility, capitals", "JE SUIS MME PETIT OLIVE", "JE SUIS MME [NOM_1]"},
		{"word surname alone after a civility, capitals", "JE SUIS MME PETIT ET JE VOUS ECRIS", "JE SUIS MME [NOM_1] ET JE VOUS ECRIS"},
		{"couple in capitals, two first names", "MR ET MME DURAND PIERRE ET ROSE", "MR ET MME [NOM_1] ET [NOM_2]"},
		{"couple in capitals, word surname", "MR ET MME PETIT PIERRE ET ROSE", "MR ET MME [NOM_1] ET [NOM_2]"},
		{"two civilities, surname first, capitals", "MME BLANC ROSE ET M. BLANC PIERRE", "MME [NOM_1] ET M. [NOM_2]"},
		{"two civilities, mixed case", "Mme BLANC ROSE ET M. BLANC PIERRE", "Mme [NOM_1] ET M. [NOM_2]"},
		// must stay
		{"plural verb after a couple's surname", "Mr et Mme Martin souhaitent une aide", "Mr et Mme [NOM_1] souhaitent une aide"},
		{"plural verb after a couple's surname, M.", "M. et Mme Durand souhaitent déménager", "M. et Mme [NOM_1] souhaitent déménager"},
		{"plural verb in capitals", "MR ET MME MARTIN SOUHAITENT UNE AIDE", "MR ET MME [NOM_1] SOUHAITENT UNE AIDE"},
		{"plural verb in lower case", "mr et mme martin souhaitent une aide", "mr et mme [NOM_1] souhaitent une aide"},
		{"a common noun after a civility in capitals", "UN MONSIEUR PETIT ET GROS", "UN MONSIEUR PETIT ET GROS"},
		{"an adjective after c'est in capitals", "C'EST JUSTE PETIT", "C'EST JUSTE PETIT"},
		{"a title in capitals", "LE PETIT PRINCE", "LE PETIT PRINCE"},
		{"a first name that is a word, alone after a closing", "BIEN A VOUS, ROSE", "BIEN A VOUS, ROSE"},
		{"an adjective after je suis", "je suis claire sur ce point", "je suis claire sur ce point"},
	})
}

// TestLeaks17Numbers covers session 17's leaks of phones and codes: a
// phone word right before a number decides over a code or a legal word
// before it; "call me" in other languages is a phone's cue; the writer's
// access code after the place it opens; two French mobiles typed one
// against the other.
func TestLeaks17Numbers(t *testing.T) {
	checkRedactions(t, []redactCase{
		// must be masked
		{"phone word after a code", "mon code Soleil2024! Handynummer 0151 23456789", "mon code [SECRET_1] Handynummer [TEL_1]"},
		{"tel after a code", "mon code Soleil2024! tel 0151 23456789", "mon code [SECRET_1] tel [TEL_1]"},
		{"portable after a code, British number", "mon code Soleil2024! portable 07700 900123", "mon code [SECRET_1] portable [TEL_1]"},
		{"phone after a code, Spanish number", "mon code Soleil2024! phone 612 90 47 38", "mon code [SECRET_1] phone [TEL_1]"},
		{"numéro de téléphone after a code", "mon code Soleil2024! numéro de téléphone 0151 23456789", "mon code [SECRET_1] numéro de téléphone [TEL_1]"},
		{"tel after a legal word", "article 12 du code civil, tel 0612345678", "article 12 du code civil, tel [TEL_1]"},
		{"German call me", "ruf mich an 0151 23456789", "ruf mich an [TEL_1]"},
		{"German call me, polite", "rufen Sie mich an: 0151 23456789", "rufen Sie mich an: [TEL_1]"},
		{"English call me on", "call me on 07700 900123", "call me on [TEL_1]"},
		{"Spanish call me", "llámame al 612 90 47 38", "llámame al [TEL_1]"},
		{"the writer's access code after its place", "mon code d'accès au bâtiment est le 4589B", "mon code d'accès au bâtiment est le [SECRET_1]"},
		{"the writer's access code after its place and a colon", "mon code d'accès de l'immeuble : 4589B", "mon code d'accès de l'immeuble : [SECRET_1]"},
		{"a building's access code, the writer's home's", "le code d'accès de l'immeuble est 1234B", "le code d'accès de l'immeuble est [SECRET_1]"},
		{"two mobiles glued", "06123456780612345678", "[TEL_1][TEL_1]"},
		{"two different mobiles glued", "mes numéros 06123456780798765432 merci", "mes numéros [TEL_1][TEL_2] merci"},
		{"three mobiles glued", "061234567807987654320612345679", "[TEL_1][TEL_2][TEL_3]"},
		// must stay
		{"a case number after its cue", "numéro de dossier 0151 23456789", "numéro de dossier [DOSSIER_1]"},
		{"German call me, no number", "ruf mich an", "ruf mich an"},
		{"a building's code being out of order", "mon code d'accès au bâtiment est en panne depuis le 12 mars", "mon code d'accès au bâtiment est en panne depuis le 12 mars"},
		{"twenty digits that are no mobiles", "12345678901234567890", "12345678901234567890"},
		{"a mobile and a landline glued stay", "06123456780112345678", "06123456780112345678"},
	})
}

// TestLeaks17Stays covers session 17's false positives: a public
// reference, an invoice's number, a postal code and its town given as
// such, and the name of a special category without the person's value.
func TestLeaks17Stays(t *testing.T) {
	checkRedactions(t, []redactCase{
		// must stay
		{"a fiche of service-public.fr", "la référence F1234", "la référence F1234"},
		{"a fiche named in a sentence", "voir la fiche référence F1234 sur le site", "voir la fiche référence F1234 sur le site"},
		{"an invoice's number stays masked", "la facture 2024-0056", "la facture [DOSSIER_1]"},
		{"an invoice's number after n° stays masked", "la facture n° 2024-0056", "la facture n° [DOSSIER_1]"},
		{"a postal code and its town", "code postal 75015 Paris", "code postal 75015 Paris"},
		{"a postal code and its town after a colon", "Code postal : 75015 Paris", "Code postal : 75015 Paris"},
		{"CP and a town", "CP 69003 Lyon", "CP 69003 Lyon"},
		{"the name of the category", "mon orientation sexuelle", "mon orientation sexuelle"},
		{"the name of the category in a sentence", "discriminé à cause de mon orientation sexuelle", "discriminé à cause de mon orientation sexuelle"},
		{"gender identity's name", "mon identité de genre", "mon identité de genre"},
		// must be masked
		{"a case's number", "mon numéro de dossier 2024-0056", "mon numéro de dossier [DOSSIER_1]"},
		{"the writer's case reference", "référence de mon dossier 2024-0056", "référence de mon dossier [DOSSIER_1]"},
		{"the writer's CAF case reference", "référence de mon dossier CAF 2024-0056", "référence de mon dossier CAF [CAF_1]"},
		{"the writer's invoice", "ma facture 2024-0056", "ma facture [DOSSIER_1]"},
		{"the writer's reference", "ma référence F1234", "ma référence [DOSSIER_1]"},
		{"a case's reference after its file", "Le dossier MDPH porte la référence 21-2024-004817.", "Le dossier MDPH porte la référence [DOSSIER_1]."},
		{"a reference in another shape", "la référence 2024-0056", "la référence [DOSSIER_1]"},
		{"a postal code and its town after an address cue", "j'habite 75015 Paris", "j'habite [ADRESSE_1]"},
		{"a postal code and its town, no cue", "75015 Paris", "[ADRESSE_1]"},
		{"a street, its postal code and town", "code postal et adresse : 3 rue Lecourbe 75015 Paris", "code postal et adresse : [ADRESSE_1]"},
		{"the category with its value", "mon orientation sexuelle : homosexuel", "mon orientation sexuelle : [ORIENTATION_1]"},
		{"gay", "je suis gay", "je suis [ORIENTATION_1]"},
		{"a same-sex couple", "mon compagnon et moi (couple homosexuel)", "mon compagnon et moi ([ORIENTATION_1])"},
	})
}
