package rag

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// Headings of a telephone draft: what the agent says, then the follow-up
// text sent by SMS or e-mail.
const (
	telephoneSpoken   = "À dire au téléphone :"
	telephoneFollowUp = "Message de suivi (SMS ou courriel) :"
)

// telephoneDraft is the extractive draft of the telephone channel: short
// numbered steps taken from the best sentences of each passage, with web
// addresses replaced by where to find them, then a follow-up text with the
// links and the sources. With no passage it is the holding answer h.
func telephoneDraft(question string, passages []Result, h holding) string {
	var b strings.Builder
	b.WriteString(telephoneSpoken + "\n")
	if len(passages) == 0 {
		b.WriteString(h.spoken)
		b.WriteString(telephoneFollowUp + "\n")
		b.WriteString(h.followUp)
		return b.String()
	}
	words := questionWords(question)
	for i, p := range passages {
		fmt.Fprintf(&b, "%d. %s [%d]\n", i+1, spoken(bestSentences(p.Text, words, 1)), i+1)
	}
	b.WriteString("Vous retrouverez tout cela dans les fiches officielles ")
	titles := make([]string, len(passages))
	for i, p := range passages {
		titles[i] = "« " + p.Title + " »"
	}
	b.WriteString(strings.Join(titles, ", ") + ".\n")
	b.WriteString("Avez-vous des questions ? Je vous envoie un message avec les liens et les sources.\n\n")

	b.WriteString(telephoneFollowUp + "\n")
	b.WriteString("Bonjour, comme convenu au téléphone, voici les informations officielles sur votre demande :\n")
	for i, p := range passages {
		fmt.Fprintf(&b, "- %s [%d]\n", p.Title, i+1)
	}
	writeOnlineServices(&b, "Démarches en ligne :\n", passages)
	b.WriteString("Sources :\n")
	all := make([]int, len(passages))
	for i := range passages {
		all[i] = i + 1
	}
	writeFollowUpSources(&b, passages, all)
	return b.String()
}

// spoken makes a written sentence fit to be said: web addresses give way
// to a pointer to the follow-up text, symbols are said in words.
func spoken(s string) string {
	s = replaceURLs(s, func(string) string { return "(le lien est dans le message de suivi)" })
	s = emailRe.ReplaceAllString(s, "(l'adresse est dans le message de suivi)")
	return strings.NewReplacer(" €", " euros", "€", " euros", " %", " pour cent", "%", " pour cent", "n°", "numéro").Replace(s)
}

// WarnTelephoneRepaired: the model's telephone draft broke the channel's
// form and was repaired before the checks: web and e-mail addresses moved
// from the spoken part to the follow-up text, or the follow-up text, which
// the model left out, written from the cited sources.
const WarnTelephoneRepaired = "telephone_repaired"

// What repairTelephone did, as the warning's values.
const (
	repairedAddresses = "addresses_moved"
	repairedFollowUp  = "follow_up_added"
)

// followUpRe finds the heading of a telephone draft's follow-up text as a
// model writes it: « Message de suivi (SMS ou courriel) : », bold or not,
// « SMS de suivi », « Courriel de suivi ».
var followUpRe = regexp.MustCompile(`(?im)^[^\p{L}\p{N}\n]*(?:message|sms|texte|courriel|mail|e-mail)\s+de\s+suivi\b.*$`)

