package rag

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestTelephoneHolding checks the extractive telephone draft with no
// reliable passage: a holding answer and follow-up, with nothing factual.
func TestTelephoneHolding(t *testing.T) {
	t.Parallel()
	got := telephoneDraft("Quelle est la recette du gâteau ?", nil, checkingHolding)
	want := "À dire au téléphone :\nJe n'ai pas trouvé de fiche officielle qui réponde à votre question. " +
		"Je vérifie auprès du service concerné. Je vous rappelle ou je vous écris dès que j'ai la réponse.\n\n" +
		"Message de suivi (SMS ou courriel) :\nNous vérifions votre demande et revenons vers vous rapidement.\n"
	if got != want {
		t.Errorf("holding telephone draft:\n%s", got)
	}
}

func TestSpoken(t *testing.T) {
	t.Parallel()
	got := spoken("Payez 45 € sur https://www.ants.gouv.fr/payer ou écrivez à aide@exemple.fr, n° 3, 10 % de remise.")
	want := "Payez 45 euros sur (le lien est dans le message de suivi) ou écrivez à (l'adresse est dans le message de suivi), numéro 3, 10 pour cent de remise."
	if got != want || strings.Contains(got, "http") {
		t.Errorf("spoken = %q\nwant %q", got, want)
	}
}

// TestRepairTelephone checks the repair of a model's telephone draft: no
// address read aloud (moved to the follow-up text), a follow-up text always
// there, written from the cited sources when the model left it out.
func TestRepairTelephone(t *testing.T) {
	t.Parallel()
	passages := []Result{
		{DocumentID: 1, Title: "Revenu de solidarité active (RSA)", URL: "https://www.service-public.fr/particuliers/vosdroits/N19775", Text: "Le RSA… Écrivez à rsa@caf.gouv.fr."},
		{DocumentID: 2, Title: "Prime d'activité", URL: "https://www.service-public.fr/particuliers/vosdroits/F2882", Text: "La prime…"},
	}
	const said = "À dire au téléphone :\n1. Faites la demande en ligne [1].\n2. Le RSA est versé chaque mois [1].\n"
	const followUp = "Message de suivi (SMS ou courriel) :\nVoici la fiche : https://www.service-public.fr/particuliers/vosdroits/N19775 [1]."
	tests := []struct {
		name, draft, want string
		done              []string
	}{
		{"well formed: unchanged", said + "\n" + followUp, said + "\n" + followUp, nil},
		{"address said aloud, no follow-up",
			"À dire au téléphone :\n1. Consultez https://www.service-public.fr/particuliers/vosdroits/F2882/aide. Écrivez à rsa@caf.gouv.fr [1].",
			"À dire au téléphone :\n1. Consultez (le lien est dans le message de suivi). Écrivez à (l'adresse est dans le message de suivi) [1].\n\n" +
				"Message de suivi (SMS ou courriel) :\nBonjour, comme convenu au téléphone, voici les informations officielles sur votre demande :\n" +
				"Sources :\n[1] Revenu de solidarité active (RSA) — https://www.service-public.fr/particuliers/vosdroits/N19775\n" +
				"Liens :\n- https://www.service-public.fr/particuliers/vosdroits/F2882/aide\n- rsa@caf.gouv.fr",
			[]string{repairedAddresses, repairedFollowUp}},
		{"addresses the checks will mask stay where they are said",
			"À dire au téléphone :\n1. Consultez https://www.service-public.fr/…/F1234. Écrivez à rsa@caf.fr [1].\n\nSMS de suivi : la fiche [1].",
			"À dire au téléphone :\n1. Consultez https://www.service-public.fr/…/F1234. Écrivez à rsa@caf.fr [1].\n\nSMS de suivi : la fiche [1].",
			nil},
		{"no follow-up, nothing cited: every source",
			said[:len(said)-len(" [1].\n2. Le RSA est versé chaque mois [1].\n")] + ".",
			"À dire au téléphone :\n1. Faites la demande en ligne.\n\n" +
				"Message de suivi (SMS ou courriel) :\nBonjour, comme convenu au téléphone, voici les informations officielles sur votre demande :\n" +
				"Sources :\n[1] Revenu de solidarité active (RSA) — https://www.service-public.fr/particuliers/vosdroits/N19775\n" +
				"[2] Prime d'activité — https://www.service-public.fr/particuliers/vosdroits/F2882",
			[]string{repairedFollowUp}},
		{"address said aloud, already in the follow-up",
			"**À dire au téléphone** :\n1. Allez sur www.service-public.fr/particuliers/vosdroits/N19775 [1].\n\n**Message de suivi (SMS ou courriel)** :\n" +
				"Fiche : https://www.service-public.fr/particuliers/vosdroits/N19775 [1].",
			"**À dire au téléphone** :\n1. Allez sur (le lien est dans le message de suivi) [1].\n\n**Message de suivi (SMS ou courriel)** :\n" +
				"Fiche : https://www.service-public.fr/particuliers/vosdroits/N19775 [1].",
			[]string{repairedAddresses}},
		{"a site's name may be said", "1. Rendez-vous sur service-public.fr [1].\n\nSMS de suivi : la fiche [1].",
			"1. Rendez-vous sur service-public.fr [1].\n\nSMS de suivi : la fiche [1].", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, warns := repairTelephone(tt.draft, passages, DefaultContactPolicy())
			if got != tt.want {
				t.Errorf("repaired:\n%s\nwant:\n%s", got, tt.want)
			}
			var done []string
			for _, w := range warns {
				if w.Code == WarnTelephoneRepaired {
					done = w.Values
				}
			}
			if strings.Join(done, ",") != strings.Join(tt.done, ",") || len(warns) > 1 {
				t.Errorf("warnings %+v, want repairs %v", warns, tt.done)
			}
		})
	}
}

