package redact

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestPublicNumberCues shows each kind of public number kept through its
// cue (publicNumber), and masked without it.
func TestPublicNumberCues(t *testing.T) {
	checkRedactions(t, []redactCase{
		// a landline after a switchboard's phrase ([ctx-public-tel])
		{"a switchboard's landline stays", "le standard du ministère : 01 43 17 53 53", "le standard du ministère : 01 43 17 53 53"},
		{"a switchboard's +33 landline stays", "numéro vert de la mairie +33 1 43 17 53 53", "numéro vert de la mairie +33 1 43 17 53 53"},
		{"a mobile after a switchboard's phrase", "le standard m'a donné le 06 12 34 56 78", "le standard m'a donné le [TEL_1]"},
		{"a landline without a cue", "mon père au 01 43 17 53 53", "mon père au [TEL_1]"},
		// a 09 69 number after a service's word ([public-service]) or
		// before an organisation's name
		{"a platform's 09 69 stays", "la plateforme au 09 69 32 21 21", "la plateforme au 09 69 32 21 21"},
		{"a switchboard's 09 69 stays", "appelez le standard au 09 69 32 21 21", "appelez le standard au 09 69 32 21 21"},
		{"an organisation's 09 69 stays", "l'URSSAF répond au 09 69 32 21 21", "l'URSSAF répond au 09 69 32 21 21"},
		{"a 09 69 before an organisation stays", "appelez le 09 69 32 26 26 pour impots", "appelez le 09 69 32 26 26 pour impots"},
		{"a possessive over a service's word", "mon service au 09 69 32 21 21", "mon service au [TEL_1]"},
		{"a service's word on the line before", "le service\n09 69 32 21 21", "le service\n[TEL_1]"},
		{"a 09 69 without a cue", "je suis joignable au 09 69 32 21 21", "je suis joignable au [TEL_1]"},
		// a short number beside a word of dialling ([public-dial])
		{"a dialling word after", "code d'accès 3949 puis tapez 1", "code d'accès 3949 puis tapez 1"},
		{"a dialling word before", "composez code d'accès 3949", "composez code d'accès 3949"},
		{"a dialling word too far before", "composez le code d'accès 3949", "composez le code d'accès [SECRET_1]"},
		{"no dialling word", "code d'accès 3949", "code d'accès [SECRET_1]"},
		{"a dialling word beside no short number", "code d'accès 4471 puis tapez 1", "code d'accès [SECRET_1] puis tapez 1"},
	})
}

// TestLandlineDigits checks the digits read as a French geographic number.
func TestLandlineDigits(t *testing.T) {
	for d, want := range map[string]bool{
		"0143175353": true, "0969322121": true, "0612345678": false, "0812345678": false,
		"33143175353": true, "0033143175353": true, "33612345678": false, "143175353": false, "": false,
	} {
		if got := landlineDigits(d); got != want {
			t.Errorf("landlineDigits(%q) = %v, want %v", d, got, want)
		}
	}
}

// TestContextWords checks that the words of the lexicon's context
// properties carry them, and that a word the lexicon holds only for them
// reads as unknown (entry 0) while a listed word keeps its entry.
func TestContextWords(t *testing.T) {
	got := tokenWords("relu vu signé Google Loire tapez puis plateforme", contextBits)
	want := []tokenWord{
		{"relu", false, wPersonBy}, {"vu", false, wPersonWith}, {"signé", true, wPersonBy | wSigned},
		{"Google", false, wOrgWord}, {"Loire", false, wOrgWord}, {"tapez", false, wDial},
		{"puis", true, wDial}, {"plateforme", true, wPublicService},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("context words (-want +got):\n%s", diff)
	}
}

// tokenWord is what a test reads of a token: its text, whether the
// lexicon lists its word, and some of its properties.
type tokenWord struct {
	Text   string
	Listed bool
	Bits   wordBits
}

// tokenWords returns the tokens of text with their properties of mask.
func tokenWords(text string, mask wordBits) []tokenWord {
	var words []tokenWord
	for _, tok := range tokenize(text, nil) {
		words = append(words, tokenWord{text[tok.start:tok.end], tok.ent != 0, tok.bits & mask})
	}
	return words
}
