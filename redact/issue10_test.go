package redact

import "testing"

// TestIssue10Leaks covers issue 10's leaks through plume serve: passwords and
// codes in a list after one cue, origins in a list or by a skin's colour,
// phones in odd groupings or after a first phone, a number given as the
// writer's without its kind; and their twins that must stay.
func TestIssue10Leaks(t *testing.T) {
	checkRedactions(t, []redactCase{
		// SECRET: a plural cue, a list of values after one cue
		{"a plural cue", "mes mots de passe : Soleil2024! et Azerty#77", "mes mots de passe : [SECRET_1] et [SECRET_2]"},
		{"a plural cue and sont", "mes mots de passe sont Soleil2024! et Azerty#77", "mes mots de passe sont [SECRET_1] et [SECRET_2]"},
		{"et l'autre", "mon mot de passe est Soleil2024! et l'autre Azerty#77", "mon mot de passe est [SECRET_1] et l'autre [SECRET_2]"},
		{"et le second", "mon mot de passe est Soleil2024! et le second Azerty#77", "mon mot de passe est [SECRET_1] et le second [SECRET_2]"},
		{"a list with puis", "mon mot de passe est Soleil2024!, puis Azerty#77, Lune77?", "mon mot de passe est [SECRET_1], puis [SECRET_2], [SECRET_3]"},
		{"PIN codes with puis", "mon code PIN est 4821 puis 7733", "mon code PIN est [SECRET_1] puis [SECRET_2]"},
		{"a list of PIN codes", "mes codes PIN : 4821, 7733", "mes codes PIN : [SECRET_1], [SECRET_2]"},
		{"a secret code and l'autre", "mon code secret est 4821, l'autre 7733", "mon code secret est [SECRET_1], l'autre [SECRET_2]"},
		{"an amount after a PIN stays", "mon code PIN est 4821 et 1500 euros", "mon code PIN est [SECRET_1] et 1500 euros"},
		{"a word after a password stays", "mon mot de passe est Soleil2024! et merci", "mon mot de passe est [SECRET_1] et merci"},
		{"a date after a PIN stays", "mon code PIN est 4821, le 12/03/2024 ma carte", "mon code PIN est [SECRET_1], le 12/03/2024 ma carte"},
		{"a year after a PIN stays", "mon code PIN est 4821, 2024 a été dure", "mon code PIN est [SECRET_1], 2024 a été dure"},
		{"a length after a password's cue stays", "mon mot de passe fait 12 caractères, 3 chiffres", "mon mot de passe fait 12 caractères, 3 chiffres"},
		{"a login after a password is no second password but a login", "mon mot de passe est Soleil2024! et mon identifiant est jdupont", "mon mot de passe est [SECRET_1] et mon identifiant est [SECRET_2]"},
		{"a legal article after a PIN stays", "mon code PIN est 4821 et l'article L262-1", "mon code PIN est [SECRET_1] et l'article L262-1"},
		{"an amount after a password stays", "mot de passe : Soleil2024! et 300 euros", "mot de passe : [SECRET_1] et 300 euros"},
		// ORIGINE: a colour stated, lists of origins
		{"a colour and a list", "je suis noir, mon mari est gitan et rom", "je suis [ORIGINE_1], mon mari est [ORIGINE_2] et [ORIGINE_3]"},
		{"d'origine in a list of statements", "je suis musulman, d'origine marocaine, homosexuel", "je suis [RELIGION_1], d'origine [ORIGINE_1], [ORIENTATION_1]"},
		{"a list of origins", "mes parents sont d'origine tunisienne, sénégalaise, turque, malienne", "mes parents sont d'origine [ORIGINE_1], [ORIGINE_2], [ORIGINE_3], [ORIGINE_4]"},
		{"a list of origins with et", "je suis d'origine tunisienne, sénégalaise et malienne", "je suis d'origine [ORIGINE_1], [ORIGINE_2] et [ORIGINE_3]"},
		{"a colour after a list", "je suis marocain, réfugié, noir", "je suis marocain, réfugié, [ORIGINE_1]"},
		{"a refugee's nationality stays", "je suis sans papiers, réfugié afghan", "je suis sans papiers, réfugié afghan"},
		{"a nationality after an ethnic word stays", "je suis kurde et turc", "je suis [ORIGINE_1] et turc"},
		{"a thing's colour stays", "le ciel est noir", "le ciel est noir"},
		{"a screen's colour stays", "mon écran est noir", "mon écran est noir"},
		{"noir de monde stays", "je suis noir de monde", "je suis noir de monde"},
		{"a pallor stays", "il est blanc comme un linge", "il est blanc comme un linge"},
		{"blanc stays", "je suis blanc, je tremble", "je suis blanc, je tremble"},
		{"noir sur blanc stays", "écrit noir sur blanc", "écrit noir sur blanc"},
		{"a product's origin stays", "la viande est bio, d'origine française", "la viande est bio, d'origine française"},
		// TEL: a list of phones, any grouping after the first, "33" without "+"
		{"a mobile without its 0 after a phone", "rappelez-moi au 06-12-34-56-82 ou 6 12 34 56 83", "rappelez-moi au [TEL_1] ou [TEL_2]"},
		{"an odd grouping after a phone", "Appelez le 06 12 34 56 8 7 ou 06123456 88", "Appelez le [TEL_1] ou [TEL_2]"},
		{"33 without its plus", "appelez le 33 6 12 34 56 91", "appelez le [TEL_1]"},
		{"a mobile without 0 after a phone, no cue", "le 06 12 34 56 78 ou 612345679", "le [TEL_1] ou [TEL_2]"},
		{"a foreign phone's group typed too many", "call +44 20 7946 0958 1 please", "call [TEL_1] please"},
		{"a quantity after a phone stays", "tel 06 12 34 56 78 2 fois", "tel [TEL_1] 2 fois"},
		{"service numbers stay", "appelez le 3949 ou le 0 806 000 245", "appelez le 3949 ou le 0 806 000 245"},
		{"an odd grouping without a cue stays", "j'ai payé 06123456 88 euros", "j'ai payé 06123456 88 euros"},
		{"nine digits without a cue stay", "j'ai 612345679 euros", "j'ai 612345679 euros"},
		// DOSSIER: "mon numéro c'est" and its repeats
		{"a number without its kind, repeated", "mon numéro c'est 8765432 … 8765432", "mon numéro c'est [DOSSIER_1] … [DOSSIER_1]"},
		{"a number after a colon", "mon numéro : 12345678, merci", "mon numéro : [DOSSIER_1], merci"},
		{"a CAF number keeps its kind", "mon numéro allocataire c'est 8765432, je répète 8765432", "mon numéro allocataire c'est [CAF_1], je répète [CAF_1]"},
		{"a phone keeps its kind", "mon numéro est 0612345678", "mon numéro est [TEL_1]"},
		{"a service's number stays", "mon numéro est le 3949", "mon numéro est le 3949"},
		{"a fiche's number stays", "mon numéro de la fiche F1234", "mon numéro de la fiche F1234"},
		{"an amount stays", "mon numéro c'est 1500000 euros", "mon numéro c'est 1500000 euros"},
		{"a date stays", "mon numéro c'est le 12/03/2024", "mon numéro c'est le 12/03/2024"},
		{"a number without a possessive stays", "le numéro est 8765432", "le numéro est 8765432"},
		{"a legal reference stays", "mon numéro est l'article L262-1", "mon numéro est l'article L262-1"},
	})
}
