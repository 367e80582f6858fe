package rag

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// plainText is the model's reply as the checks read it and the agent sees
// it: compatibility forms folded (full-width letters, ligatures: NFKC) and
// invisible format characters removed (zero-width spaces, soft hyphens,
// direction marks), so that a prompt, a phone number or an address cannot
// slip past the checks by being written with characters that look the
// same or show nothing.
func plainText(s string) string {
	s = norm.NFKC.String(s)
	if strings.IndexFunc(s, isFormat) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isFormat(r) {
			return -1
		}
		return r
	}, s)
}

// isFormat reports an invisible format character (Unicode category Cf).
func isFormat(r rune) bool {
	return unicode.Is(unicode.Cf, r)
}
