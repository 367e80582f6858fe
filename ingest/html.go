package ingest

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// htmlReader decodes a page: by its byte order mark or the charset its
// first 1024 bytes declare (the WHATWG rules), else as decodeText does, so
// that UTF-8 with a bad byte is not read whole as Windows-1252; warning
// then says what was repaired.
func htmlReader(data []byte) (r io.Reader, warning string, err error) {
	head := data[:min(len(data), 1024)]
	if _, _, certain := charset.DetermineEncoding(data, "text/html"); certain ||
		bytes.Contains(bytes.ToLower(head), []byte("charset")) {
		r, err := charset.NewReader(bytes.NewReader(data), "text/html")
		return r, "", err
	}
	text, warning := decodeText(data)
	return strings.NewReader(text), warning, nil
}

// maxHTMLDepth bounds the element nesting walked; deeper content is
// ignored (hostile input).
const maxHTMLDepth = 256

// htmlSkip lists elements that are never content.
var htmlSkip = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true,
	atom.Embed: true, atom.Canvas: true, atom.Audio: true, atom.Video: true,
	atom.Button: true, atom.Select: true, atom.Textarea: true, atom.Input: true,
	atom.Head: true, atom.Img: true, atom.Picture: true, atom.Dialog: true,
}

// htmlChrome lists page furniture dropped when the page has no <main>,
// <article> or role="main".
var htmlChrome = map[atom.Atom]bool{
	atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Form: true,
}

// readHTML reads the main content of an HTML page: <main>, else the first
// <article>, else the element with role="main", else <body> without its
// navigation, header, footer, asides, scripts, styles and forms. The first
// <h1> is the title (else <title>); <h2>…<h6> make the heading path;
// paragraphs, list items (rendered "- item") and table rows ("a | b") make
// blocks. <meta name="description"> and <link rel="canonical"> fill
// Description and URL. The encoding is taken from the BOM or the <meta>
// charset, else from the content as for text files (decodeText).
func readHTML(name string, data []byte) (Document, error) {
	r, warning, err := htmlReader(data)
	if err != nil {
		return Document{}, fmt.Errorf("html encoding: %w", err)
	}
	root, err := html.Parse(r)
	if err != nil {
		// x/net/html's errors already say "html: ".
		return Document{}, err
	}
	doc := Document{Source: "html", ExternalID: name}
	if warning != "" {
		doc.Warnings = append(doc.Warnings, warning)
	}
	var pageTitle string
	var body *html.Node
	main := findMain(root)
	walkHTML(root, 0, func(n *html.Node) bool {
		switch n.DataAtom {
		case atom.Title:
			if pageTitle == "" {
				pageTitle = htmlText(n)
			}
		case atom.Meta:
			if strings.EqualFold(attr(n, "name"), "description") && doc.Description == "" {
				doc.Description = collapseSpace(attr(n, "content"))
			}
		case atom.Link:
			if hasToken(attr(n, "rel"), "canonical") && doc.URL == "" {
				if u, err := checkURL(attr(n, "href")); err == nil {
					doc.URL = u
				}
			}
		case atom.Body:
			if body == nil {
				body = n
			}
		}
		return true
	})
	content, chrome := main, false
	if content == nil {
		content, chrome = body, true
	}
	if content == nil {
		content = root
	}
	h := &htmlRenderer{dropChrome: chrome}
	h.block(content, 0)
	h.flushInline()
	doc.Blocks = h.blocks
	doc.Title = h.title
	if doc.Title == "" {
		doc.Title = pageTitle
	}
	if doc.Title == "" {
		doc.Title = name
	}
	return doc, nil
}

// findMain returns <main>, else the first <article>, else the first element
// with role="main", or nil.
func findMain(root *html.Node) *html.Node {
	var mainEl, article, role *html.Node
	walkHTML(root, 0, func(n *html.Node) bool {
		switch {
		case n.DataAtom == atom.Main && mainEl == nil:
			mainEl = n
		case n.DataAtom == atom.Article && article == nil:
			article = n
		case role == nil && strings.EqualFold(attr(n, "role"), "main"):
			role = n
		}
		return mainEl == nil
	})
	switch {
	case mainEl != nil:
		return mainEl
	case article != nil:
		return article
	}
	return role
}

// walkHTML calls fn on every element in document order, up to
// maxHTMLDepth, until fn returns false.
func walkHTML(n *html.Node, depth int, fn func(*html.Node) bool) bool {
	if depth > maxHTMLDepth {
		return true
	}
	if n.Type == html.ElementNode && !fn(n) {
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if !walkHTML(c, depth+1, fn) {
			return false
		}
	}
	return true
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func hasToken(list, token string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, token) {
			return true
		}
	}
	return false
}

// htmlText returns the collapsed text of n's subtree, skipping non-content
// elements.
func htmlText(n *html.Node) string {
	var b strings.Builder
	appendHTMLText(&b, n, 0)
	return collapseSpace(b.String())
}

func appendHTMLText(b *strings.Builder, n *html.Node, depth int) {
	if depth > maxHTMLDepth {
		return
	}
	switch n.Type {
	case html.TextNode:
		b.WriteString(n.Data)
		return
	case html.ElementNode:
		if isHidden(n) {
			return
		}
		if htmlSkip[n.DataAtom] {
			if n.DataAtom == atom.Img {
				b.WriteString(attr(n, "alt"))
			}
			return
		}
		if n.DataAtom == atom.Br {
			b.WriteByte(' ')
			return
		}
	}
	sep := n.Type == html.ElementNode && !isInlineHTML(n.DataAtom)
	if sep {
		b.WriteByte(' ')
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		appendHTMLText(b, c, depth+1)
	}
	if sep {
		b.WriteByte(' ')
	}
}

