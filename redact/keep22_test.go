package redact

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestKeepShopNames covers session 22's [keep-name] phrases: shops, brands
// and landmarks named after a person stay, unless a cue of a person comes
// with them; their words stay possible surnames everywhere else.
func TestKeepShopNames(t *testing.T) {
	checkRedactions(t, []redactCase{
		{"a DIY shop", "J'ai acheté une perceuse chez Leroy Merlin hier.", "J'ai acheté une perceuse chez Leroy Merlin hier."},
		{"a DIY shop as employer", "Je travaille chez Leroy Merlin à Nantes.", "Je travaille chez Leroy Merlin à Nantes."},
		{"a bakery chain", "Je travaille chez Marie Blachère depuis 2020.", "Je travaille chez Marie Blachère depuis 2020."},
		{"a bakery chain after à", "Je suis vendeuse à Marie Blachère.", "Je suis vendeuse à Marie Blachère."},
		{"a brand", "Mon sac Louis Vuitton a été volé.", "Mon sac Louis Vuitton a été volé."},
		{"chez Boulanger", "J'ai acheté un frigo chez Boulanger.", "J'ai acheté un frigo chez Boulanger."},
		{"chez Darty", "J'ai travaillé chez Darty pendant 3 ans.", "J'ai travaillé chez Darty pendant 3 ans."},
		{"Decathlon", "Je suis vendeur chez Decathlon à Lille.", "Je suis vendeur chez Decathlon à Lille."},
		{"a station", "La station Jean Jaurès est fermée.", "La station Jean Jaurès est fermée."},
		{"a school", "Ma fille est au lycée Jean Moulin.", "Ma fille est au lycée Jean Moulin."},
		{"a Christmas market and its town", "J'ai travaillé au marché de Noël de Strasbourg en décembre.", "J'ai travaillé au marché de Noël de Strasbourg en décembre."},
		{"a hairdresser", "Je travaille chez Jean Louis David.", "Je travaille chez Jean Louis David."},
		{"a cosmetics shop", "Je travaille chez Yves Rocher.", "Je travaille chez Yves Rocher."},
		{"a hair salon", "Je travaille chez Franck Provost.", "Je travaille chez Franck Provost."},
		{"a suit's brand", "J'ai un costume Hugo Boss.", "J'ai un costume Hugo Boss."},
		{"a clothes shop", "Je travaille chez Ralph Lauren.", "Je travaille chez Ralph Lauren."},
		{"a station's name", "La station Victor Hugo est fermée.", "La station Victor Hugo est fermée."},
		{"an airport", "Je descends à Charles de Gaulle.", "Je descends à Charles de Gaulle."},
		{"a stop", "le bus jusqu'à Jules Ferry", "le bus jusqu'à Jules Ferry"},
		{"a stop named after a scientist", "J'habite près de la station Louis Pasteur.", "J'habite près de la station Louis Pasteur."},
		{"a hospital", "J'ai un RDV à Marie Curie", "J'ai un RDV à Marie Curie"},
		{"a school named after a scientist", "J'ai un RDV à Pierre Curie", "J'ai un RDV à Pierre Curie"},
		{"a stop named after a statesman", "je descends à Jean Monnet", "je descends à Jean Monnet"},
		{"a stop named after a résistant", "je descends à Jean Moulin", "je descends à Jean Moulin"},
		{"a stop named after Jaurès", "je descends à Jean Jaurès", "je descends à Jean Jaurès"},
		{"a technopole", "I'm an engineer in Sophia Antipolis, I hold a card", "I'm an engineer in Sophia Antipolis, I hold a card"},
		{"a school named after two scientists", "Ma fille est au lycée Pierre et Marie Curie à Saint-Lô.", "Ma fille est au lycée Pierre et Marie Curie à Saint-Lô."},
		{"a shop after chez, a verb of saying after", "Je travaille chez Marie Blachère, qui m'a dit non.", "Je travaille chez Marie Blachère, qui m'a dit non."},
		// a person of that name
		{"a civility before the shop's first word", "M. Leroy ne m'a pas répondu.", "M. [NOM_1] ne m'a pas répondu."},
		{"a civility before the whole phrase", "M. Leroy Merlin ne m'a pas répondu.", "M. [NOM_1] ne m'a pas répondu."},
		{"a person who wrote", "Marie Blachère m'a écrit hier.", "[NOM_1] m'a écrit hier."},
		{"a person seen", "J'ai parlé à Marie Blachère hier.", "J'ai parlé à [NOM_1] hier."},
		{"a civility and a relative", "Ma voisine Mme Marie Blachère est partie.", "Ma voisine Mme [NOM_1] est partie."},
		{"a relative", "ma mère Marie Blachère est là", "ma mère [NOM_1] est là"},
		{"a self-introduction", "Je m'appelle Jean Moulin, j'ai 40 ans.", "Je m'appelle [NOM_1], j'ai 40 ans."},
		{"a person once makes every occurrence one", "M. Louis Vuitton … Louis Vuitton a appelé.", "M. [NOM_1] … [NOM_1] a appelé."},
		{"a signature", "Merci de votre aide.\nLouis Vuitton", "Merci de votre aide.\n[NOM_1]"},
		{"a form's label", "Nom : Jean Moulin, né en 1980", "Nom : [NOM_1], né en 1980"},
		{"a greeting", "Bonjour Marie Blachère, merci pour le pain", "Bonjour [NOM_1], merci pour le pain"},
		{"a sender", "De : Jean Jaurès <jj@example.fr>", "De : [NOM_1] <[EMAIL_1]>"},
		{"a school sending", "Le 03/10, Principal Collège Jean Moulin <contact@example.fr> a écrit :", "Le 03/10, Principal Collège Jean Moulin <contact@example.fr> a écrit :"},
		{"Boulanger without chez is a surname", "Je suis Gérard Boulanger.", "Je suis [NOM_1]."},
		{"the shop's surname alone", "Mme Blachère a appelé.", "Mme [NOM_1] a appelé."},
	})
}

