package triage

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plume-sp/plume/fold"
)

// sentenceEnds returns the byte offsets in text where its sentences end,
// before the spaces that follow them. A line break alone is a space: an
// e-mail wrapped at a fixed width (« je veux me\nsuicider ») breaks its
// sentences anywhere. A sentence ends at punctuation followed by a space,
// and at a line break that ends a paragraph (breaksSentence).
func sentenceEnds(text string) []int {
	var ends []int
	for _, loc := range sentenceEnd.FindAllStringIndex(text, -1) {
		if isLineBreak(text[loc[0]:]) && !breaksSentence(text, loc[0], loc[1]) {
			continue
		}
		end := loc[1]
		for end > loc[0] && strings.IndexByte(" \t\r\n", text[end-1]) >= 0 {
			end--
		}
		ends = append(ends, end)
	}
	return ends
}

// isLineBreak reports whether s starts with a line break.
func isLineBreak(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029'
}

// breaksSentence reports whether the line break text[i:j] ends a
// sentence: it is a paragraph separator (U+2029), the line after it is
// blank (spaces and invisible characters only) or the text's end, or
// that line starts a list item (« - », « • », « 2. », « 3) »).
func breaksSentence(text string, i, j int) bool {
	if strings.HasPrefix(text[i:], "\u2029") {
		return true
	}
	rest := strings.TrimLeftFunc(text[j:], func(r rune) bool { return r == ' ' || r == '\t' || fold.Invisible(r) })
	return rest == "" || isLineBreak(rest) || listItem(rest)
}

// listItem reports whether line starts with a list marker followed by a
// space: a bullet or dash, or a number of one or two digits followed by
// « . » or « ) ».
func listItem(line string) bool {
	r, size := utf8.DecodeRuneInString(line)
	if strings.ContainsRune("-*•◦▪‣–—·", r) {
		return startsWithSpace(line[size:])
	}
	digits := 0
	for digits < len(line) && digits < 3 && '0' <= line[digits] && line[digits] <= '9' {
		digits++
	}
	if digits == 0 || digits > 2 || digits == len(line) || (line[digits] != '.' && line[digits] != ')') {
		return false
	}
	return startsWithSpace(line[digits+1:])
}

func startsWithSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}
