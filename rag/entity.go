package rag

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plume-sp/plume/courtesy"
	"github.com/plume-sp/plume/fold"
	"github.com/plume-sp/plume/store"
)

// A short question that names a town, a shop or a brand the knowledge base
// barely knows (« pharmacie de garde ce soir Toulouse », « Ikea livre-t-il
// le dimanche », « prix du pass Navigo ») asks about that one thing: its few
// other words are all in some page, which then looks like an answer. The
// name is a word written with a capital inside a sentence (not its first
// word, not an acronym) whose analysed word is in at most entityShare of
// the documents, or in none. Long messages name towns and offices in their
// stories, so only questions of at most shortTerms distinct words are read.
// Such a question's first document counts as reliable only when its score
// clears the threshold by entityMargin in logit (reliable).
const (
	shortTerms   = 16
	entityShare  = 0.02
	entityMargin = 1.0
)

// rareEntity says (1 or 0) whether a short message, analysed as qs with
// sentence weights, names in request (its request sentences as written,
// one a line) a capitalised word that at most entityShare of the
// documents hold.
func rareEntity(request string, qs store.QueryStats, weights []float64) float64 {
	words := 0
	for _, t := range qs.Terms {
		words += int(b2f(t.Lexemes <= 1))
	}
	if words > shortTerms {
		return 0
	}
	limit := entityShare * float64(qs.Documents)
	for _, w := range inSentenceCapitals(request) {
		if courtesyWord(w) {
			continue
		}
		if float64(wordDDF(fold.String(w), qs, weights)) <= limit {
			return 1
		}
	}
	return 0
}

// courtesyWord says whether every part of word (« Votre »,
// « Pourriez-Vous », « Madame ») is a courtesy or function word, which a
// writer capitalises out of politeness: no name.
func courtesyWord(word string) bool {
	for _, part := range strings.Split(fold.String(word), "-") {
		if part != "" && courtesy.Of(part) == 0 {
			return false
		}
	}
	return true
}

// wordDDF is the largest document frequency of the request's words whose
// lexeme (three letters or more) starts word, folded: the stem of the word
// (0 when none does).
func wordDDF(word string, qs store.QueryStats, weights []float64) int {
	ddf := 0
	for _, t := range qs.Terms {
		if t.Lexemes <= 1 && len(t.Lexeme) >= 3 && termWeight(t, weights) >= requestWeight && strings.HasPrefix(word, t.Lexeme) {
			ddf = max(ddf, t.DDF)
		}
	}
	return ddf
}

// inSentenceCapitals returns the words of text (letters, digits, hyphens)
// of three letters or more that start with a capital and are not all
// capitals, other than the first word of a sentence (after a line break,
// ".", "?" or "!").
func inSentenceCapitals(text string) []string {
	var out []string
	first := true
	for _, tok := range strings.FieldsFunc(text, func(r rune) bool { return !isNameRune(r) && !isSentenceEnd(r) }) {
		for tok != "" {
			end := strings.IndexFunc(tok, isSentenceEnd)
			word := tok
			if end >= 0 {
				word = tok[:end]
			}
			if word != "" {
				if !first && isNameWord(word) {
					out = append(out, word)
				}
				first = false
			}
			if end < 0 {
				break
			}
			first, tok = true, tok[end+1:]
		}
	}
	return out
}

// isNameRune says whether r is part of a word a name may be.
func isNameRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_'
}

// isSentenceEnd says whether r ends a sentence.
func isSentenceEnd(r rune) bool { return r == '.' || r == '?' || r == '!' || r == '\n' }

// isNameWord says whether word looks like a name: three letters or more,
// a capital first, not all capitals (an acronym: CAF, RER).
func isNameWord(word string) bool {
	r, _ := utf8.DecodeRuneInString(word)
	return utf8.RuneCountInString(word) >= 3 && unicode.IsUpper(r) && strings.ToUpper(word) != word
}

// decide says whether a document of features f whose score is score
// counts as reliable from threshold: a short question naming a rare name
// (Features.Entity) asks for entityMargin more, in logit.
func decide(score, threshold float64, f Features) bool {
	if score < threshold {
		return false
	}
	return f.Entity == 0 || logOdds(score) >= logOdds(threshold)+entityMargin
}

// logOdds is the log-odds of p, kept finite.
func logOdds(p float64) float64 {
	p = math.Min(math.Max(p, 1e-9), 1-1e-9)
	return math.Log(p / (1 - p))
}
