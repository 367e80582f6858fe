package triage

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestLexiconContext checks what a cue's surroundings change, with the
// lexicon alone: a joke, a clause about years ago, a denied harm, a
// general talk, cues in other scripts, a short legal delay counted in days,
// a danger named as a topic, a figure of speech.
func TestLexiconContext(t *testing.T) {
	checkLexicon(t, []lexiconCase{
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
		{"awareness day, a battered woman now", "Journée de sensibilisation : une femme battue est à l'accueil en ce moment", Urgent, []string{CodeViolence}},
		{"awareness day", "Le collège organise une journée de sensibilisation aux violences et au harcèlement.", Routine, nil},
		{"topic of a session", "Prépare une séance sur les violences faites aux femmes et le harcèlement pour ses 4e, demande des affiches.", Routine, nil},
		{"topic, then someone", "J'ai suivi une formation sur le harcèlement et mon chef me harcèle depuis.", Urgent, []string{CodeViolence}},
		{"a training's modules", "La formation comprend évacuation incendie, gestion des agressions et secourisme.", Routine, nil},
		{"dying of laughter", "Ma femme est morte de rire, moi j'ai failli m'étrangler avec mon café.", Routine, nil},
		{"dying of shame", "Il m'a dit qu'il en mourrait de honte devant ses copains.", Routine, nil},
		{"a suicidal computer", "Mon vieux PC est suicidaire : il plante à chaque page.", Routine, nil},
		{"a son after his phone was taken", "Bonjour, mon fils, depuis qu'on lui a confisqué son portable, est suicidaire. Que faire ?", Urgent, []string{CodeSuicide}},
		{"a daughter after her phone was lost", "Ma fille, depuis qu'elle a perdu son téléphone, est suicidaire, elle l'a dit.", Urgent, []string{CodeSuicide}},
		{"harassed on her phone", "Ma fille harcelée sur son téléphone devient suicidaire.", Urgent, []string{CodeSuicide, CodeViolence, CodeChild}},
		{"afraid of being hacked", "Mes patients sont morts de peur à l'idée de se faire pirater.", Routine, nil},
		{"hacked", "Mon compte a été piraté hier.", Attention, []string{CodeFraud}},
		{"watching a hearing", "La semaine prochaine, sortie au tribunal pour assister à une audience.", Routine, nil},
		{"death dated years ago", "Le notaire demande l'acte de décès de mon père, décédé le 3 novembre 2009 à Limoges.", Routine, nil},
		{"funeral contract", "Comment fait-on un contrat obsèques pour plus tard ?", Routine, nil},
		{"settled debt", "Dette de loyer soldée depuis 2017, est-ce encore dans un fichier ?", Routine, nil},
		{"fraud agency", "À qui je dois m'adresser, la répression des fraudes ?", Routine, nil},
		{"internet cut", "Ils m'ont coupé internet sur la box, je dois payer les 12 mois ?", Routine, nil},
		{"school talk, a timed cue", "Prépare un exposé d'EMC sur le droit au logement. Demande comment se passe une expulsion locative en France.", Routine, nil},
		{"widowhood as a status", "Mme Carpentier, 71 ans, veuve, pension de 930 € par mois.", Routine, nil},
		{"recently widowed", "Mme R., 71 ans, veuve depuis février.", Attention, []string{CodeBereavement}},
		{"one's lawyer", "Mon avocat est injoignable, pouvez-vous me confirmer la date ?", Routine, nil},
		{"one's lawyer acting", "Mon avocat, Maître Rousset, va déposer un recours.", Attention, []string{CodeLegalThreat}},
		{"general question", "C'est une question un peu générale : comment se passe un dossier de surendettement ?", Routine, nil},
		{"a training online, on a topic", "Ma référente m'a conseillé la formation en ligne sur le repérage des violences conjugales.", Routine, nil},
		{"a class project is about", "Cette année notre projet de classe porte sur le harcèlement scolaire.", Routine, nil},
		{"a training's title", "Je souhaite m'inscrire à la formation « Repérer et accompagner les victimes de violences conjugales ».", Routine, nil},
		{"a short film on a topic", "Avec ma promo on tourne un court-métrage sur les violences conjugales.", Routine, nil},
		{"a topic, a gap, then someone", "J'ai suivi une formation en ligne et mon mari me frappe.", Urgent, []string{CodeViolence}},
		{"a field of work", "Je travaille auprès de femmes victimes de violences conjugales, comment déclarer mes heures ?", Routine, nil},
		{"volunteering", "Ma sœur me dit de faire du bénévolat aux restos du cœur.", Routine, nil},
		{"working with someone who hits", "Je travaille avec mon mari qui me frappe.", Urgent, []string{CodeViolence}},
		{"a blow promised to a computer", "J'étais à deux doigts de tuer mon ordinateur à coups de marteau, merci pour l'atelier, j'écris à mes petits-enfants.", Routine, nil},
		{"harassed by an institution", "Le harcèlement de la CAF pour mes justificatifs devient pénible.", Routine, nil},
		{"harassed by a person", "Mon voisin me harcèle tous les soirs.", Urgent, []string{CodeViolence}},
		{"afraid of missing a date", "J'ai peur de louper la date limite de déclaration.", Routine, nil},
		{"afraid", "J'ai peur, il rôde devant chez moi.", Urgent, []string{CodeViolence}},
		{"evicted last year, housed now", "L'an dernier j'ai été expulsée mais depuis j'ai un HLM, je voudrais changer d'adresse.", Routine, nil},
		{"evicted last year, out tomorrow", "L'an dernier j'ai été expulsée et demain je dois quitter le logement.", Urgent, []string{CodeHousingLoss}},
		{"a settled trouble", "Mon ex me frappait, c'est de l'histoire ancienne, je veux changer de nom.", Routine, nil},
		{"settled, then suicidal", "J'ai des idées noires, c'est réglé pour les papiers mais pas pour moi.", Urgent, []string{CodeSuicide}},
		{"a settled debt", "J'ai eu un dossier de surendettement. Tout a été réglé depuis longtemps, les organismes ont annulé les dettes.", Routine, nil},
		{"a debt", "La CAF me réclame un trop-perçu de 900 €.", Attention, []string{CodeDebt}},
		{"a story", "Dans la série que je regarde, le héros se fait expulser, c'est vrai qu'on ne peut pas expulser en hiver ?", Routine, nil},
		{"a video game", "Le jeu vidéo de mon fils est violent, la CAF rembourse les activités ?", Routine, nil},
		{"a landlord", "Mon locataire ne paie plus depuis trois mois, comment se passe une expulsion ?", Routine, nil},
		{"the service's last message", "Le dernier message de votre service était clair, merci, je passe jeudi.", Routine, nil},
		{"my last message", "Voici mon dernier message, je ne peux plus continuer.", Urgent, []string{CodeSuicide}},
		{"a patient's death", "Aide-soignante, une de mes patientes est décédée, mon employeur me doit des heures.", Routine, nil},
	})
}

