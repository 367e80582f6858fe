package ingest

import "strings"

// Rendering of a DILA publication's body: sections become heading paths,
// lists, tables and note boxes become text blocks, and the trailing lists
// (online services, addresses, references, glossary) become blocks of their
// own.

// dilaRenderer turns the body of a publication into blocks.
type dilaRenderer struct {
	blocks  []Block
	heading []string
	// shared is a copy of heading reused by consecutive blocks.
	shared []string

	overview    []string
	contents    []Block
	services    []string
	references  []string
	addresses   []string
	definitions []string
	links       []string
}

func (r *dilaRenderer) emit(text string) {
	if text == "" {
		return
	}
	if r.shared == nil && len(r.heading) > 0 {
		r.shared = append([]string(nil), r.heading...)
	}
	r.blocks = append(r.blocks, Block{Heading: r.shared, Text: text})
}

func (r *dilaRenderer) para(text string) {
	r.emit(collapseSpace(text))
}

func (r *dilaRenderer) push(h string) {
	r.heading = append(r.heading, h)
	r.shared = nil
}

func (r *dilaRenderer) pop() {
	r.heading = r.heading[:len(r.heading)-1]
	r.shared = nil
}

// section renders fn under the heading given by n's Titre child, if any.
func (r *dilaRenderer) section(n *xnode, fn func()) {
	title := ""
	if t := n.child("Titre"); t != nil {
		title = inline(t)
	}
	if title == "" {
		fn()
		return
	}
	r.push(title)
	fn()
	r.pop()
}

func (r *dilaRenderer) flushOverview() {
	if len(r.overview) == 0 {
		return
	}
	r.emit(strings.Join(r.overview, "\n"))
	r.overview = nil
}

// trailer emits the collected lines of a trailing list under heading h.
func (r *dilaRenderer) trailer(h string, lines []string) {
	lines = dedupe(lines)
	if len(lines) == 0 {
		return
	}
	r.push(h)
	r.emit(strings.Join(lines, "\n"))
	r.pop()
}

// body renders the children of a flow container.
func (r *dilaRenderer) body(n *xnode) {
	for _, k := range n.kids {
		r.node(k)
	}
}

// node renders one element of the flow.
func (r *dilaRenderer) node(n *xnode) {
	switch n.name {
	case "":
		r.para(n.text)
	case "Titre":
		// Titles are read by their parent.
	case "Paragraphe", "Item":
		r.para(inline(n))
	case "Chapitre", "SousChapitre", "Situation", "Cas", "Problematique", "Branche", "Avertissement":
		r.section(n, func() { r.body(n) })
	case "Liste":
		r.emit(listText(n, ""))
	case "Tableau":
		r.emit(tableText(n))
	case "ANoter", "ASavoir", "Attention", "Rappel":
		r.emit(boxText(n))
	case "ServiceEnLigne":
		lines := []string{serviceLine(n)}
		if intro := n.child("Introduction"); intro != nil {
			lines = append(lines, flatten(intro)...)
		}
		r.emit(strings.Join(lines, "\n"))
	case "OuSAdresser":
		lines := []string{"Où s'adresser : " + addressLine(n)}
		if t := n.child("Texte"); t != nil {
			lines = append(lines, flatten(t)...)
		}
		r.emit(strings.Join(lines, "\n"))
	case "Reference":
		r.emit(referenceLine(n))
	case "Definition", "Abreviation":
		r.emit(definitionLine(n))
	case "LienExterneCommente":
		r.emit(linkLine(n))
	default:
		// Containers (Texte, Introduction, BlocCas, ListeSituations,
		// FragmentConditionne, Contenu, Aide...) and unknown elements: their
		// content stays in the flow, under their title if they have one.
		if n.child("Titre") != nil {
			r.section(n, func() { r.body(n) })
			return
		}
		if hasElementKids(n) {
			r.body(n)
			return
		}
		r.para(inline(n))
	}
}

// nonEmpty returns a one-element heading path, or nil for an empty title.
func nonEmpty(title string) []string {
	if title == "" {
		return nil
	}
	return []string{title}
}

func hasElementKids(n *xnode) bool {
	for _, k := range n.kids {
		if k.name != "" {
			return true
		}
	}
	return false
}

// blockish elements separate words even when the source has no white space
// between them.
var blockish = map[string]bool{
	"Paragraphe": true, "Titre": true, "Item": true, "Liste": true, "Cellule": true,
	"Rangée": true, "Texte": true, "Chapitre": true, "SousChapitre": true, "Cas": true,
	"Complement": true, "Introduction": true,
}

// inline returns the text of n and its descendants with white space
// collapsed: inline elements (LienInterne, MiseEnEvidence, Exposant…) keep
// their text in the flow exactly where it is, so "1<Exposant>er</Exposant>"
// reads "1er".
func inline(n *xnode) string {
	var b strings.Builder
	appendInline(&b, n)
	return collapseSpace(b.String())
}

func appendInline(b *strings.Builder, n *xnode) {
	if n.name == "" {
		b.WriteString(n.text)
		return
	}
	sep := blockish[n.name]
	if sep {
		b.WriteByte(' ')
	}
	for _, k := range n.kids {
		appendInline(b, k)
	}
	if sep {
		b.WriteByte(' ')
	}
}