// TestNameTakesNoVerb covers a name read from a civility that took the
// verb after it as a surname typed in lower case, and the words after a
// civility that start no name; the surnames in lower case stay masked.
func TestNameTakesNoVerb(t *testing.T) {
	checkRedactions(t, []redactCase{
		{"refuse after a first name that is a surname", "M. Garcia refuse de me répondre.", "M. [NOM_1] refuse de me répondre."},
		{"affirme", "M. Martin affirme avoir envoyé le courrier.", "M. [NOM_1] affirme avoir envoyé le courrier."},
		{"dit", "Mme Petit dit que le dossier est complet.", "Mme [NOM_1] dit que le dossier est complet."},
		{"two words, then the verb", "M. Garcia Lopez refuse de me répondre.", "M. [NOM_1] refuse de me répondre."},
		{"the verb's plural", "M. et Mme Garcia refusent de payer.", "M. et Mme [NOM_1] refusent de payer."},
		{"in lower case", "m. garcia refuse de me repondre", "m. [NOM_1] refuse de me repondre"},
		{"estime", "Mme Garcia estime que c'est injuste.", "Mme [NOM_1] estime que c'est injuste."},
		{"a verb after a civility alone", "Madame pratique le yoga et demande un RDV.", "Madame pratique le yoga et demande un RDV."},
		{"a role after a feminine title", "je suis professeure principale au lycée", "je suis professeure principale au lycée"},
		{"an adjective after a title", "Professeure certifiée de lettres à Sedan", "Professeure certifiée de lettres à Sedan"},
		{"a state after a civility", "Mme enceinte 7 mois, pas de suivi.", "Mme [SANTE_1] 7 mois, pas de suivi."},
		{"a number's label after a civility", "FT Mme id 3 1 2 4 8 9 7 M, M. id 2987654P.", "FT Mme id [FRANCE_TRAVAIL_1], M. id [DOSSIER_1]."},
		{"a full stop after a civility written out", "au nom de madame. Adresse : voir plus bas", "au nom de madame. Adresse : voir plus bas"},
		// names that stay masked
		{"a surname in lower case after a first name", "M. Jean dupont demande un rdv.", "M. [NOM_1] demande un rdv."},
		{"a surname in lower case after a civility", "j'écris pour mme riviere.", "j'écris pour mme [NOM_1]."},
		{"an abbreviated civility's full stop", "Mme. Dupont a appelé.", "Mme. [NOM_1] a appelé."},
		{"a title before a surname", "Professeure Durand m'a écrit.", "Professeure [NOM_1] m'a écrit."},
		{"a surname after the verb's lookalike", "M. Paul Garde a appelé.", "M. [NOM_1] a appelé."},
	})
}

