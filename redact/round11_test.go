package redact

import "testing"

// TestRedactRound11 covers the eleventh round's rules, each with the near
// misses that must stay: a date of birth whose day is "1er" in digits; the
// writer's gender told by "j'étais", "j'ai été", adjective endings and the
// writer's own first name (after "je suis", "je m'appelle", or signing
// one of the last lines), which makes a partner of the same gender an
// orientation; a slur used of oneself; attraction stated outright; a
// relative's office in a faith; an office in a union's section;
// sympathy for a party, a party's member; a
// follow-up by a psy, rites of passage, a party card and a
// sentence served.
func TestRedactRound11(t *testing.T) {
	tests := []redactCase{
		{"birth date with 1er and slashes", "né le 1er/02/2004 à Tunis", "né le [NAISSANCE_1] à [NAISSANCE_2]"},
		{"birth date with 1er and dots", "ma fille est née le 1er.03.2015.", "ma fille est née le [NAISSANCE_1]."},
		{"birth date with a superscript 1er", "né le 1ᵉʳ mai 1978", "né le [NAISSANCE_1]"},
		{"a payment date with 1er stays", "le 1er/02/2004 j'ai payé", "le 1er/02/2004 j'ai payé"},
		{"a man named after je suis", "je suis Julien Marchand et mon mari travaille", "je suis [NOM_1] et [ORIENTATION_1] travaille"},
		{"a man named after je m'appelle", "je m'appelle Marc, mon mari est absent", "je m'appelle [NOM_1], [ORIENTATION_1] est absent"},
		{"a man with his wife stays", "je m'appelle Marc, ma femme est absente", "je m'appelle [NOM_1], ma femme est absente"},
		{"someone else's name says nothing", "il s'appelle Marc et mon mari aussi", "il s'appelle [NOM_1] et mon mari aussi"},
		{"a man signing", "Je vis avec mon compagnon.\nCordialement,\nRomain Gilles\n06 12 34 56 78", "Je vis avec [ORIENTATION_1].\nCordialement,\n[NOM_1]\n[TEL_1]"},
		{"a woman signing", "Je vis avec mon compagnon.\nCordialement,\nSophie Martin", "Je vis avec mon compagnon.\nCordialement,\n[NOM_1]"},
		{"a woman's signature outweighs an e left out", "Je suis désolé, mon mari est absent\nMarie Dupont", "Je suis désolé, mon mari est absent\n[NOM_1]"},
		{"a masculine adjective ending", "j'étais heureux avec mon mari", "j'étais heureux avec [ORIENTATION_1]"},
		{"a feminine participle after j'ai été", "j'ai été licenciée, ma femme travaille", "j'ai été licenciée, [ORIENTATION_1] travaille"},
		{"a feminine adjective with her husband stays", "je suis active, mon mari aussi", "je suis active, mon mari aussi"},
		{"a psy follow-up", "je suis suivie par un psy depuis 2 ans", "je suis [SANTE_1] depuis 2 ans"},
		{"a bar mitzvah", "mon fils fait sa bar mitzvah en mai", "mon fils fait sa [RELIGION_1] en mai"},
		{"a party card", "j'ai ma carte au PS", "j'ai [SYNDICAT_1]"},
		{"a sentence served", "j'ai fait ma peine à Fleury", "j'ai [JUSTICE_1] à Fleury"},
		{"a slur used of oneself", "je suis pd et fier", "je [ORIENTATION_1] et fier"},
		{"a relative's office in a faith", "mon père est rabbin", "mon père est [RELIGION_1]"},
		{"an office in a union's section", "je suis secrétaire de la section syndicale", "je suis [SYNDICAT_1]"},
		{"attraction stated outright", "je suis attirée par les femmes", "je suis [ORIENTATION_1]"},
		{"sympathy for a party", "je suis sympathisant du RN", "je suis [SYNDICAT_1]"},
		{"sympathy for nothing named stays", "sympathisant de longue date, merci", "sympathisant de longue date, merci"},
		{"a party's member", "je suis membre d'un parti politique", "je suis [SYNDICAT_1] politique"},
		{"sorrow stays", "ça me fait de la peine", "ça me fait de la peine"},
	}
	checkRedactions(t, tests)
}
