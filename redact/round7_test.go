package redact

import "testing"

// TestRedactRound7 covers identifiers found by their shape and their cue
// whatever their check key (typed wrong or invented, as people do), the
// personal links of social and file-sharing sites, and the near misses
// that must keep their type or stay: amounts, dates, phones, public
// references, the amount after "revenu fiscal de référence".
func TestRedactRound7(t *testing.T) {
	tests := []redactCase{
		// NIR: wrong key, no key, odd grouping, letters for digits, a digit off
		{"nir wrong key", "mon num de secu c 1 85 03 75 112 045 12 merci", "mon num de secu c [NIR_1] merci"},
		{"nir without key after cue", "n° sécurité sociale : 2910769123456.", "n° sécurité sociale : [NIR_1]."},
		{"nir shape over a chance card", "le n° ss de mon mari 184127510807612 svp", "le n° ss de mon mari [NIR_1] svp"},
		{"nir 13 in its grouping passing luhn", "voici 1 78 11 99 350 012 - clé 45. Cordialement", "voici [NIR_1]. Cordialement"},
		{"nir letter l and a wrong key named", "numero securite social 1850l75112045 cle 99", "numero securite social [NIR_1]"},
		{"nir letters O", "sécu : 1 8O O3 75 112 O45", "sécu : [NIR_1]"},
		{"nir impossible month after cue", "mon numéro de sécurité sociale c'est le 2 99 13 75 115 002 56 ok", "mon numéro de sécurité sociale c'est le [NIR_1] ok"},
		{"nir a digit short after cue", "n° sécurité sociale : 2 91 07 69 123 45", "n° sécurité sociale : [NIR_1]"},
		{"nir a digit too many after cue", "Carte vitale 1 74 02 33 063 0451 22 de mon mari", "Carte vitale [NIR_1] de mon mari"},
		{"two names sharing a surname, the first repeated", "Je suis Pierre Benali, et ma soeur Sofia Benali habite ici. Écrivez à pierre benali svp",
			"Je suis [NOM_1], et ma soeur [NOM_2] habite ici. Écrivez à [NOM_3] svp"},
		{"nir wrong key set apart, no cue", "voila 2 91 11 13 055 217 88 pour le dossier", "voila [NIR_1] pour le dossier"},
		{"two digits after a nir that are an age stay", "le 1 85 07 75 123 456 12 ans de cotisation", "le [NIR_1] 12 ans de cotisation"},
		{"a house number after a nir stays out of it", "NIR 1 85 07 75 123 456 12 rue de la Paix 75002 Paris", "NIR [NIR_1] [ADRESSE_1]"},
		{"cpam is a nir cue", "pour la cpam : 2 85 10 31 555 087 12", "pour la cpam : [NIR_1]"},
		{"phone near a nir cue stays a phone", "ma sécu c'est bon, appelez moi au 06 12 34 56 78", "ma sécu c'est bon, appelez moi au [TEL_1]"},
		{"amount near a nir cue stays", "la sécu m'a remboursé 1 234,56 € le 12/05/2024", "la sécu m'a remboursé 1 234,56 € le 12/05/2024"},
		{"visa of 15 after a card word", "carte bancaire 4970 1012 3456 789 refusée", "carte bancaire [CARTE_1] refusée"},
		// IBAN and RIB with a wrong key or length
		{"iban es wrong key after compte", "Compte espagnol ES91 2100 0418 4502 0005 1334 merci", "Compte espagnol [IBAN_1] merci"},
		{"iban fr a digit short, no cue", "virement sur FR76 1027 8060 1100 0204 5680 19 svp", "virement sur [IBAN_1] svp"},
		{"rib wrong key after its cue", "ci-joint mon RIB : 30004 00031 12345678901 99. Merci", "ci-joint mon RIB : [IBAN_1]. Merci"},
		{"country code and digits alone stay", "le vol FR76 part à 8h", "le vol FR76 part à 8h"},
		// SIRET, cards, numéro fiscal
		{"siret 3-3-3-5 wrong key", "Entreprise Dupont nettoyage, 443 061 841 00048, remboursement", "Entreprise Dupont nettoyage, [SIRET_1], remboursement"},
		{"siret a digit short after cue", "SIRET 812 345 678 0002 je crois", "SIRET [SIRET_1] je crois"},
		{"employer's siret stays", "SIRET de mon employeur 123 456 789 00012", "SIRET de mon employeur 123 456 789 00012"},
		{"card wrong luhn after cb", "ma CB 5132-8765-4321-0988 a été refusée", "ma CB [CARTE_1] a été refusée"},
		{"card of 17 after cue", "Ma CB c'est 5132 8765 4321 09876 je sais plus", "Ma CB c'est [CARTE_1] je sais plus"},
		{"fiscal wrong key, rfr stays", "mon numero fiscal est 30 12 345 678 901, revenu fiscal de référence 18 540 €",
			"mon numero fiscal est [FISCAL_1], revenu fiscal de référence 18 540 €"},
		{"rfr without euro stays", "revenu fiscal de référence 23 400 pour 2023", "revenu fiscal de référence 23 400 pour 2023"},
		{"public references stay", "l'article L. 161-1 du code et le 3949, décret n° 2024-1305",
			"l'article L. 161-1 du code et le 3949, décret n° 2024-1305"},
		{"large amount stays", "le plafond est de 1 398 000 euros pour 2025", "le plafond est de 1 398 000 euros pour 2025"},
		// links to a person's profile or files
		{"facebook profile with scheme", "https://www.facebook.com/karim.benali.75 c moi", "[URL_1] c moi"},
		{"drive link", "voici le lien https://drive.google.com/file/d/1aB3cD/view merci", "voici le lien [URL_1] merci"},
		{"dropbox without scheme", "sur www.dropbox.com/s/abc/papiers.pdf", "sur [URL_1]"},
		{"a video stays", "voir https://www.youtube.com/watch?v=abc pour le tuto", "voir https://www.youtube.com/watch?v=abc pour le tuto"},
		{"an organisation's page stays", "https://www.linkedin.com/company/pole-emploi", "https://www.linkedin.com/company/pole-emploi"},
		{"public site stays", "https://www.caf.fr/allocataires/mes-services-en-ligne", "https://www.caf.fr/allocataires/mes-services-en-ligne"},
		// a city in lower case after a street and its postal code
		{"lower-case city", "je vis au 4 allée Jean Moulin 69100 villeurbanne depuis 2019", "je vis au [ADRESSE_1] depuis 2019"},
		{"a word after the postal code stays", "mon adresse 3 rue de la Paix 75002 merci", "mon adresse [ADRESSE_1] merci"},
		// a full date after "je suis du", as "je suis de 1975" gives a year
		{"je suis du and a date", "je suis du 23/08/1979, j'ai droit a la retraite ?", "je suis du [NAISSANCE_1], j'ai droit a la retraite ?"},
		{"chui du in words", "chui du 3 mars 82 et toi", "chui du [NAISSANCE_1] et toi"},
		{"a period stays", "je suis du 01/01/2025 au 15/01/2025 en arrêt", "je suis du 01/01/2025 au 15/01/2025 en arrêt"},
		{"a day without year stays", "je suis du 12 mars de permanence", "je suis du 12 mars de permanence"},
		// a same-sex couple told by its number and its union
		{"two married men", "mon conjoint et moi, deux hommes mariés depuis 2018", "mon conjoint et moi, [ORIENTATION_1] depuis 2018"},
		{"two women pacsed", "nous sommes deux femmes pacsées, quels droits ?", "[ORIENTATION_1], quels droits ?"},
	}
	checkRedactions(t, tests)
}
