package redact

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestLeaks19 covers session 19's leaks and their twins that must stay: a
// surname in capitals after "je suis" before any clause boundary, an
// address spelled letter by letter before a domain in words, a code after
// a possessive beside a word of dialling, towns that are first names, and
// "réfugié politique" (SYNDICAT, which covers political opinion).
func TestLeaks19(t *testing.T) {
	checkRedactions(t, []redactCase{
		// NOM: a word surname in capitals after "je suis", any clause boundary
		{"a comma then je", "je suis BLANC, je conteste la décision", "je suis [NOM_1], je conteste la décision"},
		{"a full stop", "Je suis RENARD. J'ai reçu un courrier", "Je suis [NOM_1]. J'ai reçu un courrier"},
		{"mais", "je suis ROUX mais je n'ai rien reçu", "je suis [NOM_1] mais je n'ai rien reçu"},
		{"car", "je suis BONNET car ma demande est bloquée", "je suis [NOM_1] car ma demande est bloquée"},
		{"the end of the text", "Bonjour je suis CHEVALIER", "Bonjour je suis [NOM_1]"},
		{"a word surname before a comma", "Bonjour, je suis PETIT, j'ai reçu votre lettre", "Bonjour, je suis [NOM_1], j'ai reçu votre lettre"},
		{"a capitalised-only surname", "je suis GRAND, j'ai écrit hier", "je suis [NOM_1], j'ai écrit hier"},
		{"et je still", "je suis BLANC et je conteste", "je suis [NOM_1] et je conteste"},
		{"no boundary stays", "je suis FORT en maths", "je suis FORT en maths"},
		{"adjectives stressed in a row stay", "je suis GROS et FATIGUE", "je suis GROS et FATIGUE"},
		{"an unknown word in capitals stays", "je suis EPUISEE, je ne sais plus", "je suis EPUISEE, je ne sais plus"},
		{"lower case stays", "je suis blanc, je tremble", "je suis blanc, je tremble"},
		{"a text in capitals stays", "JE SUIS FORT, JE VAIS Y ARRIVER", "JE SUIS FORT, JE VAIS Y ARRIVER"},
		// EMAIL: the local part spelled, the domain in words
		{"spelled then a domain in words", "m a r i e . d u r a n d @ orange . fr", "[EMAIL_1]"},
		{"spelled after a cue", "mon mail : m a r i e . d u r a n d @ orange . fr merci", "mon mail : [EMAIL_1] merci"},
		{"spelled after à", "écrivez à j e a n d u p o n t @ gmail . com svp", "écrivez à [EMAIL_1] svp"},
		{"three letters and a weak word stay", "plan A B C a orange . fr", "plan A B C a orange . fr"},
		{"a domain alone stays", "voir le site orange . fr", "voir le site orange . fr"},
		// SECRET: a code after a possessive, even beside a word of dialling
		{"my code then puis", "mon code 3817, puis je vous rappelle", "mon code [SECRET_1], puis je vous rappelle"},
		{"my code is then puis", "mon code est 3817 puis je valide", "mon code est [SECRET_1] puis je valide"},
		{"your code", "votre code 482913 puis validez", "votre code [SECRET_1] puis validez"},
		{"a public number dialled stays", "code d'accès 3949 puis tapez 1", "code d'accès 3949 puis tapez 1"},
		{"a public number called stays", "appelez le 3949 puis tapez 1", "appelez le 3949 puis tapez 1"},
		{"a postcode after my code stays", "mon code postal 75011", "mon code postal 75011"},
		{"a phone's groups after my code stay a phone", "mon code 06 12 34 56 78", "mon code [TEL_1]"},
		// NOM: towns that are first names stay
		{"a town after à", "je travaille à Nancy depuis 2019", "je travaille à Nancy depuis 2019"},
		{"a town and its country", "je vis à Florence (Italie) avec ma fille", "je vis à Florence (Italie) avec ma fille"},
		{"a town and its country alone", "Florence (Italie)", "Florence (Italie)"},
		{"a town and its postcode", "elle vit à Nancy (54000)", "elle vit à Nancy (54000)"},
		{"a first name and its department", "mutée à Marion (54) en 2020", "mutée à Marion (54) en 2020"},
		{"a foreign town", "muté à Milan en 2020", "muté à Milan en 2020"},
		{"a person told", "j'ai écrit à Florence pour lui dire", "j'ai écrit à [NOM_1] pour lui dire"},
		{"a person asked", "j'ai demandé à Sofia de venir", "j'ai demandé à [NOM_1] de venir"},
		{"a full name after à", "j'ai écrit à Florence Martin", "j'ai écrit à [NOM_1]"},
		{"a daughter named like a town", "ma fille Nancy a 3 ans", "ma fille [NOM_1] a 3 ans"},
		{"a first name and an age", "Marie (35) et Paul", "[NOM_1] (35) et [NOM_2]"},
		{"a birth place with its date", "né à Nancy le 3 mars 1980", "né à [NAISSANCE_1] le [NAISSANCE_2]"},
		// SYNDICAT: political opinion, which the type covers; the status stays
		{"a political refugee", "je suis réfugié politique depuis 2015", "je suis réfugié [SYNDICAT_1] depuis 2015"},
		{"a refugee stays", "je suis réfugié depuis 2015", "je suis réfugié depuis 2015"},
		{"a policy stays", "la politique de la CAF", "la politique de la CAF"},
	})
}

// TestSurnameAndTownWords checks that the lexicon's surname and town
// properties reach the tokens, and that a word the lexicon holds only for
// them ("Blanc") reads as unknown (entry 0).
func TestSurnameAndTownWords(t *testing.T) {
	got := tokenWords("petit Fontaine grand Blanc ROUX Nancy merci", surnameBits|wTownName)
	want := []tokenWord{
		{"petit", true, wWordSurname}, {"Fontaine", true, wWordSurname}, {"grand", true, wCapsSurname},
		{"Blanc", false, wSaidSurname}, {"ROUX", false, wSaidSurname}, {"Nancy", true, wTownName}, {"merci", true, 0},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("surname and town words (-want +got):\n%s", diff)
	}
}

// TestOwnCodeNotPublic checks that a possessive before "code" vetoes the
// reading of a short number as public (publicNumber), a word of dialling
// beside it or not.
func TestOwnCodeNotPublic(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"code d'accès 3949 puis tapez 1", true},
		{"appelez le 3949 puis tapez 1", true},
		{"mon code 3817, puis je vous rappelle", false},
		{"mon code d'accès est 3817 puis tapez 1", false},
		{"votre code 3817 puis tapez 1", false},
	} {
		var sc scanner
		sc.scan(tt.text)
		k := len(sc.toks) - 1
		for k >= 0 && sc.toks[k].kind != kNum || k >= 0 && len(sc.text(k)) != 4 {
			k--
		}
		if k < 0 {
			t.Fatalf("%q: no four-digit number", tt.text)
		}
		if got := sc.publicNumber(publicShort, sc.text(k), k, k); got != tt.want {
			t.Errorf("publicNumber(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