// TestFollowUpSources checks the sources of a telephone draft's follow-up
// text: each document once, with every number the draft cites it by, and
// where to ask for a document without a web address (black-box round of
// session 20: one fiche listed as [1] and [2], no link and nothing said).
func TestFollowUpSources(t *testing.T) {
	t.Parallel()
	passages := []Result{
		{DocumentID: 7, Title: "Carte d'identité", Text: "Première partie."},
		{DocumentID: 7, Title: "Carte d'identité", Text: "Seconde partie."},
		{DocumentID: 9, Title: "Passeport", URL: "https://www.service-public.fr/particuliers/vosdroits/F21089", Text: "Le passeport."},
	}
	const sources = "Sources :\n[1, 2] Carte d'identité — " + noLinkSource + "\n" +
		"[3] Passeport — https://www.service-public.fr/particuliers/vosdroits/F21089\n"
	for _, tt := range []struct{ name, got string }{
		{"model's draft without follow-up", localFollowUp("1. En mairie [1]. 2. Avec photo [2]. 3. Ou le passeport [3].", passages)},
		{"extractive draft", telephoneDraft("carte d'identité", passages, checkingHolding)},
	} {
		if _, got, _ := strings.Cut(tt.got, "Sources :\n"); "Sources :\n"+got != sources {
			t.Errorf("%s: sources (-want +got):\n%s", tt.name, cmp.Diff(sources, "Sources :\n"+got))
		}
	}
}

// TestRepairTelephoneHolding checks a model's holding telephone reply
// without a follow-up text: the holding follow-up is added.
func TestRepairTelephoneHolding(t *testing.T) {
	t.Parallel()
	got, _ := repairTelephone("À VÉRIFIER PAR L'AGENT : aucune source trouvée.\nJe vérifie et je vous rappelle.", nil, DefaultContactPolicy())
	want := "À VÉRIFIER PAR L'AGENT : aucune source trouvée.\nJe vérifie et je vous rappelle.\n\n" +
		"Message de suivi (SMS ou courriel) :\nNous vérifions votre demande et revenons vers vous rapidement."
	if got != want {
		t.Errorf("holding repair:\n%s", got)
	}
}

// TestURLAllowedLinks checks the policy's links: a configured page and the
// pages under it are allowed without a source, another page of the same
// allowed host is not.
func TestURLAllowedLinks(t *testing.T) {
	t.Parallel()
	policy := DefaultContactPolicy()
	policy.Links = []string{"https://www.service-public.fr/particuliers/vosdroits/F1234"}
	for link, want := range map[string]bool{
		"https://www.service-public.fr/particuliers/vosdroits/F1234":      true,
		"https://www.service-public.fr/particuliers/vosdroits/F1234/demo": true,
		"https://www.service-public.fr/particuliers/vosdroits/F9999":      false,
		"https://www.service-public.fr":                                   true,
		"https://www.caf.fr/allocataires":                                 true,
	} {
		if got := urlAllowed(link, []string{"caf.fr/allocataires"}, policy); got != want {
			t.Errorf("urlAllowed(%q) = %v, want %v", link, got, want)
		}
	}
}

// TestURLAllowedSourceVariants checks that a source's page written with a
// #fragment, a language or tracking parameter, or the service-public.gouv.fr
// host is the source's page, and an invented page stays masked.
func TestURLAllowedSourceVariants(t *testing.T) {
	t.Parallel()
	policy := DefaultContactPolicy()
	sources := []string{normalizeURL("https://www.service-public.fr/particuliers/vosdroits/F1570")}
	for link, want := range map[string]bool{
		"https://www.service-public.fr/particuliers/vosdroits/F1570#0":              true,
		"https://www.service-public.fr/particuliers/vosdroits/F1570?lang=fr":        true,
		"https://www.service-public.fr/particuliers/vosdroits/F1570?xtor=x&utm_a=b": true,
		"https://www.service-public.gouv.fr/particuliers/vosdroits/F1570":           true,
		"https://www.service-public.fr/particuliers/vosdroits/F1234":                false,
		"https://www.service-public.fr/particuliers/vosdroits/F1234#0":              false,
		"https://www.service-public.gouv.fr/particuliers/vosdroits/F1234?lang=fr":   false,
		"https://www.service-public.fr/particuliers/vosdroits/F1570?id=2":           false,
	} {
		if got := urlAllowed(link, sources, policy); got != want {
			t.Errorf("urlAllowed(%q) = %v, want %v", link, got, want)
		}
	}
}

