package redact

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func redactText(t *testing.T, in string) Result {
	t.Helper()
	res, err := Redact(context.Background(), in, DefaultPolicy())
	if err != nil {
		t.Fatalf("Redact(%q): %v", in, err)
	}
	if got := Restore(res.Text.String(), res.Mapping, DefaultPolicy()); got != in {
		t.Errorf("Restore(Redact(%q)) = %q", in, got)
	}
	return res
}

func TestRedact(t *testing.T) {
	tests := []redactCase{
		// identifiers with a checksum
		{"nir spaced", "mon numéro de sécu : 2 84 12 76 451 089 46 merci", "mon numéro de sécu : [NIR_1] merci"},
		{"nir run together", "NIR 184127645108946.", "NIR [NIR_1]."},
		{"nir corsica", "1 84 12 2A 451 089 46", "[NIR_1]"},
		{"iban", "IBAN : FR76 3000 6000 0112 3456 7890 189", "IBAN : [IBAN_1]"},
		{"iban run together", "rib FR7630006000011234567890189 svp", "rib [IBAN_1] svp"},
		{"iban other country", "DE89 3704 0044 0532 0130 00", "[IBAN_1]"},
		{"card", "carte 4970 1012 3456 7894 expirée", "carte [CARTE_1] expirée"},
		{"siret", "mon SIRET 732 829 320 00074", "mon SIRET [SIRET_1]"},
		{"siren with context", "SIREN : 732829320", "SIREN : [SIRET_1]"},
		{"fiscal", "numéro fiscal 3 02 1234 567 890", "numéro fiscal [FISCAL_1]"},
		// phones
		{"phone spaced", "au 06 12 34 56 78.", "au [TEL_1]."},
		{"phone dots", "tel 06.12.34.56.78", "tel [TEL_1]"},
		{"phone dashes", "06-12-34-56-78", "[TEL_1]"},
		{"phone run together", "0612345678", "[TEL_1]"},
		{"phone +33", "+33 6 12 34 56 78", "[TEL_1]"},
		{"phone +33 (0)", "+33 (0)6 12 34 56 78", "[TEL_1]"},
		{"phone 0033", "0033 6 12 34 56 78", "[TEL_1]"},
		{"phone international", "+44 20 7946 0958", "[TEL_1]"},
		{"public short numbers stay", "Appelez le 3939, le 3646, le 115, le 17 ou le 116 000.", "Appelez le 3939, le 3646, le 115, le 17 ou le 116 000."},
		{"service numbers stay", "le 0 800 130 000 est gratuit", "le 0 800 130 000 est gratuit"},
		// contacts
		{"email", "écrivez à jean.dupont+caf@example.fr.", "écrivez à [EMAIL_1]."},
		{"email ends a sentence", "Contact : marie@orange.fr. Ma demande est en cours.", "Contact : [EMAIL_1]. Ma demande est en cours."},
		{"personal url", "lien https://monespace.example.fr/suivi?token=a8f3k2l9x0q1w2e3&id=42 reçu", "lien [URL_1] reçu"},
		{"public url stays", "voir https://www.service-public.fr/particuliers/vosdroits/F1234.", "voir https://www.service-public.fr/particuliers/vosdroits/F1234."},
		// context identifiers
		{"caf", "numéro allocataire : 1234567", "numéro allocataire : [CAF_1]"},
		{"france travail", "identifiant France Travail 1234567A", "identifiant France Travail [FRANCE_TRAVAIL_1]"},
		{"agdref", "mon numéro étranger AGDREF 7501234567", "mon numéro étranger AGDREF [ETRANGER_1]"},
		{"ine", "mon INE est 1234567890A", "mon INE est [INE_1]"},
		{"passport", "passeport n° 12AB34567", "passeport n° [PASSEPORT_1]"},
		{"cni", "carte d'identité n° 880692310285", "carte d'identité n° [CNI_1]"},
		{"form label in a sentence", "Pour prouver votre identité : apportez aussi un passeport.", "Pour prouver votre identité : apportez aussi un passeport."},
		{"form label with a name", "Identité : Jeanne Moreau", "Identité : [NOM_1]"},
		{"permis", "permis de conduire n° 120575100234", "permis de conduire n° [PERMIS_1]"},
		{"plate siv", "ma voiture AB-123-CD", "ma voiture [PLAQUE_1]"},
		{"plate fni", "immatriculation 1234 AB 56", "immatriculation [PLAQUE_1]"},
		{"dossier", "dossier n° 2023-0456-AB", "dossier n° [DOSSIER_1]"},
		{"legal references stay", "l'article L. 262-2, le décret n° 2023-1234 et le cerfa n°12100*03", "l'article L. 262-2, le décret n° 2023-1234 et le cerfa n°12100*03"},
		{"amounts and dates stay", "un indu de 1 250,50 € à payer avant le 15 mars 2024, rendez-vous le 3 avril à 14h", "un indu de 1 250,50 € à payer avant le 15 mars 2024, rendez-vous le 3 avril à 14h"},
		// names
		{"civility", "Mme Le Goff et M. N'Diaye", "Mme [NOM_1] et M. [NOM_2]"},
		{"particles", "Maître de La Fontaine", "Maître [NOM_1]"},
		{"compound", "Madame Dubois-Marchand", "Madame [NOM_1]"},
		{"prefet is not a name", "Monsieur le Préfet, Madame la Maire", "Monsieur le Préfet, Madame la Maire"},
		{"self introduction", "je m'appelle Marie Dupont", "je m'appelle [NOM_1]"},
		{"sms style", "bjr je m appelle lucas martin", "bjr je m appelle [NOM_1]"},
		{"all caps", "BONJOUR JE SUIS MADAME FATIMA BENALI", "BONJOUR JE SUIS MADAME [NOM_1]"},
		{"relative", "mon fils Lucas Martin a 5 ans", "mon fils [NOM_1] a 5 ans"},
		{"children", "mes enfants Léo et Jade", "mes enfants [NOM_1] et [NOM_2]"},
		{"first name and surname", "j'ai vu Jean DUPONT hier", "j'ai vu [NOM_1] hier"},
		{"signature", "Merci.\nCordialement,\nSophie Lambert", "Merci.\nCordialement,\n[NOM_1]"},
		{"maiden name", "Mme Simone Chambon, née Peyrard", "Mme [NOM_1]"},
		{"street name is no person", "le collège Jean Moulin et l'école Victor Hugo", "le collège Jean Moulin et l'école Victor Hugo"},
		{"institutions stay", "France Travail, la CAF et France Services", "France Travail, la CAF et France Services"},
		// addresses
		{"address", "j'habite au 12 bis rue Victor Hugo, 69003 Lyon.", "j'habite au [ADRESSE_1]."},
		{"address lines", "DUPONT Jean\n12 avenue Jean Jaurès\n75019 PARIS", "[NOM_1]\n[ADRESSE_1]"},
		{"address complements", "Résidence Les Tilleuls, bâtiment B, appartement 12, 5 allée des Acacias, 93200 Saint-Denis", "[ADRESSE_1]"},
		{"lieu-dit", "Lieu-dit Les Rochettes, 37190 Azay-le-Rideau", "[ADRESSE_1]"},
		{"address cue without number", "j'habite rue de la Paix", "j'habite [ADRESSE_1]"},
		{"street alone stays", "le feu rouge avenue Jean Médecin", "le feu rouge avenue Jean Médecin"},
		// dates of birth
		{"birth date", "né le 3 avril 1990", "né le [NAISSANCE_1]"},
		{"birth date numeric", "date de naissance : 03/04/1990", "date de naissance : [NAISSANCE_1]"},
		{"birth year stays", "je suis né en 1963", "je suis né en 1963"},
		// sensitive
		{"health", "je suis atteint d'une sclérose en plaques", "je suis [SANTE_1]"},
		{"disability benefits are masked", "je touche l'allocation aux adultes handicapés et la pension d'invalidité", "je touche l'[HANDICAP_1] et la [HANDICAP_2]"},
		// placeholders in the input
		{"placeholder-looking input", "[NOM_1] et NOM_2, puis Jean Dupont", "[NOM_1] et [NOM_2], puis [NOM_3]"},
	}
	checkRedactions(t, tests)
}

