package redact

import "testing"

// TestGluedTails covers the reviewer's finding on glued words (session
// 16): a word glued after a phone or an IBAN, after its last group or a
// "+", hid the value; digits and letters that confirm nothing stay
// together.
func TestGluedTails(t *testing.T) {
	checkRedactions(t, []redactCase{
		{"grouped phone, word after", "rappelez-moi au 06 12 34 56 78stp", "rappelez-moi au [TEL_1]stp"},
		{"dotted phone, word after", "06.12.34.56.78merci", "[TEL_1]merci"},
		{"international phone, word after", "+33612345678svp", "[TEL_1]svp"},
		{"mobile, one letter after", "0612345678s", "[TEL_1]s"},
		{"two mobiles glued by et", "0612345678et0698765432", "[TEL_1]et[TEL_2]"},
		{"grouped IBAN, word after", "FR76 3000 6000 0112 3456 7890 189merci", "[IBAN_1]merci"},
		{"product code", "AB0612345678", "AB0612345678"},
		{"reference with letters, masked whole", "ref 12345678abc", "ref [DOSSIER_1]"},
		{"digits and letters in a sentence", "le colis 12345678abc est parti", "le colis 12345678abc est parti"},
		{"short groups, word after", "page 12 34ème ligne", "page 12 34ème ligne"},
		{"numbers and words", "j'ai 2enfants et 3chats", "j'ai 2enfants et 3chats"},
	})
}

// TestCPFCues covers the reviewer's finding on Brazil's CPF: a colon,
// "n°" or a word in brackets between "CPF" and the number hid it.
func TestCPFCues(t *testing.T) {
	checkRedactions(t, []redactCase{
		{"CPF and a space", "CPF 529.982.247-25", "CPF [FISCAL_1]"},
		{"CPF and a colon", "CPF : 529.982.247-25", "CPF : [FISCAL_1]"},
		{"cpf and a glued colon", "cpf: 529.982.247-25", "cpf: [FISCAL_1]"},
		{"CPF n°", "CPF n° 529.982.247-25", "CPF n° [FISCAL_1]"},
		{"CPF and a country in brackets", "CPF (Brésil) 529.982.247-25", "CPF (Brésil) [FISCAL_1]"},
		{"a training account", "mon CPF : 1500 €", "mon CPF : 1500 €"},
		{"CPF far before", "CPF pour la formation de mon fils, dossier 529.982.247-25", "CPF pour la formation de mon fils, dossier [DOSSIER_1]"},
	})
}

// TestNicknameSpeech covers the reviewer's finding on nicknames: speech
// reported after "dit" was masked as one.
func TestNicknameSpeech(t *testing.T) {
	checkRedactions(t, []redactCase{
		{"a nickname after dit", "Jean Martin dit « Pierrot »", "[NOM_1] dit « [NOM_2] »"},
		{"a nickname after surnommé", "M. Diallo, surnommé « Le Grand »", "M. [NOM_1], surnommé « [NOM_2] »"},
		{"a word said", "Mme Durand dit « Non » à la CAF", "Mme [NOM_1] dit « Non » à la CAF"},
		{"two words said", "Jean Dupont dit « Merci beaucoup »", "[NOM_1] dit « Merci beaucoup »"},
		{"a word said, in straight quotes", `M. Diallo, dit "Impossible"`, `M. [NOM_1], dit "Impossible"`},
	})
}

// TestBareCodeReferences covers the reviewer's finding on a bare "code":
// a legal article or a form's number after it is no password.
func TestBareCodeReferences(t *testing.T) {
	checkRedactions(t, []redactCase{
		{"a password after mon code", "mon code c'est Soleil2024!", "mon code c'est [SECRET_1]"},
		{"a form after code and a colon", "code : CERFA-12345", "code : CERFA-12345"},
		{"a legal article after mon code", "mon code c'est bien L262-1", "mon code c'est bien L262-1"},
		{"an article with a dot", "le code : R.351-2", "le code : R.351-2"},
		{"a certification", "mon code : RNCP34567", "mon code : RNCP34567"},
		{"a password starting with L and a digit", "mon code : L4pin!Rose", "mon code : [SECRET_1]"},
	})
}

// TestPlaceWordsAsNames covers the reviewer's finding on regions and
// countries read as names.
func TestPlaceWordsAsNames(t *testing.T) {
	checkRedactions(t, []redactCase{
		{"a country then an adjective", "ma mère france entière", "ma mère france entière"},
		{"a department after pour", "pour Seine Maritime", "pour Seine Maritime"},
		{"a department after pour, Haute", "pour Haute Garonne", "pour Haute Garonne"},
		{"a department after avec", "avec Hauts Seine", "avec Hauts Seine"},
		{"a country's first name and a surname", "ma mère france blanc", "ma mère [NOM_1]"},
		{"a name after pour", "pour Goulven Morvan", "pour [NOM_1]"},
	})
}
