package triage

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestLexiconContext checks what a cue's surroundings change, with the
// lexicon alone: a joke, a clause about years ago, a denied harm, a
// general talk, cues in other scripts, a short legal delay counted in days.
func TestLexiconContext(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		level Level
		codes []string
	}{
		{"joke", "Mon mari me menace… de partir en vacances sans moi 😂. Blague à part, quels papiers pour un passeport ?", Routine, nil},
		{"suicide laughed off", "jsuis au bout, je vais me suicider mdr, personne répond à la caf", Urgent, []string{CodeSuicide}},
		{"past clause", "J'ai été expulsé en 2019 mais maintenant tout va bien, est-ce que ça apparaît dans ma demande HLM ?", Routine, nil},
		{"present clause", "J'ai été expulsé en 2019 et aujourd'hui le propriétaire change les serrures.", Urgent, []string{CodeHousingLoss}},
		{"old death", "Mon mari est décédé il y a quatre ans, la demi-part n'apparaît plus.", Routine, nil},
		{"recent death", "Mon mari est décédé la semaine dernière, que dois-je faire ?", Attention, []string{CodeBereavement}},
		{"denied harm", "Mon ex ne harcèle pas du tout les enfants, on veut juste partager les demi-parts.", Routine, nil},
		{"harm", "Mon ex harcèle les enfants au téléphone.", Urgent, []string{CodeChild, CodeViolence}},
		{"volunteer", "Il y a dix ans j'ai dormi dans la rue ; aujourd'hui je voudrais devenir bénévole pour aider les personnes sans abri.", Routine, nil},
		{"old eviction", "Cette vieille expulsion figure-t-elle encore dans un fichier ?", Routine, nil},
		{"debate", "Nous organisons un débat sur les violences conjugales à la médiathèque.", Routine, nil},
		{"cyrillic", "Иногда думаю, что лучше уйти навсегда.", Urgent, []string{CodeSuicide, CodeLanguage}},
		{"days counted", "J'ai reçu une OQTF le 3, on est le 14, il me reste combien de jours pour le recours ?", Urgent, []string{CodeLegalDeadline}},
		{"paid twice", "J'ai payé 2 fois la même amende par erreur, comment être remboursé ?", Routine, nil},
		{"maiden name", "Je porte encore son nom par négligence, je voudrais mon nom de jeune fille sur ma carte.", Routine, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := assessLexiconOnly(labelled{Text: tc.text})
			got := a.Codes()
			slices.Sort(got)
			want := slices.Clone(tc.codes)
			slices.Sort(want)
			if diff := cmp.Diff(want, got); a.Level != tc.level || diff != "" {
				t.Errorf("lexicon(%q) = %s %v, want %s %v", tc.text, a.Level, a.Codes(), tc.level, tc.codes)
			}
		})
	}
}
