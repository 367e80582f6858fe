package ingest

import (
	"strings"
	"unicode/utf8"
)

// readText reads plain text: the first non-empty line is the title and
// paragraphs are separated by blank lines. The lines of a paragraph are
// joined by spaces (hard-wrapped text), except list items ("- ", "* ",
// "• ", "1. ") which keep their own line. A paragraph of one short line
// shaped like a title ("Qui est concerné ?") becomes a heading. The
// encoding is UTF-8, else Windows-1252 (see decodeText).
func readText(name string, data []byte) Document {
	doc := Document{Source: "text", ExternalID: name}
	text, warning := decodeText(data)
	if warning != "" {
		doc.Warnings = append(doc.Warnings, warning)
	}
	paras := paragraphs(splitLines(text))
	if len(paras) > 0 && len(paras[0]) > 0 {
		// The title is the first line only; the rest of its paragraph is body.
		doc.Title = paras[0][0]
		paras[0] = paras[0][1:]
	}
	var lines []string
	for _, p := range paras {
		if len(p) > 0 {
			lines = append(lines, joinParagraph(p))
		}
	}
	doc.Blocks = structureParagraphs(lines)
	if doc.Title == "" {
		doc.Title = name
	}
	return doc
}

// paragraphs groups collapsed non-empty lines into runs separated by blank
// lines.
func paragraphs(lines []string) [][]string {
	var out [][]string
	var cur []string
	for _, l := range lines {
		l = collapseSpace(l)
		if l == "" {
			if len(cur) > 0 {
				out = append(out, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, l)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// joinParagraph joins wrapped lines with spaces and keeps list items on
// lines of their own, rendered "- item".
func joinParagraph(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		item, isItem := listItem(l)
		switch {
		case i == 0:
		case isItem:
			b.WriteByte('\n')
		default:
			b.WriteByte(' ')
		}
		if isItem {
			b.WriteString(item)
			continue
		}
		b.WriteString(l)
	}
	return b.String()
}

// listItem recognises "- x", "* x", "+ x", "• x" (rendered "- x") and
// "1. x", "1) x" (rendered "1. x").
func listItem(l string) (string, bool) {
	for _, p := range []string{"- ", "* ", "+ ", "• ", "– ", "— "} {
		if strings.HasPrefix(l, p) {
			return "- " + strings.TrimSpace(l[len(p):]), true
		}
	}
	i := 0
	for i < len(l) && i < 4 && l[i] >= '0' && l[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(l) && (l[i] == '.' || l[i] == ')') && l[i+1] == ' ' {
		return l[:i] + ". " + strings.TrimSpace(l[i+2:]), true
	}
	return "", false
}

// structureParagraphs makes blocks of paragraphs, turning short one-line
// title-shaped paragraphs into a one-level heading path.
func structureParagraphs(paras []string) []Block {
	var blocks []Block
	var heading []string
	for i, p := range paras {
		if i+1 < len(paras) && !strings.Contains(p, "\n") && looksLikeHeading(p) && utf8.RuneCountInString(p) <= maxHeadingRunes {
			heading = []string{p}
			continue
		}
		blocks = append(blocks, Block{Heading: heading, Text: p})
	}
	return blocks
}