// TestCommonWordsKept covers session 22's over-masking in the pooled
// tuning halves: a surname that is also a noun written again as the
// noun, "s'arrêter" read as an arrest; their twins stay masked.
func TestCommonWordsKept(t *testing.T) {
	checkRedactions(t, []redactCase{
		{"a trade's noun", "Gérard Boulanger\nAncien artisan boulanger\nMerci", "[NOM_1]\nAncien artisan boulanger\nMerci"},
		{"a noun after a determiner", "Mme Colette Berger est ma mère. Le berger allemand de papa est chez elle.", "Mme [NOM_1] est ma mère. Le berger allemand de papa est chez elle."},
		{"a repeat in lower case after de", "Je m'appelle Karim Benali, au nom de benali", "Je m'appelle [NOM_1], au nom de [NOM_2]"},
		{"a repeat in lower case after a verb", "Mme Colette Berger a appelé. Rappelez berger demain.", "Mme [NOM_1] a appelé. Rappelez [NOM_2] demain."},
		{"a bus stops", "Le bus s'arrête à Jean Jaurès.", "Le bus s'arrête à Jean Jaurès."},
		{"I stop", "Je m'arrête à Lyon ce soir.", "Je m'arrête à Lyon ce soir."},
		{"an arrest", "Mon fils a été arrêté à Lyon hier.", "Mon fils a [JUSTICE_1] hier."},
		{"ana, I, before a noun", "rajli khdam f chantier w ana mama au foyer.", "rajli khdam f chantier w ana mama au foyer."},
		{"ana, I, before a state", "hit ana mhajba, c legal?", "hit ana mhajba, c legal?"},
		{"Ana, I, capitalised before a state", "je perds la CMU. Ana malade depuis longtemps", "je perds la CMU. Ana [SANTE_1] depuis longtemps"},
		{"Ana the daughter", "Ma fille Ana parle bien français.", "Ma fille [NOM_1] parle bien français."},
		{"Ana and her surname", "Ana Silva a écrit.", "[NOM_1] a écrit."},
		{"Ana signing", "Obrigada, Ana", "Obrigada, [NOM_1]"},
		{"ana, then a first name, is read with it", "salam ana youssef", "salam [NOM_1]"},
		{"marié unaccented", "maintenant je suis marie avec une francaise depuis 8 mois", "maintenant je suis marie avec une francaise depuis 8 mois"},
		{"mariée unaccented", "je suis mariee depuis 2010 avec lui", "je suis mariee depuis 2010 avec lui"},
		{"Marie introducing herself", "bonjour je suis marie, j'ai un souci", "bonjour je suis [NOM_1], j'ai un souci"},
		{"Marie and her surname", "Bonjour, je suis Marie Dupont.", "Bonjour, je suis [NOM_1]."},
		{"Ella, she, in Spanish", "Madame Colette Bernard es mayor. Ella me paga con CESU", "Madame [NOM_1] es mayor. Ella me paga con CESU"},
		{"Ella and her surname", "Ella Martin m'a écrit.", "[NOM_1] m'a écrit."},
		{"Ella the daughter", "Ma fille Ella a 3 ans.", "Ma fille [NOM_1] a 3 ans."},
		{"a spelling alphabet", "il épelle : « A comme Anatole, B comme Berthe, quatre »", "il épelle : « A comme Anatole, B comme Berthe, quatre »"},
		{"comme before a name", "je fais comme Pierre Dupont", "je fais comme [NOM_1]"},
		{"an island after à", "je dois partir à Maurice en octobre.", "je dois partir à Maurice en octobre."},
		{"Maurice written to", "j'ai écrit à Maurice hier.", "j'ai écrit à [NOM_1] hier."},
		{"Maurice and his surname", "Maurice Dupont, retraité", "[NOM_1], retraité"},
		{"Sophia, a person", "my wife Sophia Antipolis joined me", "my wife [NOM_1] joined me"},
		{"an adjective after moi c'est", "chez moi c'est dangereux. Depuis je dors mal", "chez moi c'est dangereux. Depuis je dors mal"},
		{"a name kept after nom de jeune fille", "Moi c'est Rosa Ferrand (nom de jeune fille repris), merci", "Moi c'est [NOM_1] (nom de jeune fille repris), merci"},
		{"a maiden name in lower case", "nom de jeune fille : durant", "nom de jeune fille : [NOM_1]"},
		{"a first name in lower case after moi c'est", "moi c'est rosa", "moi c'est [NOM_1]"},
		{"ana before Arabic written with digits", "A3mel eh? Ana 3andi titre de séjour salarié", "A3mel eh? Ana 3andi titre de séjour salarié"},
		{"ana before a state in Darija", "Ana msalem w kan-sali", "Ana msalem w kan-sali"},
		{"Ana before a number", "Ana 3 ans, Paul 5 ans", "[NOM_1] 3 ans, [NOM_2] 5 ans"},
		{"a surname that ends a cue, written again", "Meu nome é Lucas Nascimento Silva. Data de nascimento: 22/07/1996.", "Meu nome é [NOM_1]. Data de nascimento: [NAISSANCE_1]."},
		{"the surname written again elsewhere", "Meu nome é Lucas Nascimento Silva. O Nascimento é meu pai.", "Meu nome é [NOM_1]. O [NOM_2] é meu pai."},
		{"a guardianship association", "ma curatrice Mme Bénédicte Fontaine (UDAF) doit être en copie", "ma curatrice Mme [NOM_1] (UDAF) doit être en copie"},
		{"a guardianship association before a civility", "sa curatrice (UDAF, Mme Lapierre) repond pas.", "sa curatrice (UDAF, Mme [NOM_1]) repond pas."},
		{"an arrest, a pronoun before", "il m'a dit qu'il a été arrêté à Lyon", "il m'a dit qu'il a [JUSTICE_1]"},
	})
}

