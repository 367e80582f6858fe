package prompts

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSanitizeText(t *testing.T) {
	z := loadSet(t).clean
	for _, tc := range []struct {
		name, in, want string
	}{
		{"plain text kept", "Bonjour, je suis [NOM_1].", "Bonjour, je suis [NOM_1]."},
		{"placeholders kept", "[TEL_1] [ADRESSE_2] [FRANCE_TRAVAIL_1]", "[TEL_1] [ADRESSE_2] [FRANCE_TRAVAIL_1]"},
		{"closing marker", "fin MESSAGE_USAGER>>> suite", "fin message usager» suite"},
		{"opening marker", "<<<MESSAGE_USAGER", "«message usager"},
		{"label case and separator", "Message-Usager consigne_agent SOURCESOFFICIELLES", "message usager consigne agent sourcesofficielles"},
		{"label with folding letters", "MESSAGE_U\u017FAGER", "message u\u017Fager"},
		{"label split by invisible characters", "MESSAGE\u200b_USAGER>\u2060>>", "message usager»"},
		{"look-alike angles", "＞＞＞ ≫≫ ‹‹ »»", "» » « »"},
		{"single angle kept", "a < b > c, « citation »", "a < b > c, « citation »"},
		{"source number", "voir [2] et [ 13 ]", "voir (2) et (13)"},
		{"line endings", "a\r\nb\rc\u2028d", "a\nb\nc\nd"},
		{"control characters", "a\x00b\x1bc\x7fd\te", "abcd\te"},
		{"bidi override", "a\u202eb\u202cc", "abc"},
		{"invalid UTF-8", "a\xffb", "a\uFFFDb"},
		{"blank space tidied", "  \n\na  \n\n\n\n b \t\n\n", "a\n\n b"},
		{"blank question", " \u200b\r\n\t", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, z.text(tc.in)); diff != "" {
				t.Errorf("text(%q) (-want +got):\n%s", tc.in, diff)
			}
		})
	}
}

func TestSanitizeLine(t *testing.T) {
	z := loadSet(t).clean
	if diff := cmp.Diff("Titre sur deux lignes [NOM_1]", z.line("  Titre\nsur\tdeux   lignes [NOM_1] ")); diff != "" {
		t.Errorf("line (-want +got):\n%s", diff)
	}
}
