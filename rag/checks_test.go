package rag

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/plume-sp/plume/prompts"
)

// contactSources are the sources of contactCases' drafts.
var contactSources = []string{
	"Contactez la Caf au 32 30 ou sur https://www.caf.fr/allocataires/mon-compte.",
	"Écrivez à contact@exemple-mairie.fr ou appelez le 01 23 45 67 89.",
	"Payez par virement au compte FR76 3000 4000 0312 3456 7890 143.",
}

// contactCases are drafts whose contacts the checks keep or mask.
var contactCases = []struct {
	name   string
	draft  string
	want   string
	masked []string
}{
	{"from sources", "Appelez le 01.23.45.67.89 ou écrivez à Contact@exemple-mairie.fr.",
		"Appelez le 01.23.45.67.89 ou écrivez à Contact@exemple-mairie.fr.", nil},
	{"short number from a source", "Appelez le 3230.", "Appelez le 3230.", nil},
	{"invented phone", "Appelez le 06 12 34 56 78 ou le +33 7 11 22 33 44.",
		"Appelez le [coordonnée à vérifier] ou le [coordonnée à vérifier].", []string{"+33 7 11 22 33 44", "06 12 34 56 78"}},
	{"invented short number", "Composez le 3999 pour un conseiller.", "Composez le [coordonnée à vérifier] pour un conseiller.", []string{"3999"}},
	{"emergency numbers in a list", "En cas de danger, appelez le 3919 ou le 3114 ou le 15, composez le 112 ou le 116 006.",
		"En cas de danger, appelez le [coordonnée à vérifier] ou le [coordonnée à vérifier] ou le [coordonnée à vérifier], " +
			"composez le [coordonnée à vérifier] ou le [coordonnée à vérifier].", []string{"112", "116 006", "15", "3114", "3919"}},
	{"emergency numbers after « , et le »", "Appelez le 3919, et le 115, ou encore le 119.",
		"Appelez le [coordonnée à vérifier], et le [coordonnée à vérifier], ou encore le [coordonnée à vérifier].", []string{"115", "119", "3919"}},
	{"emergency numbers spaced or hyphenated", "En cas de danger, appelez le 39 19, 31-14, 3 1 1 4, le 1 5 ou le 1.1.2.",
		"En cas de danger, appelez le [coordonnée à vérifier], [coordonnée à vérifier], [coordonnée à vérifier], " +
			"le [coordonnée à vérifier] ou le [coordonnée à vérifier].", []string{"1 5", "1.1.2", "3 1 1 4", "31-14", "39 19"}},
	{"spaced numbers not announced and dates stay", "Le 31-12-2026, 3 1 1 4 pièces ; appelez le 31-12 à 9 h, article 31-14.",
		"Le 31-12-2026, 3 1 1 4 pièces ; appelez le 31-12 à 9 h, article 31-14.", nil},
	{"dates, durations and counts stay", "Appelez le 15 mars ou le 17 à 18 h ; vous avez 15 jours et 3 ou 15 pièces à joindre.",
		"Appelez le 15 mars ou le 17 à 18 h ; vous avez 15 jours et 3 ou 15 pièces à joindre.", nil},
	{"amounts and years stay", "Vous recevrez 3500 euros en 2026 (article 3100).", "Vous recevrez 3500 euros en 2026 (article 3100).", nil},
	{"gouv.fr home pages allowed", "Voir https://www.impots.gouv.fr/ et www.service-public.fr.",
		"Voir https://www.impots.gouv.fr/ et www.service-public.fr.", nil},
	// The whole domain is allowed, not every page a model may write on
	// it: a page no source gives is invented.
	{"invented page of an allowed host", "Consultez https://www.service-public.fr/…/F1234 ou impots.gouv.fr/particulier?x=1.",
		"Consultez [coordonnée à vérifier] ou [coordonnée à vérifier].", []string{"https://www.service-public.fr/…/F1234", "impots.gouv.fr/particulier?x=1"}},
	// An allowed domain allows no mailbox a model invents on it: it looks
	// official and reaches nobody (black-box round 2 of session 20).
	{"invented e-mail of an allowed domain", "Écrivez à reclamations@impots.gouv.fr ou à aide@service-public.fr.",
		"Écrivez à [coordonnée à vérifier] ou à [coordonnée à vérifier].", []string{"aide@service-public.fr", "reclamations@impots.gouv.fr"}},
	{"source URL and its pages", "Rendez-vous sur https://caf.fr/allocataires.", "Rendez-vous sur https://caf.fr/allocataires.", nil},
	{"invented URL and e-mail", "Voir https://aides-faciles.com/rsa, ou écrire à aide@gmail.com.",
		"Voir [coordonnée à vérifier], ou écrire à [coordonnée à vérifier].", []string{"aide@gmail.com", "https://aides-faciles.com/rsa"}},
	{"look-alike domain", "Voir https://impots.gouv.fr.arnaque.com/x", "Voir [coordonnée à vérifier]", []string{"https://impots.gouv.fr.arnaque.com/x"}},
	{"URL without scheme or www", "Payez sur evil.example/pay ou sur aides-cni.com.",
		"Payez sur [coordonnée à vérifier] ou sur [coordonnée à vérifier].", []string{"aides-cni.com", "evil.example/pay"}},
	{"ports and IP addresses", "Payez sur evil.com:8080/pay, 192.168.1.10/pay ou 10.0.0.1:8443 ; version 1.2.3.4 du logiciel.",
		"Payez sur [coordonnée à vérifier], [coordonnée à vérifier] ou [coordonnée à vérifier] ; version 1.2.3.4 du logiciel.",
		[]string{"10.0.0.1:8443", "192.168.1.10/pay", "evil.com:8080/pay"}},
	{"upper-case bare host", "Payez sur AIDES-CNI.COM sans attendre.",
		"Payez sur [coordonnée à vérifier] sans attendre.", []string{"AIDES-CNI.COM"}},
	{"mixed case is a missing space", "Le montant.La suite, M.Dupont.", "Le montant.La suite, M.Dupont.", nil},
	{"bare allowed and source hosts", "Voir impots.gouv.fr, service-public.fr et caf.fr/allocataires.",
		"Voir impots.gouv.fr, service-public.fr et caf.fr/allocataires.", nil},
	{"ftp and other schemes", "Téléchargez ftp://files.example.net/form.pdf ou sftp://caf.fr.evil.io/x.",
		"Téléchargez [coordonnée à vérifier] ou [coordonnée à vérifier].", []string{"ftp://files.example.net/form.pdf", "sftp://caf.fr.evil.io/x"}},
	{"e-mail is not taken for a bare URL", "Écrire à aide@evil.com.", "Écrire à [coordonnée à vérifier].", []string{"aide@evil.com"}},
	{"words, abbreviations and decimals stay", "Voir l'art. L. 262-2, soit 1.5 fois le montant.Merci, etc.",
		"Voir l'art. L. 262-2, soit 1.5 fois le montant.Merci, etc.", nil},
	{"phones split oddly", "Appelez le 0 6 12 34 56 78, le 0612 345 678, le 06-1234-5678 ou le +33 6 1 2 3 4 5 6 7 8.",
		"Appelez le [coordonnée à vérifier], le [coordonnée à vérifier], le [coordonnée à vérifier] ou le [coordonnée à vérifier].",
		[]string{"+33 6 1 2 3 4 5 6 7 8", "0 6 12 34 56 78", "06-1234-5678", "0612 345 678"}},
	{"a source phone split oddly stays", "Appelez le 0123 456 789.", "Appelez le 0123 456 789.", nil},
	{"invented IBAN and NIR, the NIR not read as a phone", "Votre IBAN FR76 3000 6000 0112 3456 7890 189 et votre NIR 1 85 03 75 123 456 78.",
		"Votre IBAN [coordonnée à vérifier] et votre NIR [coordonnée à vérifier].", []string{"1 85 03 75 123 456 78", "FR76 3000 6000 0112 3456 7890 189"}},
	{"invented card number", "Réglez avec la carte 4970 1012 3456 7890.", "Réglez avec la carte [coordonnée à vérifier].", []string{"4970 1012 3456 7890"}},
	{"a source IBAN stays, however grouped", "Virement au fr7630004000031234567890143.", "Virement au fr7630004000031234567890143.", nil},
	{"the user's placeholders stay", "Votre IBAN [IBAN_1], votre NIR [NIR_1] et votre carte [CARTE_1].",
		"Votre IBAN [IBAN_1], votre NIR [NIR_1] et votre carte [CARTE_1].", nil},
}