// lexiconCase is a text and the level and codes the lexicon alone gives it.
type lexiconCase struct {
	name  string
	text  string
	level Level
	codes []string
}

// checkLexicon checks each case with the lexicon alone, codes in any order.
func checkLexicon(t *testing.T, tests []lexiconCase) {
	t.Helper()
	checkCases(t, "lexicon", assessLexiconOnly, tests)
}

// checkAssess checks each case with the triage plume runs (the lexicon,
// then the classifier), codes in any order.
func checkAssess(t *testing.T, tests []lexiconCase) {
	t.Helper()
	checkCases(t, "Assess", assessFull, tests)
}

// checkCases checks each case with assess, named what in a failure.
func checkCases(t *testing.T, what string, assess func(labelled) Assessment, tests []lexiconCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := assess(labelled{Text: tc.text})
			got := a.Codes()
			slices.Sort(got)
			want := slices.Clone(tc.codes)
			slices.Sort(want)
			if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); a.Level != tc.level || diff != "" {
				t.Errorf("%s(%q) = %s %v, want %s %v", what, tc.text, a.Level, a.Codes(), tc.level, tc.codes)
			}
		})
	}
}

func TestLastWords(t *testing.T) {
	tests := []struct {
		s    string
		n    int
		want []string
	}{
		{" une seance sur les ", 2, []string{"sur", "les"}},
		{" une seance sur les ", 9, []string{"une", "seance", "sur", "les"}},
		{"", 3, nil},
		{"   ", 3, nil},
		{"a", 1, []string{"a"}},
	}
	for _, tc := range tests {
		if diff := cmp.Diff(tc.want, lastWords(tc.s, tc.n)); diff != "" {
			t.Errorf("lastWords(%q, %d): %s", tc.s, tc.n, diff)
		}
	}
}
