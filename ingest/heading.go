package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Formats without markup (JSONL fiches, plain text, PDF text layers) carry
// their section titles as ordinary lines: "Qui est concerné ?",
// "Définition", "Faire la demande". These helpers tell such lines from body
// text and list items.

const (
	maxHeadingRunes = 90
	maxHeadingWords = 14
)

// looksLikeHeading reports whether line, on its own, has the shape of a
// section title: short, starting with a capital letter, and not ending like
// a sentence or a list item (".", ",", ";", ":", "…", "!"). A question mark
// is allowed: fiches title their sections with questions.
func looksLikeHeading(line string) bool {
	n := utf8.RuneCountInString(line)
	if n < 3 || n > maxHeadingRunes {
		return false
	}
	first, _ := utf8.DecodeRuneInString(line)
	if !unicode.IsUpper(first) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	switch last {
	case '.', ',', ';', ':', '…', '!', '-', '–', '—', '/', '(', '«', '"', '+', '=', '*':
		return false
	}
	if unicode.IsDigit(last) && strings.ContainsAny(line, "€%") {
		return false
	}
	if strings.Contains(line, "€") || strings.Contains(line, "http") || strings.Contains(line, " | ") {
		return false
	}
	if len(strings.Fields(line)) > maxHeadingWords {
		return false
	}
	return true
}

// endsSentence reports whether a line ends a sentence (".", "!", "?", "…",
// possibly followed by closing quotes or brackets).
func endsSentence(line string) bool {
	line = strings.TrimRight(line, " )]»\"”’'")
	last, _ := utf8.DecodeLastRuneInString(line)
	return last == '.' || last == '!' || last == '?' || last == '…'
}

// structureLines turns the non-empty lines of a flat text into blocks: a
// line that looks like a heading starts a section when it comes first or
// after a line that ends a sentence (not after a list item or a list
// introduction). Two consecutive heading lines form a two-level
// path ("Conditions" then "Salariés concernés"); in a run of three or more,
// only the first is a heading and the rest (a list, table cells) is body.
// A heading needs body text after it. Lines of punctuation only (".", ")")
// are glued to the line before.
func structureLines(lines []string) []Block {
	lines = glueDebris(lines)
	isHead := make([]bool, len(lines))
	for i, l := range lines {
		isHead[i] = looksLikeHeading(l) && (i == 0 || isHead[i-1] || endsSentence(lines[i-1]))
	}
	var blocks []Block
	var heading []string
	for i := 0; i < len(lines); {
		if !isHead[i] {
			blocks = append(blocks, Block{Heading: heading, Text: lines[i]})
			i++
			continue
		}
		j := i
		for j < len(lines) && isHead[j] {
			j++
		}
		run := j - i
		switch {
		case j == len(lines):
			// Nothing follows: these are body lines.
			for ; i < j; i++ {
				blocks = append(blocks, Block{Heading: heading, Text: lines[i]})
			}
			continue
		case run <= 2:
			heading = append([]string(nil), lines[i:j]...)
		default:
			heading = []string{lines[i]}
			for k := i + 1; k < j; k++ {
				blocks = append(blocks, Block{Heading: heading, Text: lines[k]})
			}
		}
		i = j
	}
	return blocks
}

// glueDebris appends lines made only of punctuation to the line before (a
// link removed from the text often leaves its final "." alone).
func glueDebris(lines []string) []string {
	out := make([]string, 0, len(lines))
	var cur strings.Builder
	for i, l := range lines {
		if i > 0 && !isDebris(l) {
			out = append(out, cur.String())
			cur.Reset()
		}
		cur.WriteString(l)
	}
	if len(lines) > 0 {
		out = append(out, cur.String())
	}
	return out
}

func isDebris(s string) bool {
	if s == "" || len(s) > 3 {
		return false
	}
	for _, r := range s {
		if !unicode.IsPunct(r) {
			return false
		}
	}
	return true
}
