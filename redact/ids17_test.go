package redact

import "testing"

// TestIDs17 covers session 17's round on identifiers and secrets: the
// second number of a list after its cue, foreign national and insurance
// numbers, plural cues, a corrected second spelling, codes given to a
// fraudster or a buyer; and what must stay beside them.
func TestIDs17(t *testing.T) {
	checkRedactions(t, []redactCase{
		// ETRANGER: a list after one cue, foreign national and insurance numbers
		{"the second number of a list", "APS n° 7602219855 (pour moi) et 7602219856 (Iryna). Nous", "APS n° [ETRANGER_1] (pour moi) et [ETRANGER_2] ([NOM_1]). Nous"},
		{"a permit's kind before its number", "titre de sejour etudiant 7802314569. Also", "titre de sejour etudiant [ETRANGER_1]. Also"},
		{"a German pension insurance number", "Rentenversicherungsnummer 53 210761 H 004) mais", "Rentenversicherungsnummer [ETRANGER_1]) mais"},
		{"a health insurance number", "Meine Krankenversicherungsnummer (TK) ist A123456780, ich habe", "Meine Krankenversicherungsnummer (TK) ist [ETRANGER_1], ich habe"},
		{"letters apart before digits", "MA CARTE D'IDENTITE POLONAISE AXL 912457 EST OK", "MA CARTE D'IDENTITE POLONAISE [CNI_1] EST OK"},
		{"a permit's fee stays", "la taxe du titre de séjour 225 euros", "la taxe du titre de séjour 225 euros"},
		{"a licence's number after a clause", "Mi permiso de cuando vivía en Sevilla es 48123456K pero", "Mi permiso de cuando vivía en Sevilla es [PERMIS_1] pero"},
		{"a year after a clause stays", "mon titre de séjour que j'ai eu en France est 2019 je crois", "mon titre de séjour que j'ai eu en France est 2019 je crois"},
		{"a stay's length stays", "titre de séjour 10 ans depuis 2019", "titre de séjour 10 ans depuis 2019"},
		// PASSEPORT, PERMIS: plural cues, a list
		{"passports in the plural", "Leurs passeports : A09876543 et A11223344. Le", "Leurs passeports : [PASSEPORT_1] et [PASSEPORT_2]. Le"},
		{"licences in the plural", "their HK driving licences, numbers L1234567 and L7654321. ANTS", "their HK driving licences, numbers [PERMIS_1] and [PERMIS_2]. ANTS"},
		{"a Spanish licence's number", "Mi número de permiso es 48123456K. Tengo", "Mi número de permiso es [PERMIS_1]. Tengo"},
		{"two passports' fees stay", "nos passeports : 86 euros et 42 euros", "nos passeports : 86 euros et 42 euros"},
		{"a licence's points stay", "mon permis a 12 points et 3 ans", "mon permis a 12 points et 3 ans"},
		// FISCAL: a German tax number after "ist"
		{"a German tax number", "Meine Steuer-ID ist 12 345 678 901. Bitte", "Meine Steuer-ID ist [FISCAL_1]. Bitte"},
		{"a tax amount stays", "impôt 1 234 euros", "impôt 1 234 euros"},
		// FRANCE_TRAVAIL: a corrected second spelling
		{"a corrected second spelling", "identifiant 4512387K (ou 4512387 K je sais plus). mon", "identifiant [FRANCE_TRAVAIL_1] (ou [FRANCE_TRAVAIL_2] je sais plus). mon"},
		// SECRET: passwords tried, a card's code given away, a code sent by the bank
		{"passwords tried", "jai oublie mon mot de passe ameli. jai essayer Marine2091! et Marine2091 ca marche pas", "jai oublie mon mot de passe ameli. jai essayer [SECRET_1] et [SECRET_2] ca marche pas"},
		{"a try without a password stays", "jai essayé Doliprane500 et Spasfon2 sans effet", "jai essayé Doliprane500 et Spasfon2 sans effet"},
		{"a card's code and its cryptogram", "J'ai bêtement donné mon code 4821 et le cryptogramme 532 à un", "J'ai bêtement donné mon code [SECRET_1] et le cryptogramme [SECRET_2] à un"},
		{"a transfer code", "le code de cession c etait 7H3K9Q je l ai donné", "le code de cession c etait [SECRET_1] je l ai donné"},
		{"the code the bank sent", "and then the code 884213 that my bank sent me", "and then the code [SECRET_1] that my bank sent me"},
		{"a tried thing stays", "jai essayé 3 fois et 2 banques", "jai essayé 3 fois et 2 banques"},
		{"a helpline stays", "j'ai appelé le code 3939 de la mairie", "j'ai appelé le code 3939 de la mairie"},
		{"a CERFA stays", "le formulaire CERFA 12345*01 et le code 3939", "le formulaire CERFA 12345*01 et le code 3939"},
		// DOSSIER: a procedure's PV, OFPRA's numbers
		{"a procedure's PV", "Le numero de la procedure sur la convocation : PV 2024/004578. Je", "Le numero de la procedure sur la convocation : [DOSSIER_1]. Je"},
		{"OFPRA's number with a letter", "la OFPRA nos dio el numero 2301-04562-G. El", "la OFPRA nos dio el numero [DOSSIER_1]. El"},
		{"an OFPRA case with a date's shape", "(n° dossier OFPRA 23-07-01234), AGDREF", "(n° dossier OFPRA [DOSSIER_1]), AGDREF"},
		{"a legal article stays", "selon l'article L. 123-4 du code", "selon l'article L. 123-4 du code"},
		{"a PV's fine stays", "un PV de 135 euros le 12/03/2024", "un PV de 135 euros le 12/03/2024"},
		{"an invoice's amount stays", "facture n° 2024-118 de 1 249,90 €", "facture n° [DOSSIER_1] de 1 249,90 €"},
	})
}