// TestKeepNameWordsUnknown checks that a [keep-name] phrase leaves its
// words unknown to the lexicon's rules: its first word has wKeepName and
// no entry.
func TestKeepNameWordsUnknown(t *testing.T) {
	for _, w := range []string{"leroy", "blachere", "vuitton", "jaures", "antipolis", "rocher"} {
		if e := lex.words[w]; e != 0 {
			t.Errorf("lex.words[%q] = %d, want no entry", w, e)
		}
	}
	want := []tokenWord{{"Leroy", false, wKeepName}, {"Merlin", true, 0}, {"Yves", true, wKeepName}, {"Marie", true, wKeepName}}
	if diff := cmp.Diff(want, tokenWords("Leroy Merlin Yves Marie", wKeepName), cmp.AllowUnexported(tokenWord{})); diff != "" {
		t.Errorf("tokenWords (-want +got):\n%s", diff)
	}
}

// TestShopNameRepeats checks that a name found elsewhere, in the message
// or in an earlier one of the session, leaves a shop's phrase whole, and
// that it is still masked outside it.
func TestShopNameRepeats(t *testing.T) {
	checkRedactions(t, []redactCase{
		{"a neighbour's name before the shop", "Mon voisin M. Leroy a acheté un stock chez Leroy Merlin.", "Mon voisin [NOM_1] a acheté un stock chez Leroy Merlin."},
		{"a neighbour's name after the shop", "J'ai acheté chez Leroy Merlin. M. Leroy est mon voisin, Leroy m'a aidé.", "J'ai acheté chez Leroy Merlin. M. [NOM_1] est mon voisin, [NOM_1] m'a aidé."},
	})
	s := NewSession(DefaultPolicy())
	ctx := context.Background()
	if _, err := s.Redact(ctx, "M. Leroy a appelé."); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Redact(ctx, "Mon fils s'appelle Jean Dupont."); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ in, want string }{
		{"J'ai acheté une perceuse chez Leroy Merlin.", "J'ai acheté une perceuse chez Leroy Merlin."},
		{"Il est au collège Jean Moulin.", "Il est au collège Jean Moulin."},
		{"Jean a 12 ans.", "[NOM_3] a 12 ans."},
		{"Leroy m'a rappelé.", "[NOM_1] m'a rappelé."},
	} {
		res, err := s.Redact(ctx, tt.in)
		if err != nil {
			t.Fatal(err)
		}
		if got := res.Text.String(); got != tt.want {
			t.Errorf("session Redact(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
