package redact

import (
	"context"
	"strings"
	"testing"
)

// TestRedactRound13b covers what a black-box test found reaching the model
// (issue 10, session 13): lower-case surnames that are words after a
// civility, a NIR told in pieces, an e-mail told with "sur gmail", phone
// digits glued to number words, a RIB's parts after their cues, and the
// political opinion stated of a person; each with look-alikes that stay.
func TestRedactRound13b(t *testing.T) {
	tests := []redactCase{
		// a lower-case civility and a surname that is also a word
		{"civility, surname word and compound first name", "je suis la tutrice de monsieur petit jean-claude", "je suis la tutrice de monsieur [NOM_1]"},
		{"the same in a text with capitals", "Bonjour, je suis la tutrice de monsieur petit jean-claude depuis 2020.", "Bonjour, je suis la tutrice de monsieur [NOM_1] depuis 2020."},
		{"a known surname ending the clause", "Bonjour, j'écris pour mme riviere.", "Bonjour, j'écris pour mme [NOM_1]."},
		{"a known surname before a function word", "je suis la fille de madame fontaine depuis toujours", "je suis la fille de madame [NOM_1] depuis toujours"},
		{"m. and a compound first name", "j'écris pour m. moulin jean-pierre, merci", "j'écris pour m. [NOM_1], merci"},
		{"any common word before a compound first name", "bonjour madame vigne marie-france svp", "bonjour madame [NOM_1] svp"},
		{"first name then surname word", "je suis la fille de monsieur jean-claude petit.", "je suis la fille de monsieur [NOM_1]."},
		{"capitalised as before", "Je suis la tutrice de Monsieur Petit Jean-Claude", "Je suis la tutrice de Monsieur [NOM_1]"},
		{"a small problem stays", "bonjour monsieur petit souci avec ma caf", "bonjour monsieur petit souci avec ma caf"},
		{"a short man stays", "j'ai vu un monsieur petit et gros", "j'ai vu un monsieur petit et gros"},
		{"a reminder after the greeting stays", "Bonjour madame, petit rappel pour mon dossier", "Bonjour madame, petit rappel pour mon dossier"},
		{"many thanks stay", "Monsieur grand merci pour votre aide", "Monsieur grand merci pour votre aide"},
		// a NIR told in pieces
		{"a NIR in three pieces", "Mon numéro de sécu commence par 2 85 puis 07 75 et finit par 056 234 12", "Mon numéro de sécu commence par [NIR_1]"},
		{"a NIR in pieces without its key", "numero de secu : 1 84 12 ensuite 75 112 puis 045", "numero de secu : [NIR_1]"},
		{"pieces past a NIR's length stay", "Ma sécu commence par 2 85 puis 07 75 et finit par 056 234 12 85 euros", "Ma sécu commence par 2 85 puis 07 75 et finit par 056 234 12 85 euros"},
		{"counts after a NIR cue stay", "ma sécu commence par 2 et j'ai 3 enfants et 4 petits enfants", "ma sécu commence par 2 et j'ai 3 enfants et 4 petits enfants"},
		{"pieces without a NIR cue stay", "j'ai payé 2 85 puis 07 75 et enfin 056 234 12", "j'ai payé 2 85 puis 07 75 et enfin 056 234 12"},
		// an e-mail told with "sur", "chez", "at" and a provider
		{"a local part and sur gmail", "écrivez moi : marie_curie1867 sur gmail", "écrivez moi : [EMAIL_1]"},
		{"a login and chez gmail", "mon mail mariecurie1867 chez gmail", "mon mail [EMAIL_1]"},
		{"a login and sur a provider's domain", "mon mail c'est mcurie67 sur gmail.com", "mon mail c'est [EMAIL_1]"},
		{"two labels and sur a provider", "écrire à jean.dupont sur hotmail", "écrire à [EMAIL_1]"},
		{"information on a public site stays", "les infos sur service-public.fr", "les infos sur service-public.fr"},
		{"a phone plan stays", "mon forfait sur free depuis 2010", "mon forfait sur free depuis 2010"},
		{"an account at a provider stays", "un compte chez free.fr", "un compte chez free.fr"},
		// phone digits glued to number words
		{"digits glued to number words", "mon tel 0six12trente4 56 78", "mon tel [TEL_1]"},
		{"glued groups among digits", "appelez le 06 douze34 cinquante6 78", "appelez le [TEL_1]"},
		{"a Corsican department stays", "le bus 2A passe", "le bus 2A passe"},
		{"a count glued to a noun stays", "j'ai 3enfants et 2chats", "j'ai 3enfants et 2chats"},
		// a RIB's parts after their cues
		{"a RIB's four parts", "code banque 30004 code guichet 00823 numéro de compte 12345678901 clé 45",
			"code banque [IBAN_1] code guichet [IBAN_2] numéro de compte [IBAN_3] clé [IBAN_4]"},
		{"a RIB as form fields", "Banque : 30004 ; Guichet : 00823 ; Compte : 0001234567X ; Clé RIB : 45",
			"Banque : [IBAN_1] ; Guichet : [IBAN_2] ; Compte : [IBAN_3] ; Clé RIB : [IBAN_4]"},
		{"a counter and a locker's key stay", "merci à l'agent du guichet 4, la clé 45 du casier", "merci à l'agent du guichet 4, la clé 45 du casier"},
		{"a postal code and a key stay", "code postal 75011, clé 12 à la gardienne", "code postal 75011, clé 12 à la gardienne"},
		// a birth year stays, with or without its town (the labelled sets
		// disagree: see the README)
		{"a birth year alone stays", "Je suis né en 1963. Merci", "Je suis né en 1963. Merci"},
		{"a birth year with the town stays", "Je suis né à Oran en 1962 et je vis à Lyon.", "Je suis né à [NAISSANCE_1] en 1962 et je vis à Lyon."},
		// ethnic origin and political opinion stated of a person
		{"a political refugee's opinion and origin", "je suis réfugiée politique kurde", "je suis réfugiée [SYNDICAT_1] [ORIGINE_1]"},
		{"an origin after a name", "M. Mehmet Yılmaz, kurde de Diyarbakır", "[NOM_1], [ORIGINE_1] de Diyarbakır"},
		{"an origin after origine", "je suis d'origine kabyle", "je suis d'origine [ORIGINE_1]"},
		{"an origin after a person", "nous sommes une famille rom", "nous sommes une famille [ORIGINE_1]"},
		{"political asylum", "j'ai demandé l'asile politique en 2023", "j'ai demandé l'asile [SYNDICAT_1] en 2023"},
		{"a language stays", "je parle kurde et kabyle", "je parle kurde et kabyle"},
		{"a thing stays", "j'achète un tapis berbère", "j'achète un tapis berbère"},
		{"a class of people stays", "la communauté kurde et les Roms de Marseille", "la communauté kurde et les Roms de Marseille"},
		{"a policy stays", "la politique de la CAF est claire", "la politique de la CAF est claire"},
	}
	checkRedactions(t, tests)
}

// TestHostileRound13b feeds the new readers floods of their cues: RIB
// parts, a NIR's cue before pieces, glued tokens and ethnic words, which
// a reader comparing every part with every other, or reading on from
// every cue to the end, would make quadratic.
func TestHostileRound13b(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs")
	}
	for _, in := range []string{
		strings.Repeat("clé 45 code guichet 00823 ", 100_000),
		strings.Repeat("sécu 2 85 puis 07 ", 100_000),
		strings.Repeat("0six12trente4 ", 100_000),
		strings.Repeat("je suis kurde, réfugiée politique ", 100_000),
		strings.Repeat("monsieur petit ", 100_000),
	} {
		if _, err := Redact(context.Background(), in, nil); err != nil {
			t.Fatal(err)
		}
	}
}
