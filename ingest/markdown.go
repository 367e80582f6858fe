package ingest

import (
	"regexp"
	"strings"

	"github.com/plume-sp/plume/store"
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
	text, warning := decodeText(data)
	if warning != "" {
		doc.Warnings = append(doc.Warnings, warning)
	}
	lines := splitLines(text)
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
	doc.Service = store.NormalizeService(one("service"))
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
