package rag

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/plume-sp/plume/fold"
)

// extractiveSources is how many passages an extractive draft quotes.
const extractiveSources = 3

var (
	nameRe = regexp.MustCompile(`\[NOM_\d+\]`)
	linkRe = regexp.MustCompile(`https?://[^\s<>"'\)\]]+`)
)

// extractivePassages picks the passages an extractive draft quotes: the
// best one of each document, at most extractiveSources.
func extractivePassages(passages []Result) []Result {
	var out []Result
	seen := map[int64]bool{}
	for _, p := range passages {
		if seen[p.DocumentID] {
			continue
		}
		seen[p.DocumentID] = true
		out = append(out, p)
		if len(out) == extractiveSources {
			break
		}
	}
	return out
}

// extractiveDraft writes a draft without a model: greeting, the sentences of
// the best passages that share most words with the question, the online
// services they link to, the sources and a closing. It greets who, the
// question's author, by name when the question names them. With no passage
// it is the holding reply h.
func extractiveDraft(channel, question string, who author, service string, passages []Result, h holding) string {
	if channel == "telephone" {
		return telephoneDraft(question, passages, h)
	}
	var b strings.Builder
	if channel == "conseiller" {
		b.WriteString("Note pour le conseiller France services\n\n")
		if len(passages) == 0 {
			b.WriteString(h.note)
			return b.String()
		}
		b.WriteString("Points clés des fiches officielles :\n")
	} else {
		b.WriteString(who.greeting())
		b.WriteString("\n\n")
		if len(passages) == 0 {
			b.WriteString(h.reply)
			b.WriteString(closing(service))
			return b.String()
		}
		b.WriteString("Nous vous remercions pour votre message. Voici les informations officielles qui répondent à votre demande :\n")
	}
	words := questionWords(question)
	for i, p := range passages {
		fmt.Fprintf(&b, "\n- %s : %s [%d]\n", p.Title, bestSentences(p.Text, words, 2), i+1)
	}
	writeOnlineServices(&b, "\nDémarches et informations en ligne :\n", passages)
	b.WriteString("\nSources :\n")
	writeSources(&b, passages)
	if channel != "conseiller" {
		b.WriteString("\n")
		b.WriteString(closing(service))
	}
	return b.String()
}

func closing(service string) string {
	if service == "" {
		return "Nous restons à votre disposition.\n\nCordialement,\nLe service public"
	}
	return "Nous restons à votre disposition.\n\nCordialement,\nLe service " + service
}

// questionWords returns the question's folded words of four letters or
// more, placeholders excluded.
func questionWords(question string) map[string]bool {
	words := map[string]bool{}
	for _, w := range strings.Fields(fold.Words(nameRe.ReplaceAllString(question, " "))) {
		if len(w) >= 4 && !strings.HasPrefix(w, "nom") {
			words[stem5(w)] = true
		}
	}
	return words
}

// stem5 keeps the first five letters of a word, a crude stem that makes
// "renouveler" meet "renouvellement".
func stem5(w string) string {
	if len(w) > 5 {
		return w[:5]
	}
	return w
}

// bestSentences returns up to n sentences of text, in their order, that
// share the most words with the question; the first sentence when none do.
func bestSentences(text string, words map[string]bool, n int) string {
	sentences := splitSentences(text)
	if len(sentences) == 0 {
		return ""
	}
	type scored struct {
		i     int
		score int
	}
	var ss []scored
	for i, s := range sentences {
		score := 0
		for _, w := range strings.Fields(fold.Words(s)) {
			if len(w) >= 4 && words[stem5(w)] {
				score++
			}
		}
		ss = append(ss, scored{i, score})
	}
	sort.SliceStable(ss, func(a, b int) bool { return ss[a].score > ss[b].score })
	if ss[0].score == 0 {
		return sentences[0]
	}
	var keep []int
	for _, s := range ss[:min(n, len(ss))] {
		if s.score > 0 {
			keep = append(keep, s.i)
		}
	}
	sort.Ints(keep)
	parts := make([]string, len(keep))
	for i, k := range keep {
		parts[i] = sentences[k]
	}
	return strings.Join(parts, " ")
}

// splitSentences cuts text into sentences and list items, one line each;
// a sentence that announces a list (« Les changements à déclarer sont
// notamment : ») goes with the list's first item, so that no sentence
// quoted alone ends on nothing.
func splitSentences(text string) []string {
	return joinLeadIns(cutSentences(text))
}

// joinLeadIns joins each sentence ending with a colon to the next one.
func joinLeadIns(sentences []string) []string {
	var out []string
	for i := 0; i < len(sentences); i++ {
		s := sentences[i]
		for strings.HasSuffix(s, ":") && i+1 < len(sentences) {
			i++
			s += " " + sentences[i]
		}
		out = append(out, s)
	}
	return out
}

// cutSentences cuts text into sentences and list items, one line each.
func cutSentences(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "- "))
		if line == "" {
			continue
		}
		start := 0
		for i := 0; i < len(line); i++ {
			if (line[i] == '.' || line[i] == '!' || line[i] == '?') && i+1 < len(line) && line[i+1] == ' ' &&
				i+2 < len(line) && line[i+2] >= 'A' && line[i+2] <= 'Z' && !abbreviationBefore(line[:i]) {
				out = append(out, strings.TrimSpace(line[start:i+1]))
				start = i + 2
			}
		}
		if rest := strings.TrimSpace(line[start:]); rest != "" {
			out = append(out, rest)
		}
	}
	return out
}

func abbreviationBefore(s string) bool {
	i := strings.LastIndexByte(s, ' ')
	w := s[i+1:]
	switch w {
	case "M", "Mme", "art", "n°", "cf", "etc", "Dr", "p", "ex":
		return true
	}
	return len(w) == 1
}

// onlineServices lists the distinct web addresses of the passages, source
// pages first.
func onlineServices(passages []Result) []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range passages {
		seen[normalizeURL(p.URL)] = true
	}
	for _, p := range passages {
		for _, l := range linkRe.FindAllString(p.Text, -1) {
			l = strings.TrimRight(l, ".,;:!?")
			if n := normalizeURL(l); !seen[n] {
				seen[n] = true
				out = append(out, l)
			}
		}
	}
	if len(out) > 5 {
		out = out[:5]
	}
	return out
}

// writeSources lists the passages as numbered sources, with their address.
func writeSources(b *strings.Builder, passages []Result) {
	for i, p := range passages {
		writeSource(b, i+1, p)
	}
}

// writeSource lists passage p as source n, with its address.
func writeSource(b *strings.Builder, n int, p Result) {
	if p.URL != "" {
		fmt.Fprintf(b, "[%d] %s — %s\n", n, p.Title, p.URL)
	} else {
		fmt.Fprintf(b, "[%d] %s\n", n, p.Title)
	}
}

// writeOnlineServices lists the online services of passages under heading,
// when they have any.
func writeOnlineServices(b *strings.Builder, heading string, passages []Result) {
	links := onlineServices(passages)
	if len(links) == 0 {
		return
	}
	b.WriteString(heading)
	for _, l := range links {
		fmt.Fprintf(b, "- %s\n", l)
	}
}
