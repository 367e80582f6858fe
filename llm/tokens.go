package llm

import "unicode"

// Per-message overhead of the chat format (role markers, separators), as
// counted by OpenAI-style chat templates, plus the reply primer.
const (
	messageOverheadTokens = 4
	replyPrimerTokens     = 3
)

// EstimateTokens returns a conservative estimate of the number of tokens a
// BPE tokenizer (OpenAI, Llama 3, Mistral) makes of s, tuned for French
// administrative text: it tends to overestimate, never to underestimate by
// much, so a prompt trimmed to a budget with it fits.
//
// The heuristic is a word-piece count: a run of letters costs one token per
// 3.5 letters started (accented letters included), a run of digits one per
// 3 digits started, every other visible character (punctuation, symbols,
// brackets of placeholders and citations) one token, and a line break one
// token; spaces are free, as BPE vocabularies attach them to the next word.
func EstimateTokens(s string) int {
	tokens := 0
	letters, digits := 0, 0
	flush := func() {
		// ceil(letters / 3.5) and ceil(digits / 3).
		tokens += (2*letters+6)/7 + (digits+2)/3
		letters, digits = 0, 0
	}
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
			if digits > 0 {
				flush()
			}
			letters++
		case unicode.IsDigit(r):
			if letters > 0 {
				flush()
			}
			digits++
		default:
			flush()
			switch {
			case r == '\n':
				tokens++
			case unicode.IsSpace(r):
			default:
				tokens++
			}
		}
	}
	flush()
	return tokens
}

// EstimateMessagesTokens estimates the prompt tokens of a chat request made of
// msgs: the content of each message, its role and the chat format overhead.
func EstimateMessagesTokens(msgs []Message) int {
	if len(msgs) == 0 {
		return 0
	}
	n := replyPrimerTokens
	for _, m := range msgs {
		n += messageOverheadTokens + EstimateTokens(m.Role) + EstimateTokens(m.Content.s)
	}
	return n
}
