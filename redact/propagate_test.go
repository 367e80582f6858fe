package redact

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestRepeatedValues covers a value found once by its cue and written
// again without it in the same text: every occurrence takes the value's
// placeholder, and the safeguards of known values hold.
func TestRepeatedValues(t *testing.T) {
	checkRedactions(t, []redactCase{
		{"a CAF number repeated", "Bonjour, la caf me réclame un trop perçu, mon numéro caf 7654321 (je répète : 7654321)",
			"Bonjour, la caf me réclame un trop perçu, mon numéro caf [CAF_1] (je répète : [CAF_1])"},
		{"a residence permit repeated", "titre de séjour n° 9912345678, je redonne 9912345678", "titre de séjour n° [ETRANGER_1], je redonne [ETRANGER_1]"},
		{"a resident card repeated", "carte de résident 1234567890 - rappel 1234567890", "carte de résident [ETRANGER_1] - rappel [ETRANGER_1]"},
		{"a case number repeated", "dossier MDPH 2023-456789, rappel 2023-456789", "dossier MDPH [DOSSIER_1], rappel [DOSSIER_1]"},
		{"a password repeated", "mot de passe : Azerty123 (oui Azerty123)", "mot de passe : [SECRET_1] (oui [SECRET_1])"},
		{"a number repeated in another grouping keeps restore", "mon numéro caf 7654321, soit 76 54 321", "mon numéro caf [CAF_1], soit [CAF_2]"},
		{"the value inside a longer word stays", "mon numéro caf 7654321, lot 7654321xyz", "mon numéro caf [CAF_1], lot 7654321xyz"},
		// NOM: a name's words, capitalised
		{"a surname that is a common word, again", "Je suis Léa Rivière. Rivière, c'est mon nom.", "Je suis [NOM_1]. [NOM_2], c'est mon nom."},
		{"a name in the other order", "Nathalie Fontaine ici. Je vous écris pour mon dossier. Fontaine Nathalie.",
			"[NOM_1] ici. Je vous écris pour mon dossier. [NOM_2]."},
		{"an initial and the surname signed", "Je soussigné Olivier Rivière, domicilié à Lyon, sollicite l'ASF.\nO. Rivière",
			"Je soussigné [NOM_1], domicilié à Lyon, sollicite l'ASF.\n[NOM_2]"},
		{"the common word in small letters stays", "Je suis Léa Rivière, j'habite près de la rivière.", "Je suis [NOM_1], j'habite près de la rivière."},
		{"a compound place stays", "Je suis Anne Durand, au centre hospitalier Sainte-Anne.", "Je suis [NOM_1], au centre hospitalier Sainte-Anne."},
		{"a country stays", "Je suis France Durand, inscrite à France Travail.", "Je suis [NOM_1], inscrite à France Travail."},
		{"a public e-mail's part stays", "Je suis Marc Annecy, écrivez à sie.annecy@dgfip.finances.gouv.fr", "Je suis [NOM_1], écrivez à sie.annecy@dgfip.finances.gouv.fr"},
		{"Monsieur before a surname is no initial", "Je suis Léa Rivière. M. Rivière viendra.", "Je suis [NOM_1]. M. [NOM_2] viendra."},
		{"a town of birth again is a town", "né à Bastia le 3 mai 1980, j'habite Bastia", "né à [NAISSANCE_1] le [NAISSANCE_2], j'habite Bastia"},
		// NOM: an initial then a surname where a signature stands
		{"a signature after a closing", "Merci de votre aide.\nCordialement,\nA. Fontaine", "Merci de votre aide.\nCordialement,\n[NOM_1]"},
		{"a signature after signé", "Je conteste la décision, signé O. Rivière", "Je conteste la décision, signé [NOM_1]"},
		{"an initial in a sentence stays", "Voir l'annexe A. Fontaine de Vaucluse est jolie.", "Voir l'annexe A. Fontaine de Vaucluse est jolie."},
	})
}

// TestRepeatedValuesFromSession covers a name's word that is also a common
// word or a first name, in a text redacted in a session that goes on from
// the one that masked the name: capitalised, it is masked; in small
// letters it stays.
func TestRepeatedValuesFromSession(t *testing.T) {
	ctx := context.Background()
	msg, err := Redact(ctx, "Bonjour, je suis Bernard Noel, ma pension n'est pas versée.", DefaultPolicy())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, in, want string }{
		{"the surname capitalised", "Bonjour Noel,\nVotre pension sera versée.", "Bonjour [NOM_2],\nVotre pension sera versée."},
		{"the common word stays", "Votre pension sera versée avant noël.", "Votre pension sera versée avant noël."},
		{"the whole name", "Bonjour Bernard Noel,", "Bonjour [NOM_1],"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := NewSessionFrom(DefaultPolicy(), msg.Mapping).Redact(ctx, tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got.Text.String()); diff != "" {
				t.Errorf("Redact(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

// TestSecretsBefore covers passwords and codes given before their cue,
// after a site's domain or after a card's words.
func TestSecretsBefore(t *testing.T) {
	checkRedactions(t, []redactCase{
		{"a password after a domain", "mon mot de passe caf.fr c'est Soleil2024! et ça marche plus", "mon mot de passe caf.fr c'est [SECRET_1] et ça marche plus"},
		{"a provisional password after a domain", "votre mot de passe provisoire caf.fr est Xy7!pQ2z", "votre mot de passe provisoire caf.fr est [SECRET_1]"},
		{"a password before its cue", "j'ai mis Soleil2024! comme mot de passe", "j'ai mis [SECRET_1] comme mot de passe"},
		{"a code before its cue", "j'ai mis 4821 comme code", "j'ai mis [SECRET_1] comme code"},
		{"a word before the cue stays", "j'ai mis mon prénom comme mot de passe", "j'ai mis mon prénom comme mot de passe"},
		{"a card's PIN", "le code de ma carte 4821", "le code de ma carte [SECRET_1]"},
		{"a card's PIN after a colon", "le code de la carte bancaire : 4821", "le code de la carte bancaire : [SECRET_1]"},
		{"a card's code lost stays", "j'ai perdu le code de ma carte", "j'ai perdu le code de ma carte"},
		{"a confidential code received", "code confidentiel reçu: 482913", "code confidentiel reçu: [SECRET_1]"},
		{"an activation code", "le code d'activation reçu par courrier est 8F4K-2P9Z", "le code d'activation reçu par courrier est [SECRET_1]"},
		{"an activation code not received stays", "le code d'activation n'est pas arrivé", "le code d'activation n'est pas arrivé"},
	})
}