// isHidden reports an element hidden from readers (hidden attribute,
// aria-hidden="true").
func isHidden(n *html.Node) bool {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, "hidden") || strings.EqualFold(a.Key, "aria-hidden") && strings.EqualFold(a.Val, "true") {
			return true
		}
	}
	return false
}

// inlineHTML lists phrasing elements: their text stays in the flow.
var inlineHTML = map[atom.Atom]bool{
	atom.A: true, atom.Abbr: true, atom.B: true, atom.Bdi: true, atom.Bdo: true,
	atom.Cite: true, atom.Code: true, atom.Data: true, atom.Dfn: true, atom.Em: true,
	atom.I: true, atom.Kbd: true, atom.Mark: true, atom.Q: true, atom.S: true,
	atom.Samp: true, atom.Small: true, atom.Span: true, atom.Strong: true, atom.Sub: true,
	atom.Sup: true, atom.Time: true, atom.U: true, atom.Var: true, atom.Wbr: true,
	atom.Del: true, atom.Ins: true, atom.Label: true, atom.Font: true, atom.Strike: true,
	atom.Big: true, atom.Tt: true, atom.Acronym: true, atom.Br: true, atom.Img: true,
}

func isInlineHTML(a atom.Atom) bool { return inlineHTML[a] }

// htmlRenderer collects blocks from the content subtree.
type htmlRenderer struct {
	dropChrome bool
	title      string
	blocks     []Block
	heading    []string
	inline     strings.Builder
}

func (h *htmlRenderer) emit(text string) {
	if text == "" {
		return
	}
	h.blocks = append(h.blocks, Block{Heading: h.heading, Text: text})
}

// flushInline emits the loose text gathered between blocks as a paragraph.
func (h *htmlRenderer) flushInline() {
	if h.inline.Len() == 0 {
		return
	}
	h.emit(collapseSpace(h.inline.String()))
	h.inline.Reset()
}

// block renders a block-level container's children.
func (h *htmlRenderer) block(n *html.Node, depth int) {
	if depth > maxHTMLDepth {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		h.node(c, depth+1)
	}
}

func (h *htmlRenderer) node(n *html.Node, depth int) {
	switch n.Type {
	case html.TextNode:
		h.inline.WriteString(n.Data)
		return
	case html.ElementNode:
	default:
		return
	}
	a := n.DataAtom
	switch {
	case htmlSkip[a]:
		if a == atom.Img {
			h.inline.WriteString(" " + attr(n, "alt") + " ")
		}
		return
	case h.dropChrome && htmlChrome[a]:
		return
	case isHidden(n):
		return
	case isInlineHTML(a):
		if a == atom.Br {
			h.inline.WriteByte(' ')
			return
		}
		appendHTMLText(&h.inline, n, depth)
		return
	}
	h.flushInline()
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		text := htmlText(n)
		if text == "" {
			return
		}
		level := int(a.String()[1] - '0')
		if level == 1 && h.title == "" {
			h.title = text
			return
		}
		depth := max(level-2, 0)
		if depth > len(h.heading) {
			depth = len(h.heading)
		}
		hp := make([]string, depth+1)
		copy(hp, h.heading[:depth])
		hp[depth] = text
		h.heading = hp
	case atom.P, atom.Pre, atom.Blockquote, atom.Dd, atom.Dt, atom.Address, atom.Figcaption, atom.Summary, atom.Caption, atom.Legend:
		if hasBlockChild(n) {
			h.block(n, depth)
			h.flushInline()
			return
		}
		h.emit(htmlText(n))
	case atom.Ul, atom.Ol, atom.Menu:
		h.emit(strings.Join(htmlList(n, "", depth), "\n"))
	case atom.Table:
		h.emit(htmlTable(n, depth))
	default:
		h.block(n, depth)
		h.flushInline()
	}
}

// hasBlockChild reports whether n contains a block-level element child.
func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && !isInlineHTML(c.DataAtom) && !htmlSkip[c.DataAtom] {
			return true
		}
	}
	return false
}

// htmlList renders list items as "- item" lines (numbered lists "1. item"),
// nested lists indented by two spaces.
func htmlList(n *html.Node, indent string, depth int) []string {
	if depth > maxHTMLDepth {
		return nil
	}
	var lines []string
	num := 0
	for li := n.FirstChild; li != nil; li = li.NextSibling {
		if li.Type != html.ElementNode || li.DataAtom != atom.Li {
			continue
		}
		num++
		var text strings.Builder
		var nested []string
		for c := li.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && (c.DataAtom == atom.Ul || c.DataAtom == atom.Ol) {
				nested = append(nested, htmlList(c, indent+"  ", depth+1)...)
				continue
			}
			appendHTMLText(&text, c, depth+1)
		}
		marker := "- "
		if n.DataAtom == atom.Ol {
			marker = fmt.Sprintf("%d. ", num)
		}
		if t := collapseSpace(text.String()); t != "" {
			lines = append(lines, indent+marker+t)
		}
		lines = append(lines, nested...)
	}
	return lines
}

// htmlTable renders a table one row per line, cells separated by " | ",
// its caption first.
func htmlTable(n *html.Node, depth int) string {
	var lines []string
	walkHTML(n, depth, func(e *html.Node) bool {
		switch e.DataAtom {
		case atom.Caption:
			if t := htmlText(e); t != "" {
				lines = append(lines, t)
			}
		case atom.Tr:
			var cells []string
			empty := true
			for c := e.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode && (c.DataAtom == atom.Td || c.DataAtom == atom.Th) {
					t := htmlText(c)
					if t != "" {
						empty = false
					}
					cells = append(cells, t)
				}
			}
			if !empty {
				lines = append(lines, strings.Join(cells, " | "))
			}
		}
		return true
	})
	return strings.Join(lines, "\n")
}
