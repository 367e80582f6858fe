package ingest

import (
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// readMarkdown reads a Markdown file with optional front matter between
// "---" lines:
//
//	---
//	id: carte-identite
//	title: Carte d'identité
//	url: https://www.service-public.fr/particuliers/vosdroits/N358
//	audience: particuliers
//	service: mairie
//	tags: identité, papiers
//	updated_at: 2024-05-02
//	description: Demander ou renouveler une carte d'identité.
//	---
//
// The title is the front matter's, else the first "#" heading. "##" and
// deeper headings make the heading path (relative to the shallowest level
// used). Lists are rendered "- item" (numbered lists "1. item"), tables one
// row per line with cells separated by " | ", emphasis and code marks are
// removed, and links keep their text followed by their URL in parentheses
// when the URL differs from the text. ExternalID is the front matter's id,
// else name.
func readMarkdown(name string, data []byte) Document {
	doc := Document{Source: "markdown", ExternalID: name}
	lines := splitLines(toUTF8(data))
	lines = frontMatter(lines, &doc)
	p := &mdParser{title: doc.Title}
	p.parse(lines)
	if doc.Title == "" {
		doc.Title = p.title
	}
	if doc.Title == "" {
		doc.Title = name
	}
	doc.Blocks = p.blocks
	return doc
}

// frontMatter parses a leading "---" block into doc and returns the lines
// after it. Unknown keys are ignored; values may be quoted; list keys
// (audience, tags) take "a, b", "[a, b]" or following "- a" lines.
func frontMatter(lines []string, doc *Document) []string {
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != "---" {
		return lines
	}
	end := -1
	for i := 1; i < len(lines) && i < 500; i++ {
		if t := strings.TrimSpace(lines[i]); t == "---" || t == "..." {
			end = i
			break
		}
	}
	if end < 0 {
		return lines
	}
	values := map[string][]string{}
	var key string
	for _, l := range lines[1:end] {
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if strings.HasPrefix(t, "- ") && key != "" {
			values[key] = append(values[key], unquote(strings.TrimSpace(t[2:])))
			continue
		}
		k, v, ok := strings.Cut(t, ":")
		if !ok {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(k))
		if v = strings.TrimSpace(v); v != "" {
			values[key] = append(values[key], v)
		}
	}
	one := func(k string) string {
		if v := values[k]; len(v) > 0 {
			return collapseSpace(unquote(strings.Join(v, " ")))
		}
		return ""
	}
	list := func(k string) []string {
		var out []string
		for _, v := range values[k] {
			out = append(out, splitList(v)...)
		}
		return dedupe(out)
	}
	if id := one("id"); id != "" {
		doc.ExternalID = id
	}
	doc.Title = one("title")
	doc.Description = one("description")
	doc.Service = strings.ToLower(one("service"))
	doc.Audience = lowerAll(list("audience"))
	doc.Tags = list("tags")
	if u, err := checkURL(one("url")); err == nil {
		doc.URL = u
	}
	if t, err := parseDate(one("updated_at")); err == nil {
		doc.UpdatedAt = t
	} else if t, err := parseDate(one("date")); err == nil {
		doc.UpdatedAt = t
	}
	return lines[end+1:]
}

var (
	mdATX       = regexp.MustCompile(`^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$`)
	mdFence     = regexp.MustCompile("^ {0,3}(```+|~~~+)")
	mdItem      = regexp.MustCompile(`^(\s*)([-*+]|\d{1,9}[.)])[ \t]+(.*)$`)
	mdRule      = regexp.MustCompile(`^ {0,3}([-*_])(?:[ \t]*([-*_]))*[ \t]*$`)
	mdSetext1   = regexp.MustCompile(`^ {0,3}=+[ \t]*$`)
	mdSetext2   = regexp.MustCompile(`^ {0,3}-+[ \t]*$`)
	mdTableSep  = regexp.MustCompile(`^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$`)
	mdLinkDef   = regexp.MustCompile(`^ {0,3}\[[^\]]+\]:\s*\S+`)
	mdHTMLBlock = regexp.MustCompile(`^\s*<(!--|/?[a-zA-Z][a-zA-Z0-9-]*[\s/>]|/?[a-zA-Z][a-zA-Z0-9-]*$)`)
)

// mdParser turns Markdown lines into blocks.
type mdParser struct {
	title  string
	blocks []Block
	// heading path by depth, and the shallowest section level in the file.
	heading []string
	base    int

	para  []string   // lines of the current paragraph
	list  [][]string // items of the current list: marker and text, then continuations
	table []string   // rendered rows of the current table
}

func (p *mdParser) parse(lines []string) {
	p.base = p.baseLevel(lines)
	inFence, fence := false, ""
	var code []string
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if inFence {
			if strings.HasPrefix(strings.TrimSpace(l), fence) {
				inFence = false
				p.emit(strings.Join(code, "\n"))
				code = nil
				continue
			}
			if t := strings.TrimRight(l, " \t"); t != "" {
				code = append(code, t)
			}
			continue
		}
		if m := mdFence.FindStringSubmatch(l); m != nil {
			p.flush()
			inFence, fence = true, m[1]
			continue
		}
		t := strings.TrimSpace(l)
		switch {
		case t == "":
			p.flush()
		case strings.HasPrefix(t, "<!--"):
			p.flush()
			for !strings.Contains(lines[i], "-->") && i+1 < len(lines) {
				i++
			}
		case mdATX.MatchString(l):
			m := mdATX.FindStringSubmatch(l)
			p.flush()
			p.headingAt(len(m[1]), mdInline(m[2]))
		case len(p.para) > 0 && mdSetext1.MatchString(l):
			text := mdInline(strings.Join(p.para, " "))
			p.para = nil
			p.headingAt(1, text)
		case len(p.para) > 0 && len(p.list) == 0 && mdSetext2.MatchString(l):
			text := mdInline(strings.Join(p.para, " "))
			p.para = nil
			p.headingAt(2, text)
		case mdRule.MatchString(l) && strings.Count(t, string(t[0])) >= 3:
			p.flush()
		case mdLinkDef.MatchString(l):
			// Reference link definitions are not text.
		case strings.HasPrefix(t, "|") || (len(p.table) > 0 && strings.Contains(t, "|")):
			p.flushPara()
			p.flushList()
			if !mdTableSep.MatchString(t) {
				p.table = append(p.table, tableRow(t))
			}
		case mdItem.MatchString(l):
			m := mdItem.FindStringSubmatch(l)
			p.flushPara()
			p.flushTable()
			indent := strings.Repeat("  ", min(indentWidth(m[1])/2, 6))
			marker := "- "
			if c := m[2][len(m[2])-1]; c == '.' || c == ')' {
				marker = m[2][:len(m[2])-1] + ". "
			}
			p.list = append(p.list, []string{indent + marker + mdInline(m[3])})
		case len(p.list) > 0 && (l[0] == ' ' || l[0] == '\t'):
			// Continuation of the last item.
			last := len(p.list) - 1
			p.list[last] = append(p.list[last], mdInline(t))
		case mdHTMLBlock.MatchString(l) && len(p.para) == 0:
			if s := mdInline(t); s != "" {
				p.para = append(p.para, s)
			}
		default:
			p.flushList()
			p.flushTable()
			for strings.HasPrefix(t, ">") {
				t = strings.TrimSpace(t[1:])
			}
			if t != "" {
				p.para = append(p.para, t)
			}
		}
	}
	if inFence {
		p.emit(strings.Join(code, "\n"))
	}
	p.flush()
}

