package rag

import (
	"fmt"
	"strings"
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
// links and the sources. With no passage it is a holding answer.
func telephoneDraft(question string, passages []Result) string {
	var b strings.Builder
	b.WriteString(telephoneSpoken + "\n")
	if len(passages) == 0 {
		b.WriteString("Je n'ai pas trouvé de fiche officielle qui réponde à votre question. ")
		b.WriteString("Je vérifie auprès du service concerné. Je vous rappelle ou je vous écris dès que j'ai la réponse.\n\n")
		b.WriteString(telephoneFollowUp + "\n")
		b.WriteString("Nous vérifions votre demande et revenons vers vous rapidement.\n")
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
	writeSources(&b, passages)
	return b.String()
}

// spoken makes a written sentence fit to be said: web addresses give way
// to a pointer to the follow-up text, symbols are said in words.
func spoken(s string) string {
	s = replaceURLs(s, func(string) string { return "(le lien est dans le message de suivi)" })
	s = emailRe.ReplaceAllString(s, "(l'adresse est dans le message de suivi)")
	return strings.NewReplacer(" €", " euros", "€", " euros", " %", " pour cent", "%", " pour cent", "n°", "numéro").Replace(s)
}
