package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// frenchAbbrev lists words that a period follows without ending the
// sentence (lower case, without the period). Single letters (initials,
// "M.", "L. 262-2") are handled apart.
var frenchAbbrev = map[string]bool{
	"mm": true, "mme": true, "mmes": true, "mlle": true, "mlles": true, "me": true,
	"mgr": true, "dr": true, "pr": true, "st": true, "ste": true,
	"art": true, "arts": true, "al": true, "alin": true, "chap": true, "cf": true,
	"coll": true, "env": true, "ex": true, "fig": true, "hab": true, "ibid": true,
	"id": true, "min": true, "max": true, "no": true, "nos": true, "num": true,
	"pp": true, "para": true, "paragr": true, "réf": true, "ref": true, "sq": true,
	"tél": true, "tel": true, "vol": true, "vs": true, "op": true, "cit": true,
	"éd": true, "dir": true, "av": true, "bd": true, "boul": true, "fg": true,
	"janv": true, "févr": true, "fév": true, "avr": true, "juil": true, "sept": true,
	"oct": true, "nov": true, "déc": true, "dép": true, "départ": true, "adm": true,
	"admin": true, "apr": true, "j.-c": true, "c.-à-d": true, "cass": true, "civ": true,
	"crim": true, "soc": true, "com": true, "anc": true, "suiv": true, "cod": true,
	"inf": true, "sup": true, "n°": true, "nº": true, "ord": true, "déc-loi": true,
}

// sentences cuts text into sentences: after ".", "!", "?" or "…" (and any
// closing quote or bracket) followed by white space and a capital letter,
// a digit or an opening quote; and at every line break. A period after a
// known abbreviation or a single letter does not end a sentence. Spans
// cover the text without the white space between sentences; the scan is
// linear.
func sentences(text string) []span {
	var out []span
	start := 0
	add := func(end, next int) {
		for start < end && (text[start] == ' ' || text[start] == '\t') {
			start++
		}
		for end > start && (text[end-1] == ' ' || text[end-1] == '\t' || text[end-1] == '\r') {
			end--
		}
		if end > start {
			out = append(out, span{start: start, end: end, runes: utf8.RuneCountInString(text[start:end])})
		}
		start = next
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			add(i, i+size)
			i += size
			continue
		case r == '.' || r == '!' || r == '?' || r == '…':
			j := i + size
			// Closing punctuation that belongs to the sentence.
			for j < len(text) {
				c, n := utf8.DecodeRuneInString(text[j:])
				if c == '"' || c == '»' || c == '”' || c == ')' || c == ']' || c == '\'' || c == '’' || c == '.' || c == '!' || c == '?' {
					j += n
					continue
				}
				// French typography: a (no-break) space before "»".
				if c == ' ' || c == '\u00a0' || c == '\u202f' {
					if c2, n2 := utf8.DecodeRuneInString(text[j+n:]); c2 == '»' || c2 == '”' {
						j += n + n2
						continue
					}
				}
				break
			}
			k := j
			for k < len(text) {
				c, n := utf8.DecodeRuneInString(text[k:])
				if c != ' ' && c != '\t' && c != '\u00a0' && c != '\u202f' {
					break
				}
				k += n
			}
			if k > j && k < len(text) && startsSentence(text[k:]) && !(r == '.' && isAbbrevBefore(text, i)) {
				add(j, k)
				i = k
				continue
			}
		}
		i += size
	}
	add(len(text), len(text))
	return out
}

// startsSentence reports whether s begins like a sentence.
func startsSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '«' || r == '"' || r == '“' || r == '(' || r == '-' || r == '–' || r == '['
}

// isAbbrevBefore reports whether the period at text[dot] follows an
// abbreviation: a known word, a single letter, or a word with inner
// periods ("c.-à-d").
func isAbbrevBefore(text string, dot int) bool {
	start := dot
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:start])
		if unicode.IsSpace(r) || r == '(' || r == '«' || r == '"' || r == '\'' || r == '’' {
			break
		}
		start -= size
		if dot-start > 24 {
			return false
		}
	}
	word := strings.ToLower(text[start:dot])
	if word == "" {
		return false
	}
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		return unicode.IsLetter(r)
	}
	return frenchAbbrev[word]
}
