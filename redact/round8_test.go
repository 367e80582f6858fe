package redact

import "testing"

// TestRedactRound8 covers identifiers dictated in words after their cue
// (hundreds, thousands and millions read as people dictate groups, letters
// spelled before), a document's number after its cue and a numbering sign
// further on, a phone-shaped number after an identity document's cue, a
// number typed again after a correction word, a same-sex partner told by a
// union "with a man", months and birth cues in Latin letters, signature
// names, and the near misses that must keep their type or stay.
func TestRedactRound8(t *testing.T) {
	tests := []redactCase{
		{"rib dictated with letters", "mon RIB: F R sept six, trente mille trois, zero zero zero un, cinq... bon", "mon RIB: [IBAN_1]... bon"},
		{"iban dictated without a cue", "En lettres : F R soixante-seize, un sept cinq six neuf, zero zero zero zero un, deux trois quatre cinq six, sept huit neuf zero un, deux trois. Merci",
			"En lettres : [IBAN_1]. Merci"},
		{"siret in hundreds", "SIRET trois cent vingt et un, six cent cinquante-quatre, neuf cent quatre-vingt-sept, zero zero zero un deux. Merci", "SIRET [SIRET_1]. Merci"},
		{"caf number in millions", "Numero allocataire : deux millions trois cent quarante-cinq mille six cent soixante-dix-huit. Je", "Numero allocataire : [CAF_1]. Je"},
		{"passport letters spelled", "Numero de passeport : C, B, quatre, cinq, six, sept, huit, neuf. Mon", "Numero de passeport : [PASSEPORT_1]. Mon"},
		{"numéro fiscal dictated with dashes", "Mon numero fiscal c'est le un-sept-zero-quatre-deux-trois-quatre-cinq-six-sept-huit-neuf-zero. Madame", "Mon numero fiscal c'est le [FISCAL_1]. Madame"},
		{"foreigner's number in words", "Mon numero etranger c'est zero six neuf un, deux trois quatre, cinq six sept. Je", "Mon numero etranger c'est [ETRANGER_1]. Je"},
		{"a phone in words after a phone cue stays a phone", "Mon portable : zero six - cinquante-cinq - vingt-deux - trente-trois - quarante-quatre.", "Mon portable : [TEL_1]."},
		{"amounts in words stay", "j'ai payé trois cent vingt euros et deux mille cinq cents euros le 3 mai", "j'ai payé trois cent vingt euros et deux mille cinq cents euros le 3 mai"},
		{"a card then a word number stays apart", "with my Visa 4216 6665 5831 8671 three weeks ago", "with my Visa [CARTE_1] three weeks ago"},
		{"licence number after n°", "mon permis de conduire n° 0123456789 emis", "mon permis de conduire n° [PERMIS_1] emis"},
		{"licence number after nr.", "Permis de conducere roman nr. 0123456789 emis la Bucuresti.", "Permis de conducere roman nr. [PERMIS_1] emis la Bucuresti."},
		{"licence number after num further on", "renouveler mon permis pour le medical, num 0901 2345 6789 merci", "renouveler mon permis pour le medical, num [PERMIS_1] merci"},
		{"a phone after a licence and a phone cue stays a phone", "mon permis expire, appelez moi au 0612345678", "mon permis expire, appelez moi au [TEL_1]"},
		{"romanian case file", "Numar dosar amenda: 7412589630147. Multumesc!", "Numar dosar amenda: [DOSSIER_1]. Multumesc!"},
		{"trans in sms style", "g change de prenom (jsuis trans) et le dossier", "g change de prenom ([ORIENTATION_1]) et le dossier"},
		// months and birth cues in Latin letters, a condition in Spanish, profile links
		{"ukrainian month in latin letters", "je suis née le 30 sichnia 1979 à Kyiv", "je suis née le [NAISSANCE_1] à [NAISSANCE_2]"},
		{"russian month in latin letters", "date of birth 12 oktyabrya 1985", "date of birth [NAISSANCE_1]"},
		{"born on, ukrainian month", "date de naissance de ma fille : 17 lypnya 2012", "date de naissance de ma fille : [NAISSANCE_1]"},
		{"ukrainian birth cue in latin letters", "Data narodzhennia: 30 sichnia 1979. Tel", "Data narodzhennia: [NAISSANCE_1]. Tel"},
		{"spanish diabetic", "mi padre es diabetico", "mi padre es [SANTE_1]"},
		{"portfolio profile", "mon portfolio https://www.behance.net/clara-vidal-design merci", "mon portfolio [URL_1] merci"},
		// a number typed again after a correction word
		{"licence typed again", "mon permis de conduire num 0901 2345 6789 hmm non 090123456789. merci", "mon permis de conduire num [PERMIS_1] hmm non [PERMIS_2]. merci"},
		{"caf number typed again", "numéro allocataire 1234567 pardon 1234576 merci", "numéro allocataire [CAF_1] pardon [CAF_2] merci"},
		{"an amount after a correction stays", "numéro allocataire 1234567 non 12 euros", "numéro allocataire [CAF_1] non 12 euros"},
		{"a number far after stays", "numéro allocataire 1234567 et non je n'ai pas reçu les 1250 euros", "numéro allocataire [CAF_1] et non je n'ai pas reçu les 1250 euros"},
		// the names of a signature
		{"accented first name in the address", "la majoration est injustifiée.\nMaïa Oukacha\n06 20 44 71 58 / maia.oukacha@gmail.com",
			"la majoration est injustifiée.\n[NOM_1]\n[TEL_1] / [EMAIL_1]"},
		{"first name and initial end the text", "Mon portable 06 50 22 81 94. Thomas D", "Mon portable [TEL_1]. [NOM_1]"},
		{"initial and surname after a comma", "Merci de votre aide.\nPour Mlle Bertrand, P. Rey", "Merci de votre aide.\nPour Mlle [NOM_1], [NOM_2]"},
		{"a vitamin stays", "le médecin m'a prescrit de la vitamine D", "le médecin m'a prescrit de la vitamine D"},
		{"a plan B stays", "il me faut un plan B", "il me faut un plan B"},
	}
	checkRedactions(t, tests)
}