// telephoneSaysNothing reports whether a model's telephone draft has
// nothing to say aloud: no letter or digit before its follow-up heading
// once the « À dire au téléphone : » heading is set aside. Such a draft is
// replaced by the extractive one rather than repaired into a blank call.
func telephoneSaysNothing(text string) bool {
	said := text
	if loc := followUpRe.FindStringIndex(text); loc != nil {
		said = text[:loc[0]]
	}
	said = strings.ReplaceAll(strings.ToLower(said), strings.ToLower(strings.TrimSuffix(telephoneSpoken, " :")), "")
	return !strings.ContainsFunc(said, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
}

// repairTelephone holds a model's telephone draft to the channel's form:
// what is said aloud reads no address (each is replaced by a pointer to
// the follow-up text, where it is added), and a follow-up text with the
// links and sources always ends the draft, written from the cited passages
// when the model left it out. An address the checks will mask (neither the
// passages nor policy give it) stays where it is: the checks mask it there,
// rather than behind a pointer to a follow-up text that would not hold it.
// The warning says what was repaired; none when nothing was.
func repairTelephone(text string, passages []Result, policy ContactPolicy) (string, []Warning) {
	var said, followUp string
	if loc := followUpRe.FindStringIndex(text); loc != nil {
		said, followUp = text[:loc[0]], text[loc[0]:]
	} else {
		said = text
	}
	known := collectContacts(sourceTexts(passages))
	said, moved := moveAddresses(said, known, policy)
	var done []string
	if len(moved) > 0 {
		done = append(done, repairedAddresses)
	}
	if followUp == "" {
		followUp = localFollowUp(text, passages)
		done = append(done, repairedFollowUp)
	}
	followUp = withLinks(followUp, moved)
	if len(done) == 0 {
		return text, nil
	}
	out := strings.TrimRight(said, " \t\n") + "\n\n" + strings.TrimSpace(followUp)
	return out, []Warning{{Code: WarnTelephoneRepaired, Severity: "warning",
		Message: "Le brouillon téléphonique a été corrigé : aucune adresse n'est lue à voix haute (les liens sont dans le message de suivi) " +
			"et le message de suivi reprend les sources citées. Relisez-le avant l'appel.",
		Values: done}}
}

// moveAddresses replaces the web and e-mail addresses of the spoken part
// of a telephone draft that the contact check allows (known sources or
// policy give them) by a pointer to the follow-up text, and returns them.
// A bare site name (« service-public.fr », no path) may be said and stays.
func moveAddresses(said string, known sourceContacts, policy ContactPolicy) (string, []string) {
	var moved []string
	said = replaceURLs(said, func(m string) string {
		trimmed := strings.TrimRight(m, ".,;:!?")
		if !strings.Contains(trimmed, "/") && !strings.HasPrefix(strings.ToLower(trimmed), "www.") || !urlAllowed(trimmed, known.urls, policy) {
			return m
		}
		moved = append(moved, trimmed)
		return "(le lien est dans le message de suivi)" + m[len(trimmed):]
	})
	said = emailRe.ReplaceAllStringFunc(said, func(m string) string {
		if !known.emailAllowed(m) {
			return m
		}
		moved = append(moved, m)
		return "(l'adresse est dans le message de suivi)"
	})
	return said, moved
}

// withLinks adds to a follow-up text the addresses taken out of the
// spoken part that it does not give yet.
func withLinks(followUp string, moved []string) string {
	var add []string
	have := strings.ToLower(followUp)
	for _, m := range moved {
		if !strings.Contains(have, normalizeURL(m)) && !slices.Contains(add, m) {
			add = append(add, m)
		}
	}
	if len(add) == 0 {
		return followUp
	}
	return strings.TrimRight(followUp, " \t\n") + "\nLiens :\n- " + strings.Join(add, "\n- ") + "\n"
}

// localFollowUp writes the follow-up text of a telephone draft whose model
// left it out: the sources the draft cites (all the passages when it cites
// none), their online services and their links, numbered as in the draft.
func localFollowUp(text string, passages []Result) string {
	var b strings.Builder
	b.WriteString(telephoneFollowUp + "\n")
	if len(passages) == 0 {
		b.WriteString(checkingHolding.followUp)
		return b.String()
	}
	cited := citedNumbers(text, len(passages))
	b.WriteString("Bonjour, comme convenu au téléphone, voici les informations officielles sur votre demande :\n")
	var used []Result
	for _, n := range cited {
		used = append(used, passages[n-1])
	}
	writeOnlineServices(&b, "Démarches en ligne :\n", used)
	b.WriteString("Sources :\n")
	writeFollowUpSources(&b, passages, cited)
	return b.String()
}

// writeFollowUpSources lists the sources numbered ns (from 1, in
// passages) in a telephone draft's follow-up text: each document once,
// with every number the draft cites it by (« [1, 2] » for two passages of
// one fiche), and its address, or, when it has none, where to ask for it.
func writeFollowUpSources(b *strings.Builder, passages []Result, ns []int) {
	var docs []int64
	numbers := map[int64][]string{}
	first := map[int64]Result{}
	for _, n := range ns {
		p := passages[n-1]
		if _, ok := first[p.DocumentID]; !ok {
			docs, first[p.DocumentID] = append(docs, p.DocumentID), p
		}
		numbers[p.DocumentID] = append(numbers[p.DocumentID], strconv.Itoa(n))
	}
	for _, id := range docs {
		p, where := first[id], first[id].URL
		if where == "" {
			where = noLinkSource
		}
		fmt.Fprintf(b, "[%s] %s — %s\n", strings.Join(numbers[id], ", "), p.Title, where)
	}
}

// noLinkSource says where to find a source that has no web address.
const noLinkSource = "document sans lien en ligne : demandez-nous-le et nous vous l'enverrons"

// citedNumbers returns, in order, the source numbers from 1 to n that
// text cites; all of them when it cites none.
func citedNumbers(text string, n int) []int {
	seen := make([]bool, n+1)
	for _, m := range citationRe.FindAllString(text, -1) {
		for _, part := range citationParts(m) {
			if k, err := strconv.Atoi(part); err == nil && k >= 1 && k <= n {
				seen[k] = true
			}
		}
	}
	var out []int
	for k := 1; k <= n; k++ {
		if seen[k] {
			out = append(out, k)
		}
	}
	if len(out) == 0 {
		for k := 1; k <= n; k++ {
			out = append(out, k)
		}
	}
	return out
}
