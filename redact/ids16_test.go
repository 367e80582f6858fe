package redact

import "testing"

// TestIDs16 covers session 16's round on identifiers and secrets (issue
// 10): passwords and codes given carelessly, phone digits typed as
// letters, foreign national and tax numbers, foreign plates; and what
// must stay beside them.
func TestIDs16(t *testing.T) {
	checkRedactions(t, []redactCase{
		// SECRET: "code" alone, a password's shape only
		{"my code and a password", "mon code Soleil2024! pour entrer", "mon code [SECRET_1] pour entrer"},
		{"the code is", "le code c'est Soleil2024!", "le code c'est [SECRET_1]"},
		{"a postcode stays", "code postal 75001 et mon code postal : 75011", "code postal 75001 et mon code postal : 75011"},
		{"a building's door code", "le code de l'immeuble 1234B", "le code de l'immeuble [SECRET_1]"},
		{"digits after code stay", "code : 75001", "code : 75001"},
		{"a tax box code stays", "mon code 1AF sur la déclaration", "mon code 1AF sur la déclaration"},
		{"an activity code stays", "le code APE 4711D", "le code APE 4711D"},
		// SECRET: words between the cue and the value, a clause then a colon
		{"c'est bien", "le mot de passe c'est bien Soleil2024!", "le mot de passe c'est bien [SECRET_1]"},
		{"a clause then a colon", "mon ancien mot de passe pour que vous vérifiez : Soleil2019!Mimi (je l'utilisais)", "mon ancien mot de passe pour que vous vérifiez : [SECRET_1] (je l'utilisais)"},
		{"a clause then a colon and a phone stays a phone", "mot de passe perdu, mon numéro : 06 12 34 56 78", "mot de passe perdu, mon numéro : [TEL_1]"},
		{"mdp and a colon", "mdp: Lune77?", "mdp: [SECRET_1]"},
		{"password is", "the password is hunter22", "the password is [SECRET_1]"},
		// SECRET: another password tried
		{"another password tried", "jai mis comme mdp Ines1312* et jai aussi essayé lola2003.", "jai mis comme mdp [SECRET_1] et jai aussi essayé [SECRET_2]."},
		{"or maybe another", "mon mot de passe est Ines1312* ou peut-être lola2003", "mon mot de passe est [SECRET_1] ou peut-être [SECRET_2]"},
		{"what follows the password stays", "mdp Ines1312* ou alors appelez moi", "mdp [SECRET_1] ou alors appelez moi"},
		// TEL: letters typed for digits
		{"O and I for 0 and 1", "appelez le O6 I2 34 56 78 svp", "appelez le [TEL_1] svp"},
		{"dots between", "mon num O6.I2.34.56.78", "mon num [TEL_1]"},
		{"a lower-case l", "tel : O7 l2 34 56 78", "tel : [TEL_1]"},
		{"I2 after a day stays", "le 12 I2 du mois", "le 12 I2 du mois"},
		// ETRANGER, FISCAL, CNI: foreign numbers
		{"a Swiss AVS number", "Mon numéro AVS : 756.1234.5678.97.", "Mon numéro AVS : [ETRANGER_1]."},
		{"a school assistant stays", "l'AVS de mon fils vient 12 heures par semaine", "l'AVS de mon fils vient 12 heures par semaine"},
		{"a Korean registration number", "Korean resident registration no. 950812-2345678. I live", "Korean resident registration no. [ETRANGER_1]. I live"},
		{"a visa's number with its country", "My visa long séjour étudiant (VLS-TS) number is 0IND12345678 and I", "My visa long séjour étudiant (VLS-TS) number is [ETRANGER_1] and I"},
		{"a Brazilian CPF", "mon CPF 529.982.247-25. Adresse", "mon CPF [FISCAL_1]. Adresse"},
		{"a training account stays", "je veux utiliser mon CPF pour 1500 euros de formation", "je veux utiliser mon CPF pour 1500 euros de formation"},
		{"an Italian tax code", "codice fiscale RSSMRA85T10A562S", "codice fiscale [FISCAL_1]"},
		{"fourteen digits after an identity card", "Carte d'identité égyptienne 28905121401234 (numéro national).", "Carte d'identité égyptienne [CNI_1] (numéro national)."},
		{"a SIRET stays a SIRET", "SIRET 73282932000074 de mon entreprise", "SIRET [SIRET_1] de mon entreprise"},
		// PLAQUE: Romanian plates
		{"a Romanian plate after its car", "o amenda pentru masina cu numar romanesc B-123-XYZ, dar nu eu", "o amenda pentru masina cu numar romanesc [PLAQUE_1], dar nu eu"},
		{"a Romanian plate after its word", "Camionul meu cu numărul de înmatriculare B 123 MCN (românesc) a fost oprit", "Camionul meu cu numărul de înmatriculare [PLAQUE_1] (românesc) a fost oprit"},
		{"a Romanian plate after a French car", "ma voiture CJ 07 ABC est en panne", "ma voiture [PLAQUE_1] est en panne"},
		// DOSSIER: English cues, a confirmation, a mandate, a reference opened by a word in capitals
		{"an appointment's confirmation", "reçu confirmation n° RDV-PREF75-88231 pour lundi", "reçu confirmation n° [DOSSIER_1] pour lundi"},
		{"a case number in English", "Her case number is APA-37-558214. She", "Her case number is [DOSSIER_1]. She"},
		{"an OFPRA number dictated", "mon numéro OFPRA est 2 0 2 6 - 0 4 4 7 1 8 et mon AGDREF", "mon numéro OFPRA est [DOSSIER_1] et mon AGDREF"},
		{"a direct debit's mandate", "Réf. mandat SEPA ++FR44ZZZ123456-CL-0098213", "Réf. mandat SEPA ++[DOSSIER_1]"},
		{"a CAF cue keeps its word", "CAF-93 : mon dossier", "CAF-93 : mon dossier"},
		// FISCAL: a letter O in a group
		{"an O in a tax number's group", "le mien 3O41 2567 8901 3 pour les impôts", "le mien [FISCAL_1] pour les impôts"},
		{"an O in a word stays", "le BO12 est arrivé", "le BO12 est arrivé"},
		// JUSTICE: SMS spellings, an arrest, a case dropped, a positive test
		{"a record in SMS", "jai un casier, jai été condamné", "[JUSTICE_1], jai été [JUSTICE_2]"},
		{"leaving police custody", "jai le PV de sortie de GAV si besoin", "jai le PV de [JUSTICE_1] si besoin"},
		{"a case dropped", "(affaire classee sans suite apres)", "([JUSTICE_1] apres)"},
		{"a positive test at the wheel", "suspendu après un contrôle positif à l'alcool en juillet", "suspendu après un [JUSTICE_1] en juillet"},
		// SANTE: surgery with an article, ulcers, dementia, insulin
		{"a kidney removed", "elle a subi l'ablation d'un rein en 2019", "elle a subi l'[SANTE_1] en 2019"},
		{"an amputation", "suite à l'amputation de la jambe", "suite à l'[SANTE_1]"},
		{"a varicose ulcer", "un ulcère variqueux à la jambe droite", "un [SANTE_1] à la jambe droite"},
		{"dementia in Spanish", "mi madre tiene demencia senil", "mi madre tiene [SANTE_1]"},
		{"insulin in English", "she needs insulin every day", "she needs [SANTE_1] every day"},
		{"a part-time cure stays", "je suis en mi-temps thérapeutique depuis mars", "je suis en mi-temps thérapeutique depuis mars"},
	})
}
