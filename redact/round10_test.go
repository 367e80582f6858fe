package redact

import "testing"

// TestRedactRound10 covers the tenth round's rules, each with the near
// misses that must keep their type or stay: a number after another
// number's cue that passes Luhn by chance takes that cue's type, not a
// card's; a card or a NIR dictated one digit at a time; a NIR whose key
// is wrong after its cue is read whole; driving licences and national
// identity numbers named in other languages; a URL after "mon site"
// with its scheme, sites on site builders, kitties; the nearest of two
// documents' cues; special categories said of a class of people or of a
// facility, which stay; a visa's number; the references of fines,
// pensions, insurances and subscriptions; residence permits named in
// other languages; an old identity card's twelve digits dictated one at
// a time; "cé" for "c'est" between a cue and its number; France
// Travail's seven digits and a letter anywhere in a message that names it;
// "n°" read as "numéro" at the start of a phrase.
func TestRedactRound10(t *testing.T) {
	tests := []redactCase{
		{"fiscal number passing Luhn", "Mon numéro fiscal est le 1788577598773.", "Mon numéro fiscal est le [FISCAL_1]."},
		{"carte vitale is a NIR", "mon numero de carte vitale 1788577598773", "mon numero de carte vitale [NIR_1]"},
		{"CAF number passing Luhn", "numero CAF 2239520110771082", "numero CAF [CAF_1]"},
		{"identity number further in the sentence", "numéro d'identité roumain, c'est le 2900615400123", "numéro d'identité roumain, c'est le [CNI_1]"},
		{"a card in fours after a tax word stays a card", "impots payés avec la carte 4970 3504 9258 9913 hier", "impots payés avec la carte [CARTE_1] hier"},
		{"a card after its own word", "ma carte bancaire 4970 3504 9258 9913 exp 12/26", "ma carte bancaire [CARTE_1]"},
		{"card dictated digit by digit", "carte visa 4 9 7 0 3 5 0 4 9 2 5 8 9 9 1 3 merci", "carte visa [CARTE_1] merci"},
		{"NIR dictated digit by digit, key wrong", "mon numéro de sécu 1 8 5 0 7 7 5 1 2 3 4 5 6 0 4 svp", "mon numéro de sécu [NIR_1] svp"},
		{"phone dictated digit by digit", "appelez le 0 6 1 2 3 4 5 6 7 8 merci", "appelez le [TEL_1] merci"},
		{"digits failing Luhn stay", "les places 5 9 8 7 6 5 4 3 2 1 0 9 8 7 6 5 sont prises", "les places 5 9 8 7 6 5 4 3 2 1 0 9 8 7 6 5 sont prises"},
		{"card run together after its word, a digit mistyped", "Mastercard 5412751234567897 expire 03/27", "Mastercard [CARTE_1]"},
		{"British driving licence", "my UK driving licence MORGA657054SM9IJ is valid", "my UK driving licence [PERMIS_1] is valid"},
		{"German driving licence", "Führerschein Nr. B072RRE2I55 bitte", "Führerschein Nr. [PERMIS_1] bitte"},
		{"Spanish driving licence", "licencia de conducir 12345678Z caducada", "licencia de conducir [PERMIS_1] caducada"},
		{"JMBG", "JMBG: 0101990710006 hvala", "JMBG: [CNI_1] hvala"},
		{"Algerian NIN of 18 digits", "numéro d'identification national (NIN) 109876543210987654 svp", "numéro d'identification national (NIN) [CNI_1] svp"},
		{"national number", "mon NNI 1234567890 merci", "mon NNI [CNI_1] merci"},
		{"ECOWAS card", "carte CEDEAO n° 1 751 1985 00123 perdue", "carte CEDEAO n° [CNI_1] perdue"},
		{"own site with its scheme", "Mon site: https://www.karim-benali.fr merci", "Mon site: [URL_1] merci"},
		{"the administration's site with its scheme stays", "votre site https://www.caf.fr ne marche pas", "votre site https://www.caf.fr ne marche pas"},
		{"an organisation's site stays", "la mairie et son site https://www.lyon.fr sont fermés", "la mairie et son site https://www.lyon.fr sont fermés"},
		{"a site on a site builder", "voici mon CV en ligne https://karimbenali.wixsite.com/cv", "voici mon CV en ligne [URL_1]"},
		{"the builder's own site stays", "j'ai fait mon CV sur https://www.wix.com/ c'est gratuit", "j'ai fait mon CV sur https://www.wix.com/ c'est gratuit"},
		{"a Google site", "ma page https://sites.google.com/view/karimbenali merci", "ma page [URL_1] merci"},
		{"a kitty", "ma cagnotte https://www.leetchi.com/c/soutien-a-karim merci", "ma cagnotte [URL_1] merci"},
		{"the nearest document decides", "passeport marocain, CIN BE123456 merci", "passeport marocain, CIN [CNI_1] merci"},
		{"consular card after a passport", "passeport tunisien et carte consulaire n° 1234/2020", "passeport tunisien et carte consulaire n° [CNI_1]"},
		{"a passport alone", "mon passeport algérien 197458213 expire bientôt", "mon passeport algérien [PASSEPORT_1] expire bientôt"},
		{"deaf people in general stay", "la ligne est-elle accessible aux personnes sourdes ?", "la ligne est-elle accessible aux personnes sourdes ?"},
		{"a disabled parking space stays", "est-ce que la mairie a une place handicapé devant ?", "est-ce que la mairie a une place handicapé devant ?"},
		{"wheelchair access stays", "y a-t-il un accès fauteuil roulant à la préfecture ?", "y a-t-il un accès fauteuil roulant à la préfecture ?"},
		{"reduced mobility in general stays", "le bâtiment est accessible aux personnes à mobilité réduite", "le bâtiment est accessible aux personnes à mobilité réduite"},
		{"blind and deaf in general stay", "un guichet pour les sourds et malentendants", "un guichet pour les sourds et malentendants"},
		{"an awareness day stays", "une affiche 'Journée mondiale du diabète le 14 novembre' à l'accueil", "une affiche 'Journée mondiale du diabète le 14 novembre' à l'accueil"},
		{"one's own children", "mes enfants autistes sont suivis", "mes enfants [HANDICAP_1] sont suivis"},
		{"one's parents", "mes parents sont sourds tous les deux", "mes parents sont [HANDICAP_1] tous les deux"},
		{"oneself", "je suis sourde de l'oreille gauche", "je suis [HANDICAP_1] de l'oreille gauche"},
		{"a visa's number", "passeport n° 20FR12345 délivré à Paris, et visa n° 012345678", "passeport n° [PASSEPORT_1] délivré à Paris, et visa n° [ETRANGER_1]"},
		{"a visa card stays a card", "payé par visa 4970 3504 9258 9913 hier", "payé par visa [CARTE_1] hier"},
		{"a phone after a visa card", "j'ai une carte visa, mon numéro 06 12 34 56 78", "j'ai une carte visa, mon numéro [TEL_1]"},
		{"a national pupil number is an INE", "numéro national d'élève : 1234567890A merci", "numéro national d'élève : [INE_1] merci"},
		{"fifteen digits shaped as a NIR, key wrong, passing Luhn", "mon numéro 185077512345609 merci", "mon numéro [NIR_1] merci"},
		{"an Amex stays a card", "Amex 3782 822463 10005 merci", "Amex [CARTE_1] merci"},
		{"a fine's payment number", "numéro de télépaiement 12345678901234 pour l'amende", "numéro de télépaiement [DOSSIER_1] pour l'amende"},
		{"a pension number", "mon numéro de pension B 12 345 678 9 merci", "mon numéro de pension [DOSSIER_1] merci"},
		{"a pension's amount stays", "ma pension de 1 234 € arrive le 9", "ma pension de 1 234 € arrive le 9"},
		{"a fine's amount stays", "une amende de 135 euros", "une amende de 135 euros"},
		{"an insurance claim", "n° de sinistre 2024-SIN-004512 svp", "n° de sinistre [DOSSIER_1] svp"},
		{"Italian residence permit", "permesso di soggiorno n. 1234567890 grazie", "permesso di soggiorno n. [ETRANGER_1] grazie"},
		{"Polish residence card", "karta pobytu 7501234567 dziękuję", "karta pobytu [ETRANGER_1] dziękuję"},
		{"Russian residence permit", "мой вид на жительство 7501234567 спасибо", "мой вид на жительство [ETRANGER_1] спасибо"},
		{"identity card dictated after its cue in the sentence before", "Ma carte didentite est perdue. Numero de l'ancienne 8 8 0 6 9 2 3 1 0 2 8 5 merci", "Ma carte didentite est perdue. Numero de l'ancienne [CNI_1] merci"},
		{"identity card dictated with slashes", "j'ai perdu ma carte d'identite. Le numero etait : 0 9 0 7 / 7 5 0 / 1 2 3 4 5. Merci", "j'ai perdu ma carte d'identite. Le numero etait : [CNI_1]. Merci"},
		{"a phone dictated after an identity card", "ma carte d'identité est perdue, appelez le 0 6 1 2 3 4 5 6 7 8 merci", "ma carte d'identité est perdue, appelez le [TEL_1] merci"},
		{"twelve digits dictated with no identity card stay a phone and a rest", "appelez le 0 6 1 2 3 4 5 6 7 8 9 9 merci", "appelez le [TEL_1] 9 9 merci"},
		{"SMS spelling of c'est before a number", "mon num alloc cé 2345678 merci", "mon num alloc cé [CAF_1] merci"},
		{"France Travail identifier far from its cue", "mon identifiant France Travail, je crois que c'etait 3581264K.", "mon identifiant France Travail, je crois que c'etait [FRANCE_TRAVAIL_1]."},
		{"the same shape with no France Travail stays", "la référence du meuble est 3581264K.", "la référence du meuble est [DOSSIER_1]."},
		{"a product code with no cue stays", "le modèle 3581264K est en rupture", "le modèle 3581264K est en rupture"},
		{"n° read as numéro in a phrase", "n° de mandat 1234567890123 svp", "n° de mandat [DOSSIER_1] svp"},
		{"n° alone announces no phone", "dossier n° 24-0315877 en cours", "dossier n° [DOSSIER_1] en cours"},
	}
	checkRedactions(t, tests)
}