// listText renders a Liste one item per line, "- " first; nested lists are
// indented by two spaces per level.
func listText(n *xnode, indent string) string {
	var lines []string
	for _, item := range n.kids {
		if item.name == "" {
			if t := collapseSpace(item.text); t != "" {
				lines = append(lines, indent+"- "+t)
			}
			continue
		}
		var text strings.Builder
		var nested []string
		for _, k := range item.kids {
			if k.name == "Liste" {
				if s := listText(k, indent+"  "); s != "" {
					nested = append(nested, s)
				}
				continue
			}
			appendInline(&text, k)
		}
		if t := collapseSpace(text.String()); t != "" {
			lines = append(lines, indent+"- "+t)
		}
		lines = append(lines, nested...)
	}
	return strings.Join(lines, "\n")
}

// tableText renders a Tableau: its title on the first line, then one line
// per row (header rows included) with cells separated by " | ".
func tableText(n *xnode) string {
	var lines []string
	if t := n.child("Titre"); t != nil {
		if s := inline(t); s != "" {
			lines = append(lines, s)
		}
	}
	for _, row := range n.kids {
		if row.name != "Rangée" {
			continue
		}
		var cells []string
		empty := true
		for _, c := range row.kids {
			if c.name != "Cellule" {
				continue
			}
			s := cellText(c)
			if s != "" {
				empty = false
			}
			cells = append(cells, s)
		}
		if !empty {
			lines = append(lines, strings.Join(cells, " | "))
		}
	}
	return strings.Join(lines, "\n")
}

// cellText is a table cell on one line: list items are joined by "; ".
func cellText(c *xnode) string {
	var parts []string
	for _, k := range c.kids {
		if k.name == "Liste" {
			for _, it := range k.kids {
				if s := inline(it); s != "" {
					parts = append(parts, s)
				}
			}
			continue
		}
		if s := inline(k); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, "; ")
}

var boxLabel = map[string]string{
	"ANoter": "À noter", "ASavoir": "À savoir", "Attention": "Attention", "Rappel": "Rappel",
}

// boxText renders a note box as "À noter : text" (the label is the box's
// own title when it has one, such as "Exemple").
func boxText(n *xnode) string {
	label := boxLabel[n.name]
	if t := n.child("Titre"); t != nil {
		if s := inline(t); s != "" {
			label = s
		}
	}
	lines := flatten(n)
	if len(lines) == 0 {
		return ""
	}
	if strings.HasPrefix(lines[0], "- ") {
		return label + " :\n" + strings.Join(lines, "\n")
	}
	lines[0] = label + " : " + lines[0]
	return strings.Join(lines, "\n")
}

// flatten renders n's content as lines: sub-headings become lines of their
// own instead of heading levels.
func flatten(n *xnode) []string {
	sub := &dilaRenderer{}
	sub.body(n)
	var lines []string
	var prev []string
	for _, b := range sub.blocks {
		if !equalStrings(b.Heading, prev) && len(b.Heading) > 0 {
			lines = append(lines, b.Heading[len(b.Heading)-1])
		}
		prev = b.Heading
		lines = append(lines, b.Text)
	}
	return lines
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// titled returns the text of n's Titre and Complement children.
func titled(n *xnode) (title, complement string) {
	if t := n.child("Titre"); t != nil {
		title = inline(t)
	}
	if c := n.child("Complement"); c != nil {
		complement = inline(c)
	}
	return title, complement
}

// serviceLine renders an online service (téléservice, formulaire,
// simulateur…) as "Title (type) : URL".
func serviceLine(n *xnode) string {
	title, _ := titled(n)
	if title == "" {
		title = "Service en ligne"
	}
	if typ := n.attr("type"); typ != "" {
		if num := n.attr("numerocerfa"); num != "" {
			typ += " " + num
		}
		title += " (" + typ + ")"
	}
	if u := strings.TrimSpace(n.attr("URL")); u != "" {
		return title + " : " + u
	}
	return title
}

// referenceLine renders a legal reference as "Title (complement) : URL".
func referenceLine(n *xnode) string {
	title, comp := titled(n)
	if comp != "" {
		title += " (" + comp + ")"
	}
	if u := strings.TrimSpace(n.attr("URL")); u != "" {
		return title + " : " + u
	}
	return title
}

// addressLine renders where to go as "Title (complement)".
func addressLine(n *xnode) string {
	title, comp := titled(n)
	if comp != "" {
		return title + " (" + comp + ")"
	}
	return title
}

// definitionLine renders a glossary entry as "Term : definition".
func definitionLine(n *xnode) string {
	title, _ := titled(n)
	var body []string
	if t := n.child("Texte"); t != nil {
		body = flatten(t)
	}
	text := strings.Join(body, " ")
	switch {
	case title == "":
		return text
	case text == "":
		return title
	}
	return title + " : " + text
}

// linkLine renders a commented external link as "Title : URL" followed by
// the comment.
func linkLine(n *xnode) string {
	var line string
	if l := n.child("LienExterne"); l != nil {
		line = inline(l)
		if u := strings.TrimSpace(l.attr("URL")); u != "" {
			line += " : " + u
		}
	}
	if c := n.child("Commentaire"); c != nil {
		if s := strings.Join(flatten(c), " "); s != "" {
			if line != "" {
				line += "\n"
			}
			line += s
		}
	}
	return line
}

// listOf renders the children of a dossier's SousDossier or a theme's
// SousTheme (the pages they list) as "- " lines.
func listOf(n *xnode) string {
	var lines []string
	for _, k := range n.kids {
		if k.name == "" || k.name == "Titre" {
			continue
		}
		if s := inline(k); s != "" {
			lines = append(lines, "- "+s)
		}
	}
	return strings.Join(lines, "\n")
}