// TestLinkKeyQuery checks that a source's query parameters are compared as
// parameters, not as text: in any order, escaped or not, with tracking ones
// dropped; another value of a parameter is another page.
func TestLinkKeyQuery(t *testing.T) {
	t.Parallel()
	source := linkKey("https://www.impots.gouv.fr/formulaire?annee=2024&type=2042")
	for link, want := range map[string]bool{
		"https://impots.gouv.fr/formulaire?type=2042&annee=2024":             true,
		"https://www.impots.gouv.fr/formulaire/?annee=2024&type=2042#haut":   true,
		"https://www.impots.gouv.fr/formulaire?annee=2024&utm_x=1&type=2042": true,
		"https://www.impots.gouv.fr/formulaire?annee=%32024&type=2042":       true,
		"https://www.impots.gouv.fr/formulaire?annee=2023&type=2042":         false,
		"https://www.impots.gouv.fr/formulaire?annee=2024":                   false,
	} {
		if got := linkKey(link) == source; got != want {
			t.Errorf("linkKey(%q) = %q, source %q: same = %v, want %v", link, linkKey(link), source, got, want)
		}
	}
}

// TestLinkKeyPath checks that a path is compared unescaped, and that a link
// net/url cannot read still loses its tracking and its .gouv host.
func TestLinkKeyPath(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ a, b string }{
		{"https://www.service-public.fr/d%C3%A9marches", "https://service-public.fr/démarches"},
		{"https://www.service-public.gouv.fr/F1570%zz?utm_source=x", "https://service-public.fr/F1570%zz"},
	} {
		if linkKey(tt.a) != linkKey(tt.b) {
			t.Errorf("linkKey(%q) = %q, linkKey(%q) = %q: want the same page", tt.a, linkKey(tt.a), tt.b, linkKey(tt.b))
		}
	}
}

// TestRepairTelephoneNumberedFollowUp checks that a numbered step naming the
// follow-up text is not read as its heading: the later steps' addresses are
// still moved out of the spoken part.
func TestRepairTelephoneNumberedFollowUp(t *testing.T) {
	t.Parallel()
	draft := "À dire au téléphone :\n1. Faites la demande en ligne.\n2. Message de suivi : je vous envoie le lien.\n" +
		"3. Écrivez à contact@ants.gouv.fr.\n\nMessage de suivi (SMS ou courriel) :\nVoici le lien."
	ants := []Result{{DocumentID: 1, Title: "Carte d'identité", Text: "Écrivez à contact@ants.gouv.fr."}}
	got, warnings := repairTelephone(draft, ants, DefaultContactPolicy())
	said, _, _ := strings.Cut(got, "Message de suivi (SMS ou courriel) :")
	if strings.Contains(said, "contact@ants.gouv.fr") || len(warnings) == 0 {
		t.Errorf("address left in the spoken part (warnings %v):\n%s", warnings, got)
	}
	if !strings.Contains(said, "2. Message de suivi : je vous envoie le lien.") {
		t.Errorf("step 2 taken out of the spoken part:\n%s", got)
	}
}

// TestTelephoneSaysNothing checks which model telephone drafts have nothing
// to say aloud (and are replaced by the extractive draft).
func TestTelephoneSaysNothing(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]bool{
		"":                        true,
		" \n ":                    true,
		"À dire au téléphone :\n": true,
		"**À dire au téléphone :**\n\nMessage de suivi (SMS ou courriel) :\nVoici le lien.": true,
		"Message de suivi : voici le lien.":                                                 true,
		"À dire au téléphone :\n1. Faites la demande en ligne.":                             false,
		"Faites la demande en ligne.\n\nMessage de suivi :\nVoici le lien.":                 false,
	} {
		if got := telephoneSaysNothing(text); got != want {
			t.Errorf("telephoneSaysNothing(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestLeadInsKeepTheirList: a sentence announcing a list is never quoted
// alone, ending on nothing (black-box test, round 2: « 1. Les changements
// à déclarer sont notamment : [1] » read out on the telephone).
func TestLeadInsKeepTheirList(t *testing.T) {
	text := "Vous devez déclarer tout changement. Les changements à déclarer sont notamment :\n- un changement de domicile,\n- une naissance.\nLa déclaration se fait en ligne."
	for _, tt := range []struct {
		words []string
		want  string
	}{
		{[]string{"chang", "decla"}, "Vous devez déclarer tout changement. Les changements à déclarer sont notamment : un changement de domicile,"},
		{[]string{"domic"}, "Les changements à déclarer sont notamment : un changement de domicile,"},
		{[]string{"ligne"}, "La déclaration se fait en ligne."},
	} {
		words := map[string]bool{}
		for _, w := range tt.words {
			words[w] = true
		}
		if got := bestSentences(text, words, 2); got != tt.want {
			t.Errorf("bestSentences(%v) = %q, want %q", tt.words, got, tt.want)
		}
	}
	if got := joinLeadIns([]string{"a :", "b :", "c", "d :"}); strings.Join(got, "|") != "a : b : c|d :" {
		t.Errorf("joinLeadIns = %q", got)
	}
}