// baseLevel returns the shallowest heading level used for sections: the
// level of the first "#" heading is skipped when it is the title.
func (p *mdParser) baseLevel(lines []string) int {
	base := 7
	titleSeen := p.title != ""
	for _, l := range lines {
		m := mdATX.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		level := len(m[1])
		if level == 1 && !titleSeen {
			titleSeen = true
			continue
		}
		if level == 1 && mdInline(m[2]) == p.title {
			continue
		}
		base = min(base, level)
	}
	if base == 7 {
		return 2
	}
	return base
}

func indentWidth(s string) int {
	w := 0
	for _, c := range s {
		if c == '\t' {
			w += 4
		} else {
			w++
		}
	}
	return w
}

// headingAt sets the heading of the given level, or the title.
func (p *mdParser) headingAt(level int, text string) {
	if text == "" {
		return
	}
	if level == 1 && p.title == "" {
		p.title = text
		return
	}
	if level == 1 && text == p.title {
		return
	}
	depth := max(level-p.base, 0)
	if depth > len(p.heading) {
		depth = len(p.heading)
	}
	h := make([]string, depth+1)
	copy(h, p.heading[:depth])
	h[depth] = text
	p.heading = h
}

func (p *mdParser) emit(text string) {
	if text != "" {
		p.blocks = append(p.blocks, Block{Heading: p.heading, Text: text})
	}
}

func (p *mdParser) flush() {
	p.flushPara()
	p.flushList()
	p.flushTable()
}

func (p *mdParser) flushPara() {
	if len(p.para) > 0 {
		p.emit(mdInline(strings.Join(p.para, " ")))
		p.para = nil
	}
}

func (p *mdParser) flushList() {
	if len(p.list) > 0 {
		items := make([]string, len(p.list))
		for i, parts := range p.list {
			items[i] = strings.Join(parts, " ")
		}
		p.emit(strings.Join(items, "\n"))
		p.list = nil
	}
}

func (p *mdParser) flushTable() {
	if len(p.table) > 0 {
		p.emit(strings.Join(p.table, "\n"))
		p.table = nil
	}
}

// tableRow renders "| a | b |" as "a | b".
func tableRow(t string) string {
	t = strings.TrimSpace(t)
	t = strings.TrimPrefix(t, "|")
	t = strings.TrimSuffix(t, "|")
	cells := strings.Split(t, "|")
	for i, c := range cells {
		cells[i] = mdInline(c)
	}
	return strings.Join(cells, " | ")
}

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
