package ingest

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// mdInline converts Markdown inline syntax to plain text.
func mdInline(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	mdInlineTo(&b, s, 0)
	return collapseSpace(b.String())
}

const (
	maxInlineDepth = 8
	// Bounds on how far a construct is looked for, which keeps hostile
	// input ("[[[[…", "<<<<…") linear: CommonMark itself limits link labels
	// to 999 characters.
	maxLinkScan = 2000
	maxCodeScan = 20000
	maxTagScan  = 1000
)

// window returns s[i:] cut to at most n bytes.
func window(s string, i, n int) string {
	if len(s)-i > n {
		return s[i : i+n]
	}
	return s[i:]
}

func mdInlineTo(b *strings.Builder, s string, depth int) {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			b.WriteByte(s[i+1])
			i += 2
		case c == '`':
			n := runLen(s, i, '`')
			if end := strings.Index(window(s, i+n, maxCodeScan), s[i:i+n]); end >= 0 {
				b.WriteString(strings.TrimSpace(s[i+n : i+n+end]))
				i += n + end + n
				continue
			}
			b.WriteString(s[i : i+n])
			i += n
		case c == '!' && i+1 < len(s) && s[i+1] == '[':
			if text, _, next, ok := parseLink(s, i+1); ok {
				if depth < maxInlineDepth {
					mdInlineTo(b, text, depth+1)
				}
				i = next
				continue
			}
			b.WriteByte(c)
			i++
		case c == '[':
			text, dest, next, ok := parseLink(s, i)
			if !ok {
				b.WriteByte(c)
				i++
				continue
			}
			var inner strings.Builder
			if depth < maxInlineDepth {
				mdInlineTo(&inner, text, depth+1)
			}
			label := collapseSpace(inner.String())
			b.WriteString(label)
			if dest != "" && dest != label && !strings.HasPrefix(dest, "#") && strings.TrimPrefix(strings.TrimPrefix(dest, "mailto:"), "tel:") != label {
				if label != "" {
					b.WriteString(" (")
					b.WriteString(dest)
					b.WriteByte(')')
				} else {
					b.WriteString(dest)
				}
			}
			i = next
		case c == '<':
			end := strings.IndexByte(window(s, i, maxTagScan), '>')
			if end < 0 {
				b.WriteByte(c)
				i++
				continue
			}
			inner := s[i+1 : i+end]
			switch {
			case isAutolink(inner):
				b.WriteString(strings.TrimPrefix(inner, "mailto:"))
			case isTag(inner):
				b.WriteByte(' ')
			default:
				b.WriteByte(c)
				i++
				continue
			}
			i += end + 1
		case c == '*' || c == '_' || c == '~':
			n := runLen(s, i, c)
			if !isEmphasis(s, i, n, c) {
				b.WriteString(s[i : i+n])
			}
			i += n
		case c == '&':
			end := strings.IndexByte(s[i:], ';')
			if end > 1 && end <= 10 {
				ent := s[i : i+end+1]
				if u := html.UnescapeString(ent); u != ent {
					b.WriteString(u)
					i += end + 1
					continue
				}
			}
			b.WriteByte(c)
			i++
		default:
			b.WriteByte(c)
			i++
		}
	}
}

func isASCIIPunct(c byte) bool {
	return c < utf8.RuneSelf && unicode.IsPunct(rune(c)) || strings.IndexByte("$+<=>^`|~", c) >= 0
}

func runLen(s string, i int, c byte) int {
	n := 0
	for i+n < len(s) && s[i+n] == c {
		n++
	}
	return n
}

// parseLink parses "[text](dest "title")" or "[text][ref]" at s[i] == '['.
// It returns the text, the destination (empty for reference links) and the
// index after the link.
func parseLink(s string, i int) (text, dest string, next int, ok bool) {
	depth := 0
	j := i
	limit := min(len(s), i+maxLinkScan)
	for ; j < limit; j++ {
		switch s[j] {
		case '\\':
			j++
			continue
		case '[':
			depth++
		case ']':
			depth--
		}
		if depth == 0 {
			break
		}
	}
	if j >= limit {
		return "", "", 0, false
	}
	text = s[i+1 : j]
	rest := s[j+1:]
	switch {
	case strings.HasPrefix(rest, "("):
		end := matchParen(window(rest, 0, maxLinkScan))
		if end < 0 {
			return "", "", 0, false
		}
		inner := strings.TrimSpace(rest[1:end])
		if strings.HasPrefix(inner, "<") {
			if k := strings.IndexByte(inner, '>'); k > 0 {
				inner = inner[1:k]
			}
		} else if k := strings.IndexAny(inner, " \t"); k >= 0 {
			inner = inner[:k]
		}
		return text, inner, j + 1 + end + 1, true
	case strings.HasPrefix(rest, "["):
		end := strings.IndexByte(window(rest, 0, maxLinkScan), ']')
		if end < 0 {
			return "", "", 0, false
		}
		return text, "", j + 1 + end + 1, true
	}
	return "", "", 0, false
}

// matchParen returns the index of the ")" closing the "(" at s[0].
func matchParen(s string) int {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

func isAutolink(s string) bool {
	if strings.ContainsAny(s, " \t<") {
		return false
	}
	if k := strings.Index(s, "://"); k > 1 {
		return true
	}
	return strings.HasPrefix(s, "mailto:") || (strings.Count(s, "@") == 1 && strings.Contains(s, "."))
}

func isTag(s string) bool {
	if s == "" {
		return false
	}
	if s[0] == '/' || s[0] == '!' {
		s = s[1:]
	}
	if s == "" || !(s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z') {
		return false
	}
	return true
}

// isEmphasis reports whether the run of n characters c at s[i] opens or
// closes emphasis (or strike-through) rather than being literal, following
// CommonMark's flanking rules in a simplified way: a run with white space
// on both sides is literal, and "_" inside a word is literal.
func isEmphasis(s string, i, n int, c byte) bool {
	if c == '~' && n < 2 {
		return false
	}
	before, after := ' ', ' '
	if i > 0 {
		before, _ = utf8.DecodeLastRuneInString(s[:i])
	}
	if i+n < len(s) {
		after, _ = utf8.DecodeRuneInString(s[i+n:])
	}
	spaceBefore, spaceAfter := unicode.IsSpace(before), unicode.IsSpace(after)
	if spaceBefore && spaceAfter {
		return false
	}
	if c == '_' && isWordRune(before) && isWordRune(after) {
		return false
	}
	if c == '*' && unicode.IsDigit(before) && unicode.IsDigit(after) {
		return false
	}
	return true
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
