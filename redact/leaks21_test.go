package redact

import "testing"

// TestLeaks21 covers session 21's leaks (black-box rounds of sessions 20
// and 21, messy19's tuning half) and their twins that must stay: lone
// surnames after verbs of living, marrying, leaving a child with, after a
// member of staff's noun, after « née » without a birth date; medicines,
// an autistic disorder, « bi » after a person's noun.
func TestLeaks21(t *testing.T) {
	checkRedactions(t, []redactCase{
		// NOM: lone surnames
		{"a child left with", "Mon fils a été confié à Ndiaye pendant les vacances.", "Mon fils a été confié à [NOM_1] pendant les vacances."},
		{"a home stayed in, a compound", "Je loge chez Mbappé-Nkoulou depuis mars.", "Je loge chez [NOM_1] depuis mars."},
		{"lived with", "Je vis avec Ndiaye depuis 2 ans.", "Je vis avec [NOM_1] depuis 2 ans."},
		{"married to, divorced from", "mariée avec Traoré, divorcée de Keita", "mariée avec [NOM_1], divorcée de [NOM_2]"},
		{"a town after mariée à stays", "Je me suis mariée à Lourdes en 2010.", "Je me suis mariée à Lourdes en 2010."},
		{"a firm after l'agent stays", "J'ai parlé à l'agent Enedis.", "J'ai parlé à l'agent Enedis."},
		{"an imperative", "Demandez à Garcia.", "Demandez à [NOM_1]."},
		{"met", "J'ai rencontré Moreau au guichet.", "J'ai rencontré [NOM_1] au guichet."},
		{"a member of staff", "J'ai vu le responsable Guillou à l'agence.", "J'ai vu le responsable [NOM_1] à l'agence."},
		{"a social worker", "l'assistante sociale Morvan m'a rappelée", "l'assistante sociale [NOM_1] m'a rappelée"},
		{"a maiden name alone", "Ma mère (née Obiang) veut sa pension.", "Ma mère (née [NOM_1]) veut sa pension."},
		{"a maiden name and its birth date", "née Obiang le 3 mai 1950", "née [NOM_1] le [NAISSANCE_1]"},
		{"a firm after a verb of calling stays", "j'ai appelé Enedis, j'ai vu Marseille", "j'ai appelé Enedis, j'ai vu Marseille"},
		{"a staff member's service stays", "le responsable France Travail, la directrice Générale", "le responsable France Travail, la directrice Générale"},
		{"a home in a town stays", "je vis chez Toulouse Métropole Habitat", "je vis chez Toulouse Métropole Habitat"},
		{"the negation stays", "Je ne Sais pas quoi faire.", "Je ne Sais pas quoi faire."},
		{"born with a nationality stays", "il est né Français", "il est né Français"},
		{"born premature stays", "ma fille est née prématurée", "ma fille est née prématurée"},
		// Special categories
		{"a receipt is no charge", "je n'ai pas reçu d'accusé de réception ?", "je n'ai pas reçu d'accusé de réception ?"},
		{"a charge still masked", "il est accusé de vol", "il est [JUSTICE_1]"},
		{"a health insurer is no illness", "quelle caisse maladie choisir ?", "quelle caisse maladie choisir ?"},
		{"a medicine alone", "Je prends du biktarvy et du Lyrica.", "Je prends du [SANTE_1] et du [SANTE_2]."},
		{"aphasia", "depuis son AVC il a une aphasie", "depuis son [SANTE_1] il a [SANTE_2]"},
		{"an autistic disorder", "Mon fils a un trouble autistique.", "Mon fils a un [HANDICAP_1]."},
		{"bi after a person's noun", "Je suis un homme bi.", "Je suis un [ORIENTATION_1]."},
		{"bi as a prefix's word stays", "un vélo bi-place", "un vélo bi-place"},
	})
}