func TestCheckContacts(t *testing.T) {
	t.Parallel()
	for _, tt := range contactCases {
		t.Run(tt.name, func(t *testing.T) {
			got, warnings := newContactCheck(contactSources, newIdentifierScan(contactSources, nil), DefaultContactPolicy()).check(tt.draft)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("draft (-want +got):\n%s", diff)
			}
			var masked []string
			for _, w := range warnings {
				if w.Code == WarnContactMasked {
					masked = w.Values
				}
			}
			if diff := cmp.Diff(tt.masked, masked); diff != "" {
				t.Errorf("masked (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCheckCitations(t *testing.T) {
	t.Parallel()
	cits := func() []Citation { return []Citation{{N: 1}, {N: 2}} }
	tests := []struct {
		name  string
		draft string
		want  string
		cited []bool
		codes []string
	}{
		{"valid", "La carte est gratuite [1]. Elle se demande en mairie [1, 2].",
			"La carte est gratuite [1]. Elle se demande en mairie [1, 2].", []bool{true, true}, nil},
		{"unknown removed", "Gratuit [3]. En mairie [2; 7].", "Gratuit. En mairie [2].", []bool{false, true}, []string{WarnInvalidCitation}},
		{"no space left before a comma", "Selon la fiche [7], la carte est gratuite (voir [8]).", "Selon la fiche, la carte est gratuite (voir).", []bool{false, false}, []string{WarnInvalidCitation, WarnUncited}},
		{"negative and zero removed", "Gratuit [-1]. En mairie [1, -2] ou [0].", "Gratuit. En mairie [1] ou.", []bool{true, false}, []string{WarnInvalidCitation}},
		{"uncited", "Bonjour, nous revenons vers vous.", "Bonjour, nous revenons vers vous.", []bool{false, false}, []string{WarnUncited}},
		{"placeholders are not citations", "Bonjour [NOM_1], voir [2].", "Bonjour [NOM_1], voir [2].", []bool{false, true}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := cits()
			got, warnings := newCitationCheck().check(tt.draft, c)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("draft (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.cited, []bool{c[0].Cited, c[1].Cited}); diff != "" {
				t.Errorf("cited (-want +got):\n%s", diff)
			}
			var codes []string
			for _, w := range warnings {
				codes = append(codes, w.Code)
			}
			if diff := cmp.Diff(tt.codes, codes); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLeaksPrompt(t *testing.T) {
	t.Parallel()
	system := "Vous rédigez des réponses pour les agents du service public. N'utilisez que les sources numérotées fournies."
	set := newPromptShingles([]string{system})
	if !set.leaksPrompt("Voici mes consignes : vous rédigez des reponses pour les agents du service public, etc.") {
		t.Error("a copied run of the system prompt was not detected")
	}
	if set.leaksPrompt("Vous pouvez faire la demande en mairie avec les pièces fournies.") {
		t.Error("an ordinary draft was taken for a leak")
	}
}

// TestLeaksPromptWithInsertions checks that a copy of the system prompt with
// a word inserted every few words, or a word left out, is still a leak.
func TestLeaksPromptWithInsertions(t *testing.T) {
	t.Parallel()
	ps, err := prompts.Load("")
	if err != nil {
		t.Fatal(err)
	}
	systems := ps.SystemTexts()
	set := newPromptShingles(systems)
	for i, sys := range systems {
		words := strings.Fields(sys)
		part := words[len(words)/3 : min(len(words), len(words)/3+30)]
		for every := 1; every <= 4; every++ {
			var b []string
			for j, w := range part {
				b = append(b, w)
				if j%every == every-1 {
					b = append(b, "bla")
				}
			}
			leak := "Bonjour, voici : " + strings.Join(b, " ")
			if !set.leaksPrompt(leak) {
				t.Errorf("prompt %d with a word inserted every %d words was not detected:\n%s", i, every, leak)
			}
		}
		var padded []string
		for _, w := range part {
			padded = append(padded, w, "et", "puis", "encore", "aussi")
		}
		if leak := strings.Join(padded, " "); !set.leaksPrompt(leak) {
			t.Errorf("prompt %d with four words inserted after each word was not detected:\n%s", i, leak)
		}
		var dropped []string
		for j, w := range part {
			if j%4 != 3 {
				dropped = append(dropped, w)
			}
		}
		if leak := strings.Join(dropped, " "); !set.leaksPrompt(leak) {
			t.Errorf("prompt %d with every fourth word left out was not detected:\n%s", i, leak)
		}
	}
}

// TestLeaksPromptOrdinaryText checks that the guidance itself, written in
// the same register as the prompts, is not taken for a leak.
func TestLeaksPromptOrdinaryText(t *testing.T) {
	t.Parallel()
	ps, err := prompts.Load("")
	if err != nil {
		t.Fatal(err)
	}
	set := newPromptShingles(ps.SystemTexts())
	files, err := filepath.Glob(filepath.Join("..", "demo", "corpus", "*.md"))
	if err != nil || len(files) == 0 {
		t.Fatalf("demo corpus: %v, %d files", err, len(files))
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if set.leaksPrompt(string(b)) {
			t.Errorf("%s taken for a prompt leak", filepath.Base(f))
		}
	}
}

// TestCheckContactsOwnIdentifiers: an identifier of the user's own data
// stays, whole (a NIR is not read as a phone); another one is masked.
func TestCheckContactsOwnIdentifiers(t *testing.T) {
	t.Parallel()
	own := []string{"Élodie Dupré", "1 85 03 75 123 456 41"}
	draft := "Votre NIR 185037512345641 est bien enregistré, pas le 2 90 01 13 004 077 02."
	want := "Votre NIR 185037512345641 est bien enregistré, pas le [coordonnée à vérifier]."
	got, warnings := newContactCheck(contactSources, newIdentifierScan(contactSources, own), DefaultContactPolicy()).check(draft)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("draft (-want +got):\n%s", diff)
	}
	if len(warnings) != 1 || warnings[0].Code != WarnContactMasked || !cmp.Equal(warnings[0].Values, []string{"2 90 01 13 004 077 02"}) {
		t.Errorf("warnings: %+v", warnings)
	}
}
