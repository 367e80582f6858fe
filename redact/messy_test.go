package redact

import (
	"context"
	"testing"
)

// TestRedactMessy covers the ways people really write: obfuscated e-mails,
// numbers in words, foreign formats, other scripts, special categories.
func TestRedactMessy(t *testing.T) {
	tests := []redactCase{
		// e-mails
		{"email arobase point", "écrivez à jm.pereira arobase gmail point com svp", "écrivez à [EMAIL_1] svp"},
		{"email (at)(dot)", "julien.ferrand(at)laposte(dot)net merci", "[EMAIL_1] merci"},
		{"email [at] [dot]", "karim.b [at] outlook [dot] fr", "[EMAIL_1]"},
		{"email spaced", "nath74 @ hotmail . fr", "[EMAIL_1]"},
		{"email a", "mon mail lambert.celine a free.fr merci", "mon mail [EMAIL_1] merci"},
		{"email idn", "josé@café.fr et ivan@пример.рф", "[EMAIL_1] et [EMAIL_2]"},
		{"email arroba punto", "mi correo: carlos.mendoza arroba gmail punto com gracias", "mi correo: [EMAIL_1] gracias"},
		{"email malpa", "mail aga.kowalczyk(małpa)wp.pl", "mail [EMAIL_1]"},
		{"email punycode", "a.b@xn--mller-haus-9db.de", "[EMAIL_1]"},
		{"not an email", "je suis a paris.fr et je vais a la mairie.", "je suis a paris.fr et je vais a la mairie."},
		// phones
		{"phone in words", "mon numéro c zéro six douze trente-quatre cinquante-six soixante-dix-huit.", "mon numéro c [TEL_1]."},
		{"phone partly in words", "06 douze 34 89 70 merci", "[TEL_1] merci"},
		{"phone quatre-vingt-dix", "zero six, quatre-vingt-dix-neuf, soixante et onze, 12, 13", "[TEL_1]"},
		{"phone english words", "call me on oh seven seven double oh nine zero zero one two three", "call me on [TEL_1]"},
		{"phone slashes", "07/61/22/90/14", "[TEL_1]"},
		{"phone spaced dashes", "06 - 31 - 77 - 02 - 48", "[TEL_1]"},
		{"phone digits spaced", "0 6 7 1 2 2 4 5 8 0", "[TEL_1]"},
		{"phone uk", "mon tel en Angleterre 07700 900123", "mon tel en Angleterre [TEL_1]"},
		{"phone morocco", "au Maroc +212 6 61 23 45 67", "au Maroc [TEL_1]"},
		{"phone us parentheses", "US: (212) 555-1234", "US: [TEL_1]"},
		{"phone canada dots", "Tél. canadien 418.624.3917", "Tél. canadien [TEL_1]"},
		{"phone russia", "+7 912 345-67-89", "[TEL_1]"},
		{"phone germany 0049", "tel 0049 1512 3456789", "tel [TEL_1]"},
		{"phone spain after cue", "Teléfono 612 90 47 38 (España)", "Teléfono [TEL_1] (España)"},
		{"words that are not a phone", "j'ai un téléphone neuf et six enfants, 3 chats", "j'ai un téléphone neuf et six enfants, 3 chats"},
		{"amount stays", "Montant 1234567890 €, décret 2023-1234, le 12/03/2024", "Montant 1234567890 €, décret 2023-1234, le 12/03/2024"},
		// identifiers
		{"iban irregular", "IBAN FR7630006 00001 12345678 90189 merci", "IBAN [IBAN_1] merci"},
		{"iban country apart", "FR 76 3000 6000 0112 3456 7890 189", "[IBAN_1]"},
		{"iban dashes lower case", "fr76-3000-6000-0112-3456-7890-189", "[IBAN_1]"},
		{"iban morocco", "MA64 0115 1900 0001 2050 0053 4921", "[IBAN_1]"},
		{"iban letters inside", "IBAN MT84 MALT 0110 0001 2345 MTLC AST0 01S merci", "IBAN [IBAN_1] merci"},
		{"iban single letter group", "LI21 0881 0000 2324 013A A", "[IBAN_1]"},
		{"iban brazil", "BR97 0036 0305 0000 1000 9795 493P 1", "[IBAN_1]"},
		{"iban kazakhstan lower case", "kz86 125k zt50 0410 0100", "[IBAN_1]"},
		{"card amex 15 digits", "carte 3714 496353 98431", "carte [CARTE_1]"},
		{"nir corsica dash no key", "secu 2 84 12 2A 451 089", "secu [NIR_1]"},
		{"nir key after clé", "secu 2.72.05.13.205.033 clé 06 merci", "secu [NIR_1] merci"},
		{"nir key in brackets", "n° SS : 2 72 05 13 205 033 (06)", "n° SS : [NIR_1]"},
		{"nir wrong key named goes with it", "1 51 02 62 193 076 clé 44", "[NIR_1]"},
		{"nir wrong key in brackets stays", "1 51 02 62 193 076 (44)", "[NIR_1] (44)"},
		{"rib without iban", "RIB : 38566 83756 93648036886 03 merci", "RIB : [IBAN_1] merci"},
		{"rib wrong key after cue", "RIB : 38566 83756 93648036886 04 merci", "RIB : [IBAN_1] merci"},
		{"rib wrong key in its grouping", "voila 38566 83756 93648036886 04 merci", "voila [IBAN_1] merci"},
		{"agdref after cue", "numéro AGDREF 0699214873", "numéro AGDREF [ETRANGER_1]"},
		{"residence permit", "carte de résident 10 ans n° 6902318764 qui expire", "carte de résident 10 ans n° [ETRANGER_1] qui expire"},
		{"passport nationality", "Passeport algérien 197458213 (périmé)", "Passeport algérien [PASSEPORT_1] (périmé)"},
		{"cni cue elsewhere", "il a perdu sa carte d'identité. sa carte c'était 070905946804. merci", "il a perdu sa carte d'identité. sa carte c'était [CNI_1]. merci"},
		{"caf cue elsewhere", "ma prime d'activité est fausse.\nStéphane Girard – n° 8099707", "ma prime d'activité est fausse.\n[NOM_1] – n° [CAF_1]"},
		// dates of birth
		{"birth in words", "née le premier mars quarante-huit, à Lyon", "née [NAISSANCE_1], à [NAISSANCE_2]"},
		{"birth year in words", "né le vingt-sept juin mille neuf cent soixante-quatorze à Oran", "né [NAISSANCE_1] à [NAISSANCE_2]"},
		{"birth english", "born on April 3, 1990 in Kyiv; date of birth: 1990-04-03", "born on [NAISSANCE_1] in [NAISSANCE_2]; date of birth: [NAISSANCE_3]"},
		{"birth spanish", "nacido el 3 de abril de 1990 en Madrid", "nacido el [NAISSANCE_1] en [NAISSANCE_2]"},
		{"birth us order", "DOB 09/23/2001", "DOB [NAISSANCE_1]"},
		{"birth romanian", "născut la 12 martie 1987", "născut la [NAISSANCE_1]"},
		{"birth place first", "né à Oran le 3 mars 1980, il", "né à [NAISSANCE_1] le [NAISSANCE_2], il"},
		{"birth in brackets", "mon fils Ilyes (12/12/2008) a perdu sa carte", "mon fils [NOM_1] ([NAISSANCE_1]) a perdu sa carte"},
		{"birth in brackets after a lower-case first name", "ma fille lina (03/05/2016) est malade", "ma fille [NOM_1] ([NAISSANCE_1]) est [SANTE_1]"},
		{"birth ukrainian month", "народилася 12 березня 1985 року", "народилася [NAISSANCE_1] року"},
		{"birth greek month", "γεννήθηκα στις 12 Μαρτίου 1985", "γεννήθηκα στις [NAISSANCE_1]"},
		{"birth vietnamese", "sinh ngày 12 tháng 3 năm 1985", "sinh ngày [NAISSANCE_1]"},
		{"birth chinese", "出生日期：1985年3月12日", "出生日期：[NAISSANCE_1]"},
		{"birth chinese in one word", "出生于1985年3月12日", "出生于[NAISSANCE_1]"},
		{"birth arabic cue is no name", "تاريخ الميلاد 12/03/1985", "تاريخ الميلاد [NAISSANCE_1]"},
		{"birth german day with a dot", "geboren am 12. März 1985", "geboren am [NAISSANCE_1]"},
		{"birth portuguese março", "nascida em 12 de março de 1985", "nascida em [NAISSANCE_1]"},
		{"birth turkish, cue after", "12 Mart 1985 doğumluyum", "[NAISSANCE_1] doğumluyum"},
		{"marco stays a name", "je suis Marco Rossi", "je suis [NOM_1]"},
		{"birth in words after a maiden name", "Mme Odile Perrin, née Martin, le vingt et un mars mille neuf cent cinquante, demande", "Mme [NOM_1], [NAISSANCE_1], demande"},
		{"birth date before its cue", "Lucas Martin, 12/03/2015 (date de naissance)", "[NOM_1], [NAISSANCE_1] (date de naissance)"},
		{"birth month and year", "né le 03/1985 à Oran", "né le [NAISSANCE_1] à [NAISSANCE_2]"},
		{"birth weekday", "née le lundi 3 mars 1980", "née le lundi [NAISSANCE_1]"},
		{"prime de naissance stays", "la prime de naissance versée le 12/03/2024", "la prime de naissance versée le 12/03/2024"},
		{"age and deadline stay", "j'ai 45 ans, délai de deux mois, rendez-vous le 3 avril 2025", "j'ai 45 ans, délai de deux mois, rendez-vous le 3 avril 2025"},
		// names
		{"name cyrillic", "Наталья Кравченко, 42 ans", "[NOM_1], 42 ans"},
		{"name chinese", "您好，我叫陈丽华 (CHEN Lihua)", "您好，我叫[NOM_1] ([NOM_2])"},
		{"name from the e-mail", "je suis en BTS. amina — amina.k arobase hotmail point fr", "je suis en BTS. [NOM_1] — [EMAIL_1]"},
		{"name english cue", "My name is Graham Whitfield, we live near Bergerac", "My name is [NOM_1], we live near Bergerac"},
		{"name signature alone", "Merci de me dire ce qui bloque. Claire", "Merci de me dire ce qui bloque. [NOM_1]"},
		{"name née", "Je suis Saïda Jaziri née Mejri, à Sousse", "Je suis [NOM_1], à Sousse"},
		{"url social profile", "mon profil linkedin.com/in/aleksandra-nowak-84b21 merci", "mon profil [URL_1] merci"},
		// foreign addresses
		{"address spanish", "j'habite Calle Mayor 5, 28013 Madrid depuis 2020", "j'habite [ADRESSE_1] depuis 2020"},
		{"address german", "adresse : Hauptstraße 5, 10115 Berlin", "adresse : [ADRESSE_1]"},
		{"address polish", "ul. Marszałkowska 12/4, 00-001 Warszawa", "[ADRESSE_1]"},
		{"address portuguese", "Rua Augusta 100, 1100-053 Lisboa", "[ADRESSE_1]"},
		{"address english", "we live at 12 Baker Street, London", "we live at [ADRESSE_1]"},
		{"via stays", "via France Connect et via le site", "via France Connect et via le site"},
		// special categories
		{"health, the term stays", "je suis enceinte de 5 mois", "je suis [SANTE_1] 5 mois"},
		{"disability", "je suis paraplégique depuis 2015", "je suis [HANDICAP_1] depuis 2015"},
		{"religion", "Mme Koné, musulmane, demande", "Mme [NOM_1], [RELIGION_1], demande"},
		{"union", "je suis délégué syndical CGT", "je suis [SYNDICAT_1] [SYNDICAT_2]"},
		{"orientation", "nous sommes homosexuels", "nous sommes [ORIENTATION_1]"},
		{"offence", "condamné pour conduite en état d'ivresse", "[JUSTICE_1]"},
		{"statuses stay, disability statuses are masked", "en arrêt maladie, ALD, RQTH, AAH et pension d'invalidité, congé maternité",
			"en arrêt maladie, ALD, [HANDICAP_1], [HANDICAP_2] et [HANDICAP_3], congé maternité"},
		{"institutions stay", "la maison d'arrêt et le centre pénitentiaire de Fresnes", "la maison d'arrêt et le centre pénitentiaire de Fresnes"},
		// general rules of the third round (issue 10)
		{"birth 'c'est le'", "ma date de naissance c'est le 12/03/1985 merci", "ma date de naissance c'est le [NAISSANCE_1] merci"},
		{"birth of a relative", "date de naissance de mon fils : 12/03/2015", "date de naissance de mon fils : [NAISSANCE_1]"},
		{"birth after a place with hyphens", "né à Saint-Martin-d'Hères (Isère) le 12/03/1985", "né à [NAISSANCE_1] le [NAISSANCE_2]"},
		{"birth spaced slashes", "date de naissance : 12 / 03 / 1985", "date de naissance : [NAISSANCE_1]"},
		{"birth hyphenated month", "né le 12-mars-1985", "né le [NAISSANCE_1]"},
		{"birth english month", "birthday 12 March 1990", "birthday [NAISSANCE_1]"},
		{"birth plural", "mes jumeaux sont nés le 3 mars 2019", "mes jumeaux sont nés le [NAISSANCE_1]"},
		{"phone (+33)", "(+33) 6 12 34 56 78", "[TEL_1]"},
		{"switchboard landline stays", "le standard de la préfecture, 01 40 20 30 40, ne répond pas", "le standard de la préfecture, 01 40 20 30 40, ne répond pas"},
		{"mobile after switchboard", "le standard ne répond pas, mon portable 06 12 34 56 78", "le standard ne répond pas, mon portable [TEL_1]"},
		{"foreign plate after plate word", "my car (UK plates KX19 PLU) was towed", "my car (UK plates [PLAQUE_1]) was towed"},
		{"RG is a case number", "Dossier TJ Créteil RG 24/01187", "Dossier TJ Créteil [DOSSIER_1]"},
		{"address unit then postal code", "Adresse actuelle 41 rue Gabriel Péri app 34 93200 Saint-Denis.", "Adresse actuelle [ADRESSE_1]."},
		{"place name before postal code", "domicilié Manoir de Kerlann 56610 Arradon, sollicite", "domicilié [ADRESSE_1], sollicite"},
		{"house number before residence", "3 résidence du Parc apt 12 61000 Alençon", "[ADRESSE_1]"},
		{"district between commas", "Derb Sidi Bouamar n° 27, Médina, 40000 Marrakech", "[ADRESSE_1]"},
		{"number before postal code", "habite Calle Mayor 5 28013 Madrid", "habite [ADRESSE_1]"},
		{"street abbreviated r.", "3 r. de la Fontaine 49300 Cholet", "[ADRESSE_1]"},
		{"initial with particle letter", "J'ai 45 jours pour contester ? D. Marchetti", "J'ai 45 jours pour contester ? [NOM_1]"},
		{"hyphenated place not a name", "j'habite à Hô-Chi-Minh-Ville depuis 2010", "j'habite à Hô-Chi-Minh-Ville depuis 2010"},
		{"complement stops at time words", "j'ai un TDAH diagnostiqué l'an dernier", "j'ai un [SANTE_1] diagnostiqué l'an dernier"},
		{"prière de stays", "Prière de me rappeler au plus vite", "Prière de me rappeler au plus vite"},
		{"civil judgment stays", "mon voisin a été condamné à payer 300 €", "mon voisin a été condamné à payer 300 €"},
		{"institution stays whole", "la caisse d'assurance maladie de Lyon", "la caisse d'assurance maladie de Lyon"},
		{"leave named after illness stays", "le congé enfant malade est-il payé", "le congé enfant malade est-il payé"},
		{"sentence without sursis", "il a pris 6 mois ferme", "il a pris 6 [JUSTICE_1]"},
		{"same-sex couple", "on est un couple de femmes", "on est un [ORIENTATION_1]"},
		{"chemo", "je suis en chimio depuis mars", "je suis en [SANTE_1] depuis mars"},
	}
	checkRedactions(t, tests)
}

// TestSpecialPolicy checks that each special category has its own policy
// switch.
func TestSpecialPolicy(t *testing.T) {
	in := "diabétique, paraplégique, musulmane, syndiquée, lesbienne, condamnée pour vol. Je suis kurde."
	for _, ty := range specialTypes {
		t.Run(string(ty), func(t *testing.T) {
			p, err := ParsePolicy(string(ty) + "=keep")
			if err != nil {
				t.Fatal(err)
			}
			res, err := Redact(context.Background(), in, p)
			if err != nil {
				t.Fatal(err)
			}
			kinds := map[Type]bool{}
			for _, e := range res.Entities {
				kinds[e.Type] = true
			}
			for _, other := range specialTypes {
				if kinds[other] == (other == ty) {
					t.Errorf("policy %s=keep: %s masked = %v (text %q)", ty, other, kinds[other], res.Text.String())
				}
			}
		})
	}
	if !SANTE.Special() || !JUSTICE.Special() || NOM.Special() {
		t.Error("Special() is wrong")
	}
}
