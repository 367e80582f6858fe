package redact

import "testing"

// TestRedactRound13 covers session 10's recall rules on the weakest
// types, each with the near misses that must stay: a court's register
// with its number and its references (parquet, jugement); a disability
// group and a disability rate after MDPH or "invalidité", the statuses
// themselves staying; the shared mailboxes of organisations and public
// offices, an agent's own address staying masked.
func TestRedactRound13(t *testing.T) {
	checkRedactions(t, []redactCase{
		// court references
		{"RG goes with its number", "jugement n° RG 23/04567. Je dois", "jugement n° [DOSSIER_1]. Je dois"},
		{"RG after an affair", "affaire RG 24/01882 au tribunal", "affaire [DOSSIER_1] au tribunal"},
		{"n° de parquet", "n° de parquet 24012000087 merci", "n° de parquet [DOSSIER_1] merci"},
		{"numéro de parquet with dots", "numéro de parquet : 23.123.456", "numéro de parquet : [DOSSIER_1]"},
		{"n° de jugement", "n° de jugement 2024/1234", "n° de jugement [DOSSIER_1]"},
		{"a judgment's date stays", "le jugement du 12/03/2024 est tombé", "le jugement du 12/03/2024 est tombé"},
		{"the public prosecutor stays", "le parquet de Lyon a classé", "le parquet de Lyon a classé"},
		// disability
		{"a disability group", "Elle a une invalidité du 2e groupe en Ukraine", "Elle a une [HANDICAP_1] en Ukraine"},
		{"a disability group first", "mon père a le 2e groupe d'invalidité", "mon père a le [HANDICAP_1]"},
		{"disabled 2nd group", "I am disabled 2nd group in Ukraine", "I am [HANDICAP_1] in Ukraine"},
		{"a rate after MDPH", "reconnue MDPH à 80%. Moi", "reconnue MDPH à [HANDICAP_1]. Moi"},
		{"a rate after a disability card", "elle a une carte d invalidite 80% donc", "elle a une [HANDICAP_1] [HANDICAP_2] donc"},
		{"a group of people stays", "le 2e groupe de parole a lieu jeudi", "le 2e groupe de parole a lieu jeudi"},
		{"a number after MDPH stays", "la MDPH a 80 dossiers en retard", "la MDPH a 80 dossiers en retard"},
		{"a percentage elsewhere stays", "le taux de prélèvement est de 7,5 %", "le taux de prélèvement est de 7,5 %"},
		{"a pension's category goes with it", "je touche une pension d'invalidité catégorie 2", "je touche une [HANDICAP_1]"},
		// shared mailboxes
		{"a customer service's mailbox stays", "> De : service.client@caf.fr", "> De : service.client@caf.fr"},
		{"a tax office's mailbox stays", "> De : <sie.annecy@dgfip.finances.gouv.fr>", "> De : <sie.annecy@dgfip.finances.gouv.fr>"},
		{"role mailboxes stay", "contact@mairie-x.fr, accueil@ville-lyon.fr, noreply@ameli.fr, info@msa.fr",
			"contact@mairie-x.fr, accueil@ville-lyon.fr, noreply@ameli.fr, info@msa.fr"},
		{"an agent's address at a public domain", "écrire à jean.dupont@caf.fr", "écrire à [EMAIL_1]"},
		{"an agent's address at a tax office", "répondre à j.martin@dgfip.finances.gouv.fr", "répondre à [EMAIL_1]"},
		{"an office word before a first name", "écrire à caf.julien@gmail.com", "écrire à [EMAIL_1]"},
		{"a customer's address with client", "client.dupont@gmail.com", "[EMAIL_1]"},
	})
}
