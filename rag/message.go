package rag

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plume-sp/plume/courtesy"
	"github.com/plume-sp/plume/fold"
	"github.com/plume-sp/plume/redact"
)

// A user's message is not a search query: a greeting, the person's story,
// one or two requests, thanks and a signature. Message analysis splits it
// into sentences, drops the words that only address the administration, and
// weighs each sentence by its part in the request, so that the story's
// incidental words (a town, a car model, a relative's job) count less than
// the words of the question.

// Sentence is a part of a message with its weight in the search.
type Sentence struct {
	Text   string
	Weight float64
}

// Sentence weights: a request (a question, "je voudrais savoir", "how can
// I") counts fully, the context around it less. A message with no
// recognisable request weighs every sentence as a request.
const (
	requestWeight = 1.0
	contextWeight = 0.5
	// minContentWords is how many words a sentence keeps after dropping
	// courtesy words to count at all ("Bonjour Madame," does not).
	minContentWords = 2
)

// SplitMessage returns the sentences of a message that say something, with
// their weights. Courtesy words are removed from the text of each sentence.
func SplitMessage(text string) []Sentence {
	var out []Sentence
	for _, s := range sentenceSpans(text) {
		words := make([]string, len(s.words))
		for j, w := range s.words {
			words[j] = text[w.start:w.end]
		}
		out = append(out, Sentence{Text: strings.Join(words, " "), Weight: s.weight})
	}
	return out
}

// part is a sentence of a redacted message, as SplitMessage gives it.
type part struct {
	text   redact.Text
	weight float64
	// whole is the sentence as written, its courtesy and English function
	// words kept (the cues read it: « what do you think », « il a été
	// accepté »); empty for a query the rewriter wrote, whose text is
	// whole.
	whole redact.Text
}

// splitRedacted is SplitMessage of a redacted message: its sentences are
// cut from the redacted text, so they are redacted text too.
func splitRedacted(t redact.Text) []part {
	spans := sentenceSpans(t.String())
	out := make([]part, len(spans))
	for i, s := range spans {
		words := make([]redact.Text, len(s.words))
		for j, w := range s.words {
			words[j] = t.Slice(w.start, w.end)
		}
		out[i] = part{text: redact.Join(words, redact.Space), weight: s.weight, whole: t.Slice(s.whole.start, s.whole.end)}
	}
	return out
}

// span is a piece of a text, by byte offsets.
type span struct{ start, end int }

// sentenceSpan is a sentence of a message that says something: the spans
// of its words other than courtesy, and its weight.
type sentenceSpan struct {
	words  []span
	weight float64
	// whole is the sentence's span, every word kept.
	whole span
}

// sentenceSpans finds the sentences of SplitMessage in text.
func sentenceSpans(text string) []sentenceSpan {
	var out []sentenceSpan
	hasRequest := false
	for _, sentence := range messageSentences(text) {
		raw := text[sentence.start:sentence.end]
		var kept []span
		var words []string
		for _, w := range fieldSpans(raw) {
			if word := raw[w.start:w.end]; !isCourtesy(word) {
				kept = append(kept, span{sentence.start + w.start, sentence.start + w.end})
				words = append(words, word)
			}
		}
		if contentWords(words) < minContentWords {
			continue
		}
		weight := contextWeight
		if isRequest(raw) {
			weight, hasRequest = requestWeight, true
		}
		out = append(out, sentenceSpan{words: kept, weight: weight, whole: sentence})
	}
	if !hasRequest {
		for i := range out {
			out[i].weight = requestWeight
		}
	}
	return out
}

// fieldSpans are the spans of strings.Fields(s).
func fieldSpans(s string) []span {
	var out []span
	start := -1
	for i, r := range s {
		switch {
		case unicode.IsSpace(r) && start >= 0:
			out = append(out, span{start, i})
			start = -1
		case !unicode.IsSpace(r) && start < 0:
			start = i
		}
	}
	if start >= 0 {
		out = append(out, span{start, len(s)})
	}
	return out
}

// messageSentences cuts a message at sentence ends and line breaks,
// whatever the case of the next letter (users seldom capitalise), and
// returns the spans of the sentences, trimmed.
func messageSentences(text string) []span {
	var out []span
	start := 0
	flush := func(end int) {
		s := text[start:end]
		if trimmed := strings.TrimSpace(s); trimmed != "" {
			from := start + len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace))
			out = append(out, span{from, from + len(trimmed)})
		}
		start = end
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch r {
		case '\n', '?', '!', ';':
			flush(i)
		case '.':
			// "M. Dupont", "art. 12" and "3.5" do not end a sentence.
			if i < len(text) && (text[i] == ' ' || text[i] == '\n') && !abbreviationBefore(text[start:i-1]) {
				flush(i)
			}
		}
	}
	flush(len(text))
	return out
}

// contentWords counts the words of more than two letters.
func contentWords(words []string) int {
	n := 0
	for _, w := range words {
		if utf8.RuneCountInString(strings.TrimFunc(w, isPunct)) > 2 {
			n++
		}
	}
	return n
}

func isPunct(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// isCourtesy reports whether a word only addresses or thanks the reader,
// or is an English function word that the French analysis would keep.
func isCourtesy(w string) bool {
	return courtesy.Of(fold.Words(strings.TrimFunc(w, isPunct)))&(courtesy.Greeting|courtesy.Signature|courtesy.English) != 0
}

// isRequest reports whether a sentence asks something.
func isRequest(s string) bool {
	if strings.ContainsRune(s, '?') {
		return true
	}
	f := " " + fold.Words(s) + " "
	for _, cue := range requestCues {
		if strings.Contains(f, cue) {
			return true
		}
	}
	return false
}

// requestCues are folded phrases that introduce a request.
var requestCues = []string{
	" je voudrais savoir ", " j aimerais savoir ", " je souhaite savoir ", " je souhaiterais savoir ",
	" savoir si ", " savoir comment ", " savoir quand ", " savoir combien ", " savoir quel", " savoir ou ",
	" est ce que ", " est ce qu ", " comment ", " combien ", " quelles ", " quels ", " quelle ", " quel ",
	" ai je droit ", " ai je le droit ", " puis je ", " dois je ", " peut on ", " faut il ", " a t on ",
	" pouvez vous ", " pourriez vous ", " pouvez vous m ", " pourriez vous m ", " merci de m indiquer ",
	" je voudrais ", " je souhaite ", " je souhaiterais ", " j aimerais ", " je cherche ", " je demande ",
	" que faire ", " quoi faire ", " je dois faire quoi ", " c est possible ", " est il possible ",
	" a qui ", " aupres de qui ", " quelle demarche ", " quelles demarches ", " je ne sais pas ", " je sais pas ",
	" jsp ", " svp ", " stp ", " how ", " what ", " can i ", " do i ", " should i ", " where ", " which ",
	" is it ", " am i ", " could you ", " i would like ", " i need ", " i want ",
}
