package rag

import (
	"regexp"
	"strings"
)

// spanScan finds the spans of a pattern (links, e-mails, phone numbers,
// citations) in a draft as it grows while it is streamed: each call reads
// again only the text from the last restart point before the first
// change (restartBefore) and keeps the spans found before it, so that the
// cost of a whole stream is linear in the draft's length, not quadratic;
// what it finds is what spans finds in the whole text. Not safe for
// concurrent use.
type spanScan struct {
	// spans finds the spans of text that start at or after from, as in
	// the whole text; it may read the text before from. Its spans must
	// not cross a restart point, nor depend on the text beyond it, so
	// that at a restart point r, spans(text, 0) is spans(text[:r], 0)
	// followed by spans(text, r).
	spans func(text string, from int) [][]int
	// text is the text last scanned, found its spans.
	text  string
	found [][2]int
	// scanned counts the bytes given to spans.
	scanned int
}

// find returns the spans of text, as s.spans finds them in the whole of
// it. The result is valid until the next call.
func (s *spanScan) find(text string) [][2]int {
	r := restartBefore(text, commonPrefix(s.text, text))
	n := 0
	for n < len(s.found) && s.found[n][0] < r {
		n++
	}
	found := s.found[:n]
	for _, loc := range s.spans(text, r) {
		found = append(found, [2]int{loc[0], loc[1]})
	}
	s.scanned += len(text) - r
	s.text, s.found = text, found
	return found
}

// regexSpans returns the spans function of re.
func regexSpans(re *regexp.Regexp) func(string, int) [][]int {
	return func(text string, from int) [][]int {
		spans := re.FindAllStringIndex(text[from:], -1)
		for _, s := range spans {
			s[0], s[1] = s[0]+from, s[1]+from
		}
		return spans
	}
}

// restartBefore returns the last restart point of text at or before p,
// or 0.
func restartBefore(text string, p int) int {
	for r := p; r > 1; r-- {
		if restartAt(text, r) {
			return r
		}
	}
	return 0
}

// restartAt reports whether a scan may restart at r: text[r-1] is white
// space (of the regular expressions' \s) after a letter or « .!?: ». No
// span of the checks holds both: links and e-mails have no white space,
// a phone number has white space only after a digit, « + » or « ) », a
// citation marker only after a digit, « , », « ; » or white space; and
// none starts with white space. A span before r then ends before r - 1,
// and one from r starts after white space, as at the start of a text.
func restartAt(text string, r int) bool {
	if strings.IndexByte(" \t\n\r\f", text[r-1]) < 0 {
		return false
	}
	c := text[r-2]
	lower := c | 0x20
	return c >= 0x80 || 'a' <= lower && lower <= 'z' || strings.IndexByte(".!?:", c) >= 0
}

// commonPrefix returns the length of the longest common prefix of a and
// b, comparing blocks first: a stream's texts mostly share all but their
// end.
func commonPrefix(a, b string) int {
	const block = 64
	n := min(len(a), len(b))
	i := 0
	for i+block <= n && a[i:i+block] == b[i:i+block] {
		i += block
	}
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

// replaceSpans replaces each span of text (in order, not overlapping) by
// fn's answer.
func replaceSpans(text string, spans [][2]int, fn func(string) string) string {
	if len(spans) == 0 {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	last := 0
	for _, loc := range spans {
		b.WriteString(text[last:loc[0]])
		b.WriteString(fn(text[loc[0]:loc[1]]))
		last = loc[1]
	}
	b.WriteString(text[last:])
	return b.String()
}
