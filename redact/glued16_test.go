package redact

import (
	"context"
	"testing"
)

// TestGluedLabels covers issue 10's black-box finding (session 16): a
// label typed against its value, or a word glued after it, switched the
// detection off. The value is masked, the label stays; letters glued to
// digits that no checksum or shape confirms stay together.
func TestGluedLabels(t *testing.T) {
	checkRedactions(t, []redactCase{
		// a label of the value's type before it
		{"NIR after its label", "mon NIR185057511542357 merci", "mon NIR[NIR_1] merci"},
		{"NIR after numsecu", "numsecu185057511542357", "numsecu[NIR_1]"},
		{"NIR after secu and a colon, as before", "secu:185057511542357", "secu:[NIR_1]"},
		{"Corsican NIR after its label", "NIR184122A45108946", "NIR[NIR_1]"},
		{"phone after tel", "tel0612345678", "tel[TEL_1]"},
		{"phone after TEL, grouped", "TEL06 12 34 56 78", "TEL[TEL_1]"},
		{"phone after tél", "tél0612345678", "tél[TEL_1]"},
		{"IBAN after its label", "IBANFR7630006000011234567890189", "IBAN[IBAN_1]"},
		{"IBAN after RIB, grouped", "RIBFR76 3000 6000 0112 3456 7890 189", "RIB[IBAN_1]"},
		{"CAF number after its label", "CAF1234567", "CAF[CAF_1]"},
		{"card after CB", "ma carte CB4970101234567890 exp", "ma carte CB[CARTE_1] exp"},
		// any letters, when the value is confirmed
		{"NIR with its key glued to a word", "dossierX185057511542355 en cours", "dossierX[NIR_1] en cours"},
		{"mobile with a word glued after it", "appelez le 0612345678svp", "appelez le [TEL_1]svp"},
		{"NIR with its key and a word glued after it", "mon numéro 185057511542355merci", "mon numéro [NIR_1]merci"},
		// what stays together
		{"a product code with a mobile's digits", "code promo AB0612345678", "code promo AB0612345678"},
		{"a NIR's shape with a wrong key after letters", "lot X185057511542350 livré", "lot X185057511542350 livré"},
		{"an article number", "le 1er mars, art12 du code", "le 1er mars, art12 du code"},
		{"numbers glued to words", "j'ai 2enfants et 3chats", "j'ai 2enfants et 3chats"},
	})
}

// TestGluedViewOffsets checks that the space the view holds between a
// label and its value stands for no character: the value's entity starts
// at the value.
func TestGluedViewOffsets(t *testing.T) {
	for _, tt := range []struct{ in, value string }{
		{"NIR185057511542357", "185057511542357"},
		{"x ＮＩＲ185057511542357 y", "185057511542357"},
		{"tel\u200b0612345678", "0612345678"},
		{"Tél０６12345678.", "０６12345678"},
		{"IBANFR7630006000011234567890189", "FR7630006000011234567890189"},
	} {
		res, err := Redact(context.Background(), tt.in, DefaultPolicy())
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Entities) != 1 {
			t.Fatalf("%q: %d entities, want 1", tt.in, len(res.Entities))
		}
		if e := res.Entities[0]; tt.in[e.Start:e.End] != tt.value {
			t.Errorf("%q: entity %q, want %q", tt.in, tt.in[e.Start:e.End], tt.value)
		}
		if got := Restore(res.Text.String(), res.Mapping, DefaultPolicy()); got != tt.in {
			t.Errorf("Restore(Redact(%q)) = %q", tt.in, got)
		}
	}
}

// TestForeignPhoneCues covers foreign national numbers after a phone word
// of their language (issue 10, session 16).
func TestForeignPhoneCues(t *testing.T) {
	checkRedactions(t, []redactCase{
		{"German mobile after Handynummer", "Handynummer 0151 23456789", "Handynummer [TEL_1]"},
		{"German mobile in a sentence", "meine Handynummer ist 0151 23456789.", "meine Handynummer ist [TEL_1]."},
		{"German mobile after mobile", "mobile 0151 23456789", "mobile [TEL_1]"},
		{"German mobile after Telefon, run together", "Telefon: 015123456789", "Telefon: [TEL_1]"},
		{"Portuguese mobile after telemóvel", "telemóvel 912 345 678", "telemóvel [TEL_1]"},
		{"Italian mobile after cellulare", "cellulare 347 123 4567", "cellulare [TEL_1]"},
		{"Spanish mobile after móvil", "mi móvil 612 34 56 78", "mi móvil [TEL_1]"},
	})
}

// TestSensitiveDetails16 covers the special categories issue 10 found
// unmasked (session 16).
func TestSensitiveDetails16(t *testing.T) {
	checkRedactions(t, []redactCase{
		{"a disability and its rate", "je suis handicapée à 80%", "je suis [HANDICAP_1]"},
		{"a disability and its rate, spaced", "il est handicapé à 50 %", "il est [HANDICAP_1]"},
		{"a rehab cure", "une cure de désintox", "une [SANTE_1]"},
		{"a rehab cure, long word", "j'ai fait une cure de désintoxication", "j'ai fait une [SANTE_1]"},
		// NOM: a nickname in quotes after a name
		{"a nickname after a name", "mon oncle Jean Martin dit « Pierrot » est décédé", "mon oncle [NOM_1] dit « [NOM_2] » est décédé"},
		{"a nickname after a comma", "M. Diallo, surnommé \"Bébert\", a appelé", "M. [NOM_1], surnommé \"[NOM_2]\", a appelé"},
		{"a quoted place after lieu-dit stays", "au lieu-dit « La Croix » près du bourg", "au lieu-dit « La Croix » près du bourg"},
	})
}

// TestGluedNotPhones checks that references of letters and digits, and
// long numbers without a phone word, are no phone or NIR: they may be a
// case number (DOSSIER), never a TEL or a NIR.
func TestGluedNotPhones(t *testing.T) {
	for _, in := range []string{
		"réf AB12CD0612345678",
		"code AB0612345678 valable",
		"facture 015123456789 payée",
		"lot X185057511542357 livré",
		"produit REF0123456789",
	} {
		res, err := Redact(context.Background(), in, DefaultPolicy())
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range res.Entities {
			if e.Type == TEL || e.Type == NIR {
				t.Errorf("%q: %s %q", in, e.Type, in[e.Start:e.End])
			}
		}
	}
}