func TestRedactEntities(t *testing.T) {
	in := "Marie Dupont, née le 3 avril 1990, tel 06 12 34 56 78, et Marie Dupont encore."
	res := redactText(t, in)
	want := []Entity{
		{Type: NOM, Start: 0, End: 12, Placeholder: "[NOM_1]", Confidence: 0.8},
		{Type: NAISSANCE, Start: 22, End: 34, Placeholder: "[NAISSANCE_1]", Confidence: 0.9},
		{Type: TEL, Start: 40, End: 54, Placeholder: "[TEL_1]", Confidence: 0.95},
		{Type: NOM, Start: 59, End: 71, Placeholder: "[NOM_1]", Confidence: 0.8},
	}
	if diff := cmp.Diff(want, res.Entities); diff != "" {
		t.Errorf("entities (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"[NAISSANCE_1]", "[NOM_1]", "[TEL_1]"}, res.Mapping.Placeholders()); diff != "" {
		t.Errorf("mapping (-want +got):\n%s", diff)
	}
}

func TestSessionNumbersAcrossMessages(t *testing.T) {
	ctx := context.Background()
	s := NewSession(DefaultPolicy())
	r1, err := s.Redact(ctx, "Je suis Mme Durand, tel 06 12 34 56 78.")
	if err != nil {
		t.Fatal(err)
	}
	r2, err := s.Redact(ctx, "Mme Durand encore, et M. Petit au 07 11 22 33 44.")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff("Je suis Mme [NOM_1], tel [TEL_1].", r1.Text.String()); diff != "" {
		t.Errorf("first message (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff("Mme [NOM_1] encore, et M. [NOM_2] au [TEL_2].", r2.Text.String()); diff != "" {
		t.Errorf("second message (-want +got):\n%s", diff)
	}
	if r1.Mapping.Len() != 2 || r2.Mapping.Len() != 4 {
		t.Errorf("mapping sizes %d and %d, want 2 and 4", r1.Mapping.Len(), r2.Mapping.Len())
	}
	draft := "Madame [NOM_1], nous appellerons [TEL_2] et [nom 2]."
	if diff := cmp.Diff("Madame Durand, nous appellerons 07 11 22 33 44 et Petit.", s.Restore(draft)); diff != "" {
		t.Errorf("restore (-want +got):\n%s", diff)
	}
}

// TestSessionFrom: a session started from a message's mapping numbers a
// later text after it (a value of the message keeps its placeholder, a
// placeholder already in the text is another value) and leaves the
// message's mapping as it was.
func TestSessionFrom(t *testing.T) {
	ctx := context.Background()
	msg, err := Redact(ctx, "Je suis Mme Durand, tel 06 12 34 56 78.", DefaultPolicy())
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		got, err := NewSessionFrom(DefaultPolicy(), msg.Mapping).Redact(ctx, "Madame [NOM_1], M. Petit et Mme Durand au 06 12 34 56 78.")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff("Madame [NOM_2], M. [NOM_3] et Mme [NOM_1] au [TEL_1].", got.Text.String()); diff != "" {
			t.Errorf("text after the message (-want +got):\n%s", diff)
		}
	}
	if diff := cmp.Diff([]string{"[NOM_1]", "[TEL_1]"}, msg.Mapping.Placeholders()); diff != "" {
		t.Errorf("the message's mapping changed (-want +got):\n%s", diff)
	}
}

func TestPolicy(t *testing.T) {
	in := "M. Martin, né le 3 avril 1990, diabétique, tel 06 12 34 56 78."
	policy, err := ParsePolicy("NOM=keep, SANTE=mask-no-restore")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Redact(context.Background(), in, policy)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff("M. Martin, né le [NAISSANCE_1], [SANTE_1], tel [TEL_1].", res.Text.String()); diff != "" {
		t.Errorf("redacted (-want +got):\n%s", diff)
	}
	got := Restore(res.Text.String(), res.Mapping, policy)
	if diff := cmp.Diff("M. Martin, né le 3 avril 1990, [SANTE_1], tel 06 12 34 56 78.", got); diff != "" {
		t.Errorf("restored (-want +got):\n%s", diff)
	}
	// The value masked without restore is not even in the mapping.
	if v, ok := res.Mapping.Value("[SANTE_1]"); ok || v != "" {
		t.Errorf("Value([SANTE_1]) = %q, %v; want nothing", v, ok)
	}
	// A restorable value stays hidden when the restoring policy says so.
	if got := Restore("[TEL_1]", res.Mapping, Policy{TEL: MaskNoRestore}); got != "[TEL_1]" {
		t.Errorf("Restore with TEL=mask-no-restore = %q", got)
	}
}

func TestParsePolicy(t *testing.T) {
	tests := []struct {
		in      string
		want    Policy
		wantErr bool
	}{
		{"", DefaultPolicy(), false},
		{"sante=keep", func() Policy { p := DefaultPolicy(); p[SANTE] = Keep; return p }(), false},
		{"NIR=mask-no-restore,TEL=mask", func() Policy { p := DefaultPolicy(); p[NIR] = MaskNoRestore; return p }(), false},
		{"NIR", nil, true},
		{"FOO=keep", nil, true},
		{"NIR=hide", nil, true},
	}
	for _, tt := range tests {
		got, err := ParsePolicy(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParsePolicy(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("ParsePolicy(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
	var nilPolicy Policy
	if nilPolicy.Action(NOM) != Mask {
		t.Errorf("a nil policy must mask")
	}
}

func TestRedactErrors(t *testing.T) {
	if _, err := Redact(context.Background(), "abc\xffdef", nil); !errors.Is(err, ErrInvalidUTF8) {
		t.Errorf("invalid UTF-8: err = %v, want ErrInvalidUTF8", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Redact(ctx, "Marie Dupont", nil); !errors.Is(err, context.Canceled) {
		t.Errorf("canceled context: err = %v, want context.Canceled", err)
	}
	res, err := Redact(context.Background(), "", nil)
	if err != nil || res.Text.String() != "" || len(res.Entities) != 0 {
		t.Errorf("empty input: %+v, %v", res, err)
	}
}

// redactCase is one message and its expected redaction.
type redactCase struct{ name, in, want string }

// checkRedactions redacts each case's message with the default policy and
// compares the text with the expected one.
func checkRedactions(t *testing.T, tests []redactCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := redactText(t, tt.in)
			if diff := cmp.Diff(tt.want, res.Text.String()); diff != "" {
				t.Errorf("Redact(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}
